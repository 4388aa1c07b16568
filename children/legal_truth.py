"""Checks that a child's consent, parental responsibility and section 20 records agree with each
other, by the same rules the services enforce (LAW.md "Who may consent, and when"). The demo
truth test runs them on every demo child; each returns the problems found, in words, [] if none.
"""

from .models import Child, PRBasis
from .services.consent import (
    consent_errors,
    father_without_pr_errors,
    parental_responsibility_errors,
    part19_errors,
    section20_errors,
    written_agreement_errors,
)
from .services.family import family_member_pr_errors


def _as_words(kind: str, errors: dict) -> list[str]:
    return [f"{kind}: {message}" for message in errors.values()]


def parental_responsibility_truth_errors(child: Child) -> list[str]:
    """PR begins at the birth (never an unborn baby's mother), on a basis the rules accept."""
    found = []
    for member in child.family_members.all():
        found += _as_words(
            f"Parental responsibility of {member.name}",
            family_member_pr_errors(
                child=child, parental_responsibility=member.parental_responsibility
            ),
        )
        if member.pr_basis and member.pr_basis != PRBasis.MOTHER:
            found += _as_words(
                f"Parental responsibility of {member.name}",
                parental_responsibility_errors(
                    member=member, basis=member.pr_basis, acquired_on=member.pr_acquired_on
                ),
            )
    return found


def consent_truth_errors(child: Child) -> list[str]:
    """Every consent, written agreement, father without PR and Part 19 record passes its rules;
    a father without PR holds none; a consent counted as authority really is."""
    found = []
    for c in child.placement_consents.all():
        found += _as_words(
            f"Consent of {c.parent.name}",
            consent_errors(
                child=child,
                parent=c.parent,
                status=c.status,
                kind=c.kind,
                considered_on=c.considered_on,
                witnessed_on=c.witnessed_on,
                withdrawn_on=c.withdrawn_on,
                advance_consent_on=c.advance_consent_on,
                no_notice_statement_on=c.no_notice_statement_on,
            ),
        )
    for a in child.written_agreements.all():
        found += _as_words(
            f"Written agreement of {a.parent.name}",
            written_agreement_errors(child=child, parent=a.parent, agreed_on=a.agreed_on),
        )
    for f in child.fathers_without_pr.all():
        found += _as_words(
            "Father without parental responsibility",
            father_without_pr_errors(
                child=child,
                father=f.father,
                identity_known=f.identity_known,
                informed=f.informed,
                informed_on=f.informed_on,
                decided_by=f.decided_by,
                decision_reason=f.decision_reason,
                counselled_on=f.counselled_on,
            ),
        )
    for p in child.part19_applications.all():
        found += _as_words(
            "Part 19 application",
            part19_errors(
                applied_on=p.applied_on,
                issued_on=p.issued_on,
                outcome=p.outcome,
                decided_on=p.decided_on,
            ),
        )
    return found


def section20_truth_errors(child: Child) -> list[str]:
    """Each section 20 record passes its rules: agreed by a PR holder after the birth; one ended
    by an order has the order, one ended by consent a consent that authorises placement (ACA
    s.30)."""
    found = []
    for s in child.section20_accommodations.all():
        found += _as_words(
            "Section 20",
            section20_errors(
                child=child,
                agreed_by=s.agreed_by,
                agreed_on=s.agreed_on,
                withdrawn_on=s.withdrawn_on,
                ended_on=s.ended_on,
                end_reason=s.end_reason,
            ),
        )
    return found


CHECKS = (parental_responsibility_truth_errors, consent_truth_errors, section20_truth_errors)


def legal_truth_errors(child: Child) -> list[str]:
    """Every check above, for one child."""
    return [problem for check in CHECKS for problem in check(child)]
