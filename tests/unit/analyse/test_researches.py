"""Researches: the per-document measurements the checks read (plume.analyse.researches)."""

from __future__ import annotations

from plume import text as T
from plume.analyse.researches import (
    Research,
    first_word_exceptions,
    sections,
    sentence_beginning,
    sentence_start_runs,
)
from tests.unit.analyse.checks.builders import doc


def _beginning(sentence: str) -> str:
    (s,) = T.sentences(sentence)
    return sentence_beginning(s, first_word_exceptions())


def test_lengths_and_paragraph_of_each_sentence() -> None:
    r = Research(doc(("h1", "Titre"), "Un deux trois. Quatre cinq.", ("h2", "Partie"), "Six sept."))
    assert r.sentence_lengths == [3, 2, 2]
    assert r.paragraph_lengths == [5, 2]
    assert r.sentence_paragraphs == [0, 0, 1]
    assert r.sentence_lengths is r.sentence_lengths  # computed once per document


def test_sections_split_at_subheadings_not_at_the_h1() -> None:
    r = Research(doc(("h1", "Titre"), "Avant la partie.", ("h2", "Partie"), "Un.", "Deux mots."))
    secs = sections(r)
    assert [s.heading.text if s.heading else None for s in secs] == [None, "Partie"]
    assert [s.words for s in secs] == [3, 3]
    assert secs[1].lengths == (1, 2)
    assert secs[1].span.start == r.headings[1].start
    assert sections(Research(doc(("h2", "Vide")))) == sections(Research(doc(("h2", "Vide"))))


def test_sentence_beginnings_are_elision_aware() -> None:
    assert _beginning("L’entreprise a fermé.") == "l'entreprise"
    assert _beginning("D’abord, il pleut.") == "d'abord"
    assert _beginning("D’autres arrivent.") == "d'autres"
    # An article takes the next word along (yoastseo's firstWordExceptions).
    assert _beginning("Le maire a voté.") == "le maire"
    assert _beginning("Il a voté.") == "il"


def test_sentence_start_runs_break_at_headings_and_list_items() -> None:
    r = Research(
        doc("Il vient. Il part. Il revient.", ("h2", "Suite"), "Il reste.", ("li", "Il liste."))
    )
    runs = [(run.beginning, len(run.sentences)) for run in sentence_start_runs(r)]
    assert runs == [("il", 3), ("il", 1)]


def test_matchers_are_cached_per_phrase() -> None:
    r = Research(doc("Les trottinettes électriques roulent."))
    assert r.matcher("trottinette") is r.matcher("trottinette")
    assert r.matcher("trottinette") is not r.matcher("trottinette", ("engin",))


def test_first_word_exceptions_data_file() -> None:
    import unicodedata

    from plume.lang.fr import read_list

    entries = read_list("first_word_exceptions.txt")
    assert len(entries) == len(set(entries))
    assert {"le", "la", "les", "un", "une", "des", "ces", "deux", "dix"} <= set(entries)
    for e in entries:
        assert e == unicodedata.normalize("NFC", e) == e.strip() == e.lower()
        assert "'" not in e


def test_quotations_are_out_of_the_measures_and_list_items_are_their_own_sentences() -> None:
    """A quoted post (often English, someone else's words) is not measured; a list item is
    one block, its text one sentence, as yoastseo's getBlocks splits at <li> (issues 17, 21)."""
    from plume.analyse.researches import Research
    from plume.document import Block, BlockKind, Document, Source

    post = (
        "Maybe worth considering chloroquine for C19, said the very long and winding post that "
        "nobody in the newsroom wrote. — Elon Musk (@elonmusk) March 16, 2020"
    )
    d = Document(
        blocks=(
            Block(BlockKind.PARAGRAPH, "Le ministre a parlé. Il a tranché."),
            Block(BlockKind.QUOTE, post),
            Block(BlockKind.LIST_ITEM, "250 g de farine", 1),
            Block(BlockKind.LIST_ITEM, "sel, poivre", 1),
        ),
        source=Source("t", "md"),
    )
    r = Research(d)
    assert [s.text for s in r.sentences] == [
        "Le ministre a parlé.",
        "Il a tranché.",
        "250 g de farine",
        "sel, poivre",
    ]
    assert r.word_count == 13  # the quotation's words are not counted
    assert [q.text for q in r.quotations] == [post]
    assert all(p.kind is not BlockKind.QUOTE for p in r.paragraphs)
