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
from plume.text import sentences
from plume.verify.support.checks import (
    modality_check,
    modifiers_check,
    names_check,
    objects_check,
    polarity_check,
    quantity_check,
    verbs_check,
)
from plume.verify.support.frames import frame_check
from plume.verify.support.links import links_check
from plume.verify.support.names import name_like, name_partner, same_entity, titles
from plume.verify.support.parse import (
    Problem,
    Text,
    Tok,
    Window,
    analyse,
    analyse_source,
    parse_claims,
    preload_support,
    prepare,
    sent_toks,
)
from plume.verify.support.roles import CONTEXT, roles_check, speaker_check
from plume.verify.support.words import lexicon, plain, word_class

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
    # A claim that is one of the source's sentences, word for word, is what the author says
    # (a "Porz-Meur" cut at its hyphen once failed such a sentence, unseen u6).
    # (plume's sentence splitter: the parser's cut "À Porz-Meur, petite commune…" in three)
    own = {_plain(prepare(x.text)): x.text for x in sentences(source_text)}
    verbatim = {
        i: own[key] for i, claim in enumerate(claims) if (key := _plain(prepare(claim))) in own
    }
    todo = [claim for i, claim in enumerate(claims) if i not in verbatim]
    docs = iter(parse_claims(todo))
    names = frozenset(k for t in src.toks if t.pos == "PROPN" for k in t.keys)
    verdicts = [
        _ok(claim, verbatim[i])
        if i in verbatim
        else _judge(claim, analyse(next(docs), claim=True), src, index, names)
        for i, claim in enumerate(claims)
    ]
    return [
        replace(v, evidence=_verbatim(source_text, v.evidence)) if v.evidence else v
        for v in verdicts
    ]


def _plain(sentence: str) -> str:
    return " ".join(sentence.split()).rstrip(" .!?…").casefold()


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
    misquoted = _misquote(c, src)
    if misquoted is not None:
        return _no(
            claim,
            None,
            f"citation absente de la source : « {misquoted} »",
            f"quotation not in the source: “{misquoted}”",
        )
    titled = _quoted_titles(c, src)
    body = [t for t in c.toks if t.content and t.i >= start and t.i not in titled]
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


#: Longest quoted phrase taken as a title ("« Au soleil couchant »"), in words.
_TITLE_WORDS = 6


def _quoted_titles(c: Text, src: Text) -> frozenset[int]:
    """A short capitalised phrase the claim quotes as the source does ("« Au soleil couchant »")
    names a work, an operation or a slogan: its words are a name, not events ("couchant" is not
    a claim that something set).
    Found verbatim in the source, it is given: what the claim says of it is in its other words,
    so its words (returned) are left out of the claim's body."""
    quotes = [t.i for t in c.toks if t.text == '"']
    if len(quotes) < 2:
        return frozenset()
    where = _plain_source(src)
    named: set[int] = set()
    for a, b in zip(quotes[::2], quotes[1::2], strict=False):
        words = [t for t in c.toks[a + 1 : b] if any(ch.isalnum() for ch in t.text)]
        phrase = " ".join(plain(t.text) for t in c.toks[a + 1 : b])
        # A title is capitalised ("« Au soleil couchant »"); quoted words ("« vachement bon »")
        # are someone's, whose attribution the other checks judge.
        # A quoted sentence is speech ("X : « Les lois ne sont pas appliquées »"); a title may
        # hold a participle ("couchant"), not a conjugated verb.
        title = (
            bool(words)
            and not c.quoted_by
            and words[0].text[:1].isupper()
            and not any(
                t.pos == "AUX" or (t.pos == "VERB" and not _participle(t.text)) for t in words
            )
        )
        if title and len(words) <= _TITLE_WORDS and f'" {phrase} "' in where:
            named |= {t.i for t in words if t.content}
    return frozenset(named)


#: Longest quotation held to the letter, in words (a longer one may be cut or abridged).
_QUOTE_WORDS = 12


def _participle(word: str) -> bool:
    return plain(word).endswith("ant") or lexicon().is_past_participle(word)


def _misquote(c: Text, src: Text) -> str | None:
    """A short quotation of the claim that the source does not have word for word: quotation
    marks say the words are someone's, so they must be the source's ("« Au soleil levant »"
    for "« Au soleil couchant »")."""
    quotes = [t.i for t in c.toks if t.text == '"']
    where = _plain_source(src)
    for a, b in zip(quotes[::2], quotes[1::2], strict=False):
        words = [t for t in c.toks[a + 1 : b] if any(ch.isalnum() for ch in t.text)]
        if not 0 < len(words) <= _QUOTE_WORDS:
            continue
        phrase = " ".join(plain(t.text) for t in c.toks[a + 1 : b])
        if f" {phrase} " not in where:
            return " ".join(t.text for t in c.toks[a + 1 : b])
    return None


_PLAIN_CACHE: dict[int, tuple[Text, str]] = {}


def _plain_source(src: Text) -> str:
    """The source's words, folded and space-separated (computed once per source)."""
    hit = _PLAIN_CACHE.get(id(src))
    if hit is not None and hit[0] is src:
        return hit[1]
    found = " " + " ".join(plain(t.text) for t in src.toks) + " "
    if len(_PLAIN_CACHE) > 8:
        _PLAIN_CACHE.clear()
    _PLAIN_CACHE[id(src)] = (src, found)
    return found


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
    partners = {
        t.i: p for t in body if t.pos == "PROPN" and (p := name_partner(c, t, src)) is not None
    }
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
        # "Sam Altman" where the window says "Altman" and the source "Sam Altman" elsewhere.
        for t in body:
            p = partners.get(t.i)
            if t.i not in align and p is not None and p in align:
                align[t.i] = align[p]
                got += _WEIGHT.get(t.pos, 1.0)
        context: set[int] = set()
        # "le Premier ministre" for "Andrej Babiš", where the source calls him so elsewhere.
        for t in body:
            if t.pos != "PROPN" or t.i in align:
                continue
            if any(s.pos == "NOUN" and titles(src).stands_for(s, t) for s in toks):
                context.add(t.i)
                got += _WEIGHT["PROPN"] * _TITLE_MATCH
        names = [t for t in body if t.pos == "PROPN" and t.i not in align and t.i not in context]
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


#: A title ("le ministre") stands for a name less surely than the name itself.
_TITLE_MATCH = 0.75


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
        quantity_check,
    ):
        found = check(c, body, src, w, index)
        if found is not None:
            return found
    return None
