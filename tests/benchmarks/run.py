"""Time every GET page of the access declarations at national scale (``make bench``).

Three local authorities are seeded into one throwaway PostgreSQL (``tests/bin/bench.sh``):

* ``small``: 1,000 children and about ten staff;
* ``staffed``: the same 1,000 children with the staff of the largest authority (~100 teams,
  2,500 social workers, 800 IROs) — the staff axis;
* ``large``: 50,000 children with that staff — the children axis.

Each page is requested with Django's test client behind a real session (the bench user of the
first role the declarations give 200 to), through every middleware: queries are counted once
per authority, then the time is the median of ``BENCH_REPEAT`` (15) rounds after warm-up, the
authorities interleaved round by round with the baseline, the accessibility statement (a cheap,
real, signed-in page). The goal, per page: at most 3× the baseline at the large size, and the
same number of queries in all three authorities.

Environment: ``BENCH_CHILDREN`` (50000), ``BENCH_SMALL`` (1000), ``BENCH_STAFF`` (2500),
``BENCH_REPEAT`` (15), ``BENCH_WARMUP`` (2), ``BENCH_HISTORY`` (1: seed history rows),
``BENCH_ONLY`` (comma-separated URL names or prefixes, e.g. ``children:list,accounts:``).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from dataclasses import dataclass, field

GOAL_RATIO = 3.0
ROLE_ORDER = [
    "social_worker",
    "team_manager",
    "iro",
    "nominated_officer",
    "agency_decision_maker",
    "supervising_social_worker",
    "family_time_worker",
    "admin",
]
BASELINE = "accounts:accessibility"

# More than one measurement of a page: (label suffix, query string). A list that can be deep,
# searched or filtered is measured each way, as users reach it.
VARIANTS: dict[str, list[tuple[str, str]]] = {
    "children:list": [
        ("", ""),
        (" team", "?scope=team"),
        (" all", "?scope=all"),
        (" search", "?scope=all&q=ash"),
        (" last page", "?scope=all&page=99999"),
    ],
}

# Pages that cannot reach the goal, and why: printed beside their ✗ (and explained in
# docs/performance.md). Add a page here only with the measured reason it cannot be, or has not
# yet been, fixed: "not yet fixed" entries are open work (docs/performance.md).
_BIG_FORM = (
    "a form of {inputs} GOV.UK inputs ({radios} radios with their conditional reveals) rendered "
    "through crispy-forms-gds templates: ~11–14 ms of template rendering (profiled: an include "
    "and a widget template per field and option) against the baseline's ~3 ms static page, "
    "with the same queries as a small form (child, access log); not data, so flat with size"
)
_FORM = (
    "a form of {fields} rendered through crispy-forms-gds (an include and a widget template per "
    "field and per radio option): its {{% crispy %}} tag alone measured {crispy}× the baseline "
    "at 50,000 children, and the rest of the page (session, child row, access-log INSERT{more}, "
    "the page shell) ~1.5–2×; not data, so flat with size"
)
_CONSENT = (
    "9 fields (parent, status and kind radios; five day/month/year dates; notes; measured when it "
    "had 6)"
)
EXPLAINED: dict[str, str] = {
    "children:note_add": _FORM.format(
        fields="4 fields (a 5-option radio, a day/month/year date, a summary, a note)",
        crispy="0.7",
        more="",
    ),
    "children:order_add": _FORM.format(
        fields="4 fields (the kind of order and the child's hearings as radios, 11 options; a "
        "date; notes)",
        crispy="1.5",
        more=", the hearings",
    ),
    "children:consent_add": _FORM.format(
        fields=_CONSENT,
        crispy="1.7",
        more=", the parents",
    ),
    "children:consent_edit": _FORM.format(
        fields=_CONSENT,
        crispy="1.7",
        more=", the consent and the parents",
    ),
    "children:review_record": _FORM.format(
        fields="4 fields (a date; the chairing IRO offered as radios; recommendations; yes/no)",
        crispy="1.4",
        more=", the review, the IRO offered and whether the authority has one",
    ),
    "children:viability_edit": _BIG_FORM.format(inputs=21, radios=7),
    "children:family_member_add": _BIG_FORM.format(inputs=25, radios=12),
    "children:family_member_edit": _BIG_FORM.format(inputs=25, radios=12),
    "children:paternity_add": _BIG_FORM.format(inputs=15, radios=5),
    "children:paternity_edit": _BIG_FORM.format(inputs=15, radios=5),
    "children:plan_set": _BIG_FORM.format(inputs=19, radios=8),
    "children:viability_add": _BIG_FORM.format(inputs=21, radios=7),
    "children:concern_raise": (
        "at the goal's edge (3.0–3.2× over runs): a form of 4 fields (a date, the concern, the "
        "child's reviews as a select, the escalation stage as radios) rendered through "
        "crispy-forms-gds, the same shape as children:note_add; not data, so flat with size"
    ),
    # Not yet fixed (issue 7 stays open for these): flat with size, but above 3×.
    "accounts:home": (
        "at the goal's edge: 13–24 ms over three quiet 50,000-child runs (2.0–3.7× as the "
        "baseline's median moved from 10.1 to 6.3 ms); 11 queries, flat with size"
    ),
    "children:chronology": (
        "at the goal's edge: 20 ms, 10 queries (the child's own records in one UNION ALL); "
        "2.9× at 5,000 children and 3.2× at 50,000 against a 6.3 ms baseline; flat with size"
    ),
    "children:create": (
        "not yet fixed: a form of 19 fields (two choosers, six selects of 5–20 options, four "
        "dates) whose crispy-forms-gds rendering is ~90% of the page (profiled); the selects "
        "now render in Python (accounts.widgets.Select), the inputs and dates still through a "
        "template each; flat with size"
    ),
    "children:edit": (
        "not yet fixed: the add-a-child form (19 fields rendered through crispy-forms-gds, ~90% "
        "of the page) plus the current allocation; flat with size"
    ),
    "children:record": (
        "not yet fixed: 25 queries, one per kind of record on the page (the child with 17 "
        "prefetched lists), mostly ORM SQL compilation and model building (the child lookup "
        "spends ~2.5 ms planning its joins for ~0.15 ms running), then seven tabs rendered; "
        "flat with size"
    ),
    "children:history": (
        "not yet fixed: the UNION ALL over the 17 history tables is now compiled once (cached), "
        "but PostgreSQL still plans it each request (~2 ms); the rest is the child's access "
        "check, naming the referred records (one query per kind) and the page's template; "
        "grows with the child's own record, not the authority"
    ),
    "children:list": (
        "not yet fixed: 10 queries (session, user, filters' teams, the keyset page of 26 rows "
        "with two correlated subqueries, the capped count) and the filter form rendered; the "
        "team scope still sorts the team's children (~1,750 at 50,000) when the user is in more "
        "than one team"
    ),
}


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


@dataclass
class Target:
    label: str  # URL name and variant
    url_name: str
    role: str
    scope: str  # "own" (the authority's bench user) or "referred" (its agency's)
    urls: dict = field(default_factory=dict)  # size key -> URL
    queries: dict = field(default_factory=dict)
    samples: dict = field(default_factory=dict)
    status: dict = field(default_factory=dict)
    skipped: str = ""


def declared_pages() -> list[tuple[str, object]]:
    """Every page of the access declarations, new apps' included, as (URL name, Page)."""
    from tests import access_matrix

    return sorted(access_matrix.all_pages().items(), key=lambda item: item[0])


