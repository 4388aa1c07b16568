from datetime import date, timedelta

import factory

from accounts.models import OrganisationKind
from children import models
from tests.accounts.factories import OrganisationFactory, TeamFactory


class ChildFactory(factory.django.DjangoModelFactory):
    """A born child in care proceedings, allocated to a team of its local authority."""

    class Meta:
        model = models.Child

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


class TwinTrackPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.TwinTrackPlan

    child = factory.SubFactory(ChildFactory)
    primary = models.PrimaryPlan.A
    plan_a_who = "Birth mother"
    plan_a_conditions = "Complete a residential parenting assessment"
    plan_b_summary = "Fostering for adoption with dually approved carers"
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
