"""Reunification on the child's page (``children.extensions``): the Reunification tab (shown
when there is a decision), its chronology and its history, registered from
``ReunificationConfig.ready()``.

The tab and the chronology read the child's decisions with their records in six queries
(``selectors.decisions_with_records``), whatever the number of records; the tab reads one when
there is no decision (and hides itself).
"""

from accounts.dates import format_date
from accounts.permissions import can
from children.extensions import (
    ChronologyEvent,
    HistorySource,
    Section,
    chronology_sources,
    history_sources,
    sections,
)

from .forms import AfterReturnForm, LifeStoryForm, PlanForm, StepForm, SupportForm
from .models import (
    AfterReturnRecord,
    DecisionStatus,
    LifeStoryContribution,
    ReunificationDecision,
    ReunificationPlan,
    ReunificationSupport,
    TransitionStep,
)
from .selectors import decisions_with_records, return_to_care

CATEGORY = "Reunification"


def _decisions(child) -> list[ReunificationDecision]:
    """Read once per page: the tab and the chronology share it."""
    cached = getattr(child, "_reunification_decisions", None)
    if cached is None:
        cached = decisions_with_records(child=child)
        child._reunification_decisions = cached
    return cached


def reunification_context(child, viewer) -> dict | None:
    decisions = _decisions(child)
    if not decisions:
        return None
    periods = getattr(child, "_prefetched_objects_cache", {}).get("care_periods")
    shown = []
    for decision in decisions:
        plan = getattr(decision, "plan", None) if _has_plan(decision) else None
        shown.append(
            {
                "decision": decision,
                "plan": plan,
                "steps": list(decision.steps.all()),
                "support": list(decision.support.all()),
                "life_story": list(decision.life_story.all()),
                "after_return": list(decision.after_return.all()),
                "return_to_care": return_to_care(
                    decision, list(periods) if periods is not None else None
                ),
                "open": decision.status != DecisionStatus.ABANDONED,
            }
        )
    return {
        "reunifications": shown,
        "can_edit_reunification": can(viewer, "children.change_child", child),
    }


def _has_plan(decision) -> bool:
    try:
        decision.plan  # noqa: B018 — joined by the selector: no query
    except ReunificationPlan.DoesNotExist:
        return False
    return True


SECTION = Section(
    "reunification",
    "Reunification",
    "reunification/_section.html",
    reunification_context,
    order=60,
)


def reunification_events(child, viewer):
    for decision in _decisions(child):
        who = decision.get_decided_by_kind_display()
        yield ChronologyEvent(
            decision.decided_on,
            CATEGORY,
            "Reunification decided",
            f"{who}: {decision.get_route_display().lower()}",
        )
        if _has_plan(decision) and decision.plan.agreed_on:
            yield ChronologyEvent(
                decision.plan.agreed_on, CATEGORY, "Reunification plan agreed", "Standard 7.3"
            )
        for step in decision.steps.all():
            if step.happened_on:
                yield ChronologyEvent(
                    step.happened_on, CATEGORY, step.get_kind_display(), step.participants
                )
        if decision.abandoned_on:
            yield ChronologyEvent(
                decision.abandoned_on,
                CATEGORY,
                "Reunification abandoned",
                decision.abandoned_reason,
            )
        if decision.moved_on:
            yield ChronologyEvent(
                decision.moved_on, CATEGORY, "Moved home", decision.get_outcome_display(), order=60
            )
        for record in decision.after_return.all():
            yield ChronologyEvent(
                record.held_on,
                CATEGORY,
                f"{record.get_kind_display()} after the return",
                record.by_whom,
            )
        if decision.assessment_due_on and not decision.assessment_completed_on:
            yield ChronologyEvent(
                decision.assessment_due_on,
                CATEGORY,
                "Assessment due (CPR reg 19)",
                f"The child moved first on {format_date(decision.moved_on)}",
            )


def _by_decision_child(child) -> dict:
    return {"decision__child_id": child.pk}


HISTORY = (
    HistorySource(
        ReunificationDecision,
        "Reunification decision",
        lambda child: {"child_id": child.pk},
        order=160,
    ),
    HistorySource(
        ReunificationPlan, "Reunification plan", _by_decision_child, forms=(PlanForm,), order=161
    ),
    HistorySource(
        TransitionStep, "Transition step", _by_decision_child, forms=(StepForm,), order=162
    ),
    HistorySource(
        ReunificationSupport,
        "Reunification support",
        _by_decision_child,
        forms=(SupportForm,),
        order=163,
    ),
    HistorySource(
        LifeStoryContribution,
        "Life story contribution",
        _by_decision_child,
        forms=(LifeStoryForm,),
        order=164,
    ),
    HistorySource(
        AfterReturnRecord,
        "After the return",
        _by_decision_child,
        forms=(AfterReturnForm,),
        order=165,
    ),
)


def register() -> None:
    sections.register(SECTION)
    chronology_sources.register(reunification_events)
    for source in HISTORY:
        history_sources.register(source)
