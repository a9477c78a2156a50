"""Markdown → blocks, links, images and front-matter metadata (markdown-it-py 4.0.0).

CommonMark plus tables and strikethrough (GitHub's usual extensions). Inline markup is removed
and only the visible text kept: ``**gras**`` → "gras", ``[texte](url)`` → "texte" (the link
goes to ``Document.links``), ``![alt](src)`` → nothing in the text (the image goes to
``Document.images``); bold, italics and links are kept as phrases in ``Document.marks``
(:mod:`plume.ingest.inline`) for the renderers. :func:`inline_markdown` reads one line of a
plain-text file that uses Markdown (``plume.ingest.sniff.uses_markdown``). A soft line break is a space, as CommonMark renders it; a hard break
(two trailing spaces or a backslash) stays ``\\n``. A list item keeps its depth and whether
its list is numbered in ``Block.level`` (``Block.list_depth``, ``Block.ordered``). Code blocks
are not prose and are left out (with a note); raw HTML blocks are read with the HTML walker,
scripts dropped.

Front matter (``---`` YAML or ``+++`` TOML, as Jekyll, Hugo and most static-site CMSs write
it) gives the SEO metadata. Only flat ``key: value`` lines are read, which is what these keys
always are; no YAML library is needed for that.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from plume.document import (
    Block,
    BlockKind,
    Brief,
    Image,
    Link,
    Mark,
    MarkKind,
    Meta,
    list_item_level,
)
from plume.ingest.brief import split_brief
from plume.ingest.html import follow_link, fragment_blocks, slug_from_url
from plume.ingest.inline import marks_in
from plume.ingest.parsed import Parsed
from plume.report import Msg

_FRONT_MATTER = re.compile(
    r"\A\ufeff?(?P<fence>---|\+\+\+)[ \t]*\n(?P<body>.*?)\n(?P=fence)[ \t]*(?:\n|\Z)", re.DOTALL
)
_FRONT_MATTER_YAML_END = re.compile(
    r"\A\ufeff?---[ \t]*\n(?P<body>.*?)\n\.\.\.[ \t]*(?:\n|\Z)", re.DOTALL
)
_KEY_VALUE = re.compile(r"^(?P<key>[A-Za-z_][\w.-]*)\s*[:=]\s*(?P<value>.*)$")

#: Front-matter keys, most specific first. Meta.title is the SEO title (<title>), so an explicit
#: SEO title wins over the post title (Yoast's "SEO title" vs the post title).
_TITLE_KEYS = ("seo_title", "seotitle", "meta_title", "metatitle", "title_tag", "title")
_DESCRIPTION_KEYS = (
    "meta_description",
    "metadescription",
    "seo_description",
    "description",
    "excerpt",
    "summary",
)
_SLUG_KEYS = ("slug",)
_URL_KEYS = ("canonical", "canonical_url", "canonicalurl", "url", "permalink")
_KEYPHRASE_KEYS = (
    "focus_keyphrase",
    "keyphrase",
    "focus_keyword",
    "focuskw",
    "keyword",
    "mot_cle",
    "mot-cle",
    "mot_clé",
    "mot-clé",
)


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """``(fields, body)``; fields are the flat ``key: value`` lines, keys lower-cased."""
    m = _FRONT_MATTER.match(text) or _FRONT_MATTER_YAML_END.match(text)
    if not m:
        return {}, text
    lines = m.group("body").split("\n")
    if not all(_yaml_like(line) for line in lines):
        return {}, text  # "---" rules around prose, not front matter
    fields: dict[str, str] = {}
    i = 0
    while i < len(lines):
        kv = _KEY_VALUE.match(lines[i])
        i += 1
        if not kv:
            continue  # nested mappings, list items, comments
        key, value = kv.group("key").lower(), kv.group("value").strip()
        if value in (">", "|", ">-", "|-", ">+", "|+"):
            # YAML block scalar: the indented lines that follow, folded into one line.
            parts: list[str] = []
            while i < len(lines) and (lines[i].startswith((" ", "\t")) or not lines[i].strip()):
                parts.append(lines[i].strip())
                i += 1
            value = " ".join(p for p in parts if p)
        value = _unquote(
            re.sub(r"\s+#.*$", "", value) if not value.startswith(("'", '"')) else value
        )
        if value and key not in fields:
            fields[key] = value
    return fields, text[m.end() :]


def _yaml_like(line: str) -> bool:
    """Blank, indented, a list item, a comment, or ``key: value``."""
    return (
        not line.strip()
        or line.startswith((" ", "\t", "- ", "#"))
        or _KEY_VALUE.match(line) is not None
    )


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        inner = value[1:-1]
        return inner.replace("''", "'") if value[0] == "'" else inner.replace('\\"', '"')
    return value


def _first(fields: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((fields[k] for k in keys if fields.get(k)), None)


def front_matter_meta(fields: dict[str, str]) -> Meta:
    url = _first(fields, _URL_KEYS)
    absolute = url if url and re.match(r"^https?://", url, re.I) else None
    return Meta(
        title=_first(fields, _TITLE_KEYS),
        description=_first(fields, _DESCRIPTION_KEYS),
        slug=_first(fields, _SLUG_KEYS) or slug_from_url(url if url else None),
        url=absolute,
    )


def front_matter_brief(fields: dict[str, str]) -> Brief | None:
    keyphrase = _first(fields, _KEYPHRASE_KEYS)
    return Brief(keyphrase=keyphrase) if keyphrase else None


@cache
def _parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


_INLINE_TAG = re.compile(r"^<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9-]*)")
#: Inline HTML emphasis, read as Markdown's own.
_HTML_EMPHASIS = {
    "b": MarkKind.STRONG,
    "strong": MarkKind.STRONG,
    "i": MarkKind.EM,
    "em": MarkKind.EM,
}
_HREF = re.compile(r"""href\s*=\s*["']([^"']*)["']""", re.IGNORECASE)
#: Inline HTML whose content is never visible text.
_HIDDEN_INLINE = frozenset({"script", "style", "noscript", "template", "textarea"})


class _Inline:
    """Visible text of an inline token's children; links and images collected."""

    def __init__(self, links: list[Link], images: list[Image]) -> None:
        self.links = links
        self.images = images
        self.scripts = 0
        #: The marks of the last rendered text: (kind, visible text, target), inner first.
        self.found: list[tuple[MarkKind, str, str]] = []

    def _close_link(self, link_stack: list[tuple[str, int]], out: list[str]) -> None:
        href, start = link_stack.pop()
        url = follow_link(href, None)
        if url is not None:
            self.links.append(Link(url, re.sub(r"\s+", " ", "".join(out[start:])).strip()))
            self.found.append((MarkKind.LINK, "".join(out[start:]), url))

    def render(self, children: list[Any]) -> str:
        out: list[str] = []
        link_stack: list[tuple[str, int]] = []  # (href, position in out)
        emphasis: list[tuple[MarkKind, int]] = []  # (kind, position in out)
        self.found = []
        hidden = 0
        for tok in children:
            t = tok.type
            if t == "html_inline":
                m = _INLINE_TAG.match(tok.content)
                if m and m.group(2).lower() in _HIDDEN_INLINE:
                    if m.group(1):
                        hidden = max(0, hidden - 1)
                    else:
                        hidden += 1
                        self.scripts += m.group(2).lower() == "script"
                elif m and m.group(2).lower() == "br" and not hidden:
                    out.append("\n")
                elif m and not hidden and (kind := _HTML_EMPHASIS.get(m.group(2).lower())):
                    # "<b>…</b>" inside a Markdown line: the same bold as "**…**".
                    if not m.group(1):
                        emphasis.append((kind, len(out)))
                    elif emphasis and emphasis[-1][0] is kind:
                        _, start = emphasis.pop()
                        self.found.append((kind, "".join(out[start:]), ""))
                elif m and not hidden and m.group(2).lower() == "a":
                    if not m.group(1):
                        href = _HREF.search(tok.content)
                        link_stack.append((href.group(1) if href else "", len(out)))
                    elif link_stack:
                        self._close_link(link_stack, out)
                continue
            if hidden:
                continue
            if t in ("text", "code_inline"):
                out.append(tok.content)
            elif t == "softbreak":
                out.append(" ")
            elif t == "hardbreak":
                out.append("\n")
            elif t == "image":
                src = str(tok.attrs.get("src") or "")
                if src:
                    alt = "".join(
                        c.content for c in (tok.children or []) if c.type in ("text", "code_inline")
                    )
                    self.images.append(Image(src, alt.strip()))
            elif t == "link_open":
                link_stack.append((str(tok.attrs.get("href") or ""), len(out)))
            elif t == "link_close" and link_stack:
                self._close_link(link_stack, out)
            elif t in ("strong_open", "em_open"):
                emphasis.append((MarkKind.STRONG if t == "strong_open" else MarkKind.EM, len(out)))
            elif t in ("strong_close", "em_close") and emphasis:
                kind, start = emphasis.pop()
                self.found.append((kind, "".join(out[start:]), ""))
        # Runs of spaces render as one (HTML whitespace), as do the gaps left by an image or
        # an inline script taken out of the text.
        text = re.sub(r"[ \t]+", " ", "".join(out))
        return re.sub(r" ?\n ?", "\n", text).strip()


