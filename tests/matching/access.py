"""The matching app's pages in the access matrix (see tests/access_matrix.py), and what it adds
to the shared world: the own child's hospital placement, a proposed match with a household of its
own (``world.matched_household``: the carers' ``own_household`` stays available and unmatched,
as the carers' declarations expect), a should-be-placed decision and a formal match started.

Every page is about the own child: another organisation, admins and superusers get 404 (the
child does not exist for them). Placements, matches and the formal match's steps are the
responsible authority's social workers' and team managers' (403 for other case roles and for
the agency the child is referred to, which reads but never changes the record); the Nominated
Officer's authorisation and the Reg 25A temporary approval are the responsible authority's
Nominated Officer's; the agency decision maker's decision may be made by the ADM of the agency
the child is referred to (AAR regs 19, 33); the candidate search is for family finders of
either.
"""

from tests.access_matrix import Page

NOT_CASE = {"admin": 404, "superuser": 404}
EDITORS = {"social_worker": 200, "team_manager": 200, **NOT_CASE}
OFFICER = {"nominated_officer": 200, **NOT_CASE}
ADM = {"agency_decision_maker": 200, **NOT_CASE}


def _own(**records):
    def kwargs(world) -> dict:
        return {
            "pk": world.own_child.pk,
            **{name: getattr(world, attr).pk for name, attr in records.items()},
        }

    return kwargs


def form_page(by_role=EDITORS, referred_by_role=None, errors=None, **records) -> Page:
    return Page(
        default=403,
        by_role=by_role,
        other=404,
        referred=403,
        # the agency's family time worker supervises no family time of this child: it is hidden
        referred_by_role={"admin": 404, "family_time_worker": 404, **(referred_by_role or {})},
        kwargs=_own(**records),
        errors={} if errors is None else errors,
    )


PAGES: dict[str, Page] = {
    "matching:placement_add": form_page(),
    "matching:placement_end": form_page(placement_pk="own_placement"),
    "matching:placement_correct": form_page(placement_pk="own_placement"),
    "matching:candidates": Page(
        default=403,
        by_role=EDITORS,
        other=404,
        referred=403,
        referred_by_role={
            "admin": 404,
            "family_time_worker": 404,
            "social_worker": 200,
            "team_manager": 200,
        },
        kwargs=_own(),
        no_errors="a search: its one optional field only explains distance",
    ),
    "matching:match_propose": form_page(household_pk="own_household"),
    "matching:match_withdraw": form_page(match_pk="own_match"),
    "matching:match_authorise": form_page(by_role=OFFICER, match_pk="own_match"),
    "matching:reg25a": form_page(by_role=OFFICER, match_pk="own_match"),
    "matching:agency_decision": form_page(
        by_role=ADM, referred_by_role={"agency_decision_maker": 200}
    ),
    # every step is optional: a recommendation without the panel's date shows the errors
    "matching:formal_match": form_page(errors={"panel_recommendation": "match"}),
}


def build(world) -> None:
    from matching import services
    from matching.models import AgencyDecisionKind, PlacementCode, PlacementKind
    from tests.carers.factories import build_household, days

    sw = world.user("social_worker")
    child = world.own_child
    world.matched_household = build_household(
        by=world.user("supervising_social_worker"), name="The Matched household", extras=True
    )
    world.own_placement = services.placement_record(
        child=child,
        kind=PlacementKind.HOSPITAL,
        starts_on=child.date_of_birth or days(-30),
        placement_code=PlacementCode.R2,
        provider_code="PR3",
        by=sw,
    )
    world.own_match = services.match_propose(
        child=child, household=world.matched_household, proposed_on=days(-5), by=sw
    )
    world.own_agency_decision = services.agency_decision_record(
        child=child,
        kind=AgencyDecisionKind.SHOULD_BE_PLACED,
        decided_on=days(-10),
        by=world.user("agency_decision_maker"),
    )
    world.own_formal_match = services.formal_match_save(
        child=child,
        household=world.matched_household,
        by=sw,
        permanence_report_given_on=days(-3),
        carers_met_agency_on=days(-2),
    )
