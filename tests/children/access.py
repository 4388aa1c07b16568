"""The children app's pages in the access matrix (see tests/access_matrix.py) and what it adds
to the shared world: a child of the own organisation (and an unborn one), both referred to the
agency, with a record of every kind its pages are about.

Case roles of the responsible authority see the child; users of another organisation, users
who only administer the service and system superusers get 404 (the child does not exist for
them). Only social workers and team managers change the record (403 for other case roles).

A family time worker sees a child only through the family time they supervise (issue 12 item
4, ``children.rules.sees_organisation_children``), not every child of their organisation: the
own family time worker supervises the own child's family time plan (``tests/family_time/
access.py`` builds it), so they read its record (403 on its forms); the referred agency's family
time worker supervises nothing of it (404), nor does anyone the own unborn child (404).
"""

from datetime import timedelta

from accounts.clock import today
from tests.access_matrix import Page

NOT_CASE = {"admin": 404, "superuser": 404}
# issue 12 item 4: family time workers see only the children whose family time they supervise
NOT_SUPERVISING = {"family_time_worker": 404}
EDITORS = {"social_worker": 200, "team_manager": 200, **NOT_CASE}
# The plan and the standards checklist are the editors'. Reviews are scheduled and recorded by
# the IRO, the social worker and the team manager; only the IRO raises and escalates a concern;
# only the IRO records its resolution (CA 1989 s.25B), a team manager records a response; the
# same three add case notes. A team manager records the retention review.
REVIEWERS = {"iro": 200, **EDITORS}
IRO_ONLY = {"iro": 200, **NOT_CASE}
MANAGERS = {"team_manager": 200, **NOT_CASE}
# a manual Standards mark is verified by a team manager or the IRO (issue 9 item 10)
RESOLVERS = {"iro": 200, "team_manager": 200, **NOT_CASE}


def child_page(
    default=200, by_role=None, kwargs=lambda world: {"pk": world.own_child.pk}, **axe
) -> Page:
    """A page about the own child. The referred agency's case roles read (200) but never
    change (403); its admins, like the responsible authority's, get 404."""
    return Page(
        default=default,
        by_role=by_role or NOT_CASE,
        other=404,
        kwargs=kwargs,
        referred=200 if default == 200 else 403,
        referred_by_role={"admin": 404, **NOT_SUPERVISING},
        **axe,
    )


def form_page(by_role=EDITORS, no_errors="", **records) -> Page:
    """A form about the own child (and records of it, e.g. ``hearing_pk="own_hearing"``: URL
    argument → attribute of the world), shown empty-posted with its errors in the axe check,
    unless it says why it has no error state (``no_errors``)."""
    return child_page(
        default=403,
        by_role=by_role,
        kwargs=_own(**records),
        errors=None if no_errors else {},
        no_errors=no_errors,
    )


CONFIRMATION = "a confirmation: posting it does what it says, no field is required"


def _own(**records):
    """URL kwargs of the own child and records of it (see ``build``)."""

    def kwargs(world) -> dict:
        return {
            "pk": world.own_child.pk,
            **{name: getattr(world, attr).pk for name, attr in records.items()},
        }

    return kwargs