def parse_markdown(text: str, lang: str) -> Parsed:
    """Read Markdown: front matter, then the brief on the first line, then the body."""
    fields, body = split_front_matter(text)
    line_brief, body = split_brief(body)
    tokens = _parser().parse(body)
    links: list[Link] = []
    images: list[Image] = []
    inline = _Inline(links, images)
    blocks: list[Block] = []
    marks: list[Mark] = []
    notes: list[str] = []
    context: list[BlockKind] = []  # enclosing list items / quotes
    lists: list[bool] = []  # enclosing lists, innermost last: numbered or not
    heading_level = 0
    code_blocks = 0
    scripts = 0
    for tok in tokens:
        t = tok.type
        if t == "heading_open":
            heading_level = int(tok.tag[1])
        elif t == "heading_close":
            heading_level = 0
        elif t in ("bullet_list_open", "ordered_list_open"):
            lists.append(t == "ordered_list_open")
        elif t in ("bullet_list_close", "ordered_list_close") and lists:
            lists.pop()
        elif t == "list_item_open":
            context.append(BlockKind.LIST_ITEM)
        elif t == "blockquote_open":
            context.append(BlockKind.QUOTE)
        elif t in ("list_item_close", "blockquote_close") and context:
            context.pop()
        elif t in ("fence", "code_block"):
            code_blocks += 1
        elif t == "html_block":
            sub_blocks, sub_links, sub_images, sub_scripts, sub_marks = fragment_blocks(tok.content)
            blocks.extend(sub_blocks)
            links.extend(sub_links)
            images.extend(sub_images)
            marks.extend(sub_marks)
            scripts += sub_scripts
        elif t == "inline":
            content = inline.render(tok.children or [])
            if not content:
                continue
            if heading_level:
                blocks.append(Block(BlockKind.HEADING, content.replace("\n", " "), heading_level))
            else:
                # A paragraph's kind is its innermost container: an item inside a quote is a
                # list item, a quote inside an item is a quote.
                kind = context[-1] if context else BlockKind.PARAGRAPH
                level = (
                    list_item_level(len(lists), lists[-1])
                    if kind is BlockKind.LIST_ITEM and lists
                    else 0
                )
                blocks.append(Block(kind, content, level))
                marks += marks_in(content, inline.found)
    scripts += inline.scripts
    meta = front_matter_meta(fields)
    post_title = fields.get("title")
    if post_title and blocks and not any(b.is_heading and b.level == 1 for b in blocks):
        # Static-site themes print the front-matter title as the page's H1.
        blocks.insert(0, Block(BlockKind.HEADING, post_title, 1))
    if code_blocks:
        plural = "s" if code_blocks > 1 else ""
        notes.append(
            Msg(
                f"{code_blocks} bloc{plural} de code ignoré{plural} : ce n’est pas du texte à lire.",
                f"{code_blocks} code block{plural} ignored: not prose.",
            ).get(lang)
        )
    if scripts:
        plural = "s" if scripts > 1 else ""
        notes.append(
            Msg(
                f"{scripts} balise{plural} <script> ignorée{plural} : leur contenu n’est pas du texte.",
                f"{scripts} <script> element{plural} ignored: code is not text.",
            ).get(lang)
        )
    return Parsed(
        blocks=blocks,
        links=links,
        images=images,
        marks=marks,
        meta=meta,
        notes=notes,
        brief=_merge_briefs(line_brief, front_matter_brief(fields)),
    )


def _merge_briefs(line: Brief | None, front: Brief | None) -> Brief | None:
    """The brief line wins; the front matter's keyphrase fills in when the line has none."""
    if line is None or front is None:
        return line or front
    return line if line.keyphrase else line.merged(keyphrase=front.keyphrase)


def inline_markdown(line: str) -> tuple[str, list[Link], list[Image], list[Mark]]:
    """One line of a plain-text file that uses Markdown: its visible text, links, images and
    marks. Block markers (``#``, ``-``, ``>``…) are the text reader's business: only the
    inline syntax is read here, so ``5 * 3`` and ``[1]`` stay as written."""
    tokens = _parser().parseInline(line)
    links: list[Link] = []
    images: list[Image] = []
    inline = _Inline(links, images)
    children = tokens[0].children if tokens else []
    # Line breaks are the text reader's (a hard-wrapped paragraph is rejoined by the cleaner).
    text = inline.render(children or [])
    return text, links, images, marks_in(text, inline.found)
