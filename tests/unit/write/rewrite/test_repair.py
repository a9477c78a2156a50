"""Repair: the verify stage's findings as repair targets and report lines, and one part
regenerated to its hints."""

from __future__ import annotations

from plume.backends.base import ScriptedBackend, Usage
from plume.clean import clean
from plume.errors import BackendError
from plume.ingest import read_text
from plume.lang.fr import rewrite_prompts
from plume.report import Finding, FindingKind, Msg, Severity
from plume.settings import Settings
from plume.verification import Originality
from plume.write.rewrite import Writer, passages_of
from plume.write.rewrite.plan import Plan, PlanSection
from plume.write.rewrite.repair import (
    EMPTY_PART,
    Draft,
    failure_line,
    failures,
    length_floor,
    repair_hint,
    repair_part,
    repair_record,
    repairable,
    short_sources_line,
)


def _finding(
    code: str,
    field: str,
    *,
    kind: FindingKind = FindingKind.GUARD,
    hard: bool = True,
    hint: Msg | None = None,
) -> Finding:
    return Finding(
        kind=kind,
        code=code,
        severity=Severity.ERROR if hard else Severity.WARNING,
        field=field,
        message=Msg(f"{code} en échec", f"{code} failing"),
        hint=hint,
    )


FILLER = _finding("filler", "sections[0]", hard=False, hint=Msg("Supprimez", "Remove"))
QUOTES = _finding("quotes", "intro", hint=Msg("Fermez la citation.", "Close the quotation."))
COPIED = _finding("originality", "article", hint=Msg("Reformulez.", "Rephrase."))
META = _finding(
    "SEO-KP-META", "meta_description", kind=FindingKind.CHECK, hint=Msg("Ajoutez", "Ajoutez")
)
AUDIT_ONLY = _finding("RD-PASSIVE", "article", kind=FindingKind.CHECK, hard=False)
ORIGINALITY = Originality(share=0.3, by_field={"intro": 0.1, "sections[1]": 0.5})


def test_failures_are_the_guards_then_the_hard_checks_then_the_empty_parts() -> None:
    findings = [AUDIT_ONLY, META, FILLER, QUOTES, COPIED]
    targets, lines = failures(findings, ORIGINALITY, "fr", [], [["Un."], []])
    assert lines == [
        "intro — quotes en échec",
        "article — originality en échec",
        "SEO-KP-META — SEO-KP-META en échec",
        f"intro — {EMPTY_PART.fr}",
        f"sections[1] — {EMPTY_PART.fr}",
    ]
    # Originality targets the parts over the ceiling; a soft finding is no target by default.
    assert {k: [f.code for f in v] for k, v in targets.items()} == {
        "intro": ["quotes", "empty"],
        "sections[1]": ["originality", "empty"],
        "meta_description": ["SEO-KP-META"],
    }
    assert (
        failures(findings, ORIGINALITY, "en", ["Un."], [["Un."]])[1][0] == "intro — quotes failing"
    )


def test_the_first_round_also_repairs_the_soft_findings_worth_it() -> None:
    targets, lines = failures(
        [FILLER, AUDIT_ONLY], ORIGINALITY, "fr", ["Un."], [["Un."]], soft=True
    )
    assert targets == {"sections[0]": [FILLER]} and lines == []


def test_short_sources_leave_the_length_unrepaired() -> None:
    length = _finding("word_target", "article")
    failing = {"article": [length], "intro": [QUOTES, length]}
    assert repairable(failing, short_sources=False) is failing
    assert repairable(failing, short_sources=True) == {"intro": [QUOTES]}


def test_the_length_floor_is_the_target_and_never_under_yoast_red() -> None:
    assert length_floor(None) == 250
    assert length_floor(100) == 250
    assert length_floor(700) == 700


def test_a_repair_is_asked_and_recorded_with_the_french_hint() -> None:
    assert repair_hint(QUOTES) == "Fermez la citation."
    assert repair_hint(AUDIT_ONLY) == "RD-PASSIVE en échec"  # no hint: its message
    record = repair_record(2, "intro", [QUOTES, QUOTES, COPIED])
    assert (record.round, record.field, record.codes, record.reasons) == (
        2,
        "intro",
        ["quotes", "originality"],
        ["Fermez la citation.", "Reformulez."],
    )


