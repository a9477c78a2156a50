"""Shorten a sentence by removing words, never by adding any: what a heading is cut from.

One dependency parse (spaCy's small French model, parser only) says which words carry the
statement and must stay — the subject, the verb and its auxiliaries, the negation, the hedges and
modals, the objects — and which can go, in rounds: first what never carries the claim (a leading
"Mais", parentheses, appositions, a non-restrictive relative clause, a second coordinated clause),
then the circumstances (time, place, purpose), then the complements nested inside noun phrases.
A negated clause loses nothing but the first round: removing a circumstance from "aucun cas n’a
été signalé en France" would make it false. The words kept are the author's, in the author's
order and spelling.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from plume.text import quotations_intact
from plume.verify.nlp import light_french

#: A phrase that sets the scope of its clause: a group ("pour les huit autres", "parmi eux",
#: "chez les moins de 15 ans"), the others ("dans les quatorze autres communes"), a number. A
#: shortening never drops it: the clause alone would say it of all (read blind, it did).
SCOPE = re.compile(
    r"(?i)^\s*(?:pour|dans|chez|parmi|sur|hors|excepté|à\s+part|en\s+dehors\s+de)\s+"
    r"(?:les|des|ces|eux|elles|ceux|celles|certains|certaines|la\s+plupart|\d+)\b"
)

__all__ = [
    "POINTING",
    "POSSESSIVES",
    "SCOPE",
    "Compression",
    "compressions",
    "dangling_pronoun",
    "has_finite_clause",
    "noun_phrases",
    "parse",
    "parse_many",
    "preload_parser",
    "publishable",
]

# -- spaCy ------------------------------------------------------------------------------------

#: Elided words, split off as prefixes by the light tokenizer (as in
#: ``plume.verify.facts.entities``): "l'", "qu'", "jusqu'".


def _nlp() -> Any:
    """Tagger and parser, no NER: the support check's instance (:mod:`plume.verify.nlp`)."""
    return light_french("lemmatizer", "ner")


def preload_parser() -> None:
    """Load the parser in a background thread (its load overlaps the audit)."""
    threading.Thread(target=_nlp, name="plume-heading-parser", daemon=True).start()


def _prepare(text: str) -> str:
    """The text as the small model reads it best, character for character (offsets unchanged):
    straight apostrophes, straight quotes (it tags « » as verbs), plain spaces, and dashes as
    parentheses when they pair up ("— diplômes nationaux et d’établissement —": an aside), as
    commas otherwise."""
    table = str.maketrans(
        {"’": "'", "ʼ": "'", "«": '"', "»": '"', "\u00a0": " ", "\u202f": " ", "\u2009": " "}
    )
    chars = list(text.translate(table))
    dashes = [i for i, c in enumerate(chars) if c in "–—"]
    for k, i in enumerate(dashes):
        chars[i] = "," if len(dashes) % 2 else "()"[k % 2]
    return "".join(chars)


def parse_many(texts: Sequence[str]) -> list[Any]:
    """spaCy's parses of ``texts``, in one batch (its ``pipe``: about 40 % faster than one by
    one, for the editor's pass over a document's long sentences)."""
    return list(_nlp().pipe([_prepare(t) for t in texts]))


@lru_cache(maxsize=256)
def parse(text: str) -> Any:
    """spaCy's parse of ``text`` (offsets are those of ``text``); the last ones cached, as a
    sentence is read for its shortened forms, then for its noun phrases."""
    return _nlp()(_prepare(text))


# -- what can go --------------------------------------------------------------------------------

