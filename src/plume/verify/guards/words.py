"""Shared by the guards: the guards' own sentence cutter and word tokens, accent- and case-blind
folding with offsets, and the phrase lists (empty phrases, chat leftovers) matched on it."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from plume.lang.fr import read_list

__all__ = [
    "QUOTED",
    "SOURCE_CACHE",
    "TOKEN",
    "PhraseHit",
    "PhraseList",
    "Sentence",
    "find_phrases",
    "fold_offsets",
    "in_quote",
    "phrase_list",
    "sentences",
    "tokens",
]

#: What the guards derive from the sources is derived once per set of sources (a rewrite
#: verifies its draft against the same sources after every repair round).
SOURCE_CACHE = 8

TOKEN = re.compile(r"\w+")
#: Where a sentence ends, for these guards: a terminator, closing quotes, then spaces and an
#: upper-case letter, a digit or an opening quote. Cruder than the analyser's splitter
#: (plume.text.sentences, which knows abbreviations: "M. Dupont"), and five times faster; a
#: wrong cut after "M." only makes a short piece, which the repetition guard skips and the
#: filler share barely notices.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\s»”\"’)]*\s+(?=[«“\"(\[—–-]?\s*[A-ZÀ-ÖØ-Þ0-9])|\n+")
#: A quotation between « », “ ” or straight double quotes.
QUOTED = re.compile(r"«[^«»]*»|“[^“”]*”|\"[^\"\n]*\"")


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    start: int
    end: int


def sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` (stripped), with their offsets."""
    out: list[Sentence] = []
    start = 0
    for m in [*_SENTENCE_END.finditer(text), None]:
        end = m.start() if m else len(text)
        piece = text[start:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            out.append(Sentence(piece.strip(), start + lead, start + lead + len(piece.strip())))
        if m:
            start = m.end()
    return out


def tokens(text: str) -> list[str]:
    """Normalised words: lower case, accents kept, punctuation dropped (l’homme → l, homme)."""
    # Lower-cased token by token: lower-casing the text first can change its length ("İ"),
    # and measure_originality maps token indexes back to spans of the original text.
    return [w.lower() for w in TOKEN.findall(text)]


def in_quote(text: str, start: int, end: int) -> bool:
    """Whether ``[start, end)`` lies inside a quotation of ``text``."""
    return any(m.start() < start and end <= m.end() for m in QUOTED.finditer(text))


class _FoldTable(dict[int, str]):
    """``str.translate`` table folding each character to exactly one: its base letter in lower
    case ("É" → "e"), or a space for anything not alphanumeric (apostrophes, punctuation).
    One character for one keeps offsets identical between a text and its folded form (which
    :func:`plume.text.strip_accents`, spelling "œ" out, would not), and ``translate`` runs in C;
    entries are computed on first sight of a character."""

    def __missing__(self, code: int) -> str:
        base = "".join(
            ch for ch in unicodedata.normalize("NFD", chr(code)) if not unicodedata.combining(ch)
        ).lower()[:1]
        folded = base if base.isalnum() else " "
        self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def fold_offsets(text: str) -> str:
    """Lower case, no accents, non-alphanumerics as spaces; same length as ``text``."""
    return text.translate(_FOLD_TABLE)


@dataclass(frozen=True, slots=True)
class PhraseHit:
    start: int
    end: int
    phrase: str  # the list entry, as written in the data file


@dataclass(frozen=True, slots=True)
class PhraseList:
    pattern: re.Pattern[str]
    entries: dict[str, str]  # folded phrase with single spaces → entry as written


@cache
def phrase_list(name: str) -> PhraseList:
    """A data file's entries as one regular expression over folded text: whole words, any run
    of spaces between words, longest phrases first (so the longest wins at one place)."""
    entries: dict[str, str] = {}
    for e in read_list(name):
        key = " ".join(fold_offsets(e).split())
        if key:
            entries.setdefault(key, e)
    alts = "|".join(
        r" +".join(re.escape(w) for w in key.split()) for key in sorted(entries, key=len)[::-1]
    )
    return PhraseList(re.compile(rf"(?<![^\W_])(?:{alts})(?![^\W_])"), entries)


def find_phrases(text: str, phrases: PhraseList) -> list[PhraseHit]:
    """Non-overlapping occurrences of the phrases in ``text`` (accent-, case- and
    apostrophe-insensitive, on whole words), in text order."""
    return [
        PhraseHit(m.start(), m.end(), phrases.entries[" ".join(m.group().split())])
        for m in phrases.pattern.finditer(fold_offsets(text))
    ]
