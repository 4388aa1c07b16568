"""A registry of navigation links that each app fills in from its AppConfig.ready().

The ground floor cannot import the apps above it, so they register their own links here, each
with the roles that see it. Order is the order of registration (the order of INSTALLED_APPS).
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    visible: Callable  # (user) -> bool
    order: int = 100


_registry: list[NavItem] = []


def register(item: NavItem) -> None:
    if item not in _registry:
        _registry.append(item)


def navigation_for(user) -> list[NavItem]:
    return sorted((i for i in _registry if i.visible(user)), key=lambda i: i.order)
