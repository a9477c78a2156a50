"""The repetition guard: no repeated or near-duplicate sentence or paragraph in the body
(word 3-gram shingles compared by Jaccard similarity)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from plume.article import Article
from plume.report import Msg
from plume.verification import GuardViolation
from plume.verify.guards.fields import article_fields, label, of, quote, trim
from plume.verify.guards.words import sentences, tokens

__all__ = ["find_repetitions"]

#: Word 3-gram shingles: long enough that shared function-word runs ("de la France") do not
#: make two sentences similar, short enough that a reworded copy still shares most of them.
_SHINGLE = 3
#: Sentences shorter than this are not compared: short stock sentences repeat in real texts
#: ("Il a refusé.", match reports' "But !").
_MIN_SENTENCE_WORDS = 6
#: Near-duplicate sentences: Jaccard similarity of their shingles at least this (calibrated:
#: see docs/calibration.md, « Vérification »).
_SENTENCE_JACCARD = 0.5
#: Paragraphs: compared when both have at least this many words, flagged from this Jaccard.
_MIN_PARAGRAPH_WORDS = 12
_PARAGRAPH_JACCARD = 0.5


def _shingles(tokens: Sequence[str]) -> frozenset[tuple[str, ...]]:
    if len(tokens) < _SHINGLE:
        return frozenset({tuple(tokens)}) if tokens else frozenset()
    return frozenset(tuple(tokens[i : i + _SHINGLE]) for i in range(len(tokens) - _SHINGLE + 1))


def _jaccard(a: frozenset[tuple[str, ...]], b: frozenset[tuple[str, ...]]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


@dataclass(frozen=True, slots=True)
class _Unit:
    field: str
    paragraph: int | None
    text: str
    tokens: tuple[str, ...]
    shingles: frozenset[tuple[str, ...]]


def _pairs(units: Sequence[_Unit]) -> Iterator[tuple[int, int]]:
    """Pairs (i < j) of units sharing at least one shingle (an inverted index, so an article's
    few hundred sentences are not all compared with each other)."""
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    seen: set[tuple[int, int]] = set()
    for j, u in enumerate(units):
        for sh in u.shingles:
            for i in index[sh]:
                if (i, j) not in seen:
                    seen.add((i, j))
                    yield i, j
            index[sh].append(j)


def _similarity(kind: str, a: _Unit, b: _Unit) -> float | None:
    """Similarity when ``a`` and ``b`` count as repeats, else ``None``. A paragraph that merely
    contains a repeated sentence is left to the sentence level, which names the sentence."""
    if a.tokens == b.tokens:
        return 1.0
    jac = _jaccard(a.shingles, b.shingles)
    threshold = _SENTENCE_JACCARD if kind == "sentence" else _PARAGRAPH_JACCARD
    return jac if jac >= threshold else None


def find_repetitions(article: Article) -> list[GuardViolation]:
    """Repeated or near-duplicate sentences and paragraphs of the body (hard): the later
    occurrence is flagged, with the earlier one named in the message."""
    paragraphs: list[_Unit] = []
    sents: list[_Unit] = []
    for f in article_fields(article):
        if not f.body:
            continue
        toks = tuple(tokens(f.text))
        if len(toks) >= _MIN_PARAGRAPH_WORDS:
            paragraphs.append(_Unit(f.field, f.paragraph, f.text, toks, _shingles(toks)))
        for s in sentences(f.text):
            st = tuple(tokens(s.text))
            if len(st) >= _MIN_SENTENCE_WORDS:
                sents.append(_Unit(f.field, f.paragraph, s.text, st, _shingles(st)))
    out: list[GuardViolation] = []
    flagged_paragraphs: set[tuple[str, int | None]] = set()
    for kind, units in (("paragraph", paragraphs), ("sentence", sents)):
        flagged: set[int] = set()
        for i, j in _pairs(units):
            if j in flagged:
                continue
            a, b = units[i], units[j]
            if kind == "sentence" and (b.field, b.paragraph) in flagged_paragraphs:
                continue  # already reported as a whole paragraph
            sim = _similarity(kind, a, b)
            if sim is None:
                continue
            flagged.add(j)
            if kind == "paragraph":
                flagged_paragraphs.add((b.field, b.paragraph))
            out.append(_repetition(kind, a, b, sim))
    return out


def _repetition(kind: str, first: _Unit, again: _Unit, sim: float) -> GuardViolation:
    where = label(first.field, first.paragraph)
    same = sim >= 0.999
    what = {
        "sentence": Msg("Cette phrase", "This sentence"),
        "paragraph": Msg("Ce paragraphe", "This paragraph"),
    }[kind]
    how = (
        Msg("répète mot pour mot", "repeats word for word")
        if same
        else Msg(f"reprend à {round(sim * 100)} %", f"is a {round(sim * 100)}% near-duplicate of")
    )
    pronoun = "il" if kind == "paragraph" else "elle"
    shown, earlier = quote(trim(again.text, 80)), quote(trim(first.text, 80))
    return GuardViolation.of(
        "repetition",
        again.field,
        paragraph=again.paragraph,
        hard=True,
        message=Msg(
            f"{what.fr} {how.fr} un passage {of(where.fr)}.",
            f"{what.en} {how.en} a passage of {where.en}.",
        ),
        excerpt=trim(again.text),
        hint=Msg(
            f"Supprime ou remplace {what.fr.lower()} {shown.fr} : {pronoun} répète "
            f"{earlier.fr} ({where.fr}). Apporte une information nouvelle tirée des sources.",
            f"Delete or replace {what.en.lower()} {shown.en}: it repeats {earlier.en} "
            f"({where.en}). Bring new information from the sources.",
        ),
    )
