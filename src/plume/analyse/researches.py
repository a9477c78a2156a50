"""Researches: measurements computed once per document (yoastseo's ``researches/``).

Checks never re-tokenise: they read these cached properties. Everything here is pure.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from plume import text as T
from plume.document import Block, BlockKind, Document
from plume.report import Span

if TYPE_CHECKING:
    from plume.analyse.keyphrase import KeyphraseMatcher


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    start: int
    end: int
    block_index: int
    kind: BlockKind


class Research:
    def __init__(self, doc: Document) -> None:
        self.doc = doc

    @cached_property
    def text(self) -> str:
        return self.doc.text

    @cached_property
    def _spans(self) -> list[tuple[Block, int, int, int]]:
        return [
            (b, s, e, i)
            for i, (b, (s, e)) in enumerate(
                zip(self.doc.blocks, self.doc.block_offsets, strict=True)
            )
        ]

    @cached_property
    def headings(self) -> list[Heading]:
        return [Heading(b.level, b.text, s, e) for b, s, e, _ in self._spans if b.is_heading]

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        """Body blocks (everything but headings)."""
        return [
            Paragraph(b.text, s, e, i, b.kind) for b, s, e, i in self._spans if not b.is_heading
        ]

    @cached_property
    def sentences(self) -> list[T.Sentence]:
        return [s for p in self.paragraphs for s in T.sentences(p.text, p.start)]

    @cached_property
    def words(self) -> list[T.Word]:
        return [w for p in self.paragraphs for w in T.words(p.text, p.start)]

    @cached_property
    def word_count(self) -> int:
        return sum(T.count_words(p.text) for p in self.paragraphs)

    @cached_property
    def syllable_count(self) -> int:
        return sum(T.syllables(w.text) for w in self.words)

    @cached_property
    def sentence_passives(self) -> list[list[Span]]:
        """Per sentence (same order as ``sentences``): spans of its passive clauses."""
        from plume.analyse.passive import passive_spans

        return [passive_spans(s) for s in self.sentences]

    @cached_property
    def sentence_transitions(self) -> list[list[Span]]:
        """Per sentence: spans of its transition words/expressions."""
        from plume.analyse.transitions import transition_spans

        return [transition_spans(s) for s in self.sentences]

    def matcher(self, phrase: str, synonyms: tuple[str, ...] = ()) -> KeyphraseMatcher:
        """A cached keyphrase matcher (one per phrase and synonyms)."""
        key = (phrase, synonyms)
        cache = self.__dict__.setdefault("_matchers", {})
        if key not in cache:
            from plume.analyse.keyphrase import KeyphraseMatcher

            cache[key] = KeyphraseMatcher(phrase, synonyms)
        m: KeyphraseMatcher = cache[key]
        return m