def pick_role(page) -> tuple[str, str] | None:
    """The first role that sees the page (200) in the owning authority, else in the agency."""
    for scope in ("own", "referred"):
        for role in ROLE_ORDER:
            if page.expected(role, scope) == 200:
                return role, scope
    if getattr(page, "anonymous", None) == 200:
        return "anonymous", "own"
    return None


def build_targets(worlds: dict, only: list[str]) -> tuple[list[Target], list[str]]:
    from django.urls import reverse

    targets, notes = [], []
    for name, page in declared_pages():
        if only and not any(name == o or name.startswith(o) for o in only):
            continue
        if getattr(page, "method", "get") != "get":
            continue
        if name.split(":")[0] == "admin":
            notes.append(f"{name}: the Django admin, not a page of the service")
            continue
        chosen = pick_role(page)
        if chosen is None:
            notes.append(f"{name}: no role gets 200 from it")
            continue
        role, scope = chosen
        for suffix, query in VARIANTS.get(name, [("", "")]):
            target = Target(label=name + suffix, url_name=name, role=role, scope=scope)
            try:
                for key, world in worlds.items():
                    kwargs = page.kwargs(world) if page.kwargs else None
                    target.urls[key] = reverse(name, kwargs=kwargs) + query
            except AttributeError as error:
                notes.append(f"{name}: not measured, the bench world has no {error}")
                break
            targets.append(target)
    return targets, notes


class Clients:
    """One signed-in test client per authority, role and scope (a real session cookie)."""

    def __init__(self, worlds):
        self.worlds, self.clients = worlds, {}

    def get(self, key: str, role: str, scope: str):
        from django.test import Client

        if (key, role, scope) not in self.clients:
            client = Client()
            if role != "anonymous":
                world = self.worlds[key]
                users = world.users if scope == "own" else world.agency_users
                client.force_login(users[role])
            self.clients[key, role, scope] = client
        return self.clients[key, role, scope]


def timed_get(client, url: str) -> tuple[int, float]:
    started = time.perf_counter()
    response = client.get(url)
    return response.status_code, (time.perf_counter() - started) * 1000


