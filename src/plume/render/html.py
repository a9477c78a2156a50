"""HTML rendering: a complete, standalone HTML5 page with Open Graph and JSON-LD.

No invented canonical domain, Google's Article/FAQ structured data, every text escaped (JSON-LD
too, so no article text can close the ``<script>``). Details and sources: docs/optimise.md,
« La page HTML ».
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from html import escape
from typing import Any
from urllib.parse import quote

from plume.article import Article, BulletList, Piece, Quote
from plume.document import Mark, MarkKind, PlacedMark
from plume.optimisation import SourceMeta
from plume.render.common import (
    FAQ_HEADING,
    READER_QUESTIONS_HEADING,
    SOURCES_HEADING,
    SourceEntry,
    bcp47,
    is_http_url,
    iso_datetime,
    og_locale,
    source_entry,
)
from plume.render.inline import Spans, nest, safe_href, spans_by_text

__all__ = [
    "CANONICAL_PLACEHOLDER_COMMENT",
    "HEADLINE_MAX_CHARS",
    "article_json_ld",
    "faq_json_ld",
    "json_for_script",
    "marked_html",
    "render_html",
]

#: Written before the relative canonical link when the real URL is not known yet.
CANONICAL_PLACEHOLDER_COMMENT = "<!-- URL canonique à renseigner -->"

#: Google's Article structured-data guidance long stated "Headlines should not exceed 110
#: characters" (the limit its Structured Data Testing Tool enforced for AMP articles); the current
#: page only recommends a short title because devices truncate. 110 is kept as the safe bound.
HEADLINE_MAX_CHARS = 110

_ELLIPSIS = "…"

#: Characters that could end or confuse a ``<script>`` element (``</script>``, ``<!--``) or an
#: HTML parser's entity handling, plus the JavaScript line terminators U+2028/U+2029.
_SCRIPT_UNSAFE = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def json_for_script(data: Any) -> str:
    """``data`` as JSON that is inert inside ``<script type="application/ld+json">``.

    The escapes are JSON escapes, so ``json.loads`` of the script text gives back ``data``.
    """
    return json.dumps(data, ensure_ascii=False, indent=2).translate(_SCRIPT_UNSAFE)


def _headline(article: Article) -> str:
    """The H1 when it fits Google's 110 characters, else the SEO title, else the H1 cut on a word.

    Not a rewrite: only a fallback so the JSON-LD stays valid when the write stage produced a
    longer H1 (the analyser reports the length; this only keeps the markup within bounds).
    """
    for candidate in (article.title, article.seo_title):
        if len(candidate) <= HEADLINE_MAX_CHARS:
            return candidate
    cut = article.title[: HEADLINE_MAX_CHARS - len(_ELLIPSIS)]
    head, space, _ = cut.rpartition(" ")
    return (head if space and head else cut).rstrip(" ,;:–—-") + _ELLIPSIS


def article_json_ld(article: Article, source: SourceMeta | None = None) -> dict[str, Any]:
    """The ``NewsArticle`` / ``BlogPosting`` object of the page; ``source`` (the source page's
    metadata) adds ``isBasedOn`` (its canonical URL), the ``publisher`` (its site name) and
    ``articleSection``."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": article.kind.value,
        "headline": _headline(article),
        "description": article.meta_description,
        "inLanguage": bcp47(article.lang),
        "datePublished": iso_datetime(article.date_published),
    }
    if article.date_modified is not None:
        data["dateModified"] = iso_datetime(article.date_modified)
    if article.author:
        data["author"] = {"@type": "Person", "name": article.author}
    if article.canonical_url:
        data["mainEntityOfPage"] = {"@type": "WebPage", "@id": article.canonical_url}
        data["url"] = article.canonical_url
    if article.keyphrase:
        data["keywords"] = [article.keyphrase, *article.synonyms]
    if source is not None:
        if source.section:
            data["articleSection"] = source.section
        if source.url and is_http_url(source.url):
            data["isBasedOn"] = source.url
        if source.site_name:
            data["publisher"] = {"@type": "Organization", "name": source.site_name}
    data["wordCount"] = article.word_count
    return data


