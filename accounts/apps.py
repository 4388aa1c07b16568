from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts and access"

    def ready(self):
        from . import navigation

        navigation.register(
            navigation.NavItem("Home", "accounts:home", lambda user: True, order=0)
        )
        navigation.register(
            navigation.NavItem(
                "Teams",
                "accounts:team_list",
                lambda user: user.organisation_id is not None,
                order=90,
            )
        )
        navigation.register(
            navigation.NavItem("Admin", "admin:index", lambda user: user.is_staff, order=99)
        )