#: Sentence adverbs and connectors that link a sentence to the one before or colour it, and say
#: nothing of its actors: the only adverbs removed (any other — negation, hedge, degree, time:
#: "largement ignorés", "pas encore" — carries the claim).
_CONNECTORS = frozenset(
    [
        "mais",
        "et",
        "or",
        "donc",
        "pourtant",
        "cependant",
        "toutefois",
        "néanmoins",
        "ainsi",
        "aussi",
        "également",
        "notamment",
        "alors",
        "ensuite",
        "puis",
        "enfin",
        "finalement",
        "désormais",
        "d'ailleurs",
        "surtout",
        "même",
        "clairement",
        "bref",
        "effectivement",
        "évidemment",
        "justement",
    ]
)
#: Connectors and sentence adverbs that open or colour a sentence but say nothing of its
#: actors: removed in the first round.
_FIRST_ROUND = frozenset(
    {"punct", "parataxis", "appos", "discourse", "vocative", "dislocated", "reparandum", "cc"}
)
#: Pronouns a heading cannot stand on: they point to something outside it ("il", "cela", "les").
_ALLOWED_PRONOUNS = frozenset(
    [
        "se",
        "s'",
        "un",
        "une",
        "l'un",
        "l'une",
        "chacun",
        "chacune",
        "plusieurs",
        "certains",
        "certaines",
        "tous",
        "toutes",
        "qui",
        "que",
        "qu'",
        "dont",
        "où",
        "lequel",
        "laquelle",
        "lesquels",
        "lesquelles",
    ]
)
_CORE = frozenset(
    {"nsubj", "obj", "iobj", "xcomp", "ccomp", "dep", "cop", "aux", "expl", "mark"}
    | {"obl:arg", "obl:agent"}
)
_NEGATIONS = frozenset(
    ["ne", "n'", "pas", "jamais", "rien", "guère", "aucun", "aucune", "nullement", "personne", "ni"]
)
_QUOTES = frozenset('"«»“”')


@dataclass(frozen=True)
class Compression:
    """A shortened form of a sentence: its text, and how many units were removed after the first
    round (0: only connectors and asides gone)."""

    text: str
    rounds: int
    #: Demonstratives and possessives left in it ("cette année-là"), which lean on the text
    #: before the heading.
    pointing: int = 0
    #: A noun-phrase headline ("Microsoft, l’une des rares sociétés…") rather than a clause.
    headline: bool = False


def _subtree(t: Any) -> set[int]:
    return {x.i for x in t.subtree}


def _lower(t: Any) -> str:
    return str(t.text).lower().replace("’", "'")


def _negated(verb: Any) -> bool:
    return any(c.dep_ == "advmod" and _lower(c) in _NEGATIONS for c in verb.children) or any(
        _lower(c) in ("aucun", "aucune", "personne", "rien") for c in verb.subtree
    )


def _restrictive(t: Any, doc: Any) -> bool:
    """A relative clause with no comma before it restricts its noun ("les employés qui
    partent"): removing it would say something of all of them."""
    first = min(_subtree(t))
    return first == 0 or doc[first - 1].text != ","


def _parenthesised(doc: Any) -> set[int]:
    out: set[int] = set()
    depth = 0
    for t in doc:
        if t.text == "(":
            depth += 1
        if depth:
            out.add(t.i)
        if t.text == ")" and depth:
            depth -= 1
    return out


