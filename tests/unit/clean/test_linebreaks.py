"""Step 4: line breaks inside blocks (joined, hyphen repaired, or turned into block breaks)."""

from __future__ import annotations

from plume.clean import clean
from plume.document import BlockKind
from plume.settings import Settings
from tests.unit.clean.helpers import doc, run

RAW = Settings(fix_typography=False)


def _blocks(text: str) -> list[str]:
    return [b.text for b in run(text, settings=RAW).document.blocks]


def test_a_line_that_cuts_a_sentence_is_joined() -> None:
    assert _blocks("Le conseil municipal a voté\nle budget de la ville.") == [
        "Le conseil municipal a voté le budget de la ville."
    ]


def test_a_line_after_a_sentence_end_becomes_a_block() -> None:
    assert _blocks("Le budget est voté.\nLes travaux commencent lundi.") == [
        "Le budget est voté.",
        "Les travaux commencent lundi.",
    ]


def test_a_capitalised_next_line_becomes_a_block() -> None:
    # seed 004: "Introduction :" then the paragraph
    assert _blocks("Introduction :\nPour mieux comprendre ce qui se passe.") == [
        "Introduction :",
        "Pour mieux comprendre ce qui se passe.",
    ]


def test_hyphenated_word_split_at_line_end_is_rejoined() -> None:
    assert _blocks("Un dévelop-\npement rapide.") == ["Un développement rapide."]


def test_compound_words_keep_their_hyphen() -> None:
    assert _blocks("Le porte-\nparole du week-\nend.") == ["Le porte-parole du week-end."]
    assert _blocks("Jean-\nPaul Delevoye arrive.") == ["Jean-Paul Delevoye arrive."]


def test_furniture_lines_are_not_joined_into_a_sentence() -> None:
    # corpus 01 (Gala): two buttons, one under the other
    blocks = _blocks("Mettre en favori\najouté")
    assert blocks == []  # both then removed as furniture
    result = run("Mettre en favori\najouté", settings=RAW)
    linebreaks = [c for c in result.changes if c.rule == "CL-LINEBREAK"]
    assert [c.after for c in linebreaks] == ["\n\n"]


def test_lettered_list_items_are_not_joined() -> None:
    assert _blocks("Deux options :\na) partir ;\nb) rester.") == [
        "Deux options :",
        "a) partir ;",
        "b) rester.",
    ]


def test_blank_lines_split_and_empty_blocks_are_dropped() -> None:
    result = run("Un.\n\n\nDeux.", "", "   ", "Trois.", settings=RAW)
    assert [b.text for b in result.document.blocks] == ["Un.", "Deux.", "Trois."]
    assert "CL-EMPTY-BLOCK" in {c.rule for c in result.changes}


def test_headings_are_one_line() -> None:
    d = doc("Les enjeux\nde la réforme", kind=BlockKind.HEADING)
    out = clean(d, RAW).document
    assert [(b.kind, b.text) for b in out.blocks] == [
        (BlockKind.HEADING, "Les enjeux de la réforme")
    ]
