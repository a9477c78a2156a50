"""French transition words and expressions (mots de liaison) in a sentence.

The expressions are data (``lang/fr/data/transition_words.txt``, ``transition_two_part.txt``),
tokenised once into a token index, so matching is whole-token, case-insensitive and blind to the
apostrophe variant: "or" never matches inside "alors", "d'abord" matches "d’abord". At each position
the longest expression wins ("tout d’abord" over "d’abord") and matches do not overlap; a two-part
expression ("d’une part … d’autre part", "ni … ni") counts when both parts occur in order within the
sentence. Ambiguous words are kept only in the contexts where they link sentences
(:data:`CONTEXT_RULES`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

from plume.lang.fr import load_french
from plume.report import Span
from plume.text import Sentence, words

__all__ = ["CONTEXT_RULES", "ContextRule", "transition_spans"]

_Seq = tuple[str, ...]
#: A context test: (sentence, its tokens' norms, index of the match's first token, match length).
ContextRule = Callable[[Sentence, Sequence[str], int, int], bool]

# Punctuation after which a clause-opening connector ("Or, …") may stand mid-sentence.
_CLAUSE_PUNCT = frozenset(",;:—–(")
_DETERMINERS = frozenset(
    [
        "le",
        "un",
        "du",
        "au",
        "ce",
        "cet",
        "son",
        "sa",
        "leur",
        "mon",
        "ton",
        "notre",
        "votre",
        "en",
        "l'",
        "d'",
        "premier",
        "dernier",
    ]
)


def _clause_initial(s: Sentence, norms: Sequence[str], i: int, n: int) -> bool:
    if i == 0:
        return True
    gap = s.text[s.words[i - 1].end - s.start : s.words[i].start - s.start]
    return any(c in _CLAUSE_PUNCT for c in gap)


def _comma_after(s: Sentence, norms: Sequence[str], i: int, n: int) -> bool:
    rest = s.text[s.words[i + n - 1].end - s.start :].lstrip()
    return rest.startswith(",")


def _not_after(previous: frozenset[str]) -> ContextRule:
    def rule(s: Sentence, norms: Sequence[str], i: int, n: int) -> bool:
        return i == 0 or norms[i - 1] not in previous

    return rule


def _not_before(following: frozenset[str]) -> ContextRule:
    def rule(s: Sentence, norms: Sequence[str], i: int, n: int) -> bool:
        return i + n >= len(norms) or norms[i + n] not in following

    return rule


def _not_in_sain_et_sauf(s: Sentence, norms: Sequence[str], i: int, n: int) -> bool:
    return not (i >= 2 and norms[i - 1] == "et" and norms[i - 2].startswith("sain"))


def _not_de_plus_en_plus(s: Sentence, norms: Sequence[str], i: int, n: int) -> bool:
    return tuple(norms[i + n : i + n + 2]) != ("en", "plus")


def _not_in_question(s: Sentence, norms: Sequence[str], i: int, n: int) -> bool:
    return not s.text.rstrip(' »”"’)').endswith("?")


#: A few listed words are ambiguous in French and are kept only in the contexts where they link
#: sentences (decisions, each tested):
#:
#: * ``or`` — the conjunction opens its clause ("Or, rien n’a changé"); elsewhere it is gold
#:   ("l’or", "une médaille d’or"): only at the start of the sentence or after ; : — ( ,
#: * ``bref``, ``plutôt``, ``de là`` — same rule ("un bref délai", "plutôt bien", "loin de là" are
#:   not transitions);
#: * ``sur ce`` — only when followed by a comma ("Sur ce, il partit" but not "sur ce point");
#: * ``car`` — not after a determiner or "en" ("le car", "en car": the coach);
#: * ``puis`` — not after "je" or "ne" ("je ne puis": the verb pouvoir);
#: * ``tant que`` — not after "en" ("en tant que": "as");
#: * ``sauf`` — not in "sain et sauf";
#: * ``de plus``, ``en plus`` — not in "de plus en plus";
#: * ``au fond`` — not before "de/du/des/d’" ("au fond du couloir");
#: * ``d’où`` — not in a question ("D’où vient-il ?").
#:
#: ``comme`` and ``si`` alone are not listed at all (comparison and condition; Yoast leaves them out
#: too); ``soit`` and ``ni`` only count as two-part pairs.
#: Keyed by the expression as written in transition_words.txt.
CONTEXT_RULES: dict[str, ContextRule] = {
    "or": _clause_initial,
    "bref": _clause_initial,
    "plutôt": _clause_initial,
    "de là": _clause_initial,
    "sur ce": _comma_after,
    "car": _not_after(_DETERMINERS),
    "puis": _not_after(frozenset({"je", "ne", "n'"})),
    "tant que": _not_after(frozenset({"en"})),
    "sauf": _not_in_sain_et_sauf,
    "de plus": _not_de_plus_en_plus,
    "en plus": _not_after(frozenset({"plus"})),
    "au fond": _not_before(frozenset({"de", "du", "des", "d'"})),
    "d’où": _not_in_question,
}


#: Separator between tokens in the joined, folded sentence string the regexes run on (a control
#: character: it never occurs inside a token, whereas a number token may contain a space).
_SEP = "\x1f"


def _fold_join(texts: Sequence[str]) -> str:
    """Tokens joined by ``_SEP`` and folded like :attr:`Word.norm`, in three C-level calls."""
    return _SEP.join(texts).lower().replace("’", "'").replace("ʼ", "'")


def _trie_pattern(keys: Sequence[str]) -> str:
    """A regex matching any of ``keys``, as a character trie: Python's ``re`` tries the branches
    of an alternation one by one, a trie lets it reject a position on its first character. At
    each node the longer continuation is tried first, so the longest key wins."""
    trie: dict[str, Any] = {}
    for key in keys:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


def _token_pattern(keys: Sequence[str]) -> re.Pattern[str]:
    """Whole-token matches of any of ``keys`` in a ``_SEP`` + tokens joined by ``_SEP`` string.
    Each match starts with its ``_SEP``: a literal first character lets ``re`` jump from token to
    token instead of trying every character position (3x faster, measured)."""
    return re.compile(f"{_SEP}(?:{_trie_pattern(keys)})(?={_SEP}|$)")


def _key(expr: str) -> str:
    return _fold_join([w.text for w in words(expr)])


@cache
def _index() -> tuple[
    re.Pattern[str], dict[str, ContextRule], list[tuple[re.Pattern[str], re.Pattern[str]]]
]:
    """(one regex for all single expressions, context rules by folded key, two-part pairs)."""
    fr = load_french()
    keys = [_key(e) for e in fr.transition_words]
    unknown = set(CONTEXT_RULES) - set(fr.transition_words)
    if unknown:
        raise ValueError(f"context rules for expressions missing from the list: {sorted(unknown)}")
    rules = {_key(e): rule for e, rule in CONTEXT_RULES.items()}
    pairs = [
        (_token_pattern([_key(a)]), _token_pattern([_key(b)])) for a, b in fr.transition_two_part
    ]
    return _token_pattern([k for k in keys if k]), rules, pairs


def transition_spans(sentence: Sentence) -> list[Span]:
    """Spans of the transition words/expressions found in ``sentence`` (empty if none), in text
    order; for a two-part expression, one span per part."""
    ws = sentence.words
    if not ws:
        return []
    single, rules, pairs = _index()
    joined = _SEP + _fold_join([w.text for w in ws])
    norms: list[str] | None = None
    found: set[tuple[int, int]] = set()

    def span(m: re.Match[str]) -> tuple[int, int, int, int]:
        i = joined.count(_SEP, 0, m.start())
        n = m.group().count(_SEP)
        return ws[i].start, ws[i + n - 1].end, i, n

    pos = 0
    while (m := single.search(joined, pos)) is not None:
        start, end, i, n = span(m)
        rule = rules.get(m.group()[1:])
        if rule is not None:
            norms = norms if norms is not None else joined[1:].split(_SEP)
            if not rule(sentence, norms, i, n):
                pos = m.start() + 1  # a shorter expression may still start here or later
                continue
        found.add((start, end))
        pos = m.end()
    for first, second in pairs:
        a = first.search(joined)
        if a is None:
            continue
        b = second.search(joined, a.end())
        if b is not None:
            found.add(span(a)[:2])
            found.add(span(b)[:2])
    # Drop spans inside another one ("mais" inside "mais aussi" found by a pair).
    spans = sorted(found)
    kept = [
        (s, e)
        for s, e in spans
        if not any(s2 <= s and e <= e2 and (s2, e2) != (s, e) for s2, e2 in spans)
    ]
    return [Span(start=s, end=e) for s, e in kept]
