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
from plume.write.headings import holds_keyphrase, same_heading
from plume.write.labels import is_label
from plume.write.outline import inline_label
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
    # A heading with no text under it stays as a line of text (seed 003's subtitle); a label
    # opening a paragraph ("Conclusion : …", seed 004) becomes a section boundary.
    body_texts = set(article.body_paragraphs())
    src = [b.text for b in cleaned.blocks if not b.is_heading]
    src += [b.text for b in cleaned.blocks if b.is_heading and b.level > 1 and b.text in body_texts]
    src = [found[1] if (found := inline_label(t)) else t for t in src]
    src_words = " ".join(src).split()
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
    # Its two lines under the title were two empty H2s stacked (issue 17): the first, with no
    # text under it, is the standfirst now; the second heads the text.
    assert article.intro[0].startswith("Les implications financières et technologiques")
    assert article.sections[0].heading.startswith("L’action de Microsoft s’envole")
    assert all(x.blocks for x in article.sections)


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
        if any(x.heading.casefold()[:20] in a for a in authors):
            continue  # the author's own (a label's own words: "Partie 2 : leurs intérêts")
        assert not is_label(x.heading), x.heading
        text = " ".join(x.paragraphs).casefold().replace("'", "’")
        assert all(w in text for w in re.findall(r"\w+", x.heading.casefold())), x.heading
    held = sum(holds_keyphrase(h, keyphrase) for h in headings)
    named = sum(
        1 for x in article.sections if KeyphraseMatcher(keyphrase).in_text(" ".join(x.paragraphs))
    )
    if named >= len(headings) / 2:
        assert held / len(headings) <= 0.75


# --- lists, heading levels and quotations survive (issues 17 and 21) ---------------------------

_LEAD = (
    "La tarte aux pommes est le dessert de famille par excellence : une pâte brisée maison, des "
    "pommes fondantes et une cuisson douce suffisent à régaler toute la tablée le dimanche."
)
_TAIL = (
    "Mais attention à la cuisson : un four trop chaud brûle le dessus de la tarte avant que la "
    "pâte ne soit cuite. Il vaut mieux cuire la tarte aux pommes quarante minutes à 180 degrés, "
    "puis la laisser tiédir sur une grille avant de la servir."
)
RECIPE_MD = f"""# La tarte aux pommes de grand-mère, simple et rapide

{_LEAD}

### Ingrédients

#### pour la pâte :

* 250 g de farine
  * farine de blé T55
  * ou farine d'épeautre
* 125 g de beurre froid
* sel, poivre

#### pour la garniture :

* 6 pommes golden
* 50 g de sucre

### Préparation

Voici les étapes à suivre, dans l'ordre :

1. Mélanger la farine et le beurre du bout des doigts.
2. Ajouter un peu d'eau froide et former une boule.
3. Étaler la pâte et la garnir de pommes.

{_TAIL}
"""
RECIPE_HTML = f"""<html><head><title>Tarte aux pommes</title></head><body><article>
<h1>La tarte aux pommes de grand-mère, simple et rapide</h1><p>{_LEAD}</p>
<h2>Ingrédients</h2><h3>pour la pâte :</h3>
<ul><li>250 g de farine<ul><li>farine de blé T55</li><li>ou farine d'épeautre</li></ul></li>
<li>125 g de beurre froid</li><li>sel, poivre</li></ul>
<h3>pour la garniture :</h3><ul><li>6 pommes golden</li><li>50 g de sucre</li></ul>
<h2>Préparation</h2><p>Voici les étapes à suivre, dans l'ordre :</p>
<ol><li>Mélanger la farine et le beurre du bout des doigts.</li>
<li>Ajouter un peu d'eau froide et former une boule.</li>
<li>Étaler la pâte et la garnir de pommes.</li></ol>
<blockquote class="twitter-tweet"><p lang="fr">La meilleure tarte de ma vie, merci mamie !</p>
— Marie Dupont (@mariedupont) <a href="https://twitter.com/mariedupont/status/1">3 juin 2021</a>
</blockquote><p>{_TAIL}</p></article></body></html>"""


