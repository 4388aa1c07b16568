"""What ``matching`` shows on the child's record, through ``children.extensions``: the
"Placements and matching" tab, its chronology and its history of changes. Each runs a fixed
number of queries (``journey_records``: five), whatever the number of records."""

from accounts.dates import format_date
from accounts.permissions import can
from carers.rules import works_with_carers
from children.extensions import (
    ChronologyEvent,
    HistorySource,
    Section,
    chronology_sources,
    history_sources,
    sections,
)

from . import forms, models
from .selectors import authorisation_of, journey_records, reg25a_of

CATEGORY = "Placements and matching"


def _section(child, viewer) -> dict:
    return {
        "records": journey_records(child=child),
        # carers' names only for those who work with carers (never IROs or family time workers)
        "sees_carers": works_with_carers.test(viewer),
        "can_place": can(viewer, "matching.record_placement", child),
        "can_match": can(viewer, "matching.propose_match", child),
        "can_authorise": can(viewer, "matching.authorise_placement", child),
        "can_decide": can(viewer, "matching.record_agency_decision", child),
        "can_formal_match": can(viewer, "matching.record_formal_match", child),
    }


SECTION = Section(
    "matching", "Placements and matching", "matching/_section.html", _section, order=45
)


def _household(household, viewer) -> str:
    if household is None:
        return ""
    return household.name if works_with_carers.test(viewer) else household.reference


def chronology(child, viewer):
    records = journey_records(child=child)
    for p in records.placements:
        yield ChronologyEvent(
            p.starts_on,
            CATEGORY,
            f"Placement started: {p.get_kind_display().lower()}",
            ", ".join(filter(None, [p.placement_code, _household(p.household, viewer)])),
        )
        if p.ends_on:
            yield ChronologyEvent(p.ends_on, CATEGORY, "Placement ended", p.end_reason, order=40)
    for m in records.matches:
        yield ChronologyEvent(
            m.proposed_on, CATEGORY, "Match proposed", _household(m.household, viewer)
        )
        if m.withdrawn_on:
            yield ChronologyEvent(m.withdrawn_on, CATEGORY, "Match withdrawn", m.withdrawn_reason)
        authorisation = authorisation_of(m)
        if authorisation:
            yield ChronologyEvent(
                authorisation.authorised_on,
                CATEGORY,
                "Nominated Officer authorised the placement",
                "",
                authorisation.authorised_by.get_full_name(),
            )
        reg25a = reg25a_of(m)
        if reg25a:
            yield ChronologyEvent(reg25a.approved_on, CATEGORY, "Reg 25A temporary approval given")
            if reg25a.ended_on:
                yield ChronologyEvent(
                    reg25a.ended_on,
                    CATEGORY,
                    "Reg 25A temporary approval ended",
                    reg25a.get_ended_reason_display(),
                )
    for d in records.decisions:
        yield ChronologyEvent(
            d.decided_on,
            CATEGORY,
            d.get_kind_display(),
            d.get_reason_code_display() if d.reason_code else "",
            d.decided_by.get_full_name(),
        )
    for f in records.formal_matches:
        if f.panel_on:
            yield ChronologyEvent(
                f.panel_on,
                CATEGORY,
                "Adoption panel on the match",
                f.get_panel_recommendation_display(),
            )
        if f.decided_on:
            yield ChronologyEvent(f.decided_on, CATEGORY, f.get_decision_display())
    if records.adoption_placement:
        yield ChronologyEvent(
            records.adoption_placement.notice_on,
            CATEGORY,
            "Placed for adoption",
            f"The agency's notice of {format_date(records.adoption_placement.notice_on)}",
        )


def _by_child(child):
    return {"child_id": child.pk}


HISTORY = (
    HistorySource(
        models.Placement,
        "Placement",
        _by_child,
        forms=(forms.PlacementForm, forms.PlacementCorrectForm),
        order=45,
    ),
    HistorySource(models.InitialMatch, "Initial match", _by_child, order=46),
    HistorySource(
        models.NominatedOfficerAuthorisation,
        "Nominated Officer's authorisation",
        lambda child: {"match_id__in": _match_ids(child)},
        forms=(forms.AuthorisationForm,),
        order=47,
    ),
    HistorySource(
        models.Reg25AApproval,
        "Reg 25A temporary approval",
        lambda child: {"match_id__in": _match_ids(child)},
        forms=(forms.Reg25AForm,),
        order=48,
    ),
    HistorySource(
        models.AgencyDecision,
        "Agency decision",
        _by_child,
        forms=(forms.AgencyDecisionForm,),
        order=49,
    ),
    HistorySource(
        models.FormalMatch,
        "Formal adoption match",
        _by_child,
        forms=(forms.FormalMatchForm,),
        order=50,
    ),
    HistorySource(models.AdoptionPlacement, "Placed for adoption", _by_child, order=51),
)


def _match_ids(child):
    return models.InitialMatch.objects.filter(child_id=child.pk).values("pk")


def register() -> None:
    sections.register(SECTION)
    chronology_sources.register(chronology)
    for source in HISTORY:
        history_sources.register(source)
