"""HTML renderer: page structure, Open Graph, JSON-LD validity, and escaping of hostile text."""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

import lxml.html
import pytest

from plume.article import Article, ArticleKind, FaqItem
from plume.optimisation import SourceMeta
from plume.render.html import CANONICAL_PLACEHOLDER_COMMENT, HEADLINE_MAX_CHARS, render_html

from .conftest import french_article

URL = "https://www.exemple.fr/mobilite/lyon-voie-cyclable-express"
HOSTILE = (
    "</script><script>alert(1)</script> <img src=x onerror=alert(2)> javascript:alert(3) & \"'"
)

# -- a small structured-data validator (schema.org + Google Search Central guidance) -------------
# Article: https://developers.google.com/search/docs/appearance/structured-data/article
# FAQPage: https://developers.google.com/search/docs/appearance/structured-data/faqpage

_ISO_WITH_OFFSET = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)$")


def _check_date(value: Any) -> None:
    assert isinstance(value, str) and _ISO_WITH_OFFSET.match(value), value
    assert datetime.fromisoformat(value).utcoffset() is not None


def _check_nonempty_str(obj: dict[str, Any], key: str) -> None:
    assert isinstance(obj.get(key), str) and obj[key].strip(), f"{key} missing or empty"


def validate_article(obj: dict[str, Any]) -> None:
    assert obj["@context"] == "https://schema.org"
    assert obj["@type"] in {"Article", "NewsArticle", "BlogPosting"}
    _check_nonempty_str(obj, "headline")
    assert len(obj["headline"]) <= 110, "Google: headline ≤ 110 characters"
    _check_nonempty_str(obj, "description")
    assert obj["inLanguage"] == "fr-FR"
    _check_date(obj["datePublished"])
    if "dateModified" in obj:
        _check_date(obj["dateModified"])
    if "author" in obj:
        authors = obj["author"] if isinstance(obj["author"], list) else [obj["author"]]
        for author in authors:
            assert author["@type"] in {"Person", "Organization"}
            _check_nonempty_str(author, "name")
    if "mainEntityOfPage" in obj:
        page = obj["mainEntityOfPage"]
        assert page["@type"] == "WebPage" and page["@id"].startswith("https://")
    assert isinstance(obj["wordCount"], int) and obj["wordCount"] > 0
    if "isBasedOn" in obj:
        assert obj["isBasedOn"].startswith("https://")
    if "publisher" in obj:
        assert obj["publisher"]["@type"] == "Organization"
        _check_nonempty_str(obj["publisher"], "name")
    if "articleSection" in obj:
        _check_nonempty_str(obj, "articleSection")
    allowed = {
        "@context", "@type", "headline", "description", "inLanguage", "datePublished",
        "dateModified", "author", "mainEntityOfPage", "url", "keywords", "wordCount",
        "isBasedOn", "publisher", "articleSection",
    }  # fmt: skip
    assert set(obj) <= allowed, set(obj) - allowed


def validate_faq_page(obj: dict[str, Any]) -> None:
    assert obj["@context"] == "https://schema.org"
    assert obj["@type"] == "FAQPage"
    entities = obj["mainEntity"]
    assert isinstance(entities, list) and entities
    for question in entities:
        assert question["@type"] == "Question"
        _check_nonempty_str(question, "name")
        answer = question["acceptedAnswer"]
        assert answer["@type"] == "Answer"
        _check_nonempty_str(answer, "text")


def json_ld(page: str) -> list[dict[str, Any]]:
    tree = lxml.html.document_fromstring(page)
    blocks = tree.xpath('//script[@type="application/ld+json"]')
    return [json.loads(block.text) for block in blocks]


def by_type(page: str) -> dict[str, dict[str, Any]]:
    objects = json_ld(page)
    types = [o["@type"] for o in objects]
    assert len(types) == len(set(types)), types
    return {o["@type"]: o for o in objects}


def meta(tree: Any, attr: str, key: str) -> list[str]:
    return [str(v) for v in tree.xpath(f'//meta[@{attr}="{key}"]/@content')]


# -- page structure ----------------------------------------------------------------------------


def test_page_skeleton(article: Article) -> None:
    page = render_html(article)
    assert page.startswith("<!DOCTYPE html>\n")
    tree = lxml.html.document_fromstring(page)
    assert tree.get("lang") == "fr"
    assert tree.xpath("//meta[@charset]/@charset") == ["utf-8"]
    assert meta(tree, "name", "viewport") == ["width=device-width, initial-scale=1"]
    assert tree.findtext(".//title") == article.seo_title
    assert meta(tree, "name", "description") == [article.meta_description]


