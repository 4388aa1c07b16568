from datetime import date, timedelta

import factory

from accounts.models import OrganisationKind
from children import models
from tests.accounts.factories import OrganisationFactory, TeamFactory


class ChildFactory(factory.django.DjangoModelFactory):
    """A born child in care proceedings, allocated to a team of its local authority."""

    class Meta:
        model = models.Child
        skip_postgeneration_save = True

    legal_name = factory.Sequence(lambda n: f"Test Child {n}")
    date_of_birth = factory.LazyFunction(lambda: date.today() - timedelta(days=60))
    expected_delivery_date = None
    sex = models.Sex.FEMALE
    ethnicity = models.Ethnicity.WBRI
    la_child_id = factory.Sequence(lambda n: f"C{n:05d}")
    responsible_authority = factory.SubFactory(
        OrganisationFactory, kind=OrganisationKind.LOCAL_AUTHORITY
    )
    team = factory.SubFactory(
        TeamFactory, organisation=factory.SelfAttribute("..responsible_authority")
    )
    route = models.Route.PROCEEDINGS_ISSUED
    identified_on = factory.LazyFunction(lambda: date.today() - timedelta(days=30))

    @factory.post_generation
    def looked_after_on(obj, create, extracted, **kwargs):
        """``looked_after_on=day``: a period of care open from that day."""
        if create and extracted:
            CarePeriodFactory(child=obj, started_on=extracted)


class UnbornChildFactory(ChildFactory):
    legal_name = factory.Sequence(lambda n: f"Unborn baby of Parent {n}")
    date_of_birth = None
    expected_delivery_date = factory.LazyFunction(lambda: date.today() + timedelta(days=90))
    sex = ""
    route = models.Route.PRE_BIRTH


class FamilyMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.FamilyMember

    child = factory.SubFactory(ChildFactory)
    name = factory.Sequence(lambda n: f"Family Member {n}")
    relationship = models.Relationship.MOTHER
    parental_responsibility = models.YesNoUnknown.YES


class ProceedingsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Proceedings

    child = factory.SubFactory(ChildFactory)
    court = "Family Court sitting at Testford"
    case_number = factory.Sequence(lambda n: f"TF26C{n:05d}")
    issued_on = factory.LazyFunction(lambda: date.today() - timedelta(weeks=8))


class HearingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Hearing

    proceedings = factory.SubFactory(ProceedingsFactory)
    kind = models.HearingKind.CMH
    listed_on = factory.LazyAttribute(lambda h: h.proceedings.issued_on + timedelta(days=14))
    # a hearing on a day gone by went ahead; one still to come is listed
    status = factory.LazyAttribute(
        lambda h: (
            models.HearingStatus.EFFECTIVE
            if h.listed_on <= date.today()
            else models.HearingStatus.LISTED
        )
    )


class ExtensionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Extension

    proceedings = factory.SubFactory(ProceedingsFactory)
    granted_on = factory.LazyAttribute(lambda e: e.proceedings.issued_on + timedelta(weeks=20))
    # an 8-week extension from the end then in force (CA 1989 s.32(8))
    ends_on = factory.LazyAttribute(
        lambda e: max(e.proceedings.end_in_force(), e.granted_on) + timedelta(weeks=8)
    )
    reason = "Expert parenting assessment not yet complete"


class DirectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Direction

    hearing = factory.SubFactory(HearingFactory)
    text = "Local authority to file the parenting assessment"
    due_on = factory.LazyAttribute(lambda d: d.hearing.listed_on + timedelta(days=28))


class CourtOrderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.CourtOrder

    child = factory.SubFactory(ChildFactory)
    kind = models.OrderKind.INTERIM_CARE
    made_on = factory.LazyFunction(lambda: date.today() - timedelta(weeks=6))


class ConsentToPlacementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.ConsentToPlacement

    child = factory.SubFactory(ChildFactory)
    parent = factory.SubFactory(
        FamilyMemberFactory,
        child=factory.SelfAttribute("..child"),
        relationship=models.Relationship.MOTHER,
    )
    status = models.ConsentStatus.CONSIDERED
    considered_on = factory.LazyFunction(lambda: date.today() - timedelta(days=7))


class WrittenAgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.WrittenAgreement

    child = factory.SubFactory(ChildFactory)
    parent = factory.SubFactory(
        FamilyMemberFactory,
        child=factory.SelfAttribute("..child"),
        relationship=models.Relationship.MOTHER,
    )
    agreed_on = factory.LazyAttribute(lambda a: a.child.date_of_birth + timedelta(days=3))


class FatherWithoutPRFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.FatherWithoutPR

    child = factory.SubFactory(ChildFactory)
    father = factory.SubFactory(
        FamilyMemberFactory,
        child=factory.SelfAttribute("..child"),
        relationship=models.Relationship.ALLEGED_FATHER,
        parental_responsibility=models.YesNoUnknown.NO,
    )
    identity_known = models.YesNoUnknown.YES


class Part19ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Part19Application

    child = factory.SubFactory(ChildFactory)
    question = "Whether the father must be told of the child's birth"
    applied_on = factory.LazyFunction(lambda: date.today() - timedelta(days=10))


