"""The carers app's pages in the access matrix (see tests/access_matrix.py), and what it adds
to the shared world: a household recruited by the own organisation, dual approved and available,
with a record of every kind its pages are about.

A household is seen by its recruiting agency's carer roles (supervising social workers, team
managers, social workers, agency decision makers, nominated officers); everyone else gets 404 —
another organisation, the agency the children are referred to (no match exists yet), IROs and
family time workers (carers' names must not reach anything a parent could read), admins and
superusers. Only supervising social workers and team managers change it (403 for the other
carer roles). Anonymised profiles are for the carer roles of any organisation.
"""

from tests.access_matrix import Page

CARER_ROLES = (
    "supervising_social_worker",
    "team_manager",
    "social_worker",
    "agency_decision_maker",
    "nominated_officer",
)
NOT_CARERS = {"iro": 403, "family_time_worker": 403, "admin": 403, "superuser": 403}
HIDDEN = {"iro": 404, "family_time_worker": 404, "admin": 404, "superuser": 404}
EDITORS = {"supervising_social_worker": 200, "team_manager": 200, **HIDDEN}


def _own(**records):
    def kwargs(world) -> dict:
        return {
            "pk": world.own_household.pk,
            **{
                name: (getattr(world, attr).pk if attr.startswith("own_") else attr)
                for name, attr in records.items()
            },
        }

    return kwargs


def household_page(**records) -> Page:
    return Page(default=200, by_role=HIDDEN, other=404, referred=404, kwargs=_own(**records))


def form_page(errors=None, **records) -> Page:
    return Page(
        default=403,
        by_role=EDITORS,
        other=404,
        referred=404,
        kwargs=_own(**records),
        errors={} if errors is None else errors,
    )


PAGES: dict[str, Page] = {
    "carers:list": Page(default=200, by_role=NOT_CARERS),
    "carers:create": Page(
        default=403,
        by_role={"supervising_social_worker": 200, "team_manager": 200},
        errors={"name": ""},
    ),
    "carers:profiles": Page(default=200, by_role=NOT_CARERS),
    # anonymised: carer roles of any organisation open it
    "carers:profile": Page(
        default=200, by_role=NOT_CARERS, kwargs=lambda world: {"pk": world.own_household.pk}
    ),
    "carers:sufficiency": Page(default=200, by_role=NOT_CARERS),
    "carers:record": household_page(),
    "carers:edit": form_page(errors={"name": ""}),
    "carers:applicant_add": form_page(errors={"first_name": ""}),
    "carers:applicant_edit": form_page(applicant_pk="own_applicant"),
    "carers:member_add": form_page(),
    "carers:member_edit": form_page(member_pk="own_member"),
    "carers:approval_add": form_page(kind="adopter"),
    "carers:approval_edit": form_page(kind="foster", approval_pk="own_foster_approval"),
    "carers:approval_status": form_page(kind="adopter", approval_pk="own_adopter_approval"),
    "carers:approval_review": form_page(kind="adopter", approval_pk="own_adopter_approval"),
    "carers:training_add": form_page(),
    "carers:training_edit": form_page(training_pk="own_training"),
    "carers:support_add": form_page(),
    "carers:support_edit": form_page(support_pk="own_support"),
    "carers:offer": form_page(),
    "carers:opt_out": form_page(),
}


def build(world) -> None:
    from tests.carers.factories import build_household

    ssw = world.user("supervising_social_worker")
    household = build_household(by=ssw, name="The Access household", extras=True)
    world.own_household = household
    world.own_applicant = household.applicants.first()
    world.own_member = household.members.first()
    world.own_adopter_approval = household.adopter_approvals.first()
    world.own_foster_approval = household.foster_approvals.first()
    world.own_training = household.training.first()
    world.own_support = household.support.first()
