"""HTML → blocks, links, images and SEO metadata.

Two kinds of HTML reach plume, and they need different readers:

- **web pages** (menus, headers, footers, sidebars, comments): trafilatura 2.3.1 finds the
  article, with ``favor_precision=True`` and without comments (calibrated: see
  docs/calibration.md).
- **clean content** (a CMS export, a fragment, rendered Markdown): everything is article, and
  trafilatura would throw much of it away. A direct walk of the tree keeps every heading, list
  item and quote.

A page is recognised by its boilerplate elements (``nav``, ``header``, ``footer``, ``aside``,
``form``) or class/id names (menu, sidebar, share…). Both readers map to the same blocks; script,
style and other non-text elements never reach the text, and their count goes into the notes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urljoin, urlsplit

from plume.document import Block, BlockKind, Image, Link, Mark, MarkKind, Meta, list_item_level
from plume.ingest import problems
from plume.ingest.inline import marks_in
from plume.ingest.page import Prepared, prepare_page
from plume.ingest.page_meta import PageMeta, page_meta
from plume.ingest.parsed import Parsed
from plume.lang.fr import fold
from plume.report import Msg

#: Beyond this depth the layout-only tags are removed so the text can be read: libxml2 drops
#: the text of very deep trees and trafilatura slows down badly on them (see
#: docs/calibration.md).
MAX_DEPTH = 150

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
#: Layout-only tags dropped when flattening a pathologically deep tree (first pass), then the
#: structural ones too (second pass); text, headings, paragraphs, links and images remain.
_LAYOUT_TAGS = re.compile(
    r"</?(?:div|span|section|article|main|font|center|b|i|em|strong|small|big|u|s|nav|"
    r"header|footer|aside|figure|label)\b[^>]*>",
    re.IGNORECASE,
)
_STRUCTURE_TAGS = re.compile(
    r"</?(?:ul|ol|li|dl|dt|dd|blockquote|table|thead|tbody|tfoot|tr|td|th|q|cite|sup|sub|"
    r"abbr|mark|code|pre|[a-z][a-z0-9]*-[a-z0-9-]*)\b[^>]*>",
    re.IGNORECASE,
)


def _tags_except(keep: str) -> re.Pattern[str]:
    """Every tag but ``keep`` (a regex alternation) and the document/metadata tags."""
    return re.compile(
        rf"</?(?!(?:{keep}|html|head|body|title|meta|link|base|script|style)\b)"
        r"[a-zA-Z][^\s/>]*[^>]*>"
    )


#: Last resorts for deep nesting of other tags (<x><x><x>…, <h2><h2>…): keep only the tags
#: that carry text structure, then only paragraphs and line breaks.
_FLATTEN_PASSES = (
    _LAYOUT_TAGS,
    _STRUCTURE_TAGS,
    _tags_except("h[1-6]|p|br|a|img"),
    _tags_except("p|br"),
)
_BOILERPLATE_TAGS = ("nav", "header", "footer", "aside", "form")
#: Visible characters below which a page is walked directly instead of going through
#: trafilatura: under its MIN_EXTRACTED_SIZE (250 characters, trafilatura's settings.cfg)
#: trafilatura switches to fallback extractors that flatten headings and lists into
#: paragraphs. Twice that, as margin.
TRAFILATURA_MIN_CHARS = 500
_BOILERPLATE_NAMES = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|sidebar|footer|header|cookies?|share|sharing|social|"
    r"comments?|related|breadcrumbs?|newsletter|banner|advert|ads|pub)(?:$|[\s_-])",
    re.IGNORECASE,
)
#: Link schemes that are not links a reader can follow (or are actively hostile).
_DEAD_SCHEMES = ("javascript:", "vbscript:", "data:", "mailto:", "tel:", "about:", "file:")
_WS = re.compile(r"[ \t\n\r\f]+")
_NL = re.compile(r" *\n[ \n]*")


@dataclass(frozen=True, slots=True)
class _Dialect:
    """Tag names of one markup: HTML, or trafilatura's XML (head/p/list/item/quote/ref…)."""

    heading: Callable[[Any], int | None]
    paragraphs: frozenset[str]
    items: frozenset[str]
    quotes: frozenset[str]
    containers: frozenset[str]
    skip: frozenset[str]
    line_breaks: frozenset[str]
    image: str
    image_attr: str
    link: str
    link_attr: str
    #: Drop links wrapped around a heading. In trafilatura's output such a link is a teaser
    #: card for another article; in clean HTML it is kept as written.
    drop_linked_headings: bool = False
    #: Bold or italic inline element: kept as a mark (``Document.marks``).
    emphasis: Callable[[Any], MarkKind | None] = lambda el: None


