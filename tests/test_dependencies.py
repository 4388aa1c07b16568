"""What ships to browsers is a runtime dependency, so `npm audit --omit=dev` covers it, and the
lock file agrees (issue 15 item 10)."""

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# every package whose code static/build.mjs copies or compiles into static/build/
SHIPPED = ["govuk-frontend", "accessible-autocomplete"]


def test_packages_that_ship_to_browsers_are_runtime_dependencies():
    package = json.loads((ROOT / "package.json").read_text())
    for name in SHIPPED:
        assert name in package["dependencies"], name
        assert name not in package.get("devDependencies", {}), name


def test_the_lock_file_does_not_mark_them_development_only():
    lock = json.loads((ROOT / "package-lock.json").read_text())
    root = lock["packages"][""]
    for name in SHIPPED:
        assert name in root["dependencies"], name
        assert not lock["packages"][f"node_modules/{name}"].get("dev"), name


def test_the_python_proxy_address_reader_is_a_declared_dependency():
    text = (ROOT / "pyproject.toml").read_text()
    assert '"django-ipware' in text
