import pytest

from accounts.models import OrganisationKind
from tests.accounts.factories import OrganisationFactory, TeamFactory


@pytest.fixture
def agency(db):
    return OrganisationFactory(
        name="Fenvale Adoption Partnership",
        code="RAA1",
        kind=OrganisationKind.REGIONAL_ADOPTION_AGENCY,
    )


@pytest.fixture
def agency_team(agency):
    return TeamFactory(organisation=agency, name="Recruitment and Assessment Team")
