"""Reunification test records, made through the services where a rule matters."""

from datetime import date

from children.models import LegalStatus, OrderKind, StatusBasis
from reunification.models import DecidedBy, ReunificationRoute
from reunification.services import reunification_decide
from tests.children.factories import (
    CarePeriodFactory,
    ChildFactory,
    CourtOrderFactory,
    FamilyMemberFactory,
    LegalStatusPeriodFactory,
)


def child_in_care(*, team, born: date, order_on: date):
    """A baby looked after from birth, under an interim care order (C1) from ``order_on``."""
    child = ChildFactory(
        responsible_authority=team.organisation, team=team, date_of_birth=born, identified_on=born
    )
    CarePeriodFactory(child=child, started_on=born)
    interim = CourtOrderFactory(child=child, kind=OrderKind.INTERIM_CARE, made_on=order_on)
    LegalStatusPeriodFactory(
        child=child,
        code=LegalStatus.C1,
        starts_on=order_on,
        basis=StatusBasis.ORDER,
        order=interim,
    )
    mother = FamilyMemberFactory(child=child, name="Jo Fenwick")
    return child, interim, mother


def decide(child, *, by, on: date, route=ReunificationRoute.PARENTS, **kwargs):
    kwargs.setdefault("decided_by_kind", DecidedBy.LOCAL_AUTHORITY)
    return reunification_decide(child=child, decided_on=on, route=route, by=by, **kwargs)
