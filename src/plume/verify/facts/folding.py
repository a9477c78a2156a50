"""Folded forms of a text with offsets back into it (for matching facts accent-, case- and
typography-blind), and the raw fact the extractors produce."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from plume.report import Span
from plume.verification import FactKind

__all__ = ["Folded", "RawFact", "fold_typography", "fold_words", "strip_marks"]


@dataclass(frozen=True, slots=True)
class Folded:
    """A folded copy of a text and, for each of its characters, the offset it came from."""

    text: str
    offsets: tuple[int, ...]

    def span(self, start: int, end: int) -> Span:
        """Span in the original text of the folded slice ``[start, end)``."""
        return Span(start=self.offsets[start], end=self.offsets[end - 1] + 1)


_APOSTROPHES = "'’‘ʼ`´"


def strip_marks(c: str) -> str:
    """``c`` without its combining marks, ligatures kept ("cœur" stays "cœur", one character
    for one). Not :func:`plume.text.strip_accents`, which spells "œ" out and applies
    compatibility forms ("ᵉ" → "e"): the facts' folded values, stored in ``report.json``, and
    the language guard's French table (23 words of wordfreq's list: "cœur", "œuvre"…) would
    change."""
    return "".join(ch for ch in unicodedata.normalize("NFD", c) if not unicodedata.combining(ch))


@cache
def _fold_char(c: str) -> str:
    """One character folded (no accent, lower case). Cached: a text has a few dozen distinct
    characters, and folding every source again at each verification round was a third of
    rewrite mode's CPU time (profiled: 366,000 calls for 12 articles)."""
    return strip_marks(c).lower()


def fold_words(text: str, *, compact: bool = False) -> Folded:
    """Lower case, no accents, every non-alphanumeric run → one space (or nothing if compact)."""
    chars: list[str] = []
    offsets: list[int] = []
    for i, c in enumerate(text):
        for ch in _fold_char(c):
            if ch.isalnum():
                chars.append(ch)
                offsets.append(i)
            elif not compact and chars and chars[-1] != " ":
                chars.append(" ")
                offsets.append(i)
    return Folded("".join(chars), tuple(offsets))


_TYPO = str.maketrans(
    {
        **dict.fromkeys(_APOSTROPHES, "'"),
        "…": "...",
        "«": '"',
        "»": '"',
        "“": '"',
        "”": '"',
        "„": '"',
        "\u2011": "-",  # non-breaking hyphen
    }
)


def fold_typography(text: str) -> Folded:
    """Quotation matching form: case kept; apostrophes, spaces and ellipsis normalised."""
    chars: list[str] = []
    offsets: list[int] = []
    for i, c in enumerate(text):
        if c.isspace():
            if chars and chars[-1] != " ":
                chars.append(" ")
                offsets.append(i)
            continue
        for ch in c.translate(_TYPO):
            chars.append(ch)
            offsets.append(i)
    return Folded("".join(chars), tuple(offsets))


# --------------------------------------------------------------------------------------------
# Extraction


@dataclass(frozen=True, slots=True)
class RawFact:
    kind: FactKind
    start: int
    end: int
    value: str
    #: Numbers: the unit ("" bare, "%", "EUR", "USD", "ord"); dates: the fields y-m-d-w.
    key: tuple[str, ...] = ()
