"""Migration 0006 moves the child's single "date became looked after" and legal status into a
period of care and a legal status history, and an extension's weeks into the end it set,
without losing anything."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

# accounts at its latest, so that the historical Organisation has every column the table has
ACCOUNTS = ("accounts", "0004_second_factor")
BEFORE = [ACCOUNTS, ("children", "0005_child_list_team_index")]
AFTER = [ACCOUNTS, ("children", "0006_court_orders_legal_status_care_periods")]


@pytest.mark.django_db(transaction=True)
def test_looked_after_legal_status_and_extensions_are_carried_across():
    try:
        _carried_across()
    finally:  # whatever happened, the next test on this worker finds the schema at its latest
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())


def _carried_across():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    Organisation = old.get_model("accounts", "Organisation")
    Team = old.get_model("accounts", "Team")
    Child = old.get_model("children", "Child")
    Proceedings = old.get_model("children", "Proceedings")
    Extension = old.get_model("children", "Extension")
    Hearing = old.get_model("children", "Hearing")
    la = Organisation.objects.create(kind="la", name="Migration Council", code="MIG")
    team = Team.objects.create(organisation=la, name="Team")

    def child(ref, **fields):
        return Child.objects.create(
            legal_name=ref,
            la_child_id=ref,
            date_of_birth=date(2026, 1, 1),
            responsible_authority=la,
            team=team,
            route="proceedings",
            identified_on=date(2026, 1, 2),
            **fields,
        )

    looked_after = child("M-1", looked_after_on=date(2026, 2, 1), legal_status="C1")
    child("M-2")
    issued = date(2026, 11, 2)
    proceedings = Proceedings.objects.create(
        child=looked_after, court="Court", case_number="C1", issued_on=issued
    )
    # granted on or before the end (2 May 2027), then after the first extension's end
    Extension.objects.create(
        proceedings=proceedings, granted_on=date(2027, 4, 20), weeks=8, reason="a"
    )
    Extension.objects.create(
        proceedings=proceedings, granted_on=date(2027, 7, 1), weeks=2, reason="b"
    )
    Hearing.objects.create(
        proceedings=proceedings, kind="cmh", listed_on=issued + timedelta(12), outcome="Heard"
    )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    CarePeriod = new.get_model("children", "CarePeriod")
    LegalStatusPeriod = new.get_model("children", "LegalStatusPeriod")
    NewExtension = new.get_model("children", "Extension")
    NewHearing = new.get_model("children", "Hearing")
    assert list(CarePeriod.objects.values_list("child__la_child_id", "started_on")) == [
        ("M-1", date(2026, 2, 1))
    ]
    assert list(LegalStatusPeriod.objects.values_list("code", "starts_on", "ends_on")) == [
        ("C1", date(2026, 2, 1), None)
    ]
    assert list(NewExtension.objects.order_by("granted_on").values_list("ends_on", flat=True)) == [
        date(2027, 6, 27),
        date(2027, 7, 15),
    ]
    assert NewHearing.objects.get().status == "effective"
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
