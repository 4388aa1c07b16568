from django.apps import AppConfig


class FamilyTimeConfig(AppConfig):
    name = "family_time"
    verbose_name = "Family time"

    def ready(self):
        from accounts import home, navigation
        from accounts.rules import is_family_time_worker

        from . import extensions
        from .selectors import home_panel

        extensions.register()
        navigation.register(
            navigation.NavItem(
                "Family time", "family_time:schedule", is_family_time_worker.test, order=15
            )
        )
        home.register(
            home.HomePanel(
                "family_time/home_panel.html", lambda user: home_panel(user=user), order=15
            )
        )
