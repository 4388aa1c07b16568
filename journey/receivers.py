"""A child gets a journey at ``identified`` the moment their record is saved for the first time.

A ``post_save`` receiver on ``Child`` rather than a child event: it keeps ``children`` from knowing
the journey exists, and it holds for every way a child is created (the service, the demo, a data
load, the tests' factories), in the same transaction as the child's record.
"""


def on_child_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        from .services import journey_create

        journey_create(child=instance)
