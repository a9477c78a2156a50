"""Claim support: does the source say what a generated statement says, about the same actors?

A claim (a title, a heading, a meta-description sentence…) is *supported* when one source
sentence, or two adjacent ones, says it: its content words are there (same lemma, a derivation or
a listed synonym), its names and numbers are there and attached to the same words, its negation
and its hedges are the source's, and its agents and patients play the same roles. Everything is
read from one dependency parse (spaCy's small French model) and plume's Lefff lexicon.

The check rejects by default: a claim is accepted only when a window passes every test, because
publishing a false statement costs more than dropping a true one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from plume.report import Msg
from plume.verify.support.checks import (
    frame_check,
    links_check,
    modality_check,
    modifiers_check,
    names_check,
    objects_check,
    polarity_check,
    verbs_check,
)
from plume.verify.support.names import name_like, same_entity
from plume.verify.support.parse import (
    Problem,
    Text,
    Tok,
    Window,
    analyse,
    analyse_source,
    parse_claims,
    preload_support,
    sent_toks,
)
from plume.verify.support.roles import CONTEXT, roles_check, speaker_check
from plume.verify.support.words import plain, word_class

__all__ = ["SupportVerdict", "check_support", "preload_support"]


@dataclass(frozen=True)
class SupportVerdict:
    """The judgement on one claim."""

    claim: str
    supported: bool
    #: The source sentence(s) that support the claim, or the closest ones when it is not.
    evidence: str | None
    reason: Msg


# -- judging ----------------------------------------------------------------------------------

_WEIGHT = {"PROPN": 2.0, "NUM": 2.0, "VERB": 1.5, "NOUN": 1.0, "ADJ": 0.7}
#: Share of the claim's weighted content words a window must cover (0.7 → 0.6 with the
#: structural checks of issue 16: docs/calibration.md, « Support check »).
_MIN_COVER = 0.6
#: Windows tried per claim, best covered first.
_TRIES = 3
#: Share of the claim's words other than names and numbers a window must cover.
_MIN_WORDS = 0.5
#: Sentences of at most this many tokens are fragments.
_FRAGMENT = 8


def _ok(claim: str, evidence: str) -> SupportVerdict:
    return SupportVerdict(claim, True, evidence, Msg("la source le dit", "the source says it"))


def _no(claim: str, evidence: str | None, fr: str, en: str) -> SupportVerdict:
    return SupportVerdict(claim, False, evidence, Msg(fr, en))


def check_support(claims: Sequence[str], source_text: str) -> list[SupportVerdict]:
    """Judge each claim against the source text (parsed once, cached per text)."""
    src = analyse_source(source_text)
    index: dict[str, set[int]] = {}
    for t in src.toks:
        if t.content:
            for k in t.keys:
                index.setdefault(k, set()).add(t.sent)
    docs = parse_claims(claims)
    names = frozenset(k for t in src.toks if t.pos == "PROPN" for k in t.keys)
    verdicts = [
        _judge(claim, analyse(doc, claim=True), src, index, names)
        for claim, doc in zip(claims, docs, strict=True)
    ]
    return [
        replace(v, evidence=_verbatim(source_text, v.evidence)) if v.evidence else v
        for v in verdicts
    ]


#: How the parsed text may differ from the source, character by character.
_LOOSE = {"'": "['’ʼ]", '"': '["«»“”]', " ": "\\s*"}


def _verbatim(source_text: str, evidence: str) -> str:
    """The evidence as the source writes it (its quotes, apostrophes and spaces), when found."""
    parts = []
    for i, ch in enumerate(evidence):
        parts.append(_LOOSE.get(ch, re.escape(ch)))
        if ch.isdigit() and evidence[i + 1 : i + 2].isdigit():
            parts.append(r"\s?")  # "1 000" was read as "1000"
    pattern = "".join(parts)
    found = re.search(pattern, source_text)
    return found.group(0) if found else evidence


def _judge(
    claim: str,
    c: Text,
    src: Text,
    index: dict[str, set[int]],
    names: frozenset[str],
) -> SupportVerdict:
    """The verdict on claim ``c``: the best covered windows are tried in turn; the first that
    passes every check supports it, else the first one's problem is the reason."""
    start = max(c.topic_end, len(c.quoted_by) + 1 if c.quoted_by else 0)
    # A capitalised word opening the claim is a name when the source uses it as one ("Lime").
    c = replace(
        c,
        toks=tuple(
            replace(t, pos="PROPN")
            if t.content and t.text[:1].isupper() and t.pos != "PROPN" and t.keys & names
            else t
            for t in c.toks
        ),
    )
    body = [t for t in c.toks if t.content and t.i >= start]
    if not body:
        return _no(claim, None, "rien à vérifier", "nothing to check")
    ranked = _windows(c, body, src, index)
    windows = [w for w in ranked if _says_enough(body, w)] or ranked[:1]
    if not windows or windows[0].cover < _MIN_COVER or not _says_enough(body, windows[0]):
        ev = _evidence(src, windows[0]) if windows else None
        return _no(
            claim, ev, "aucune phrase de la source ne dit cela", "no source sentence says this"
        )
    first: SupportVerdict | None = None
    for w in windows[:_TRIES]:
        if w.cover < _MIN_COVER:
            break
        ev = _evidence(src, w)
        problem = _problem(c, body, src, w, index)
        if problem is None:
            return _ok(claim, ev)
        if first is None:
            first = _no(claim, ev, *problem)
    assert first is not None
    return first