_HTML_EMPHASIS = {
    "strong": MarkKind.STRONG,
    "b": MarkKind.STRONG,
    "em": MarkKind.EM,
    "i": MarkKind.EM,
}
#: trafilatura's ``include_formatting`` output: ``<hi rend="#b">`` / ``<hi rend="#i">``.
_XML_EMPHASIS = {"#b": MarkKind.STRONG, "#i": MarkKind.EM}


def _html_emphasis(el: Any) -> MarkKind | None:
    return _HTML_EMPHASIS.get(el.tag)


def _xml_emphasis(el: Any) -> MarkKind | None:
    return _XML_EMPHASIS.get(el.get("rend") or "") if el.tag == "hi" else None


def _html_heading(el: Any) -> int | None:
    tag = el.tag
    if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
        return int(tag[1])
    return None


def _xml_heading(el: Any) -> int | None:
    if el.tag != "head":
        return None
    rend = el.get("rend") or ""
    if len(rend) == 2 and rend[0] == "h" and rend[1] in "123456":
        return int(rend[1])
    return 2


HTML = _Dialect(
    heading=_html_heading,
    paragraphs=frozenset(
        [
            "p",
            "pre",
            "address",
            "figcaption",
            "caption",
            "dt",
            "dd",
            "td",
            "th",
            "summary",
            "legend",
        ]
    ),
    items=frozenset({"li"}),
    quotes=frozenset({"blockquote"}),
    containers=frozenset(
        [
            "div",
            "section",
            "article",
            "main",
            "body",
            "html",
            "header",
            "footer",
            "nav",
            "aside",
            "ul",
            "ol",
            "dl",
            "menu",
            "table",
            "thead",
            "tbody",
            "tfoot",
            "tr",
            "figure",
            "details",
            "fieldset",
            "form",
            "hgroup",
            "center",
            "search",
            "dialog",
            "hr",
        ]
    ),
    skip=frozenset(
        [
            "script",
            "style",
            "noscript",
            "template",
            "svg",
            "math",
            "iframe",
            "object",
            "embed",
            "canvas",
            "button",
            "select",
            "input",
            "textarea",
            "option",
            "datalist",
            "head",
            "title",
            "meta",
            "link",
            "audio",
            "video",
            "source",
            "track",
            "map",
            "area",
            "base",
            "frame",
            "frameset",
            "applet",
        ]
    ),
    line_breaks=frozenset({"br"}),
    image="img",
    image_attr="src",
    link="a",
    link_attr="href",
    emphasis=_html_emphasis,
)

TRAFILATURA_XML = _Dialect(
    heading=_xml_heading,
    paragraphs=frozenset({"p", "cell", "code"}),
    items=frozenset({"item"}),
    quotes=frozenset({"quote"}),
    containers=frozenset({"body", "doc", "main", "list", "table", "row", "div"}),
    skip=frozenset({"comments"}),
    line_breaks=frozenset({"lb"}),
    image="graphic",
    image_attr="src",
    link="ref",
    link_attr="target",
    drop_linked_headings=True,
    emphasis=_xml_emphasis,
)