def _units(doc: Any, root: Any, negated: bool) -> list[tuple[int, int, set[int]]]:
    """What can be removed, as (round, position, indices): round 0 always goes (connectors,
    asides); later rounds go one unit at a time, the end of the sentence first, until it fits.
    A negated clause loses only round 0."""
    gone = _parenthesised(doc)
    units: list[tuple[int, int, set[int]]] = [(0, 0, gone)] if gone else []
    clause_heads = {root.i} | {c.i for c in root.children if c.dep_ in ("xcomp", "ccomp")}
    nominal_heads = {
        t.i for t in doc if t.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and t.i not in clause_heads
    }
    first_nmod: set[int] = set()
    for t in doc:
        if t.dep_ == "nmod" and t.head.i not in {doc[i].head.i for i in first_nmod}:
            first_nmod.add(t.i)
    for t in doc:
        if t.i == root.i or t.i in gone:
            continue
        dep, pos = t.dep_, t.i
        head_is_clause = t.head.i in clause_heads
        rnd: int | None = None
        if dep in _FIRST_ROUND:
            if dep == "punct" and t.text in _QUOTES:
                continue  # kept or removed with their words (balance checked on the result)
            if dep == "punct" and t.head.dep_ == "conj" and t.i < t.head.i:
                continue  # the commas of a list ("Alphabet, Apple, Amazon et Meta")
            if dep == "cc" and not (head_is_clause or t.i == 0):
                continue  # "la sécurité et la commercialisation": the noun phrase's own "et"
            if (
                dep == "appos"
                and min(_subtree(t)) > 0
                and doc[min(_subtree(t)) - 1].text not in ",("
            ):
                continue  # "le ministre de la Santé Roman Prymula": the name is no aside
            rnd = 0
        elif dep in ("nmod", "obl", "obl:mod", "appos") and _introduces_examples(doc, t):
            rnd = 0  # examples ("à savoir Alphabet, Apple…", "tels que ChatGPT"): an aside
        elif dep == "conj" and head_is_clause and t.pos_ in ("VERB", "AUX"):
            rnd = 0  # a second coordinated clause
        elif (dep == "acl:relcl" and not _restrictive(t, doc)) or (
            dep == "advmod" and head_is_clause and _lower(t) in _CONNECTORS
        ):
            rnd = 0
        elif negated:
            continue
        elif head_is_clause and dep in ("advcl", "obl", "obl:mod"):
            if any(_lower(c) == "selon" for c in t.children):
                continue  # attribution: a hedge, kept
            span = sorted(_subtree(t))
            if SCOPE.match(doc[span[0] : span[-1] + 1].text):
                continue  # "Dans les quatorze autres communes": what the clause is said of
            if t.pos_ == "VERB" and any(_lower(c) in ("de", "d'", "à") for c in t.children):
                continue  # "demander à X de partir": an argument the parse calls a modifier
            rnd = 1
        elif dep in ("nmod", "acl") and t.head.dep_ in ("nmod", "acl") and not _compound(t):
            rnd = 2  # a complement of a complement: "… des titans | de la technologie"
        elif dep == "acl" and any(_lower(c) in ("de", "d'", "à") for c in t.children):
            continue  # "la possibilité | de racheter…": what the noun is about, kept
        elif dep == "acl" and any(c.dep_ in ("obj", "obl", "obl:arg") for c in t.children):
            rnd = 2  # a participle with its own complements
        elif _compound(t):
            continue
        elif dep == "nmod" and t.head.i in nominal_heads | {root.i} and t.i not in first_nmod:
            # Not the first: a second complement ("13 milliards de dollars | d’investissement")
            rnd = 3
        elif dep == "conj" and t.head.i in nominal_heads:
            # Never: "l’inégalité entre les hommes | et les femmes" loses half of what it says.
            continue
        elif (
            dep == "nmod"
            and t.head.i in nominal_heads
            and not t.head.dep_.startswith("nsubj")  # "le vélo | en ville" is who acts
            and not _needs_complement(t.head)
        ):
            rnd = 4
        elif dep == "acl:relcl" and _definite_singular(t.head):
            rnd = 4  # "le surnom | que Chirac lui donnait": one thing, already named
        if rnd is not None:
            unit = _subtree(t) | _own_cc(t)
            if rnd > 0 and any(
                doc[i].dep_ == "mark" and _lower(doc[i]) in ("que", "qu'") for i in unit
            ):
                continue  # a "que" clause is what a verb says or thinks: an argument, kept
            units.append((rnd, pos, unit))
    return units


def _trusted(root: Any) -> bool:
    """A parse worth cutting from: a verb (or a copula) at the root, and no verb with two direct
    objects (the small model's sign of a misread list: "intégrer X dans A, B et C")."""
    if root.pos_ not in ("VERB", "AUX") and not any(c.dep_ == "cop" for c in root.children):
        return False
    verbs = [root, *(c for c in root.children if c.dep_ in ("xcomp", "ccomp"))]
    return all(sum(1 for c in v.children if c.dep_ == "obj") <= 1 for v in verbs)


