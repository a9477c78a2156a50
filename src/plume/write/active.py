"""Turn a passive with an explicit agent into the active sentence, conjugated and agreed.

"La loi a été adoptée mardi par le Parlement." → "Le Parlement a adopté la loi mardi." (issue
18). Only the main clause of a sentence, when spaCy's parse shows its parts plainly: a subject
that is a noun phrase (not a pronoun), the auxiliaries right before the participle (adverbs
allowed), an agent « par » + a noun phrase after it. The tense is kept — présent, imparfait,
futur, conditionnel, passé composé, plus-que-parfait, futur antérieur, conditionnel passé —
and the verb agrees with its new subject (the agent: plural when coordinated). Verb forms come
from rules checked against the Lefff lexicon and from ``lang/fr/data/conjugation_irregular.tsv``;
a form the lexicon does not confirm is never written.

The result is *verified* (:func:`active_voice`): the parse of the new sentence has the agent as
subject and the old subject as object, no word is lost or added but the verb group, and
Grammalecte finds no more errors than in the original. A sentence that passes is applied; one
built but not verified is only offered to the editor (``applied=False``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

from plume.grammar import check_grammar
from plume.lang.fr import read_list
from plume.lang.fr.lexicon import load_lexicon
from plume.settings import GrammarSettings
from plume.text import count_words
from plume.write.compress import parse

__all__ = ["ActiveVoice", "active_voice", "conjugate", "participle_of", "tense_of"]

#: The avoir forms of the compound tenses, third person: (tense, number) → form.
_AVOIR = {
    ("présent", "s"): "a",
    ("présent", "p"): "ont",
    ("imparfait", "s"): "avait",
    ("imparfait", "p"): "avaient",
    ("futur", "s"): "aura",
    ("futur", "p"): "auront",
    ("conditionnel", "s"): "aurait",
    ("conditionnel", "p"): "auraient",
}
#: Simple forms of être in a passive → the tense of the active verb.
_ETRE_TENSE = {
    "est": "présent",
    "sont": "présent",
    "était": "imparfait",
    "étaient": "imparfait",
    "sera": "futur",
    "seront": "futur",
    "serait": "conditionnel",
    "seraient": "conditionnel",
}
#: avoir + « été » (compound passive) → the tense of the new auxiliary avoir.
_AVOIR_TENSE = {form: tense for (tense, _), form in _AVOIR.items()}


@dataclass(frozen=True)
class ActiveVoice:
    """An active sentence built for a passive one; ``verified`` when every check passed."""

    before: str
    after: str
    verified: bool


@cache
def _irregular() -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    # The second file: more verbs, for the participles the editor's pass restarts.
    for line in (
        *read_list("conjugation_irregular.tsv"),
        *read_list("conjugation_irregular_more.tsv"),
    ):
        cells = tuple(line.split())
        out[cells[0]] = cells[1:]
    return out


def _known(form: str, lemma: str, tags: str = "V") -> bool:
    entry = load_lexicon().entry(form)
    return not entry.guessed and any(a.tag in tags and a.lemma == lemma for a in entry.analyses)


def _first_group_stems(lemma: str) -> list[str]:
    """Stems of an -er verb for the forms with a mute final e (présent, futur): "achet" →
    "achèt", "appel" → "appell", "emploi" for "employer", "cèd" for "céder"."""
    stem = lemma[:-2]
    out = [stem]
    if stem.endswith("y"):
        out.append(stem[:-1] + "i")
    if stem[-1:] in "lt":
        out.append(stem + stem[-1])
    # The last e/é of the stem becomes è before a mute syllable ("lève", "cède").
    for i in range(len(stem) - 1, -1, -1):
        if stem[i] in "eé":
            out.append(stem[:i] + "è" + stem[i + 1 :])
            break
    return out


def _second_group(lemma: str) -> bool:
    return lemma.endswith("ir") and _known(lemma[:-2] + "issant", lemma, "G")


def conjugate(lemma: str, tense: str, number: str) -> str | None:
    """The third-person form of ``lemma`` in ``tense`` ("présent", "imparfait", "futur",
    "conditionnel") for ``number`` ("s"/"p"), or ``None`` when no candidate is confirmed by
    the lexicon."""
    irregular = _irregular().get(lemma)
    candidates: list[str] = []
    if irregular:
        pres_s, pres_p, imp, fut = irregular[:4]
        candidates = {
            ("présent", "s"): [pres_s],
            ("présent", "p"): [pres_p],
            ("imparfait", "s"): [imp],
            ("imparfait", "p"): [imp[:-3] + "aient"],
            ("futur", "s"): [fut],
            ("futur", "p"): [fut[:-1] + "ont"],
            ("conditionnel", "s"): [fut[:-1] + "ait"],
            ("conditionnel", "p"): [fut[:-1] + "aient"],
        }.get((tense, number), [])
    elif lemma.endswith("er") and lemma != "aller":
        stem = lemma[:-2]
        soft = stem + "e" if stem.endswith("g") else stem[:-1] + "ç" if stem.endswith("c") else stem
        mute = _first_group_stems(lemma)
        candidates = {
            ("présent", "s"): [m + "e" for m in mute],
            ("présent", "p"): [m + "ent" for m in mute],
            ("imparfait", "s"): [soft + "ait"],
            ("imparfait", "p"): [soft + "aient"],
            ("futur", "s"): [m + "era" for m in mute],
            ("futur", "p"): [m + "eront" for m in mute],
            ("conditionnel", "s"): [m + "erait" for m in mute],
            ("conditionnel", "p"): [m + "eraient" for m in mute],
        }.get((tense, number), [])
    elif _second_group(lemma):
        stem = lemma[:-2]
        candidates = {
            ("présent", "s"): [stem + "it"],
            ("présent", "p"): [stem + "issent"],
            ("imparfait", "s"): [stem + "issait"],
            ("imparfait", "p"): [stem + "issaient"],
            ("futur", "s"): [lemma + "a"],
            ("futur", "p"): [lemma + "ont"],
            ("conditionnel", "s"): [lemma + "ait"],
            ("conditionnel", "p"): [lemma + "aient"],
        }.get((tense, number), [])
    return next((c for c in candidates if _known(c, lemma)), None)


def participle_of(lemma: str) -> str | None:
    """The masculine singular past participle of ``lemma`` ("adopter" → "adopté")."""
    irregular = _irregular().get(lemma)
    if irregular:
        candidates = [irregular[4]]
    elif lemma.endswith("er"):
        candidates = [lemma[:-2] + "é"]
    elif lemma.endswith("ir"):
        candidates = [lemma[:-1]]
    else:
        candidates = []
    lexicon = load_lexicon()
    for c in candidates:
        if any(
            a.lemma == lemma and a.gender != "f" and a.number != "p" for a in lexicon.participles(c)
        ):
            return c
    return None


def compound(lemma: str, tense: str, number: str) -> str | None:
    """avoir in ``tense`` + the participle: "a adopté", "avaient pris"."""
    aux = _AVOIR.get((tense, number))
    part = participle_of(lemma)
    return f"{aux} {part}" if aux and part else None


def tense_of(verb: Any) -> tuple[str, bool] | None:
    """(tense, compound) of the finite verb group headed by ``verb`` in an active clause:
    ("présent", False) for "adopte", ("présent", True) for "a adopté"; ``None`` otherwise."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "aux:tense")]
    if any(c.dep_ == "aux:pass" for c in verb.children):
        return None
    if auxes:
        form = str(auxes[0].text).lower()
        if form not in _AVOIR_TENSE:  # « est allé »: être, not a tense this module writes
            return None
        return _AVOIR_TENSE[form], True
    if "Fin" not in verb.morph.get("VerbForm") or "Ind" not in verb.morph.get("Mood"):
        return None
    tense = next(iter(verb.morph.get("Tense")), "")
    return {"Pres": ("présent", False), "Imp": ("imparfait", False), "Fut": ("futur", False)}.get(
        tense
    )


