"""Demo organisations, teams and one user for every role. Fictional names only.

Every app may have a ``demo.py`` with ``load(context)``; ``manage.py load_demo`` runs them in
INSTALLED_APPS order (ground floor first), passing one shared ``context`` dict so that a higher
app's demo can use the people and organisations made below it.
"""

from django.conf import settings

from . import services
from .models import Organisation, OrganisationKind, Role, SecondFactorReset, User

ORGANISATIONS = [
    # key, kind, name, code
    ("northmoor", OrganisationKind.LOCAL_AUTHORITY, "Northmoor Council", "901"),
    ("eastbridge", OrganisationKind.LOCAL_AUTHORITY, "Eastbridge Borough Council", "902"),
    (
        "fenvale",
        OrganisationKind.REGIONAL_ADOPTION_AGENCY,
        "Fenvale Adoption Partnership",
        "RAA01",
    ),
]

TEAMS = {
    "northmoor": ["Early Permanence Team", "Independent Reviewing Service", "Family Time Service"],
    "eastbridge": ["Children in Care Team", "Independent Reviewing Service"],
    "fenvale": ["Family Finding Team", "Recruitment and Assessment Team"],
}

# username, organisation key, team, role, first name, last name, job title
USERS = [
    (
        "sw.northmoor",
        "northmoor",
        "Early Permanence Team",
        Role.SOCIAL_WORKER,
        "Robin",
        "Ashdown",
        "Child's social worker",
    ),
    (
        "tm.northmoor",
        "northmoor",
        "Early Permanence Team",
        Role.TEAM_MANAGER,
        "Morgan",
        "Birchfield",
        "Team manager",
    ),
    (
        "iro.northmoor",
        "northmoor",
        "Independent Reviewing Service",
        Role.IRO,
        "Jude",
        "Calloway",
        "Independent Reviewing Officer",
    ),
    (
        "no.northmoor",
        "northmoor",
        "Early Permanence Team",
        Role.NOMINATED_OFFICER,
        "Quinn",
        "Dunmore",
        "Head of service (Nominated Officer)",
    ),
    (
        "ftw.northmoor",
        "northmoor",
        "Family Time Service",
        Role.FAMILY_TIME_WORKER,
        "Riley",
        "Elsworth",
        "Family time worker",
    ),
    (
        "admin.northmoor",
        "northmoor",
        "Early Permanence Team",
        Role.ADMIN,
        "Sasha",
        "Fairweather",
        "Service administrator",
    ),
    (
        "admin2.northmoor",
        "northmoor",
        "Early Permanence Team",
        Role.ADMIN,
        "Morgan",
        "Ashdown",
        "Business support manager",
    ),
    (
        "adm.raa",
        "fenvale",
        "Family Finding Team",
        Role.AGENCY_DECISION_MAKER,
        "Avery",
        "Greenholt",
        "Agency Decision Maker",
    ),
    (
        "ssw.raa",
        "fenvale",
        "Recruitment and Assessment Team",
        Role.SUPERVISING_SOCIAL_WORKER,
        "Kit",
        "Hollins",
        "Supervising social worker",
    ),
    (
        "sw.eastbridge",
        "eastbridge",
        "Children in Care Team",
        Role.SOCIAL_WORKER,
        "Taylor",
        "Ingleby",
        "Child's social worker",
    ),
    (
        "tm.eastbridge",
        "eastbridge",
        "Children in Care Team",
        Role.TEAM_MANAGER,
        "Jordan",
        "Kettering",
        "Team manager",
    ),
]


def load(context: dict) -> None:
    password = settings.DEMO_PASSWORD
    organisations = {}
    for key, kind, name, code in ORGANISATIONS:
        organisation = Organisation.objects.filter(code=code).first()
        organisations[key] = organisation or services.organisation_create(
            kind=kind, name=name, code=code
        )
    teams = {}
    for key, names in TEAMS.items():
        for name in names:
            team = organisations[key].teams.filter(name=name).first()
            teams[(key, name)] = team or services.team_create(
                organisation=organisations[key], name=name
            )
    users = {}
    for username, org_key, team_name, role, first, last, title in USERS:
        user = User.objects.filter(username=username).first() or services.user_create(
            username=username,
            organisation=organisations[org_key],
            first_name=first,
            last_name=last,
            email=f"{username}@example.invalid",
            password=password,
            job_title=title,
        )
        services.membership_grant(user=user, team=teams[(org_key, team_name)], role=role)
        users[username] = user
    context.update(organisations=organisations, teams=teams, users=users, password=password)
    # a lost phone, reset by the other admin (docs/sign-in.md): admins set up their app at
    # their first sign-in, so no demo user has one to reset
    SecondFactorReset.objects.get_or_create(
        user=users["admin.northmoor"],
        reset_by=users["admin2.northmoor"],
        defaults={"reason": "Replaced phone; identity checked by a call back to the office"},
    )
    context.setdefault("logins", []).extend(
        (u, str(Role(r).label), organisations[o].name) for u, o, _t, r, *_ in USERS
    )
