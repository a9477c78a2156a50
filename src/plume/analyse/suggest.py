"""Keyphrase suggestion: the phrases a text is about, for when the editor named none.

Candidates are proper-noun sequences ("Sam Altman"), common nouns, NOUN ADJ ("intelligence
artificielle") and NOUN de NOUN ("conseil d’administration"), tagged with the lexicon's parts of
speech (no spaCy), grouped by lemmas and scored by frequency weighted by position and length.
Also the synonyms a text itself establishes for a keyphrase (acronyms, a name's last word).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from plume import text as T
from plume.analyse.keyphrase import transliterate
from plume.analyse.researches import Research
from plume.lang.fr import load_french, read_list
from plume.lang.fr.lexicon import Lexicon, load_lexicon, normalise
from plume.report import KeyphraseSuggestion

__all__ = [
    "ADOPT_IN_LEAD_SHARE",
    "MAX_ADOPT_DENSITY",
    "adopt_suggestion",
    "suggest_keyphrases",
    "suggest_synonyms",
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
_DE = frozenset({"de", "d'"})
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
    NOUN, NOUN ADJ, NOUN de NOUN."""
    n = len(tags)
    i = 0
    while i < n:
        if tags[i].role == "P":
            j = i
            while j < n and tags[j].role == "P" and j - i < _MAX_WORDS:
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
                and normalise(nxt.word.text) in _DE
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


def suggest_keyphrases(research: Research, n: int = 5) -> list[KeyphraseSuggestion]:
    """Top ``n`` keyphrase candidates from the text (lemmas and noun phrases), best first."""
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
                cand.surfaces[_surface(chunk)] += 1
                cand.places.append((place_seg, chunk[0].word.start, chunk[-1].word.end))
                cand.score += weight * _LENGTH_FACTOR[len(key)]

    chosen: list[_Candidate] = []
    for cand in sorted(cands.values(), key=lambda c: (-c.score, c.lemmas)):
        if len(chosen) == n:
            break
        # Redundant when every occurrence lies inside an occurrence of a phrase already chosen
        # ("Sam" when every "Sam" is in "Sam Altman").
        taken = [p for c in chosen for p in c.places]
        if all(
            any(g == g2 and s2 <= s and e <= e2 for g2, s2, e2 in taken) for g, s, e in cand.places
        ):
            continue
        chosen.append(cand)

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
        for c in chosen
    ]


#: An in-lead suggestion is adopted over the top-ranked one only when it scores at least this
#: share of it: a close second that the lead names. Calibrated: see docs/calibration.md.
ADOPT_IN_LEAD_SHARE = 0.6


#: A suggestion already this dense in the text is not adopted when another one is available:
#: Yoast's maximum is 3 % (KeyphraseDensityAssessment without word forms), and an optimised
#: article still adds the keyphrase to its title and subheadings. Calibrated: see
#: docs/calibration.md.
MAX_ADOPT_DENSITY = 0.028


def adopt_suggestion(
    suggestions: Sequence[KeyphraseSuggestion], words: int | None = None
) -> KeyphraseSuggestion | None:
    """The suggestion plume adopts when the editor named no keyphrase: the best-ranked one,
    unless it is absent from the first paragraph and a close second (see
    :data:`ADOPT_IN_LEAD_SHARE`) is in it; suggestions denser than :data:`MAX_ADOPT_DENSITY`
    in a text of ``words`` words come last.

    Yoast's IntroductionKeywordAssessment wants the keyphrase in the first paragraph, and the
    lead names the article's subject.
    """
    if words:
        roomy = [s for s in suggestions if s.count <= MAX_ADOPT_DENSITY * words]
        suggestions = roomy or list(suggestions)
    if not suggestions:
        return None
    top = suggestions[0]
    if top.in_intro:
        return top
    return next(
        (s for s in suggestions[1:] if s.in_intro and s.score >= ADOPT_IN_LEAD_SHARE * top.score),
        top,
    )


def suggest_synonyms(text: str, keyphrase: str, limit: int = 2) -> list[str]:
    """Synonyms the text itself establishes for ``keyphrase``, for Yoast's synonym-aware checks.

    Only pairs the text proves, so a synonym never changes the subject:

    * an acronym and its expansion, both used in the text: "IA" ↔ "intelligence artificielle"
      (the initials of the expansion's content words spell the acronym);
    * a person's or organisation's multi-word name and its last word used alone at least twice
      ("Sam Altman" → "Altman"), the way French news writes a name after its first mention.
    """
    kp = keyphrase.strip()
    if not kp:
        return []
    function_words = load_french().function_words
    out: list[str] = []
    words = kp.split()
    if len(words) == 1 and kp.isupper() and 2 <= len(kp) <= 6:
        out += [e for e in _acronym_definitions(text, kp) if e not in out]
    elif len(words) >= 2 and all(w[:1].isupper() for w in words):
        last = words[-1]
        alone = len(re.findall(rf"(?<![\w’'-]){re.escape(last)}(?![\w’'-])", text)) - len(
            re.findall(rf"(?<![\w’'-]){re.escape(kp)}(?![\w’'-])", text)
        )
        if alone >= 2 and len(last) > 2:
            out.append(last)
    else:
        # Expansion → acronym, when the text defines it.
        content = [w for w in words if w.lower() not in function_words]
        acronym = "".join(transliterate(w[0]) for w in content).upper()
        if len(content) >= 2 and any(
            e.lower() == kp.lower() for e in _acronym_definitions(text, acronym)
        ):
            out.append(acronym)
    return out[:limit]


def _acronym_definitions(text: str, acronym: str) -> list[str]:
    """Expansions the text defines for ``acronym``, in the two layouts Schwartz & Hearst's
    abbreviation-definition algorithm recognises ("A simple algorithm for identifying
    abbreviation definitions in biomedical text", PSB 2003): "long form (SF)" and
    "SF (long form)". Initials are compared without accents and function words are skipped
    ("vélo à assistance électrique (VAE)")."""
    function_words = load_french().function_words
    n = len(acronym)
    word = r"[^\W\d_][\w’'-]*"

    def spells(run: list[str]) -> bool:
        content = [t.split("’", 1)[-1] for t in run if t.lower() not in function_words]
        return (
            len(content) == n
            and all(t[:1].islower() for t in content)
            and "".join(transliterate(t[0]) for t in content).upper() == acronym
        )

    found: list[str] = []
    esc = re.escape(acronym)
    for m in re.finditer(rf"((?:{word}\s+){{{n},{2 * n}}})\(\s*{esc}\s*\)", text):
        tokens = m.group(1).split()
        for k in range(len(tokens) - n, -1, -1):  # shortest run ending before "(" first
            if tokens[k].lower() not in function_words and spells(tokens[k:]):
                found.append(" ".join(tokens[k:]))
                break
    for m in re.finditer(rf"\b{esc}\s*\(([^()]{{3,80}})\)", text):
        run = m.group(1).split()
        if spells(run):
            found.append(" ".join(run))
    return found
