"""Researches: measurements computed once per document (yoastseo's ``researches/``).

Checks never re-tokenise: they read these cached properties. Everything here is pure.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from plume.analyse import text as T
from plume.document import Block, BlockKind, Document


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
            (b, s, e, i) for i, (b, (s, e)) in enumerate(zip(self.doc.blocks, self.doc.block_offsets))
        ]

    @cached_property
    def headings(self) -> list[Heading]:
        return [Heading(b.level, b.text, s, e) for b, s, e, _ in self._spans if b.is_heading]

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        """Body blocks (everything but headings)."""
        return [Paragraph(b.text, s, e, i, b.kind) for b, s, e, i in self._spans if not b.is_heading]

    @cached_property
    def sentences(self) -> list[T.Sentence]:
        return [s for p in self.paragraphs for s in T.sentences(p.text, p.start)]

    @cached_property
    def words(self) -> list[T.Word]:
        return [w for p in self.paragraphs for w in T.words(p.text, p.start)]

    @cached_property
    def word_count(self) -> int:
        return sum(T.count_words(p.text) for p in self.paragraphs)
