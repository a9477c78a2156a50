"""French text layer: words, sentences, syllables, with character offsets.

PLACEHOLDER IMPLEMENTATION (skeleton): the API is fixed, the internals are being replaced by the
French-aware versions (elision, abbreviations, mute e).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD_RE = re.compile(r"\w+(?:[-’']\w+)*", re.UNICODE)
_SENT_RE = re.compile(r"[^.!?…]+(?:[.!?…]+|$)")


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    start: int
    end: int

    @property
    def norm(self) -> str:
        """Lower case, typographic apostrophe folded to ASCII."""
        return self.text.lower().replace("’", "'")


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    start: int
    end: int
    words: tuple[Word, ...]


def words(text: str, offset: int = 0) -> list[Word]:
    """Word tokens; elided articles (l’, d’, qu’…) are separate tokens."""
    return [Word(m.group(), m.start() + offset, m.end() + offset) for m in _WORD_RE.finditer(text)]


def count_words(text: str) -> int:
    """Words as an editor counts them (whitespace-delimited, punctuation ignored)."""
    return sum(1 for t in text.split() if any(c.isalnum() for c in t))


def sentences(text: str, offset: int = 0) -> list[Sentence]:
    out: list[Sentence] = []
    for m in _SENT_RE.finditer(text):
        s = m.group()
        lead = len(s) - len(s.lstrip())
        s = s.strip()
        if not s:
            continue
        start = m.start() + lead + offset
        out.append(Sentence(s, start, start + len(s), tuple(words(s, start))))
    return out


def syllables(word: str) -> int:
    return max(1, len(re.findall(r"[aeiouyàâäéèêëîïôöûüù]+", word.lower())))
