"""An unsupported generated statement is replaced by the source's own words, never published."""

from __future__ import annotations

from datetime import UTC, datetime

from plume.article import Article, FaqItem, Section
from plume.document import Block, BlockKind, Document, Source
from plume.write.withdraw import withdraw_unsupported

SOURCE = Document(
    blocks=(
        Block(BlockKind.HEADING, "Le port de Brest rouvre ses quais", 1),
        Block(
            BlockKind.PARAGRAPH,
            "Le port de Brest a rouvert ses quais lundi. Les navires reviennent.",
        ),
    ),
    source=Source(name="brest.txt", format="txt"),
)


def _article() -> Article:
    return Article(
        title="Brest ferme son port",
        seo_title="Brest ferme son port pour toujours",
        meta_description="Brest ferme son port. Les navires partent.",
        slug="brest",
        keyphrase="Brest",
        date_published=datetime(2026, 1, 1, tzinfo=UTC),
        intro=["Le port de Brest a rouvert ses quais lundi. Les navires reviennent."],
        sections=[
            Section(heading="Un port fermé", paragraphs=["Premier."]),
            Section(heading="Les quais", paragraphs=["Second."]),
            Section(heading="Le retour des navires", paragraphs=["Troisième."]),
        ],
        faq=[FaqItem(question="Le port ferme-t-il ?", answer="Oui, pour toujours.")],
    )


def test_each_unsupported_field_gets_the_source_words() -> None:
    fields = {"title", "meta_description", "sections[1].heading", "faq[0]"}
    out = withdraw_unsupported(_article(), SOURCE, fields)
    assert out.title == "Le port de Brest rouvre ses quais"  # the source's headline
    assert out.seo_title == out.title  # an SEO title built on a withdrawn title goes with it
    assert (
        out.meta_description
        == "Le port de Brest a rouvert ses quais lundi. Les navires reviennent."
    )
    assert [s.heading for s in out.sections] == ["Un port fermé", "Le retour des navires"]
    assert out.sections[0].paragraphs == ["Premier.", "Second."]  # no text lost
    assert out.faq == []


def test_the_first_heading_withdrawn_joins_its_text_to_the_next_section() -> None:
    out = withdraw_unsupported(_article(), SOURCE, {"sections[0].heading"})
    assert [s.heading for s in out.sections] == ["Les quais", "Le retour des navires"]
    assert out.sections[0].paragraphs == ["Premier.", "Second."]
    assert out.title == "Brest ferme son port"  # untouched fields stay


def test_nothing_to_withdraw_changes_nothing() -> None:
    article = _article()
    assert withdraw_unsupported(article, SOURCE, set()) == article
