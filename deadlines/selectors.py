from .models import Heartbeat


def heartbeat_last_seen(*, name: str):
    """When the named periodic process last ran, or None if it never has."""
    return Heartbeat.objects.filter(name=name).values_list("last_seen", flat=True).first()
