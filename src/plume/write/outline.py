"""The author's outline, read from a cleaned document: headings, label lines, lists, quotations.

Faithful mode keeps the author's structure (issues 17 and 21):

- **heading levels are relative**: the author's distinct heading levels under the title, in
  order, become H2, H3, H4 — a ``###`` with ``####`` under it is an H2 with H3s, whatever the
  source's absolute levels;
- **label lines** ("Introduction :", "Partie 2 :", "Conclusion : …" at the start of a
  paragraph) mark a part of the text, not its subject: the words after the label are the
  heading when there are some ("Partie 3 : mon avis partisan" → "Mon avis partisan"); a bare
  label keeps the boundary and its section gets a heading from its own words; a label before
  any text is dropped (its text is the lead). A label is never left inline;
- **lists** are read back from their items (``Block.level``: depth and numbering) into one
  :class:`~plume.article.BulletList`, nested as in the source; **quotations** (embedded posts)
  keep their attribution (``text — attribution``) in one :class:`~plume.article.Quote`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from plume.article import BulletList, ListItem, Piece, Quote
from plume.document import Block, BlockKind, Document
from plume.lang.fr import read_list
from plume.text import count_words
from plume.write.sections import split_long_paragraph

#: The deepest heading the article writes under its H1 (H2, H3, H4: three levels of outline).
MAX_LEVEL = 4
#: An attribution after the quotation's last dash is a name, a handle and a date: a longer
#: tail is part of the quotation (a dash inside a sentence). Embedded posts' attributions run
#: 3–9 words ("Ville de Genève (@VilledeGeneve) 3 juin 2021").
MAX_ATTRIBUTION_WORDS = 15
#: Space and punctuation a heading or label does not end on (Imprimerie nationale: no final
#: full stop or colon in a heading; "?" and "!" carry meaning and stay).
_HEADING_END = " :.\u00a0\u202f："
_ORDINALS = (
    "première|premier|deuxième|second|seconde|troisième|quatrième|cinquième|sixième|"
    "septième|huitième|neuvième|dixième|dernière|dernier"
)
_NUMBER = rf"(?:\d{{1,3}}|[ivxlc]{{1,6}}|{_ORDINALS})"
_ATTRIBUTION_DASH = re.compile(r"\s[—–]\s")


@cache
def _label_pattern() -> re.Pattern[str]:
    labels = sorted(read_list("structure_labels.txt"), key=len, reverse=True)
    alternatives = "|".join(
        re.escape(label.replace("’", "'")).replace(re.escape("<n>"), _NUMBER) for label in labels
    )
    # The label, then a colon, dash or full stop and the heading's own words, or nothing.
    return re.compile(
        rf"^\s*(?:{alternatives})\s*(?:(?:[:.：]|\s[-–—])\s*(?P<rest>.*?))?\s*$",
        re.IGNORECASE | re.DOTALL,
    )


def heading_label(heading: str) -> str | None:
    """The heading's own words when ``heading`` is a label line ("Partie 3 : mon avis
    partisan" → "mon avis partisan"; "Introduction :" → ""), None when it is not a label."""
    m = _label_pattern().match(heading.replace("’", "'"))
    if m is None:
        return None
    rest = m.group("rest") or ""
    return heading[len(heading) - len(rest) :].strip(_HEADING_END) if rest else ""


def inline_label(paragraph: str) -> tuple[str, str] | None:
    """``(label's own words, the paragraph after it)`` when ``paragraph`` opens on a label and a
    colon ("Conclusion : Initialement…" → ("", "Initialement…")); None otherwise."""
    head, colon, rest = paragraph.partition(":")
    if not colon or not rest.strip() or count_words(head) > 4:
        return None
    if heading_label(head + ":") != "":
        return None  # a label's own words sit in a heading line, not before a paragraph
    return "", rest.strip()


def heading_text(raw: str) -> str:
    """An author's heading without its final colon or full stop ("pour la pâte :" → "pour la
    pâte")."""
    return raw.rstrip(_HEADING_END) or raw


def heading_ranks(doc: Document) -> dict[int, int]:
    """Source heading level (2–6) → article level (2–4): the author's levels in order."""
    levels = sorted({b.level for b in doc.blocks if b.is_heading and b.level > 1})
    return {lv: min(2 + i, MAX_LEVEL) for i, lv in enumerate(levels)}


# --- Lists and quotations -------------------------------------------------------------------------


@dataclass
class _Item:
    text: str
    sub: _List | None = None


@dataclass
class _List:
    ordered: bool
    items: list[_Item] = field(default_factory=list)

    def freeze(self) -> BulletList:
        return BulletList(
            ordered=self.ordered,
            items=[
                ListItem(text=i.text, sublist=i.sub.freeze() if i.sub else None) for i in self.items
            ],
        )


