"""The chronology (children.chronology) and its CSV download."""

from datetime import date

from django.urls import reverse

from children import services
from tests.children.factories import ChildFactory


def test_chronology_csv_keeps_formulas_as_text(client_for, social_worker, own_team):
    child = ChildFactory(responsible_authority=own_team.organisation, team=own_team)
    services.case_note_add(
        child=child,
        by=social_worker,
        kind="other",
        happened_on=date.today(),
        summary='=HYPERLINK("http://x","Open")',
        text="",
    )
    csv = client_for(social_worker).get(reverse("children:chronology_csv", args=[child.pk]))
    assert "'=HYPERLINK" in csv.content.decode()