def faq_json_ld(article: Article) -> dict[str, Any] | None:
    """The ``FAQPage`` object, or None when the article has no FAQ."""
    if not article.faq:
        return None
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "inLanguage": bcp47(article.lang),
        "mainEntity": [
            {
                "@type": "Question",
                "name": item.question,
                "acceptedAnswer": {"@type": "Answer", "text": item.answer},
            }
            for item in article.faq
        ],
    }


def _meta(attr: str, key: str, content: str) -> str:
    return f'<meta {attr}="{escape(key)}" content="{escape(content)}">'


def _head(article: Article, source: SourceMeta | None) -> list[str]:
    lines = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(article.seo_title)}</title>",
        _meta("name", "description", article.meta_description),
    ]
    if article.canonical_url:
        lines.append(f'<link rel="canonical" href="{escape(article.canonical_url)}">')
    else:
        lines.append(CANONICAL_PLACEHOLDER_COMMENT)
        lines.append(f'<link rel="canonical" href="/{escape(quote(article.slug, safe=""))}">')
    lines += [
        _meta("property", "og:type", "article"),
        _meta("property", "og:title", article.seo_title),
        _meta("property", "og:description", article.meta_description),
        _meta("property", "og:locale", og_locale(article.lang)),
    ]
    if article.canonical_url:
        lines.append(_meta("property", "og:url", article.canonical_url))
    lines.append(_meta("property", "article:published_time", iso_datetime(article.date_published)))
    if article.date_modified is not None:
        lines.append(
            _meta("property", "article:modified_time", iso_datetime(article.date_modified))
        )
    if article.author:
        lines.append(_meta("name", "author", article.author))
    if source is not None:
        if source.site_name:
            lines.append(_meta("property", "og:site_name", source.site_name))
        if source.section:
            lines.append(_meta("property", "article:section", source.section))
        lines += [_meta("property", "article:tag", tag) for tag in source.tags]
    for data in (article_json_ld(article, source), faq_json_ld(article)):
        if data is not None:
            lines.append(f'<script type="application/ld+json">\n{json_for_script(data)}\n</script>')
    return lines


_TAGS = {MarkKind.STRONG: "strong", MarkKind.EM: "em"}


def _wrap(mark: Mark, inner: str) -> str:
    if mark.kind is MarkKind.LINK:
        href = safe_href(mark.href)
        return f'<a href="{escape(href)}">{inner}</a>' if href else inner
    tag = _TAGS[mark.kind]
    return f"<{tag}>{inner}</{tag}>"


def marked_html(text: str, spans: Sequence[PlacedMark]) -> str:
    """``text`` escaped, with the source's marks as ``<strong>``, ``<em>`` and ``<a href>``
    (``spans``: sorted outer first, from :func:`plume.render.inline.spans_by_text`)."""
    return nest(text, spans, escape, _wrap) if spans else escape(text)


def _writer(spans: Spans) -> Callable[[str], str]:
    return lambda text: marked_html(text, spans.get(text, []))


def _paragraphs(paragraphs: list[str], line: Callable[[str], str] = escape) -> list[str]:
    return [f"<p>{line(p)}</p>" for p in paragraphs if p.strip()]


def _list_item(text: str, line: Callable[[str], str] = escape) -> str:
    if is_http_url(text):
        url = escape(text.strip())
        return f'<li><a href="{url}">{url}</a></li>'
    return f"<li>{line(text)}</li>"


def _list(lst: BulletList, line: Callable[[str], str] = escape) -> list[str]:
    """``<ul>``/``<ol>``; a nested list inside the ``<li>`` it belongs to."""
    tag = "ol" if lst.ordered else "ul"
    lines = [f"<{tag}>"]
    for item in lst.items:
        if item.sublist is None:
            lines.append(_list_item(item.text, line))
        else:
            lines += [f"<li>{line(item.text)}", *_list(item.sublist, line), "</li>"]
    return [*lines, f"</{tag}>"]


