"""Seed local authorities of a chosen size fast: ``bulk_create`` in batches, history rows too.

Each authority has its own staff (teams, social workers, team managers, IROs and the other roles)
and children with ~15 records each (family network, viability, paternity, twin-track plans,
reviews and IRO concerns, pre-proceedings, proceedings, hearings, directions, extensions, orders,
consent to placement for adoption, case notes and practice standards met), plus the regional
adoption agency many of its children are referred to. Names are generated from invented parts:
no real people.

``bulk_create`` sends no signals, so simple-history writes nothing by itself; ``history()`` then
gives every seeded record its "created" history row in one ``INSERT … SELECT`` per table (in
PostgreSQL: building the rows in Python would double the seeding time), as the history page
would find it in real use.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.contrib.auth.hashers import make_password
from django.db import connection
from django.utils import timezone

from accounts.models import Membership, Organisation, OrganisationKind, Role, Team, User
from children import models as m

BATCH = 5_000

FIRST = (
    "Ada Alba Amir Ari Ayla Bea Cai Cora Dara Eden Elio Ezra Faye Finn Gia Hana Ira Isla Jude "
    "Kai Lark Lena Levi Lior Maia Milo Nia Noor Orla Otto Pia Quin Remy Rhea Rory Sana Suki Tam "
    "Teo Uma Vida Wren Yara Zed Zuri"
).split()
SURNAME_START = (
    "Ash Bram Cal Dun Elm Fen Gar Hol Ket Lang Mar Nor Oak Pen Quar Ros Stan Thorn Wex Yar Brack "
    "Cold Dray Fal Glen Harr Isel Kell Loft Mell"
).split()
SURNAME_END = "by croft dale field ford gate holm ley mere ton well wick stow bourne".split()
COURTS = ["Northmoor", "Fenvale", "Eastbridge", "Westholm", "Marford"]


def _surname(rng: random.Random) -> str:
    return rng.choice(SURNAME_START) + rng.choice(SURNAME_END)


def _name(rng: random.Random) -> tuple[str, str]:
    return rng.choice(FIRST), _surname(rng)


@dataclass
class Size:
    """One authority to seed: its children and its staff."""

    key: str  # short, unique: used in codes and usernames
    children: int
    teams: int
    social_workers: int
    iros: int

    @property
    def staff(self) -> int:
        return self.social_workers + self.iros + self.teams

    @property
    def label(self) -> str:
        return (
            f"{self.children:,} children, {self.social_workers:,} social workers, "
            f"{self.iros:,} IROs, {self.teams:,} teams"
        )


def large_staff(key: str, children: int, staff: int = 2_500) -> Size:
    """The staff of England's largest authority: ~100 teams, ~2,500 social workers, ~800 IROs."""
    return Size(
        key, children, teams=max(staff // 25, 2), social_workers=staff, iros=staff * 8 // 25
    )


def small_staff(key: str, children: int) -> Size:
    """About ten people: two teams, six social workers, two IROs (and the bench users)."""
    return Size(key, children, teams=2, social_workers=6, iros=2)


@dataclass
class World:
    """What the access declarations' ``kwargs`` read (``world.own_child`` …), for one authority,
    and the bench user of each role. An attribute a declaration needs that is not here raises
    AttributeError: the runner reports the page as not measured rather than guessing."""

    size: Size
    own_org: Organisation
    other_org: Organisation | None
    own_team: Team
    other_team: Team | None
    agency: Organisation
    agency_team: Team
    users: dict = field(default_factory=dict)  # role -> bench user of the authority
    agency_users: dict = field(default_factory=dict)  # role -> bench user of the agency
    records: dict = field(default_factory=dict)  # own_child, own_hearing, …

    def user(self, role: str, scope: str = "own"):
        """The bench user of a role: in the authority (own) or its agency (referred)."""
        return (self.users if scope == "own" else self.agency_users)[role]

    def __getattr__(self, name):
        records = self.__dict__.get("records", {})
        if name in records:
            return records[name]
        raise AttributeError(name)


class Seeder:
    def __init__(self, *, history: bool = True, seed: int = 2026, echo=print):
        self.history_wanted = history
        self.seeded: list = []  # the models seeded, for their history rows
        self.rng = random.Random(seed)
        self.today = timezone.localdate()
        self.now = timezone.now()
        self.echo = echo
        self.unusable = make_password(None)
        self.items = list(m.PracticeStandardItem.objects.filter(active=True))
        if len(self.items) < 3:  # the data migration installs them; make sure of a few
            for n in range(3 - len(self.items)):
                self.items.append(
                    m.PracticeStandardItem.objects.create(code=f"B.{n}", text=f"Bench item {n}")
                )
        self.rows = 0

    # --- helpers ----------------------------------------------------------------------------
    def _bulk(self, model, objs: list) -> list:
        if not objs:
            return objs
        model.objects.bulk_create(objs, batch_size=BATCH)
        self.rows += len(objs)
        if hasattr(model, "history") and model not in self.seeded:
            self.seeded.append(model)
        return objs

    def history(self) -> None:
        """The "created" history row of every seeded record, by whom and when it was created."""
        if not self.history_wanted:
            return
        with connection.cursor() as cursor:
            for model in self.seeded:
                historical = model.history.model
                columns = [f.column for f in historical.tracked_fields]
                names = ", ".join(connection.ops.quote_name(c) for c in columns)
                cursor.execute(
                    f"INSERT INTO {historical._meta.db_table} ({names}, history_date, "
                    "history_type, history_change_reason, history_user_id) "
                    f"SELECT {names}, created_at, '+', '', created_by_id "
                    f"FROM {model._meta.db_table}"
                )
                self.rows += cursor.rowcount

    def _day(self, earliest: date, latest: date | None = None) -> date:
        latest = latest or self.today
        if latest <= earliest:
            return earliest
        return earliest + timedelta(days=self.rng.randrange((latest - earliest).days + 1))

    # --- organisations and staff ------------------------------------------------------------
    def authority(self, size: Size) -> World:
        started = time.monotonic()
        la = Organisation.objects.create(
            kind=OrganisationKind.LOCAL_AUTHORITY,
            name=f"Bench {size.key.title()} Council",
            code=f"B-{size.key}",
        )
        raa = Organisation.objects.create(
            kind=OrganisationKind.REGIONAL_ADOPTION_AGENCY,
            name=f"Bench {size.key.title()} Adoption Partnership",
            code=f"B-{size.key}-raa",
        )
        iro_teams = max(size.teams // 12, 1)
        case_teams = max(size.teams - iro_teams, 1)
        teams = Team.objects.bulk_create(
            [
                Team(organisation=la, name=f"Early Permanence Team {n + 1}")
                for n in range(case_teams)
            ]
            + [
                Team(organisation=la, name=f"Independent Reviewing Service {n + 1}")
                for n in range(iro_teams)
            ]
        )
        agency_team = Team.objects.create(organisation=raa, name="Family Finding Team")
        case, reviewing = teams[:case_teams], teams[case_teams:]
        bench_team = case[0]

        people: list[tuple[User, Team, str]] = []

        def person(username: str, org, team, role, **extra):
            first, last = _name(self.rng)
            user = User(
                username=username,
                first_name=first,
                last_name=last,
                email=f"{username}@example.invalid",
                organisation=org,
                password=self.unusable,
                **extra,
            )
            people.append((user, team, role))
            return user

        workers_by_team: dict[int, list[User]] = {t.name: [] for t in case}
        for n in range(size.social_workers):
            team = case[n % len(case)]
            workers_by_team[team.name].append(
                person(f"sw{n}.{size.key}", la, team, Role.SOCIAL_WORKER)
            )
        for n, team in enumerate(case):
            person(f"tm{n}.{size.key}", la, team, Role.TEAM_MANAGER)
        iros = [
            person(f"iro{n}.{size.key}", la, reviewing[n % len(reviewing)], Role.IRO)
            for n in range(size.iros)
        ]
        # the users the benchmark signs in as: one of each role, in the bench team
        bench = {
            role: person(
                f"bench.{role}.{size.key}",
                la,
                reviewing[0] if role == Role.IRO else bench_team,
                role,
            )
            for role in Role.values
        }
        agency = {
            role: person(f"bench.{role}.{size.key}-raa", raa, agency_team, role)
            for role in Role.values
        }
        User.objects.bulk_create([user for user, _, _ in people], batch_size=BATCH)
        Membership.objects.bulk_create(
            [Membership(user=user, team=team, role=role) for user, team, role in people],
            batch_size=BATCH,
        )
        workers_by_team[bench_team.name].insert(0, bench[Role.SOCIAL_WORKER])
        iros.insert(0, bench[Role.IRO])

        world = World(
            size=size,
            own_org=la,
            other_org=None,
            own_team=bench_team,
            other_team=None,
            agency=raa,
            agency_team=agency_team,
            users=bench,
            agency_users=agency,
        )
        self._children(world, la, raa, case, workers_by_team, iros, bench)
        self._households(world, bench)
        # the apps above children and carers (matching, family time, reunification) add the
        # records their pages open through their access declarations' own builders, so a new
        # app's pages are measured without a second seeding of their own
        from importlib import import_module

        for app in ("matching", "family_time", "reunification"):
            import_module(f"tests.{app}.access").build(world)
        self.echo(
            f"   seeded {size.key}: {size.label} "
            f"({self.rows:,} rows so far) in {time.monotonic() - started:.0f} s"
        )
        return world

    # --- children and their records ---------------------------------------------------------
    def _children(self, world, la, raa, case, workers_by_team, iros, bench):
        size = world.size
        for start in range(0, size.children, BATCH):
            count = min(BATCH, size.children - start)
            self._chunk(world, la, raa, case, workers_by_team, iros, bench, start, count)

    def _chunk(self, world, la, raa, case, workers_by_team, iros, bench, start, count):
        rng, today, by = self.rng, self.today, bench[Role.SOCIAL_WORKER]
        groups = self._bulk(
            m.SiblingGroup,
            [
                m.SiblingGroup(
                    responsible_authority=la,
                    name=f"Family {la.code}-{start + n}",
                    placement=rng.choice(m.SiblingPlacement.values),
                    created_by=by,
                )
                for n in range(0, count, 20)
            ],
        )
        children = []
        looked_after_on = []  # (child, the day they became looked after)
        for n in range(count):
            index = start + n
            # the first child is the bench child (every record present), the second unborn
            full = index == 0
            unborn = index == 1 or (not full and rng.random() < 0.1)
            team = world.own_team if index < 2 else case[index % len(case)]
            workers = workers_by_team[team.name]
            first, last = _name(rng)
            born = None if unborn else today - timedelta(days=rng.randrange(0, 900))
            looked_after = self._day(born) if born and (full or rng.random() < 0.7) else None
            children.append(
                m.Child(
                    legal_name=(
                        f"Unborn baby of {first[0]}. {last}" if unborn else f"{first} {last}"
                    ),
                    known_as="" if unborn or rng.random() < 0.8 else rng.choice(FIRST),
                    date_of_birth=born,
                    expected_delivery_date=(
                        today + timedelta(days=rng.randrange(10, 200)) if unborn else None
                    ),
                    sex="" if unborn else rng.choice(m.Sex.values),
                    ethnicity=rng.choice(m.Ethnicity.values),
                    la_child_id=f"{la.code}-{index:07d}",
                    responsible_authority=la,
                    referred_to=raa if full or rng.random() < 0.4 else None,
                    team=team,
                    social_worker=workers[0] if index < 2 else rng.choice(workers),
                    iro=iros[0] if index < 2 else rng.choice(iros),
                    route=rng.choice(m.Route.values),
                    identified_on=today - timedelta(days=rng.randrange(0, 400)),
                    sibling_group=groups[n // 20] if n % 20 < 2 else None,
                    created_by=by,
                )
            )
            if looked_after:
                looked_after_on.append((children[-1], looked_after))
            if index > 1 and rng.random() < 0.05:
                children[-1].archived_at = self.now
                children[-1].archived_reason = "Case transferred to another authority"
        self._bulk(m.Child, children)
        # the period of care and legal status of each looked-after child (issue 8)
        periods, statuses = [], []
        for child, day in looked_after_on:
            periods.append(m.CarePeriod(child=child, started_on=day, created_by=by))
            statuses.append(
                m.LegalStatusPeriod(
                    child=child, code="V2", starts_on=day, basis="s20", created_by=by
                )
            )
        self._bulk(m.CarePeriod, periods)
        self._bulk(m.LegalStatusPeriod, statuses)
        self._records(world, children, by, iros)

    def _records(self, world, children, by, iros):
        rng, today = self.rng, self.today
        members, viability, paternity, consents, assessments = [], [], [], [], []
        plans, reviews, concerns, pre, proceedings = [], [], [], [], []
        notes, standards = [], []
        fathers, parents, relatives = {}, {}, {}
        for child in children:
            full = child.la_child_id.endswith("-0000000")
            start = child.date_of_birth or today - timedelta(days=120)
            mother = m.FamilyMember(
                child=child,
                name=f"{rng.choice(FIRST)} {child.legal_name.split()[-1]}",
                relationship=m.Relationship.MOTHER,
                parental_responsibility="yes",
                address=f"{rng.randrange(1, 200)} {_surname(rng)} Road",
                created_by=by,
            )
            alleged = full or rng.random() < 0.3
            father = m.FamilyMember(
                child=child,
                name=" ".join(_name(rng)),
                relationship=m.Relationship.ALLEGED_FATHER if alleged else m.Relationship.FATHER,
                parental_responsibility="unknown" if alleged else "yes",
                created_by=by,
            )
            relative = m.FamilyMember(
                child=child,
                name=" ".join(_name(rng)),
                relationship=rng.choice([m.Relationship.GRANDPARENT, m.Relationship.AUNT_UNCLE]),
                created_by=by,
            )
            members += [mother, father, relative]
            relatives[child] = relative
            fathers[child] = father if alleged else None
            parents[child] = mother
            n_plans = 1 if rng.random() < 0.6 else 2
            for k in range(n_plans):
                plans.append(
                    m.TwinTrackPlan(
                        child=child,
                        primary=rng.choice(m.Track.values),
                        parents_who="Mother",
                        parents_conditions="Complete a residential parenting assessment",
                        adoption_summary="Fostering for adoption with dually approved carers",
                        meeting=rng.choice(m.PlanningMeeting.values),
                        meeting_on=today - timedelta(days=10 + 60 * k + rng.randrange(50)),
                        created_by=by,
                    )
                )
            held = self._day(start)
            reviews.append(
                m.LookedAfterReview(
                    child=child,
                    scheduled_on=held,
                    held_on=held,
                    chair=child.iro,
                    recommendations="Continue twin-track planning",
                    plan_endorsed=True,
                    permanence_plan_confirmed=True,
                    ep_considered=True,
                    created_by=by,
                )
            )
            reviews.append(
                m.LookedAfterReview(
                    child=child,
                    scheduled_on=today + timedelta(days=rng.randrange(1, 120)),
                    created_by=by,
                )
            )
            if full or rng.random() < 0.6:
                pre.append(
                    m.PreProceedings(
                        child=child,
                        letter_before_proceedings_on=start - timedelta(days=30),
                        meeting_on=start - timedelta(days=20),
                        created_by=by,
                    )
                )
            if full or rng.random() < 0.7:
                proceedings.append(
                    m.Proceedings(
                        child=child,
                        court=f"Family Court sitting at {rng.choice(COURTS)}",
                        case_number=f"{child.la_child_id}-C",
                        issued_on=self._day(today - timedelta(days=300)),
                        created_by=by,
                    )
                )
            for k in range(2):
                notes.append(
                    m.CaseNote(
                        child=child,
                        kind=rng.choice(m.NoteKind.values),
                        happened_on=today - timedelta(days=rng.randrange(0, 200)),
                        summary="Home visit" if k else "Planning meeting",
                        text="Baby settled with the carers; family time went well.",
                        created_by=by,
                    )
                )
            for item in rng.sample(self.items, 2) if not full else self.items[:2]:
                standards.append(
                    m.ChildStandardRecord(
                        child=child, item=item, met_on=self._day(start), created_by=by
                    )
                )
            if full or rng.random() < 0.2:
                concerns.append(
                    m.IROConcern(
                        child=child,
                        raised_on=self._day(start),
                        concern="Plan A has no timeframe for the parenting assessment",
                        created_by=child.iro,
                    )
                )
        self._bulk(m.FamilyMember, members)
        for child in children:
            full = child.la_child_id.endswith("-0000000")
            requested = self._day(today - timedelta(days=120))
            target = relatives[child] if full or rng.random() < 0.5 else parents[child]
            viability.append(
                m.ViabilityAssessment(
                    child=child,
                    family_member=target,
                    requested_on=requested,
                    due_on=requested + timedelta(days=28),
                    outcome=rng.choice(m.ViabilityOutcome.values),
                    created_by=by,
                )
            )
            if fathers[child] is not None:
                paternity.append(
                    m.PaternityTest(
                        child=child,
                        alleged_father=fathers[child],
                        requested_on=self._day(today - timedelta(days=90)),
                        created_by=by,
                    )
                )
            # issue 9 item 8: an assessment of the mother for every child
            assessments.append(
                m.ParentAssessment(
                    child=child,
                    parent=parents[child],
                    kind=rng.choice(m.AssessmentKind.values),
                    directed_by_court=True,
                    requested_on=requested,
                    due_on=requested + timedelta(days=42),
                    created_by=by,
                )
            )
            if full or rng.random() < 0.1:
                consents.append(
                    m.ConsentToPlacement(
                        child=child,
                        parent=parents[child],
                        status=m.ConsentStatus.CONSIDERED,
                        considered_on=self._day(today - timedelta(days=60)),
                        created_by=by,
                    )
                )
        self._bulk(m.ViabilityAssessment, viability)
        self._bulk(m.PaternityTest, paternity)
        self._bulk(m.ConsentToPlacement, consents)
        self._bulk(m.ParentAssessment, assessments)
        self._bulk(m.TwinTrackPlan, plans)
        self._bulk(m.LookedAfterReview, reviews)
        self._bulk(m.IROConcern, concerns)
        self._bulk(m.PreProceedings, pre)
        self._bulk(m.Proceedings, proceedings)
        self._bulk(m.CaseNote, notes)
        self._bulk(m.ChildStandardRecord, standards)

        hearings, extensions = [], []
        for p in proceedings:
            for k, kind in enumerate([m.HearingKind.CMH, m.HearingKind.IRH]):
                hearings.append(
                    m.Hearing(
                        proceedings=p,
                        kind=kind,
                        listed_on=p.issued_on + timedelta(days=14 + 100 * k),
                        # a hearing on a day gone by went ahead (only then has it an outcome)
                        status=(
                            m.HearingStatus.EFFECTIVE
                            if p.issued_on + timedelta(days=14 + 100 * k) <= today
                            else m.HearingStatus.LISTED
                        ),
                        created_by=by,
                    )
                )
            if rng.random() < 0.1:
                extensions.append(
                    m.Extension(
                        proceedings=p,
                        granted_on=p.issued_on + timedelta(weeks=20),
                        # CA 1989 s.32(8): 8 weeks after the 26 weeks' last day (issue + 181)
                        ends_on=p.issued_on + timedelta(days=181 + 56),
                        reason="Expert parenting assessment not yet complete",
                        created_by=by,
                    )
                )
        self._bulk(m.Hearing, hearings)
        self._bulk(m.Extension, extensions)
        directions, orders = [], []
        for hearing in hearings[::2]:  # the case management hearing of each proceedings
            directions.append(
                m.Direction(
                    hearing=hearing,
                    text="Local authority to file the parenting assessment",
                    due_on=hearing.listed_on + timedelta(days=28),
                    created_by=by,
                )
            )
            orders.append(
                m.CourtOrder(
                    child_id=hearing.proceedings.child_id,
                    kind=m.OrderKind.INTERIM_CARE,
                    made_on=hearing.listed_on,
                    hearing=hearing,
                    created_by=by,
                )
            )
        self._bulk(m.Direction, directions)
        self._bulk(m.CourtOrder, orders)

        if children[0].la_child_id.endswith("-0000000"):
            child = children[0]
            first = [x for x in (viability, paternity, consents, reviews, concerns) if x]
            assert len(first) == 5, "the bench child has every record"
            proceedings_of = next(p for p in proceedings if p.child_id == child.pk)
            hearing = next(h for h in hearings if h.proceedings_id == proceedings_of.pk)
            # one record of each kind of who may consent, and when (the bench child only)
            legal = {
                "own_father_without_pr": m.FatherWithoutPR.objects.create(
                    child=child, father=fathers[child], identity_known="yes", created_by=by
                ),
                "own_part19": m.Part19Application.objects.create(
                    child=child,
                    question="Whether the father must be told",
                    applied_on=today - timedelta(days=20),
                    created_by=by,
                ),
                "own_section20": m.Section20Accommodation.objects.create(
                    child=child,
                    agreed_by=parents[child],
                    agreed_on=today - timedelta(days=30),
                    created_by=by,
                ),
                "own_pre_proceedings": next(x for x in pre if x.child_id == child.pk),
            }
            world.records.update(
                **legal,
                own_child=child,
                own_unborn=children[1],
                own_family_member=fathers[child],
                own_viability=viability[0],
                own_paternity=paternity[0],
                own_consent=consents[0],
                own_review=reviews[1],  # scheduled, not yet held
                own_concern=concerns[0],
                own_proceedings=proceedings_of,
                own_hearing=hearing,
                own_direction=next(d for d in directions if d.hearing_id == hearing.pk),
                own_order=next(o for o in orders if o.hearing_id == hearing.pk),
                own_care_period=m.CarePeriod.objects.get(child=child),
                own_standard_item=self.items[0],  # marked as met for the child
                own_parent_assessment=next(a for a in assessments if a.child_id == child.pk),
                unmarked_standard_item=self.items[2],
            )

    # --- carer households (issue 10) --------------------------------------------------------
    def _households(self, world, bench):
        """Carer households recruited by the authority, through the services (so their
        availability is derived as in real use): one for every 50 children, at least three;
        the first, dual approved with a record of every kind, is the one the pages open."""
        from tests.carers.factories import build_household

        by = bench[Role.SUPERVISING_SOCIAL_WORKER]
        count = max(world.size.children // 50, 3)
        for n in range(count):
            household = build_household(
                by=by, name=f"Bench household {n:05d}", adopters=n % 3 != 2, extras=n == 0
            )
            if n == 0:
                world.records.update(
                    own_household=household,
                    own_applicant=household.applicants.first(),
                    own_member=household.members.first(),
                    own_adopter_approval=household.adopter_approvals.first(),
                    own_foster_approval=household.foster_approvals.first(),
                    own_training=household.training.first(),
                    own_support=household.support.first(),
                )


def analyse() -> None:
    """Fresh planner statistics, as autovacuum would have them after a real load."""
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
