"""Transition words (PLACEHOLDER: a handful of single words)."""

from __future__ import annotations

from plume.analyse.text import Sentence
from plume.report import Span

_WORDS = {"mais", "donc", "ainsi", "cependant", "pourtant", "enfin", "puis", "ensuite"}


def transition_spans(sentence: Sentence) -> list[Span]:
    """Spans of the transition words/expressions found in ``sentence`` (empty if none)."""
    return [Span(start=w.start, end=w.end) for w in sentence.words if w.norm in _WORDS]
