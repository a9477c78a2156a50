"""Passive voice in French (PLACEHOLDER: naive être + -é/-és/-ée/-ées)."""

from __future__ import annotations

import re

from plume.analyse.text import Sentence
from plume.report import Span

_ETRE = {"est", "sont", "était", "étaient", "été", "sera", "seront", "fut", "furent", "être"}
_PART = re.compile(r".+(é|ée|és|ées)$")


def passive_spans(sentence: Sentence) -> list[Span]:
    """Spans (auxiliary … participle) of each passive clause in ``sentence``."""
    out: list[Span] = []
    ws = sentence.words
    for i, w in enumerate(ws[:-1]):
        if w.norm in _ETRE and _PART.match(ws[i + 1].norm):
            out.append(Span(start=w.start, end=ws[i + 1].end))
    return out
