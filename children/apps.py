from django.apps import AppConfig


class ChildrenConfig(AppConfig):
    name = "children"
    verbose_name = "Children"

    def ready(self):
        from accounts import home, navigation

        from . import chronology, history, legal_sources
        from .rules import works_with_children
        from .selectors import home_panel
        from .views import sections

        # the child's own tabs, header facts, chronology and history, on the extension points
        # that the apps above fill in the same way (children.extensions)
        sections.register_own()
        chronology.register_own_sources()
        history.register_own_sources()
        # issue 9: the birth plan, the baby's health and the assessments of the parents
        from . import birth_extensions

        birth_extensions.register()
        # issue 9 item 10: Standards whose evidence is a record (one registration each)
        from . import standards_evidence

        standards_evidence.register_own()
        legal_sources.register()

        navigation.register(
            navigation.NavItem("Children", "children:list", works_with_children.test, order=10)
        )
        home.register(
            home.HomePanel(
                "children/home_panel.html", lambda user: home_panel(user=user), order=10
            )
        )