_NOUN_PHRASE = frozenset({"det", "amod", "flat:name", "flat", "conj", "cc", "nummod", "fixed"})
_OF = frozenset({"de", "d’", "d'", "du", "des"})


def _in_noun_phrase(child: Any) -> bool:
    """Whether a dependent of the agent noun is part of its noun phrase: a determiner, an
    adjective, a name's parts, a coordinated noun, a « de » complement ("des millions de
    patients")."""
    if child.dep_ in _NOUN_PHRASE:
        return True
    if child.dep_ == "nmod":
        return any(c.dep_ == "case" and str(c.lower_) in _OF for c in child.children)
    return False


@cache
def _not_agents() -> frozenset[str]:
    return frozenset(read_list("active_not_agents.txt"))


def _agent_like(token: Any) -> bool:
    """« par » + a name, or + a determiner and a noun that is not an adverbial's ("par la
    suite", "par personne"): the agent the small parse labels as a mere modifier ("repoussée
    du pied par Lopes")."""
    if not any(c.dep_ == "case" and str(c.lower_) == "par" for c in token.children):
        return False
    if token.pos_ == "PROPN":
        return True
    return (
        token.pos_ == "NOUN"
        and str(token.lower_) not in _not_agents()
        and any(c.dep_ == "det" for c in token.children)
    )


