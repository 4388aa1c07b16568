import factory

from accounts.models import Membership, Organisation, OrganisationKind, Role, Team, User

TEST_PASSWORD = "correct-horse-battery"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("code",)

    kind = OrganisationKind.LOCAL_AUTHORITY
    name = factory.Sequence(lambda n: f"Testshire Council {n}")
    code = factory.Sequence(lambda n: f"T{n:03d}")


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Team {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Sequence(lambda n: f"Tester{n}")
    last_name = "Example"
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.invalid")
    organisation = factory.SubFactory(OrganisationFactory)
    password = factory.django.Password(TEST_PASSWORD)

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        """UserFactory(role=Role.SOCIAL_WORKER, team=...) gives the user that role in a team."""
        if not create or not extracted:
            return
        team = kwargs.get("team") or TeamFactory(organisation=self.organisation)
        Membership.objects.create(user=self, team=team, role=extracted)
        if extracted == Role.ADMIN:
            self.is_staff = True
            self.save(update_fields=["is_staff"])


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    team = factory.SubFactory(
        TeamFactory, organisation=factory.SelfAttribute("..user.organisation")
    )
    role = Role.SOCIAL_WORKER
