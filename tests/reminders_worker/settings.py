"""Settings of the worker processes in tests/test_reminders_worker.py: the project's settings,
emails written to files by a backend that can stall once (to be killed while sending), and a
broker that hands an unacknowledged task to another worker after seconds, not an hour."""

import os

from recruitment.settings import *  # noqa: F403

EMAIL_BACKEND = "tests.reminders_worker.backend.StallingFileBackend"
CELERY_BROKER_TRANSPORT_OPTIONS = {
    **CELERY_BROKER_TRANSPORT_OPTIONS,  # noqa: F405
    "visibility_timeout": int(os.environ.get("TEST_VISIBILITY_TIMEOUT", "3600")),
    "unacked_restore_interval": 1,
    "unacked_restore_throttle": 1,
}
