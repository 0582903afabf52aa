"""Demo data from the seed documents: `manage.py load_demo`."""

from .builder import REFERENCES, demo_is_loaded, demo_load, demo_logins, demo_status

__all__ = ["REFERENCES", "demo_is_loaded", "demo_load", "demo_logins", "demo_status"]
