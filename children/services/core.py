"""Every write to a child's record: create, update, archive, record the birth, log each view.

Each service checks the access rules, validates the whole record (``full_clean``, which runs the
model's own rules, so the admin and the pages refuse the same things), and runs in one
transaction. Area services (family, court, plan, reviews, notes, standards) follow the same shape
through ``save_record``.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Min

from accounts.clock import now
from accounts.dates import format_date
from accounts.errors import Errors
from accounts.models import Organisation, Team, User
from accounts.permissions import require_perm
from accounts.records import KEEP, Keep, apply_changes, save_record

from ..events import ChildEvent, child_emit, child_emit_change
from ..models import Child, ChildAccessLog, Ethnicity, Route, Sex, YesNoUnknown


@transaction.atomic
def child_create(
    *,
    by: User,
    legal_name: str,
    la_child_id: str,
    route: Route,
    team: Team,
    identified_on: date,
    known_as: str = "",
    expected_delivery_date: date | None = None,
    date_of_birth: date | None = None,
    sex: Sex | str = "",
    ethnicity: Ethnicity = Ethnicity.NOBT,
    religion: str = "",
    first_language: str = "",
    disability: YesNoUnknown = YesNoUnknown.UNKNOWN,
    health_needs: str = "",
    social_worker: User | None = None,
    iro: User | None = None,
    referred_to: Organisation | None = None,
) -> Child:
    """Create a child's record in the user's own local authority."""
    require_perm(by, "children.add_child")
    child = Child(
        responsible_authority_id=by.organisation_id,
        legal_name=legal_name,
        known_as=known_as,
        expected_delivery_date=expected_delivery_date,
        date_of_birth=date_of_birth,
        sex=sex,
        ethnicity=ethnicity,
        religion=religion,
        first_language=first_language,
        disability=disability,
        health_needs=health_needs,
        la_child_id=la_child_id,
        route=route,
        identified_on=identified_on,
        team=team,
        social_worker=social_worker,
        iro=iro,
        referred_to=referred_to,
    )
    save_record(child, by=by)
    _emit_own_dates(child, by=by, before={})
    return child


def _own_dates(child: Child) -> dict[ChildEvent, date | None]:
    """The child's own dates that are events: born (becoming looked after is a period of
    care's, ``children.services.legal``)."""
    return {ChildEvent.BIRTH_RECORDED: child.date_of_birth}


def _emit_own_dates(child: Child, *, by: User, before: dict[ChildEvent, date | None]) -> None:
    """Emit each own date first recorded or corrected (nothing for a date left as it was)."""
    for kind, after in _own_dates(child).items():
        child_emit_change(kind, child=child, before=before.get(kind), after=after, by=by)


def child_update_errors(*, child: Child) -> dict[str | None, str]:
    """A child's own dates must still fit what is recorded about them: a changed date of birth
    is checked against the proceedings, orders and periods of care.

    ``child`` carries the changed dates (the form's instance, or the locked record changed).
    """
    errors = Errors()
    if child.pk is None:
        return errors.as_dict()
    first_issue = child.proceedings.aggregate(first=Min("issued_on"))["first"]
    first_order = child.orders.aggregate(first=Min("made_on"))["first"]
    first_care = child.care_periods.aggregate(first=Min("started_on"))["first"]
    if child.date_of_birth is None and (first_issue or first_order or first_care):
        errors.add(
            "date_of_birth",
            "Enter the date of birth: care proceedings are recorded for this child",
        )
    elif child.date_of_birth:
        limits = (
            (first_issue, "the date proceedings were issued"),
            (first_order, "the first order"),
            (first_care, "the date the child became looked after"),
        )
        for first, what in limits:
            if first and child.date_of_birth > first:
                errors.add(
                    "date_of_birth",
                    f"Date of birth must be on or before {what} ({format_date(first)})",
                )
                break
    return errors.as_dict()


@transaction.atomic
def child_update(
    *,
    child: Child,
    by: User,
    legal_name: str | Keep = KEEP,
    known_as: str | Keep = KEEP,
    expected_delivery_date: date | None | Keep = KEEP,
    date_of_birth: date | None | Keep = KEEP,
    date_of_death: date | None | Keep = KEEP,
    sex: Sex | str | Keep = KEEP,
    ethnicity: Ethnicity | Keep = KEEP,
    religion: str | Keep = KEEP,
    first_language: str | Keep = KEEP,
    disability: YesNoUnknown | Keep = KEEP,
    health_needs: str | Keep = KEEP,
    la_child_id: str | Keep = KEEP,
    route: Route | Keep = KEEP,
    identified_on: date | Keep = KEEP,
    team: Team | Keep = KEEP,
    social_worker: User | None | Keep = KEEP,
    iro: User | None | Keep = KEEP,
    referred_to: Organisation | None | Keep = KEEP,
) -> Child:
    """Change the child's details and allocation; arguments not given are left as they are."""
    child = Child.objects.select_for_update().get(pk=child.pk)
    require_perm(by, "children.change_child", child)
    before = _own_dates(child)
    apply_changes(
        child,
        legal_name=legal_name,
        known_as=known_as,
        expected_delivery_date=expected_delivery_date,
        date_of_birth=date_of_birth,
        date_of_death=date_of_death,
        sex=sex,
        ethnicity=ethnicity,
        religion=religion,
        first_language=first_language,
        disability=disability,
        health_needs=health_needs,
        la_child_id=la_child_id,
        route=route,
        identified_on=identified_on,
        team=team,
        social_worker=social_worker,
        iro=iro,
        referred_to=referred_to,
    )
    Errors(child_update_errors(child=child)).raise_any()
    save_record(child, by=by)
    _emit_own_dates(child, by=by, before=before)
    return child


@transaction.atomic
def child_record_birth(
    *, child: Child, date_of_birth: date, by: User, sex: Sex | str = "", legal_name: str = ""
) -> Child:
    """Record that an unborn baby has been born: date of birth, sex and, once known, name."""
    child = Child.objects.select_for_update().get(pk=child.pk)
    require_perm(by, "children.change_child", child)
    if not child.is_unborn:
        raise ValidationError(
            {
                "date_of_birth": "The birth has already been recorded: change the date of birth "
                "in the child's details"
            }
        )
    child.date_of_birth = date_of_birth
    if sex:
        child.sex = sex
    if legal_name:
        child.legal_name = legal_name
    save_record(child, by=by)
    child_emit(ChildEvent.BIRTH_RECORDED, child=child, on=date_of_birth, by=by)
    return child


@transaction.atomic
def child_archive(*, child: Child, reason: str, by: User) -> Child:
    """Archive a record (kept until the 75th birthday, never deleted from the pages)."""
    child = Child.objects.select_for_update().get(pk=child.pk)
    require_perm(by, "children.archive_child", child)  # refuses a record already archived
    child.archived_at = now()
    child.archived_reason = reason
    return save_record(child, by=by)


def child_access_log_record(
    *, child: Child, user: User, path: str, fetch_site: str = ""
) -> ChildAccessLog:
    """Write that a user viewed a child's record (UK GDPR accountability)."""
    return ChildAccessLog.objects.create(
        child=child, user=user, path=path[:300], fetch_site=fetch_site
    )
