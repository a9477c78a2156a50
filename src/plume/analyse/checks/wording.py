"""Wording helpers shared by the checks' messages: French spacing, plurals, numbers, quoted lists.

The one place for them: every check module writes its messages with these. (The checks' French
spacing puts a narrow no-break space before ":" too, unlike :func:`plume.text.french_spacing`'s
no-break space, so their messages keep their own helper.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from plume.report import Msg

NBSP = "\u00a0"  # espace insécable (espace-mot)
NNBSP = "\u202f"  # espace fine insécable

_BEFORE_MARK = re.compile(r" ([;:!?%»])")


def message_spacing(s: str) -> str:
    """French message typography: narrow no-break space before ; : ! ? % and inside « ».

    For the checks' own messages, written with ordinary spaces in the source for legibility.
    """
    return _BEFORE_MARK.sub(NNBSP + r"\1", s).replace("« ", "«" + NNBSP)


def fr_msg(fr: str, en: str) -> Msg:
    """A message whose French gets no-break spaces before ; : ! ? % and inside « »."""
    return Msg(message_spacing(fr), en)


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
    return ", ".join(f"«{NBSP}{w}{NBSP}»" for w in words)


def quoted_en(words: Sequence[str]) -> str:
    """Words in straight double quotes, comma-separated: "a", "b"."""
    return ", ".join(f'"{w}"' for w in words)
