from __future__ import annotations

from pathlib import Path

import pytest

from plume.analyse.audit import analyse_document
from plume.document import Block, BlockKind, Document, Source
from plume.grammar import ErrorKind, GrammarChecker, check_grammar
from plume.grammar.client import OPTIONS_OFF
from plume.report import Rating
from plume.settings import GrammarSettings, Settings


def test_grammar_and_spelling_errors_with_their_suggestions(
    grammar_settings: GrammarSettings,
) -> None:
    text = "Le maire a du renoncer au projet.\n\nLe dévellopement du quartier reprendra."
    found = check_grammar(text, grammar_settings)
    assert found.available and found.checker.startswith("Grammalecte ")
    grammar = found.of_kind(ErrorKind.GRAMMAR)
    du = next(e for e in grammar if e.text == "du")
    assert du.suggestions == ("dû",) and text[du.start : du.end] == "du"
    (typo,) = found.of_kind(ErrorKind.SPELLING)
    assert typo.text == "dévellopement" and typo.suggestions[0] == "développement"
    # Offsets count from the start of the text, across paragraphs.
    assert text[typo.start : typo.end] == "dévellopement"


def test_names_of_the_text_are_not_flagged(grammar_settings: GrammarSettings) -> None:
    text = (
        "Zorbatix a racheté Plimouk. Selon Kevork Azadian, zorbatix paiera comptant.\n"
        "Le site plimouk.fr le confirme."
    )
    found = check_grammar(text, grammar_settings)
    assert found.available
    assert found.of_kind(ErrorKind.SPELLING) == ()


def test_a_brand_spelt_with_an_inner_capital_may_open_a_paragraph(
    grammar_settings: GrammarSettings, seeds: list[Path]
) -> None:
    # Seed 001: the editor's pass moved "xAI reste…" to a paragraph's start, and Grammalecte
    # asked for a capital there (majuscule_début_paragraphe): the brand's own spelling.
    from plume.ingest import read_path
    from plume.pipeline import OptimiseRequest, optimise

    settings = Settings()
    request = OptimiseRequest(sources=(read_path(seeds[1], settings),), settings=settings)
    prose = "\n".join(optimise(request).article.prose_paragraphs())
    assert "\nxAI reste" in prose
    found = check_grammar(prose, grammar_settings)
    assert found.available
    assert not [e for e in found.of_kind(ErrorKind.GRAMMAR) if e.text == "xAI"]


def test_typography_is_left_to_plume(grammar_settings: GrammarSettings) -> None:
    # Straight apostrophe, no no-break spaces: Grammalecte would flag both with its defaults.
    found = check_grammar("L'Europe a dit : non ! Il y a 400 000 habitants.", grammar_settings)
    assert found.available and found.errors == ()
    assert {"apos", "nbsp", "typo"} <= set(OPTIONS_OFF)


def test_common_foreign_words_are_not_misspellings(grammar_settings: GrammarSettings) -> None:
    found = check_grammar("Ce sont des fake news, selon la review du journal.", grammar_settings)
    assert [e.text for e in found.of_kind(ErrorKind.SPELLING)] == []


def test_a_server_that_does_not_answer_gives_a_notice() -> None:
    checker = GrammarChecker(url="http://127.0.0.1:9", timeout_s=2)
    found = checker.check("Un texte.")
    assert not found.available and found.errors == ()
    assert found.notice is not None and "Grammalecte" in found.notice.fr
    assert "127.0.0.1:9" in found.notice.fr
    checker.close()


def test_disabled_says_so() -> None:
    found = check_grammar("Un texte.", GrammarSettings(enabled=False))
    assert found.notice is not None and "grammar.enabled = false" in found.notice.fr


def test_missing_checker_is_reported_in_the_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH without grammalecte-server
    # A configuration no other test used: checkers are shared per configuration.
    missing = GrammarSettings(start_timeout_s=7)
    found = check_grammar("Il a du partir.", missing)
    assert found.notice is not None
    assert "grammalecte-server » est introuvable" in found.notice.fr
    assert "apt-get install grammalecte-cli" in found.notice.fr
    doc = Document(
        (Block(BlockKind.PARAGRAPH, "Le maire a du renoncer au projet de parc."),),
        Source("<t>", "txt"),
    )
    report = analyse_document(doc, Settings(grammar=missing))
    (note,) = [n for n in report.notes if "Correcteur grammatical (Grammalecte) non utilisé" in n]
    assert "[" not in note  # printed through rich: no markup-like brackets
    check = next(c for c in report.checks if c.code == "COR-GRAMMAR")
    assert check.rating is Rating.OK and "introuvable" in check.message
    assert "apt-get install grammalecte-cli" in check.hint
    spelling = next(c for c in report.checks if c.code == "COR-SPELLING")
    assert spelling.rating is Rating.NA


def test_a_checker_that_starts_its_own_server() -> None:
    from plume.grammar.server import find_command

    executable = find_command("grammalecte-server")
    assert executable is not None
    checker = GrammarChecker(executable=executable)
    try:
        checker.warm_up()  # launched, not waited for
        found = checker.check("Le maire a du renoncer.")
        assert [e.text for e in found.of_kind(ErrorKind.GRAMMAR)][:1] == ["du"]
        # The same paragraph again, inside another text: answered from the line cache.
        again = checker.check("Un titre\nLe maire a du renoncer.")
        assert again.of_kind(ErrorKind.GRAMMAR)[0].start == found.errors[0].start + 9
    finally:
        checker.close()


def test_disabled_is_not_assessed() -> None:
    doc = Document(
        (Block(BlockKind.PARAGRAPH, "Le maire a du renoncer au projet de parc."),),
        Source("<t>", "txt"),
    )
    report = analyse_document(doc, Settings(grammar=GrammarSettings(enabled=False)))
    check = next(c for c in report.checks if c.code == "COR-GRAMMAR")
    assert check.rating is Rating.NA and "grammar.enabled = false" in check.message
