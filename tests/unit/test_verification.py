"""Verification's result types (plume.verification): built from one Msg, stored under the
``*_fr`` / ``*_en`` keys of report.json's stable schema."""

from __future__ import annotations

from plume.report import Msg, Span
from plume.verification import (
    Contradiction,
    Fact,
    FactKind,
    FactViolation,
    GuardReport,
    GuardViolation,
    Originality,
    SourceValue,
    guard_spacing,
)


def test_guard_violation_keeps_its_json_keys() -> None:
    v = GuardViolation.of(
        "filler",
        "intro",
        hard=False,
        message=Msg("Formule creuse : « x ».", "Empty phrase: “x”."),
        hint=Msg("Réécris ; 20 % de moins !", "Rewrite; 20% less!"),
        excerpt="x",
        paragraph=0,
    )
    assert list(v.model_dump()) == [
        "guard",
        "field",
        "hard",
        "message_fr",
        "message_en",
        "excerpt",
        "hint_fr",
        "hint_en",
        "paragraph",
    ]
    # French typography on the French texts only; « » keep the spaces they were given.
    assert v.message_fr == "Formule creuse\u00a0: « x »."
    assert v.hint_fr == "Réécris\u202f; 20\u202f% de moins\u202f!"
    assert v.message_msg == Msg(v.message_fr, "Empty phrase: “x”.")
    assert v.hint("en") == "Rewrite; 20% less!" and v.message("fr") == v.message_fr
    report = GuardReport(violations=[v], originality=Originality(share=0.1))
    assert report.passed and report.by_field() == {"intro": [v]} and report.originality.ok


def test_guard_spacing() -> None:
    assert guard_spacing("Plafond : 20 % ; ok ? oui !") == (
        "Plafond\u00a0: 20\u202f%\u202f; ok\u202f? oui\u202f!"
    )
    assert guard_spacing("https://x.fr a:b") == "https://x.fr a:b"


def test_fact_violation_and_contradiction_messages() -> None:
    fact = Fact(kind=FactKind.NUMBER, text="37 %", value="37 %", span=Span(start=0, end=4))
    v = FactViolation.of(fact, Msg("Le nombre « 37 % »", "The number “37 %”"))
    assert list(v.model_dump()) == ["fact", "reason_fr", "reason_en"]
    assert v.reason("en") == "The number “37 %”" and v.reason_msg.fr == "Le nombre « 37 % »"
    c = Contradiction(
        kind="number",
        subject="employé",
        values=[SourceValue(source="a", text="700", value="700", excerpt="700 employés")],
        message_fr="Les sources se contredisent",
        message_en="The sources disagree",
    )
    assert list(c.model_dump()) == ["kind", "subject", "values", "message_fr", "message_en"]
    assert c.message_msg == Msg("Les sources se contredisent", "The sources disagree")
    assert c.message("en") == "The sources disagree"
