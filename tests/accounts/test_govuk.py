"""The shared date field (accounts.govuk.GovDateField) on every date of every form of the project.

A 20-digit day, month or year once answered 500 (``date()`` raises OverflowError, not
ValueError). Every date field of every form class in the apps' ``forms`` modules is found here,
then posted with such input through the declared page that shows it (tests/<app>/access.py): the
page answers 200, says "<Date of …> must be a real date" and keeps what was typed. A new form
is picked up by itself; one that no declared page shows fails until a page is declared for it.
"""

import importlib
import inspect
import pkgutil

import pytest
from crispy_forms_gds.fields import DateInputField
from django import forms
from django.db import transaction
from django.test.utils import override_settings
from django.urls import reverse
from django.utils.html import escape

from accounts.govuk import GovDateField
from tests.access_matrix import all_pages, axe_role, build_world, project_apps
from tests.accounts.second_factor import SignedInClient
from tests.helpers import input_value

HUGE = "1" * 20
VALID = ("1", "1", "2020")  # day, month, year around the huge part
FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _form_modules():
    for config in project_apps():
        try:
            module = importlib.import_module(f"{config.name}.forms")
        except ModuleNotFoundError as missing:
            if missing.name != f"{config.name}.forms":
                raise
            continue
        yield module
        for info in pkgutil.walk_packages(getattr(module, "__path__", []), f"{module.__name__}."):
            yield importlib.import_module(info.name)


def date_fields_of_every_form() -> list[tuple[type, str]]:
    """(form class, field name) for every date input of every form class of the project."""
    found = []
    for module in _form_modules():
        for _, form_class in inspect.getmembers(module, inspect.isclass):
            if not issubclass(form_class, forms.BaseForm) or form_class.__module__ != (
                module.__name__
            ):
                continue
            for name, field in form_class.base_fields.items():
                if isinstance(field, DateInputField):
                    found.append((form_class, name))
    return found


DATE_FIELDS = date_fields_of_every_form()
# each form is posted once per part, with that part of every one of its dates 20 digits long
FORMS = sorted({form for form, _ in DATE_FIELDS}, key=lambda form: form.__name__)


def test_every_form_with_a_date_is_found():
    names = {f"{form.__name__}.{field}" for form, field in DATE_FIELDS}
    # a few that must be there, so an empty walk cannot pass
    assert {"ChildForm.date_of_birth", "HearingForm.listed_on", "PlanForm.meeting_on"} <= names


def _forms_in(response) -> list[forms.BaseForm]:
    if response.context is None:
        return []
    found = []
    for context in response.context:
        values = context.flatten().values() if hasattr(context, "flatten") else [context]
        found += [value for value in values if isinstance(value, forms.BaseForm)]
    return found


@pytest.fixture(scope="module")
def pages_by_form(django_db_setup, django_db_blocker):
    """{form class: (URL, user)} of the first declared page that shows each form, on the shared
    world (built once here, rolled back at the end)."""
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHER):
        with transaction.atomic():
            world = build_world()
            shown = {}
            for url_name, page in sorted(all_pages().items()):
                role = axe_role(page)
                # only the pages that declare a form (tests/test_access_matrix.py fails for a
                # page whose form is not declared)
                has_form = page.errors is not None or page.no_errors
                if page.method != "get" or role in (None, "anonymous") or not has_form:
                    continue
                url = reverse(url_name, kwargs=page.kwargs(world) if page.kwargs else None)
                client = SignedInClient()  # with the second factor, for admins
                client.force_login(world.user(role))
                response = client.get(url)
                if response.status_code != 200:
                    continue
                for form in _forms_in(response):
                    shown.setdefault(type(form), (url, world.user(role)))
            yield shown
            transaction.set_rollback(True)


@pytest.mark.parametrize("part", [0, 1, 2], ids=["day", "month", "year"])
@pytest.mark.parametrize("form_class", FORMS, ids=[form.__name__ for form in FORMS])
def test_a_20_digit_date_part_is_not_a_real_date_on_every_form(
    pages_by_form, db, form_class, part
):
    names = [name for form, name in DATE_FIELDS if form is form_class]
    for name in names:
        assert isinstance(form_class.base_fields[name], GovDateField), (
            f"{form_class.__name__}.{name}: use accounts.govuk.GovDateField for dates"
        )
    assert form_class in pages_by_form, (
        f"no declared page shows {form_class.__name__}: declare it in tests/<app>/access.py"
    )
    url, user = pages_by_form[form_class]
    client = SignedInClient()  # with the second factor, for admins
    client.force_login(user)
    values = list(VALID)
    values[part] = HUGE
    data = {f"{name}_{index}": value for name in names for index, value in enumerate(values)}
    response = client.post(url, data)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    page = response.content.decode()
    for name in names:
        assert escape(form_class.base_fields[name]._real_date) in page, name
        for index, value in enumerate(values):
            assert input_value(page, f"{name}_{index}") == value, f"{name}_{index}"