def _quote(quote: Quote, line: Callable[[str], str] = escape) -> list[str]:
    """A ``<blockquote>`` in a ``<figure>`` with its attribution as the caption (WHATWG HTML,
    § 4.4.4 "the blockquote element": attribution goes outside the quotation, in a
    ``<figcaption>``), so nothing can come between the words and who said them."""
    said = ["<blockquote>", *_paragraphs(quote.text.split("\n"), line), "</blockquote>"]
    if not quote.attribution:
        return said
    return [
        '<figure class="quote">',
        *said,
        f"<figcaption>— {line(quote.attribution)}</figcaption>",
        "</figure>",
    ]


def _pieces(pieces: list[Piece], line: Callable[[str], str] = escape) -> list[str]:
    lines: list[str] = []
    for p in pieces:
        if isinstance(p, str):
            lines += _paragraphs([p], line)
        elif isinstance(p, Quote):
            lines += _quote(p, line)
        else:
            lines += _list(p, line)
    return lines


def _body(article: Article, marks: Sequence[Mark] = ()) -> list[str]:
    line = _writer(spans_by_text(article, marks))
    lines = [f"<h1>{escape(article.title)}</h1>"]
    if article.key_points:
        lines += [
            '<ul class="key-points">',
            *(f"<li>{line(k)}</li>" for k in article.key_points),
            "</ul>",
        ]
    lines += _pieces(article.intro_blocks, line)
    for section in article.sections:
        level = section.level
        lines.append(f"<h{level}>{escape(section.heading)}</h{level}>")
        lines += _pieces(section.blocks, line)
    if article.faq:
        lines.append('<section class="faq">')
        lines.append(f"<h2>{escape(FAQ_HEADING)}</h2>")
        for item in article.faq:
            lines.append(f"<h3>{escape(item.question)}</h3>")
            lines.append(f"<p>{line(item.answer)}</p>")
        lines.append("</section>")
    if article.reader_questions:
        lines.append('<section class="reader-questions">')
        lines.append(f"<h2>{escape(READER_QUESTIONS_HEADING)}</h2>")
        lines.append("<ul>")
        lines += [f"<li>{escape(q)}</li>" for q in article.reader_questions]
        lines += ["</ul>", "</section>"]
    if article.source_refs or article.sources:
        lines.append('<section class="sources">')
        lines.append(f"<h2>{escape(SOURCES_HEADING)}</h2>")
        lines.append("<ul>")
        if article.source_refs:
            entries = [source_entry(r, n) for n, r in enumerate(article.source_refs, 1)]
            lines += [f"<li>{_sources_item(e)}</li>" for e in entries]
        else:
            lines += [_list_item(s) for s in article.sources]
        lines += ["</ul>", "</section>"]
    return lines


def _sources_item(entry: SourceEntry) -> str:
    """<cite>Le Devoir</cite>, <a href="…">« Titre »</a>, <time …>19 février 2020</time>."""
    outlet = f"<cite>{escape(entry.outlet)}</cite>" if entry.outlet else None
    named = entry.title or entry.label
    linked = escape(named) if named else outlet
    if entry.url and linked:
        linked = f'<a href="{escape(entry.url)}">{linked}</a>'
    day = f'<time datetime="{entry.iso_date}">{escape(entry.date)}</time>' if entry.date else None
    parts = [outlet if named else None, linked, day]
    return ", ".join(p for p in parts if p)


def render_html(
    article: Article, source: SourceMeta | None = None, marks: Sequence[Mark] = ()
) -> str:
    """The article as a complete HTML5 page (UTF-8), ending with one newline; ``source`` is
    the source page's metadata (site name, section, tags, canonical URL), when known;
    ``marks`` the source's bold, italics and links, written where their phrase still is."""
    lang = escape(article.lang)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        *_head(article, source),
        "</head>",
        "<body>",
        "<article>",
        *_body(article, marks),
        "</article>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"