class _Walker:
    """Walks a tree into blocks; collects links and images on the way."""

    def __init__(self, dialect: _Dialect, base_url: str | None) -> None:
        self.d = dialect
        self.base = base_url
        self.blocks: list[Block] = []
        self.links: list[Link] = []
        self.images: list[Image] = []
        self.marks: list[Mark] = []
        #: The marks of the block being built: (kind, visible text, target).
        self._found: list[tuple[MarkKind, str, str]] = []
        self._block_tags = dialect.paragraphs | dialect.items | dialect.quotes | dialect.containers
        #: ``Block.level`` of the list item being walked (depth and numbering).
        self._item_level = 0

    # -- structure ---------------------------------------------------------------------------

    def _is_block(self, el: Any) -> bool:
        return el.tag in self._block_tags or self.d.heading(el) is not None

    def _has_block_inside(self, el: Any) -> bool:
        return any(isinstance(e.tag, str) and self._is_block(e) for e in el.iterdescendants())

    def walk(self, el: Any, kind: BlockKind = BlockKind.PARAGRAPH) -> None:
        """Walk a container or a block element; loose inline content becomes ``kind`` blocks."""
        pieces: list[str] = []
        self._text(pieces, el.text)
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in self.d.skip:
                pass  # comments, processing instructions, scripts…
            elif self._is_block(child):
                self._flush(pieces, kind)
                self._block(child, kind)
            elif tag == self.d.link and self._has_block_inside(child):
                # <a href><h2>Teaser</h2></a>: a link wrapped around blocks.
                self._flush(pieces, kind)
                if not (
                    self.d.drop_linked_headings
                    and any(self.d.heading(e) for e in child.iterdescendants())
                ):
                    self._add_link(child, self._inline(child, record=False))
                    self.walk(child, kind)
            else:
                pieces.append(self._inline(child))
            self._text(pieces, child.tail)
        self._flush(pieces, kind)

    def _block(self, el: Any, context: BlockKind) -> None:
        level = self.d.heading(el)
        if level is not None:
            pieces = [self._inline(el)]
            self._flush(pieces, BlockKind.HEADING, level)
        elif el.tag in self.d.items:
            outer, self._item_level = self._item_level, _list_item_level(el)
            self.walk(el, BlockKind.LIST_ITEM)
            self._item_level = outer
        elif el.tag in self.d.quotes:
            self.walk(el, BlockKind.QUOTE)
        elif el.tag in self.d.paragraphs:
            inherited = context in (BlockKind.LIST_ITEM, BlockKind.QUOTE)
            self.walk(el, context if inherited else BlockKind.PARAGRAPH)
        else:
            self.walk(el, context)

    def _flush(self, pieces: list[str], kind: BlockKind, level: int = 0) -> None:
        text = _NL.sub("\n", "".join(pieces)).strip()
        if kind is BlockKind.HEADING:
            text = text.replace("\n", " ")  # a <br> inside a heading is layout
        pieces.clear()
        if kind is BlockKind.LIST_ITEM:
            level = self._item_level
        elif kind is not BlockKind.HEADING:
            level = 0
        if text:
            self.blocks.append(Block(kind, text, level))
            if kind is not BlockKind.HEADING:  # a heading is rendered as a heading, plain
                self.marks += marks_in(text, self._found)
        self._found = []

    # -- inline ------------------------------------------------------------------------------

    @staticmethod
    def _text(pieces: list[str], text: str | None) -> None:
        if text:
            pieces.append(_WS.sub(" ", text))

    def _inline(self, el: Any, *, record: bool = True) -> str:
        """The visible text of an inline element; records its links and images."""
        tag = el.tag
        if not isinstance(tag, str) or tag in self.d.skip:
            return ""
        if tag in self.d.line_breaks:
            return "\n"
        if tag == self.d.image:
            if record:
                self._add_image(el)
            return ""
        pieces: list[str] = []
        self._text(pieces, el.text)
        for child in el:
            pieces.append(self._inline(child, record=record))
            self._text(pieces, child.tail)
        text = "".join(pieces)
        if tag == self.d.link and record:
            self._add_link(el, text)
        elif record and (emphasis := self.d.emphasis(el)) is not None:
            self._found.append((emphasis, text, ""))
        elif self._is_block(el):
            text = f" {text} "  # a block inside inline content still separates words
        return text

    def _add_link(self, el: Any, text: str) -> None:
        href = (el.get(self.d.link_attr) or "").strip()
        url = follow_link(href, self.base)
        if url is not None:
            self.links.append(Link(url, _WS.sub(" ", text).strip()))
            self._found.append((MarkKind.LINK, text, url))

    def _add_image(self, el: Any) -> None:
        src = (el.get(self.d.image_attr) or el.get("data-src") or "").strip()
        if not src:
            return
        if src.lower().startswith("data:"):
            src = src[:40] + "…"
        elif self.base:
            src = urljoin(self.base, src)
        self.images.append(Image(src, _WS.sub(" ", el.get("alt") or "").strip()))


#: List containers: HTML's, and trafilatura's ``<list rend="ol">``.
_LISTS = frozenset({"ul", "ol", "menu", "list"})


