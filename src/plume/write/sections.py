"""Cut a body into sections at topic shifts, and long paragraphs at sentence boundaries.

Yoast's SubheadingsDistributionTooLong wants a subheading at least every 300 words and its
ParagraphTooLongAssessment paragraphs of at most 150 words. Cutting at fixed counts would put
headings in the middle of an argument, so section boundaries are chosen where the vocabulary
changes most: TextTiling (Hearst, 1997) — the lexical cosine similarity between the paragraphs
just before and just after each candidate boundary, on content-word lemmas — and a dynamic
programme picks the cuts with the lowest total similarity such that every section fits. A cut
before a paragraph that points back ("Mais…", "Il…") or after a sentence announcing what follows
costs more than any other (issue 17: the boundary moves; :data:`JOIN_PENALTY`).
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import cache

from plume.lang.fr import load_french, read_list, time_nouns
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
#: Cost of a boundary before a paragraph that points back ("Mais…", "Il…") or after a sentence
#: announcing what follows: above every other cost of one boundary (SECTION_PENALTY, a
#: similarity ≤ 1, a thin section's 1.0), so it is taken only when no other cut keeps the
#: sections within MAX_SECTION_WORDS (issue 17: the boundary moves).
JOIN_PENALTY = 3.0


def split_long_paragraph(paragraph: str, max_words: int = MAX_PARAGRAPH_WORDS) -> list[str]:
    """``paragraph`` in balanced pieces of at most ``max_words`` words, cut between sentences.

    A single sentence longer than ``max_words`` stays whole (cutting it would change the text).
    """
    if count_words(paragraph) <= max_words:
        return [paragraph]
    sents = [s.text for s in sentences(paragraph)]
    cuts = [0, *balanced_breaks([count_words(s) for s in sents], max_words), len(sents)]
    return [" ".join(sents[a:b]) for a, b in itertools.pairwise(cuts) if a < b]


@cache
def _openers() -> tuple[re.Pattern[str], re.Pattern[str]]:
    def alternation(name: str) -> str:
        entries = sorted(read_list(name), key=len, reverse=True)
        return "|".join(re.escape(e.replace("’", "'")) for e in entries)

    lead = r"^[\s«\"“(—–-]*"
    return (
        re.compile(rf"{lead}(?:{alternation('section_openers.txt')})(?![\w'])", re.IGNORECASE),
        re.compile(
            rf"{lead}(?:{alternation('section_openers_impersonal.txt')})(?![\w'])", re.IGNORECASE
        ),
    )


#: A demonstrative and its noun in the paragraph's first clause ("Ce traitement…", "À cause de
#: ces soutiens, …"): the noun phrase names something the text before introduced.
_DEMONSTRATIVE = re.compile(r"^[^,.;:!?]{0,60}?(?<![\w'])(?:ce|cet|cette|ces)\s+([\w-]+)", re.I)


@cache
def _not_anaphoric() -> frozenset[str]:
    """Words after "ce" that make no reference back: time ("cette année"), and "ce" as a
    pronoun ("ce qui", "ce que")."""
    return time_nouns() | {"qui", "que", "qu", "dont", "sont", "fut", "furent"}


def points_back(paragraph: str) -> bool:
    """``paragraph`` opens on a connector ("Mais", "Pourtant", "En revanche"), a pronoun whose
    referent is in the text before ("Il", "Cette dernière") — not an impersonal "il" ("Il faut",
    "Il y a") — or, in its first clause, a demonstrative noun phrase ("Ce traitement", "à cause
    de ces soutiens"), not one of time ("Cette semaine"): a section cannot start there
    (issue 17)."""
    text = paragraph.replace("’", "'")
    back, impersonal = _openers()
    if back.match(text) is not None and impersonal.match(text) is None:
        return True
    m = _DEMONSTRATIVE.match(text)
    return m is not None and m.group(1).casefold() not in _not_anaphoric()


def introduces(paragraph: str) -> bool:
    """``paragraph`` ends on a colon: it announces what follows (a list, a quotation)."""
    return paragraph.rstrip(' \u00a0\u202f»”"').endswith((":", "："))


def cannot_open(previous: str | None, current: str | None) -> bool:
    """No section boundary between two pieces of text (None for a list or a quotation): the
    second points back at the first, or the first announces it."""
    return (current is not None and points_back(current)) or (
        previous is not None and introduces(previous)
    )


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
    joined: Sequence[bool] | None = None,
) -> list[list[int]]:
    """Groups of consecutive paragraph indices, each at most ``max_words`` words (unless one
    paragraph alone is longer), cut where the topic shifts most (see the module docstring).

    ``joined[i]`` True: no cut between paragraphs ``i - 1`` and ``i`` (the sentence announcing
    a list and the list, a paragraph opening on "Mais" or "Il") unless no other cut keeps every
    section within ``max_words`` (:data:`JOIN_PENALTY`)."""
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
            if start > 0 and joined is not None and joined[start]:
                cost += JOIN_PENALTY
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
