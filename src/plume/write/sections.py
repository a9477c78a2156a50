"""Cut a body into sections at topic shifts, and long paragraphs at sentence boundaries.

Yoast's SubheadingsDistributionTooLong wants a subheading at least every 300 words and its
ParagraphTooLongAssessment paragraphs of at most 150 words. Cutting at fixed counts would put
headings in the middle of an argument, so section boundaries are chosen where the vocabulary
changes most: TextTiling (Hearst, 1997) — the lexical cosine similarity between the paragraphs
just before and just after each candidate boundary, on content-word lemmas — and a dynamic
programme picks the cuts with the lowest total similarity such that every section fits.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Sequence

from plume.lang.fr import load_french
from plume.lang.fr.lexicon import load_lexicon
from plume.text import balanced_breaks, count_words, sentences, words

#: Yoast SubheadingsDistributionTooLong: a subheading at least every 300 words.
MAX_SECTION_WORDS = 300
#: Below this a section is too thin to deserve a heading (ours: a heading over two short
#: paragraphs reads as padding); waived when the text cannot be cut otherwise.
MIN_SECTION_WORDS = 80
#: Yoast ParagraphTooLongAssessment: at most 150 words.
MAX_PARAGRAPH_WORDS = 150
#: Cost of each extra section in the dynamic programme, in units of cosine similarity: without
#: it every paragraph would become a section (calibrated: see docs/calibration.md).
SECTION_PENALTY = 0.35
#: TextTiling window: paragraphs compared on each side of a boundary.
WINDOW = 2


def split_long_paragraph(paragraph: str, max_words: int = MAX_PARAGRAPH_WORDS) -> list[str]:
    """``paragraph`` in balanced pieces of at most ``max_words`` words, cut between sentences.

    A single sentence longer than ``max_words`` stays whole (cutting it would change the text).
    """
    if count_words(paragraph) <= max_words:
        return [paragraph]
    sents = [s.text for s in sentences(paragraph)]
    cuts = [0, *balanced_breaks([count_words(s) for s in sents], max_words), len(sents)]
    return [" ".join(sents[a:b]) for a, b in itertools.pairwise(cuts) if a < b]


def content_lemmas(text: str) -> Counter[str]:
    """The content words of ``text`` (no function word, elision or word of two letters), as
    lemmas, counted: what TextTiling compares and what a key sentence must cover."""
    lex = load_lexicon()
    function_words = load_french().function_words
    return Counter(
        lex.lemma(w.norm)
        for w in words(text)
        if w.norm not in function_words and not w.is_elision and len(w.norm) > 2
    )


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(v * b[k] for k, v in a.items() if k in b)
    return dot / math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))


def boundary_similarities(paragraphs: Sequence[str], window: int = WINDOW) -> list[float]:
    """Similarity across each boundary: element ``i`` is between paragraph ``i`` and ``i + 1``."""
    bags = [content_lemmas(p) for p in paragraphs]
    out: list[float] = []
    for i in range(len(paragraphs) - 1):
        before: Counter[str] = sum(
            (bags[j] for j in range(max(0, i - window + 1), i + 1)), Counter()
        )
        after: Counter[str] = sum(
            (bags[j] for j in range(i + 1, min(len(bags), i + 1 + window))), Counter()
        )
        out.append(_cosine(before, after))
    return out


def plan_sections(
    paragraphs: Sequence[str],
    max_words: int = MAX_SECTION_WORDS,
    min_words: int = MIN_SECTION_WORDS,
) -> list[list[int]]:
    """Groups of consecutive paragraph indices, each at most ``max_words`` words (unless one
    paragraph alone is longer), cut where the topic shifts most (see the module docstring)."""
    n = len(paragraphs)
    if n == 0:
        return []
    sizes = [count_words(p) for p in paragraphs]
    if sum(sizes) <= max_words:
        return [list(range(n))]
    sims = boundary_similarities(paragraphs)
    inf = float("inf")
    # best[i]: lowest cost of cutting paragraphs[:i] into sections; prev[i]: where the last starts.
    best = [0.0] + [inf] * n
    prev = [0] * (n + 1)
    for end in range(1, n + 1):
        size = 0
        for start in range(end - 1, -1, -1):
            size += sizes[start]
            if size > max_words and start != end - 1:
                break  # longer sections only get bigger
            if best[start] == inf:
                continue
            thin = size < min_words and not (start == 0 and end == n)
            cost = best[start] + SECTION_PENALTY + (sims[start - 1] if start > 0 else 0.0)
            cost += 1.0 if thin else 0.0  # allowed, but only when nothing else fits
            if cost < best[end]:
                best[end], prev[end] = cost, start
    groups: list[list[int]] = []
    end = n
    while end > 0:
        start = prev[end]
        groups.append(list(range(start, end)))
        end = start
    return groups[::-1]