def _says_enough(body: list[Tok], w: Window) -> bool:
    """Names anchor a claim; what it says of them is in its other words, half of which (by
    weight) the window must have."""
    words = [t for t in body if t.pos not in ("PROPN", "NUM")]
    total = sum(_WEIGHT.get(t.pos, 1.0) for t in words)
    got = sum(_WEIGHT.get(t.pos, 1.0) for t in words if t.i in w.align)
    return total == 0 or got / total >= _MIN_WORDS


def _windows(c: Text, body: list[Tok], src: Text, index: dict[str, set[int]]) -> list[Window]:
    cand: set[int] = set()
    for t in body:
        for k in t.keys:
            cand |= index.get(k, set())
    spans: set[tuple[int, ...]] = {(n,) for n in cand}
    spans |= {(n, n + 1) for n in cand if n + 1 < len(src.sents)}
    spans |= {(n - 1, n) for n in cand if n > 0}
    # A fragment (a list item, a heading cut from its sentence) joins both neighbours.
    spans |= {
        (n - 1, n, n + 1)
        for n in cand | {m + 1 for m in cand} | {m - 1 for m in cand}
        if 0 < n < len(src.sents) - 1 and src.sents[n][1] - src.sents[n][0] <= _FRAGMENT
    }
    total = sum(_WEIGHT.get(t.pos, 1.0) for t in body)
    out: list[Window] = []
    for span in spans:
        align: dict[int, tuple[int, ...]] = {}
        got = 0.0
        toks = [s for n in span for s in sent_toks(src, n) if s.content]
        for t in body:
            hits = tuple(
                s.i
                for s in toks
                if s.keys & t.keys and (not name_like(t) or same_entity(c, t, src, s))
            )
            if hits:
                align[t.i] = hits
                got += _WEIGHT.get(t.pos, 1.0)
        context: set[int] = set()
        names = [t for t in body if t.pos == "PROPN" and t.i not in align]
        referring = [s for n in span for s in _referring(src)[n]] if names else []
        # A pronoun stands for a name of its number ("elles" is not "Catherine Vautrin").
        names = [t for t in names if any(_agrees(s, t) for s in referring)]
        if names:
            before = {
                k
                for n in range(max(0, span[0] - CONTEXT), span[0])
                for s in sent_toks(src, n)
                if s.pos == "PROPN"
                for k in s.keys
            }
            for t in names:
                if t.keys & before:
                    context.add(t.i)
                    # Only half a match: the pronoun may stand for someone else.
                    got += _WEIGHT["PROPN"] / 2
        # A window of several sentences must earn each one after the first.
        cover = got / total - 0.02 * (len(span) - 1)
        out.append(Window(span, cover, align, frozenset(context)))
    out.sort(key=lambda w: (-w.cover, w.sents))
    return out


_REFERRING = frozenset({"nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:arg", "det", "nmod"})


_REFERRING_CACHE: dict[int, tuple[Text, tuple[tuple[Tok, ...], ...]]] = {}


def _referring(src: Text) -> tuple[tuple[Tok, ...], ...]:
    """The referring words of each source sentence (computed once per source)."""
    hit = _REFERRING_CACHE.get(id(src))
    if hit is not None and hit[0] is src:
        return hit[1]
    found = tuple(
        tuple(t for t in sent_toks(src, n) if _refers(src, t)) for n in range(len(src.sents))
    )
    if len(_REFERRING_CACHE) > 8:
        _REFERRING_CACHE.clear()
    _REFERRING_CACHE[id(src)] = (src, found)
    return found


def _agrees(pronoun: Tok, name: Tok) -> bool:
    word = plain(pronoun.text)
    if word in ("son", "sa", "ses", "leur", "leurs") and pronoun.dep == "det":
        # a possessive agrees with its possessor: "son", "sa", "ses" one, "leur(s)" several
        number = "Plur" if word.startswith("leur") else "Sing"
    else:
        number = pronoun.number_gram
    # A name is one person or thing unless the parse says otherwise.
    mine = name.number_gram or "Sing"
    return not number or number == mine


def _refers(src: Text, t: Tok) -> bool:
    """A pronoun standing for someone named before ("il", "son"), not an impersonal "il"; a
    possessive in a sentence whose subject is named is that subject's ("Luis Enrique a
    reconnu que son équipe…")."""
    if plain(t.text) not in word_class("pronoun") or t.dep not in _REFERRING:
        return False
    if t.dep == "det":
        return not any(
            s.pos == "PROPN" and s.dep.startswith("nsubj") for s in sent_toks(src, t.sent)
        )
    return True


def _evidence(src: Text, w: Window) -> str:
    return " ".join(src.sent_text[n] for n in w.sents)


def _problem(
    c: Text, body: list[Tok], src: Text, w: Window, index: dict[str, set[int]]
) -> Problem | None:
    """Why window ``w`` does not support the claim, or ``None`` when it does."""
    for check in (
        names_check,
        verbs_check,
        polarity_check,
        modality_check,
        frame_check,
        speaker_check,
        roles_check,
        objects_check,
        modifiers_check,
        links_check,
    ):
        found = check(c, body, src, w, index)
        if found is not None:
            return found
    return None
