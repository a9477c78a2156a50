"""The sources as numbered passages, and as prompt text that fits a token budget.

A passage is one paragraph of a cleaned source (long ones split at sentence boundaries); the plan
cites passages by number and each section is written from its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from plume.backends.base import count_tokens_estimate
from plume.document import Document
from plume.text import sentences
from plume.write.sections import split_long_paragraph

__all__ = ["TOKENS_PER_WORD", "Passage", "fit_passages", "passages_of"]

#: French prose costs ≈ 1.6 tokens a word (3.5 characters a token, see
#: ``plume.backends.base.FRENCH_CHARS_PER_TOKEN``); completions get twice that, then a floor.
TOKENS_PER_WORD = 1.6


@dataclass(frozen=True, slots=True)
class Passage:
    """One paragraph of a source (long ones split at sentence boundaries), numbered from 1."""

    id: int
    source: int
    text: str


def passages_of(sources: Sequence[Document]) -> list[Passage]:
    """The passages of the cleaned sources, in order, headings left out."""
    out: list[Passage] = []
    for k, doc in enumerate(sources):
        for b in doc.blocks:
            if b.is_heading:
                continue
            for piece in split_long_paragraph(b.text):
                out.append(Passage(len(out) + 1, k, piece))
    return out


def fit_passages(passages: Sequence[Passage], budget_tokens: int, *, summary: bool) -> str:
    """The passages as prompt text within ``budget_tokens``: whole when they fit; otherwise each
    shrunk alike (to its first sentences for a plan, its first words for a section)."""

    def render(texts: Sequence[tuple[Passage, str]]) -> str:
        by_source: dict[int, list[str]] = {}
        for p, t in texts:
            by_source.setdefault(p.source, []).append(f"[P{p.id}] {t}")
        return "\n\n".join(
            f'<source id="{k + 1}">\n' + "\n".join(lines) + "\n</source>"
            for k, lines in by_source.items()
        )

    whole = render([(p, p.text) for p in passages])
    if count_tokens_estimate(whole) <= budget_tokens:
        return whole
    words = max(12, int(budget_tokens / TOKENS_PER_WORD / max(1, len(passages))))
    cut: list[tuple[Passage, str]] = []
    for p in passages:
        if summary:
            first = " ".join(s.text for s in sentences(p.text)[:2])
            t = " ".join(first.split()[:words])
        else:
            t = " ".join(p.text.split()[:words])
        cut.append((p, t))
    return render(cut)