def test_one_h1_and_heading_order(article: Article) -> None:
    tree = lxml.html.document_fromstring(render_html(article))
    found = [(h.tag, h.text_content()) for h in tree.xpath("//h1|//h2|//h3")]
    assert found == [
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
    faq = tree.xpath('//section[@class="faq"]')
    assert len(faq) == 1 and [h.tag for h in faq[0].xpath(".//h2|.//h3")] == ["h2", "h3", "h3"]
    paragraphs = [p.text_content() for p in tree.xpath("//article/p")]
    assert paragraphs[:2] == article.intro


def test_open_graph(article: Article) -> None:
    tree = lxml.html.document_fromstring(render_html(article))
    assert meta(tree, "property", "og:type") == ["article"]
    assert meta(tree, "property", "og:title") == [article.seo_title]
    assert meta(tree, "property", "og:description") == [article.meta_description]
    assert meta(tree, "property", "og:locale") == ["fr_FR"]
    assert meta(tree, "property", "article:published_time") == ["2026-11-23T09:30:00+01:00"]
    assert meta(tree, "property", "og:url") == []  # unknown: never invented


def test_canonical_placeholder_when_url_unknown(article: Article) -> None:
    page = render_html(article)
    assert CANONICAL_PLACEHOLDER_COMMENT in page
    assert "example.com" not in page
    tree = lxml.html.document_fromstring(page)
    assert tree.xpath('//link[@rel="canonical"]/@href') == ["/lyon-voie-cyclable-express"]
    assert "mainEntityOfPage" not in by_type(page)["NewsArticle"]


def test_canonical_url_when_known() -> None:
    page = render_html(french_article(canonical_url=URL))
    assert CANONICAL_PLACEHOLDER_COMMENT not in page
    tree = lxml.html.document_fromstring(page)
    assert tree.xpath('//link[@rel="canonical"]/@href') == [URL]
    assert meta(tree, "property", "og:url") == [URL]
    news = by_type(page)["NewsArticle"]
    validate_article(news)
    assert news["mainEntityOfPage"] == {"@type": "WebPage", "@id": URL}


# -- JSON-LD -----------------------------------------------------------------------------------


def test_article_json_ld_is_valid(article: Article) -> None:
    news = by_type(render_html(article))["NewsArticle"]
    validate_article(news)
    assert news["headline"] == article.title
    assert news["datePublished"] == "2026-11-23T09:30:00+01:00"
    assert news["dateModified"] == "2026-11-23T14:05:00+01:00"
    assert news["author"] == {"@type": "Person", "name": "Camille Martin"}
    assert news["wordCount"] == article.word_count


def test_blog_posting_without_author_or_modification() -> None:
    blog = french_article(kind=ArticleKind.BLOG, author=None, date_modified=None)
    obj = by_type(render_html(blog))["BlogPosting"]
    validate_article(obj)
    assert "author" not in obj and "dateModified" not in obj


def test_faq_page_only_with_faq(article: Article) -> None:
    objects = by_type(render_html(article))
    assert set(objects) == {"NewsArticle", "FAQPage"}
    validate_faq_page(objects["FAQPage"])
    assert [q["name"] for q in objects["FAQPage"]["mainEntity"]] == [
        item.question for item in article.faq
    ]
    without = render_html(french_article(faq=[]))
    assert set(by_type(without)) == {"NewsArticle"}
    assert "FAQPage" not in without
    assert "Questions fréquentes" not in without


def test_long_headline_is_bounded() -> None:
    long_title = "La métropole de Lyon " + "inaugure une très longue voie cyclable " * 4
    # The SEO title fits: it is used as is.
    obj = by_type(render_html(french_article(title=long_title)))["NewsArticle"]
    assert obj["headline"] == "Voie cyclable express à Lyon : ce qui change"
    # Neither fits: the H1 is cut on a word boundary with an ellipsis.
    both = french_article(title=long_title, seo_title=long_title)
    headline = by_type(render_html(both))["NewsArticle"]["headline"]
    assert len(headline) <= HEADLINE_MAX_CHARS and headline.endswith("…")
    assert long_title.startswith(headline[:-1]) and long_title[len(headline) - 1] == " "


def test_naive_date_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone"):
        render_html(french_article(date_modified=datetime(2026, 11, 23, 9, 30)))


# -- escaping ----------------------------------------------------------------------------------


def _hostile_article() -> Article:
    return french_article(
        title=f"Titre {HOSTILE}"[:100],
        seo_title=f"SEO {HOSTILE}",
        meta_description=f"Description {HOSTILE}",
        author=f"Auteur {HOSTILE}",
        intro=[f"Intro {HOSTILE}"],
        faq=[FaqItem(question=f"Question {HOSTILE}", answer=f"Réponse {HOSTILE}")],
        reader_questions=[f"Lecteur {HOSTILE}"],
        sources=["javascript:alert(4)", f"Source {HOSTILE}"],
        slug='x"><script>alert(5)</script>',
    )


def test_hostile_text_cannot_inject_markup() -> None:
    page = render_html(_hostile_article())
    assert "<script>alert" not in page
    assert "<img" not in page
    tree = lxml.html.document_fromstring(page)
    scripts = tree.xpath("//script")
    assert [s.get("type") for s in scripts] == ["application/ld+json"] * 2
    assert tree.xpath("//img") == []
    assert tree.xpath("//*[@onerror]") == []
    assert tree.xpath("//a") == []  # neither source is an http(s) URL
    assert [h.text_content() for h in tree.xpath("//h1")] == [f"Titre {HOSTILE}"[:100]]
    assert tree.findtext(".//title") == f"SEO {HOSTILE}"
    assert meta(tree, "name", "description") == [f"Description {HOSTILE}"]
    assert meta(tree, "name", "author") == [f"Auteur {HOSTILE}"]
    href = tree.xpath('//link[@rel="canonical"]/@href')[0]
    assert href.startswith("/") and "<" not in href and '"' not in href


def test_hostile_text_round_trips_through_json_ld() -> None:
    article = _hostile_article()
    page = render_html(article)
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S):
        assert not re.search(r"[<>&]", block), "raw <, > or & inside a script"
    objects = by_type(page)
    validate_article(objects["NewsArticle"])
    validate_faq_page(objects["FAQPage"])
    assert objects["NewsArticle"]["headline"] == article.title
    assert objects["NewsArticle"]["author"]["name"] == f"Auteur {HOSTILE}"
    assert objects["FAQPage"]["mainEntity"][0]["acceptedAnswer"]["text"] == f"Réponse {HOSTILE}"


