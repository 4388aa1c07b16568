"""The floors of the house (DESIGN.md "Layout"): an app imports only the floors below it."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FLOORS = {
    "accounts": 0,
    "children": 1,
    "carers": 1,
    "matching": 2,
    "family_time": 2,
    "reunification": 2,
    "deadlines": 3,
    "dashboards": 4,
    "ep_tracker": 5,
}


def _imports(path: Path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name.split(".")[0], node.lineno
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.split(".")[0], node.lineno


@pytest.mark.parametrize("app", sorted(FLOORS))
def test_app_imports_only_lower_floors(app):
    wrong = []
    for path in (ROOT / app).rglob("*.py"):
        for module, line in _imports(path):
            if module in FLOORS and module != app and FLOORS[module] >= FLOORS[app]:
                # the roof (settings, urls, celery) may name any app; apps may not climb up
                if app == "ep_tracker":
                    continue
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    assert not wrong, "imports that climb a floor (see DESIGN.md Layout):\n" + "\n".join(wrong)


def test_no_app_imports_the_celery_app():
    wrong = []
    for app in FLOORS:
        if app == "ep_tracker":
            continue
        for path in (ROOT / app).rglob("*.py"):
            if "ep_tracker" in {m for m, _ in _imports(path)}:
                wrong.append(str(path.relative_to(ROOT)))
    assert not wrong, f"use @shared_task instead of importing ep_tracker: {wrong}"
