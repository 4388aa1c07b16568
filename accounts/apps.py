from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts and access"

    def ready(self):
        from . import home, navigation, selectors

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
        # separation of duties: every admin sees the roles given in their organisation
        home.register(
            home.HomePanel(
                "accounts/role_changes_panel.html",
                lambda user: _role_changes_panel(selectors.recent_role_changes(user=user)),
                order=95,
            )
        )


def _role_changes_panel(changes):
    return None if changes is None else {"role_changes": changes}
