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


def test_a_withdrawn_heading_becomes_a_noun_phrase_of_its_section() -> None:
    """The outline keeps its H2: the section is headed by words copied from its first
    sentence rather than merged into its neighbour."""
    sentence = "La reprise des escales redonne du travail aux dockers du port depuis lundi."
    base = _article()
    sections = [*base.sections]
    sections[1] = sections[1].model_copy(update={"paragraphs": [sentence]})
    article = base.model_copy(update={"sections": sections})
    out = withdraw_unsupported(article, SOURCE, {"sections[1].heading"})
    assert len(out.sections) == 3
    heading = out.sections[1].heading
    assert heading != "Les quais" and heading.lower() in sentence.lower()


def test_a_title_withdrawn_without_a_headline_is_a_short_lead_sentence() -> None:
    source = Document(blocks=SOURCE.blocks[1:], source=SOURCE.source)
    out = withdraw_unsupported(_article(), source, {"title"})
    assert out.title == "Le port de Brest a rouvert ses quais lundi"


#: A headline wider than Google shows (600 px), with a natural break.
WIDE_HEADLINE = (
    "Le port de Brest rouvre ses quais, après trois semaines de grève des dockers et des "
    "agents portuaires"
)
WIDE_SOURCE = Document(
    blocks=(Block(BlockKind.HEADING, WIDE_HEADLINE, 1), *SOURCE.blocks[1:]),
    source=Source(name="brest.txt", format="txt"),
)


def test_an_seo_title_withdrawn_is_the_title_as_google_shows_it() -> None:
    out = withdraw_unsupported(_article(), WIDE_SOURCE, {"title", "seo_title"})
    assert out.title == WIDE_HEADLINE
    assert out.seo_title == "Le port de Brest rouvre ses quais"


def test_an_seo_title_withdrawn_never_comes_back_as_its_fallback() -> None:
    article = _article().model_copy(
        update={"title": WIDE_HEADLINE, "seo_title": "Le port de Brest rouvre ses quais"}
    )
    out = withdraw_unsupported(article, WIDE_SOURCE, {"seo_title"})
    assert out.seo_title == WIDE_HEADLINE


def test_a_withdrawn_heading_is_never_replaced_by_a_one_word_label() -> None:
    sentence = "Un projet menace désormais les emplois."
    base = _article()
    sections = [*base.sections]
    sections[1] = sections[1].model_copy(update={"paragraphs": [sentence]})
    article = base.model_copy(update={"sections": sections})
    out = withdraw_unsupported(article, SOURCE, {"sections[1].heading"})
    assert "Un projet" not in [s.heading for s in out.sections]
    assert any(sentence in s.paragraphs for s in out.sections)  # no text lost