def _adverbial(child: Any) -> bool:
    """A prepositional or time phrase ("en première lecture", "chaque jour")."""
    return any(c.dep_ == "case" for c in child.children) or (
        child.pos_ in ("NOUN", "ADV", "NUM") and child.dep_ in ("obl:mod", "advmod", "nmod")
    )


def _span(tokens: Any) -> tuple[int, int]:
    return min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens)


def _words(text: str) -> Counter[str]:
    words = (w.lower().strip(",.;:!…’'") for w in text.replace("’", "' ").split())
    return Counter(w for w in words if w)


def _lower_first(text: str, token: Any) -> str:
    """``text`` (starting with ``token``) with its capital dropped, unless a name."""
    if token.pos_ == "PROPN" or (len(token.text) > 1 and token.text.isupper()):
        return text
    return text[:1].lower() + text[1:]


def _build(sentence: str) -> tuple[str, str, str] | None:
    """(active sentence, old verb group, new verb group) for ``sentence``'s main passive with
    an agent, or ``None`` when its shape is not the plain one this module handles."""
    doc = parse(sentence)
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if len(roots) != 1:
        return None
    part = roots[0]
    if part.pos_ != "VERB" or "Part" not in part.morph.get("VerbForm"):
        return None
    subjects = [c for c in part.children if c.dep_ == "nsubj:pass"]
    agents = [c for c in part.children if c.dep_ == "obl:agent"] or [
        c for c in part.children if c.dep_ in ("obl", "obl:mod", "obl:arg") and _agent_like(c)
    ]
    passes = [c for c in part.children if c.dep_ == "aux:pass"]
    if len(subjects) != 1 or len(agents) != 1 or len(passes) != 1:
        return None
    subject, agent, etre = subjects[0], agents[0], passes[0]
    if subject.pos_ not in ("NOUN", "PROPN") or agent.pos_ not in ("NOUN", "PROPN"):
        return None
    if str(agent.lower_) in _not_agents():
        return None  # "par la suite", even when the parse calls it the agent
    # After the participle only the agent and adverbials ("mardi", "en première lecture"):
    # anything else (a clause, an adjective the parse cut off) would land in the wrong place.
    after = [c for c in part.children if c.i > part.i and c != agent]
    if any(not (c.dep_.startswith("obl") or c.dep_ in ("advmod", "punct")) for c in after):
        return None
    case = [c for c in agent.children if c.dep_ == "case"]
    if len(case) != 1 or str(case[0].text).lower() != "par" or case[0].i < part.i:
        return None
    # The verb group: avoir? + adverbs + être/été + adverbs + participle, nothing else.
    avoirs = [c for c in part.children if c.dep_ in ("aux", "aux:tense")]
    first = min([etre.i, *(a.i for a in avoirs)])
    between = [t for t in doc[first : part.i] if t not in (etre, *avoirs)]
    if any(
        t.dep_ != "advmod" or str(t.lower_) in ("ne", "n’", "n'", "pas", "plus") for t in between
    ):
        return None
    if any(t.i > part.i or t.i < first for t in between):
        return None
    # Tense and agreement.
    etre_form = str(etre.text).lower()
    if avoirs:
        if len(avoirs) != 1 or etre_form != "été":
            return None
        tense = _AVOIR_TENSE.get(str(avoirs[0].text).lower())
        compound_tense = True
    else:
        tense = _ETRE_TENSE.get(etre_form)
        compound_tense = False
    if tense is None:
        return None
    agent_tokens = [t for t in agent.subtree if t.i > part.i and t not in case]
    # "par un emprunt … et par l’autofinancement": a second « par » inside the agent would
    # stay in the new subject ("Un emprunt … et par l’autofinancement financerait").
    if any(str(t.lower_) == "par" for t in agent_tokens):
        return None
    # The small parse hangs time and place phrases on the agent ("par les députés en première
    # lecture"): they stay after the object, only the noun phrase becomes the subject.
    loose = [c for c in agent.children if c.i > agent.i and not _in_noun_phrase(c)]
    if any(not _adverbial(c) for c in loose):
        return None  # an adjective the parse left out of the noun phrase: its shape is unsure
    if loose:
        cut = min(t.i for c in loose for t in c.subtree)
        if any(
            t.i > cut and t not in set().union(*(set(c.subtree) for c in loose))
            for t in agent_tokens
        ):
            return None
        agent_tokens = [t for t in agent_tokens if t.i < cut]
    plural = (
        "Plur" in agent.morph.get("Number")
        or any(c.dep_ == "conj" for c in agent.children)
        or any(
            str(c.lower_) in ("les", "des", "ces", "leurs") and c.dep_ == "det"
            for c in agent.children
        )
    )
    number = "p" if plural else "s"
    lemma = load_lexicon().participle_infinitive(str(part.text))
    if lemma is None:
        return None
    verb = compound(lemma, tense, number) if compound_tense else conjugate(lemma, tense, number)
    if verb is None:
        return None
    adverbs = " ".join(str(t.text) for t in between)
    if adverbs:
        verb = (
            f"{verb.split()[0]} {adverbs} {verb.split()[1]}"
            if compound_tense
            else f"{verb} {adverbs}"
        )
    # The pieces, by character offsets: prefix · subject · verb group · middle · par agent · tail.
    s_start, s_end = _span(list(subject.subtree))
    v_start, v_end = doc[first].idx, part.idx + len(part.text)
    a_end = _span(agent_tokens)[1]
    p_start = case[0].idx
    if not (s_end <= v_start and v_end <= p_start):
        return None
    if sentence[a_end:].lstrip().startswith(("(", ",")):
        # "par le Service de police (SPVM)": the parse leaves the acronym behind; "par ces
        # prolongations hors débat, hors contradictoire": what follows a comma may be the
        # agent's own.
        return None
    if sentence[s_end:v_start].strip() or "," in sentence[v_end:p_start]:
        return None  # something between subject and verb, or an aside before the agent
    end = len(sentence.rstrip())
    final = sentence[end - 1] if sentence[end - 1 : end] in ".!…" else ""
    tail = sentence[a_end : end - len(final)]
    if final and tail[-1:].isspace():  # "validé par Clément Turpin !": the space stays
        final = tail[-1] + final
    prefix = sentence[:s_start]
    agent_text = sentence[case[0].idx + len(case[0].text) : a_end].strip()
    if agent_tokens[0].i != case[0].i + 1:
        return None
    agent_text = (
        agent_text[:1].upper() + agent_text[1:]
        if not prefix
        else _lower_first(agent_text, agent_tokens[0])
    )
    subject_text = sentence[s_start:s_end]
    if not prefix:
        subject_text = _lower_first(subject_text, next(iter(subject.subtree)))
    middle = sentence[v_end:p_start].strip()
    pieces = [prefix.rstrip(), agent_text, verb, subject_text, middle, tail.strip()]
    text = " ".join(p for p in pieces if p)
    text = text.replace(" ,", ",") + final
    return text, sentence[v_start:v_end], verb