class Section20AccommodationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Section20Accommodation

    child = factory.SubFactory(ChildFactory)
    agreed_by = factory.SubFactory(
        FamilyMemberFactory,
        child=factory.SelfAttribute("..child"),
        relationship=models.Relationship.MOTHER,
    )
    agreed_on = factory.LazyAttribute(lambda a: a.child.date_of_birth + timedelta(days=2))
    capacity_checked = True
    told_of_right_to_remove = True


class PreProceedingsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.PreProceedings

    child = factory.SubFactory(ChildFactory)
    letter_before_proceedings_on = factory.LazyFunction(lambda: date.today() - timedelta(days=30))
    meeting_on = factory.LazyFunction(lambda: date.today() - timedelta(days=20))


class TwinTrackPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.TwinTrackPlan

    child = factory.SubFactory(ChildFactory)
    primary = models.Track.PARENTS
    parents_who = "Birth mother"
    parents_conditions = "Complete a residential parenting assessment"
    adoption_summary = "Fostering for adoption with dually approved carers"
    meeting = models.PlanningMeeting.LEGAL_GATEWAY
    meeting_on = factory.LazyFunction(lambda: date.today() - timedelta(days=20))


class LookedAfterReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.LookedAfterReview

    child = factory.SubFactory(ChildFactory)
    scheduled_on = factory.LazyFunction(lambda: date.today() + timedelta(days=10))


class CaseNoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.CaseNote

    child = factory.SubFactory(ChildFactory)
    kind = models.NoteKind.VISIT
    happened_on = factory.LazyFunction(lambda: date.today() - timedelta(days=2))
    summary = "Home visit"


class ViabilityAssessmentFactory(factory.django.DjangoModelFactory):
    """A viability assessment requested a week ago, due in three weeks, outcome not yet known."""

    class Meta:
        model = models.ViabilityAssessment

    family_member = factory.SubFactory(FamilyMemberFactory)
    child = factory.SelfAttribute("family_member.child")
    requested_on = factory.LazyFunction(lambda: date.today() - timedelta(days=7))
    due_on = factory.LazyAttribute(lambda a: a.requested_on + timedelta(days=28))


class PaternityTestFactory(factory.django.DjangoModelFactory):
    """A paternity test of an alleged father, awaiting its result."""

    class Meta:
        model = models.PaternityTest

    alleged_father = factory.SubFactory(
        FamilyMemberFactory, relationship=models.Relationship.ALLEGED_FATHER
    )
    child = factory.SelfAttribute("alleged_father.child")
    requested_on = factory.LazyFunction(lambda: date.today() - timedelta(days=7))


class IROConcernFactory(factory.django.DjangoModelFactory):
    """An open concern the IRO raised a week ago, at the informal stage."""

    class Meta:
        model = models.IROConcern

    child = factory.SubFactory(ChildFactory)
    raised_on = factory.LazyFunction(lambda: date.today() - timedelta(days=7))
    concern = "Plan A has no timeframe for the parenting assessment"


class PracticeStandardItemFactory(factory.django.DjangoModelFactory):
    """A checklist item; the seeded items (migration 0002) are reused by code when present."""

    class Meta:
        model = models.PracticeStandardItem
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"9.{n}")
    text = factory.Sequence(lambda n: f"Test standard {n}")
    applies_to = models.StandardItemAppliesTo.ALL
    order = 900


class ChildStandardRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.ChildStandardRecord

    child = factory.SubFactory(ChildFactory)
    item = factory.SubFactory(PracticeStandardItemFactory)
    met_on = factory.LazyFunction(lambda: date.today() - timedelta(days=3))


class CarePeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.CarePeriod

    child = factory.SubFactory(ChildFactory)
    started_on = factory.LazyAttribute(lambda p: p.child.date_of_birth)


class LegalStatusPeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.LegalStatusPeriod

    child = factory.SubFactory(ChildFactory)
    code = models.LegalStatus.V2
    starts_on = factory.LazyAttribute(lambda p: p.child.date_of_birth)
    basis = models.StatusBasis.SECTION_20


class IROEscalationFactory(factory.django.DjangoModelFactory):
    """The IRO took a concern to the team manager stage yesterday."""

    class Meta:
        model = models.IROEscalation

    concern = factory.SubFactory(IROConcernFactory)
    stage = models.EscalationStage.TEAM_MANAGER
    escalated_on = factory.LazyFunction(lambda: date.today() - timedelta(days=1))


class IROConcernResponseFactory(factory.django.DjangoModelFactory):
    """A team manager's response to a concern, today."""

    class Meta:
        model = models.IROConcernResponse

    concern = factory.SubFactory(IROConcernFactory)
    responded_on = factory.LazyFunction(date.today)
    response = "The parenting assessment is booked"


class RetentionReviewFactory(factory.django.DjangoModelFactory):
    """A retention review that decided to keep the record for another year."""

    class Meta:
        model = models.RetentionReview

    child = factory.SubFactory(ChildFactory)
    reviewed_on = factory.LazyFunction(date.today)
    decision = models.RetentionDecision.KEEP
    keep_until = factory.LazyFunction(lambda: date.today() + timedelta(days=365))
    reason = "A sibling's adoption is still in progress"


class PreProceedingsReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.PreProceedingsReview

    pre_proceedings = factory.SubFactory(PreProceedingsFactory)
    held_on = factory.LazyFunction(lambda: date.today() - timedelta(days=10))
    agreed = "Continue pre-proceedings"