def _bare_verb(doc: Any, root: Any, keep: set[int], end: int) -> bool:
    """A verb left last when the sentence went on ("La mairie a ouvert", cut from "…a ouvert
    mercredi une piste"; "Les Suisses pourraient se prononcer"), or an infinitive whose noun
    was cut ("indécis | sur la meilleure voie | à suivre"): what it acted on, or what it said
    something of, was misparsed away. A passive stands alone ("Les risques ont été ignorés"),
    and so does a participle used as an adjective ("les dirigeants évincés")."""
    last = doc[max(keep)]
    if last.pos_ != "VERB" or ("Part" in last.morph.get("VerbForm") and last.i != root.i):
        return False
    if any(c.dep_ in ("aux:pass", "expl:pass") for c in last.children):
        return False
    if last.i != end:
        return True
    marks = [c for c in last.children if c.dep_ == "mark" and c.i > root.i]
    return any(m.i - 1 not in keep for m in marks)


def _agrees(root: Any, subject: Any, keep: set[int]) -> bool:
    """The finite verb agrees in number with what is left of its subject ("Un roman occupent":
    a coordinated subject cut)."""
    finite = [t for t in (*root.children, root) if t.i in keep and "Fin" in t.morph.get("VerbForm")]
    number = subject.morph.get("Number")
    plural_subject = "Plur" in number or any(
        c.dep_ == "conj" and c.i in keep for c in subject.children
    )
    if not finite or not number:
        return True
    return ("Plur" in finite[0].morph.get("Number")) == plural_subject


def _compound(nmod: Any) -> bool:
    """A complement without determiner is part of the noun's name, not a detail ("conseil |
    d’administration", "fournisseur | de cloud")."""
    return nmod.pos_ in ("NOUN", "PROPN") and not any(
        c.dep_ in ("det", "nummod") for c in nmod.children
    )


def _definite_singular(noun: Any) -> bool:
    """A definite singular ("le surnom", "du surnom") names one thing, so a restrictive relative
    clause after it can go without saying something of more things."""
    if "Sing" not in noun.morph.get("Number"):
        return False
    return any(
        (c.dep_ == "det" and _lower(c) in ("le", "la", "l'")) or _lower(c) in ("du", "au")
        for c in noun.children
    )


def _introduces_examples(doc: Any, t: Any) -> bool:
    first = min(_subtree(t))
    word = _lower(doc[first])
    after = _lower(doc[first + 1]) if first + 1 < len(doc) else ""
    return (
        word in ("comme", "tels", "telles")
        or (word == "à" and after == "savoir")
        or (word == "par" and after == "exemple")
    )


def _needs_complement(noun: Any) -> bool:
    """A noun that means little without its first complement: a quantity ("50 milliards | de
    dollars", "49 % | des voix") or a bare noun in a locution ("au cours | des années")."""
    has_det = any(c.dep_ == "det" for c in noun.children)
    return not has_det or any(c.dep_ == "nummod" for c in noun.children) or noun.pos_ == "NUM"


def _own_cc(t: Any) -> set[int]:
    """A conjunct's "et"/"ou", and the comma before it, go with it."""
    if t.dep_ != "conj":
        return set()
    return {c.i for c in t.children if c.dep_ in ("cc", "punct") and c.i < t.i}


def _render(text: str, doc: Any, keep: Iterable[int]) -> str:
    idx = sorted(keep)
    out: list[str] = []
    for n, i in enumerate(idx):
        t = doc[i]
        out.append(text[t.idx : t.idx + len(t.text)])
        if n + 1 < len(idx):
            if idx[n + 1] == i + 1:
                out.append(text[t.idx + len(t.text) : doc[i + 1].idx])
            elif not t.text.endswith(("'", "’")):
                out.append(" ")
    rendered = " ".join("".join(out).split())
    return rendered.strip(" ,;:")


def _balanced(text: str) -> bool:
    opening = text.count("«") + text.count("“")
    closing = text.count("»") + text.count("”")
    return opening == closing and text.count('"') % 2 == 0


#: Prepositions that open a locution needing its "de" ("à l’aide de", "au cours de", "en
#: raison de"): a heading cut after the noun ("évacués à l’aide") says something else.
_LOCUTION_CASES = frozenset(["à", "au", "aux", "en"])
_DE = frozenset(["de", "d'", "du", "des"])


