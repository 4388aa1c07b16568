"""Every child recorded before the journey existed starts at ``identified``."""

from django.db import migrations
from django.utils import timezone


def give_every_child_a_journey(apps, schema_editor):
    Child = apps.get_model("children", "Child")
    Journey = apps.get_model("journey", "Journey")
    now = timezone.now()
    Journey.objects.bulk_create(
        [
            Journey(child_id=pk, stage="identified", stage_entered_at=now)
            for pk in Child.objects.filter(journey__isnull=True).values_list("pk", flat=True)
        ],
        batch_size=1000,
    )


class Migration(migrations.Migration):
    dependencies = [("journey", "0001_journeys_and_transition_records")]

    operations = [migrations.RunPython(give_every_child_a_journey, migrations.RunPython.noop)]
