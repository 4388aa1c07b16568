from django.apps import AppConfig


class FamilyTimeConfig(AppConfig):
    name = "family_time"
    verbose_name = "Family time"
