"""The benchmark (``make bench``, tests/benchmarks/) kept working by ``make test``: seeded small,
its world has what every access declaration's URL needs, and every page it would time answers
200 to the user it would sign in as. (The benchmark itself is left out of the default run.)"""

import pytest

from tests.benchmarks import run, seed


@pytest.fixture
def worlds(db):
    seeder = seed.Seeder(echo=lambda *args, **kwargs: None)
    worlds = {
        size.key: seeder.authority(size)
        for size in [seed.small_staff("small", 30), seed.large_staff("large", 60, staff=50)]
    }
    seeder.history()
    worlds["small"].other_org, worlds["small"].other_team = (
        worlds["large"].own_org,
        worlds["large"].own_team,
    )
    worlds["large"].other_org, worlds["large"].other_team = (
        worlds["small"].own_org,
        worlds["small"].own_team,
    )
    return worlds


def test_seeded_child_has_about_fifteen_records_and_their_history(worlds):
    from children.models import Child

    child = worlds["large"].own_child
    records = sum(
        getattr(child, name).count()
        for name in [
            "family_members",
            "viability_assessments",
            "paternity_tests",
            "plans",
            "reviews",
            "iro_concerns",
            "proceedings",
            "orders",
            "placement_consents",
            "case_notes",
            "standard_records",
        ]
    )
    assert records >= 15
    assert Child.history.filter(id=child.pk).count() == 1
    # the seeded children, and the one child of reunification's builder (tests/reunification/
    # access.py: a child placed back with the parents), which the seeder also runs
    assert Child.objects.filter(responsible_authority=worlds["large"].own_org).count() == 60 + 1


def test_every_declared_get_page_is_measured_and_answers_200(worlds):
    targets, notes = run.build_targets(worlds, only=[])
    # the Django admin's pages, and hand-offs whose declaration says why no one opens them
    assert [n for n in notes if not n.startswith("admin:") and run.UNMEASURED not in n] == []
    assert run.BASELINE in {t.label for t in targets}
    clients = run.Clients(worlds)
    for target in targets:  # one authority is enough: the URLs of the other are built alike
        client = clients.get("large", target.role, target.scope)
        status, _ = run.timed_get(client, target.urls["large"])
        assert status == 200, f"{target.label} as {target.role}: {status}"