def _stands_alone(doc: Any, keep: set[int]) -> bool:
    """No pronoun pointing outside the heading ("il", "cela", "les"), a subject that is a noun
    or a name; no subject or conjunction kept without its verb or conjunct ("… mais la tête
    d’Adjovi"), no locution cut before its "de"."""
    for i in keep:
        t = doc[i]
        if t.pos_ == "PRON" and _lower(t) not in _ALLOWED_PRONOUNS and t.dep_ != "expl:comp":
            return False
        if (t.dep_.startswith("nsubj") or t.dep_ == "cc") and t.head.i not in keep:
            return False
    last = max(keep)
    cut_locution = (
        last + 1 < len(doc)
        and last + 1 not in keep
        and _lower(doc[last + 1]) in _DE
        and any(c.dep_ == "case" and _lower(c) in _LOCUTION_CASES for c in doc[last].children)
    )
    return not cut_locution


#: Determiners that point outside the sentence ("ce partenariat", "leur contrôle") or to the
#: writer ("ma vision"): a heading read before its section cannot lean on them.
#: Possessive determiners: they point to someone named before, or to the writer.
POSSESSIVES = frozenset(
    [
        "mon",
        "ma",
        "mes",
        "ton",
        "ta",
        "tes",
        "son",
        "sa",
        "ses",
        "notre",
        "nos",
        "votre",
        "vos",
        "leur",
        "leurs",
    ]
)
#: Determiners that point at something named before: demonstratives and possessives.
POINTING = frozenset(["ce", "cet", "cette", "ces"]) | POSSESSIVES


def _anaphoric(noun: Any) -> bool:
    """Pointing determiners in the noun phrase, or "l’autre"/"les autres" (the other one of
    something named before)."""
    definite = any(
        c.dep_ == "det" and _lower(c) in ("l'", "le", "la", "les") for c in noun.children
    )
    other = any(_lower(c) in ("autre", "autres") for c in noun.children)
    return (definite and other) or any(
        t.dep_ == "det" and _lower(t) in POINTING for t in noun.subtree
    )


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


#: Subordinating words whose clause the sentence asserts as true ("alors que X", "parce que X",
#: "où X"), so the clause can be a heading of its own; "si", "pour que", "avant que", "sans que"
#: or a "que" after "il semble" do not assert theirs.
_ASSERTED_MARKS = frozenset(
    ["alors", "tandis", "puisque", "puisqu'", "parce", "car", "quand", "lorsque", "lorsqu'"]
)


def compressions(text: str, max_chars: int) -> list[Compression]:
    """Shortened forms of the sentence ``text`` of at most ``max_chars`` characters, least
    shortened first (``rounds``: units removed beyond the first round); empty when the sentence
    has no subject of its own (a pronoun: "Il a démissionné"), is a question, or cannot be
    shortened enough without losing its claim. A clause the sentence asserts ("…, où Sam Altman
    réintègre OpenAI", "alors que les prix montent") is shortened too, after the main one."""
    text = text.strip().rstrip(" .…!")
    if not text or text.endswith("?"):
        return []
    doc = parse(text)
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if len(roots) != 1:
        return []  # two sentences, or a parse split in pieces: not trusted
    out = _clause(text, doc, roots[0], set(range(len(doc))), max_chars)
    for t in doc:
        if t.dep_ not in ("acl:relcl", "advcl") or t.pos_ != "VERB":
            continue
        lead = [
            c for c in t.children if c.i < t.i and c.dep_ in ("mark", "obl", "obl:mod", "advmod")
        ]
        words = {_lower(c) for c in lead}
        relative = t.dep_ == "acl:relcl" and words & {"où"}
        if relative or words & _ASSERTED_MARKS:
            inner = _subtree(t) - {x.i for c in lead if _lower(c) in words for x in c.subtree}
            seen = {c.text for c in out}
            out += [c for c in _clause(text, doc, t, inner, max_chars) if c.text not in seen]
    return out


