"""Meta descriptions built from the author's own sentences (faithful mode: nothing invented).

Yoast's MetaDescriptionLengthAssessment recommends 120–156 characters; Google cuts longer
snippets, and a description that stops mid-sentence reads as broken, so a description here is
always whole sentences: one of the lead's sentences, or two adjacent ones, that fit the window and
hold the keyphrase (Yoast's MetaDescriptionKeywordAssessment). When none fits, a sentence is
*compressed by deletion* (:func:`trims`): parentheticals, asides, appositions, opening
adverbials and trailing participial clauses are removed, never a word added, and never what
carries the claim's truth — the subject and verb, a negation, a condition ("si"), an attribution
("selon", "a assuré une source") or a hedge. Nothing fits even so: the best whole sentence, never
a cut one (plume's SEO-META-CUT check would say so). The verify stage re-checks the result.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from plume.analyse.keyphrase import KeyphraseMatcher
from plume.lang.fr import fold, load_french
from plume.lang.fr.lexicon import load_lexicon
from plume.text import quotations_intact, sentences
from plume.write.compress import dangling_pronoun, publishable
from plume.write.gate import Supported, first_supported

#: Yoast SEO MetaDescriptionLengthAssessment: recommended maximum 156; "too short" at 120 or
#: fewer (``recommendedMaximumLength`` 120, tested with ``<=``: 120 itself is orange), so 121.
MIN_CHARS = 121
MAX_CHARS = 156
#: When no whole sentence reaches the window, the best one at least this long is used rather
#: than a cut one (issue 16: a 109-character summary beats "…pour récupérer…").
FALLBACK_MIN_CHARS = 100
#: Paragraphs read for the description: the lead and the two after it (the summary of a news
#: text is at its top; deeper sentences only when the lead lacks the keyphrase).
LEAD_PARAGRAPHS = 3


#: An agency dateline opening the lead ("LYON (AFP) – ", "PARIS – "): the wire's, not the
#: story's; a description or a title starts after it.
_DATELINE = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý'’ -]{1,30}(?:\s*\([^)]{1,30}\))?\s*[–—-]\s+(?=[A-ZÀ-Ý])")


def candidate_sentences(paragraphs: Sequence[str]) -> list[tuple[int, str]]:
    """(paragraph index, sentence) for the sentences that can open or make a description or a
    title: whole, prose, not inside a quotation."""
    # A "sentence" starting in lower case is the tail of a cut one: it cannot open a
    # description.
    found = [
        (i, _DATELINE.sub("", s.text))
        for i, p in enumerate(paragraphs)
        # An interviewer's question ("Votre texte a été partagé. Vous attendiez-vous… ?")
        # asks; its sentences are the asker's, not the story.
        if not p.rstrip(" *»\u00a0\u202f").endswith("?")
        for s in sentences(p)
        if not s.text[:1].islower()
        and not _quoted(p, s.start)
        and _balanced(s.text)
        and not _leans_back(s.text)
    ]
    # Prose first: a live-blog page opens on its scoreboard, which is no description and
    # which the fact check then reads as one long unknown name (see docs/calibration.md).
    # Other text only when a page has no prose at all.
    prose = [(i, t) for i, t in found if _is_prose(t) and _is_sentence(t)]
    return prose or found


#: Subjects that point back to the sentence before: out of the article, in a search snippet
#: or a title, "Il oppose deux visions…" says nothing of who (held-out corpus 10).
_BACK_POINTERS = frozenset(
    ["il", "elle", "ils", "elles", "cela", "ça", "ceci", "celui-ci", "celle-ci"]
)


def _leans_back(sentence: str) -> bool:
    first = sentence.split(maxsplit=1)[0].strip(",;:").lower() if sentence.split() else ""
    return first in _BACK_POINTERS


def lead_paragraphs(paragraphs: Sequence[str], n: int) -> list[str]:
    """The first ``n`` paragraphs that hold prose (a live page's scoreboard and fact box
    aside)."""
    return [p for p in paragraphs if any(_is_prose(s.text) for s in sentences(p))][:n]


def _quoted(paragraph: str, start: int) -> bool:
    """Whether ``start`` is inside a quotation: a quoted sentence, alone, reads as the
    description's own claim (its speaker is outside it)."""
    before = paragraph[:start]
    return before.count("«") > before.count("»")


def _balanced(text: str) -> bool:
    return text.count("«") == text.count("»")


