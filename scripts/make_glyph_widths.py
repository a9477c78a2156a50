#!/usr/bin/env python3
"""Build ``src/plume/analyse/data/liberation_sans_widths.json`` from Liberation Sans Regular.

Why this font: Yoast measures the SEO title in the browser, in a hidden ``<div>`` styled
``font-family: arial, sans-serif; font-size: 20px; font-weight: 400``, and reads its
``offsetWidth`` (yoastseo ``helpers/createMeasurementElement.js``); Google's result titles use the
same Arial stack. Arial itself is proprietary. Liberation Sans is *metric-compatible* with Arial: the
same advance width for every glyph (checked here: "W" 1933, "a" 1139, space 569 in 2048 units, Arial's
published values), and it is what fontconfig substitutes for "Arial" on Linux.

Source: Debian package ``fonts-liberation`` (``apt-get install fonts-liberation``), file
``/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf`` (version 1.07.4, "Liberation Fonts
license", GPLv2 with a font exception). The JSON holds only metrics (advance widths and kerning
values), not the font program.

What is written:

* ``advances``: advance width in font units for every character the font maps in Basic Latin,
  Latin-1, Latin Extended-A, General Punctuation (’ “ ” – — … ‹ › ‰ …) and € ™ − ƒ ˆ ˜.
* ``synthesized``: widths for white-space characters Liberation Sans 1.07 lacks but French text uses
  (U+202F narrow no-break space, U+2009 thin space…), as the browser's shaper synthesizes them (see
  ``_SPACES_EM``), and zero for invisible format characters (soft hyphen, zero-width space…).
* ``kerning``: the font's pair kerning, restricted to the characters above. Liberation Sans 1.07
  has no ligatures (empty GSUB) and one kerning lookup whose GPOS pairs are identical to its legacy
  ``kern`` table (907 pairs; the script checks it). Browsers shape text with HarfBuzz and apply the
  ``kern`` feature by default (CSS ``font-kerning: auto``), so the measured width includes it.
* ``fallback_advance``: the mean advance of A–Z, a–z and 0–9, used for characters outside the table
  (emoji, CJK…); documented in ``plume.analyse.pixels``.

Run: ``.venv/bin/python scripts/make_glyph_widths.py [--font PATH] [--output PATH]``.
Requires fontTools (a dev dependency); the analyser itself only reads the JSON.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

from fontTools.ttLib import TTFont

DEFAULT_FONT = Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf")
DEFAULT_OUTPUT = (
    Path(__file__).resolve().parents[1] / "src/plume/analyse/data/liberation_sans_widths.json"
)

#: Unicode ranges kept (inclusive).
_RANGES = (
    (0x0020, 0x007E),  # Basic Latin, printable
    (0x00A0, 0x00FF),  # Latin-1 Supplement (no-break space, « », à é è ç ô…)
    (0x0100, 0x017F),  # Latin Extended-A (œ Œ…)
    (0x2010, 0x205E),  # General Punctuation (‐ – — ‘ ’ “ ” „ … ‹ › ‰ …)
)
_EXTRA = (0x0192, 0x02C6, 0x02DC, 0x20AC, 0x2122, 0x2212)  # ƒ ˆ ˜ € ™ −

#: Spaces the font lacks. Browsers shape with HarfBuzz, which draws a missing Unicode space with the
#: font's own space glyph and a synthesized advance (``_hb_ot_shape_fallback_spaces``): fractions of
#: the em, a digit's width for the figure space, a full stop's for the punctuation space, and half
#: the ordinary space for U+202F (the French « espace fine insécable »). Checked in headless
#: Chromium 156 with Liberation Sans: every value below matched to the 1/64 px.
_SPACES_EM: dict[int, float] = {
    0x2000: 1 / 2,  # en quad
    0x2001: 1.0,  # em quad
    0x2002: 1 / 2,  # en space
    0x2003: 1.0,  # em space
    0x2004: 1 / 3,  # three-per-em space
    0x2005: 1 / 4,  # four-per-em space
    0x2006: 1 / 6,  # six-per-em space
    0x2009: 1 / 5,  # thin space
    0x200A: 1 / 16,  # hair space
    0x205F: 4 / 18,  # medium mathematical space
}
_NARROW_NBSP = 0x202F  # half the width of U+0020
#: Invisible format characters: zero advance (soft hyphen is only drawn at a line break).
_ZERO_WIDTH = (0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF)


def _wanted() -> list[int]:
    cps = [cp for lo, hi in _RANGES for cp in range(lo, hi + 1)]
    return [*cps, *_EXTRA]


def build(font_path: Path) -> dict[str, object]:
    font = TTFont(font_path)
    upm = int(font["head"].unitsPerEm)
    cmap: dict[int, str] = font.getBestCmap()
    hmtx = font["hmtx"]

    advances: dict[str, int] = {}
    glyph_of: dict[str, str] = {}
    for cp in _wanted():
        glyph = cmap.get(cp)
        if glyph is None or cp in _ZERO_WIDTH:
            continue
        ch = chr(cp)
        advances[ch] = int(hmtx[glyph][0])
        glyph_of[ch] = glyph

    synthesized: dict[str, float] = {}
    for cp, em in _SPACES_EM.items():
        if chr(cp) not in advances:
            synthesized[chr(cp)] = round(em * upm, 2)
    if chr(_NARROW_NBSP) not in advances:
        synthesized[chr(_NARROW_NBSP)] = advances[" "] / 2
    if "\u2007" not in advances:
        synthesized["\u2007"] = advances["0"]  # figure space = digit width
    if "\u2008" not in advances:
        synthesized["\u2008"] = advances["."]  # punctuation space = full stop width
    for cp in _ZERO_WIDTH:
        synthesized[chr(cp)] = 0

    # Kerning: GPOS pair adjustments, cross-checked against the legacy kern table.
    gpos_pairs: dict[tuple[str, str], int] = {}
    if "GPOS" in font:
        order = font.getGlyphOrder()
        for lookup in font["GPOS"].table.LookupList.Lookup:
            if lookup.LookupType != 2:
                raise SystemExit(f"unexpected GPOS lookup type {lookup.LookupType}")
            for sub in lookup.SubTable:
                cov = sub.Coverage.glyphs
                if sub.Format == 1:
                    for i, pair_set in enumerate(sub.PairSet):
                        for rec in pair_set.PairValueRecord:
                            xadv = rec.Value1.XAdvance if rec.Value1 else 0
                            if xadv:
                                gpos_pairs[(cov[i], rec.SecondGlyph)] = int(xadv)
                else:
                    c1, c2 = sub.ClassDef1.classDefs, sub.ClassDef2.classDefs
                    for first in cov:
                        row = sub.Class1Record[c1.get(first, 0)]
                        for second in order:
                            rec2 = row.Class2Record[c2.get(second, 0)]
                            xadv = rec2.Value1.XAdvance if rec2.Value1 else 0
                            if xadv:
                                gpos_pairs[(first, second)] = int(xadv)
    kern_pairs: dict[tuple[str, str], int] = {}
    if "kern" in font:
        for table in font["kern"].kernTables:
            kern_pairs.update({k: int(v) for k, v in table.kernTable.items()})
    if gpos_pairs and kern_pairs and gpos_pairs != kern_pairs:
        raise SystemExit("GPOS and kern tables disagree: decide which one browsers use")
    pairs = gpos_pairs or kern_pairs

    kerning: dict[str, int] = {}
    chars = sorted(glyph_of)
    for a in chars:
        for b in chars:
            value = pairs.get((glyph_of[a], glyph_of[b]))
            if value:
                kerning[a + b] = value

    alnum = [advances[c] for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"]
    name = font["name"]
    return {
        "font": str(name.getDebugName(4)),
        "version": str(name.getDebugName(5)),
        "source": "Debian package fonts-liberation, LiberationSans-Regular.ttf",
        "license": "Liberation Fonts license (GPLv2 with font exception); metrics only",
        "units_per_em": upm,
        "fallback_advance": round(statistics.fmean(alnum)),
        "advances": dict(sorted(advances.items())),
        "synthesized": dict(sorted(synthesized.items())),
        "kerning": dict(sorted(kerning.items())),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--font", type=Path, default=DEFAULT_FONT)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    if not args.font.is_file():
        print(f"{args.font} not found: apt-get install fonts-liberation", file=sys.stderr)
        return 1
    data = build(args.font)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(
        json.dumps(data, ensure_ascii=False, indent=0, sort_keys=False) + "\n", encoding="utf-8"
    )
    adv = data["advances"]
    kern = data["kerning"]
    assert isinstance(adv, dict) and isinstance(kern, dict)
    print(f"wrote {args.output}: {len(adv)} advances, {len(kern)} kerning pairs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
