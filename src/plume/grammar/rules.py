"""plume's own rules for the translation calques Grammalecte does not flag, read from
``plume/lang/fr/data/grammar_*.txt``:

- ``COR-DOUBLED-AUX``: the auxiliary written twice around an adverb, "a également a ouvert"
  → "a également ouvert" (``grammar_auxiliaries.txt``; the word after must be a past participle
  in the Lefff);
- ``COR-DECLARATIVE-QUE``: a verb of saying without « que », "Microsoft dit il était prêt" →
  "Microsoft dit qu’il était prêt" (``grammar_declarative_verbs.txt``; a subject pronoun and a
  finite verb must follow);
- ``COR-GRAMMAR``: « du » for « dû » between a form of « avoir » and an infinitive, "il a du
  renoncer" → "il a dû renoncer" (Grammalecte flags it too, but beside a second reading,
  "a renoncé", that makes its answer ambiguous);
- ``COR-CALQUE``: a fixed word-for-word translation, "modèles de grands langages" → "grands
  modèles de langage" (``grammar_calques.txt``).

Every hit is an unambiguous correction: the cleaner applies them (:mod:`plume.grammar.fixes`)
and the audit reports those left (``COR-CALQUE``).
"""

from __future__ import annotations

import re
from functools import cache

from plume.grammar.model import Correction
from plume.lang.fr import read_list
from plume.lang.fr.lexicon import load_lexicon

__all__ = ["find_rule_hits"]


#: Subject pronouns that start a completive clause, with the form « que » takes before them.
_QUE = {
    "il": "qu’",
    "elle": "qu’",
    "ils": "qu’",
    "elles": "qu’",
    "on": "qu’",
    "nous": "que ",
    "vous": "que ",
    "je": "que ",
    "j’": "que ",
    "tu": "que ",
}
_WORD = r"[^\W\d_][\w’'-]*"
#: Adverbs allowed between the two auxiliaries: at most two words ("a aussi déjà a").
_MAX_ADVERBS = 2


def _alternation(forms: tuple[str, ...]) -> str:
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


@cache
def _aux_re() -> re.Pattern[str]:
    aux = _alternation(read_list("grammar_auxiliaries.txt"))
    return re.compile(
        rf"(?<![\w’'-])(?P<aux>{aux})(?P<adv>(?:\s+{_WORD}){{1,{_MAX_ADVERBS}}})\s+"
        rf"(?P<again>(?P=aux))\s+(?P<part>{_WORD})(?![\w’'-])",
        re.IGNORECASE,
    )


@cache
def _declarative_re() -> re.Pattern[str]:
    verbs = _alternation(read_list("grammar_declarative_verbs.txt"))
    pronouns = "j’|j'|" + _alternation(tuple(p for p in _QUE if not p.endswith("’")))
    return re.compile(
        rf"(?<![\w’'-])(?P<verb>{verbs}) (?P<pron>(?:{pronouns}))(?P<sep> ?)(?P<next>{_WORD})",
        re.IGNORECASE,
    )


@cache
def _calques() -> tuple[tuple[re.Pattern[str], str], ...]:
    out = []
    for line in read_list("grammar_calques.txt"):
        wrong, sep, right = line.partition(" → ")
        if not sep:
            raise ValueError(f"grammar_calques.txt: expected 'wrong → right', got {line!r}")
        body = r"\s+".join(re.escape(w) for w in wrong.split())
        pattern = rf"(?<![\w’'-]){body}(?![\w’'-])"
        out.append((re.compile(pattern, re.IGNORECASE), right))
    return tuple(out)


def _adverbs(span: str) -> bool:
    lex = load_lexicon()
    return all(lex.entry(w).has("R") or w.lower().endswith("ment") for w in span.split())


def _doubled_aux(text: str) -> list[Correction]:
    lex = load_lexicon()
    out = []
    for m in _aux_re().finditer(text):
        if m.group("again").lower() != m.group("aux").lower() or not _adverbs(m.group("adv")):
            continue
        if not lex.entry(m.group("part")).has("K"):
            continue
        # Drop the second auxiliary and the space before it.
        start, end = m.end("adv"), m.end("again")
        out.append(Correction("COR-DOUBLED-AUX", start, end, text[start:end], ""))
    return out


@cache
def _du_re() -> re.Pattern[str]:
    lex = load_lexicon()
    avoir = tuple(f for f in read_list("grammar_auxiliaries.txt") if "avoir" in lex.lemmas(f))
    return re.compile(
        rf"(?<![\w’'-])(?:{_alternation(avoir)})(?:\s+{_WORD})?\s+(?P<du>du)\s+"
        rf"(?:(?:se|me|te|nous|vous|le|la|les|lui|leur|en|y)\s+|[smtl][’']){{0,2}}(?P<inf>{_WORD})",
        re.IGNORECASE,
    )


def _du_infinitive(text: str) -> list[Correction]:
    lex = load_lexicon()
    out = []
    for m in _du_re().finditer(text):
        if lex.entry(m.group("inf")).has("W"):
            after = "Dû" if m.group("du")[0].isupper() else "dû"
            out.append(Correction("COR-GRAMMAR", m.start("du"), m.end("du"), m.group("du"), after))
    return out


def _finite(word: str) -> bool:
    return load_lexicon().entry(word).has("VX")


def _declaratives(text: str) -> list[Correction]:
    out = []
    for m in _declarative_re().finditer(text):
        pron = m.group("pron")
        elided = pron.lower() in ("j’", "j'")
        if elided != (m.group("sep") == ""):
            continue  # "dit jamais": not a pronoun; "j’ai" needs no space
        if not _finite(m.group("next")):
            continue  # "il y a", "elle aussi", "nous-mêmes"…
        que = "que " if elided else _QUE[pron.lower()]
        start = m.start("pron")
        out.append(Correction("COR-DECLARATIVE-QUE", start, start, "", que))
    return out


def _keep_case(before: str, after: str) -> str:
    return after[:1].upper() + after[1:] if before[:1].isupper() else after


def _calque_hits(text: str) -> list[Correction]:
    out = []
    for pattern, right in _calques():
        for m in pattern.finditer(text):
            out.append(
                Correction(
                    "COR-CALQUE", m.start(), m.end(), m.group(), _keep_case(m.group(), right)
                )
            )
    return out


def find_rule_hits(text: str) -> list[Correction]:
    """Every hit of plume's rules in ``text``, by position (overlaps: the first wins)."""
    hits = sorted(
        _doubled_aux(text) + _du_infinitive(text) + _declaratives(text) + _calque_hits(text),
        key=lambda h: (h.start, h.end),
    )
    out: list[Correction] = []
    for h in hits:
        if out and h.start < out[-1].end:
            continue
        out.append(h)
    return out
