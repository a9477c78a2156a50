"""Passive voice in French: être (any tense) + an agreeing past participle.

:func:`passive_clauses` finds the passive clauses of a sentence (its docstring says what counts and
what is excluded, and why); participles come from the Lefff lexicon. Accuracy on the hand-labelled
set, and against spaCy's ``aux:pass``: ``tests/unit/analyse/test_passive.py`` and
``bench/passive_accuracy.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from plume.lang.fr import read_list
from plume.lang.fr.lexicon import Lexicon, load_lexicon, normalise
from plume.report import Span
from plume.text import Sentence

__all__ = ["PassiveClause", "passive_clauses", "passive_spans"]

# Simple forms of être → grammatical number of the subject ("s", "p", or "" when it can be
# either: "êtes"/"étiez"… also serve the polite singular « vous », infinitive and participle
# have no subject). The "person" set below (1sg, 2sg…) decides reflexive vs dative clitics.
_ETRE_NUMBER: dict[str, str] = {
    **dict.fromkeys(
        [
            "est",
            "était",
            "sera",
            "serait",
            "soit",
            "fut",
            "fût",
            "suis",
            "es",
            "étais",
            "serai",
            "seras",
            "serais",
            "sois",
            "fus",
            "fusse",
            "fusses",
        ],
        "s",
    ),
    **dict.fromkeys(
        [
            "sont",
            "étaient",
            "seront",
            "seraient",
            "soient",
            "furent",
            "fussent",
            "sommes",
            "étions",
            "serons",
            "serions",
            "soyons",
            "fûmes",
            "fussions",
        ],
        "p",
    ),
    **dict.fromkeys(
        ["êtes", "étiez", "serez", "seriez", "soyez", "fûtes", "fussiez", "être", "étant"], ""
    ),
}
_ETRE_PERSON: dict[str, frozenset[str]] = {
    "1s": frozenset(["suis", "étais", "serai", "serais", "sois", "fus", "fusse"]),
    "2s": frozenset(["es", "étais", "seras", "serais", "sois", "fus", "fusses"]),
    "1p": frozenset(["sommes", "étions", "serons", "serions", "soyons", "fûmes", "fussions"]),
    "2p": frozenset(["êtes", "étiez", "serez", "seriez", "soyez", "fûtes", "fussiez"]),
}
# Forms of avoir that build the compound tenses of être ("a été", "avait été", "avoir été").
_AVOIR_NUMBER: dict[str, str] = {
    **dict.fromkeys(
        [
            "a",
            "avait",
            "aura",
            "aurait",
            "ait",
            "eut",
            "eût",
            "ai",
            "as",
            "avais",
            "aurai",
            "auras",
            "aurais",
            "aie",
            "aies",
            "eus",
            "eusse",
        ],
        "s",
    ),
    **dict.fromkeys(
        [
            "ont",
            "avaient",
            "auront",
            "auraient",
            "aient",
            "eurent",
            "eussent",
            "avons",
            "avions",
            "aurons",
            "aurions",
            "ayons",
            "eûmes",
            "eussions",
        ],
        "p",
    ),
    **dict.fromkeys(["avez", "aviez", "aurez", "auriez", "ayez", "avoir", "ayant"], ""),
}
_INVERTED_SUBJECT = frozenset(
    ["t", "il", "elle", "on", "ils", "elles", "je", "tu", "nous", "vous", "ce"]
)
_NEGATION = frozenset({"ne", "n'"})
_REFLEXIVE = {"se": "", "s'": "", "me": "1s", "m'": "1s", "te": "2s", "t'": "2s"}
# Negation words, "si" (adverb of degree, but a conjunction in the lexicon) and floating
# quantifiers may sit between auxiliary and participle ("il n’est pas si occupé", "ils sont tous
# convoqués").
_GAP_WORDS = frozenset(
    ["pas", "plus", "point", "jamais", "guère", "si", "tous", "toutes", "tout", "toute"]
)
_DEMONSTRATIVE = frozenset({"c'", "ce", "ç'"})
# Tags of the lexicon that rule a participle reading out: "lui" (pronoun / luire), "tu"
# (pronoun / taire), "plus" (adverb / plaire), "point" (adverb / poindre).
_NOT_PARTICIPLE_TAGS = "ODCUR"
# How many gap tokens (adverbs, negation, inverted subject) may separate auxiliary and
# participle. Calibrated on the labelled set: French news copy rarely stacks more than three
# ("n’a pas encore été", "a été très vite abandonné").
_MAX_GAP = 4
_BARRIER = re.compile(r"\S")


@dataclass(frozen=True, slots=True)
class _Tok:
    norm: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class PassiveClause:
    """One passive clause: the span (auxiliary → participle) and what it is made of."""

    span: Span
    auxiliary: str  # as written, e.g. "a été", "est"
    participle: str  # as written, e.g. "abandonnées"
    infinitive: str  # e.g. "abandonner" (for messages: "tournez « abandonner » à l'actif")


@dataclass(frozen=True, slots=True)
class _Data:
    etre_verbs: frozenset[str]  # infinitives conjugated with être (etre_verbs.txt)
    stative: frozenset[str]  # stative after any form of être (passive_stative.txt)
    stative_simple: frozenset[str]  # stative after a simple form (passive_stative_simple.txt)
    gap_phrases: tuple[tuple[str, ...], ...]  # multi-word adverbials, longest first


@cache
def _data() -> _Data:
    def words(name: str) -> frozenset[str]:
        return frozenset(normalise(e) for e in read_list(name))

    phrases = (
        tuple(re.findall(r"[^\s']+'?", normalise(p))) for p in read_list("passive_gap_phrases.txt")
    )
    return _Data(
        etre_verbs=words("etre_verbs.txt"),
        stative=words("passive_stative.txt"),
        stative_simple=words("passive_stative_simple.txt"),
        gap_phrases=tuple(sorted(phrases, key=len, reverse=True)),
    )


def _tokens(sentence: Sentence) -> list[_Tok]:
    """Sentence words, normalised; an inverted auxiliary, one token for the tokenizer, is split
    ("a-t-il" → "a", "-t-il"; "est-elle" → "est", "-elle"). Elided words ("s’", "n’") are
    already separate tokens (plume.text)."""
    out: list[_Tok] = []
    for w in sentence.words:
        text = normalise(w.text)
        head, sep, rest = text.partition("-")
        if (
            sep
            and (head in _ETRE_NUMBER or head in _AVOIR_NUMBER)
            and all(p in _INVERTED_SUBJECT for p in rest.split("-"))
        ):
            out.append(_Tok(head, w.start, w.start + len(head)))
            out.append(_Tok("-" + rest, w.start + len(head), w.end))
        else:
            out.append(_Tok(text, w.start, w.end))
    return out


class _Detector:
    def __init__(self, sentence: Sentence, lexicon: Lexicon) -> None:
        self.sentence = sentence
        self.lex = lexicon
        self.toks = _tokens(sentence)
        self.data = _data()

    def joined(self, i: int, j: int) -> bool:
        """Tokens i and j (i < j) are separated by white space only (no punctuation)."""
        s0 = self.sentence.start
        return not _BARRIER.search(
            self.sentence.text, self.toks[i].end - s0, self.toks[j].start - s0
        )

    def gap_length(self, k: int, *, forward: bool) -> int:
        """Number of tokens of the adverbial starting (or, backwards, ending) at k; 0 if none."""
        tok = self.toks[k].norm
        if tok.startswith("-") or tok in _GAP_WORDS:
            return 1
        for phrase in self.data.gap_phrases:
            n = len(phrase)
            lo = k if forward else k - n + 1
            if (
                lo >= 0
                and lo + n <= len(self.toks)
                and all(self.toks[lo + m].norm == phrase[m] for m in range(n))
                and all(self.joined(lo + m, lo + m + 1) for m in range(n - 1))
            ):
                return n
        entry = self.lex.entry(tok)
        return 1 if entry.has("R") and not entry.guessed else 0

    def clauses(self) -> list[PassiveClause]:
        out: list[PassiveClause] = []
        toks = self.toks
        for i, tok in enumerate(toks):
            if tok.norm == "été":
                aux = self.avoir_before(i)
                if aux is None:
                    continue
                first, number, compound = aux, _AVOIR_NUMBER[toks[aux].norm], True
            elif tok.norm in _ETRE_NUMBER:  # ("peut-être" is one token: never an auxiliary)
                first, number, compound = i, _ETRE_NUMBER[tok.norm], False
            else:
                continue
            clause = self.clause_after(first, i, number, compound=compound)
            if clause is not None:
                out.append(clause)
        return out

    def avoir_before(self, i: int) -> int | None:
        """Index of the avoir form governing « été » at i, skipping adverbs and inverted
        subjects ("n’a pas encore été", "a-t-il été"); None when « été » is the noun."""
        k, skipped = i - 1, 0
        while k >= 0 and self.joined(k, k + 1):
            if self.toks[k].norm in _AVOIR_NUMBER:
                return k
            n = self.gap_length(k, forward=False)
            if not n or skipped >= _MAX_GAP:
                return None
            k, skipped = k - n, skipped + 1
        return None

    def clause_after(
        self, first: int, aux: int, number: str, *, compound: bool
    ) -> PassiveClause | None:
        toks = self.toks
        k, skipped = aux + 1, 0
        while k < len(toks) and self.joined(k - 1, k):
            n = self.gap_length(k, forward=True)
            if not n:
                break
            if skipped >= _MAX_GAP:
                return None
            k, skipped = k + n, skipped + 1
        else:
            return None  # end of sentence or punctuation before any participle
        infinitive = self.participle_infinitive(k, number, first, compound=compound)
        if (
            infinitive is None
            or self.pronominal(first)
            or toks[first].norm + " " + toks[k].norm == "étant donné"
        ):
            return None
        agent = k + 1 < len(toks) and toks[k + 1].norm == "par" and self.joined(k, k + 1)
        data = self.data
        stative = infinitive in data.stative or (not compound and infinitive in data.stative_simple)
        if (stative or self.after_demonstrative(first)) and not agent:
            return None
        s0 = self.sentence.start
        return PassiveClause(
            span=Span(start=toks[first].start, end=toks[k].end),
            auxiliary=self.sentence.text[toks[first].start - s0 : toks[aux].end - s0],
            participle=self.sentence.text[toks[k].start - s0 : toks[k].end - s0],
            infinitive=infinitive,
        )

    def participle_infinitive(
        self, k: int, number: str, first: int, *, compound: bool
    ) -> str | None:
        """The infinitive of the participle at k if it can head a passive with this auxiliary."""
        tok = self.toks[k].norm
        entry = self.lex.entry(tok)
        if entry.guessed or tok == "été" or entry.has(_NOT_PARTICIPLE_TAGS):
            return None
        if number == "s" and self.subject_on(first):
            number = ""  # "on est surpris" / "on est tous partis": « on » takes either number
        readings = [
            a
            for a in entry.analyses
            if a.is_past_participle and (not number or not a.number or a.number == number)
        ]
        # After a simple form of être, a participle of an être verb is an active past tense
        # ("est allé"), whatever other reading it has.
        if not readings or (
            not compound and any(a.lemma in self.data.etre_verbs for a in readings)
        ):
            return None
        return readings[0].lemma

    def subject_on(self, first: int) -> bool:
        return any(t.norm == "on" for t in self.toks[max(0, first - 3) : first])

    def clitic_before(self, first: int, skip: frozenset[str]) -> int | None:
        """Index of the token right before the auxiliary at ``first``, skipping ``skip``."""
        k = first - 1
        while k >= 0 and self.joined(k, k + 1) and self.toks[k].norm in skip:
            k -= 1
        return k if k >= 0 and self.joined(k, k + 1) else None

    def pronominal(self, first: int) -> bool:
        aux = self.toks[first].norm
        k = self.clitic_before(first, frozenset({"y", "en"}))
        if k is None:
            return False
        clitic = self.toks[k].norm
        if clitic in _REFLEXIVE:
            person = _REFLEXIVE[clitic]
            return not person or aux in _ETRE_PERSON[person]
        if clitic in ("nous", "vous"):
            person = "1p" if clitic == "nous" else "2p"
            if aux not in _ETRE_PERSON[person]:
                return False  # dative: "ce droit nous est refusé"
            j = k - 1
            if j >= 0 and self.toks[j].norm in _NEGATION and self.joined(j, j + 1):
                j -= 1
            # "nous nous sommes…": the same pronoun as subject, then as reflexive object.
            return j >= 0 and self.toks[j].norm == clitic
        return False

    def after_demonstrative(self, first: int) -> bool:
        k = self.clitic_before(first, _NEGATION)
        return k is not None and self.toks[k].norm in _DEMONSTRATIVE


_TRIGGERS = frozenset(_ETRE_NUMBER) | {"été"}


def passive_clauses(sentence: Sentence) -> list[PassiveClause]:
    """Every passive clause of ``sentence``.

    A clause is passive when a form of « être » — simple (est, sont, était, fut, sera, serait, soit,
    être, étant…) or compound (a été, ont été, avait été, aura été, avoir été, ayant été…) — is
    followed by the past participle of a verb, with only adverbs, negation or an inverted subject
    between them ("n’est pas autorisé", "a été très vite abandonné", "a-t-il été prévenu", "est en
    grande partie financé"). The span runs from the auxiliary (« a » of « a été ») to the
    participle. Participles come from the Lefff lexicon (:mod:`plume.lang.fr.lexicon`), not from an
    -é/-ée/-és/-ées regex, so irregular participles (pris, mis, écrit, vu, conquis…) are found and
    nouns or adjectives in -é (été, café, société, âgé, censé) are not.

    Excluded, each for a stated reason:

    (a) Active compound tenses of verbs conjugated with être ("est allé", "sont nés", "est devenu",
        "est intervenu"; list and rationale in ``lang/fr/data/etre_verbs.txt``). Only after a simple
        form of être: "il a été sorti du gouvernement" is passive. Choice for the verbs that are
        also transitive ("est sorti", "est passé", "sont montés"): active, the dominant reading.
    (b) Pronominal forms: a reflexive clitic before the auxiliary ("s’est lancé", "se sont
        rencontrés", "s’est vu refuser", "je me suis trompé", "nous nous sommes rencontrés"). A
        dative clitic that does not agree with the auxiliary's person stays passive ("ce droit nous
        est refusé", "il m’est interdit de…").
    (c) « été » the noun ("l’été est chaud"): « été » is an auxiliary only after a form of avoir.
    (d) être + an adjective that is not a participle ("est grand", "est censé"), and participles
        that cannot agree with the auxiliary ("sont autorisé" is not read as a passive; "vous êtes",
        "nous sommes"/"on est" and infinitives are number-neutral).
    (e) Stative participles — a documented departure from yoastseo, which counts them: "est situé",
        "est composé de", "est dû à", "est connu", "je suis désolé", "il est député" describe a
        state, have no agent and no active counterpart (lists in
        ``lang/fr/data/passive_stative*.txt``). An agent introduced by « par » right after the
        participle restores the passive reading ("composée par Mozart").
    (f) « c’est » / « ce sont » + participle ("c’est fait", "c’est prévu"), as yoastseo does, again
        unless « par » follows; and the fixed locution « étant donné ».
    """
    # Most sentences have no form of être: skip them before any work.
    if not any(normalise(w.text).partition("-")[0] in _TRIGGERS for w in sentence.words):
        return []
    return _Detector(sentence, load_lexicon()).clauses()


def passive_spans(sentence: Sentence) -> list[Span]:
    """Spans (auxiliary … participle) of each passive clause in ``sentence``."""
    return [c.span for c in passive_clauses(sentence)]
