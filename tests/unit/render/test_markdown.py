"""Markdown renderer: front matter readable as YAML, heading structure, no accidental markup."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from plume.article import Article, FaqItem, Section
from plume.optimisation import SourceMeta
from plume.render.markdown import escape_markdown, render_markdown, yaml_string

from .conftest import french_article

#: CommonMark plus the GFM extensions Hugo's Goldmark enables by default that markdown-it has.
_MD = MarkdownIt("commonmark").enable(["strikethrough", "table"])
_KEYS = ["title", "seo_title", "description", "slug", "keyphrase", "synonyms", "date"]
_ISO_OFFSET = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Parse the subset of YAML the renderer writes: one ``key: value`` per line.

    Double-quoted scalars and flow lists of them are decoded with ``json.loads`` (the renderer
    only emits JSON escapes, valid YAML 1.2); anything else must be an ISO timestamp.
    """
    assert text.startswith("---\n")
    head, sep, body = text[4:].partition("\n---\n")
    assert sep, "closing --- missing"
    data: dict[str, Any] = {}
    for line in head.split("\n"):
        key, colon, value = line.partition(": ")
        assert colon and re.fullmatch(r"[a-z_]+", key), line
        assert key not in data, f"duplicate key {key}"
        if value.startswith(('"', "[")):
            data[key] = json.loads(value)
        else:
            assert _ISO_OFFSET.match(value), line
            data[key] = datetime.fromisoformat(value)
    return data, body


def tokens(markdown: str) -> list[Any]:
    return list(_MD.parse(markdown))


def headings(markdown: str) -> list[tuple[str, str]]:
    toks = tokens(markdown)
    return [(t.tag, _plain(toks[i + 1])) for i, t in enumerate(toks) if t.type == "heading_open"]


def _plain(inline: Any) -> str:
    """The text an inline token renders to (escapes resolved); fails on any inline markup."""
    children = inline.children or []
    assert all(c.type == "text" for c in children), [c.type for c in children]
    return "".join(c.content for c in children)


def _rendered_text(markdown: str) -> str:
    """The plain text a Markdown snippet renders to, or fail if it produced any markup."""
    toks = tokens(markdown)
    assert [t.type for t in toks] == ["paragraph_open", "inline", "paragraph_close"], toks
    return _plain(toks[1])


# -- front matter ------------------------------------------------------------------------------


def test_front_matter_keys_and_values(article: Article) -> None:
    data, _ = split_front_matter(render_markdown(article))
    assert list(data) == [*_KEYS, "lastmod", "author", "lang"]
    assert data["title"] == article.title
    assert data["seo_title"] == "Voie cyclable express à Lyon : ce qui change"
    assert data["description"] == article.meta_description
    assert data["synonyms"] == ["piste cyclable", "vélo à Lyon"]
    assert data["date"] == article.date_published
    assert data["date"].utcoffset() is not None
    assert data["lastmod"] == article.date_modified
    assert data["lang"] == "fr"


def test_optional_front_matter_keys_are_omitted() -> None:
    bare = french_article(author=None, date_modified=None, synonyms=[])
    data, _ = split_front_matter(render_markdown(bare))
    assert list(data) == [*_KEYS, "lang"]
    assert data["synonyms"] == []


@pytest.mark.parametrize(
    "value",
    [
        "Lyon : la voie express",  # ": " makes a plain scalar a mapping
        '« Vélo » et "guillemets"',
        "- commence par un tiret",
        "# pas un commentaire",
        "@mention & *ancre ! %tag | > [liste] {objet}",
        "no",  # YAML 1.1 boolean
        "ligne 1\nligne 2\ttab\\antislash",
        "séparateurs\u2028\u2029\x85 et contrôle \x07\x7f\ufeff",
        "espaces\u202fet\u00a0insécables",
    ],
)
def test_yaml_string_round_trips_and_stays_printable(value: str) -> None:
    quoted = yaml_string(value)
    assert quoted.startswith('"') and quoted.endswith('"')
    assert json.loads(quoted) == value
    # Nothing YAML reads as a line break or forbids raw (YAML 1.2 §5.1 c-printable).
    assert not re.search("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]", quoted), quoted
    assert "\u202f" in quoted or "\u202f" not in value  # printable: kept as is


def test_front_matter_survives_hostile_title() -> None:
    hostile = 'Titre : "piège"\n---\nslug: autre'
    data, body = split_front_matter(render_markdown(french_article(title=hostile)))
    assert data["title"] == hostile
    assert data["slug"] == "lyon-voie-cyclable-express"
    assert body.lstrip().startswith("# Titre")


def test_naive_date_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone"):
        render_markdown(french_article(date_published=datetime(2026, 11, 23, 9, 30)))


# -- body structure ----------------------------------------------------------------------------


