"""Text width in pixels, as a browser draws it in Arial: for the SEO title width check.

Google cuts result titles by width, and Yoast measures the SEO title in a hidden ``<div>`` in
``arial, sans-serif`` 20 px (yoastseo ``helpers/createMeasurementElement.js``), against 600 px
(``PageTitleWidthAssessment``). :func:`measure` reproduces that measurement without a browser (its
docstring says how); checked against headless Chromium, see docs/calibration.md.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

#: Font size of Yoast's measuring element and of Google's desktop result titles (yoastseo
#: ``helpers/createMeasurementElement.js``: ``fontSize = "20px"``).
SERP_TITLE_FONT_PX = 20.0
#: Yoast ``PageTitleWidthAssessment``: ``maximumLength = 600`` (px).
SERP_TITLE_MAX_PX = 600

_COLLAPSIBLE = re.compile(r"[ \t\n\r\f]+")  # CSS white space; U+00A0 and U+202F are not in it


@dataclass(frozen=True, slots=True)
class _Metrics:
    units_per_em: int
    fallback: float
    advances: dict[str, float]
    kerning: dict[str, float]


@dataclass(frozen=True, slots=True)
class Measure:
    """A measured text: width in px and the characters the table did not know."""

    width: float
    unknown: tuple[str, ...] = ()


@cache
def _metrics() -> _Metrics:
    raw = (
        resources.files("plume.analyse")
        .joinpath("data/liberation_sans_widths.json")
        .read_text(encoding="utf-8")
    )
    data = json.loads(raw)
    advances: dict[str, float] = {**data["advances"], **data["synthesized"]}
    return _Metrics(
        units_per_em=int(data["units_per_em"]),
        fallback=float(data["fallback_advance"]),
        advances=advances,
        kerning=dict(data["kerning"]),
    )


def normalise(text: str) -> str:
    """The text as the browser lays it out: NFC, CSS white space collapsed and trimmed."""
    return _COLLAPSIBLE.sub(" ", unicodedata.normalize("NFC", text)).strip(" ")


def measure(text: str, font_px: float = SERP_TITLE_FONT_PX, *, kerning: bool = True) -> Measure:
    """Width of ``text`` in Arial at ``font_px`` pixels, and the characters measured by estimate.

    * glyph advances of **Liberation Sans**, metric-compatible with Arial (same advance for every
      glyph), read from Debian's ``fonts-liberation`` by ``scripts/make_glyph_widths.py`` into
      ``data/liberation_sans_widths.json``;
    * the font's **pair kerning** ("Te", "AV", "L’"…), because browsers shape text with HarfBuzz
      and apply kerning by default (CSS ``font-kerning: auto``); Arial's own kerning may differ by
      a pixel here and there;
    * white space collapsed as CSS does (``white-space: normal``); no-break spaces kept; the spaces
      the font lacks (U+202F, U+2009…) as wide as HarfBuzz synthesizes them (half a space for
      U+202F);
    * characters outside the table (emoji, CJK, rare scripts) count as the mean width of A–Z, a–z,
      0–9 (``fallback_advance``): an estimate, returned in ``Measure.unknown``.
    """
    m = _metrics()
    s = normalise(text)
    units = 0.0
    unknown: list[str] = []
    prev = ""
    for ch in s:
        adv = m.advances.get(ch)
        if adv is None:
            adv = m.fallback
            unknown.append(ch)
        units += adv
        if kerning and prev:
            units += m.kerning.get(prev + ch, 0)
        prev = ch
    return Measure(units * font_px / m.units_per_em, tuple(unknown))


def text_width(text: str, font_px: float = SERP_TITLE_FONT_PX, *, kerning: bool = True) -> float:
    """Width of ``text`` in pixels, in Arial at ``font_px`` (default: a Google/Yoast title)."""
    return measure(text, font_px, kerning=kerning).width


def fit(text: str, max_px: float, font_px: float = SERP_TITLE_FONT_PX) -> str:
    """The longest start of ``text`` (normalised, cut after a whole word when possible) that fits
    in ``max_px``: what remains visible when a search engine truncates the title."""
    s = normalise(text)
    if text_width(s, font_px) <= max_px:
        return s
    lo, hi = 0, len(s)
    while lo < hi:  # largest prefix length whose width fits (width grows with length)
        mid = (lo + hi + 1) // 2
        if text_width(s[:mid], font_px) <= max_px:
            lo = mid
        else:
            hi = mid - 1
    cut = s[:lo]
    space = cut.rfind(" ")
    return cut[:space].rstrip() if space > 0 else cut
