"""A registry of home page panels that higher apps fill in from their AppConfig.ready().

Each panel is a template and a function giving its context for a user (or None to hide it),
so that the home page shows a user their caseload or reviews without ``accounts`` importing
the apps that own them.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class HomePanel:
    template: str
    context: Callable  # (user) -> dict | None
    order: int = 100


_registry: list[HomePanel] = []


def register(panel: HomePanel) -> None:
    if panel not in _registry:
        _registry.append(panel)


def panels_for(user) -> list[dict]:
    panels = []
    for panel in sorted(_registry, key=lambda p: p.order):
        context = panel.context(user)
        if context is not None:
            panels.append({"template": panel.template, **context})
    return panels
