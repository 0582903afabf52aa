"""What tests/test_reminders_worker.py's worker processes run with: settings and a mail backend."""