def _list_item_level(item: Any) -> int:
    """``Block.level`` of an ``<li>``/``<item>``: how many lists hold it, and whether its own
    list is numbered."""
    parent = item.getparent()
    ordered = parent is not None and (
        parent.tag == "ol" or (parent.tag == "list" and parent.get("rend") == "ol")
    )
    depth = sum(1 for a in item.iterancestors() if isinstance(a.tag, str) and a.tag in _LISTS)
    return list_item_level(depth, ordered)


def follow_link(href: str, base: str | None) -> str | None:
    """The absolute URL of a followable link; ``None`` for javascript:, mailto:, #anchors…"""
    if not href or href.startswith("#"):
        return None
    lowered = re.sub(r"[\s\x00-\x1f]", "", href).lower()  # "java\tscript:" is still javascript
    if lowered.startswith(_DEAD_SCHEMES):
        return None
    return urljoin(base, href) if base else href


def slug_from_url(url: str | None) -> str | None:
    """The slug of an article URL: the last path segment with letters, preferring one with
    hyphens (``/suisse/berne-interdit-chlorothalonil/story/18348200`` → the hyphenated one)."""
    if not url:
        return None
    segments = [s for s in urlsplit(url).path.split("/") if s]
    segments = [re.sub(r"\.(?:html?|php|aspx?|jsp)$", "", s, flags=re.IGNORECASE) for s in segments]
    with_letters = [s for s in segments if any(c.isalpha() for c in s)]
    for s in reversed(with_letters):
        if "-" in s:
            return s
    return with_letters[-1] if with_letters else None


# -- parsing ---------------------------------------------------------------------------------


def _parse(markup: str) -> Any:
    import lxml.html
    from lxml.etree import ParserError

    parser = lxml.html.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
    try:
        return lxml.html.document_fromstring(markup, parser=parser)
    except (ParserError, ValueError):
        return None


def _parse_shallow(markup: str) -> tuple[Any, str, int]:
    """``(tree, markup, original depth)``: parsed, with layout tags stripped first when the
    tree is deeper than :data:`MAX_DEPTH` (so no recursive walk can overflow). ``tree`` is
    ``None`` when nothing parseable is left."""
    tree = _parse(markup)
    if tree is None:
        return None, markup, 0
    depth = _depth(tree)
    if depth <= MAX_DEPTH:
        return tree, markup, depth
    for pattern in _FLATTEN_PASSES:
        markup = pattern.sub(" ", markup)
        tree = _parse(markup)
        if tree is None or _depth(tree) <= MAX_DEPTH:
            return tree, markup, depth
    return None, markup, depth  # pragma: no cover - <p> and <br> cannot nest


def _depth(tree: Any) -> int:
    from lxml import etree

    depth = deepest = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def _head_meta(tree: Any) -> tuple[Meta, str | None]:
    """(meta, fallback title): ``<title>``, description, canonical URL, slug; og:title."""
    title = tree.find(".//title")
    seo_title = _WS.sub(" ", title.text_content()).strip() if title is not None else ""
    named: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("name") or meta.get("property") or "").strip().lower()
        content = (meta.get("content") or "").strip()
        if key and content and key not in named:
            named[key] = _WS.sub(" ", content)
    canonical = None
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            canonical = link.get("href").strip()
            break
    url = canonical or named.get("og:url")
    if url and not urlsplit(url).scheme:
        url = None  # a relative canonical cannot tell internal from outbound links
    description = (
        named.get("description") or named.get("og:description") or named.get("twitter:description")
    )
    meta = Meta(
        title=seo_title or None,
        description=description or None,
        slug=slug_from_url(url),
        url=url,
    )
    return meta, named.get("og:title")


def og_description(tree: Any) -> str | None:
    """The Open Graph or Twitter description, when the page has no ``description`` meta."""
    for meta in tree.iter("meta"):
        key = (meta.get("name") or meta.get("property") or "").strip().lower()
        if key in ("og:description", "twitter:description") and (meta.get("content") or "").strip():
            return _WS.sub(" ", meta.get("content")).strip()
    return None


