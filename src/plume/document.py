"""The ``Document``: what ingest produces and every later stage reads.

A document is a sequence of blocks (headings, paragraphs, list items, quotes). Its ``text`` is the
blocks joined by a blank line; every span in a report is a pair of character offsets into that
text, so the web studio and the terminal can highlight exactly what a check points at.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from functools import cached_property

from pydantic import BaseModel, ConfigDict

BLOCK_SEPARATOR = "\n\n"


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    QUOTE = "quote"


@dataclass(frozen=True, slots=True)
class Block:
    kind: BlockKind
    text: str
    #: Heading level 1–6 for headings. For list items, the nesting depth (1 = top level), negated
    #: for a numbered list (-2: an item of a numbered list nested in another list); 0 = a bulleted
    #: top-level item. 0 for other blocks. Kept in ``level`` so every stage that copies a block
    #: (the cleaner splits and rewrites them) keeps its list shape.
    level: int = 0

    @property
    def is_heading(self) -> bool:
        return self.kind is BlockKind.HEADING

    @property
    def list_depth(self) -> int:
        """Nesting depth of a list item (1 = top level)."""
        return max(1, abs(self.level))

    @property
    def ordered(self) -> bool:
        """A list item of a numbered list."""
        return self.kind is BlockKind.LIST_ITEM and self.level < 0


def list_item_level(depth: int, ordered: bool) -> int:
    """``Block.level`` of a list item at ``depth`` (1 = top level) of a numbered or bulleted list."""
    depth = max(1, depth)
    return -depth if ordered else depth


@dataclass(frozen=True, slots=True)
class Link:
    href: str
    text: str = ""


class MarkKind(StrEnum):
    STRONG = "strong"
    EM = "em"
    LINK = "link"


@dataclass(frozen=True, slots=True)
class Mark:
    """Bold, italic or a link of the source, kept as a phrase rather than offsets: the cleaner
    and the writer rewrite and split sentences, so the renderers find the phrase again in the
    article (:func:`place_marks`). ``before``/``after``: a few words around it in the source,
    to choose between several occurrences."""

    kind: MarkKind
    text: str
    href: str = ""
    before: str = ""
    after: str = ""


@dataclass(frozen=True, slots=True)
class PlacedMark:
    """A mark found again: ``texts[index][start:end]`` is its phrase."""

    index: int
    start: int
    end: int
    mark: Mark


#: One-to-one typographic folding, so a phrase the cleaner retypeset (’ for ', no-break spaces,
#: a line break rejoined) is still found; lengths never change, so offsets stay valid.
_FOLD = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "\u00a0": " ", "\u202f": " ", "\n": " "})
#: Words of a mark's context compared around a candidate occurrence (a window of characters).
_CONTEXT_WINDOW = 60


def _context_words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"\w{3,}", text)}


def _bounded(text: str, start: int, end: int, kind: MarkKind) -> bool:
    """Whole words only ("art" is not in "partie"); an emphasis whose phrase starts or ends with
    punctuation must not touch a letter outside it (CommonMark's flanking rules would then leave
    its ``*`` literal)."""
    phrase = text[start:end]
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if (phrase[0].isalnum() or kind is not MarkKind.LINK) and before.isalnum():
        return False
    return not ((phrase[-1].isalnum() or kind is not MarkKind.LINK) and after.isalnum())


def place_marks(marks: Sequence[Mark], texts: Sequence[str]) -> tuple[PlacedMark, ...]:
    """Where each mark's phrase is in ``texts`` (the article's body, in reading order), in
    ``marks``' order; a mark whose phrase no longer occurs is left out. Among several
    occurrences, the one whose neighbouring words best match the mark's context wins, then the
    first after the mark placed before it (marks come in the source's reading order). Marks
    nest (a bold link) but never cross, and a link never holds another."""
    folded = [t.translate(_FOLD) for t in texts]
    placed: list[PlacedMark] = []
    cursor = (0, 0)
    for mark in marks:
        phrase = " ".join(mark.text.translate(_FOLD).split())
        if not phrase:
            continue
        context = _context_words(f"{mark.before} {mark.after}")
        best: tuple[int, int, int, int] | None = None  # (-score, after cursor?, index, start)
        for index, text in enumerate(folded):
            start = text.find(phrase)
            while start >= 0:
                end = start + len(phrase)
                if _bounded(text, start, end, mark.kind) and _fits(placed, index, start, end, mark):
                    near = f"{text[max(0, start - _CONTEXT_WINDOW) : start]} {text[end : end + _CONTEXT_WINDOW]}"
                    score = len(context & _context_words(near))
                    key = (-score, int((index, start) < cursor), index, start)
                    if best is None or key < best:
                        best = key
                start = text.find(phrase, start + 1)
        if best is not None:
            index, start = best[2], best[3]
            placed.append(PlacedMark(index, start, start + len(phrase), mark))
            cursor = (index, start)
    return tuple(placed)


def _fits(placed: list[PlacedMark], index: int, start: int, end: int, mark: Mark) -> bool:
    for p in placed:
        if p.index != index or p.end <= start or end <= p.start:
            continue
        inside = p.start <= start and end <= p.end
        around = start <= p.start and p.end <= end
        same = (p.start, p.end) == (start, end) and p.mark.kind is mark.kind
        if not (inside or around) or same or MarkKind.LINK is mark.kind is p.mark.kind:
            return False
    return True


def placed_links(marks: Sequence[Mark], texts: Sequence[str]) -> tuple[Link, ...]:
    """The links of ``marks`` that :func:`place_marks` puts in ``texts``: what the renderers
    write, and what the audit of the article counts."""
    return tuple(
        Link(p.mark.href, texts[p.index][p.start : p.end])
        for p in place_marks(marks, texts)
        if p.mark.kind is MarkKind.LINK
    )


@dataclass(frozen=True, slots=True)
class Image:
    src: str
    alt: str = ""


class Brief(BaseModel):
    """The editor's instruction, parsed from an input's first line or given by flags."""

    model_config = ConfigDict(frozen=True)

    #: The line as written, when it came from the input.
    raw: str | None = None
    #: ISO 639-1 code of the language asked for ("fr").
    language: str | None = None
    min_words: int | None = None
    subheadings: bool | None = None
    keyphrase: str | None = None
    #: The brief asks for SEO optimisation.
    seo: bool | None = None

    def merged(self, **overrides: object) -> Brief:
        """Command-line flags override the brief: ``None`` means "not given"."""
        data = self.model_dump()
        data.update({k: v for k, v in overrides.items() if v is not None})
        return Brief(**data)


@dataclass(frozen=True, slots=True)
class Meta:
    """SEO metadata found in the source (HTML head) or given by flags."""

    title: str | None = None  # <title> / SEO title
    description: str | None = None
    slug: str | None = None
    url: str | None = None  # canonical URL or page URL, used to tell internal from outbound links
    # What a web page says about itself (HTML only; plume.ingest.page_meta), for report.json,
    # the front matter and the JSON-LD. None / () when the page does not say.
    headline: str | None = None  # the page's own headline (og:title, JSON-LD headline)
    standfirst: str | None = None  # the chapô, as the page shows it under the headline
    kicker: str | None = None  # the label above or before the standfirst ("Agriculture")
    author: str | None = None  # "Jeanne Corriveau"; several joined by ", "
    published: datetime | None = None  # timezone-aware
    modified: datetime | None = None  # timezone-aware, only when after ``published``
    site_name: str | None = None  # "Le Devoir"
    section: str | None = None  # the page's section or first category ("Nutrition")
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    image: str | None = None  # the page's share image (og:image)


@dataclass(frozen=True, slots=True)
class Source:
    name: str  # file path, "<stdin>" or "<texte>"
    format: str  # txt | md | html | docx
    encoding: str | None = None
    size_bytes: int = 0


@dataclass(frozen=True)
class Document:
    blocks: tuple[Block, ...]
    source: Source
    meta: Meta = field(default_factory=Meta)
    brief: Brief | None = None
    links: tuple[Link, ...] = ()
    images: tuple[Image, ...] = ()
    #: The source's bold, italics and links as phrases (issue 17), in reading order.
    marks: tuple[Mark, ...] = ()
    #: Notes from ingest for the report (e.g. "12 balises <script> ignorées").
    notes: tuple[str, ...] = ()

    @cached_property
    def text(self) -> str:
        return BLOCK_SEPARATOR.join(b.text for b in self.blocks)

    @cached_property
    def block_offsets(self) -> tuple[tuple[int, int], ...]:
        """(start, end) of each block in ``text``."""
        out: list[tuple[int, int]] = []
        pos = 0
        for b in self.blocks:
            out.append((pos, pos + len(b.text)))
            pos += len(b.text) + len(BLOCK_SEPARATOR)
        return tuple(out)

    def with_blocks(self, blocks: tuple[Block, ...]) -> Document:
        return replace(self, blocks=blocks)

    def with_meta(self, meta: Meta) -> Document:
        return replace(self, meta=meta)


@dataclass(frozen=True, slots=True)
class EditorFields:
    """What the editor imposes on top of the brief, travelling as one value through the stages:
    the keyphrase and its synonyms, the word target, and the SEO title, description and slug.
    ``None`` (or no synonyms) means "not given": the brief, the source or plume decides."""

    keyphrase: str | None = None
    synonyms: tuple[str, ...] = ()
    min_words: int | None = None
    title: str | None = None
    meta: str | None = None
    slug: str | None = None