PAGES: dict[str, Page] = {
    "children:list": Page(default=200, by_role={"admin": 403, "superuser": 403}),
    "children:create": Page(
        default=403,
        by_role={"social_worker": 200, "team_manager": 200},
        # only a local authority is responsible for a child
        referred_by_role={"social_worker": 403, "team_manager": 403},
        errors={"legal_name": ""},  # a form posted with nothing in it is not bound
    ),
    # the child chooser's search (JSON): children the user may see, as the list
    "children:search": Page(
        default=200, by_role={"admin": 403, "superuser": 403}, no_axe="JSON for the child chooser"
    ),
    "children:record": child_page(),
    "children:edit": form_page(),
    "children:birth": child_page(
        default=403,
        by_role={**EDITORS, **NOT_SUPERVISING},
        kwargs=lambda world: {"pk": world.own_unborn.pk},
        errors={},
    ),
    # the birth family network: editors only; another child's record answers 404
    "children:family_member_add": form_page(),
    "children:family_member_edit": form_page(member_pk="own_family_member"),
    "children:family_member_archive": form_page(
        member_pk="own_family_member", no_errors=CONFIRMATION
    ),
    "children:viability_add": form_page(),
    "children:viability_edit": form_page(assessment_pk="own_viability"),
    "children:paternity_add": form_page(),
    "children:paternity_edit": form_page(test_pk="own_paternity"),
    "children:chronology": child_page(),
    "children:chronology_csv": child_page(no_axe="a CSV download"),
    "children:history": child_page(),
    "children:siblings": form_page(),
    "children:sibling_link": form_page(),
    "children:archive": form_page(by_role={"team_manager": 200, **NOT_CASE}),
    # twin-track plan, reviews and IRO concerns, case notes, practice standards
    "children:plan_set": form_page(),
    "children:review_schedule": form_page(by_role=REVIEWERS),
    "children:review_record": form_page(by_role=IRO_ONLY, review_pk="own_review"),
    "children:concern_raise": form_page(by_role=IRO_ONLY),
    "children:concern_update": form_page(by_role=IRO_ONLY, concern_pk="own_concern"),
    "children:concern_resolve": form_page(by_role=IRO_ONLY, concern_pk="own_concern"),
    "children:note_add": form_page(by_role=REVIEWERS),
    "children:standard_mark": form_page(item_pk="own_standard_item"),
    "children:standard_unmark": form_page(item_pk="own_standard_item", no_errors=CONFIRMATION),
    # the court record: editors only (IROs, family time workers and the rest read it, 403 on
    # its forms); a record of another child named in the URL answers 404 (tested in
    # tests/children/test_court.py)
    "children:proceedings_add": form_page(),
    "children:proceedings_edit": form_page(proceedings_pk="own_proceedings"),
    "children:proceedings_conclude": form_page(proceedings_pk="own_proceedings"),
    "children:extension_add": form_page(proceedings_pk="own_proceedings"),
    "children:hearing_add": form_page(proceedings_pk="own_proceedings"),
    "children:hearing_edit": form_page(hearing_pk="own_hearing"),
    "children:direction_add": form_page(hearing_pk="own_hearing"),
    "children:direction_complied": form_page(direction_pk="own_direction"),
    "children:order_add": form_page(),
    # orders end; legal status history and periods of care (issue 8, part A)
    "children:order_end": form_page(
        order_pk="own_order",
        no_errors="every field is optional: blank says the order is still in force",
    ),
    "children:legal_status_add": form_page(),
    "children:care_period_add": form_page(),
    "children:care_period_edit": form_page(period_pk="own_care_period"),
    # a team manager's response to an IRO concern; the retention review of the record
    "children:concern_respond": form_page(by_role=MANAGERS, concern_pk="own_concern"),
    "children:retention_review": form_page(by_role=MANAGERS),
    # who may consent, and when (children/views/consent.py)
    "children:consent_add": form_page(),
    "children:consent_edit": form_page(record_pk="own_consent"),
    "children:written_agreement_add": form_page(),
    "children:father_without_pr_add": form_page(),
    "children:father_without_pr_edit": form_page(record_pk="own_father_without_pr"),
    "children:parental_responsibility": form_page(member_pk="own_family_member"),
    "children:part19_add": form_page(),
    "children:part19_edit": form_page(record_pk="own_part19"),
    "children:section20_add": form_page(),
    "children:section20_edit": form_page(record_pk="own_section20"),
    "children:pre_proceedings_add": form_page(
        no_errors="every field is optional: each PLO step is recorded when it happens"
    ),
    "children:pre_proceedings_review_add": form_page(record_pk="own_pre_proceedings"),
    "children:pre_proceedings_edit": form_page(
        record_pk="own_pre_proceedings",
        no_errors="every field is optional: each PLO step is recorded when it happens",
    ),
}


# issue 9: the pre-birth and discharge plan, the baby's health, the assessments of the parents
PAGES.update(
    {
        "children:birth_plan": form_page(),
        "children:baby_health": form_page(),
        "children:family_finding": form_page(
            no_errors="every field is optional: the referral and the counts are recorded as known"
        ),
        "children:parent_assessment_add": form_page(),
        "children:parent_assessment_edit": form_page(assessment_pk="own_parent_assessment"),
        # a Standard not applicable (editors); a manual mark verified (team manager or IRO)
        "children:standard_not_applicable": form_page(item_pk="own_standard_item"),
        "children:standard_verify": form_page(
            by_role=RESOLVERS, item_pk="own_standard_item", no_errors=CONFIRMATION
        ),
    }
)


