"""The sources as numbered passages, and as prompt text that fits a token budget.

A passage is one paragraph of a cleaned source (long ones split at sentence boundaries); the plan
cites passages by number and each section is written from its own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from plume.backends.base import count_tokens_estimate
from plume.document import Document
from plume.text import count_words, sentences
from plume.write.sections import split_long_paragraph

__all__ = ["TOKENS_PER_WORD", "Passage", "fit_passages", "passages_of", "whole_sentences"]

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


def fit_passages(
    passages: Sequence[Passage],
    budget_tokens: int,
    *,
    summary: bool,
    heads: Mapping[int, str] | None = None,
    context: Sequence[Passage] = (),
) -> str:
    """The passages as prompt text within ``budget_tokens``, grouped by source (``heads``: the
    line naming each source, :func:`plume.write.rewrite.context.source_heads`), with the
    ``context`` sentences they depend on marked as such.

    Whole when they fit; otherwise each is shrunk alike to its first *whole* sentences (at most
    two for a plan), never cut inside a sentence — a truncated passage misled a capable model
    (issue 19: "…garantir qu’OpenAI continue de"). A passage keeps its first sentence whatever
    its length: the budget's margin absorbs it."""
    heads = heads or {}

    def render(texts: Sequence[tuple[Passage, str]]) -> str:
        by_source: dict[int, list[tuple[int, int, str]]] = {}
        for p, t in texts:
            by_source.setdefault(p.source, []).append((p.id, 1, f"[P{p.id}] {t}"))
        for c in context:
            line = f"[contexte, avant P{c.id + 1}] {c.text}"
            by_source.setdefault(c.source, []).append((c.id, 2, line))
        blocks = []
        for k in sorted(by_source):
            lines = [line for _, _, line in sorted(by_source[k])]
            head = [heads[k]] if k in heads else []
            blocks.append(f'<source id="{k + 1}">\n' + "\n".join(head + lines) + "\n</source>")
        return "\n\n".join(blocks)

    whole = render([(p, p.text) for p in passages])
    if count_tokens_estimate(whole) <= budget_tokens:
        return whole
    words = max(12, int(budget_tokens / TOKENS_PER_WORD / max(1, len(passages))))
    return render([(p, whole_sentences(p.text, words, 2 if summary else None)) for p in passages])


def whole_sentences(text: str, words: int, most: int | None = None) -> str:
    """The first whole sentences of ``text`` that fit in ``words`` words (``most`` sentences at
    most), never fewer than one."""
    kept: list[str] = []
    total = 0
    for s in sentences(text):
        n = count_words(s.text)
        if kept and (total + n > words or (most is not None and len(kept) >= most)):
            break
        kept.append(s.text)
        total += n
    return " ".join(kept) or text
