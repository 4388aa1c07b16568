from celery import shared_task

from . import services


@shared_task(acks_late=True, reject_on_worker_lost=True)
def heartbeat() -> None:
    """Periodic (static beat schedule): prove that beat, the broker and a worker are all alive."""
    services.heartbeat_record(name="worker")
