"""Wording helpers shared by the checks' messages: plurals, numbers, quoted lists.

Messages are written with plain spaces; :class:`~plume.analyse.checks.base.Verdict` and
:class:`~plume.analyse.checks.base.Rule` give their French the one French spacing,
:func:`plume.text.french_spacing`.
"""

from __future__ import annotations

from collections.abc import Sequence

NBSP = "\u00a0"  # espace insécable (espace-mot)
NNBSP = "\u202f"  # espace fine insécable


def plural_fr(n: int, singular: str, plural: str | None = None) -> str:
    """French uses the singular for 0 and 1 ("0 occurrence"); the plural defaults to
    ``singular + "s"``."""
    return singular if n <= 1 else (plural or singular + "s")


def plural_en(n: int, singular: str, plural: str) -> str:
    return singular if n == 1 else plural


def num_en(x: float, decimals: int = 1) -> str:
    """``x`` with at most ``decimals`` decimals, trailing zeros dropped: 3.50 → "3.5"."""
    s = f"{x:.{decimals}f}"
    return s.rstrip("0").rstrip(".") if "." in s else s


def num_fr(x: float, decimals: int = 1) -> str:
    """The same in French notation (decimal comma): 3.5 → "3,5"."""
    return num_en(x, decimals).replace(".", ",")


def percent_fr(x: float, decimals: int = 1) -> str:
    """A percentage with exactly ``decimals`` decimals, French style: 2.5 → "2,5 %" (narrow
    no-break space before %)."""
    return f"{x:.{decimals}f}".replace(".", ",") + NNBSP + "%"


def quoted_fr(words: Sequence[str]) -> str:
    """Words in French quotation marks, comma-separated: « a », « b »."""
    return ", ".join(f"« {w} »" for w in words)


def quoted_en(words: Sequence[str]) -> str:
    """Words in straight double quotes, comma-separated: "a", "b"."""
    return ", ".join(f'"{w}"' for w in words)