def test_source_urls_become_links(article: Article) -> None:
    tree = lxml.html.document_fromstring(render_html(article))
    assert tree.xpath("//section[@class='sources']//a/@href") == [
        "https://www.grandlyon.com/actualites/voie_express"
    ]


# -- the source page's metadata ----------------------------------------------------------------

SOURCE = SourceMeta(
    url="https://www.tdg.ch/suisse/berne-interdit-chlorothalonil/story/18348200",
    site_name="Tribune de Genève",
    section="suisse",
    tags=["Agriculture", "Pesticides"],
    author="Jeanne Corriveau",
)


def test_source_metadata_in_json_ld_and_head(article: Article) -> None:
    page = render_html(article, SOURCE)
    data = by_type(page)["NewsArticle"]
    validate_article(data)
    assert data["isBasedOn"] == SOURCE.url
    assert data["publisher"] == {"@type": "Organization", "name": "Tribune de Genève"}
    assert data["articleSection"] == "suisse"
    # The article's own author and canonical URL are not the source's.
    assert data["author"]["name"] == "Camille Martin"
    assert "mainEntityOfPage" not in data
    tree = lxml.html.document_fromstring(page)
    assert meta(tree, "property", "og:site_name") == ["Tribune de Genève"]
    assert meta(tree, "property", "article:section") == ["suisse"]
    assert meta(tree, "property", "article:tag") == ["Agriculture", "Pesticides"]


def test_without_source_metadata_nothing_is_added(article: Article) -> None:
    assert render_html(article, None) == render_html(article)
    assert render_html(article, SourceMeta()) == render_html(article)
    data = by_type(render_html(article))["NewsArticle"]
    assert not {"isBasedOn", "publisher", "articleSection"} & set(data)


def test_a_source_url_that_is_not_http_is_not_written(article: Article) -> None:
    data = by_type(render_html(article, SourceMeta(url="javascript:alert(1)")))["NewsArticle"]
    assert "isBasedOn" not in data


# -- lists and quotations (issues 17 and 21) -------------------------------------------------------


def test_lists_and_quotations_render_as_html_structure() -> None:
    from plume.article import BulletList, ListItem, Quote, Section

    farine = BulletList(items=[ListItem(text="de blé"), ListItem(text="ou d’épeautre")])
    article = french_article(
        intro_blocks=[
            "Il faut :",
            BulletList(
                items=[
                    ListItem(text="250 g de farine", sublist=farine),
                    ListItem(text="<b>sel</b>"),
                ]
            ),
        ],
        sections=[
            Section(
                heading="Étapes",
                blocks=[
                    BulletList(
                        ordered=True, items=[ListItem(text="Mélanger"), ListItem(text="Cuire")]
                    ),
                    Quote(text="Quelle tarte !", attribution="Marie (@marie)"),
                    Quote(text="Sans attribution.\nSecond paragraphe."),
                ],
            )
        ],
    )
    page = render_html(article)
    tree = lxml.html.fromstring(page.encode())
    body = tree.find(".//article")
    outer = body.find("ul")
    assert [li.text.strip() for li in outer.findall("li")] == ["250 g de farine", "<b>sel</b>"]
    assert [li.text for li in outer.find("li").find("ul").findall("li")] == [
        "de blé",
        "ou d’épeautre",
    ]
    assert [li.text for li in body.find("ol").findall("li")] == ["Mélanger", "Cuire"]
    figure = body.find("figure")
    assert figure.find("blockquote/p").text == "Quelle tarte !"
    assert figure.find("figcaption").text == "— Marie (@marie)"
    last = body.findall("blockquote")[-1]
    assert [p.text for p in last.findall("p")] == ["Sans attribution.", "Second paragraphe."]
    # Lists are not invented as ItemList in the JSON-LD: a news article is not a list.
    assert "ItemList" not in page
    # The word count still counts every item and quotation.
    assert by_type(page)["NewsArticle"]["wordCount"] == article.word_count