def _clause(text: str, doc: Any, root: Any, allowed: set[int], max_chars: int) -> list[Compression]:
    """The shortened forms of the clause headed by ``root`` within the ``allowed`` tokens."""
    if not _trusted(root):
        return []
    subjects = [c for c in root.children if c.dep_.startswith("nsubj")]
    if len(subjects) != 1 or subjects[0].pos_ not in ("NOUN", "PROPN"):
        return []
    subject = subjects[0]
    if _anaphoric(subject) or (
        subject.pos_ == "NOUN" and not any(c.dep_ in ("det", "nummod") for c in subject.children)
    ):
        return []  # "ce partenariat", or a bare noun the parse took for a subject
    negated = _negated(root) or any(
        _negated(c) for c in root.children if c.dep_ in ("xcomp", "ccomp")
    )
    units = _units(doc, root, negated)
    gone: set[int] = set(range(len(doc))) - allowed
    gone |= set().union(*(u for r, _, u in units if r == 0))
    steps = [gone]
    # What the verb needs stays: its subject, objects, completive and attribute.
    core = {root.i} | {
        c.i for c in root.children if (c.dep_ in _CORE or c.dep_.split(":")[0] in _CORE)
    }
    for _, _, unit in sorted((u for u in units if u[0] > 0), key=lambda u: (u[0], -u[1])):
        if not unit <= gone and not unit & core:
            gone = gone | unit
            steps.append(gone)
    out: list[Compression] = []
    seen: set[str] = set()
    last = max(allowed)
    for n, removed in enumerate(steps):
        keep = set(range(len(doc))) - removed
        # Nothing left hanging from a removed word (a relative clause after an aside).
        keep = {i for i in keep if i == root.i or all(a.i in keep for a in _up_to(doc[i], root))}
        if not keep or not _stands_alone(doc, keep) or min(keep) not in _subtree(subject):
            continue  # a heading starts with its subject ("Sur un coup-franc Lorient a…")
        if not _agrees(root, subject, keep) or _bare_verb(doc, root, keep, last):
            continue
        versions = [(_render(text, doc, keep), False)]
        headline = _headline(text, doc, root, subject, keep, negated)
        if headline:
            versions.insert(0, (headline, True))
        for version, is_headline in versions:
            version = _capitalised(version)
            if (
                version not in seen
                and len(version) <= max_chars
                and len(version.split()) >= 3
                and _balanced(version)
                and quotations_intact(version, text)
            ):
                seen.add(version)
                pointing = sum(1 for i in keep if _lower(doc[i]) in POINTING)
                out.append(Compression(version, n, headline=is_headline, pointing=pointing))
    return out


def _up_to(t: Any, root: Any) -> list[Any]:
    """``t``'s ancestors below ``root`` (a clause's words hang from its verb)."""
    out = []
    for a in t.ancestors:
        if a.i == root.i:
            break
        out.append(a)
    return out


def _headline(text: str, doc: Any, root: Any, subject: Any, keep: set[int], negated: bool) -> str:
    """A present, affirmative "X est Y" as the headline "X, Y" ("Microsoft est l’une des
    rares sociétés…" → "Microsoft, l’une des rares sociétés…"); "" for any other sentence (a past
    or future "était", a negation, a modal would be lost)."""
    cops = [c for c in root.children if c.dep_ == "cop"]
    if root.pos_ not in ("NOUN", "PROPN", "PRON"):
        return ""  # "Les raisons, nombreuses" reads as a fragment: nouns only
    if negated or len(cops) != 1 or any(c.dep_.startswith("aux") for c in root.children):
        return ""
    cop = cops[0]
    if _lower(cop) not in ("est", "sont") or subject.i > cop.i or root.i < cop.i:
        return ""
    subj = _subtree(subject) & keep
    pred = keep - subj - {cop.i} - {i for i in keep if i < cop.i}
    if not subj or not pred:
        return ""
    return f"{_render(text, doc, subj)}, {_render(text, doc, pred)}"


def _only_verb(word: str) -> bool:
    """A word the lexicon knows only as a verb ("interdire"), which the small model sometimes
    tags as a noun: a phrase holding it is a misread clause."""
    from plume.lang.fr.lexicon import load_lexicon

    return word[:1].islower() and load_lexicon().pos(word) == frozenset({"VERB"})


