"""Passive voice in French: être (any tense) + an agreeing past participle.

:func:`passive_clauses` finds the passive clauses of a sentence (its docstring says what counts and
what is excluded, and why); participles come from the Lefff lexicon. What counts follows Yoast's
French rule (yoastseo 3.6.0), stative participles included. Accuracy on an independent labelled
set (dev and held-out parts, ``bench/data/passive_fr_*.jsonl``), side by side with yoastseo:
``bench/passive_accuracy.py``; tests: ``tests/unit/analyse/test_passive.py``.
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
# An incidental between commas may stand between auxiliary and participle ("a été, selon nos
# informations, remis en liberté"); at most this many words, as such asides are short (a longer
# stretch between commas is more likely an enumeration or a new clause).
_MAX_INCIDENTAL = 6
_COMMA = re.compile(r"\s*,\s*")
# "depuis 2010", "en 2019": a preposition of time and a number between auxiliary and participle
# ("est depuis 2010 dirigée par…").
_TIME_PREPOSITIONS = frozenset(["depuis", "dès", "en", "avant", "après"])


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
    exceptions: frozenset[str]  # participles read as nouns or adjectives (passive_exceptions.txt)
    # Multi-word adverbials (passive_gap_phrases.txt), longest first, indexed by their first
    # word (read forwards from the auxiliary) and by their last word (read backwards to « a »).
    phrases_by_first: dict[str, tuple[tuple[str, ...], ...]]
    phrases_by_last: dict[str, tuple[tuple[str, ...], ...]]


@cache
def _data() -> _Data:
    def words(name: str) -> frozenset[str]:
        return frozenset(normalise(e) for e in read_list(name))

    phrases = [
        tuple(re.findall(r"[^\s']+'?", normalise(p))) for p in read_list("passive_gap_phrases.txt")
    ]
    return _Data(
        etre_verbs=words("etre_verbs.txt"),
        exceptions=words("passive_exceptions.txt"),
        phrases_by_first=_index(phrases, 0),
        phrases_by_last=_index(phrases, -1),
    )


def _index(phrases: list[tuple[str, ...]], position: int) -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted(phrases, key=len, reverse=True):
        out.setdefault(phrase[position], []).append(phrase)
    return {word: tuple(group) for word, group in out.items()}


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
        if tok.startswith("-"):
            return 1
        # Phrases first: "tout de suite" must not stop after the single gap word "tout".
        index = self.data.phrases_by_first if forward else self.data.phrases_by_last
        for phrase in index.get(tok, ()):
            n = len(phrase)
            lo = k if forward else k - n + 1
            if (
                lo >= 0
                and lo + n <= len(self.toks)
                and all(self.toks[lo + m].norm == phrase[m] for m in range(n))
                and all(self.joined(lo + m, lo + m + 1) for m in range(n - 1))
            ):
                return n
        if tok in _GAP_WORDS:
            return 1
        if forward and k + 1 < len(self.toks) and self.joined(k, k + 1):
            following = self.toks[k + 1].norm
            if tok == "chaque" and self.lex.entry(following).has("N"):
                return 2  # "est chaque soir joué"
            if tok in _TIME_PREPOSITIONS and following.isdigit():
                return 2  # "est depuis 2010 dirigée"
        entry = self.lex.entry(tok)
        return 1 if entry.has("R") and not entry.guessed else 0

    def incidental_end(self, k: int) -> int | None:
        """When a comma stands right before token k, the index of the token after the comma that
        closes a short incidental ("a été, selon nos informations, remis"); None otherwise."""
        toks, s0 = self.toks, self.sentence.start
        text = self.sentence.text

        def between(i: int) -> str:  # what separates tokens i - 1 and i
            return text[toks[i - 1].end - s0 : toks[i].start - s0]

        if not _COMMA.fullmatch(between(k)):
            return None
        for j in range(k + 1, min(k + 1 + _MAX_INCIDENTAL, len(toks))):
            sep = between(j)
            if _COMMA.fullmatch(sep):
                return j
            if _BARRIER.search(sep):
                return None
        return None

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
        k, skipped, aside_end = aux + 1, 0, -1
        while k < len(toks):
            if k != aside_end and not self.joined(k - 1, k):
                after = None if aside_end >= 0 else self.incidental_end(k)
                if after is None:
                    return None  # punctuation before any participle, other than one aside
                k = aside_end = after
                continue
            n = self.gap_length(k, forward=True)
            if not n:
                break
            if skipped >= _MAX_GAP:
                return None
            k, skipped = k + n, skipped + 1
        else:
            return None  # end of sentence before any participle
        infinitive = self.participle_infinitive(k, number, first, compound=compound)
        if (
            infinitive is None
            or self.pronominal(first)
            or toks[first].norm + " " + toks[k].norm == "étant donné"
        ):
            return None
        agent = k + 1 < len(toks) and toks[k + 1].norm == "par" and self.joined(k, k + 1)
        if (infinitive in self.data.exceptions or self.after_demonstrative(first)) and not agent:
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
    followed by the past participle of a verb, with only adverbs, negation, an inverted subject,
    a time phrase ("chaque soir", "depuis 2010") or one short aside between commas between them
    ("n’est pas autorisé", "a été très vite abandonné", "a-t-il été prévenu", "est en grande
    partie financé", "a été, selon nos informations, remis"). Whatever follows the participle
    does not matter: an agent with « par » or « de » ("est aimé de tous"), or none. The span runs
    from the auxiliary (« a » of « a été ») to the participle. Participles come from the Lefff lexicon (:mod:`plume.lang.fr.lexicon`), not from an
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
        est refusé", "il m’est interdit de…"). Pronominal passives ("ce modèle se vend bien",
        "les billets se sont vendus") are not counted either: Yoast's rule is être + participle.
    (c) « été » the noun ("l’été est chaud"): « été » is an auxiliary only after a form of avoir.
    (d) être + an adjective that is not a participle ("est grand", "est censé"), and participles
        that cannot agree with the auxiliary ("sont autorisé" is not read as a passive; "vous êtes",
        "nous sommes"/"on est" and infinitives are number-neutral).
    (e) Participles read as a noun or an adjective, as Yoast reads them ("il est député", "le
        sujet est lié à…"), and those of intransitive verbs ("il est immigré"); list in
        ``lang/fr/data/passive_exceptions.txt``. An agent introduced by « par » right after the
        participle restores the passive reading ("il est lié par contrat"). Stative participles
        ("est situé", "est fatigué", "est ouvert", "est dû à", "est connu") ARE passives, as for
        yoastseo (plume excluded them until issue 18; the check mirrors Yoast's score).
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
