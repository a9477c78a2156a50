"""Sentences compressed by deletion (:func:`trims`), for titles and meta descriptions.

Parentheticals, asides, appositions, opening adverbials and trailing participial clauses are
removed, never a word added, and never what carries the claim's truth — the subject and verb, a
negation, a condition ("si"), an attribution ("selon", "a assuré une source") or a hedge. Also
the verb tests the fields share (:func:`has_finite_verb`, :func:`has_certain_verb`,
:func:`reports_speech`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from plume.lang.fr import fold, load_french
from plume.lang.fr.lexicon import load_lexicon
from plume.text import quotations_intact
from plume.write.compress import SCOPE

__all__ = [
    "CONNECTORS",
    "SUBJECT_PRONOUNS",
    "Trim",
    "first_word",
    "has_certain_verb",
    "has_finite_verb",
    "reports_speech",
    "trims",
]


#: Words that open a clause the rest depends on for its truth: a condition, an attribution, a
#: hedge. An opening phrase, an aside or a tail starting with one is never deleted.
_PROTECTED = (
    "si",
    "s’il",
    "s’ils",
    "selon",
    "d’après",
    "sauf",
    "à moins",
    "au cas",
    "en cas",
    "faute",
    "à condition",
    "à en croire",
    "peut-être",
    "probablement",
    "apparemment",
    "vraisemblablement",
    "éventuellement",
    "sans doute",
)
#: Connectors an opening can lose without changing what the sentence says.
CONNECTORS = re.compile(
    r"^(?:Mais|Et|Or|Donc|Ainsi|Pourtant|Cependant|Toutefois|Néanmoins|Enfin|Puis|"
    r"Par ailleurs|En outre|De plus|D’ailleurs|En effet|Aussi,)\s*,?\s+"
)
#: How a trailing clause that only adds circumstances opens (", suscitant…", ", alors que…").
_TAIL_OPENERS = (
    "alors que",
    "tandis que",
    "même si",
    "ce qui",
    "ce que",
    "qui",
    "dont",
    "avec",
    "notamment",
    "y compris",
    "tels que",
    "telles que",
    "tel que",
    "telle que",
    "comme",
    "puisque",
    "soit",
    "malgré",
    "en dépit",
    "et ce",
)
#: Prepositions a title may be cut before (its trailing circumstance: "dans le drame…").
_TITLE_CUTS = re.compile(
    r"\s+(?=(?:dans|lors|depuis|au cours|au milieu|en raison|grâce|avec|pendant|"
    r"chez|sous|contre|face à|afin|pour que|parce que|puisque|alors que|tandis que)\b"
    # "après"/"avant" are adverbs too ("six mois après"): only before a noun phrase.
    r"|(?:après|avant) (?:le|la|les|l’|un|une|des|son|sa|ses|leur|[A-Z]))"
)
_SUBJECT_OPENERS = frozenset(
    [
        "le",
        "la",
        "les",
        "l’",
        "un",
        "une",
        "des",
        "ce",
        "cet",
        "cette",
        "ces",
        "son",
        "sa",
        "ses",
        "leur",
        "leurs",
        "mon",
        "ma",
        "mes",
        "notre",
        "nos",
        "il",
        "elle",
        "ils",
        "elles",
        "on",
        "plusieurs",
        "certains",
        "certaines",
        "de",
        "du",
        "chaque",
        "tout",
        "tous",
        "toute",
        "toutes",
        "aucun",
        "aucune",
        "nombre",
        "beaucoup",
    ]
)
_CONJUNCTIONS = frozenset(["et", "ou", "mais", "donc", "car", "ni", "puis", "or"])
SUBJECT_PRONOUNS = frozenset(["je", "j’", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles"])
_DETERMINERS = frozenset(["le", "la", "les", "l’", "un", "une"])
#: "…de Sam Altman, Microsoft et OpenAI est…": a list of names goes on after the comma.
_ENUMERATED = re.compile(r"^[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)* et ")
_SUBORDINATE = re.compile(r"(?i)(?<![\w’])(?:que|qu’|si|quand|lorsque|lorsqu’|puisque|comme)\b")
_SUBORDINATORS = (
    "alors",
    "tandis",
    "lorsque",
    "lorsqu’",
    "quand",
    "parce",
    "puisque",
    "puisqu’",
    "bien",
    "comme",
    "que",
    "qu’",
    "sans",
    "ainsi",
)
_RELATIVES = ("qui", "dont", "où", "lequel", "laquelle", "lesquels", "lesquelles")
_NEG_CLOSERS = re.compile(r"\b(?:pas|plus|jamais|rien|aucun|aucune|guère|personne|point)\b")
_NE = re.compile(r"(?:^|\s)(?:ne\s|n’)", re.IGNORECASE)
_SPEECH_VERBS = re.compile(
    r"\b(?:a|ont|avait|avaient)(?:-t-(?:il|elle|ils|elles))?\s+(?:assuré|affirmé|déclaré|dit|"
    r"indiqué|précisé|expliqué|souligné|annoncé|estimé|confié|ajouté|poursuivi|rapporté)\b|"
    r"\b(?:estime|précise|affirme|assure|indique|souligne|explique|ajoute|déclare|selon)\b"
)


def reports_speech(text: str) -> bool:
    """``text`` attributes what it says ("…, a déclaré le maire", "selon X", "X estime")."""
    return _SPEECH_VERBS.search(text) is not None


_TRAILING_WHEN = re.compile(
    r"(?i),? (?:ce |dès |depuis )?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|"
    r"aujourd’hui|demain)(?: (?:matin|midi|après-midi|soir|dernier))?$"
)
_KEPT_ADVERBS = frozenset(
    [
        "seulement",
        "uniquement",
        "exclusivement",
        "probablement",
        "apparemment",
        "vraisemblablement",
        "éventuellement",
        "potentiellement",
        "possiblement",
        "nullement",
        "aucunement",
        "totalement",
        "partiellement",
        "presque",
        "notamment",
        "également",
        "davantage",
        "moins",
    ]
)
#: Asides longer than this are clauses of their own, not asides.
_MAX_ASIDE_WORDS = 20


@dataclass(frozen=True)
class Trim:
    """A sentence with zero or more spans deleted."""

    text: str
    #: How many spans were removed (0: the author's sentence as it is).
    deletions: int


def first_word(text: str) -> str:
    m = re.match(r"[\w’'-]+’?", text.replace("'", "’"))
    word = m.group() if m else ""
    # "l’affaire" → "l’"
    head, sep, _ = word.partition("’")
    return fold(head + sep) if sep and len(head) <= 2 else fold(word)


def _starts_with(text: str, openers: Sequence[str]) -> bool:
    low = fold(text.lstrip()).replace("'", "’")
    return any(low == o or low.startswith((o + " ", o + ",")) for o in openers) or any(
        o.endswith("’") and low.startswith(o) for o in openers
    )


def _subject_like(text: str) -> bool:
    """Whether ``text`` can open a clause as its subject: a determiner, a pronoun, a name."""
    t = text.lstrip(" «\u00a0")
    if t[:1].isupper():
        return True
    return first_word(t).replace("'", "’") in _SUBJECT_OPENERS


def _all_names(text: str) -> bool:
    words = [w for w in re.findall(r"[\w’'-]+", text) if fold(w) not in _function_words()]
    return bool(words) and all(w[:1].isupper() for w in words)


@cache
def _function_words() -> frozenset[str]:
    return load_french().function_words


def _spans(sentence: str, *, aggressive: bool, description: bool = False) -> list[tuple[int, int]]:
    """Spans of ``sentence`` that can go without changing what it says about whom."""
    spans: list[tuple[int, int]] = []
    # Parentheticals and dash asides ("(OFAG)", " − qu’il a perdue face à… − ").
    for m in re.finditer(r"\s*\([^()]{1,160}\)", sentence):
        spans.append((m.start(), m.end()))
    for m in re.finditer(r"\s+[–—−]\s+[^–—−]{1,200}?\s+[–—−](?=[\s,.])", sentence):
        spans.append((m.start(), m.end()))
    # An opening adverbial or participial phrase before the subject ("Photos à l’appui, le
    # tabloïd…", "Même si OpenAI est…, Microsoft…"); a name alone is the subject, not an opener.
    if connector := CONNECTORS.match(sentence):
        spans.append((0, connector.end()))
    intro_ends: list[int] = []
    # Up to the third comma: "Au cours du week-end, une fois que le conseil…, Microsoft…".
    for first in [m.start() for m in re.finditer(r", ", sentence)][:3]:
        if first > 200:
            break
        head, rest = sentence[:first], sentence[first + 2 :]
        if (
            not _starts_with(CONNECTORS.sub("", head), _PROTECTED)
            # "Dans les quatorze autres communes, les résultats sont conformes": without its
            # scope the clause says it of all (read blind, an SEO title did).
            and not SCOPE.match(CONNECTORS.sub("", head))
            and not re.search(r", (?:si|s’il|s’ils|selon|d’après)\b", head)
            and not _all_names(head)
            and first_word(head) not in ("pourquoi", "comment", "combien", "quand")
            and not _ENUMERATED.match(rest)
            # A clause of its own is an opening only when subordinate ("une fois que…") or a
            # purpose ("Pour résumer pour ceux qui…, Sam Altman a été…").
            and (
                not has_certain_verb(head)
                or _SUBORDINATE.search(head) is not None
                or (description and _purpose_opening(head, rest))
            )
            # "Pour obtenir un visa, les candidats doivent…": the purpose is the obligation's
            # condition.
            and not (_PURPOSE.match(head) and _MODAL.search(rest))
            and _subject_like(rest)
            and not _SPEECH_VERBS.search(head)
            and not _apposed_subject(rest)
        ):
            spans.append((0, first + 2))
            intro_ends.append(first + 2)
    # Asides between commas, opening in lower case: appositions and non-restrictive relatives
    # ("Sam Altman, le PDG d’OpenAI, a été…"). Not a list ("les uns, les autres, les…"), not a
    # coordination, not an attribution or a hedge.
    commas = [m.start() for m in re.finditer(r", ", sentence)]
    for a, b in itertools.pairwise(commas):
        inner = sentence[a + 2 : b]
        after = sentence[b + 2 :]
        before = sentence[:a].rsplit(", ", 1)
        # "À Porz-Meur, petite commune du Finistère où je mène…, 62 % des logements…": the
        # place's apposition, between the opening place and the subject.
        place = (
            description
            and len(before) == 1
            and _PLACE_OPENER.match(before[0]) is not None
            and (_subject_like(after) or after[:1].isdigit())  # "62 % des logements"
        )
        if (
            inner[:1].islower()
            and (len(before) > 1 or _names_subject(before[0]) or place)
            and len(inner.split()) <= _MAX_ASIDE_WORDS
            and first_word(inner) not in _CONJUNCTIONS
            and first_word(inner) not in SUBJECT_PRONOUNS
            and not any(c in inner for c in ":;«»")
            and (
                _starts_with(inner, _RELATIVES)
                or not has_finite_verb(inner)
                # "petite commune où…": "commune" reads as a verb too; its relative is no verb.
                or (place and not has_certain_verb(_BEFORE_RELATIVE.split(inner)[0]))
            )
            and not _starts_with(inner, _SUBORDINATORS)
            and (_continues_clause(after) or place)
            and not _starts_with(inner, _PROTECTED)
            and not _SPEECH_VERBS.search(inner)
            and not (first_word(inner) in _SUBJECT_OPENERS and _subject_like(after))
        ):
            spans.append((a + 1 if place else a, b + 1))  # "À Porz-Meur, 62 %…" keeps its comma
    # A trailing clause of circumstance (", suscitant des interrogations.").
    end = len(sentence.rstrip(" .!?…\u00a0\u202f"))
    for last in commas:
        # From any comma: ", alors que…, mardi 26 avril" goes whole.
        tail = sentence[last + 2 : end]
        word = first_word(tail)
        apposition = first_word(tail) in _DETERMINERS and not has_finite_verb(tail)
        gerund = word == "en" and _is_participle(first_word(tail[3:]))
        # ", pour assurer leur croissance…": why, not what (the clause before has no "doit").
        why = description and _purpose_opening(tail, sentence[:last])
        # ", après la détection de…", ", aux côtés de Bpifrance…": when, with whom, not what.
        around = description and _starts_with(tail, _DESCRIPTION_TAILS)
        if (
            (
                _starts_with(tail, _TAIL_OPENERS)
                or _is_participle(word)
                or apposition
                or gerund
                or why
                or around
            )
            and not _SPEECH_VERBS.search(tail)
            and not _starts_with(tail, _PROTECTED)
        ):
            spans.append((last, end))
    # "…parachève un chantier institutionnel entamé il y a moins de dix ans.": "un chantier
    # entamé…" is "un chantier" still (not so under a negation, nor for "le", "les": which ones).
    if description and not _NE.search(sentence):
        for m in _INDEFINITE_PARTICIPLE.finditer(sentence[:end]):
            tail = sentence[m.start(1) : end]
            if (
                m.start() > 15
                and load_lexicon().entry(m.group(1)).has("K")
                # "il y a dix ans" says when, no clause of its own
                and not has_finite_verb(tail.replace("il y a ", ""))
                and not any(c in tail for c in ",;:«»()")
                and has_certain_verb(sentence[: m.start()])
            ):
                spans.append((m.start(1) - 1, end))
    # What a colon or a semicolon opens, after a whole clause: "Le vélo en ville n’est plus une
    # affaire de militants : à Lyon, …" says the first part on its own.
    for m in re.finditer(r"[\s\u00a0\u202f]+[:;][\s\u00a0\u202f]+", sentence[:end]):
        if (
            m.start() > 15
            and has_certain_verb(sentence[: m.start()])
            and not _SPEECH_VERBS.search(sentence[m.start() : end])
        ):
            spans.append((m.start(), end))
    # A trailing coordinated clause: "A, et B" or "A et considère B" says A.
    for m in re.finditer(r",? (?:et|mais) (?=[\w’'-]+)", sentence[:end]):
        nxt = re.match(r"[\w’'-]+", sentence[m.end() :])
        verb = bool(
            nxt and nxt.group()[:1].islower() and load_lexicon().entry(nxt.group()).has("VX")
        )
        # "… et les habitants ont pris…": a clause with its own subject and verb.
        clause = re.match(r"(?:[\w’'-]+ ){1,4}", sentence[m.end() :])
        verb = verb or bool(
            nxt
            and first_word(nxt.group()) in _SUBJECT_OPENERS
            and clause
            and has_certain_verb(clause.group())
        )
        if (
            (m.group().startswith(",") or verb)
            and m.start() > 15
            and not _SPEECH_VERBS.search(sentence[m.start() : end])
        ):
            spans.append((m.start(), end))
    for m in re.finditer(r"\s+[-–—−]\s+(?=[^-–—−]+$)", sentence[:end]):
        spans.append((m.start(), end))
    cuts: list[tuple[int, int]] = []
    adverbs: list[tuple[int, int]] = []
    if aggressive:
        # Only in the last clause: a cut inside an opening clause leaves no main clause.
        floor = max([15, *intro_ends])
        # A trailing "vendredi", "mercredi soir": when, not what.
        if when := _TRAILING_WHEN.search(sentence[:end]):
            cuts.append((when.start(), end))
        for m in _TITLE_CUTS.finditer(sentence[:end]):
            if m.start() > floor:
                cuts.append((m.start(), end))
        # Before a participial phrase ("…non vérifiées submergeant le public…").
        for m in re.finditer(r" (?=([\w’'-]+ant)\b)", sentence[:end]):
            if m.start() > floor and _is_participle(m.group(1)):
                cuts.append((m.start(), end))
    if aggressive:
        # Manner adverbs ("immédiatement"): the event stays, its manner goes. Not those that
        # restrict, hedge or negate ("seulement", "probablement", "nullement").
        for m in re.finditer(r" ([\w’-]+ment)\b", sentence[:end]):
            if fold(m.group(1)) not in _KEPT_ADVERBS and load_lexicon().entry(m.group(1)).has("R"):
                adverbs.append((m.start(), m.end()))
    # The deletions of the claim's asides first; at most a few of the title cuts (each runs to
    # the end, so no two combine) and of the adverbs.
    cuts = sorted(set(cuts))[:3] + sorted(set(adverbs))[:2]
    return sorted(set(spans))[: _MAX_SPANS - len(cuts)] + cuts


_BEFORE_RELATIVE = re.compile(r"(?<![\w’'])(?:qui|que|qu’|dont|où)(?![\w’'])")
_PLACE_OPENER = re.compile(r"^(?:À|Au|Aux|En|Dans) [A-ZÀ-Ý][\w’'-]*$")
#: Trailing circumstances a description may lose (the event stays whole before them).
_DESCRIPTION_TAILS = ("après", "aux côtés", "à la suite", "suite à", "au lendemain")
#: An indefinite noun (and an adjective) then a participle: "un chantier institutionnel entamé".
_INDEFINITE_PARTICIPLE = re.compile(
    r"(?i)(?<![\w’'])(?:un|une|des) [\w’'-]+(?: [\w’'-]+)? ([\w-]+(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|t|te|ts|tes))(?= )"
)
#: "Pour comprendre…, " "Afin de mesurer…, ": why the subject did it, not what it did.
_PURPOSE = re.compile(r"(?i)(?:pour|afin d[e’'])\s*(?:mieux |bien |[\w-]+ment )?([\w-]+)")
#: A main clause of obligation or means ("Pour obtenir un visa, il faut…", "…, les candidats
#: doivent…"): there the purpose is its condition, and stays.
_MODAL = re.compile(
    r"(?i)(?<![\w’'])(?:faut|faudra|faudrait|doit|doivent|devra|devront|devrait|devraient|"
    r"suffit|suffira|peut|peuvent|pourra|pourront|nécessaire|indispensable|obligatoire)(?![\w’'])"
)


def _purpose_opening(head: str, rest: str) -> bool:
    """``head`` is a purpose phrase ("Pour résumer brièvement pour ceux qui…") the clause in
    ``rest`` stays true without."""
    m = _PURPOSE.match(head)
    return (
        m is not None and load_lexicon().entry(m.group(1)).has("W") and _MODAL.search(rest) is None
    )


def _names_subject(segment: str) -> bool:
    """Whether a sentence's first segment opens on its subject (a determiner, a name) rather
    than on an opening phrase ("Intrigués par ce cas, des chercheurs…": there the aside *is*
    the subject)."""
    first = first_word(segment).replace("'", "’")
    if first in _SUBJECT_OPENERS:
        return True
    m = re.match(r"[\w’'-]+", segment)
    if not m or not m.group()[:1].isupper():
        return False
    entry = load_lexicon().entry(m.group())
    return entry.guessed or "PROPN" in entry.pos


def _apposed_subject(rest: str) -> bool:
    """ "Hwang Sok-yong, est un homme heureux": what precedes the first comma was the subject's
    apposition ("L’un des écrivains…, Hwang Sok-yong, est…"), not an opening phrase."""
    head, sep, after = rest.partition(", ")
    return bool(sep) and len(head.split()) <= 6 and _continues_clause(after)


def _continues_clause(after: str) -> bool:
    """After an aside, the clause goes on with its verb ("Sam Altman, le PDG, *a été*…"); any
    other word would attach to what precedes the aside and change who is what."""
    word = first_word(after)
    if word in ("ne", "n’", "s’", "se", "y"):
        return True
    m = re.match(r"[\w’'-]+", after)
    if m is None:
        return False
    return m.group()[:1].islower() and load_lexicon().entry(m.group()).has("VX")


#: Words that open a relative or subordinate clause: a verb after them is not the main one.
_CLAUSE_OPENERS = frozenset(["qui", "que", "qu’", "qu'", "dont", "où", "lorsque", "quand", "si"])


#: Verb forms the news never uses as such: "plus" (passé simple of "plaire", first person) is
#: "Le plus inquiétant", a fragment.
_NOT_VERBS = frozenset(["plus"])


def has_finite_verb(text: str) -> bool:
    """Whether ``text`` holds a conjugated verb or auxiliary (Lefff), in lower case, outside a
    relative clause: "Deux travaux qui ont rendu ses lettres de noblesse à l’intestin" is a noun
    phrase, not a sentence."""
    lex = load_lexicon()
    words = re.findall(r"[\w’'-]+|[,;:]", text)
    opener = False
    for w in words:
        low = w.lower()
        if low in _NOT_VERBS:
            continue
        if w[:1].islower() and lex.entry(w).has("VX"):
            if not opener:
                return True
            opener = False  # the relative clause's own verb
        elif low in _CLAUSE_OPENERS or low.startswith(("qu’", "qu'")):
            opener = True
        elif low in (",", ";", ":"):
            opener = False
    return False


#: Auxiliary forms that are verbs whatever else they could be ("est" is a noun too).
_AUX_FORMS = frozenset(
    [
        "a",
        "ont",
        "est",
        "sont",
        "était",
        "étaient",
        "sera",
        "seront",
        "avait",
        "avaient",
        "fut",
        "furent",
    ]
)


def has_certain_verb(text: str) -> bool:
    """Whether ``text`` holds a conjugated verb no other reading explains ("réforme" can be a
    noun: not counted)."""
    lex = load_lexicon()
    for token in re.findall(r"[\w’'-]+", text):
        w = re.sub(r"^\w{1,2}[’']", "", token)  # "n’est" → "est"
        if not w[:1].islower():
            continue
        tags = {a.tag for a in lex.entry(w).analyses}
        if fold(w) in _AUX_FORMS or (tags & {"V", "X"} and not tags & {"N", "A", "P", "D"}):
            return True
    return False


def _is_participle(word: str) -> bool:
    if not word.endswith("ant"):
        return False
    return load_lexicon().entry(word).has("G")


def _tidy(text: str) -> str:
    text = re.sub(r" +", " ", text).strip()
    # A deletion leaves "mot ," or "mot ." (French spacing before ":" "?" "!" is a no-break
    # space and stays).
    text = re.sub(r" ([,.])", r"\1", text)
    text = re.sub(r",\s*([.!?…])$", r"\1", text)
    text = re.sub(r"^[,;:\s]+", "", text)
    return text[:1].upper() + text[1:]


def _valid(kept: str, removed: str, original: str = "") -> bool:
    """A compression keeps its negations whole, its quotation marks paired and a finite verb."""
    if kept.count("«") != kept.count("»") or kept.count("(") != kept.count(")"):
        return False
    if _SPEECH_VERBS.search(removed):
        return False  # an attribution goes: what was reported would read as a fact
    if _NE.search(removed) and not _NEG_CLOSERS.search(removed):
        return False  # "ne" deleted without its "pas"
    if _NEG_CLOSERS.search(removed) and _NE.search(kept):
        # A "pas" deleted while a "ne" stays: the kept clause needs it.
        ne = len(_NE.findall(kept))
        if len(_NEG_CLOSERS.findall(kept)) < ne:
            return False
    words = re.findall(r"[\w’'-]+", kept)
    if not words or fold(words[-1]) in load_french().dangling_words:
        return False
    ends = re.findall(r"[\w’'-]+", original)
    if ends and words[-1] != ends[-1]:
        # The end was cut: the verb must keep its complement.
        if _ENDS_ON_VERB.search(kept.rstrip(" .!?…")):
            return False  # "Jean-Paul Delevoye s’est mis"
        # A name is no verb ("…ses premiers écouteurs, appelés Parla": "parla" is one).
        last = (
            set()
            if words[-1][:1].isupper()
            else {a.tag for a in load_lexicon().entry(words[-1]).analyses}
        )
        if last and last <= {"V", "X"}:
            return False
        before = fold(words[-2]) if len(words) > 1 else ""
        if "V" in last and before not in load_french().function_words and kept.count(",") > 1:
            return False  # "Léa Fournier, 38 ans, garde [le refuge…]": a verb cut from its object
    # A verbless headline ("Ma tarte tatin aux poires (la recette de ma grand-mère)") may lose
    # an aside and stay verbless; a sentence keeps its verb.
    verb_kept = has_finite_verb(kept) or not has_finite_verb(original or kept)
    return verb_kept and not _open_que(kept)


#: "que" not opening a clause: comparisons and lists ("plus que", "ainsi que", "tel que").
_QUE_NO_CLAUSE = re.compile(
    r"(?i)(?:(?:plus|moins|autant|aussi|si)(?:\s+[\w-]+){0,2}|ainsi|tel|telle|tels|telles|"
    r"même|autre|autres)\s+qu[e’']$"
)


def _open_que(kept: str) -> bool:
    """A "que" clause left without its verb: "il semble qu’un changement [… soit à venir]"."""
    lex = load_lexicon()
    matches = list(re.finditer(r"(?i)(?<![\w’'])qu(?:e\b|[’'])", kept))
    if not matches:
        return False
    last = matches[-1]
    before = kept[: last.end()]
    negations = list(_NE.finditer(kept[: last.start()]))
    only = bool(negations) and not _NEG_CLOSERS.search(kept[negations[-1].end() : last.start()])
    if _QUE_NO_CLAUSE.search(before) or only:
        return False  # a comparison, or "ne … que" (only)
    rest = re.findall(r"[\w’'-]+", kept[last.end() :])
    return bool(rest) and not any(
        w[:1].islower() and lex.entry(re.sub(r"^\w{1,2}[’']", "", w)).has("VX") for w in rest
    )


_ANAPHOR = re.compile(
    r"(?i)(?<![\w-])(?:ce(?:tte)?s? derni[eè]re?s?|cel(?:ui|le|les)-(?:ci|là)|ceux-(?:ci|là))(?![\w-])"
)
_ENDS_ON_VERB = re.compile(r"(?:s’est|se sont|s’était|s’étaient|s’)\s*[\w-]+$")
#: Spans combined at most (2**9 variants per sentence).
_MAX_SPANS = 9


def trims(sentence: str, *, aggressive: bool = False, description: bool = False) -> list[Trim]:
    """``sentence`` and the shorter sentences made of its own words by deleting spans that carry
    no part of its claim (see the module doc); ``aggressive`` also cuts trailing circumstances
    (for titles); ``description`` also a purpose ("Pour résumer…, ", ", pour assurer…") and what
    a participle adds to an indefinite noun at the end ("un chantier entamé il y a dix ans").
    The sentence itself comes first."""
    sentence = " ".join(sentence.split())
    out = [Trim(sentence, 0)]
    seen = {sentence}
    spans = sorted(_spans(sentence, aggressive=aggressive, description=description))
    if anaphor := _ANAPHOR.search(sentence):
        # "cette dernière", "celui-ci" point at a noun before them: it stays (deleting "par la
        # présidente Park Geun-hye" left "il a vu cette dernière tomber" pointing at nothing).
        spans = [x for x in spans if x[0] >= anaphor.end()]
    for k in range(1, len(spans) + 1):
        for combo in itertools.combinations(spans, k):
            if any(x[1] > y[0] for x, y in itertools.pairwise(combo)):
                continue  # overlapping
            kept, removed, pos = [], [], 0
            for a, b in combo:
                kept.append(sentence[pos:a])
                removed.append(sentence[a:b])
                pos = b
            kept.append(sentence[pos:])
            text = _tidy(" ".join(kept))
            if text[-1:] not in ".!?…»" and sentence[-1:] in ".!?":
                text = text.rstrip(",;: ") + sentence[-1]
            if (
                text in seen
                or not _valid(text, " ".join(removed), sentence)
                or not quotations_intact(text, sentence)
            ):
                continue
            seen.add(text)
            out.append(Trim(text, k))
    return out


# -- the description -----------------------------------------------------------------------------