def test_the_report_lines_of_what_cannot_be_repaired_are_bilingual() -> None:
    line = short_sources_line(120, 300, lowerable=True)
    assert line.fr.startswith("sources — Les sources ne comptent que 120 mots\u00a0:")
    assert "ou baissez la cible (--min-words)" in line.fr
    assert "or lower the target" in line.en and "300 the article needs" in line.en
    assert "(--min-words)" not in short_sources_line(120, 300, lowerable=False).en
    error = BackendError("délai dépassé", "timed out")
    failed = failure_line(("sections[1]", error), ["Un."], [["Un."], []])
    assert failed == Msg(
        "sections[1] — moteur en échec, génération arrêtée\u00a0: délai dépassé"
        " Parties non écrites\u00a0: sections[1].",
        "sections[1] — backend failed, generation stopped: timed out Parts not written: "
        "sections[1].",
    )


def _draft_and_writer(answers: list[str]) -> tuple[Draft, Writer, ScriptedBackend]:
    settings = Settings()
    doc = clean(
        read_text("Le port de Brest rouvre. Les pêcheurs reviennent.\n", settings), settings
    )
    sources = [doc.document]
    backend = ScriptedBackend(answers)
    writer = Writer(backend, settings, sources, passages_of(sources), "port", (), Usage(), 7)
    plan = Plan(
        title="Le port rouvre",
        seo_title="Le port rouvre",
        meta_description="Le port de Brest rouvre ses quais aux pêcheurs.",
        sections=[PlanSection(heading="Le retour", passages=[1])],
    )
    draft = Draft(
        plan, plan.title, plan.seo_title, plan.meta_description, ["Avant."], [["Corps."]], [80]
    )
    return draft, writer, backend


def test_a_field_is_rewritten_to_its_hints_and_an_empty_answer_keeps_the_draft() -> None:
    draft, writer, backend = _draft_and_writer(["« Le port de Brest rouvre ses quais. »", ""])
    repair_part(draft, "meta_description", [META], writer, Settings(), None)
    assert draft.meta == "Le port de Brest rouvre ses quais."
    user = backend.calls[0]["messages"][1][1]
    assert "À corriger : Ajoutez" in user and "Version actuelle : « Le port de Brest rouvre" in user
    repair_part(draft, "intro", [QUOTES], writer, Settings(), None)
    assert draft.intro == ["Avant."]
    previous = rewrite_prompts()["repair"].format(hints="Fermez la citation.", previous="Avant.")
    assert backend.calls[1]["messages"][1][1].endswith(previous)


def test_an_unsupported_field_is_listed_not_repaired_in_rewrite_mode() -> None:
    """The support check's findings are reported by the verify stage; rewrite mode does not
    fail or repair on them yet (too many true statements rejected on unseen texts)."""
    unsupported = _finding("SUPPORT", "title", kind=FindingKind.SUPPORT, hint=Msg("R.", "R."))
    targets, lines = failures([unsupported], ORIGINALITY, "fr", ["Un."], [["Un."]])
    assert lines == [] and targets == {}


def test_a_paragraph_answered_for_a_heading_keeps_the_old_heading() -> None:
    """A model that answers a heading repair with a paragraph (over PlanSection's 120
    characters) leaves the heading as it was: the finding stands, no ValidationError."""
    paragraph = "Le port de Brest " + "rouvre ses quais aux navires de passage, " * 6 + "enfin."
    draft, writer, _ = _draft_and_writer([paragraph])
    before = draft.plan.sections[0].heading
    unsupported = _finding(
        "SUPPORT", "sections[0].heading", kind=FindingKind.SUPPORT, hint=Msg("R.", "R.")
    )
    repair_part(draft, "sections[0].heading", [unsupported], writer, Settings(), None)
    assert draft.plan.sections[0].heading == before
