"""Folded forms of a text with offsets back into it (for matching facts accent-, case- and
typography-blind), and the raw fact the extractors produce."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from plume.report import Span
from plume.verification import FactKind

__all__ = [
    "Folded",
    "RawFact",
    "fold_quotation",
    "fold_typography",
    "fold_words",
    "same_letter",
    "strip_marks",
]


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


_TYPO_CHARS = {
    **dict.fromkeys(_APOSTROPHES, "'"),
    "…": "...",
    "«": '"',
    "»": '"',
    "“": '"',
    "”": '"',
    "„": '"',
    "\u2011": "-",  # non-breaking hyphen
}
_TYPO = str.maketrans(_TYPO_CHARS)


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


#: Quotation marks of every kind (French, English, German, single guillemets) are one mark, and
#: so are the dashes that open an aside (en dash, em dash, figure dash, horizontal bar).
_QUOTATION = str.maketrans(
    {
        **_TYPO_CHARS,
        **dict.fromkeys("‹›", '"'),
        **dict.fromkeys("‒–—―", "—"),
        "\u2010": "-",
        "œ": "oe",
        "Œ": "OE",
        "æ": "ae",
        "Æ": "AE",
    }
)


def fold_quotation(text: str) -> Folded:
    """Quotation matching form: what a French editor reads past when checking that a quotation
    is verbatim. Case and accents are dropped (:func:`same_letter` puts back the accents that
    matter), every kind of apostrophe, quotation mark, dash and ellipsis is one, and spaces only
    separate two words: "crime ?", "crime\u202f?" and "crime?" are one form, as are "l’ IA" and
    "l'IA". Punctuation between words stays: a changed comma is a changed quotation."""
    chars: list[str] = []
    offsets: list[int] = []
    space = -1  # offset of the white space seen since the last character, if any
    for i, c in enumerate(text):
        if c.isspace():
            if space < 0:
                space = i
            continue
        for ch in "".join(_fold_char(t) for t in c.translate(_QUOTATION)):
            if space >= 0 and ch.isalnum() and chars and chars[-1].isalnum():
                chars.append(" ")
                offsets.append(space)
            space = -1
            chars.append(ch)
            offsets.append(i)
    return Folded("".join(chars), tuple(offsets))


def same_letter(a: str, b: str) -> bool:
    """Two characters that :func:`fold_quotation` made equal, read as the same letter: equal but
    for case, or an accent missing on a capital ("A qui" for "À qui": French capitals often go
    unaccented on the web), or not letters at all. "a" for "à" or "du" for "dû" is another word."""
    la, lb = a.lower(), b.lower()
    if la == lb or not (a.isalpha() and b.isalpha()):
        return True
    if strip_marks(la) != strip_marks(lb):
        return True  # not an accent: "œ" against the "oe" it was folded to
    return a.isupper() or b.isupper()


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
