"""The chronology and history of who may consent, and when: consent to placement for adoption,
written agreements, fathers without parental responsibility, parental responsibility, Part 19
applications, section 20 accommodation and pre-proceedings. Registered on the extension points of
``children.extensions`` from ``ChildrenConfig.ready`` as any app registers its own.

The chronology source runs one query per kind of record (a fixed number per child, whatever the
number of records), reading plain values.
"""

from . import forms
from . import models as m
from .extensions import ChronologyEvent, HistorySource, chronology_sources, history_sources
from .history import history_of


def _label(model, field_name):
    labels = dict(model._meta.get_field(field_name).flatchoices)
    return lambda value: str(labels.get(value, value))


def legal_events(child, viewer):
    """Dated events of consent, parental responsibility, Part 19, section 20, pre-proceedings."""
    relationship = _label(m.FamilyMember, "relationship")
    status = _label(m.ConsentToPlacement, "status")
    for c in m.ConsentToPlacement.objects.filter(child=child).values(
        "parent__name",
        "parent__relationship",
        "status",
        "considered_on",
        "witnessed_on",
        "withdrawn_on",
        "advance_consent_on",
    ):
        who = f"{c['parent__name']} ({relationship(c['parent__relationship']).lower()})"
        yield ChronologyEvent(c["considered_on"], "Consent", "Consent to placement discussed", who)
        if c["witnessed_on"]:
            yield ChronologyEvent(
                c["witnessed_on"],
                "Consent",
                "Consent to placement for adoption witnessed by Cafcass",
                f"{who}: {status(c['status'])}",
            )
        if c["advance_consent_on"]:
            yield ChronologyEvent(
                c["advance_consent_on"], "Consent", "Advance consent to adoption (s.20)", who
            )
        if c["withdrawn_on"]:
            yield ChronologyEvent(c["withdrawn_on"], "Consent", "Consent withdrawn", who)
    for a in m.WrittenAgreement.objects.filter(child=child).values("parent__name", "agreed_on"):
        yield ChronologyEvent(
            a["agreed_on"],
            "Consent",
            "Written agreement to placement (baby under six weeks)",
            a["parent__name"],
        )
    for f in m.FatherWithoutPR.objects.filter(child=child).values(
        "father__name", "informed_on", "counselled_on"
    ):
        who = f["father__name"] or "Father not identified"
        if f["informed_on"]:
            yield ChronologyEvent(
                f["informed_on"], "Consent", "Father without parental responsibility informed", who
            )
        if f["counselled_on"]:
            yield ChronologyEvent(
                f["counselled_on"],
                "Consent",
                "Father without parental responsibility counselled",
                who,
            )
    basis = _label(m.FamilyMember, "pr_basis")
    for p in (
        m.FamilyMember.objects.filter(child=child, pr_acquired_on__isnull=False)
        .exclude(pr_basis__in=["", m.PRBasis.MOTHER, m.PRBasis.NONE])
        .values("name", "pr_basis", "pr_acquired_on")
    ):
        yield ChronologyEvent(
            p["pr_acquired_on"],
            "Family",
            "Parental responsibility acquired",
            f"{p['name']}: {basis(p['pr_basis'])}",
        )
    outcome = _label(m.Part19Application, "outcome")
    for a in m.Part19Application.objects.filter(child=child).values(
        "applied_on", "issued_on", "decided_on", "outcome", "question"
    ):
        yield ChronologyEvent(a["applied_on"], "Court", "Part 19 application made", a["question"])
        if a["issued_on"]:
            yield ChronologyEvent(a["issued_on"], "Court", "Part 19 application issued")
        if a["decided_on"]:
            yield ChronologyEvent(
                a["decided_on"], "Court", "Part 19 application decided", outcome(a["outcome"])
            )
    end = _label(m.Section20Accommodation, "end_reason")
    for s in m.Section20Accommodation.objects.filter(child=child).values(
        "agreed_by__name", "agreed_on", "withdrawn_on", "ended_on", "end_reason"
    ):
        yield ChronologyEvent(
            s["agreed_on"], "Child", "Accommodated under section 20", s["agreed_by__name"]
        )
        if s["withdrawn_on"]:
            yield ChronologyEvent(s["withdrawn_on"], "Child", "Agreement to section 20 withdrawn")
        if s["ended_on"]:
            yield ChronologyEvent(
                s["ended_on"], "Child", "Section 20 accommodation ended", end(s["end_reason"])
            )
    steps = (
        ("gateway_meeting_on", "Legal gateway meeting"),
        ("letter_before_proceedings_on", "Letter before proceedings (PLO letter)"),
        ("letter_of_issue_on", "Letter of issue"),
        ("meeting_on", "Pre-proceedings meeting"),
        ("family_meeting_on", "Family meeting"),
        ("pre_birth_assessment_started_on", "Pre-birth assessment started"),
        ("pre_birth_assessment_completed_on", "Pre-birth assessment completed"),
    )
    pre_outcome = _label(m.PreProceedings, "outcome")
    for review in m.PreProceedingsReview.objects.filter(pre_proceedings__child=child).values(
        "held_on", "agreed"
    ):
        yield ChronologyEvent(
            review["held_on"], "Court", "Pre-proceedings review meeting", review["agreed"]
        )
    for pre in m.PreProceedings.objects.filter(child=child).values(
        *(name for name, _ in steps), "outcome", "outcome_on"
    ):
        for name, title in steps:
            if pre[name]:
                yield ChronologyEvent(pre[name], "Court", title)
        if pre["outcome_on"]:
            yield ChronologyEvent(
                pre["outcome_on"],
                "Court",
                "Pre-proceedings outcome",
                pre_outcome(pre["outcome"]),
            )


def _by_child(child) -> dict:
    return {"child_id": child.pk}


SOURCES = (
    HistorySource(
        m.ConsentToPlacement,
        "Consent to placement for adoption",
        _by_child,
        labels={"parent": "Parent or guardian"},
        forms=(forms.ConsentForm,),
    ),
    HistorySource(
        m.WrittenAgreement,
        "Written agreement (baby under six weeks)",
        _by_child,
        forms=(forms.WrittenAgreementForm,),
    ),
    HistorySource(
        m.FatherWithoutPR,
        "Father without parental responsibility",
        _by_child,
        forms=(forms.FatherWithoutPRForm,),
    ),
    HistorySource(
        m.PreProceedingsReview,
        "Pre-proceedings review meeting",
        lambda child: {
            "pre_proceedings_id__in": history_of(m.PreProceedings)
            .filter(child_id=child.pk)
            .values("id")
        },
        forms=(forms.PreProceedingsReviewForm,),
    ),
    HistorySource(
        m.Part19Application, "Part 19 application", _by_child, forms=(forms.Part19Form,)
    ),
    HistorySource(
        m.Section20Accommodation,
        "Accommodation under section 20",
        _by_child,
        forms=(forms.Section20Form,),
    ),
)


def register() -> None:
    chronology_sources.register(legal_events)
    for source in SOURCES:
        history_sources.register(source)
