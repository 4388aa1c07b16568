"""The floors of the house (DESIGN.md "Layout"): an app uses only the floors below it.

The apps are those of INSTALLED_APPS (an app of the project without a floor here fails), and
"uses" means any of: an import; an ``"app.Model"`` string (a lazy ForeignKey, ``get_model``); a
template of the app (``templates/<app>/``) naming another app's URL (``{% url 'app:…' %}``) or
template (``{% include "app/…" %}``, ``{% extends "app/…" %}``).
"""

import ast
import re
from pathlib import Path

import pytest
from django.apps import apps

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"
ROOF = "ep_tracker"  # settings, urls, celery: may name any app
FLOORS = {
    "accounts": 0,
    "children": 1,
    "carers": 1,
    "matching": 2,
    "family_time": 2,
    "reunification": 2,
    "journey": 3,
    "deadlines": 4,
    "dashboards": 5,
    ROOF: 6,
}
# Templates outside an app's directory: the site's frame (base.html, the error pages) is the
# roof's; the shared pieces and the sign-in pages are the ground floor's.
TEMPLATE_DIRS = {"includes": "accounts", "registration": "accounts"}


def _project_apps() -> list[str]:
    """The labels of INSTALLED_APPS that are this project's own apps."""
    return [config.label for config in apps.get_app_configs() if Path(config.path).parent == ROOT]


APPS = _project_apps()


def _climbs(app: str, other: str) -> bool:
    """Using ``other`` from ``app`` goes up or sideways (the roof uses anything)."""
    return (
        app != ROOF
        and other != app
        and other in FLOORS
        and FLOORS.get(other, -1) >= FLOORS.get(app, -1)
    )


def _imports(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name.split(".")[0], node.lineno
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.split(".")[0], node.lineno


def _is_model(label: str, name: str) -> bool:
    try:
        apps.get_model(label, name)
    except (LookupError, ValueError):
        return False
    return True


def _model_strings(tree: ast.AST):
    """``"app.Model"`` strings (lazy relations, ``get_model("app.Model")``) and
    ``get_model("app", "Model")`` calls naming a model of the project."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            match = re.fullmatch(r"(\w+)\.(\w+)", node.value)
            if match and match.group(1) in FLOORS and _is_model(*match.groups()):
                yield match.group(1), node.lineno
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", None)) == "get_model"
            and len(node.args) >= 2
            and all(isinstance(arg, ast.Constant) for arg in node.args[:2])
            and node.args[0].value in FLOORS
        ):
            yield node.args[0].value, node.lineno


def _python_files(app: str):
    return sorted((ROOT / app).rglob("*.py"))


def _template_app(path: Path) -> str:
    """The app a template belongs to, by its directory under templates/."""
    parts = path.relative_to(TEMPLATES).parts
    if len(parts) == 1:
        return ROOF
    return TEMPLATE_DIRS.get(parts[0], parts[0])


TEMPLATE_TAG = re.compile(
    r"""\{%\s*(?P<tag>url|include|extends)\s+(?P<quote>['"])(?P<name>[^'"]+)(?P=quote)"""
)


def _template_uses(text: str):
    """(app used, line) for each {% url 'app:…' %}, {% include "app/…" %}, {% extends … %}."""
    for match in TEMPLATE_TAG.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        name = match.group("name")
        if match.group("tag") == "url":
            if ":" in name:
                yield name.split(":")[0], line
        elif "/" in name:
            top = name.split("/")[0]
            yield TEMPLATE_DIRS.get(top, top), line


def test_every_app_of_the_project_has_a_floor():
    assert APPS, "no project app found in INSTALLED_APPS"
    missing = [app for app in APPS if app not in FLOORS]
    assert not missing, f"give these apps a floor in FLOORS (DESIGN.md Layout): {missing}"


def test_template_directories_are_apps_with_a_floor():
    unknown = sorted(
        {
            _template_app(path)
            for path in TEMPLATES.rglob("*.html")
            if _template_app(path) not in FLOORS
        }
    )
    assert not unknown, f"templates/<dir>/ that is no app with a floor: {unknown}"


@pytest.mark.parametrize("app", [*APPS, ROOF])
def test_app_imports_only_lower_floors(app):
    wrong = []
    for path in _python_files(app):
        tree = ast.parse(path.read_text(), filename=str(path))
        for module, line in _imports(tree):
            if _climbs(app, module):
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
        for other, line in _model_strings(tree):
            if _climbs(app, other):
                wrong.append(f"{path.relative_to(ROOT)}:{line} names a model of {other}")
    assert not wrong, "imports that climb a floor (see DESIGN.md Layout):\n" + "\n".join(wrong)


@pytest.mark.parametrize("app", [*APPS, ROOF])
def test_app_templates_use_only_lower_floors(app):
    wrong = []
    for path in sorted(TEMPLATES.rglob("*.html")):
        if _template_app(path) != app:
            continue
        for other, line in _template_uses(path.read_text()):
            if _climbs(app, other):
                wrong.append(f"{path.relative_to(ROOT)}:{line} uses {other}")
    assert not wrong, "templates that climb a floor (see DESIGN.md Layout):\n" + "\n".join(wrong)


def test_no_app_imports_the_celery_app():
    wrong = []
    for app in APPS:
        for path in _python_files(app):
            tree = ast.parse(path.read_text(), filename=str(path))
            if ROOF in {m for m, _ in _imports(tree)}:
                wrong.append(str(path.relative_to(ROOT)))
    assert not wrong, f"use @shared_task instead of importing ep_tracker: {wrong}"


# --- the checks themselves catch what they should ---


def test_a_lazy_relation_to_a_higher_app_climbs():
    tree = ast.parse('household = models.ForeignKey("accounts.Team", on_delete=CASCADE)')
    assert list(_model_strings(tree)) == [("accounts", 1)]
    assert _climbs("accounts", "children")
    assert _climbs("children", "carers")
    assert not _climbs("children", "accounts")
    assert not _climbs(ROOF, "dashboards")


def test_template_tags_name_the_app_they_use():
    text = (
        "{% extends \"base.html\" %}\n{% url 'children:record' child.pk %}\n"
        '{% include "carers/_x.html" %}\n{% include "includes/pagination.html" %}'
    )
    assert list(_template_uses(text)) == [("children", 2), ("carers", 3), ("accounts", 4)]
