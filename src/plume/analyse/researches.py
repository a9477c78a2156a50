"""Researches: measurements computed once per document (yoastseo's ``researches/``).

Checks never re-tokenise: they read :class:`Research`'s cached properties and the functions
below (sections under subheadings, sentence beginnings). Everything here is pure.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache, cached_property

from plume import text as T
from plume.analyse.keyphrase import KeyphraseMatcher
from plume.document import Block, BlockKind, Document
from plume.lang.fr import fold, read_list
from plume.report import Span


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
        """Body blocks: paragraphs and list items; not headings, and not quotations.

        A list item is measured as yoastseo measures it: its own block (``getBlocks`` splits at
        ``<li>``, ``languageProcessing/helpers/html/html.js``) whose text is one sentence or
        more for ``countSentencesFromText`` (``helpers/sentence/getSentences.js``) — so it
        counts in sentence length, like any sentence, and never runs into the next item.
        A quotation (an embedded post, a ``>`` / ``<blockquote>`` block) is left out of every
        measure: its sentences are someone else's, often in another language, and the editor
        cannot shorten them (issue 17). yoastseo measures a ``<blockquote>`` like any block:
        this is a deliberate difference (``quotations`` lists them)."""
        return [
            Paragraph(b.text, s, e, i, b.kind)
            for b, s, e, i in self._spans
            if not b.is_heading and b.kind is not BlockKind.QUOTE
        ]

    @cached_property
    def quotations(self) -> list[Paragraph]:
        """Quotation blocks, left out of the measures (see ``paragraphs``)."""
        return [
            Paragraph(b.text, s, e, i, b.kind)
            for b, s, e, i in self._spans
            if b.kind is BlockKind.QUOTE
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
    def sentence_lengths(self) -> list[int]:
        """Words in each of ``sentences`` (the editor's count, :func:`plume.text.count_words`)."""
        return [T.count_words(s.text) for s in self.sentences]

    @cached_property
    def paragraph_lengths(self) -> list[int]:
        """Words in each of ``paragraphs``."""
        return [T.count_words(p.text) for p in self.paragraphs]

    @cached_property
    def sentence_paragraphs(self) -> list[int]:
        """Index into ``paragraphs`` of the paragraph holding each of ``sentences``."""
        starts = [p.start for p in self.paragraphs]
        return [bisect.bisect_right(starts, s.start) - 1 for s in self.sentences]

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
        matchers = self.__dict__.setdefault("_matchers", {})
        if key not in matchers:
            matchers[key] = KeyphraseMatcher(phrase, synonyms)
        m: KeyphraseMatcher = matchers[key]
        return m


# --- Sections under subheadings (yoastseo getSubheadingTextLengths) ---------------------------


@dataclass(frozen=True, slots=True)
class Section:
    """Body text under one subheading (``heading`` is None for the text before the first)."""

    heading: Heading | None
    paragraphs: tuple[Paragraph, ...]
    words: int
    #: Words in each of ``paragraphs``.
    lengths: tuple[int, ...] = ()

    @property
    def span(self) -> Span:
        """From the subheading (or the first paragraph) to the end of the last paragraph."""
        first = self.paragraphs[0] if self.paragraphs else None
        start = self.heading.start if self.heading is not None else first.start if first else 0
        if self.paragraphs:
            end = self.paragraphs[-1].end
        else:
            end = self.heading.end if self.heading is not None else start
        return Span(start=start, end=end)


def sections(r: Research, min_level: int = 2) -> list[Section]:
    """Split the body at subheadings of level ``min_level`` or deeper.

    The H1 is the article's title, not a subheading (in WordPress, where Yoast runs, the title is
    not part of the analysed text). The text before the first subheading is a section (yoastseo
    ``getSubheadingTextLengths``) when it has words.
    """
    counts = r.paragraph_lengths
    events: list[tuple[int, Heading | int]] = [
        (h.start, h) for h in r.headings if h.level >= min_level
    ]
    events += [(p.start, i) for i, p in enumerate(r.paragraphs)]
    events.sort(key=lambda e: e[0])
    out: list[Section] = []
    heading: Heading | None = None
    paras: list[int] = []

    def close() -> None:
        words = sum(counts[i] for i in paras)
        if heading is not None or words > 0:
            out.append(
                Section(
                    heading,
                    tuple(r.paragraphs[i] for i in paras),
                    words,
                    tuple(counts[i] for i in paras),
                )
            )

    for _, item in events:
        if isinstance(item, Heading):
            close()
            heading, paras = item, []
        else:
            paras.append(item)
    close()
    return out


# --- Sentence beginnings (yoastseo getSentenceBeginnings) ---------------------------------------


@cache
def first_word_exceptions() -> frozenset[str]:
    """Words that take the next word along as a sentence's beginning (articles, numerals…)."""
    return frozenset(fold(w) for w in read_list("first_word_exceptions.txt"))


_APOSTROPHES = "’'"


def sentence_beginning(sentence: T.Sentence, exceptions: frozenset[str]) -> str:
    """The beginning yoastseo compares (``getSentenceBeginning``), made elision-aware.

    The first word, lower-cased; when it is an exception (article, numeral, demonstrative), the
    first two words. An elided first word ("L’", "D’", "Qu’") is glued to the next one, whether the
    tokenizer split it off or not, so "L’entreprise" reads as "l'entreprise" (as in yoastseo,
    whose tokens keep the apostrophe) and "D’abord… D’autres… D’ailleurs…" are three different
    beginnings, not three times "d’".
    """
    words = sentence.words
    if not words:
        return ""
    text, base = sentence.text, sentence.start
    i = 0
    first = fold(words[0].text)
    # Elision: the token ends with an apostrophe, or an apostrophe follows it directly.
    while i + 1 < len(words) and (
        first.endswith("'")
        or (
            words[i].end - base < len(text)
            and text[words[i].end - base] in _APOSTROPHES
            and words[i + 1].start == words[i].end + 1
        )
    ):
        i += 1
        first = first.rstrip("'") + "'" + fold(words[i].text)
    if first in exceptions and i + 1 < len(words):
        first += " " + fold(words[i + 1].text)
    return first


@dataclass(frozen=True, slots=True)
class Run:
    """Consecutive sentences starting with the same beginning."""

    beginning: str
    sentences: tuple[T.Sentence, ...]


def sentence_start_runs(r: Research) -> list[Run]:
    """Maximal runs of consecutive body sentences with the same beginning (length ≥ 1).

    Consecutive means in the same flow of prose: a heading between two sentences breaks the run,
    and list items are left out (parallel list items, each starting with a verb, are good
    practice, not monotony). yoastseo runs the comparison over its sentence list, where headings
    and list items are sentences too.
    """
    exceptions = first_word_exceptions()
    paras = r.paragraphs
    runs: list[Run] = []
    cur_key = ""
    cur: list[T.Sentence] = []
    prev_block = -2

    def flush() -> None:
        if cur:
            runs.append(Run(cur_key, tuple(cur)))

    for s, pi in zip(r.sentences, r.sentence_paragraphs, strict=True):
        para = paras[pi]
        if para.kind is BlockKind.LIST_ITEM:
            flush()
            cur, cur_key, prev_block = [], "", -2
            continue
        key = sentence_beginning(s, exceptions)
        if not key:
            # No word at all ("…", "!"): yoastseo drops such sentences before comparing.
            continue
        contiguous = para.block_index in (prev_block, prev_block + 1)
        if key == cur_key and contiguous:
            cur.append(s)
        else:
            flush()
            cur, cur_key = [s], key
        prev_block = para.block_index
    flush()
    return runs