def build(world) -> None:
    """The own child and its records; some overdue, resolved or held, so the pages the axe
    check opens show their tags and their history too."""
    from children.models import Relationship
    from tests.children import factories as f

    day = today()
    sw = world.user("social_worker")
    iro = world.user("iro")
    world.own_child = f.ChildFactory(
        responsible_authority=world.own_org,
        team=world.own_team,
        referred_to=world.agency,
        social_worker=sw,
        iro=iro,
        looked_after_on=day - timedelta(days=40),
    )
    world.own_unborn = f.UnbornChildFactory(
        responsible_authority=world.own_org, team=world.own_team, referred_to=world.agency
    )
    child = world.own_child
    # the birth family network
    world.own_family_member = f.FamilyMemberFactory(
        child=child, relationship=Relationship.ALLEGED_FATHER, address="1 Road"
    )
    world.own_viability = f.ViabilityAssessmentFactory(  # overdue: the red tag
        child=child,
        family_member=world.own_family_member,
        requested_on=day - timedelta(days=40),
        due_on=day - timedelta(days=2),
    )
    world.own_paternity = f.PaternityTestFactory(
        child=child, alleged_father=world.own_family_member
    )
    mother = f.FamilyMemberFactory(child=child, relationship=Relationship.MOTHER)
    # the court record
    world.own_proceedings = f.ProceedingsFactory(child=child)
    f.ExtensionFactory(proceedings=world.own_proceedings, granted_on=day)
    world.own_hearing = f.HearingFactory(proceedings=world.own_proceedings)
    world.own_direction = f.DirectionFactory(  # overdue
        hearing=world.own_hearing, due_on=day - timedelta(days=1)
    )
    world.own_order = f.CourtOrderFactory(
        child=child, hearing=world.own_hearing, made_on=world.own_hearing.listed_on
    )
    world.own_care_period = child.care_periods.get()
    f.LegalStatusPeriodFactory(
        child=child,
        code="C1",
        basis="order",
        order=world.own_order,
        starts_on=world.own_care_period.started_on,
    )
    world.own_consent = f.ConsentToPlacementFactory(child=child, parent=mother)
    f.WrittenAgreementFactory(child=child, parent=mother)
    world.own_father_without_pr = f.FatherWithoutPRFactory(
        child=child, father=world.own_family_member
    )
    world.own_part19 = f.Part19ApplicationFactory(child=child)
    world.own_section20 = f.Section20AccommodationFactory(child=child, agreed_by=mother)
    world.own_pre_proceedings = f.PreProceedingsFactory(child=child)
    # the plan (two versions), reviews (one held), concerns (one resolved), notes, standards
    f.TwinTrackPlanFactory(child=child, created_by=sw)
    f.TwinTrackPlanFactory(
        child=child,
        meeting_on=day - timedelta(days=5),
        reason="Mother left the assessment",
        created_by=sw,
    )
    world.own_review = f.LookedAfterReviewFactory(
        child=child, scheduled_on=day - timedelta(days=1)
    )
    f.LookedAfterReviewFactory(
        child=child,
        scheduled_on=day - timedelta(days=30),
        held_on=day - timedelta(days=30),
        chair=iro,
        recommendations="Proceed with twin-track planning",
        plan_endorsed=True,
    )
    world.own_concern = f.IROConcernFactory(child=child, created_by=iro)
    f.IROConcernFactory(
        child=child,
        raised_on=day - timedelta(days=20),
        resolved_on=day - timedelta(days=10),
        resolution="Timeframe agreed",
        created_by=iro,
    )
    f.CaseNoteFactory(child=child, text="Baby settled.", created_by=sw)
    world.own_standard_item = f.PracticeStandardItemFactory()
    f.ChildStandardRecordFactory(child=child, item=world.own_standard_item)
    world.unmarked_standard_item = f.PracticeStandardItemFactory()
    # issue 9: the pre-birth and discharge plan, the baby's health, assessments of the parents
    from children.models import AssessmentKind, BabyHealth, BirthPlan, ParentAssessment

    BirthPlan.objects.create(child=child, conference_on=child.date_of_birth - timedelta(days=20))
    BabyHealth.objects.create(child=child, nhs_number="9434765919", gestation_weeks=38)
    world.own_parent_assessment = ParentAssessment.objects.create(  # overdue: the red tag
        child=child,
        parent=mother,
        kind=AssessmentKind.PAMS,
        requested_on=day - timedelta(days=30),
        due_on=day - timedelta(days=1),
    )
