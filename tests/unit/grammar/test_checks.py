"""The COR-* checks through the audit, with the real checker (tests of
``plume.analyse.checks.grammar``; here beside the fixture that starts the server)."""

from __future__ import annotations

from plume.analyse.audit import analyse_document
from plume.analyse.checks import REGISTRY
from plume.document import Block, BlockKind, Document, Source
from plume.report import Category, CheckResult, Rating, Report
from plume.settings import Settings
from plume.text import french_spacing


def audit(settings: Settings, *paragraphs: str) -> Report:
    doc = Document(
        tuple(Block(BlockKind.PARAGRAPH, p) for p in paragraphs), Source("<test>", "txt")
    )
    return analyse_document(
        doc,
        settings.model_copy(update={"grammar": settings.grammar.model_copy(update={"fix": False})}),
    )


def by_code(report: Report, code: str) -> CheckResult:
    return next(c for c in report.checks if c.code == code)


def test_registered_with_their_sources() -> None:
    for code in ("COR-GRAMMAR", "COR-SPELLING", "COR-CALQUE"):
        rule = REGISTRY[code]
        assert rule.category is Category.TYPOGRAPHY
        assert rule.thresholds["isolated"].source


def test_errors_with_suggestions(settings: Settings) -> None:
    report = audit(
        settings,
        "Le maire a du renoncer au projet de parc, déja annoncé.",
        "Les habitants attendent la suite depuis des mois.",
    )
    grammar = by_code(report, "COR-GRAMMAR")
    assert grammar.rating in (Rating.OK, Rating.BAD)
    assert french_spacing("« du » → « dû »") in grammar.message
    assert report.text[grammar.spans[0].start : grammar.spans[0].end] == "du"
    spelling = by_code(report, "COR-SPELLING")
    assert spelling.rating is Rating.OK
    assert french_spacing("« déja » → « déjà »") in spelling.message
    assert report.notes == []


def test_a_clean_text_is_green(settings: Settings) -> None:
    report = audit(settings, "Le maire a renoncé au projet de parc.", "Les habitants attendent.")
    for code in ("COR-GRAMMAR", "COR-SPELLING", "COR-CALQUE"):
        assert by_code(report, code).rating is Rating.GOOD, code


def test_calques_left_in_the_text(settings: Settings) -> None:
    report = audit(
        settings,
        "Le club dit il était prêt. Les modèles de grands langages progressent.",
        "La mairie a également a voté le budget de la ville.",
    )
    calque = by_code(report, "COR-CALQUE")
    assert calque.rating is Rating.BAD and calque.value == {"calques": 3}
    for fix in (
        "« dit il » → « dit qu’il »",
        "« Les modèles de grands langages progressent. » → « Les grands modèles de langage "
        "progressent. »",
        "« également a voté » → « également voté »",
    ):
        assert french_spacing(fix) in calque.hint


def test_not_french_is_not_sent(settings: Settings) -> None:
    report = audit(
        settings,
        "The mayor has given up the park project that was announced last year.",
        "Residents have been waiting for months for news about the project.",
    )
    assert by_code(report, "COR-GRAMMAR").rating is Rating.NA