#: Third-person pronouns standing for someone named before them: subjects and object clitics
#: ("en" and "y" are left out: they often stand for a whole clause or a place).
_SUBJECT_PRONOUNS = frozenset(["il", "elle", "ils", "elles", "ça", "cela", "ceci"])
_OBJECT_PRONOUNS = frozenset(["le", "la", "les", "l'", "lui", "leur"])


@lru_cache(maxsize=1)
def _impersonal() -> re.Pattern[str]:
    from plume.lang.fr import read_list

    words = sorted(read_list("section_openers_impersonal.txt"), key=len, reverse=True)
    alternation = "|".join(re.escape(w.replace("’", "'")) for w in words)
    return re.compile(rf"(?:{alternation})(?![\w'])", re.IGNORECASE)


def _governors(t: Any) -> list[Any]:
    """The verb ``t`` depends on and the verbs above it through infinitive complements ("à le
    prendre" under "s’est préparé")."""
    out, head = [t.head], t.head
    while head.dep_ == "xcomp" and head.head.i != head.i:
        head = head.head
        out.append(head)
    return out


def dangling_pronoun(text: str) -> bool:
    """``text`` has a third-person pronoun whose antecedent it does not hold: "Microsoft s’est
    préparé à le prendre en charge" (whom?), "Inscrit sur une liste noire, il a vu…" (who?). A
    field read on its own (title, SEO title, meta description) cannot lean on the sentence
    before it. An antecedent is a noun or name before the pronoun that is not the subject of
    its own verb, in an earlier clause for a subject pronoun ("Quand Altman est parti,
    il…"; not "Inscrit sur la liste par la présidente, il…"); impersonal "il" ("il faut", "il y a") points at
    nothing and is fine."""
    stripped = text.strip()
    if not stripped:
        return False
    doc = parse(stripped)
    prepared = _prepare(stripped)
    for t in doc:
        low = _lower(t)
        if t.pos_ != "PRON":
            continue
        if low in _SUBJECT_PRONOUNS and t.dep_ in ("nsubj", "nsubj:pass"):
            if _impersonal().match(prepared, t.idx):
                continue
            # The small model's parse of fronted adjuncts is unreliable ("Inscrit" as the
            # root), so the clause is read from the words: a subject pronoun with no finite
            # verb before it opens the text's first clause, whose antecedent is elsewhere.
            found = any(
                x.pos_ in ("VERB", "AUX") and "Fin" in x.morph.get("VerbForm") for x in doc[: t.i]
            ) and any(x.pos_ in ("NOUN", "PROPN") for x in doc[: t.i])
        elif low in _OBJECT_PRONOUNS and t.dep_ in ("obj", "iobj") and t.i + 1 < len(doc):
            subjects: set[int] = set()
            for verb in _governors(t):
                for c in verb.children:
                    if c.dep_.startswith("nsubj"):
                        subjects |= _subtree(c)
            found = any(x.pos_ in ("NOUN", "PROPN") and x.i not in subjects for x in doc[: t.i])
        else:
            continue
        if not found:
            return True
    return False


def has_finite_clause(text: str) -> bool:
    """spaCy finds a conjugated verb in ``text``: the author's "Les analystes X et Y passer en
    revue…" (a translation's infinitive for "passent") is no sentence to publish as a summary,
    though the lexicon reads "revue" as a verb form."""
    return any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in parse(text))


def publishable(text: str) -> bool:
    """A sentence a snippet can show alone: a conjugated verb, and no pronoun whose antecedent
    is in the sentence before ("Créé en 1947, il est…": who?)."""
    return has_finite_clause(text) and not dangling_pronoun(text)


def _lone_entre(kept: Sequence[Any]) -> bool:
    """ "Le lien entre l’architecte": "entre" needs two things or a plural ("entre les deux
    pays"); a singular alone after it is a pair cut in two, whatever the parse linked."""
    if any(_lower(x) == "et" for x in kept):
        return False
    for x in kept:
        if _lower(x) == "entre":
            noun = x.head if x.dep_ == "case" else None
            return noun is None or "Plur" not in noun.morph.get("Number")
    return False


