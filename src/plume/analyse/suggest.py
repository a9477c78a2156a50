"""Keyphrase suggestion: the phrases a text is about, for when the editor named none.

Candidates are proper-noun sequences ("Sam Altman"), common nouns, NOUN ADJ ("intelligence
artificielle") and NOUN de NOUN ("conseil d’administration"), tagged with the lexicon's parts of
speech (no spaCy), grouped by lemmas and scored by frequency weighted by position and length.
Also the synonyms a text itself establishes for a keyphrase (acronyms, a name's last word).
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from plume import text as T
from plume.analyse.keyphrase import KeyphraseMatcher
from plume.analyse.researches import Paragraph, Research
from plume.lang.fr import load_french, read_list
from plume.lang.fr.lexicon import Lexicon, load_lexicon, normalise
from plume.report import KeyphraseSuggestion, Span
from plume.text import french_spacing

__all__ = [
    "adopt_suggestion",
    "is_generic_keyphrase",
    "search_keyphrases",
    "suggest_keyphrases",
]

# Position weights: yoastseo looks for the keyphrase in the SEO title / H1, the subheadings and the
# introduction, so a word used there is a stronger candidate. Calibrated: see docs/calibration.md.
_WEIGHT_TITLE = 3.0  # SEO title and H1
_WEIGHT_HEADING = 2.0  # H2–H6
_WEIGHT_INTRO = 1.5  # first paragraph
_WEIGHT_BODY = 1.0
# Length factor by number of content words (yoastseo's KeyphraseLengthAssessment: 1–4): a recurring
# noun phrase ("conseil d’administration") may outrank its head noun alone. Calibrated: see
# docs/calibration.md.
_LENGTH_FACTOR = {1: 1.0, 2: 1.6, 3: 1.6, 4: 1.3}
# Words a verb follows rather than a noun: "il dit", "qui contrôlent", "se déroule".
_VERB_CONTEXT = frozenset(
    [
        "je",
        "j'",
        "tu",
        "il",
        "elle",
        "on",
        "nous",
        "vous",
        "ils",
        "elles",
        "se",
        "s'",
        "ne",
        "n'",
        "qui",
    ]
)
_DE = frozenset({"de", "d'", "du", "des"})
#: Prepositions that join a noun phrase's two nouns: "conseil d’administration",
#: "trottinettes en libre-service", "vélos à assistance".
_LINKS = _DE | {"en", "à"}
_MAX_WORDS = 4


@cache
def _generic_nouns() -> frozenset[str]:
    return frozenset(normalise(w) for w in read_list("lexicon_generic_nouns.txt"))


@dataclass(slots=True)
class _Candidate:
    lemmas: tuple[str, ...]
    surfaces: Counter[str] = field(default_factory=Counter)
    #: (segment, start, end) of each occurrence; the segment tells the SEO title (which is not
    #: part of the text) from the text.
    places: list[tuple[int, int, int]] = field(default_factory=list)
    score: float = 0.0
    #: Roles of the content words at the first occurrence (see ``_Tagged``): "PP" for
    #: "Sam Altman", "N" for a lone noun, "NA" for "intelligence artificielle".
    roles: str = ""


@dataclass(frozen=True, slots=True)
class _Tagged:
    word: T.Word
    role: str  # P proper noun, N noun, A adjective/participle, F function word, X other
    adjectival: bool  # has an adjective or participle reading (may follow a noun)


def _verb_before(lex: Lexicon, previous: str) -> bool:
    """A verb, not a noun, follows: a subject or reflexive clitic ("il dit", "se déroule"), or
    an auxiliary ("a ajouté", "a-t-il ajouté")."""
    form = normalise(previous)
    return form in _VERB_CONTEXT or lex.entry(form.split("-", 1)[0]).has("X")


def _tag(lex: Lexicon, words: tuple[T.Word, ...]) -> list[_Tagged]:
    fw = load_french().function_words
    out: list[_Tagged] = []
    for i, w in enumerate(words):
        form = normalise(w.text)
        acronym = len(w.text) > 1 and w.text.isupper()  # "AI" in "Open AI" is not « ai »
        if (form in fw and not acronym) or w.text[-1] in "’'ʼ":
            out.append(_Tagged(w, "F", False))
            continue
        if not any(c.isalpha() for c in w.text) or "://" in w.text or "@" in w.text:
            out.append(_Tagged(w, "X", False))
            continue
        entry = lex.entry(w.text)
        verb_context = i > 0 and _verb_before(lex, words[i - 1].text)
        adjectival = entry.has("AK") and not entry.guessed
        if w.text[0].isupper():
            if acronym and entry.has("N") and not entry.guessed:
                role = "N"  # an acronym that is a common noun: "PDG"
            elif i > 0 or entry.guessed or entry.has("P"):
                role = "P"
            else:  # a known common word capitalised at the start of the sentence
                role = "N" if entry.has("N") and not verb_context else "X"
        elif verb_context:
            role = "X"
        elif entry.has("N"):
            role = "N"
        else:
            role = "A" if adjectival else "X"
        out.append(_Tagged(w, role, adjectival))
    # A noun-or-adjective right before a noun is a prenominal adjective ("nouvelle division",
    # "grands langages"), not the head of a phrase.
    for i in range(len(out) - 1):
        t = out[i]
        if t.role == "N" and t.adjectival and out[i + 1].role == "N":
            out[i] = _Tagged(t.word, "A", True)
    return out


def _chunks(tags: list[_Tagged]) -> Iterable[tuple[int, int]]:
    """(start, end) token ranges of the candidate patterns in one sentence: proper-noun runs,
    NOUN, NOUN ADJ, NOUN de/en/à NOUN."""
    n = len(tags)
    i = 0
    while i < n:
        if tags[i].role == "P":
            j = i + 1
            # A name is words separated by one space: "IA : Sam Altman" is two names.
            while (
                j < n
                and tags[j].role == "P"
                and j - i < _MAX_WORDS
                and tags[j].word.start - tags[j - 1].word.end == 1
            ):
                j += 1
            yield i, j
            i = j
            continue
        if tags[i].role == "N":
            # A noun-or-adjective right after a noun modifies it ("compagnies pétrolières"):
            # it is counted in the NOUN ADJ phrase, not alone.
            if not (i > 0 and tags[i - 1].role == "N" and tags[i].adjectival):
                yield i, i + 1
            nxt = tags[i + 1] if i + 1 < n else None
            if nxt is not None and nxt.role in "AN" and nxt.adjectival:
                yield i, i + 2
            if (
                i + 2 < n
                and nxt is not None
                and normalise(nxt.word.text) in _LINKS
                and tags[i + 2].role == "N"
            ):
                yield i, i + 3
        i += 1


def _lemma_of(lex: Lexicon, tagged: _Tagged, *, head: bool) -> str:
    """The grouping lemma: a noun's noun lemma, a modifier's adjective (or participle) lemma."""
    entry = lex.entry(tagged.word.text)
    if tagged.role == "P":
        return normalise(tagged.word.text)
    for tag in "NAK" if head else "AKN":
        for a in entry.analyses:
            if a.tag == tag:
                return a.lemma
    return lex.lemma(tagged.word.text)


def _surface(tags: list[_Tagged]) -> str:
    """The phrase as it would be typed: common words in lower case, names and acronyms kept."""
    out = ""
    for t in tags:
        token = t.word.text
        if t.role != "P" and not (token.isupper() and len(token) > 1):
            token = token.lower()
        out += token if (not out or out[-1] in "’'ʼ") else " " + token
    return out


def _scored(research: Research) -> list[_Candidate]:
    """Every noun-phrase candidate of the text, scored by frequency weighted by position and
    length, best first."""
    lex = load_lexicon()
    generic = _generic_nouns()
    # (sentences, weight), the segment's index in this list telling occurrences apart.
    segments: list[tuple[list[T.Sentence], float]] = []
    if research.doc.meta.title:
        segments.append((T.sentences(research.doc.meta.title), _WEIGHT_TITLE))
    for h in research.headings:
        segments.append(
            (T.sentences(h.text, h.start), _WEIGHT_TITLE if h.level == 1 else _WEIGHT_HEADING)
        )
    intro = research.paragraphs[0] if research.paragraphs else None
    in_intro = [
        intro is not None and intro.start <= s.start < intro.end for s in research.sentences
    ]
    segments.append(
        ([s for s, i in zip(research.sentences, in_intro, strict=True) if i], _WEIGHT_INTRO)
    )
    segments.append(
        ([s for s, i in zip(research.sentences, in_intro, strict=True) if not i], _WEIGHT_BODY)
    )

    cands: dict[tuple[str, ...], _Candidate] = {}
    for seg, (sents, weight) in enumerate(segments):
        # Title and text offsets may overlap; the text segments share one offset space.
        place_seg = 0 if seg == 0 and research.doc.meta.title else 1
        for s in sents:
            tags = _tag(lex, s.words)
            for a, b in _chunks(tags):
                chunk = tags[a:b]
                content = [t for t in chunk if t.role != "F"]
                key = tuple(_lemma_of(lex, t, head=k == 0) for k, t in enumerate(content))
                if all(k in generic for k in key):
                    continue
                cand = cands.setdefault(key, _Candidate(key))
                if not cand.roles:
                    cand.roles = "".join(t.role for t in content)
                cand.surfaces[_surface(chunk)] += 1
                cand.places.append((place_seg, chunk[0].word.start, chunk[-1].word.end))
                cand.score += weight * _LENGTH_FACTOR[len(key)]
    return sorted(cands.values(), key=lambda c: (-c.score, c.lemmas))


def _distinct(ranked: Iterable[_Candidate], n: int) -> list[_Candidate]:
    """The first ``n`` candidates, skipping one whose every occurrence lies inside an occurrence
    of a phrase already chosen ("Sam" when every "Sam" is in "Sam Altman")."""
    chosen: list[_Candidate] = []
    for cand in ranked:
        if len(chosen) == n:
            break
        taken = [p for c in chosen for p in c.places]
        if all(
            any(g == g2 and s2 <= s and e <= e2 for g2, s2, e2 in taken) for g, s, e in cand.places
        ):
            continue
        chosen.append(cand)
    return chosen


def suggest_keyphrases(research: Research, n: int = 5) -> list[KeyphraseSuggestion]:
    """Top ``n`` noun phrases of the text (lemmas and noun phrases), best first: what the text
    is about, for headings. The keyphrase plume adopts comes from :func:`search_keyphrases`."""
    intro = research.paragraphs[0] if research.paragraphs else None

    def used_in_intro(c: _Candidate) -> bool:
        return intro is not None and any(
            g == 1 and intro.start <= s < intro.end for g, s, _ in c.places
        )

    return [
        KeyphraseSuggestion(
            phrase=c.surfaces.most_common(1)[0][0],
            lemma=" ".join(c.lemmas),
            count=len(c.places),
            score=round(c.score, 2),
            in_intro=used_in_intro(c),
        )
        for c in _distinct(_scored(research), n)
    ]


# --- keyphrases a reader would search -------------------------------------------------------

#: How many noun-phrase candidates compete as search queries, and how many names and topics are
#: paired: enough for the headline's words, few enough to stay cheap (each is matched once).
_QUERY_POOL = 14
_PAIR_POOL = 40
_PAIR_SUBJECTS = 4
_TOP_SUBJECTS = 2
#: Acronyms this short are too ambiguous to be searched alone.
_BROAD_ACRONYM = 2
#: Yoast ParagraphTooLongAssessment: at most 150 words in a paragraph.
_MAX_PARAGRAPH_WORDS = 150
#: A first line this short, without final period, is a headline pasted with the text.
_TITLE_LINE_WORDS = 15
#: Ranking points: a query a reader types names the story's subject where the reader sees it
#: first (headline, lead), fits Yoast's density band, and says more than one frequent word.
#: Calibrated on the dev texts: see docs/calibration.md.
_PTS_TITLE = 3.0
_PTS_INTRO = 2.0
_PTS_SPREAD = 1.5
_PTS_FITS = 2.0
_PTS_KIND = {"pair": 2.0, "names": 1.0, "phrase": 0.5, "name": 0.5, "noun": 0.0}
_PTS_EVENT = 1.0
_PTS_TOPIC = 0.5  # a name with the headline's noun phrase says more than two names
_PTS_GENERIC = -6.0
_PTS_COMMON_TOPIC = -1.5
#: Shortest stem shared by a verb and its event noun ("démission" in "démissionner"): shorter
#: ones pair unrelated words ("port" / "porter").
_MIN_STEM = 5
# Yoast KeyphraseDensityAssessment (yoastseo 3.6.0): 0.5 % minimum, 3 % maximum (plume allows
# 3.5 % with word forms; an optimised article adds the keyphrase to its title and headings, so
# the stricter bound is kept), weighted by the keyphrase length as in recommendedKeywordCount.
_DENSITY_MIN = 0.5
_DENSITY_MAX = 3.0
#: Yoast SubHeadingsKeywordAssessment: the keyphrase in at least 30 % of subheadings; plume
#: writes a subheading for about every 250 words (its sections are cut under Yoast's 300).
_HEADINGS_SHARE = 0.3
_WORDS_PER_SECTION = 250
#: A heading is a sentence shortened by deletion (write/compress.py keeps the subject and the
#: verb): a keyphrase within a sentence's first words survives it, one at its end rarely does.
_HEAD_WORDS = 9


@cache
def _frequent_nouns() -> frozenset[str]:
    """Nouns too frequent to be searched alone (``keyphrase_generic_nouns.txt``, generated by
    ``scripts/build_keyphrase_generic.py``), with the hand-made list of time and quantity nouns."""
    return _generic_nouns() | frozenset(
        normalise(w) for w in read_list("keyphrase_generic_nouns.txt")
    )


@cache
def _event_nouns() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for line in read_list("keyphrase_event_nouns.txt"):
        verb, noun = line.split()
        out.setdefault(normalise(verb), []).append(normalise(noun))
    return {v: tuple(n) for v, n in out.items()}


@cache
def _light_verbs() -> frozenset[str]:
    return frozenset(normalise(w) for w in read_list("keyphrase_light_verbs.txt"))


@cache
def _unit_nouns() -> frozenset[str]:
    return frozenset(normalise(w) for w in read_list("keyphrase_unit_nouns.txt"))


def _unit_word(word: str) -> bool:
    """A noun of quantity, currency or measure (``keyphrase_unit_nouns.txt``), in any form."""
    if word[:1].isupper():
        return False
    lemmas = {a.lemma for a in load_lexicon().entry(word).analyses if a.tag == "N"}
    return bool(lemmas) and all(normalise(lemma) in _unit_nouns() for lemma in lemmas)


@cache
def is_generic_keyphrase(phrase: str, *, broad_acronym: int = _BROAD_ACRONYM) -> bool:
    """One content word too frequent to be searched alone: a common noun ("pays",
    "information", "ministre") or a country's or city's name ("France"), not a rare word
    ("chlorothalonil"), an acronym or a name the lexicon does not know ("Prymula")."""
    fw = load_french().function_words
    content = [w.text for w in T.words(phrase) if normalise(w.text) not in fw]
    if content and all(_unit_word(w) for w in content):
        return True  # "millions d’euros", "pour cent": a quantity, no subject
    if len(content) != 1:
        return False
    word = content[0]
    if len(word) > 1 and word.isupper():
        # Two letters stand for thousands of things ("IA", "UE"); longer acronyms name one.
        return len(word) <= broad_acronym
    if any(c.isdigit() for c in word):
        return False  # "Covid-19"
    lex = load_lexicon()
    entry = lex.entry(word)
    if entry.guessed:
        return False
    tags = "NP" if word[:1].isupper() else "N"  # "Santé" in "ministre de la Santé" too
    lemmas = {a.lemma for a in entry.analyses if a.tag in tags}
    return any(normalise(lemma) in _frequent_nouns() for lemma in lemmas)


def _derives(verb: str, noun: str) -> bool:
    """``noun`` is the event noun of ``verb`` by suffixation: they share the verb's stem
    ("interdire" / "interdiction", "démissionner" / "démission", "licencier" / "licenciement")."""
    irregular = _event_nouns().get(verb)
    if irregular is not None and noun in irregular:
        return True
    for ending in ("oir", "er", "ir", "re"):
        if verb.endswith(ending):
            stem = verb[: -len(ending)]
            break
    else:
        return False
    if len(stem) < _MIN_STEM or noun == verb:
        return False
    shared = next((i for i, (a, b) in enumerate(zip(stem, noun, strict=False)) if a != b), None)
    if shared is None:
        shared = min(len(stem), len(noun))
    return shared >= max(_MIN_STEM, len(stem) - 1)


def _is_name(lex: Lexicon, cand: _Candidate) -> bool:
    """A named entity: capitalised words one of which is a name (unknown to the lexicon, a
    proper noun, an acronym), not a common noun capitalised in an institution ("Santé")."""
    if not cand.roles or set(cand.roles) != {"P"}:
        return False
    surface = cand.surfaces.most_common(1)[0][0]
    return any(
        (len(w) > 1 and w.isupper()) or lex.entry(w).guessed or lex.entry(w).has("P")
        for w in surface.split()
    )


def _kind(lex: Lexicon, cand: _Candidate) -> str:
    if _is_name(lex, cand):
        return "names" if len(cand.lemmas) > 1 else "name"
    return "noun" if len(cand.lemmas) == 1 else "phrase"


def _yoast_bounds(content_words: int, words: int) -> tuple[int, int]:
    """The occurrences a keyphrase needs in ``words`` words (yoastseo recommendedKeywordCount,
    KeyphraseDensityAssessment: at least 2; 1 under 100 words, 1–2 above 50)."""
    if words < 100:
        return 1, (2 if words > 50 else 1)
    weight = 0.7 + content_words / 3
    lo = max(2, math.ceil(_DENSITY_MIN * words / (100 * weight)))
    hi = max(2, math.floor(_DENSITY_MAX * words / (100 * weight)))
    return lo, hi


@dataclass(slots=True)
class _Query:
    phrase: str
    lemma: str
    kind: str  # "pair", "names", "name", "phrase", "noun"
    event: str = ""  # the event noun of a pair, when it comes from the headline's verb
    subject: str = ""  # the name of a pair
    topic: str = ""  # the other half of a pair
    common_topic: bool = False  # the other half is a lone frequent noun ("ministre")
    subject_is_name: bool = False
    topic_is_name: bool = False
    count: int = 0
    in_title: bool = False
    in_intro: bool = False
    spread: float = 0.0
    headable: int = 0  # body paragraphs with a sentence naming it in its first words
    needed: int = 0  # sections that must carry it in their heading
    bounds: tuple[int, int] = (0, 0)
    generic: bool = False
    score: float = 0.0

    @property
    def fits(self) -> bool:
        return self.bounds[0] <= self.count <= self.bounds[1]

    @property
    def placeable(self) -> bool:
        """Enough sections can carry it in a true heading, with one to spare when several must
        (a shortening may lose it)."""
        return self.headable >= self.needed + (self.needed > 1)


def _intro_end(lead: Paragraph) -> int:
    """Where the optimised article's introduction ends: a lead over Yoast's 150-word paragraph
    limit is cut into balanced pieces between sentences (as ``write/sections.py`` does), and
    only the first piece stays the introduction Yoast reads."""
    sents = T.sentences(lead.text, lead.start)
    breaks = T.balanced_breaks([T.count_words(s.text) for s in sents], _MAX_PARAGRAPH_WORDS)
    return sents[breaks[0]].start if breaks else lead.end


def _measure(research: Research, q: _Query, headline: str, lead: Paragraph | None) -> None:
    """Yoast's measures of ``q`` in the text: occurrences in the body, in the headline, in the
    lead, and over the four quarters of the body."""
    m = research.matcher(q.phrase)
    spans: list[Span] = []
    for p in research.paragraphs:
        n, found = m.occurrences(p.text, p.start)
        q.count += n
        if n:
            spans.append(found[0])
    q.in_title = bool(headline) and m.in_text(headline)
    paragraphs = research.paragraphs
    end = _intro_end(lead) if lead is not None else 0
    q.in_intro = lead is not None and any(lead.start <= s.start < end for s in spans)
    if paragraphs:
        first, last = paragraphs[0].start, paragraphs[-1].end
        size = max(1, last - first)
        q.spread = len({min(3, 4 * (s.start - first) // size) for s in spans}) / 4
    q.bounds = _yoast_bounds(len(m.content_words), research.word_count)
    q.needed = math.ceil(_HEADINGS_SHARE * max(1, research.word_count // _WORDS_PER_SECTION))
    q.headable = sum(
        any(_heads(m, s.text) for s in T.sentences(p.text))
        for p in paragraphs
        if lead is None or p.start != lead.start
    )
    q.generic = is_generic_keyphrase(q.phrase)
    q.score = (
        _PTS_TITLE * q.in_title
        + _PTS_INTRO * q.in_intro
        + _PTS_SPREAD * q.spread
        + _PTS_FITS * q.fits
        + _PTS_KIND[q.kind]
        + _PTS_EVENT * bool(q.event)
        + _PTS_TOPIC * (q.kind == "pair" and not q.topic_is_name and " " in q.topic)
        + _PTS_GENERIC * q.generic
        + _PTS_COMMON_TOPIC * q.common_topic
        + 0.5 * math.log2(1 + q.count)
    )


def _yoast_words(lemmas: Sequence[str]) -> int:
    """Words as Yoast's KeyphraseLengthAssessment counts them: a hyphen parts them
    ("Jean-Paul Delevoye retraites" is 4)."""
    return sum(len(w.split("-")) for w in lemmas)


def _heads(m: KeyphraseMatcher, sentence: str) -> bool:
    """Yoast's subheading match within the sentence's first :data:`_HEAD_WORDS` words."""
    return m.covers_most(" ".join(w.text for w in T.words(sentence)[:_HEAD_WORDS]))


def _headline_and_lead(research: Research) -> tuple[str, bool, Paragraph | None]:
    """The story's headline, whether it is a real title, and its lead.

    The headline is the H1 or the SEO title; else a first paragraph short enough to be a title
    pasted with the text (one line without final period, as web pages are copied); else the
    lead's first sentence, what a headline would say. The lead is the first other paragraph
    with words.
    """
    paragraphs = [p for p in research.paragraphs if any(c.isalnum() for c in p.text)]
    h1 = next((h.text for h in research.headings if h.level == 1), None)
    title = (h1 or research.doc.meta.title or "").strip()

    def title_like(p: Paragraph) -> bool:
        text = p.text.strip()
        return T.count_words(text) <= _TITLE_LINE_WORDS and text[-1:] not in ".…!?"

    lines = list(itertools.takewhile(title_like, paragraphs))
    if len(lines) < len(paragraphs):
        lead: Paragraph | None = paragraphs[len(lines)]
        # Title-like lines above the lead: the headline, its kicker or subtitle.
        title = title or " ".join(p.text.strip() for p in lines)
    else:
        lead = paragraphs[0] if paragraphs else None
    if title:
        return title, True, lead
    sentences = T.sentences(lead.text) if lead is not None else []
    return (sentences[0].text if sentences else ""), False, lead


def _headline_events(lex: Lexicon, texts: Iterable[str], nouns: Iterable[str]) -> dict[str, str]:
    """Event nouns of the text ({noun lemma: the verb as written}) naming what the headline's
    verbs say: "sommé de démissionner" → « démission » when the text uses the noun."""
    out: dict[str, str] = {}
    light = _light_verbs()
    known = list(nouns)
    for text in texts:
        for w in T.words(text):
            if w.text[:1].isupper():
                continue
            entry = lex.entry(w.text)
            if entry.guessed:
                continue
            verbs = {a.lemma for a in entry.analyses if a.tag in "VWGK"} - light
            for verb in verbs:
                for noun in known:
                    if noun not in out and noun not in entry.lemmas and _derives(verb, noun):
                        out[noun] = w.text
    return out


_LABELS = {
    "names": ("nom propre", "proper name"),
    "name": ("nom propre", "proper name"),
    "phrase": ("groupe nominal", "noun phrase"),
    "noun": ("nom", "noun"),
}


def _reason(q: _Query, real_title: bool) -> tuple[str, str]:
    """Why this query, in French and English."""
    title = (
        ("le titre", "the title") if real_title else ("la première phrase", "the first sentence")
    )
    places = [p for p, ok in ((title, q.in_title), (("le chapô", "the lead"), q.in_intro)) if ok]
    place_fr = "dans " + " et ".join(p[0] for p in places) if places else "hors titre et chapô"
    place_en = "in " + " and ".join(p[1] for p in places) if places else "not in title or lead"
    (lo, hi), n = q.bounds, q.count
    if n < lo:
        fr, en = f"trop rare : {n} occurrence(s), il en faut {lo}", f"too rare: {n}, {lo} needed"
    elif n > hi:
        fr, en = f"trop fréquente : {n} occurrences, au plus {hi}", f"too frequent: {n}, max {hi}"
    else:
        fr, en = f"{n} occurrences, densité visée ({lo} à {hi})", f"{n}, density band ({lo}–{hi})"
    if q.generic:
        return f"mot trop courant pour être cherché seul ; {fr}", f"too common alone; {en}"
    if q.kind == "pair":
        who = ("entité", "entity") if q.subject_is_name else ("sujet", "subject")
        what = ("l’événement ", "the event ") if q.event else ("", "")
        return (
            f"{who[0]} « {q.subject} » avec {what[0]}« {q.topic} », ensemble {place_fr} ; {fr}",
            f"{who[1]} '{q.subject}' with {what[1]}'{q.topic}', together {place_en}; {en}",
        )
    label = _LABELS[q.kind]
    return f"{label[0]} {place_fr} ; {fr}", f"{label[1]} {place_en}; {en}"


def search_keyphrases(research: Research, n: int = 5) -> list[KeyphraseSuggestion]:
    """Top ``n`` keyphrases a reader would type into a search engine for this story, best first.

    Candidates are the text's noun phrases and names (:func:`suggest_keyphrases`) and pairs of a
    name of the headline or the lead with the headline's topic: one of its nouns, another name,
    or the event noun of its verb ("démission de Roman Prymula", in the text's words). Each is measured as Yoast will
    measure it in the optimised article (occurrences in the body against the density band, in
    the headline, in the lead, spread over the text) and ranked; the reason is in each
    suggestion. :func:`adopt_suggestion` picks the one plume adopts.
    """
    lex = load_lexicon()
    scored = _scored(research)
    pool = _distinct(scored, _PAIR_POOL)
    if not pool:
        return []
    headline, real_title, lead = _headline_and_lead(research)
    lead_text = lead.text if lead is not None else ""
    frequent = _frequent_nouns()

    def phrase_of(c: _Candidate) -> str:
        return c.surfaces.most_common(1)[0][0]

    def shown(c: _Candidate) -> bool:  # in the headline or the lead
        m = research.matcher(phrase_of(c))
        return m.in_text(headline) or m.in_text(lead_text)

    def common(c: _Candidate) -> bool:  # a lone frequent noun ("ministre", "projet")
        return len(c.lemmas) == 1 and not _is_name(lex, c) and c.lemmas[0] in frequent

    queries: dict[frozenset[str], _Query] = {}
    for c in pool[:_QUERY_POOL]:
        queries.setdefault(
            frozenset(c.lemmas), _Query(phrase_of(c), " ".join(c.lemmas), _kind(lex, c))
        )

    on_show = [c for c in pool if shown(c)]
    # A longer name whose words another name more often used holds ("Agriculture Jean Valmont"
    # from "ministre de l’Agriculture Jean Valmont") is not paired: the shorter one is.
    on_show = [
        c
        for c in on_show
        if not _is_name(lex, c)
        or not any(
            _is_name(lex, d) and set(d.lemmas) < set(c.lemmas) and len(d.places) >= len(c.places)
            for d in on_show
        )
    ]
    # The pair's first half: a name the headline or the lead gives, or a specific word of the
    # headline or at the top of the text ("ibuprofène").
    subjects = [
        c
        for c in on_show
        if _is_name(lex, c)
        or (
            not common(c)
            and (c in pool[:_TOP_SUBJECTS] or research.matcher(phrase_of(c)).in_text(headline))
        )
    ][:_PAIR_SUBJECTS]
    nouns = {c.lemmas[0]: c for c in scored if len(c.lemmas) == 1 and c.roles == "N"}
    # The headline's topic: its words, the event nouns of its verbs, and the names of the lead.
    zone = headline
    events = _headline_events(lex, [zone], nouns)
    topics: list[tuple[_Candidate, str]] = [(nouns[e], e) for e in events]
    topics += [
        (c, "")
        for c in on_show
        if not (len(c.lemmas) == 1 and c.lemmas[0] in events)
        and (_is_name(lex, c) or research.matcher(phrase_of(c)).in_text(zone))
    ]
    for subject in subjects:
        for topic, event in topics:
            who, who_lemmas = phrase_of(subject), subject.lemmas
            if (
                _yoast_words(who_lemmas + topic.lemmas) > _MAX_WORDS
                and _is_name(lex, subject)
                and len(who_lemmas) > 1
            ):
                # A person is searched by surname with the topic ("Delevoye réforme des
                # retraites"): the whole name would take the query over Yoast's four words.
                who, who_lemmas = who.split()[-1], who_lemmas[-1:]
            lemmas = frozenset(who_lemmas + topic.lemmas)
            if (
                set(who_lemmas) & set(topic.lemmas)
                or _yoast_words(who_lemmas + topic.lemmas) > _MAX_WORDS
                or lemmas in queries
                or (not _is_name(lex, subject) and not _is_name(lex, topic) and not event)
            ):
                continue
            both_names = _is_name(lex, subject) and _is_name(lex, topic)
            # Two names side by side read as one name that no source holds ("Microsoft
            # OpenAI"); joined by "et" they match the same way (Yoast skips function words).
            phrase = f"{who} {'et ' if both_names else ''}{phrase_of(topic)}"
            written = _written_together(research.text, phrase_of(topic), who)
            if not both_names and written:
                # The text's own words and order: "école Jules-Ferry", "chœur de Radio France"
                # (Yoast skips the function words; the SEO title can hold it as written).
                phrase = written
            queries[lemmas] = _Query(
                phrase,
                " ".join(who_lemmas + topic.lemmas),
                "pair",
                event=event,
                subject=who,
                topic=phrase_of(topic),
                common_topic=common(topic),
                subject_is_name=_is_name(lex, subject),
                topic_is_name=_is_name(lex, topic),
            )
    for q in queries.values():
        _measure(research, q, headline, lead)
    out: list[KeyphraseSuggestion] = []
    for q in sorted(queries.values(), key=lambda q: (-q.score, q.phrase)):
        fr, en = _reason(q, real_title)
        out.append(
            KeyphraseSuggestion(
                phrase=q.phrase,
                lemma=q.lemma,
                count=q.count,
                score=round(q.score, 2),
                in_intro=q.in_intro,
                in_title=q.in_title,
                kind=q.kind,
                generic=q.generic,
                fits_density=q.fits,
                placeable=q.placeable,
                topic=q.topic,
                reason=french_spacing(fr),
                reason_en=en,
            )
        )
    # In the order plume would adopt them: the first is adopted, the others are alternatives.
    ranked = sorted(out, key=lambda s: (s.generic, _adoption_key(s)))
    adopted = adopt_suggestion(ranked)
    if adopted is not None and adopted is not ranked[0]:
        ranked = [adopted, *(s for s in ranked if s is not adopted)]
    return ranked[:n]


def _written_together(text: str, first: str, second: str) -> str | None:
    """``first`` then ``second`` as the text writes them, side by side or joined by one or two
    function words ("chœur de Radio France"), the most frequent spelling; ``None`` if never."""
    fw = load_french().function_words
    joint = r"(?:\s+[\w’']+){0,2}?\s*"
    pattern = re.compile(rf"\b{re.escape(first)}{joint}\s{re.escape(second)}\b", re.IGNORECASE)
    found = Counter(
        m.group()
        for m in pattern.finditer(text)
        if all(
            w.lower().rstrip("’'") + ("’" if w[-1:] in "’'" else "") in fw or w.lower() in fw
            for w in re.findall(r"[\w]+[’']?", m.group()[len(first) : -len(second)])
        )
    )
    return found.most_common(1)[0][0] if found else None


def _adoption_key(s: KeyphraseSuggestion) -> tuple[int, int, int, bool, int]:
    """Smallest first: what the headline names, within Yoast's density band — the reader searches
    the story by its headline's subject ("Odile Ferrand", not the "Halle aux grains" of the
    lead); then in the lead, within Yoast's density band and carried by enough headings, a
    name with its topic; then the headline's own words before the others, and a multi-word
    name or phrase before a name paired with a frequent noun ("Valmont ministre") before a
    single word; then the same without enough headings; then any that fits the band; then the
    rest."""
    usable = s.fits_density and s.in_intro
    # A pair's common-noun topic comes from the headline, as written or as its verb's event
    # ("sommé de démissionner" → "démission de Jean Valmont").
    headline_topic = s.topic[:1].islower() and not is_generic_keyphrase(s.topic)
    headline = 0 if s.fits_density and (s.in_title or headline_topic) else 1
    return (headline, 0 if usable and s.placeable else 1 if usable else 2, *_tier(s))


def _tier(s: KeyphraseSuggestion) -> tuple[int, bool, int]:
    if s.fits_density and s.in_intro:
        if s.kind == "pair":
            if not is_generic_keyphrase(s.topic):
                return 0, not s.in_title, 0
            return 1, not s.in_title, 1
        if s.kind == "noun" and _dictionary_noun(s.phrase):
            # A lone dictionary noun ("trottinettes") is rarely the whole query: a phrase
            # holding it ("trottinettes en libre-service"), or a name, as visible, comes first.
            return 1, not s.in_title, 3
        return 1, not s.in_title, 0 if len(s.lemma.split()) > 1 else 2
    lone = s.kind == "noun" and _dictionary_noun(s.phrase)
    # Outside Yoast's band or the lead: the lead's words first (Yoast's introduction check),
    # then the headline's, then not a lone word ("école Jules-Ferry" before "Jules-Ferry",
    # which also names a man).
    single = len(s.lemma.split()) == 1
    return (3 if s.fits_density else 4), not s.in_intro, 2 * (not s.in_title) + int(lone or single)


def _dictionary_noun(word: str) -> bool:
    """A common noun the lexicon knows (not a name, not a technical term it lacks:
    "chlorothalonil")."""
    entry = load_lexicon().entry(word)
    return (
        not entry.guessed and not word[:1].isupper() and any(a.tag == "N" for a in entry.analyses)
    )


def adopt_suggestion(
    suggestions: Sequence[KeyphraseSuggestion], words: int | None = None
) -> KeyphraseSuggestion | None:
    """The suggestion plume adopts when the editor named no keyphrase (``words``, the text's
    word count, is no longer needed: each suggestion says whether it fits the density band).

    Never a lone frequent common noun when anything else is suggested; first a name with its
    topic or event ("Roman Prymula démission") that the lead uses and whose occurrences fit
    Yoast's density band, then a multi-word name or noun phrase, then a single name or noun;
    within a tier, the best ranked (:func:`search_keyphrases` ranks by headline, lead, spread).
    Yoast's IntroductionKeywordAssessment wants the keyphrase in the first paragraph, and the
    lead names the article's subject.
    """
    del words
    usable = [s for s in suggestions if not s.generic] or list(suggestions)
    if not usable:
        return None
    best = _first_adopted(usable)
    if best.kind == "pair" and is_generic_keyphrase(best.topic):
        # "OpenAI et IA", "OpenAI projets": the topic is too broad to add anything a reader
        # would type; the name alone, when the headline and the lead give it, is the query —
        # even over Yoast's density band (the author's text says it that often).
        alone = [
            s
            for s in usable
            if s.kind in ("name", "names")
            and s.in_title
            and s.in_intro
            and best.phrase.startswith(s.phrase + " ")
        ]
        if alone:
            return alone[0]
    if best.kind == "noun" and _dictionary_noun(best.phrase):
        # A lone dictionary noun ("instrument", "incendie") is rarely the query: the headline's
        # and the lead's phrase holding it ("instrument de musique", "Lyon incendie") says the
        # story, even under Yoast's density band (issue 16: "not one frequent common noun").
        wider = [
            s
            for s in usable
            if s.in_title
            and s.in_intro
            and len(s.lemma.split()) > 1
            and best.lemma in s.lemma.split()
            # A pair is built from the headline's own name and topic; a phrase said once may
            # be an aside ("bulletins blancs" in a story on void ballots).
            and (s.kind == "pair" or s.count >= 2)
        ]
        if wider:
            return _first_adopted(wider)
    return best


def _first_adopted(suggestions: Sequence[KeyphraseSuggestion]) -> KeyphraseSuggestion:
    """The best by :func:`_adoption_key`, the earlier ranked among equals."""
    return min(enumerate(suggestions), key=lambda e: (_adoption_key(e[1]), e[0]))[1]