def _recipe_docx(path: Path) -> Path:
    import docx

    d = docx.Document()
    d.add_heading("La tarte aux pommes de grand-mère, simple et rapide", 1)
    d.add_paragraph(_LEAD)
    d.add_heading("Ingrédients", 2)
    d.add_heading("pour la pâte :", 3)
    d.add_paragraph("250 g de farine", style="List Bullet")
    d.add_paragraph("farine de blé T55", style="List Bullet 2")
    d.add_paragraph("ou farine d'épeautre", style="List Bullet 2")
    d.add_paragraph("125 g de beurre froid", style="List Bullet")
    d.add_paragraph("sel, poivre", style="List Bullet")
    d.add_heading("pour la garniture :", 3)
    d.add_paragraph("6 pommes golden", style="List Bullet")
    d.add_paragraph("50 g de sucre", style="List Bullet")
    d.add_heading("Préparation", 2)
    d.add_paragraph("Voici les étapes à suivre, dans l'ordre :")
    d.add_paragraph("Mélanger la farine et le beurre du bout des doigts.", style="List Number")
    d.add_paragraph("Ajouter un peu d'eau froide et former une boule.", style="List Number")
    d.add_paragraph("Étaler la pâte et la garnir de pommes.", style="List Number")
    d.add_paragraph(_TAIL)
    out = path / "tarte.docx"
    d.save(str(out))
    return out


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_recipe_keeps_its_lists_and_heading_levels(fmt: str, tmp_path: Path) -> None:
    from plume.article import BulletList, Quote

    s = Settings()
    if fmt == "docx":
        path = _recipe_docx(tmp_path)
    else:
        path = tmp_path / f"tarte.{fmt}"
        path.write_text(RECIPE_MD if fmt == "md" else RECIPE_HTML, encoding="utf-8")
    cleaned = clean(read_path(path, s), s).document
    article = build_article(cleaned, EditorFields(keyphrase="tarte aux pommes"), published=WHEN)

    # Relative levels: "Ingrédients" above its two sub-heads, whatever the source's levels;
    # sub-heads in sentence case without their colon; a parent heading is not empty.
    assert [(x.heading, x.level) for x in article.sections] == [
        ("Ingrédients", 2),
        ("Pour la pâte", 3),
        ("Pour la garniture", 3),
        ("Préparation", 2),
    ]
    assert article.sections[0].blocks == []
    for i, x in enumerate(article.sections):
        deeper_next = i + 1 < len(article.sections) and article.sections[i + 1].level > x.level
        assert x.blocks or deeper_next, x.heading  # no empty heading

    pate, garniture, prep = (x.blocks for x in article.sections[1:])
    assert len(pate) == 1 and isinstance(pate[0], BulletList) and not pate[0].ordered
    assert [i.text for i in pate[0].items] == [
        "250 g de farine",
        "125 g de beurre froid",
        "sel, poivre",
    ]
    nested = pate[0].items[0].sublist
    assert nested is not None and [i.text for i in nested.items] == [
        "farine de blé T55",
        "ou farine d’épeautre",
    ]
    assert isinstance(garniture[0], BulletList) and garniture[0].texts() == [
        "6 pommes golden",
        "50 g de sucre",
    ]
    # The numbered list stays with the sentence announcing it, in order.
    assert prep[0] == "Voici les étapes à suivre, dans l’ordre\u00a0:"
    assert isinstance(prep[1], BulletList) and prep[1].ordered
    assert [i.text[:7] for i in prep[1].items] == ["Mélange", "Ajouter", "Étaler "]
    if fmt == "html":
        assert prep[2] == Quote(
            text="La meilleure tarte de ma vie, merci mamie\u202f!",
            attribution="Marie Dupont (@mariedupont) 3 juin 2021",
        )

    md = render_markdown(article)
    assert "### Pour la pâte\n\n- 250 g de farine\n  - farine de blé T55\n" in md
    assert "\n1. Mélanger la farine" in md and "\n3. Étaler la pâte" in md
    html = render_html(article)
    assert "<h2>Ingrédients</h2>\n<h3>Pour la pâte</h3>\n<ul>\n<li>250 g de farine\n<ul>" in html
    assert "<ol>\n<li>Mélanger la farine" in html

    # Measured as lists: each item is a list item (its own sentence, as in yoastseo), never a
    # paragraph; the quotation is out of the measures.
    audited = article_document(article, cleaned.source)
    kinds = {b.text: b.kind for b in audited.blocks}
    assert kinds["sel, poivre"] is BlockKind.LIST_ITEM
    assert kinds["Mélanger la farine et le beurre du bout des doigts."] is BlockKind.LIST_ITEM
    report = analyse_document(audited, s, EditorFields(keyphrase="tarte aux pommes"))
    assert report is not None


