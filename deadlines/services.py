from django.db import transaction
from django.utils import timezone

from .models import Heartbeat


@transaction.atomic
def heartbeat_record(*, name: str) -> Heartbeat:
    """Record that a periodic process is alive now. Safe to run any number of times."""
    heartbeat, _ = Heartbeat.objects.update_or_create(
        name=name, defaults={"last_seen": timezone.now()}
    )
    return heartbeat