def test_heading_order_and_single_h1(article: Article) -> None:
    _, body = split_front_matter(render_markdown(article))
    assert headings(body) == [
        ("h1", article.title),
        ("h2", "Un tracé pensé pour les trajets domicile-travail"),
        ("h3", "Combien coûte la voie cyclable express\u202f?"),
        ("h2", "Les commerçants partagés"),
        ("h2", "Questions fréquentes"),
        ("h3", "Quand la voie cyclable express ouvre-t-elle\u202f?"),
        ("h3", "Les trottinettes y sont-elles autorisées\u202f?"),
        ("h2", "Questions au lecteur"),
        ("h2", "Sources"),
    ]


def test_intro_comes_right_after_h1_with_french_typography(article: Article) -> None:
    _, body = split_front_matter(render_markdown(article))
    toks = tokens(body)
    assert [t.type for t in toks[:4]] == [
        "heading_open",
        "inline",
        "heading_close",
        "paragraph_open",
    ]
    assert _plain(toks[4]) == article.intro[0]
    assert "« C’est un changement d’échelle »" in body


def test_optional_sections_absent_when_empty() -> None:
    bare = french_article(faq=[], reader_questions=[], sources=[])
    _, body = split_front_matter(render_markdown(bare))
    names = [text for _, text in headings(body)]
    assert "Questions fréquentes" not in names
    assert "Questions au lecteur" not in names
    assert "Sources" not in names
    assert not any(t.type == "bullet_list_open" for t in tokens(body))
    assert names[-1] == "Les commerçants partagés"


def test_reader_questions_and_sources_are_lists(article: Article) -> None:
    toks = tokens(render_markdown(article))
    items = [
        toks[i + 2].content
        for i, t in enumerate(toks)
        if t.type == "list_item_open" and toks[i + 2].type == "inline"
    ]
    assert items == [
        "Prendrez-vous la voie express pour aller au travail\u202f?",
        "Métropole de Lyon",
        "<https://www.grandlyon.com/actualites/voie_express>",
    ]
    links = [
        c for t in toks if t.type == "inline" for c in t.children or [] if c.type == "link_open"
    ]
    assert [link.attrs["href"] for link in links] == [
        "https://www.grandlyon.com/actualites/voie_express"
    ]


def test_ends_with_single_newline(article: Article) -> None:
    text = render_markdown(article)
    assert text.endswith("\n") and not text.endswith("\n\n")


# -- escaping ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "1. Premier point : la sécurité.",
        "2) Deuxième point",
        "2026. Une année charnière",
        "# Pas un titre",
        "> Pas une citation",
        "- Pas une liste",
        "+ Pas une liste non plus",
        "* Ni celle-ci",
        "---",
        "=== ",
        ": pas une définition",
        "Un *astérisque* et un _tiret bas_ ne sont pas de l’emphase.",
        "__gras__ ou **gras**",
        "Un [lien](https://exemple.fr) et une ![image](x.png) restent du texte.",
        "Du <b>HTML</b> et <https://exemple.fr> restent du texte.",
        "Les entités &eacute; et &#233; ne sont pas décodées ; A & B non plus.",
        "Le ~~barré~~ et le `code` restent littéraux.",
        "Un antislash \\* reste un antislash.",
        "Deux lignes\n1. dont une qui ressemble à une liste",
        "    Quatre espaces en tête",
        "« Citation » avec espace fine\u202f!",
    ],
)
def test_paragraph_text_never_becomes_markup(text: str) -> None:
    expected = re.sub(r"\s*\n\s*", " ", text).strip(" ")
    assert _rendered_text(escape_markdown(text)) == expected


def test_escaping_is_minimal_for_plain_french() -> None:
    text = "L’adjointe l’a dit : « c’est 12\u202f% de plus » (voir page 3)."
    assert escape_markdown(text) == text


@pytest.mark.parametrize(
    "heading", ["Le langage C #", "Pourquoi #JO2030 ?", "1. Un titre numéroté"]
)
def test_heading_text_is_preserved(heading: str) -> None:
    article = french_article(sections=[Section(heading=heading, paragraphs=["Texte."])])
    _, body = split_front_matter(render_markdown(article))
    assert headings(body)[1] == ("h2", heading)


def test_faq_question_and_answer_are_escaped() -> None:
    faq = [FaqItem(question="# Pourquoi *ça* ?", answer="1. Parce que [c’est] ainsi.")]
    _, body = split_front_matter(render_markdown(french_article(faq=faq)))
    assert ("h3", "# Pourquoi *ça* ?") in headings(body)
    answers = [t for t in tokens(body) if t.type == "inline" and "Parce que" in t.content]
    assert _rendered_text(answers[0].content) == "1. Parce que [c’est] ainsi."


# -- real French text ----------------------------------------------------------------------------

_SHARED = Path(__file__).resolve().parents[3] / "../shared"


