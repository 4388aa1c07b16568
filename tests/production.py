"""The production shape of ep_tracker/settings.py, read in the test process.

``production_settings()`` runs the settings module again with ``DJANGO_ENV=production`` (and
the variables production requires) and returns its names, so a test can apply exactly what
production configures (``settings.AXES_IPWARE_PROXY_COUNT = prod["AXES_IPWARE_PROXY_COUNT"]``)
rather than a copy of it.
"""

import os
import runpy
from pathlib import Path
from unittest import mock

SETTINGS = Path(__file__).resolve().parent.parent / "ep_tracker" / "settings.py"


def production_settings(**environ: str) -> dict:
    env = {
        "DJANGO_ENV": "production",
        "DJANGO_SECRET_KEY": "production-settings-under-test-not-a-secret-0123456789abcdef",
        "DJANGO_ALLOWED_HOSTS": "ep-tracker.example.org",
        "DATABASE_URL": os.environ.get("DATABASE_URL", "postgres://localhost/ep_tracker"),
        "CELERY_BROKER_URL": os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"),
        **environ,
    }
    with mock.patch.dict(os.environ, env):
        return runpy.run_path(str(SETTINGS))
