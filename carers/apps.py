from django.apps import AppConfig


class CarersConfig(AppConfig):
    name = "carers"
    verbose_name = "Carers"

    def ready(self):
        from accounts import navigation

        from .rules import works_with_carers

        navigation.register(
            navigation.NavItem("Carers", "carers:list", works_with_carers.test, order=20)
        )
