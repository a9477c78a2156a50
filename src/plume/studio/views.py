"""What the result pages show, computed in Python so templates only format.

* :func:`highlighted` turns a text and the checks' spans into markup: every piece of the
  article goes through :func:`markupsafe.escape`, and the only tags are the ones built here.
  Templates never mark article text ``|safe`` — only this function's :class:`Markup`.
* :func:`serp` cuts a title and a description where Google does, by pixel width
  (:mod:`plume.analyse.pixels`, Arial metrics checked against Chromium).
* :func:`edit_lines` lists the edits plume applied to the author's text (sentence edits and
  the cleaner's corrections) and the ones the editor undid, each with its id to undo or restore.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from markupsafe import Markup, escape
from pydantic import BaseModel

from plume.analyse.pixels import SERP_TITLE_FONT_PX, SERP_TITLE_MAX_PX, fit, text_width
from plume.optimisation import OptimiseReport
from plume.report import Change, CheckResult, Rating
from plume.studio.store import RefusedEdit

__all__ = ["EditLine", "SerpPreview", "edit_lines", "highlighted", "marked_diff", "serp"]

#: Google's result description size on desktop: 14 px Arial (the title is 20 px, see pixels.py).
SERP_DESCRIPTION_FONT_PX = 14.0
#: Desktop description width: 920 px, the figure iProspect measured after Google's 2014 redesign
#: ("Google results page looks different: digging into the SEO implications", iProspect, 2014).
DESKTOP_DESCRIPTION_PX = 920
#: Mobile widths are not published by Google and vary with the screen; these are SEO tool
#: vendors' single-line estimates: ≈ 500 px for a title (dailytool.net, "Mobile vs desktop SERP
#: preview": "mobile titles are capped at roughly 450–500 pixels on a single line") and ≈ 600 px
#: for a description (digitalroyalty.co.uk, "SERP Preview": "about 600 pixels vs 920"). The page
#: says they are estimates.
MOBILE_TITLE_PX = 500
MOBILE_DESCRIPTION_PX = 600

_ELLIPSIS = " …"
_CODE = re.compile(r"[^A-Za-z0-9_-]")


@dataclass(frozen=True)
class SerpPreview:
    device: str  # "desktop" | "mobile"
    title: str
    title_cut: bool
    title_px: float
    title_max_px: int
    url: str
    description: str
    description_cut: bool
    description_px: float
    description_max_px: int


def _cut(text: str, max_px: float, font_px: float) -> tuple[str, bool, float]:
    width = text_width(text, font_px)
    if width <= max_px:
        return text, False, width
    # Room for the ellipsis Google appends.
    kept = fit(text, max_px - text_width(_ELLIPSIS, font_px), font_px)
    return kept + _ELLIPSIS, True, width


def serp(title: str, description: str, url: str, device: str) -> SerpPreview:
    """The result as Google would show it on ``device`` ("desktop" or "mobile")."""
    title_max = SERP_TITLE_MAX_PX if device == "desktop" else MOBILE_TITLE_PX
    desc_max = DESKTOP_DESCRIPTION_PX if device == "desktop" else MOBILE_DESCRIPTION_PX
    t, t_cut, t_px = _cut(title, title_max, SERP_TITLE_FONT_PX)
    d, d_cut, d_px = _cut(description, desc_max, SERP_DESCRIPTION_FONT_PX)
    return SerpPreview(device, t, t_cut, t_px, title_max, url, d, d_cut, d_px, desc_max)


def check_key(code: str) -> str:
    """A check code as a token for ``data-k`` (codes are ``[A-Z0-9-]``; anything else dropped)."""
    return _CODE.sub("", code)


def highlighted(text: str, checks: Iterable[CheckResult]) -> Markup:
    """``text`` escaped, each piece covered by some check's spans wrapped in
    ``<span class="seg" data-k="CODE …">``; the page's script toggles the codes clicked."""
    cover: list[tuple[int, int, str]] = []
    n = len(text)
    for c in checks:
        key = check_key(c.code)
        for s in c.spans:
            start, end = max(0, min(s.start, n)), max(0, min(s.end, n))
            if end > start and key:
                cover.append((start, end, key))
    points = sorted({0, n, *(p for s, e, _ in cover for p in (s, e))})
    out: list[str] = []
    for a, b in itertools.pairwise(points):
        piece = escape(text[a:b])
        keys = sorted({k for s, e, k in cover if s <= a and b <= e})
        if keys:
            out.append(f'<span class="seg" data-k="{escape(" ".join(keys))}">{piece}</span>')
        else:
            out.append(str(piece))
    return Markup("".join(out))


