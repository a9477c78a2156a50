"""Word (.docx) → blocks, links, images, title, with python-docx 1.2.0.

Headings come from paragraph styles, the way Word's navigation pane finds them: the built-in
"Heading 1…6" (shown "Titre 1…6" in a French Word, which still stores the English name),
"Title"/"Titre", any custom style based on one of them, and an explicit outline level. List
items come from list styles ("List Bullet", "Liste à puces", "List Paragraph"…) or numbering
properties, with their depth (numbering level, or "List Bullet 2") and whether they are numbered
(the level's number format, or a "List Number" style). Tables are read cell by cell; merged cells, which python-docx repeats, once.

The zip has already been checked by :func:`plume.ingest.sniff.inspect_zip` (a Word package,
declared sizes within bounds) before python-docx inflates anything.
"""

from __future__ import annotations

import io
import re
from typing import Any

from plume.document import Block, BlockKind, Image, Link, Mark, MarkKind, Meta, list_item_level
from plume.ingest import problems
from plume.ingest.inline import marks_in
from plume.ingest.parsed import Parsed
from plume.report import Msg

_HEADING_STYLE = re.compile(r"^(?:heading|titre|überschrift|titolo|título)\s*([1-9])$", re.I)
_TITLE_STYLE = re.compile(r"^(?:title|titre)$", re.I)
_LIST_STYLE = re.compile(r"\b(?:list|liste|puces?|bullet|numérot)", re.I)
_QUOTE_STYLE = re.compile(r"\b(?:quote|citation)\b", re.I)
#: Style inheritance is shallow in practice (custom → Heading 2 → Normal); the bound only
#: protects against a cyclic ``basedOn`` chain in a hand-edited file.
_MAX_STYLE_DEPTH = 8


def _style_kind(style: Any) -> tuple[BlockKind, int] | None:
    """Heading/list/quote from a paragraph style or the styles it is based on."""
    depth = 0
    while style is not None and depth < _MAX_STYLE_DEPTH:
        name = (getattr(style, "name", None) or "").strip()
        if m := _HEADING_STYLE.match(name):
            return BlockKind.HEADING, min(int(m.group(1)), 6)
        if _TITLE_STYLE.match(name):
            return BlockKind.HEADING, 1
        if _QUOTE_STYLE.search(name):
            return BlockKind.QUOTE, 0
        if _LIST_STYLE.search(name):
            return BlockKind.LIST_ITEM, 0
        style = getattr(style, "base_style", None)
        depth += 1
    return None


def _outline_level(p: Any) -> int | None:
    """Word's outline level 0–8 set on the paragraph itself (9 = body text)."""
    from docx.oxml.ns import qn

    ppr = p._p.pPr
    if ppr is None:
        return None
    lvl = ppr.find(qn("w:outlineLvl"))
    if lvl is None:
        return None
    try:
        value = int(lvl.get(qn("w:val")))
    except (TypeError, ValueError):
        return None
    return min(value + 1, 6) if 0 <= value <= 8 else None


def _numbered(p: Any) -> bool:
    ppr = p._p.pPr
    return ppr is not None and ppr.numPr is not None


#: "List Number", "Liste numérotée", "List Number 2": a numbered list style; a trailing digit is
#: the nesting depth ("List Bullet 2").
_NUMBER_STYLE = re.compile(r"\b(?:number|numéro|numérot)", re.I)
_STYLE_DEPTH = re.compile(r"\s([2-9])$")


def _list_level(p: Any, style: Any) -> int:
    """``Block.level`` of a list paragraph: depth from its numbering level (``w:ilvl``, 0-based)
    or its style's trailing digit; numbered when its numbering format is not a bullet
    (``w:numFmt`` in numbering.xml) or its style says so."""
    from docx.oxml.ns import qn

    name = (getattr(style, "name", None) or "").strip()
    depth = int(m.group(1)) if (m := _STYLE_DEPTH.search(name)) else 1
    ordered = _NUMBER_STYLE.search(name) is not None
    ppr = p._p.pPr
    num = ppr.numPr if ppr is not None else None
    if num is not None:
        ilvl = num.ilvl.val if num.ilvl is not None else 0
        depth = ilvl + 1
        fmt = _num_format(p, num.numId.val if num.numId is not None else None, ilvl, qn)
        if fmt is not None:
            ordered = fmt not in ("bullet", "none")
    return list_item_level(depth, ordered)


def _num_format(p: Any, num_id: int | None, ilvl: int, qn: Any) -> str | None:
    """``w:numFmt`` of level ``ilvl`` of numbering ``num_id`` ("bullet", "decimal"…)."""
    if num_id is None:
        return None
    try:
        numbering = p.part.numbering_part.element
    except (AttributeError, KeyError, NotImplementedError):
        return None
    for num in numbering.findall(qn("w:num")):
        if num.get(qn("w:numId")) != str(num_id):
            continue
        abstract = num.find(qn("w:abstractNumId"))
        if abstract is None:
            return None
        for a in numbering.findall(qn("w:abstractNum")):
            if a.get(qn("w:abstractNumId")) != abstract.get(qn("w:val")):
                continue
            for lvl in a.findall(qn("w:lvl")):
                fmt = lvl.find(qn("w:numFmt"))
                if lvl.get(qn("w:ilvl")) == str(ilvl) and fmt is not None:
                    return str(fmt.get(qn("w:val")))
    return None