def active_voice(sentence: str, grammar: GrammarSettings | None = None) -> ActiveVoice | None:
    """The active sentence for ``sentence``'s main passive with an agent (see the module
    doc), verified or not; ``None`` when none can be built."""
    sentence = " ".join(sentence.split())
    # Never inside a quotation (the author's source's words) nor a question.
    if " par " not in sentence or sentence.endswith("?") or any(q in sentence for q in '«»"“”'):
        return None
    built = _build(sentence)
    if built is None:
        return None
    after, old_verb, new_verb = built
    if not _same_words(sentence, after, old_verb, new_verb):
        return None  # a piece lost or doubled: not even worth offering
    return ActiveVoice(sentence, after, _verified(sentence, after, grammar))


def _same_words(before: str, after: str, old_verb: str, new_verb: str) -> bool:
    """The same words but the verb group and « par » (so every number, name and quotation)."""
    want = _words(before)
    want.subtract(_words(old_verb) + Counter({"par": 1}))
    got = _words(after)
    got.subtract(_words(new_verb))
    return +want == +got and count_words(after) >= 4


def _verified(before: str, after: str, grammar: GrammarSettings | None) -> bool:
    """The parse of the active sentence has a verb with a subject and an object, and
    Grammalecte finds no more errors in it than in the passive one."""
    doc = parse(after)
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if len(roots) != 1 or roots[0].pos_ != "VERB":
        return False
    if not any(c.dep_ == "nsubj" for c in roots[0].children):
        return False
    if not any(c.dep_ == "obj" for c in roots[0].children):
        return False
    if grammar is not None:
        old = check_grammar(before, grammar)
        new = check_grammar(after, grammar)
        if old.available and len(new.errors) > len(old.errors):
            return False
    return True
