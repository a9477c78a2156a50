"""Every kind of finding as the one Finding type (plume.verify.findings): code, kind,
severity, location, and the message in both languages."""

from __future__ import annotations

import pytest

from plume.report import (
    Category,
    CheckResult,
    CleaningFinding,
    FindingKind,
    Msg,
    Rating,
    Severity,
    Span,
)
from plume.verification import GuardViolation
from plume.verify.facts import check_facts
from plume.verify.findings import (
    check_finding,
    cleaning_finding,
    contradiction_finding,
    fact_finding,
    guard_finding,
)
from plume.verify.sources import find_contradictions


def _check(code: str, rating: Rating) -> CheckResult:
    return CheckResult(
        code=code,
        name="n",
        category=Category.SEO,
        rating=rating,
        score=3,
        message=f"message {code}",
        hint="do this" if rating is not Rating.GOOD else "",
        spans=[Span(start=1, end=4)],
    )


def test_check_findings() -> None:
    hard = check_finding(_check("SEO-META-LENGTH", Rating.OK), rewrite=True)
    assert (hard.kind, hard.code, hard.severity, hard.field) == (
        FindingKind.CHECK,
        "SEO-META-LENGTH",
        Severity.ERROR,
        "meta_description",
    )
    assert hard.message == Msg("message SEO-META-LENGTH", "message SEO-META-LENGTH")
    assert hard.hint == Msg("do this", "do this") and hard.spans == (Span(start=1, end=4),)
    # Faithful mode has no hard check; orange and red warn, the rest informs.
    assert check_finding(_check("SEO-META-LENGTH", Rating.OK)).severity is Severity.WARNING
    assert check_finding(_check("SEO-TEXT-LENGTH", Rating.OK), rewrite=True).severity is (
        Severity.WARNING
    )
    good = check_finding(_check("RD-PASSIVE", Rating.GOOD), rewrite=True)
    assert (good.severity, good.field, good.hint) == (Severity.INFO, "article", None)


def test_cleaning_finding() -> None:
    f = cleaning_finding(
        CleaningFinding(
            code="CL-UNBALANCED-QUOTES",
            message="Guillemets",
            spans=[Span(start=0, end=1)],
            excerpt="« x",
        )
    )
    assert (f.kind, f.code, f.severity, f.excerpt) == (
        FindingKind.CLEANING,
        "CL-UNBALANCED-QUOTES",
        Severity.WARNING,
        "« x",
    )
    assert f.message.get("en") == "Guillemets" and f.spans == (Span(start=0, end=1),)


@pytest.mark.parametrize(
    ("guard", "hard", "kind", "severity"),
    [
        ("leftover", True, FindingKind.GUARD, Severity.ERROR),
        ("filler", False, FindingKind.GUARD, Severity.WARNING),
        ("grounding", False, FindingKind.GROUNDING, Severity.WARNING),
        ("facts", True, FindingKind.FACT, Severity.ERROR),
    ],
)
def test_guard_finding(guard: str, hard: bool, kind: FindingKind, severity: Severity) -> None:
    v = GuardViolation.of(
        guard,
        "sections[1]",
        hard=hard,
        message=Msg("Problème : ici.", "Problem: here."),
        hint=Msg("Corrige !", "Fix it!"),
        excerpt="ici",
        paragraph=2,
    )
    f = guard_finding(v)
    assert (f.kind, f.code, f.severity, f.field, f.paragraph, f.excerpt) == (
        kind,
        guard,
        severity,
        "sections[1]",
        2,
        "ici",
    )
    assert f.message == Msg("Problème\u00a0: ici.", "Problem: here.")
    assert f.hint is not None
    assert (f.hint.get("fr"), f.hint.get("en")) == ("Corrige\u202f!", "Fix it!")


def test_fact_finding() -> None:
    (v,) = check_facts("Le projet coûte 9 millions d’euros.", "Rien.", entities=False).violations
    f = fact_finding(v)
    assert (f.kind, f.code, f.severity, f.spans, f.excerpt) == (
        FindingKind.FACT,
        "facts",
        Severity.ERROR,
        (v.fact.span,),
        "9 millions d’euros",
    )
    assert f.message == Msg(v.reason("fr"), v.reason("en"))
    assert f.hint is not None and f.hint.get("en").startswith("Remove or correct")


def test_contradiction_finding() -> None:
    (c,) = find_contradictions(
        [
            ("a", "Selon la lettre, plus de 700 employés d’OpenAI menacent de démissionner."),
            ("b", "Près de 500 employés d’OpenAI menacent de démissionner si rien ne change."),
        ]
    )
    f = contradiction_finding(c)
    assert (f.kind, f.code, f.severity, f.field) == (
        FindingKind.CONTRADICTION,
        "contradiction",
        Severity.WARNING,
        "article",
    )
    assert f.message == Msg(c.message("fr"), c.message("en"))
    assert f.excerpt == c.values[0].excerpt