_ORDER = {Rating.BAD: 0, Rating.OK: 1, Rating.GOOD: 2, Rating.NA: 3}


def failing_first(checks: Iterable[CheckResult]) -> list[CheckResult]:
    """Red, then orange, then green, then not applicable (``Report.failing``'s order)."""
    return sorted(checks, key=lambda c: (_ORDER[c.rating], c.category, c.code))


#: Invisible characters of the cleaning log, shown as signs an editor can read.
_VISIBLE = {
    " ": "␣",
    "\u00a0": "⍽",  # no-break space
    "\u202f": "ⁿ⍽",  # narrow no-break space (« fine »)
    "\n": "↵",
    "\t": "⇥",
}


def visible(text: str) -> str:
    """``text`` with spaces and line breaks drawn; ``∅`` for nothing."""
    if not text:
        return "∅"
    return "".join(_VISIBLE.get(ch, ch) for ch in text)


@dataclass(frozen=True)
class CleaningLine:
    rule: str
    before: str
    after: str
    count: int


def cleaning_lines(changes: Iterable[Change]) -> list[CleaningLine]:
    """The cleaner's log grouped: one line per (rule, before, after), with how many times,
    in the order each first happened (40 identical apostrophe fixes are one line "× 40")."""
    counts: dict[tuple[str, str, str], int] = {}
    for ch in changes:
        key = (ch.rule, ch.before, ch.after)
        counts[key] = counts.get(key, 0) + 1
    return [CleaningLine(r, visible(b), visible(a), n) for (r, b, a), n in counts.items()]


EditState = Literal["applied", "refused", "suggested"]


class EditLine(BaseModel):
    """One edit of the author's text (``GET /api/runs/{id}/edits``): a sentence edit (its kind:
    "clauses", "relative", "active"…) or a correction (its rule: "COR-SPELLING"…)."""

    id: str
    kind: str
    before: str
    after: str
    #: "applied" (in the article; can be undone), "refused" (undone by the editor; can be
    #: restored), "suggested" (a proposal plume did not apply: shown, nothing to undo).
    state: EditState
    #: How many times in the text (a correction made twice is one line).
    count: int = 1

    @property
    def correction(self) -> bool:
        return self.kind.startswith("COR-")


def edit_lines(res: OptimiseReport, refused: Iterable[RefusedEdit] = ()) -> list[EditLine]:
    """The report's sentence edits, then its corrections, then the edits the editor undid that
    the report no longer shows (a refused correction is not made, so not logged)."""
    lines: list[EditLine] = []
    for e in res.edits:
        state: EditState = "refused" if e.refused else "applied" if e.applied else "suggested"
        after = " ".join(e.after)
        lines.append(EditLine(id=e.id, kind=e.kind, before=e.before, after=after, state=state))
    for c in res.corrections:
        lines.append(
            EditLine(
                id=c.id,
                kind=c.rule,
                # The words around it when the report has them ("dit il était"), else the
                # correction alone, its spaces drawn.
                before=c.excerpt_before or visible(c.before),
                after=c.excerpt_after or visible(c.after),
                state="applied",
                count=c.count,
            )
        )
    shown = {line.id for line in lines}
    for r in refused:
        if r.id not in shown:
            lines.append(
                EditLine(id=r.id, kind=r.kind, before=r.before, after=r.after, state="refused")
            )
            shown.add(r.id)
    return lines


_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


def marked_diff(before: str, after: str) -> tuple[Markup, Markup]:
    """``before`` and ``after`` escaped, the words one has and the other not wrapped in
    ``<mark>``: in a 40-word sentence split in two, the eye goes to the seam."""
    a, b = _TOKEN.findall(before), _TOKEN.findall(after)
    left: list[str] = []
    right: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        old, new = str(escape("".join(a[i1:i2]))), str(escape("".join(b[j1:j2])))
        if op == "equal":
            left.append(old)
            right.append(new)
            continue
        if old:
            left.append(f"<mark>{old}</mark>")
        if new:
            right.append(f"<mark>{new}</mark>")
    return Markup("".join(left)), Markup("".join(right))