def _glued_on(doc: Any, last: Any, keep: set[int]) -> bool:
    """``last`` is glued to a word left out ("openai" of "openai/microsoft"): cut there, the
    phrase names half of something."""
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    return (
        nxt is not None
        and not last.whitespace_
        and nxt.i not in keep
        and nxt.text not in (",", ".", ";", ":", ")", "»", "”", "…", "!", "?", "\u202f")
    )


def noun_phrases(text: str, max_chars: int) -> list[str]:
    """The subject and object noun phrases of the sentence ``text``, trimmed of their clauses,
    asides and nested complements, as short headings copied from it ("La tyrannie des titans";
    names alone and pronouns are left out)."""
    text = text.strip().rstrip(" .…!?")
    doc = parse(text)
    aside = _parenthesised(doc)
    out: list[str] = []
    heads = [
        t
        for t in doc
        if t.dep_ in ("nsubj", "nsubj:pass", "obj", "obl:arg")
        and t.pos_ == "NOUN"
        and not any(c.dep_ == "det" and _lower(c) in POINTING for c in t.children)
    ]
    heads.sort(key=lambda t: (not t.dep_.startswith("nsubj"), t.i))  # the subject first
    for t in heads:
        keep = _subtree(t) - aside
        first = min((c.i for c in t.children if c.dep_ == "nmod"), default=None)
        for x in t.subtree:
            nested = x.dep_ == "nmod" and x.head.dep_ == "nmod" and not _compound(x)
            later = x.dep_ == "nmod" and x.head.i == t.i and x.i != first and not _compound(x)
            pointing = x.i != t.i and any(_lower(y) in POINTING for y in x.subtree)
            clause = x.dep_ in ("acl", "acl:relcl", "appos", "parataxis", "conj", "cc")
            if (nested or later or clause or pointing) and x.i != t.i:
                keep -= _subtree(x)
            elif x.dep_ == "punct" or (x.dep_ == "case" and x.head.i == t.i):
                keep.discard(x.i)
        kept = [doc[i] for i in sorted(keep)]
        words = [x.i for x in kept if x.pos_ != "PUNCT"]
        if words and any(
            doc[j].pos_ != "PUNCT" and j not in aside
            for j in range(words[0], words[-1] + 1)
            if j not in keep
        ):
            # Words taken out from the middle join what the source does not ("La société
            # [cofondée par Camille Roussel,] ancienne ingénieure de l’ONF"): a copied heading
            # is one stretch of the source.
            continue
        cut_pair = any(x.dep_ == "conj" and x.head.i in keep and x.i not in keep for x in t.subtree)
        if (
            not kept
            # "entre l’intestin [et le cerveau]": a pair cut in two says nothing.
            or (cut_pair and any(_lower(x) == "entre" for x in kept))
            or _lone_entre(kept)
            or kept[0].pos_ != "DET"
            or kept[-1].pos_ in ("ADP", "DET", "CCONJ")
            or any(x.pos_ in ("VERB", "AUX", "SCONJ", "PRON") for x in kept)
            or any(_lower(x) in POINTING for x in kept)
            or any(_only_verb(x.text) for x in kept)
            # "Les pommes par des poires Conférence": a « par » complement is the verb's
            # (agent, means) that the small parse hung on the noun.
            or any(_lower(x) == "par" for x in kept)
            or _glued_on(doc, kept[-1], keep)
            # "Aucun relevé bancaire de la société": a negation without its verb says the
            # opposite of nothing — and it was a prosecutor's claim (read blind).
            or _lower(kept[0]) in ("aucun", "aucune", "nul", "nulle")
        ):
            continue  # a determiner first (not a bare "80 milliards de dollars"), no clause,
            # nothing pointing outside the heading
        phrase = _capitalised(_render(text, doc, keep))
        if len(phrase.split()) >= 2 and len(phrase) <= max_chars and _balanced(phrase):
            out.append(phrase)
    return out
