"""Does a child's record agree with itself? The same rule functions the services enforce, run
over what is recorded: a check per rule, each returning the problems it finds.

``CHILD_CHECKS`` is the one list: a new record type adds its check here (part B of issue 8 adds
consent, section 20 and parental responsibility). The demo's test runs every check on every demo
child (tests/children/test_demo.py), so the demo tells the truth.
"""

from collections.abc import Callable

from accounts.clock import today

from .legal_truth import legal_truth_errors
from .models import PROPOSED_STATUS, Child, extension_limit, orders_in_force
from .services.court import hearing_status_errors, order_record_errors
from .services.legal import care_period_errors, legal_status_basis_errors


def _messages(what: str, errors: dict) -> list[str]:
    return [f"{what}: {message}" for message in errors.values()]


def care_periods(child: Child) -> list[str]:
    """Each period of care: after the birth, not overlapping, holding its legal statuses."""
    problems = []
    for period in child.care_periods.all():
        errors = care_period_errors(
            child=child,
            started_on=period.started_on,
            ended_on=period.ended_on,
            reason_ended=period.reason_ended,
            period=period,
        )
        problems += _messages(str(period), errors)
    return problems


def legal_statuses(child: Child) -> list[str]:
    """Each legal status rests on its basis while the child is looked after; one is open."""
    problems = []
    statuses = list(child.legal_statuses.select_related("order"))
    for status in statuses:
        errors = legal_status_basis_errors(
            child=child,
            code=status.code,
            starts_on=status.starts_on,
            basis=status.basis,
            order=status.order,
        )
        problems += _messages(str(status), errors)
    if len([s for s in statuses if s.ends_on is None]) > 1:
        problems.append("More than one legal status is open")
    if child.looked_after_since and child.current_legal_status is None:
        problems.append("Looked after with no legal status")
    return problems


def orders(child: Child) -> list[str]:
    """Each order: after the birth, at a hearing that went ahead, in the right proceedings."""
    problems = []
    for order in child.orders.select_related("hearing"):
        errors = order_record_errors(
            child=child,
            made_on=order.made_on,
            hearing=order.hearing,
            kind=order.kind,
            expires_on=order.expires_on,
        )
        problems += _messages(str(order), errors)
    return problems


def hearings(child: Child) -> list[str]:
    """Only a hearing that has happened has an outcome."""
    problems = []
    for proceedings in child.proceedings.prefetch_related("hearings"):
        for hearing in proceedings.hearings.all():
            errors = hearing_status_errors(
                listed_on=hearing.listed_on, status=hearing.status, outcome=hearing.outcome
            )
            problems += _messages(str(hearing), errors)
            if hearing.listed_on < proceedings.issued_on:
                problems.append(f"{hearing}: before the proceedings were issued")
    return problems


def extensions(child: Child) -> list[str]:
    """Each extension within 8 weeks of the later of the end then in force and its grant."""
    problems = []
    for proceedings in child.proceedings.prefetch_related("extensions"):
        in_force = proceedings.statutory_end()
        for extension in proceedings.extensions_in_order():
            if not proceedings.has_time_limit:
                problems.append(f"{extension}: these proceedings have no 26-week limit")
            limit = extension_limit(end_in_force=in_force, granted_on=extension.granted_on)
            if not in_force < extension.ends_on <= limit:
                problems.append(f"{extension}: must end after {in_force} and by {limit}")
            in_force = extension.ends_on
    return problems


def status_follows_orders(child: Child) -> list[str]:
    """While looked after, the legal status is the one the order in force proposes."""
    current = child.current_legal_status
    if current is None:
        return []
    in_force = [
        order
        for order, suspended_by in orders_in_force(child.orders.all(), today())
        if suspended_by is None and order.kind in PROPOSED_STATUS
    ]
    if not in_force:
        return []
    latest = max(in_force, key=lambda order: (order.made_on, order.pk))
    expected = PROPOSED_STATUS[latest.kind]
    if current.code != expected:
        return [f"Legal status {current.code} while the {latest} proposes {expected}"]
    return []


CHILD_CHECKS: list[Callable[[Child], list[str]]] = [
    care_periods,
    legal_statuses,
    orders,
    hearings,
    extensions,
    status_follows_orders,
    # issue 8 part B: consent, parental responsibility and section 20 (children.legal_truth)
    legal_truth_errors,
]


def child_record_problems(child: Child) -> list[str]:
    """Every problem every check finds in the child's record ([] when it agrees with itself)."""
    return [problem for check in CHILD_CHECKS for problem in check(child)]
