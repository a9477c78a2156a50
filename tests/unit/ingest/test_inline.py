"""``plume.ingest.inline``: a block's marks as phrases with the words around them."""

from __future__ import annotations

from plume.document import Block, BlockKind, Mark, MarkKind
from plume.ingest.inline import drop_heading_marks, marks_in


def test_each_phrase_gets_its_context() -> None:
    text = "La ville de Nantes installera\ntrois cents bornes de recharge d’ici à 2027."
    [mark] = marks_in(text, [(MarkKind.STRONG, " trois  cents bornes ", "")])
    assert mark == Mark(
        MarkKind.STRONG,
        "trois cents bornes",
        before="ville de Nantes installera",
        after="de recharge d’ici à",
    )


def test_a_repeated_phrase_is_looked_for_after_the_previous_mark() -> None:
    text = "Le budget voté, puis le budget rectifié."
    marks = marks_in(text, [(MarkKind.EM, "voté", ""), (MarkKind.EM, "le budget", "")])
    assert marks[1].before == "Le budget voté, puis"


def test_empty_links_and_links_without_target_are_dropped() -> None:
    found = [(MarkKind.LINK, "", "https://a.fr/image"), (MarkKind.LINK, "texte", "")]
    assert marks_in("Un texte.", found) == []


def test_emphasis_that_only_styled_a_heading_is_dropped() -> None:
    blocks = [Block(BlockKind.HEADING, "Un intertitre", 2), Block(BlockKind.PARAGRAPH, "Texte.")]
    marks = [
        Mark(MarkKind.STRONG, "Un intertitre"),  # the whole line: the heading's look
        Mark(MarkKind.LINK, "Un intertitre", "/a"),
        Mark(MarkKind.STRONG, "Un intertitre", before="Voir", after="plus bas"),  # in a sentence
    ]
    assert drop_heading_marks(marks, blocks) == marks[1:]