def count_queries(client, url: str) -> tuple[int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    return response.status_code, len(context.captured_queries)


def measure(targets, worlds, clients, repeat: int, warmup: int, echo) -> list[float]:
    """Measure every target; returns the baseline's samples (taken in every round)."""
    keys = list(worlds)
    base = next((t for t in targets if t.label == BASELINE), None)
    baseline_samples: list[float] = []
    if base is None:
        raise SystemExit(f"the baseline page {BASELINE} is not among the declared pages")
    base_client = clients.get(keys[-1], base.role, base.scope)
    for n, target in enumerate(targets, 1):
        if sys.stdout.isatty():
            echo(f"   [{n}/{len(targets)}] {target.label}".ljust(70), end="\r")
        for key in keys:
            client = clients.get(key, target.role, target.scope)
            url = target.urls[key]
            for _ in range(warmup):
                timed_get(client, url)
            target.status[key], target.queries[key] = count_queries(client, url)
            target.samples[key] = []
        for _ in range(repeat):
            baseline_samples.append(timed_get(base_client, base.urls[keys[-1]])[1])
            for key in keys:
                client = clients.get(key, target.role, target.scope)
                target.samples[key].append(timed_get(client, target.urls[key])[1])
    return baseline_samples


def verdict(target: Target, baseline: float, keys: list[str]) -> tuple[bool, str]:
    large = keys[-1]
    problems = []
    if any(status != 200 for status in target.status.values()):
        problems.append("status " + "/".join(str(target.status[k]) for k in keys))
    ratio = statistics.median(target.samples[large]) / baseline
    if ratio > GOAL_RATIO:
        problems.append(f"{ratio:.1f}× the baseline (goal {GOAL_RATIO:.0f}×)")
    counts = [target.queries[k] for k in keys]
    if len(set(counts)) > 1:
        problems.append("queries grow " + " → ".join(str(c) for c in counts))
    if problems and target.url_name in EXPLAINED:
        problems.append("why: " + EXPLAINED[target.url_name])
    return not problems, "; ".join(problems)


def report(targets, worlds, baseline_samples, echo) -> int:
    keys = list(worlds)
    baseline = statistics.median(baseline_samples)
    sizes = ", ".join(f"{k} = {w.size.label}" for k, w in worlds.items())
    echo(f"\nSizes: {sizes}.")
    echo(
        f"Baseline: {BASELINE} signed in, median {baseline:.1f} ms "
        f"({len(baseline_samples)} samples). Goal: ≤ {GOAL_RATIO:.0f}× the baseline at "
        f"{keys[-1]}, and the same query count at every size.\n"
    )
    q_head = " / ".join(keys)
    header = (
        f"| page | role | queries {q_head} | ms {keys[0]} | ms {keys[-1]} | "
        f"× {keys[0]} | × {keys[-1]} | goal |"
    )
    echo(header)
    echo("|---|---|---|---:|---:|---:|---:|---|")
    failed = 0
    for t in targets:
        ok, why = verdict(t, baseline, keys)
        failed += not ok
        small, large = (statistics.median(t.samples[k]) for k in (keys[0], keys[-1]))
        role = t.role + (" (agency)" if t.scope == "referred" else "")
        queries = " / ".join(str(t.queries[k]) for k in keys)
        echo(
            f"| {t.label} | {role} | {queries} | {small:.0f} | {large:.0f} | "
            f"{small / baseline:.1f} | {large / baseline:.1f} | "
            f"{'✓' if ok else '✗ ' + why} |"
        )
    echo(f"\n{len(targets) - failed} of {len(targets)} pages meet the goal; {failed} miss it (✗).")
    return failed


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ep_tracker.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from tests.benchmarks import seed

    def echo(*args, **kwargs):
        print(*args, **kwargs, flush=True)

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    children, small = env_int("BENCH_CHILDREN", 50_000), env_int("BENCH_SMALL", 1_000)
    staff = env_int("BENCH_STAFF", 2_500)
    repeat, warmup = env_int("BENCH_REPEAT", 15), env_int("BENCH_WARMUP", 2)
    only = [o for o in os.environ.get("BENCH_ONLY", "").split(",") if o]
    if only:
        only.append(BASELINE)

    echo("== migrate")
    call_command("migrate", verbosity=0)
    echo("== seed")
    started = time.monotonic()
    seeder = seed.Seeder(history=os.environ.get("BENCH_HISTORY", "1") == "1", echo=echo)
    sizes = [
        seed.small_staff("small", small),
        seed.large_staff("staffed", small, staff),
        seed.large_staff("large", children, staff),
    ]
    worlds = {size.key: seeder.authority(size) for size in sizes}
    seeder.history()
    keys = list(worlds)
    for n, key in enumerate(keys):  # another organisation, for declarations that name one
        other = worlds[keys[(n + 1) % len(keys)]]
        worlds[key].other_org, worlds[key].other_team = other.own_org, other.own_team
    seed.analyse()
    echo(f"   {seeder.rows:,} rows in {time.monotonic() - started:.0f} s; VACUUM ANALYZE done")

    targets, notes = build_targets(worlds, only)
    echo(f"== measure {len(targets)} pages × {len(keys)} sizes, {repeat} rounds after {warmup}")
    started = time.monotonic()
    baseline_samples = measure(targets, worlds, Clients(worlds), repeat, warmup, echo)
    echo(f"   measured in {time.monotonic() - started:.0f} s")
    failed = report(targets, worlds, baseline_samples, echo)
    for note in notes:
        echo(f"   not measured: {note}")
    # the benchmark reports; it does not fail the build (BENCH_STRICT=1 makes a miss an error)
    return 1 if failed and os.environ.get("BENCH_STRICT") == "1" else 0


if __name__ == "__main__":
    sys.exit(main())
