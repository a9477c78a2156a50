"""Every kind of verification finding as the one type :class:`plume.report.Finding`.

The analyser's checks and the cleaner's findings carry one text, in the report's language: their
:class:`~plume.report.Msg` holds it in both slots. The guards, the fact check, the
support check and the contradictions carry both languages.
"""

from __future__ import annotations

from plume.report import CheckResult, CleaningFinding, Finding, FindingKind, Msg, Rating, Severity
from plume.text import french_spacing
from plume.verification import Contradiction, FactViolation, GuardViolation
from plume.verify.guards.facts import fact_hint
from plume.verify.policy import HARD_CHECKS, hard_check_fails
from plume.verify.support import SupportVerdict

__all__ = [
    "check_finding",
    "cleaning_finding",
    "contradiction_finding",
    "fact_finding",
    "guard_finding",
    "support_finding",
]


def _same(text: str) -> Msg:
    return Msg(text, text)


def check_finding(check: CheckResult, *, rewrite: bool = False) -> Finding:
    """An analyser check: an error when it fails a rewrite (:func:`hard_check_fails`), a
    warning when red or orange, else information. Located in the field a repair regenerates."""
    if rewrite and hard_check_fails(check.code, check.rating):
        severity = Severity.ERROR
    elif check.rating in (Rating.BAD, Rating.OK):
        severity = Severity.WARNING
    else:
        severity = Severity.INFO
    return Finding(
        kind=FindingKind.CHECK,
        code=check.code,
        severity=severity,
        field=HARD_CHECKS.get(check.code, "article"),
        message=_same(check.message),
        hint=_same(check.hint) if check.hint else None,
        spans=tuple(check.spans),
    )


def cleaning_finding(found: CleaningFinding) -> Finding:
    """A defect the cleaner saw and left to the editor: a warning."""
    return Finding(
        kind=FindingKind.CLEANING,
        code=found.code,
        severity=Severity.WARNING,
        message=_same(found.message),
        spans=tuple(found.spans),
        excerpt=found.excerpt,
    )


def guard_finding(v: GuardViolation) -> Finding:
    """A guard's violation: an error when hard. The facts guard's are facts (located in their
    field), the grounding guard's are grounding findings."""
    kind = {"facts": FindingKind.FACT, "grounding": FindingKind.GROUNDING}.get(
        v.guard, FindingKind.GUARD
    )
    return Finding(
        kind=kind,
        code=v.guard,
        severity=Severity.ERROR if v.hard else Severity.WARNING,
        field=v.field,
        message=v.message_msg,
        hint=v.hint_msg,
        excerpt=v.excerpt,
        paragraph=v.paragraph,
    )


def fact_finding(v: FactViolation) -> Finding:
    """A fact no source holds: an error, spanning the fact in the text checked."""
    return Finding(
        kind=FindingKind.FACT,
        code="facts",
        severity=Severity.ERROR,
        message=v.reason_msg,
        hint=fact_hint(v.fact),
        spans=(v.fact.span,),
        excerpt=v.fact.text,
    )


def contradiction_finding(c: Contradiction) -> Finding:
    """Two sources stating a fact differently: a warning (the editor checks which is right)."""
    return Finding(
        kind=FindingKind.CONTRADICTION,
        code="contradiction",
        severity=Severity.WARNING,
        message=c.message_msg,
        excerpt=c.values[0].excerpt if c.values else "",
    )


def support_finding(where: str, verdict: SupportVerdict) -> Finding:
    """A generated statement no source sentence says: an error in field ``where``, its reason,
    and the source sentence to reword it from when there is one."""
    hint = None
    if verdict.evidence:
        hint = Msg(
            french_spacing(f"Reformulez d’après la phrase de la source : « {verdict.evidence} »"),
            f"Reword it from the source's sentence: “{verdict.evidence}”",
        )
    return Finding(
        kind=FindingKind.SUPPORT,
        code="SUPPORT",
        severity=Severity.ERROR,
        field=where,
        message=Msg(
            french_spacing(f"Affirmation non étayée par les sources : {verdict.reason.fr}"),
            f"Statement not supported by the sources: {verdict.reason.en}",
        ),
        hint=hint,
        excerpt=verdict.claim,
    )