def _with_page_meta(meta: Meta, page: PageMeta, prepared: Prepared) -> Meta:
    """The ``<head>`` fields completed by what the page says about itself."""
    categories = page.categories
    return replace(
        meta,
        description=meta.description or page.description,
        headline=page.headline,
        standfirst=prepared.standfirst or page.description or meta.description,
        kicker=prepared.kicker,
        author=page.author,
        published=page.published,
        modified=page.modified,
        site_name=page.site_name,
        section=categories[0] if categories else prepared.kicker,
        categories=categories,
        tags=page.tags,
        image=page.image,
    )


def _page_notes(prepared: Prepared, lang: str) -> list[str]:
    notes = [r.note(lang) for r in prepared.removals or ()]
    if prepared.outside:
        n = prepared.outside
        s = "s" if n > 1 else ""
        notes.append(
            Msg(
                f"{n} encadré{s} hors de l’article (colonnes, autres articles) retiré{s}.",
                f"{n} box{'es' if n > 1 else ''} outside the article (sidebars, other stories) "
                "removed.",
            ).get(lang)
        )
    if prepared.subheads:
        n = prepared.subheads
        s = "s" if n > 1 else ""
        notes.append(
            Msg(
                f"{n} paragraphe{s} en gras seul{s} lu{s} comme intertitre{s} de l’auteur.",
                f"{n} bold-only paragraph{s} read as the author's subhead{s}.",
            ).get(lang)
        )
    if prepared.embeds:
        n = prepared.embeds
        s = "s" if n > 1 else ""
        notes.append(
            Msg(
                f"{n} publication{s} intégrée{s} (réseau social) lue{s} comme citation{s}, "
                f"avec {'leur' if n > 1 else 'son'} attribution.",
                f"{n} embedded post{s} read as quotation{s}, with their attribution.",
            ).get(lang)
        )
    return notes


def _serialise(tree: Any) -> str:
    import lxml.html

    return str(lxml.html.tostring(tree, encoding="unicode"))


def _is_page(tree: Any) -> bool:
    for tag in _BOILERPLATE_TAGS:
        if tree.find(f".//{tag}") is not None:
            return True
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        names = f"{el.get('class') or ''} {el.get('id') or ''}"
        if names.strip() and _BOILERPLATE_NAMES.search(names):
            return True
    return False


def _visible_chars(tree: Any) -> int:
    texts = tree.xpath(
        "//body//text()[not(ancestor::script or ancestor::style or ancestor::noscript "
        "or ancestor::template)]"
    )
    return sum(len(t.strip()) for t in texts)


def _drop_boilerplate(tree: Any) -> None:
    """Remove menus, sidebars and forms, and the page's header and footer, for the direct
    walk. A ``header``/``footer`` inside ``article`` or ``main`` is the article's own (its H1,
    its byline) and stays."""
    doomed = tree.xpath(
        "//nav | //aside | //form"
        " | //header[not(ancestor::article or ancestor::main)]"
        " | //footer[not(ancestor::article or ancestor::main)]"
    )
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()


def _drop_empty_sections(blocks: list[Block]) -> list[Block]:
    """Headings with nothing under them (trafilatura keeps "Articles en relation", teaser
    titles): a heading followed by a heading of the same or higher rank, or by the end."""
    out: list[Block] = []
    for block in reversed(blocks):
        if block.is_heading and (not out or (out[-1].is_heading and out[-1].level <= block.level)):
            continue
        out.append(block)
    out.reverse()
    return out


def _root(tree: Any) -> Any:
    for tag in ("main", "article"):
        found = tree.findall(f".//{tag}")
        if len(found) == 1:
            return found[0]
    body = tree.find(".//body")
    return body if body is not None else tree


def _trafilatura(tree: Any, base_url: str | None) -> tuple[_Walker, str | None] | None:
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            tree,
            url=base_url,
            with_metadata=True,
            favor_precision=True,
            include_comments=False,
            include_links=True,
            include_images=True,
            include_formatting=True,
            include_tables=True,
            deduplicate=False,
        )
    except Exception:  # third-party parser on hostile input: fall back to our own walk
        return None
    body = getattr(result, "body", None)
    if result is None or body is None:
        return None
    walker = _Walker(TRAFILATURA_XML, base_url)
    walker.walk(body)
    return walker, getattr(result, "title", None)