def _real_paragraphs() -> list[str]:
    files = sorted((_SHARED / "corpus/fr-articles").glob("*.txt")) + sorted(
        (_SHARED / "seeds").glob("*.txt")
    )
    assert len(files) >= 10, "shared corpus not found"
    return [
        p.strip() for f in files for p in f.read_text(encoding="utf-8").split("\n") if p.strip()
    ]


def test_real_french_paragraphs_render_as_their_own_text() -> None:
    paragraphs = _real_paragraphs()
    assert len(paragraphs) > 200
    for paragraph in paragraphs:
        expected = re.sub(r"[ \t]+$|^[ \t]+", "", paragraph)
        assert _rendered_text(escape_markdown(paragraph)) == expected, paragraph


def test_source_metadata_in_front_matter(article: Article) -> None:
    source = SourceMeta(
        url="https://madame.lefigaro.fr/bien-etre/intestin-130897",
        site_name="Madame Figaro",
        section="Nutrition",
        categories=["Nutrition"],
        tags=["Santé", "Ventre plat"],
        standfirst="Pour aller bien « en haut », commençons par aller bien « en bas ».",
    )
    md = render_markdown(article, source)
    front = md.split("---\n")[1]
    assert 'categories: ["Nutrition"]\n' in front
    assert 'tags: ["Santé", "Ventre plat"]\n' in front
    assert 'publisher: "Madame Figaro"\n' in front
    assert 'standfirst: "Pour aller bien « en haut », commençons' in front
    assert 'source_url: "https://madame.lefigaro.fr/bien-etre/intestin-130897"\n' in front
    assert front.endswith('lang: "fr"\n')
    # Only the front matter changes.
    assert md.split("---\n", 2)[2] == render_markdown(article).split("---\n", 2)[2]


def test_a_section_alone_is_the_category(article: Article) -> None:
    md = render_markdown(article, SourceMeta(section="suisse"))
    assert 'categories: ["suisse"]\n' in md
    assert render_markdown(article, SourceMeta()) == render_markdown(article)


# -- lists and quotations (issues 17 and 21) -------------------------------------------------------


def _recipe_article() -> Article:
    from plume.article import BulletList, ListItem, Quote

    farine = BulletList(items=[ListItem(text="de blé T55"), ListItem(text="ou d’épeautre")])
    return french_article(
        intro_blocks=[
            "Une tarte simple : voici ce qu’il faut.",
            BulletList(
                items=[
                    ListItem(text="250 g de farine", sublist=farine),
                    ListItem(text="1. pas un numéro"),
                    ListItem(text="*sel*, poivre"),
                ]
            ),
        ],
        sections=[
            Section(
                heading="Préparation",
                blocks=[
                    "Dans l’ordre :",
                    BulletList(
                        ordered=True,
                        items=[
                            ListItem(
                                text="Mélanger",
                                sublist=BulletList(items=[ListItem(text="à la main")]),
                            ),
                            ListItem(text="Cuire"),
                        ],
                    ),
                    Quote(
                        text="La meilleure tarte de ma vie !",
                        attribution="Marie (@marie) 3 juin 2021",
                    ),
                ],
            ),
        ],
    )


def test_lists_render_as_commonmark_lists_with_items_order_and_nesting() -> None:
    md = render_markdown(_recipe_article())
    body = md.split("\n---\n", 1)[1].split("\n## Questions")[0].split("\n## Sources")[0]
    assert "- 250 g de farine\n  - de blé T55\n  - ou d’épeautre\n- 1\\. pas un numéro\n" in body
    assert "1. Mélanger\n   - à la main\n2. Cuire" in body
    # What a CommonMark parser reads back: the lists, nested, items in order, text escaped.
    toks = tokens(body)
    kinds = [t.type for t in toks if t.type.endswith("_list_open")]
    assert kinds == [
        "bullet_list_open",
        "bullet_list_open",
        "ordered_list_open",
        "bullet_list_open",
    ]
    items = [
        _plain(toks[i + 1])
        for i, t in enumerate(toks)
        if t.type == "paragraph_open" and toks[i - 1].type == "list_item_open"
    ]
    assert items == [
        "250 g de farine",
        "de blé T55",
        "ou d’épeautre",
        "1. pas un numéro",
        "*sel*, poivre",
        "Mélanger",
        "à la main",
        "Cuire",
    ]


def test_a_quotation_renders_as_a_blockquote_ending_on_its_attribution() -> None:
    body = render_markdown(_recipe_article()).split("\n---\n", 1)[1]
    assert "> La meilleure tarte de ma vie !\n>\n> — Marie (@marie) 3 juin 2021" in body
    toks = tokens(body)
    opened = [i for i, t in enumerate(toks) if t.type == "blockquote_open"]
    closed = [i for i, t in enumerate(toks) if t.type == "blockquote_close"]
    inside = [_plain(t) for t in toks[opened[0] : closed[0]] if t.type == "inline"]
    assert inside == ["La meilleure tarte de ma vie !", "— Marie (@marie) 3 juin 2021"]
