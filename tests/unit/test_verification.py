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
    # French typography (plume.text.french_spacing) on the French texts only.
    assert v.message_fr == "Formule creuse\u00a0: «\u202fx\u202f»."
    assert v.hint_fr == "Réécris\u202f; 20\u202f% de moins\u202f!"
    assert v.message_msg == Msg(v.message_fr, "Empty phrase: “x”.")
    assert v.hint("en") == "Rewrite; 20% less!" and v.message("fr") == v.message_fr
    report = GuardReport(violations=[v], originality=Originality(share=0.1))
    assert report.passed and report.by_field() == {"intro": [v]} and report.originality.ok


def test_quoted_text_keeps_its_spaces() -> None:
    """The quoted excerpt (the user's text) is left as written; plume's words are spaced."""
    v = GuardViolation.of(
        "filler",
        "intro",
        hard=False,
        message=Msg("Plafond : « 20 % ; ok ? » !", "Cap"),
        hint=Msg("https://x.fr a:b", "h"),
    )
    assert v.message_fr == "Plafond\u00a0: «\u202f20 % ; ok ?\u202f»\u202f!"
    assert v.hint_fr == "https://x.fr a:b"


def test_fact_violation_and_contradiction_messages() -> None:
    fact = Fact(kind=FactKind.NUMBER, text="37 %", value="37 %", span=Span(start=0, end=4))
    v = FactViolation.of(fact, Msg("Le nombre « 37 % »", "The number “37 %”"))
    assert list(v.model_dump()) == ["fact", "reason_fr", "reason_en"]
    # The fact, as the user's text has it, keeps its plain space; the guillemets get theirs.
    assert v.reason("en") == "The number “37 %”"
    assert v.reason_msg.fr == "Le nombre «\u202f37 %\u202f»"
    c = Contradiction(
        kind="number",
        subject="employé",
        values=[SourceValue(source="a", text="700", value="700", excerpt="700 employés")],
        message_fr="Les sources se contredisent : « 700 » ; « 800 ».",
        message_en="The sources disagree",
    )
    assert list(c.model_dump()) == ["kind", "subject", "values", "message_fr", "message_en"]
    spaced = "Les sources se contredisent\u00a0: «\u202f700\u202f»\u202f; «\u202f800\u202f»."
    assert c.message_msg == Msg(spaced, "The sources disagree")
    assert c.message("en") == "The sources disagree"
