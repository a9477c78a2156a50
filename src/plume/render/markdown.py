"""Markdown rendering: YAML front matter + CommonMark body, for Hugo, Jekyll and Astro.

The front matter uses only what the three generators read the same way: ``---`` fences, double-
quoted strings, one flow list and an unquoted ISO 8601 timestamp (a YAML timestamp, parsed as a
date by Hugo, Jekyll/Psych and Astro/js-yaml). Keys: ``title`` (the H1), ``seo_title``,
``description``, ``slug``, ``keyphrase``, ``synonyms``, ``date``, ``lastmod`` (Hugo's name for the
modification date, only when known), ``author`` (only when known) and ``lang``; from the source
page's metadata, when it has some: ``categories`` and ``tags`` (the taxonomies Hugo and Jekyll
read by these names), ``standfirst`` (its chapô), ``publisher`` (its site name) and
``source_url`` (its canonical URL).

Text is escaped minimally so that it never turns into markup by accident: a paragraph starting with
``1. `` is not a list, ``#`` is not a heading, ``*``/``_`` are not emphasis, ``[`` is not a link,
``<`` is not raw HTML. French typography (« », U+202F, ’) passes through untouched.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from urllib.parse import quote

from plume.article import Article, BulletList, Piece, Quote
from plume.document import Mark, MarkKind, PlacedMark
from plume.optimisation import SourceMeta
from plume.render.common import (
    FAQ_HEADING,
    READER_QUESTIONS_HEADING,
    SOURCES_HEADING,
    SourceEntry,
    is_http_url,
    iso_datetime,
    source_entry,
)
from plume.render.inline import Spans, nest, safe_href, spans_by_text

__all__ = ["escape_markdown", "marked_markdown", "render_markdown", "yaml_string"]

# --- YAML -----------------------------------------------------------------------------------------

#: Characters outside YAML 1.2's printable set (spec §5.1: c-printable) that JSON leaves raw, plus
#: the line separators U+0085/U+2028/U+2029 that YAML treats as line breaks: escaped as \uXXXX.
_YAML_NON_PRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")


def yaml_string(text: str) -> str:
    """``text`` as a YAML double-quoted scalar, always quoted, always safe.

    A JSON string is a valid YAML 1.2 double-quoted scalar (YAML 1.2 is a JSON superset and uses
    the same escapes: ``\\"``, ``\\\\``, ``\\n``, ``\\t``, ``\\uXXXX``…), so ``json.dumps`` does the
    quoting; the only addition is escaping what YAML, unlike JSON, forbids raw. Always quoting
    avoids every plain-scalar trap: ``: ``, `` #``, leading ``-``/``?``/``[``/``&``/``*``/``!``/
    ``|``/``>``/``%``/``@``, and words YAML 1.1 reads as booleans (``no``, ``on``).
    """
    quoted = json.dumps(text, ensure_ascii=False)
    return _YAML_NON_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def _yaml_list(items: list[str]) -> str:
    return "[" + ", ".join(yaml_string(item) for item in items) + "]"


# --- Markdown text --------------------------------------------------------------------------------

#: Inline characters that open markup anywhere in a line (CommonMark + the GFM extensions that
#: Hugo's Goldmark enables by default: strikethrough ``~``, footnotes ``[^``, tables ``|`` need a
#: delimiter row we never write). ``\`` first so escapes are not escaped twice.
_INLINE = re.compile(r"([\\`*_\[\]<~])")
#: ``&eacute;`` / ``&#233;`` would be decoded as an entity: escape the ``&`` only then.
_ENTITY = re.compile(r"&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{0,31};)")
#: Block markers at the start of a line: heading, blockquote, bullet list, setext underline,
#: definition list (Goldmark's default ``definitionList`` extension).
_LINE_START = re.compile(r"^([#>+\-=:])")
#: Ordered list marker: 1–9 digits then ``.`` or ``)`` then space or end (CommonMark §5.2).
_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")
#: A newline inside a paragraph (with the ASCII spaces around it) becomes one space: a paragraph is
#: written on one line, so no later line can start a block.
_NEWLINE = re.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t\r\n]*")


def escape_markdown(text: str) -> str:
    """``text`` as one line of Markdown that renders as exactly this text.

    Leading/trailing ASCII white space is dropped (four leading spaces would make a code block);
    no-break spaces are kept.
    """
    line = _NEWLINE.sub(" ", text).strip(" \t")
    line = _INLINE.sub(r"\\\1", line)
    line = _ENTITY.sub(r"\\&", line)
    line = _ORDERED.sub(r"\1\\\2", line)
    return _LINE_START.sub(r"\\\1", line)


#: Characters left as they are in a link target; spaces, parentheses and angle brackets are
#: percent-encoded so the destination never ends early (CommonMark §6.3), ``%`` kept so an
#: encoded URL is not encoded twice.
_HREF_SAFE = ":/?#[]@!$&'*+,;=%~-._"


def _escape_inline(text: str) -> str:
    return _ENTITY.sub(r"\\&", _INLINE.sub(r"\\\1", _NEWLINE.sub(" ", text)))


def _wrap(mark: Mark, inner: str) -> str:
    if mark.kind is MarkKind.LINK:
        href = safe_href(mark.href)
        return f"[{inner}]({quote(href, safe=_HREF_SAFE)})" if href else inner
    delimiter = "**" if mark.kind is MarkKind.STRONG else "*"
    return f"{delimiter}{inner}{delimiter}"


def marked_markdown(text: str, spans: Sequence[PlacedMark]) -> str:
    """:func:`escape_markdown` with the source's marks written as Markdown: ``**gras**``,
    ``*italique*``, ``[lien](url)`` (``spans``: sorted outer first, from
    :func:`plume.render.inline.spans_by_text`)."""
    if not spans:
        return escape_markdown(text)
    line = nest(text, spans, _escape_inline, _wrap).strip(" \t")
    line = _ORDERED.sub(r"\1\\\2", line)
    return _LINE_START.sub(r"\\\1", line)


def _writer(spans: Spans) -> Callable[[str], str]:
    return lambda text: marked_markdown(text, spans.get(text, []))


def _heading(level: int, text: str) -> str:
    escaped = escape_markdown(text)
    if escaped.endswith("#"):
        # "Titre #" would end in an ATX closing sequence and lose its "#".
        escaped = escaped[:-1] + "\\#"
    return f"{'#' * level} {escaped}"


def _list_item(text: str, line: Callable[[str], str] = escape_markdown) -> str:
    if is_http_url(text):
        # An autolink keeps the URL clickable and its "_" / "*" literal.
        return f"- <{text.strip()}>"
    return f"- {line(text)}"


def _list_lines(
    lst: BulletList, indent: str = "", line: Callable[[str], str] = escape_markdown
) -> list[str]:
    """A list, nested lists indented to their item's text (CommonMark §5.2: a sub-list starts at
    the content column of the item it belongs to)."""
    lines: list[str] = []
    for n, item in enumerate(lst.items, start=1):
        marker = f"{n}." if lst.ordered else "-"
        text = f"<{item.text.strip()}>" if is_http_url(item.text) else line(item.text)
        lines.append(f"{indent}{marker} {text}")
        if item.sublist is not None:
            lines += _list_lines(item.sublist, indent + " " * (len(marker) + 1), line)
    return lines


def _quote(quote: Quote, line: Callable[[str], str] = escape_markdown) -> str:
    """A blockquote; the attribution is its last line, so nothing can come between them."""
    paragraphs = [line(p) for p in quote.text.split("\n") if p.strip()]
    lines = [f"> {p}" if i == 0 else f">\n> {p}" for i, p in enumerate(paragraphs)]
    if quote.attribution:
        lines += [">", f"> — {line(quote.attribution)}"]
    return "\n".join(lines)


def _pieces(pieces: list[Piece], line: Callable[[str], str] = escape_markdown) -> list[str]:
    out: list[str] = []
    for p in pieces:
        if isinstance(p, str):
            out.append(line(p))
        elif isinstance(p, Quote):
            out.append(_quote(p, line))
        else:
            out.append("\n".join(_list_lines(p, line=line)))
    return out


# --- Document -------------------------------------------------------------------------------------


def _source_lines(source: SourceMeta | None) -> list[str]:
    if source is None:
        return []
    lines = []
    categories = source.categories or ([source.section] if source.section else [])
    if categories:
        lines.append(f"categories: {_yaml_list(categories)}")
    if source.tags:
        lines.append(f"tags: {_yaml_list(source.tags)}")
    if source.standfirst:
        lines.append(f"standfirst: {yaml_string(source.standfirst)}")
    if source.site_name:
        lines.append(f"publisher: {yaml_string(source.site_name)}")
    if source.url and is_http_url(source.url):
        lines.append(f"source_url: {yaml_string(source.url)}")
    return lines


def _front_matter(article: Article, source: SourceMeta | None = None) -> list[str]:
    lines = [
        "---",
        f"title: {yaml_string(article.title)}",
        f"seo_title: {yaml_string(article.seo_title)}",
        f"description: {yaml_string(article.meta_description)}",
        f"slug: {yaml_string(article.slug)}",
        f"keyphrase: {yaml_string(article.keyphrase)}",
        f"synonyms: {_yaml_list(article.synonyms)}",
        # Unquoted on purpose: a YAML timestamp, which all three generators type as a date.
        f"date: {iso_datetime(article.date_published)}",
    ]
    if article.date_modified is not None:
        lines.append(f"lastmod: {iso_datetime(article.date_modified)}")
    if article.author:
        lines.append(f"author: {yaml_string(article.author)}")
    lines += _source_lines(source)
    lines += [f"lang: {yaml_string(article.lang)}", "---"]
    return lines


def _sources_item(entry: SourceEntry) -> str:
    """*Le Devoir*, [« Titre »](<https://…>), 19 février 2020 — the link on the title, else on
    the outlet or the site's host."""
    outlet = f"*{escape_markdown(entry.outlet)}*" if entry.outlet else None
    named = entry.title or entry.label
    linked = escape_markdown(named) if named else outlet
    if entry.url and linked:
        # An angle-bracketed destination keeps a URL with parentheses whole (CommonMark).
        linked = f"[{linked}](<{entry.url}>)"
    parts = [outlet if named else None, linked, entry.date]
    return ", ".join(p for p in parts if p)


def render_markdown(
    article: Article, source: SourceMeta | None = None, marks: Sequence[Mark] = ()
) -> str:
    """The article as a Markdown file with YAML front matter, ending with one newline;
    ``source`` is the source page's metadata, when known; ``marks`` the source's bold,
    italics and links, written where their phrase still is."""
    line = _writer(spans_by_text(article, marks))
    blocks: list[str] = ["\n".join(_front_matter(article, source)), _heading(1, article.title)]
    if article.key_points:
        blocks.append("\n".join(_list_item(k, line) for k in article.key_points))
    blocks += _pieces(article.intro_blocks, line)
    for section in article.sections:
        blocks.append(_heading(section.level, section.heading))
        blocks += _pieces(section.blocks, line)
    if article.faq:
        blocks.append(_heading(2, FAQ_HEADING))
        for item in article.faq:
            blocks += [_heading(3, item.question), line(item.answer)]
    if article.reader_questions:
        blocks.append(_heading(2, READER_QUESTIONS_HEADING))
        blocks.append("\n".join(_list_item(q) for q in article.reader_questions))
    if article.source_refs:
        blocks.append(_heading(2, SOURCES_HEADING))
        entries = [source_entry(r, n) for n, r in enumerate(article.source_refs, 1)]
        blocks.append("\n".join(f"- {_sources_item(e)}" for e in entries))
    elif article.sources:
        blocks.append(_heading(2, SOURCES_HEADING))
        blocks.append("\n".join(_list_item(s) for s in article.sources))
    return "\n\n".join(b for b in blocks if b) + "\n"