def build_lists(items: Sequence[Block]) -> list[BulletList]:
    """Consecutive list items as lists, nested by depth; a change of numbering at the top level
    starts a new list."""
    out: list[_List] = []
    stack: list[tuple[int, _List]] = []
    for b in items:
        depth = b.list_depth
        while stack and depth < stack[-1][0]:
            stack.pop()
        if stack and depth > stack[-1][0] and stack[-1][1].items:
            parent = stack[-1][1].items[-1]
            if parent.sub is None:
                parent.sub = _List(b.ordered)
            stack.append((depth, parent.sub))
        elif not stack or (len(stack) == 1 and stack[0][1].ordered != b.ordered):
            out.append(_List(b.ordered))
            stack = [(depth, out[-1])]
        stack[-1][1].items.append(_Item(b.text))
    return [x.freeze() for x in out]


def quotation(text: str) -> Quote:
    """A quotation block as a :class:`Quote`: an attribution after the last dash of its last
    line ("… — Ville de Genève (@VilledeGeneve) 3 juin 2021") stays with it."""
    last_line = text.rfind("\n") + 1
    found = list(_ATTRIBUTION_DASH.finditer(text, last_line))
    if found:
        m = found[-1]
        said, by = text[: m.start()].strip(), text[m.end() :].strip()
        if said and by and count_words(by) <= MAX_ATTRIBUTION_WORDS:
            return Quote(text=said, attribution=by)
    return Quote(text=text.strip())


# --- Segments -------------------------------------------------------------------------------------


@dataclass
class Segment:
    """Text under one of the author's boundaries, in reading order."""

    #: The author's heading (final colon dropped, a label's own words); None when plume writes
    #: it (a bare label) or when the segment is the text before the first heading.
    heading: str | None
    #: Article heading level (2–4).
    level: int = 2
    pieces: list[Piece] = field(default_factory=list)
    #: False for the text before the first heading: it has no heading of its own.
    boundary: bool = True
    #: The heading was a label line ("Partie 2 : …"), not a subject the author wrote.
    label: bool = False


def segments(doc: Document, skip: int = 0) -> list[Segment]:
    """The body as segments under the author's boundaries (headings, label lines). The first
    ``skip`` list items (the key points under the title) are left out; nothing else is."""
    ranks = heading_ranks(doc)
    segs = [Segment(None, 2, boundary=False)]
    run: list[Block] = []

    def flush() -> None:
        segs[-1].pieces.extend(build_lists(run))
        run.clear()

    for b in doc.blocks:
        if b.kind is BlockKind.LIST_ITEM:
            if skip:
                skip -= 1
            else:
                run.append(b)
            continue
        flush()
        if b.is_heading:
            if b.level > 1:
                own = heading_label(b.text)
                text = heading_text(b.text) if own is None else own
                segs.append(Segment(text or None, ranks[b.level], label=own is not None))
        elif b.kind is BlockKind.QUOTE:
            _add_quote(segs[-1].pieces, b.text)
        else:
            text = b.text
            if (found := inline_label(text)) is not None:
                words, text = found
                segs.append(Segment(words or None, min(ranks.values(), default=2), label=True))
            segs[-1].pieces.extend(split_long_paragraph(text))
    flush()
    return _settled(segs)


def _add_quote(pieces: list[Piece], text: str) -> None:
    """A quotation. Consecutive quotation blocks with no attribution between them are the
    paragraphs of one quotation (the cleaner splits a post at its line breaks); an attribution
    line of its own ("— Elon Musk (@elonmusk)") closes the quotation before it."""
    prev = pieces[-1] if pieces else None
    if isinstance(prev, Quote) and prev.attribution is None:
        by = text.lstrip(" —–\u00a0")
        if text.lstrip()[:1] in "—–" and by and count_words(by) <= MAX_ATTRIBUTION_WORDS:
            pieces[-1] = Quote(text=prev.text, attribution=by)
        else:
            pieces[-1] = quotation(f"{prev.text}\n{text}")
        return
    pieces.append(quotation(text))


def _settled(segs: list[Segment]) -> list[Segment]:
    """No empty or stacked heading: a heading with sub-sections under it stays (it is their
    parent); an author's heading with no text and nothing under it is read as a line of text
    (a subtitle under the title, say) where it stands; a bare label with no text goes; a
    label before any text is dropped, its text being the lead."""
    out: list[Segment] = []
    for i, seg in enumerate(segs):
        nxt = segs[i + 1] if i + 1 < len(segs) else None
        if not seg.boundary:
            out.append(seg)
            continue
        if seg.heading is None and not any(s.pieces for s in out):
            # A bare label before any text ("Introduction :" under the title).
            out[0].pieces.extend(seg.pieces)
            continue
        parent = seg.heading is not None and nxt is not None and nxt.level > seg.level
        if seg.pieces or parent:
            out.append(seg)
        elif seg.heading is not None and not seg.label:
            # An empty heading, nothing under it: its words stay, as text, where they stand.
            out[-1].pieces.append(seg.heading)
    return out