#: How a sentence ends; a line without it is a title, a kicker or a menu entry, never a
#: sentence of the description: joined to the next, it runs on into a name no source holds
#: (see docs/calibration.md).
_TERMINAL = tuple('.!?…»”")')


def _is_sentence(text: str) -> bool:
    return text.rstrip().endswith(_TERMINAL)


#: A sentence reads as prose when at least this share of its words are lower-case (articles,
#: verbs, common nouns); scoreboards, line-ups, datelines and bylines score far lower
#: (calibrated: see docs/calibration.md).
PROSE_MIN = 1 / 3


def _is_prose(sentence: str) -> bool:
    words = [w for w in sentence.split() if any(c.isalpha() for c in w)]
    lower = sum(1 for w in words if w[:1].islower())
    return bool(words) and lower / len(words) >= PROSE_MIN


# -- compression by deletion -------------------------------------------------------------------

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
_CONNECTORS = re.compile(
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
_SUBJECT_PRONOUNS = frozenset(
    ["je", "j’", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles"]
)
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


def _first_word(text: str) -> str:
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
    return _first_word(t).replace("'", "’") in _SUBJECT_OPENERS


def _all_names(text: str) -> bool:
    words = [w for w in re.findall(r"[\w’'-]+", text) if fold(w) not in _function_words()]
    return bool(words) and all(w[:1].isupper() for w in words)


@cache
def _function_words() -> frozenset[str]:
    return load_french().function_words


def _spans(sentence: str, *, aggressive: bool) -> list[tuple[int, int]]:
    """Spans of ``sentence`` that can go without changing what it says about whom."""
    spans: list[tuple[int, int]] = []
    # Parentheticals and dash asides ("(OFAG)", " − qu’il a perdue face à… − ").
    for m in re.finditer(r"\s*\([^()]{1,160}\)", sentence):
        spans.append((m.start(), m.end()))
    for m in re.finditer(r"\s+[–—−]\s+[^–—−]{1,200}?\s+[–—−](?=[\s,.])", sentence):
        spans.append((m.start(), m.end()))
    # An opening adverbial or participial phrase before the subject ("Photos à l’appui, le
    # tabloïd…", "Même si OpenAI est…, Microsoft…"); a name alone is the subject, not an opener.
    if connector := _CONNECTORS.match(sentence):
        spans.append((0, connector.end()))
    intro_ends: list[int] = []
    # Up to the third comma: "Au cours du week-end, une fois que le conseil…, Microsoft…".
    for first in [m.start() for m in re.finditer(r", ", sentence)][:3]:
        if first > 200:
            break
        head, rest = sentence[:first], sentence[first + 2 :]
        if (
            not _starts_with(_CONNECTORS.sub("", head), _PROTECTED)
            and not re.search(r", (?:si|s’il|s’ils|selon|d’après)\b", head)
            and not _all_names(head)
            and _first_word(head) not in ("pourquoi", "comment", "combien", "quand")
            and not _ENUMERATED.match(rest)
            # A clause of its own is an opening only when subordinate ("une fois que…").
            and (not has_certain_verb(head) or _SUBORDINATE.search(head) is not None)
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
        if (
            inner[:1].islower()
            and (len(before) > 1 or _names_subject(before[0]))
            and len(inner.split()) <= _MAX_ASIDE_WORDS
            and _first_word(inner) not in _CONJUNCTIONS
            and _first_word(inner) not in _SUBJECT_PRONOUNS
            and not any(c in inner for c in ":;«»")
            and (_starts_with(inner, _RELATIVES) or not has_finite_verb(inner))
            and not _starts_with(inner, _SUBORDINATORS)
            and _continues_clause(after)
            and not _starts_with(inner, _PROTECTED)
            and not _SPEECH_VERBS.search(inner)
            and not (_first_word(inner) in _SUBJECT_OPENERS and _subject_like(after))
        ):
            spans.append((a, b + 1))
    # A trailing clause of circumstance (", suscitant des interrogations.").
    end = len(sentence.rstrip(" .!?…\u00a0\u202f"))
    for last in commas:
        # From any comma: ", alors que…, mardi 26 avril" goes whole.
        tail = sentence[last + 2 : end]
        word = _first_word(tail)
        apposition = _first_word(tail) in _DETERMINERS and not has_finite_verb(tail)
        gerund = word == "en" and _is_participle(_first_word(tail[3:]))
        if (
            (_starts_with(tail, _TAIL_OPENERS) or _is_participle(word) or apposition or gerund)
            and not _SPEECH_VERBS.search(tail)
            and not _starts_with(tail, _PROTECTED)
        ):
            spans.append((last, end))
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
            and _first_word(nxt.group()) in _SUBJECT_OPENERS
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


def _names_subject(segment: str) -> bool:
    """Whether a sentence's first segment opens on its subject (a determiner, a name) rather
    than on an opening phrase ("Intrigués par ce cas, des chercheurs…": there the aside *is*
    the subject)."""
    first = _first_word(segment).replace("'", "’")
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
    word = _first_word(after)
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
        last = {a.tag for a in load_lexicon().entry(words[-1]).analyses}
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


def trims(sentence: str, *, aggressive: bool = False) -> list[Trim]:
    """``sentence`` and the shorter sentences made of its own words by deleting spans that carry
    no part of its claim (see the module doc); ``aggressive`` also cuts trailing circumstances
    (for titles). The sentence itself comes first."""
    sentence = " ".join(sentence.split())
    out = [Trim(sentence, 0)]
    seen = {sentence}
    spans = sorted(_spans(sentence, aggressive=aggressive))
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

_PRONOUN_START = frozenset(
    [
        "il",
        "elle",
        "ils",
        "elles",
        "on",
        "ce",
        "cela",
        "ça",
        "cette",
        "ces",
        "celui",
        "celle",
        "c’",
        "ceci",
        "je",
        "nous",
        "vous",
        "tu",
        "et",
        "mais",
        "or",
        "donc",
        "son",
        "sa",
        "ses",
        "leur",
        "leurs",
    ]
)


#: "Il semble que…", "Il y a…": impersonal, no one to name.
_IMPERSONAL = re.compile(r"^Il (?:semble|y a|faut|paraît|reste)\b")
_QUANTIFIERS = frozenset(
    ["certains", "certaines", "plusieurs", "beaucoup", "tous", "toutes", "d’autres"]
)


def poor_start(text: str, *, strict: bool = False) -> bool:
    """Opens on a pronoun or a demonstrative — "Il…", "Certaines ont…", or "Tout d’abord, il…"
    after an opening phrase: the reader of a snippet cannot tell who."""
    first = _first_word(text).replace("'", "’")
    if _IMPERSONAL.match(text):
        return strict  # fine in a description, weak as a headline
    if first in _PRONOUN_START:
        return True
    rest = text[len(first) :].lstrip()
    if first in _QUANTIFIERS and rest and has_finite_verb(rest.split()[0]):
        return True
    if re.match(r"(?i)(?:d[’']autres|les autres|cet autre|cette autre)\b", text):
        return True  # "D’autres confrères…": others than whom?
    head, sep, after = text.partition(", ")
    return bool(sep) and len(head.split()) <= 6 and _first_word(after) in _SUBJECT_PRONOUNS


def _fragment(sentence: str) -> bool:
    """No finite verb, or a short line whose only verb reading is doubtful."""
    if not has_finite_verb(sentence):
        return True
    return len(sentence.split()) <= FRAGMENT_WORDS and not has_certain_verb(sentence)


#: Up to this many words, a line must hold a verb no other reading explains to be a sentence.
FRAGMENT_WORDS = 6


@dataclass(frozen=True)
class _Option:
    text: str
    paragraph: int
    index: int
    deletions: int


def _options(paragraphs: Sequence[str]) -> list[_Option]:
    # A verbless line ("Le « siège des émotions ».": "siège" is a verb only by accident) is no
    # part of a summary; a page without any sentence keeps what it has (a scoreboard).
    found = candidate_sentences(paragraphs)
    sents = [(i, t) for i, t in found if not _fragment(t)] or found
    every = [trims(t)[:40] for _, t in sents]
    per = [[c for c in cs if not _fragment(c.text)] for cs in every]
    per = per if any(per) else every
    # Where each sentence stands in the text: two candidates are adjacent only when no other
    # sentence (a quotation, say) stands between them — "Il a vu cette dernière tomber" after a
    # sentence two further back points at nothing (corpus 04).
    order = {
        (i, s.text): k
        for k, (i, s) in enumerate((i, s) for i, p in enumerate(paragraphs) for s in sentences(p))
    }
    out: list[_Option] = []
    for i, (p, _) in enumerate(sents):
        # A shortened sentence can come to open on a pronoun ("Composé de …, il représente"
        # → "Il représente"): it cannot open a description either.
        out += [_Option(c.text, p, i, c.deletions) for c in per[i] if not _leans_back(c.text)]
        if i + 1 < len(sents) and order.get(sents[i + 1], -1) == order.get(sents[i], -2) + 1:
            # Two adjacent sentences (across a paragraph break too: the lead often ends
            # where its second sentence starts a paragraph).
            for a, b in itertools.product(per[i][:12], per[i + 1][:12]):
                if len(a.text) + len(b.text) < MAX_CHARS and not _leans_back(a.text):
                    out.append(_Option(f"{a.text} {b.text}", p, i, a.deletions + b.deletions + 1))
    return out


_FIRST_PERSON = re.compile(r"(?i)(?<![\w’'])(?:je|j’|j')(?![\w’'])")


def _lexicon_sentence(text: str) -> bool:
    return has_finite_verb(text) and not dangling_pronoun(text)


#: "(lire « … »)", "(voir …)": the page's pointer to another article, no part of a summary.
_CROSS_REFERENCE = re.compile(r"(?i)\(\s*(?:lire|voir|cf\.)\b[^)]*\)")


def build_meta_description(
    paragraphs: Sequence[str],
    keyphrase: str | None = None,
    *,
    min_chars: int = MIN_CHARS,
    max_chars: int = MAX_CHARS,
    supported: Supported | None = None,
) -> str:
    """The best description the text allows (see the module docstring); "" for an empty text.

    With ``supported``, a description compressed from the author's sentences is used only when
    it accepts it (the author's sentences as they stand need no check)."""
    if not paragraphs:
        return ""
    matcher = KeyphraseMatcher(keyphrase) if keyphrase else None

    def has_kp(text: str) -> bool:
        return matcher is None or matcher.in_text(text)

    lead = list(paragraphs[:LEAD_PARAGRAPHS])
    options = _options(lead)
    if matcher is not None and not any(
        has_kp(o.text) and min_chars <= len(o.text) <= max_chars for o in options
    ):
        # The lead never names the keyphrase: the first paragraphs that do, after it.
        with_kp = [p for p in paragraphs[LEAD_PARAGRAPHS:] if matcher.in_text(p)][:2]
        options += [
            _Option(o.text, o.paragraph + LEAD_PARAGRAPHS, o.index + 1000, o.deletions)
            for o in _options(with_kp)
        ]
    if not options:
        return ""

    def rank(o: _Option) -> tuple[int, int, int, int, int, int, int]:
        return (
            int(_CROSS_REFERENCE.search(o.text) is not None),
            -int(has_kp(o.text)),
            int(poor_start(o.text)),
            # The story told, not a speaker's "je" (an interviewee's answer, an aside).
            int(_FIRST_PERSON.search(o.text) is not None),
            o.paragraph,
            o.index,
            o.deletions,
        )

    # In the window; else one holding the keyphrase that is long enough (Yoast rates a
    # description without the keyphrase bad, a short one only "ok"); else the best whole
    # sentence that is long enough; else the longest that fits; else the shortest — never a
    # cut one.
    pools = [
        sorted((o for o in options if min_chars <= len(o.text) <= max_chars), key=rank)
        if any(has_kp(o.text) and min_chars <= len(o.text) <= max_chars for o in options)
        else [],
        sorted(
            (
                o
                for o in options
                if FALLBACK_MIN_CHARS <= len(o.text) <= max_chars and has_kp(o.text)
            ),
            key=rank,
        ),
        sorted((o for o in options if min_chars <= len(o.text) <= max_chars), key=rank),
        sorted((o for o in options if FALLBACK_MIN_CHARS <= len(o.text) <= max_chars), key=rank),
        sorted(
            (o for o in options if len(o.text) < FALLBACK_MIN_CHARS),
            key=lambda o: (*rank(o)[:3], -len(o.text)),
        ),
        sorted(options, key=lambda o: (len(o.text), *rank(o))),
    ]
    verbatim = " ".join(" ".join(p.split()) for p in paragraphs)
    for pool in pools:
        texts = [o.text for o in pool]
        if found := first_supported(texts, verbatim, supported, usable=publishable):
            return found
        # spaCy's small model misreads some verbs as nouns ("Léa Fournier, 38 ans, garde le
        # refuge"): the lexicon's verb, in this pool, before a worse pool.
        if found := first_supported(texts, verbatim, supported, usable=_lexicon_sentence):
            return found
    for pool in pools:  # no sentence spaCy reads as one: the best the lexicon accepts
        if found := first_supported([o.text for o in pool], verbatim, supported):
            return found
    return ""
