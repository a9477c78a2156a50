"""The Article's body: paragraphs, lists and quotations, kept in step with the flat texts."""

from __future__ import annotations

from datetime import UTC, datetime

from plume.article import (
    Article,
    BulletList,
    ListItem,
    Quote,
    Section,
    article_document,
    rebuild_pieces,
)
from plume.document import BlockKind, Source

STEPS = BulletList(
    ordered=True,
    items=[
        ListItem(text="Mélanger", sublist=BulletList(items=[ListItem(text="à la main")])),
        ListItem(text="Cuire"),
    ],
)
POST = Quote(text="Quelle tarte !", attribution="Marie (@marie)")


def _article(**kw: object) -> Article:
    return Article(
        title="La tarte",
        seo_title="La tarte",
        meta_description="Une tarte.",
        slug="tarte",
        keyphrase="tarte",
        date_published=datetime(2026, 1, 1, tzinfo=UTC),
        **kw,  # type: ignore[arg-type]
    )


def test_blocks_and_paragraphs_follow_each_other() -> None:
    s = Section(heading="Étapes", blocks=["Dans l’ordre :", STEPS, POST])
    assert s.paragraphs == [
        "Dans l’ordre :",
        "Mélanger",
        "à la main",
        "Cuire",
        "Quelle tarte !",
        "Marie (@marie)",
    ]
    assert s.prose() == ["Dans l’ordre :"]
    # Code that only knows paragraphs still builds sections.
    assert Section(heading="x", paragraphs=["a", "b"]).blocks == ["a", "b"]
    # And round-trips through JSON (report.json).
    assert Section.model_validate_json(s.model_dump_json()) == s


def test_editing_texts_keeps_the_lists_and_quotations() -> None:
    """withdraw.py merges sections by their ``paragraphs``: the list shape survives."""
    s = Section(heading="Étapes", blocks=["Dans l’ordre :", STEPS, POST])
    merged = s.model_copy(update={"paragraphs": [*s.paragraphs, "Une suite."]})
    assert merged.blocks == ["Dans l’ordre :", STEPS, POST, "Une suite."]
    # Texts from elsewhere are paragraphs: never lost.
    assert rebuild_pieces([STEPS], ["Mélanger", "Cuire"]) == ["Mélanger", "Cuire"]
    a = _article(intro_blocks=["Le chapô.", STEPS])
    assert a.intro == ["Le chapô.", "Mélanger", "à la main", "Cuire"]
    b = a.model_copy(update={"intro": [*a.intro, "Ajout."]})
    assert b.intro_blocks == ["Le chapô.", STEPS, "Ajout."]


def test_article_document_keeps_list_depth_numbering_and_quotations() -> None:
    a = _article(
        intro_blocks=["Le chapô."], sections=[Section(heading="Étapes", blocks=[STEPS, POST])]
    )
    doc = article_document(a, Source("t", "md"))
    items = [(b.text, b.list_depth, b.ordered) for b in doc.blocks if b.kind is BlockKind.LIST_ITEM]
    assert items == [("Mélanger", 1, True), ("à la main", 2, False), ("Cuire", 1, True)]
    assert [b.text for b in doc.blocks if b.kind is BlockKind.QUOTE] == [
        "Quelle tarte !",
        "Marie (@marie)",
    ]
    assert a.word_count == 11  # every text counts
    assert a.prose_paragraphs() == ["Le chapô."]
