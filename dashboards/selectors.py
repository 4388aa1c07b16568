from datetime import timedelta

from django.conf import settings
from django.db import connection
from django.utils import timezone
from kombu import Connection

from deadlines.selectors import heartbeat_last_seen


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # noqa: BLE001 - any failure means "not ok"; details stay out of the reply
        return False


def _broker_ok() -> bool:
    try:
        with Connection(
            settings.CELERY_BROKER_URL,
            transport_options=settings.CELERY_BROKER_TRANSPORT_OPTIONS,
            connect_timeout=2,
        ) as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
            return True
    except Exception:  # noqa: BLE001
        return False


def health_report() -> dict:
    """Whether the database and broker answer, and when a worker last ran the heartbeat task.

    The worker's heartbeat is reported but does not fail the check: a web process is healthy
    even while the worker restarts.
    """
    database = _database_ok()
    broker = _broker_ok()
    last_seen = heartbeat_last_seen(name="worker") if database else None
    interval = settings.CELERY_BEAT_SCHEDULE["heartbeat"]["schedule"]
    fresh = last_seen is not None and timezone.now() - last_seen < timedelta(seconds=interval * 3)
    return {
        "status": "ok" if database and broker else "error",
        "database": "ok" if database else "error",
        "broker": "ok" if broker else "error",
        "worker": {
            "status": "ok" if fresh else "unknown",
            "last_heartbeat": last_seen.isoformat() if last_seen else None,
        },
    }
