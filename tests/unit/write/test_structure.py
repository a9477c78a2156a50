"""Faithful mode: the author's text restructured, nothing invented, the audit improves."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from plume.analyse.audit import analyse_document
from plume.analyse.keyphrase import KeyphraseMatcher
from plume.article import article_document
from plume.clean import clean
from plume.document import Block, BlockKind, Document, EditorFields, Source
from plume.ingest import read_path
from plume.render.html import render_html
from plume.render.markdown import render_markdown
from plume.settings import Settings
from plume.text import count_words
from plume.write.headings import holds_keyphrase, is_label, same_heading
from plume.write.structure import build_article
from tests.conftest import EXAMPLE, SEEDS

WHEN = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
CASES = [(EXAMPLE, "vélo en ville")] + [(p, "OpenAI") for p in SEEDS]


@pytest.mark.parametrize(("path", "keyphrase"), CASES, ids=lambda c: getattr(c, "stem", c))
def test_faithful_structure_on_real_articles(path, keyphrase) -> None:  # type: ignore[no-untyped-def]
    s = Settings()
    source = read_path(path, s)
    cleaned = clean(source, s).document
    article = build_article(cleaned, EditorFields(keyphrase=keyphrase), published=WHEN)

    # Nothing invented, nothing lost: the body's words are the source body's words, in order
    # (FAQ answers and reader questions are moved, not rewritten; list items are kept too).
    src_words = " ".join(b.text for b in cleaned.blocks if not b.is_heading).split()
    moved = [w for f in article.faq for w in f.question.split() + f.answer.split()]
    moved += [w for q in article.reader_questions for w in q.split()]
    moved += [w for src in article.sources for w in src.split()]
    label = 2 if article.sources else 0  # the "Sources :" label itself is not kept
    assert len(" ".join(article.body_paragraphs()).split()) + len(moved) + label == len(src_words)

    for section in article.sections:
        assert (
            sum(count_words(p) for p in section.paragraphs) <= 300 or len(section.paragraphs) == 1
        )
        assert all(count_words(p) <= 150 or len(p.split(". ")) == 1 for p in section.paragraphs)

    before = analyse_document(source, s, EditorFields(keyphrase=keyphrase))
    after = analyse_document(
        article_document(article, cleaned.source),
        s,
        EditorFields(
            keyphrase=keyphrase,
            title=article.seo_title,
            meta=article.meta_description,
            slug=article.slug,
        ),
    )
    assert after.seo.value > before.seo.value
    verdicts = {c.code: c.rating.value for c in after.checks}
    for code in [
        "SEO-TITLE-WIDTH",
        "SEO-META-LENGTH",
        "SEO-KP-SLUG",
        "SEO-KP-META",
        "SEO-H1-SINGLE",
        "RD-SUBHEADINGS",
        "RD-PARAGRAPH-LENGTH",
    ]:
        assert verdicts[code] == "good", (code, after.seo_title, after.meta_description)
    # The keyphrase is in the SEO title; at its start when that still fits a headline in 600 px
    # (seed 002: "Sam Altman a été contraint de quitter son poste de PDG d’OpenAI" beats a label).
    assert verdicts["SEO-KP-TITLE"] != "bad", after.seo_title
    assert verdicts["SEO-META-CUT"] == "good", after.meta_description
    # The keyphrase goes into headings only while Yoast's 3 % density allows: seed 001 already
    # says "OpenAI" 25 times in 875 words, so its headings leave it out and density stays green.
    matcher = KeyphraseMatcher(keyphrase)
    body = " ".join(b.text for b in cleaned.blocks if not b.is_heading)
    if matcher.count_in(body) >= int(0.03 * count_words(body)):
        assert not any(matcher.in_text(s.heading) for s in article.sections)
    elif path.stem.startswith("004_"):
        # Four of its six subheadings are the author's content-free labels ("Introduction",
        # "Partie 1 : les acteurs"; another issue replaces them): 30 % would need "OpenAI" in
        # both created headings, and no sentence of those two sections can carry it. It passed
        # before issue 16 with the labels "OpenAI et l’IA" and "OpenAI et Microsoft".
        assert not any(is_label(s.heading) for s in article.sections)
    else:
        assert verdicts["SEO-KP-SUBHEADINGS"] != "bad"


def test_questions_answered_become_faq_and_the_rest_questions_to_the_reader() -> None:
    paras = [
        "Le vélo en ville progresse dans les grandes agglomérations depuis 2020.",
        "Pourquoi le vélo en ville progresse-t-il ?",
        "Les pistes cyclables séparées rassurent les débutants et les parents.",
        "Et vous, pédalez-vous pour aller au travail ?",
    ]
    doc = Document(
        blocks=tuple(Block(BlockKind.PARAGRAPH, p) for p in paras), source=Source("t", "txt")
    )
    article = build_article(doc, EditorFields(keyphrase="vélo en ville"), published=WHEN)
    assert [(f.question, f.answer) for f in article.faq] == [(paras[1], paras[2])]
    assert article.reader_questions == [paras[3]]
    assert article.intro == [paras[0]]


def test_author_headings_in_title_case_get_french_sentence_case() -> None:
    from plume.write.titles import sentence_case

    body = "Les acteurs ont leurs intérêts. Mon avis : les géants veulent tout. Je vis à Paris."
    assert sentence_case("Partie 1 : Les Acteurs", body) == "Partie 1 : les acteurs"
    assert sentence_case("Partie 2 : Leurs Intérêts", body) == "Partie 2 : leurs intérêts"
    assert sentence_case("Voyage à Paris", body) == "Voyage à Paris"  # a name stays
    assert sentence_case("L’OTAN et les Géants", body) == "L’OTAN et les géants"  # acronym stays


def test_closing_questions_and_glued_sources_of_the_fourth_seed() -> None:
    s = Settings()
    cleaned = clean(read_path(SEEDS[3], s), s).document
    article = build_article(cleaned, EditorFields(keyphrase="OpenAI"), published=WHEN)
    assert len(article.reader_questions) == 4
    assert article.reader_questions[0].startswith("À votre avis, en quoi")
    assert all(q.rstrip().endswith("?") for q in article.reader_questions)
    assert article.sources == ["Blog posts by Ben Thompson"]
    assert not any("?" in p for p in article.sections[-1].paragraphs[-1:])


# --- seeds: key points kept, at least three H2, long author headings shortened --------------------


def test_seed_002_bullet_summary_is_kept_as_key_points(seeds: list[Path]) -> None:
    settings = Settings()
    doc = clean(read_path(seeds[2], settings), settings).document
    article = build_article(
        doc, EditorFields(keyphrase="OpenAI"), published=datetime(2026, 1, 1, tzinfo=UTC)
    )
    assert len(article.key_points) == 3
    assert article.key_points[0].startswith("Sam Altman a été contraint de quitter son poste")
    assert article.intro[0].startswith("Vendredi après-midi")
    md = render_markdown(article)
    assert "\n- Sam Altman a été contraint" in md
    assert '<ul class="key-points">' in render_html(article)
    # Every word of the source's body is in the article (faithful mode loses none).
    assert article.word_count >= 740


def test_seed_003_gets_three_h2_and_headings_within_70_chars(seeds: list[Path]) -> None:
    settings = Settings()
    doc = clean(read_path(seeds[3], settings), settings).document
    article = build_article(
        doc, EditorFields(keyphrase="Microsoft"), published=datetime(2026, 1, 1, tzinfo=UTC)
    )
    assert sum(1 for s in article.sections if s.level == 2) >= 3
    assert all(len(s.heading) <= 70 for s in article.sections)
    assert article.sections[0].heading == (
        "Les implications financières et technologiques du départ d’Altman"
    )


@pytest.mark.parametrize(("path", "keyphrase"), CASES, ids=lambda c: getattr(c, "stem", c))
def test_created_headings_are_sentences_of_their_section_not_labels(path, keyphrase) -> None:  # type: ignore[no-untyped-def]
    """Dev-set regression (issue 16, point 5): no "X et Y" label, no two headings alike, every
    created heading's words in its own section, and the keyphrase in 30–75 % of the subheadings
    whenever the density budget leaves room and enough sections name it."""
    s = Settings()
    cleaned = clean(read_path(path, s), s).document
    article = build_article(cleaned, EditorFields(keyphrase=keyphrase), published=WHEN)
    authors = {b.text.casefold() for b in cleaned.blocks if b.is_heading}
    headings = [x.heading for x in article.sections]
    for i, x in enumerate(article.sections):
        assert not any(same_heading(x.heading, h) for h in headings[:i]), headings
        if any(a.startswith(x.heading.casefold()[:20]) for a in authors):
            continue  # the author's own
        assert not is_label(x.heading), x.heading
        text = " ".join(x.paragraphs).casefold().replace("'", "’")
        assert all(w in text for w in re.findall(r"\w+", x.heading.casefold())), x.heading
    held = sum(holds_keyphrase(h, keyphrase) for h in headings)
    named = sum(
        1 for x in article.sections if KeyphraseMatcher(keyphrase).in_text(" ".join(x.paragraphs))
    )
    if named >= len(headings) / 2:
        assert held / len(headings) <= 0.75
