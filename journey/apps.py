from django.apps import AppConfig


class JourneyConfig(AppConfig):
    name = "journey"
    verbose_name = "Early permanence journey"

    def ready(self):
        from django.db.models.signals import post_save

        from children.models import Child

        from .receivers import on_child_saved

        post_save.connect(on_child_saved, sender=Child, dispatch_uid="journey.on_child_saved")
