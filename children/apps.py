from django.apps import AppConfig


class ChildrenConfig(AppConfig):
    name = "children"
    verbose_name = "Children"

    def ready(self):
        from accounts import home, navigation

        from . import chronology  # noqa: F401 - registers the child's own chronology sources
        from .rules import works_with_children
        from .selectors import home_panel

        navigation.register(
            navigation.NavItem("Children", "children:list", works_with_children.test, order=10)
        )
        home.register(
            home.HomePanel(
                "children/home_panel.html", lambda user: home_panel(user=user), order=10
            )
        )