def test_plain_text_bullets_and_numbers_stay_lists() -> None:
    from plume.article import BulletList
    from plume.ingest import read_text

    text = (
        "Les bons gestes pour rouler à vélo en ville cet hiver\n\n"
        f"{_LEAD}\n\n"
        "Avant de partir, vérifiez trois choses :\n"
        "- les freins\n"
        "• l’éclairage avant et arrière\n"
        "* la pression des pneus\n\n"
        "Puis, en route :\n"
        "1. regardez loin devant\n"
        "2. signalez chaque changement de direction\n"
    )
    s = Settings()
    cleaned = clean(read_text(text, s), s).document
    article = build_article(cleaned, EditorFields(keyphrase="vélo en ville"), published=WHEN)
    pieces = [*article.intro_blocks, *(p for x in article.sections for p in x.blocks)]
    lists = [p for p in pieces if isinstance(p, BulletList)]
    assert [(x.ordered, len(x.items)) for x in lists] == [(False, 3), (True, 2)]
    assert lists[0].items[1].text == "l’éclairage avant et arrière"


def test_no_generated_heading_before_a_paragraph_that_points_back() -> None:
    """Issue 17: no section opens on "Mais", "Il", "En revanche"…; the boundary moves. The
    vocabulary shifts right before the "Mais" paragraph, where TextTiling alone would cut."""
    from plume.write.sections import points_back

    tram = (
        "Le tramway de Lyon transporte chaque jour des milliers de voyageurs entre les quartiers, "
        "et ses rames circulent toutes les cinq minutes sur la ligne du tramway. Les voyageurs du "
        "tramway attendent parfois trois rames aux heures de pointe, quand les rames du tramway "
        "sont pleines et que les quais débordent de voyageurs pressés."
    )
    bike = (
        "les pistes cyclables de la ville progressent le long du Rhône, et les cyclistes "
        "apprécient ces pistes séparées, plus sûres que les bandes peintes. Les vélos cargos des "
        "cyclistes gagnent du terrain sur les pistes cyclables, où les familles emmènent les "
        "enfants à vélo chaque matin de semaine."
    )
    other = bike[0].upper() + bike[1:]
    paras = [tram, tram, tram, tram, "Mais " + bike, other, other, other]
    doc = Document(
        blocks=tuple(Block(BlockKind.PARAGRAPH, p) for p in paras), source=Source("t", "txt")
    )
    article = build_article(doc, EditorFields(keyphrase="tramway de Lyon"), published=WHEN)
    assert len(article.sections) >= 2
    assert not any(points_back(x.paragraphs[0]) for x in article.sections)


def test_no_created_section_is_left_without_text(seeds: list[Path]) -> None:
    # Seed 003's last paragraph is the author's questions to the reader: once they are taken
    # out of the body, the heading plume made over them alone headed nothing.
    settings = Settings()
    for path in seeds:
        doc = clean(read_path(path, settings), settings).document
        fields = EditorFields(keyphrase="OpenAI")
        article = build_article(doc, fields, published=datetime(2026, 1, 1, tzinfo=UTC))
        assert all(x.blocks or x.level < 3 for x in article.sections), path.name
        assert article.sections[-1].blocks, path.name


def test_text_before_an_authors_heading_never_goes_under_it() -> None:
    """A paragraph the author put before a heading stays before it: an unseen page had its
    company's history put under the author's "Velanor garderait 131 salariés"."""
    blocks = (
        Block(BlockKind.HEADING, "Les Forges de Brévannes : deux repreneurs en lice", 1),
        Block(
            BlockKind.PARAGRAPH,
            "Les salariés des Forges de Brévannes connaissent désormais la date. Le tribunal de "
            "commerce rendra sa décision le 14 janvier, après une audience prévue le 17 décembre.",
        ),
        Block(
            BlockKind.PARAGRAPH,
            "Fondée en 1931, l’entreprise emploie 212 personnes. Elle a été placée en "
            "redressement judiciaire le 2 octobre, après deux exercices difficiles.",
        ),
        Block(BlockKind.HEADING, "Ferrix garderait 131 salariés", 2),
        Block(
            BlockKind.PARAGRAPH,
            "La première offre émane du groupe Ferrix, qui possède déjà trois fonderies en "
            "Europe. Elle prévoit de reprendre 131 salariés sur le site historique.",
        ),
        Block(BlockKind.HEADING, "Une offre des salariés", 2),
        Block(
            BlockKind.PARAGRAPH,
            "La seconde offre est portée par une partie des salariés, regroupés dans une future "
            "coopérative. Elle prévoit de garder 168 emplois.",
        ),
    )
    doc = clean(Document(blocks, Source("forges", "md")), Settings()).document
    article = build_article(doc, EditorFields(keyphrase="Forges de Brévannes"), published=WHEN)
    ferrix = next(x for x in article.sections if x.heading == "Ferrix garderait 131 salariés")
    assert not any("Fondée en 1931" in p for p in ferrix.paragraphs)
    assert any("Fondée en 1931" in p for p in article.intro) or any(
        "Fondée en 1931" in p
        for x in article.sections[: article.sections.index(ferrix)]
        for p in x.paragraphs
    )
