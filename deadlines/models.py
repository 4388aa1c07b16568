from django.db import models


class Heartbeat(models.Model):
    """The last time a periodic process proved it was alive (beat → broker → worker → database)."""

    name = models.CharField(max_length=50, unique=True)
    last_seen = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.name} at {self.last_seen:%Y-%m-%d %H:%M:%S}"