def _paragraph_block(p: Any) -> Block | None:
    text = p.text.replace("\r", "\n").strip()
    if not text:
        return None
    try:
        style = p.style
    except (KeyError, ValueError):  # a style id missing from styles.xml
        style = None
    found = _style_kind(style)
    if found is None:
        level = _outline_level(p)
        if level is not None:
            found = (BlockKind.HEADING, level)
        elif _numbered(p):
            found = (BlockKind.LIST_ITEM, 0)
    kind, level = found or (BlockKind.PARAGRAPH, 0)
    if kind is BlockKind.LIST_ITEM:
        level = _list_level(p, style)
    if kind is BlockKind.HEADING:
        text = re.sub(r"\s*\n\s*", " ", text)  # a soft line break inside a heading
    return Block(kind, text, level)


def _links(p: Any) -> list[Link]:
    out: list[Link] = []
    for h in p.hyperlinks:
        url = (h.url or "").strip()
        if url and not url.startswith("#"):
            out.append(Link(url, h.text.strip()))
    return out


def _marks(p: Any, block: Block) -> list[Mark]:
    """Bold and italic runs (consecutive runs joined, a blank run between them does not break
    them) and hyperlinks of a body paragraph, as marks. Only direct formatting counts: a run
    whose ``bold`` is None takes its style's, which is the heading's or the quote's look."""
    if block.is_heading:
        return []
    from docx.text.hyperlink import Hyperlink

    found: list[tuple[MarkKind, str, str]] = []
    open_: dict[MarkKind, list[str]] = {MarkKind.STRONG: [], MarkKind.EM: []}
    for item in p.iter_inner_content():
        for run in item.runs if isinstance(item, Hyperlink) else [item]:
            text = run.text
            for kind, on in ((MarkKind.STRONG, run.bold), (MarkKind.EM, run.italic)):
                if on or (open_[kind] and not text.strip()):
                    open_[kind].append(text)
                elif open_[kind]:
                    found.append((kind, "".join(open_[kind]), ""))
                    open_[kind] = []
    found += [(kind, "".join(pieces), "") for kind, pieces in open_.items() if pieces]
    found += [(MarkKind.LINK, link.text, link.href) for link in _links(p)]
    return marks_in(block.text, found)


def _images(p: Any) -> list[Image]:
    """Pictures in a paragraph: alt text from ``wp:docPr/@descr`` (Word's "Alt Text")."""
    out: list[Image] = []
    for drawing in p._p.xpath(".//w:drawing"):
        props = drawing.xpath(".//wp:docPr")
        alt = (props[0].get("descr") or props[0].get("title") or "") if props else ""
        src = ""
        for rid in drawing.xpath(".//a:blip/@r:embed"):
            part = p.part.related_parts.get(rid)
            if part is not None:
                src = str(part.partname).lstrip("/")
                break
        if not src and props:
            src = props[0].get("name") or "image"
        out.append(Image(src or "image", alt.strip()))
    return out


def parse_docx(data: bytes, name: str) -> Parsed:
    """Read a .docx whose zip has already been vetted; raise on damage or no text."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors…
        raise problems.corrupt_docx(name, type(exc).__name__) from exc

    blocks: list[Block] = []
    links: list[Link] = []
    images: list[Image] = []
    marks: list[Mark] = []

    def paragraph(p: Paragraph) -> None:
        block = _paragraph_block(p)
        if block is not None:
            blocks.append(block)
            marks.extend(_marks(p, block))
        links.extend(_links(p))
        images.extend(_images(p))

    def table(t: Table, depth: int = 0) -> None:
        seen: set[int] = set()
        for row in t.rows:
            for cell in row.cells:
                if id(cell._tc) in seen:
                    continue
                seen.add(id(cell._tc))
                for item in cell.iter_inner_content():
                    if isinstance(item, Paragraph):
                        paragraph(item)
                    elif depth < 4:  # nested tables; deeper nesting is not prose
                        table(item, depth + 1)

    try:
        for item in document.iter_inner_content():
            if isinstance(item, Paragraph):
                paragraph(item)
            else:
                table(item)
        title = (document.core_properties.title or "").strip()
    except Exception as exc:  # malformed XML inside an otherwise valid package
        raise problems.corrupt_docx(name, type(exc).__name__) from exc
    if not blocks:
        raise problems.no_text(name, Msg("le document Word", "the Word document"))
    return Parsed(
        blocks=blocks, links=links, images=images, marks=marks, meta=Meta(title=title or None)
    )
