"""The fact check proper: a text's facts looked up in the sources."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from functools import lru_cache

from plume.report import Msg, Span
from plume.verification import Fact, FactCheck, FactKind, FactViolation, SourceMatch
from plume.verify.facts.entities import find_entities, is_title
from plume.verify.facts.extract import (
    find_dates,
    find_dates_en,
    find_numbers,
    find_quotes,
    reading_of,
)
from plume.verify.facts.folding import Folded, RawFact, fold_quotation, fold_words, same_letter

__all__ = ["check_facts", "extract_facts", "extract_raw", "quotation_pieces"]


def extract_raw(text: str, *, entities: bool, reading: str | None = None) -> list[RawFact]:
    reading = reading or reading_of(text)
    dates = list(find_dates_en(text) if reading == "en" else find_dates(text))
    quotes = list(find_quotes(text))
    taken = [(r.start, r.end) for r in dates]
    facts = dates + list(find_numbers(text, taken, reading)) + quotes
    if entities:
        taken = [(r.start, r.end) for r in facts if r.kind is not FactKind.QUOTE]
        facts += [
            r for r in find_entities(text) if not any(r.start < e and s < r.end for s, e in taken)
        ]
    facts.sort(key=lambda r: (r.start, r.end))
    return facts


def extract_facts(text: str, *, entities: bool = True, reading: str | None = None) -> list[Fact]:
    """The checkable facts of ``text`` (not yet compared with anything: ``supported`` is False).

    ``reading`` — ``"fr"`` or ``"en"``: how numbers and dates are written; by default
    English when the text is in English (see the module docstring), else French."""
    return [
        Fact(
            kind=r.kind,
            text=text[r.start : r.end],
            value=r.value,
            span=Span(start=r.start, end=r.end),
        )
        for r in extract_raw(text, entities=entities, reading=reading)
    ]


# --------------------------------------------------------------------------------------------
# Support


_NEWLINE = re.compile(r"\n")
#: A cut marked inside a quotation: "[…]" or "(…)" (folded: "[...]", "(...)").
_CUT = re.compile(r"[\[(]\.\.\.[\])]")
#: What an embedded quotation may add or drop at its edges: the initial "[…]", the final point,
#: question mark or ellipsis of a sentence quoted inside another, a comma or a dash.
_EDGE = " .,;:!?\"'—-[]()"


class _Source:
    """One source, with its facts and folded forms computed once."""

    def __init__(self, index: int, text: str) -> None:
        self.index = index
        self.text = text
        raws = extract_raw(text, entities=False)
        self.numbers = [r for r in raws if r.kind is FactKind.NUMBER]
        self.dates = [r for r in raws if r.kind is FactKind.DATE]
        self.words = fold_words(text)
        self.compact = fold_words(text, compact=True)
        self.quoted = fold_quotation(text)
        # Where each line starts in ``quoted``: a cut quotation's pieces stay in one paragraph.
        self.lines = [bisect_left(self.quoted.offsets, m.end()) for m in _NEWLINE.finditer(text)]

    def match(self, r: RawFact) -> SourceMatch:
        return SourceMatch(
            source=self.index, span=Span(start=r.start, end=r.end), text=self.text[r.start : r.end]
        )

    def folded_match(self, folded: Folded, start: int, end: int) -> SourceMatch:
        span = folded.span(start, end)
        return SourceMatch(source=self.index, span=span, text=self.text[span.start : span.end])


@lru_cache(maxsize=64)
def _source(index: int, text: str) -> _Source:
    """A source indexed once: rewrite mode checks the same sources after every repair round,
    and a batch's threads check many articles (64 entries: the sources of 64 articles in
    flight, the highest concurrency the batch benchmark runs)."""
    return _Source(index, text)


def _find_number(raw: RawFact, sources: Sequence[_Source]) -> SourceMatch | None:
    unit, value = raw.key
    for src in sources:
        for r in src.numbers:
            if r.key[1] == value and (r.key[0] == unit or (unit == "" and r.key[0] != "ord")):
                return src.match(r)
        if unit == "" and "." not in value:  # a bare "2019" written as a number in the output
            for r in src.dates:
                if r.key[0] == value:
                    return src.match(r)
    return None


def _find_date(raw: RawFact, sources: Sequence[_Source]) -> SourceMatch | None:
    for src in sources:
        for r in src.dates:
            if all(not want or want == got for want, got in zip(raw.key, r.key, strict=True)):
                return src.match(r)
        if raw.key[1:] == ("", "", ""):  # a year: also as a bare number of the source
            for r in src.numbers:
                if r.key == ("", raw.key[0]):
                    return src.match(r)
    return None


def _find_entity(raw: RawFact, sources: Sequence[_Source]) -> SourceMatch | None:
    pattern = re.compile(rf"(?<![a-z0-9]){re.escape(raw.value)}(?![a-z0-9])")
    for src in sources:
        if m := pattern.search(src.words.text):
            return src.folded_match(src.words, m.start(), m.end())
    if raw.key and raw.key[0] and raw.key[0] != raw.value:
        capitalised = _find_entity(RawFact(raw.kind, raw.start, raw.end, raw.key[0]), sources)
        if capitalised is not None:
            return capitalised
    words = raw.value.split()
    if len(words) > 1 and is_title(words[0]):
        # "PDG Sam Altman" is supported by "Sam Altman": a title glued to the name.
        return _find_entity(
            RawFact(raw.kind, raw.start, raw.end, " ".join(words[1:]), raw.key), sources
        )
    compact = raw.value.replace(" ", "")
    if len(compact) >= 4:  # "Open AI" = "OpenAI"; too short and it matches inside any word
        for src in sources:
            if (i := src.compact.text.find(compact)) >= 0:
                return src.folded_match(src.compact, i, i + len(compact))
    return None


def quotation_pieces(value: str) -> list[Folded]:
    """The folded pieces of a quotation (offsets into ``value``), cut at its "[…]" marks, their
    edges trimmed."""
    folded = fold_quotation(value)
    pieces: list[Folded] = []
    bounds = [0, *(x for m in _CUT.finditer(folded.text) for x in m.span()), len(folded.text)]
    for start, end in zip(bounds[::2], bounds[1::2], strict=True):
        piece = folded.text[start:end]
        lead = len(piece) - len(piece.lstrip(_EDGE))
        trail = len(piece.rstrip(_EDGE))
        if lead < trail and any(c.isalnum() for c in piece):
            pieces.append(Folded(piece[lead:trail], folded.offsets[start + lead : start + trail]))
    return pieces


def _occurrences(piece: Folded, quote: str, src: _Source, at: int) -> Iterator[int]:
    """Where ``piece`` of ``quote`` is in the source from ``at``: whole words, same letters."""
    folded, text = src.quoted.text, piece.text
    i = folded.find(text, at)
    while i >= 0:
        end = i + len(text)
        whole = not (
            (text[0].isalnum() and i > 0 and folded[i - 1].isalnum())
            or (text[-1].isalnum() and end < len(folded) and folded[end].isalnum())
        )
        if whole and all(
            same_letter(quote[q], src.text[s])
            for q, s in zip(piece.offsets, src.quoted.offsets[i:end], strict=True)
        ):
            yield i
        i = folded.find(text, i + 1)


def _locate(
    pieces: Sequence[Folded], quote: str, src: _Source, at: int = 0, stop: int | None = None
) -> tuple[int, int] | None:
    """The folded span of the source holding the pieces in order, the later ones on the line
    of the first (before ``stop``)."""
    for i in _occurrences(pieces[0], quote, src, at):
        if stop is not None and i >= stop:
            return None
        end = i + len(pieces[0].text)
        if len(pieces) == 1:
            return i, end
        k = bisect_left(src.lines, end)
        line_end = src.lines[k] if k < len(src.lines) else len(src.quoted.text)
        if (tail := _locate(pieces[1:], quote, src, end, line_end)) is not None:
            return i, tail[1]
    return None


def _find_quote(raw: RawFact, sources: Sequence[_Source]) -> SourceMatch | None:
    """A quotation is verbatim when its words are a source's, read as a French editor reads
    them (docs/verification.md): case, kind of quotation marks and apostrophes, spacing, and
    the initial capital and final punctuation of a quotation embedded in a sentence aside."""
    pieces = quotation_pieces(raw.value)
    if not pieces:
        return None
    for src in sources:
        if (found := _locate(pieces, raw.value, src)) is not None:
            return src.folded_match(src.quoted, *found)
    return None


_REASONS = {
    FactKind.NUMBER: Msg(
        "Le nombre « {t} » ne figure dans aucune source.",
        "The number “{t}” appears in no source.",
    ),
    FactKind.DATE: Msg(
        "La date « {t} » ne figure dans aucune source.",
        "The date “{t}” appears in no source.",
    ),
    FactKind.ENTITY: Msg(
        "Le nom « {t} » ne figure dans aucune source.",
        "The name “{t}” appears in no source.",
    ),
    FactKind.QUOTE: Msg(
        "La citation « {t} » ne figure pas telle quelle dans les sources.",
        "The quotation “{t}” does not appear verbatim in the sources.",
    ),
}

_FINDERS = {
    FactKind.NUMBER: _find_number,
    FactKind.DATE: _find_date,
    FactKind.ENTITY: _find_entity,
    FactKind.QUOTE: _find_quote,
}


def check_facts(output: str, source: str | list[str], *, entities: bool = True) -> FactCheck:
    """Check that every number, date, name and quotation of ``output`` is in ``source``.

    ``entities=False`` skips named entities (and so never loads spaCy, ≈ 4 s the first time).
    """
    sources = [_source(i, s) for i, s in enumerate([source] if isinstance(source, str) else source)]
    facts: list[Fact] = []
    violations: list[FactViolation] = []
    for raw in extract_raw(output, entities=entities):
        found = _FINDERS[raw.kind](raw, sources)
        fact = Fact(
            kind=raw.kind,
            text=output[raw.start : raw.end],
            value=raw.value,
            span=Span(start=raw.start, end=raw.end),
            supported=found is not None,
            found=found,
        )
        facts.append(fact)
        if found is None:
            reason = _REASONS[raw.kind]
            violations.append(
                FactViolation.of(
                    fact, Msg(reason.fr.format(t=fact.text), reason.en.format(t=fact.text))
                )
            )
    return FactCheck(facts=facts, violations=violations)
