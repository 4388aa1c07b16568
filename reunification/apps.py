from django.apps import AppConfig


class ReunificationConfig(AppConfig):
    name = "reunification"
    verbose_name = "Reunification"

    def ready(self):
        from .extensions import register

        register()
