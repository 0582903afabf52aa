"""Celery as in production (a real broker, no eager tasks), for the tests that need it."""

from contextlib import contextmanager

import pytest

from recruitment.celery import app as celery_app


def _reset_connections():
    # The connection pool and the amqp helper (producer pool, queues, router) are built from the
    # configuration once; drop them so the next publish uses the configuration set here.
    celery_app._pool = None
    celery_app.__dict__.pop("amqp", None)


@contextmanager
def celery_configured(**options):
    conf = celery_app.conf
    saved = {key: conf[key] for key in options}
    conf.update(task_always_eager=False, **options)
    _reset_connections()
    try:
        yield celery_app
    finally:
        conf.update(task_always_eager=True, **saved)
        _reset_connections()


@pytest.fixture(name="broker_down")
def broker_down_fixture():
    """Celery as in production, but its broker is a closed port; publishing fails fast."""
    with celery_configured(
        broker_url="redis://127.0.0.1:1/0",
        broker_connection_timeout=1,
        broker_transport_options={"max_retries": 0},
        task_publish_retry_policy={"max_retries": 0, "interval_start": 0},
    ):
        yield