def parse_html(markup: str, name: str, lang: str) -> Parsed:
    """Read an HTML page or fragment; raise EmptyInput when it holds no text."""
    markup = _XML_DECLARATION.sub("", markup, count=1)
    notes: list[str] = []
    tree, markup, depth = _parse_shallow(markup)
    if tree is None:
        raise problems.no_text(name, Msg("la page HTML", "the HTML page"))
    if depth > MAX_DEPTH:
        notes.append(
            Msg(
                f"Structure HTML imbriquée sur {depth} niveaux : balises de mise en page "
                "ignorées pour lire le texte.",
                f"HTML nested {depth} levels deep: layout tags ignored to read the text.",
            ).get(lang)
        )
    scripts = len(tree.findall(".//script"))
    meta, og_title = _head_meta(tree)
    base = meta.url
    if base is None:
        base_el = tree.find(".//base")
        href = base_el.get("href") if base_el is not None else None
        base = href if href and urlsplit(href).scheme else None
    prepared = prepare_page(tree, meta.description or og_description(tree))
    meta = _with_page_meta(meta, page_meta(tree, markup, meta.url, prepared.datelines), prepared)
    notes += _page_notes(prepared, lang)
    markup = _serialise(tree)  # a fallback re-parse must see the prepared page

    walker: _Walker | None = None
    title: str | None = None
    found_h1 = tree.find(".//h1")
    visible_h1 = found_h1.text_content() if found_h1 is not None else None
    if _is_page(tree) and _visible_chars(tree) >= TRAFILATURA_MIN_CHARS:
        extracted = _trafilatura(tree, base)
        if extracted is not None:
            extracted[0].blocks = _drop_empty_sections(extracted[0].blocks)
        if extracted is not None and extracted[0].blocks:
            walker, title = extracted
            notes.append(
                Msg(
                    "Page web : contenu principal extrait avec trafilatura (menus, pieds de page "
                    "et commentaires écartés).",
                    "Web page: main content extracted with trafilatura (menus, footers and "
                    "comments left out).",
                ).get(lang)
            )
        else:
            tree = _parse(markup)  # trafilatura prunes the tree it is given
            if tree is None:  # pragma: no cover - the same markup parsed a moment ago
                raise problems.no_text(name, Msg("la page HTML", "the HTML page"))
    if walker is None:
        _drop_boilerplate(tree)
        walker = _Walker(HTML, base)
        walker.walk(_root(tree))

    blocks = walker.blocks
    if not any(b.is_heading and b.level == 1 for b in blocks):
        h1 = (title or og_title or "").strip()
        # The page's own <h1> when it is that headline said in full ("… en lice, le tribunal
        # tranchera le 14 janvier" for og:title's "… en lice"): a social title is often cut.
        shown = _WS.sub(" ", visible_h1 or "").strip()
        if h1 and len(shown) > len(h1) and fold(shown).startswith(fold(h1).rstrip(" .")):
            h1 = shown
        if h1 and blocks:
            blocks.insert(0, Block(BlockKind.HEADING, _WS.sub(" ", h1), 1))
            notes.append(
                Msg(
                    "Le corps de la page n’a pas de H1 : le titre de la page est repris comme H1.",
                    "The page body has no H1: the page title is used as the H1.",
                ).get(lang)
            )
    if scripts:
        notes.append(
            Msg(
                f"{scripts} balise{'s' if scripts > 1 else ''} <script> ignorée"
                f"{'s' if scripts > 1 else ''} : leur contenu n’est pas du texte.",
                f"{scripts} <script> element{'s' if scripts > 1 else ''} ignored: "
                "code is not text.",
            ).get(lang)
        )
    if not blocks:
        raise problems.no_text(name, Msg("la page HTML", "the HTML page"))
    return Parsed(
        blocks=blocks,
        links=walker.links,
        images=walker.images,
        marks=walker.marks,
        meta=meta,
        notes=notes,
    )


def fragment_blocks(
    markup: str,
) -> tuple[list[Block], list[Link], list[Image], int, list[Mark]]:
    """Blocks of an HTML fragment embedded in Markdown: (blocks, links, images, scripts,
    marks)."""
    tree, _, _ = _parse_shallow(f"<div>{markup}</div>")
    if tree is None:
        return [], [], [], 0, []
    scripts = len(tree.findall(".//script"))
    walker = _Walker(HTML, None)
    walker.walk(_root(tree))
    return walker.blocks, walker.links, walker.images, scripts, walker.marks
