"""Section headings proposed by a language model, checked, ranked, with a deterministic fallback.

The model (by default the embedded Gemma 3 270M, a small *base* model) is prompted with a few
French examples of "paragraph → heading" and completes the next one, ``n`` times with different
seeds. A base model that small copies its examples, stops mid-phrase and invents names, so every
candidate is cleaned and then checked; only candidates that pass every check are ranked, and when
none passes the heading is :func:`~plume.write.headings.deterministic_heading`'s, so the result is
always a valid heading. Reproducible: the same input, backend and seed give the same heading.

Checks (each failing one is reported by its code in ``HeadingChoice.rejected``):

* ``empty`` / ``too_short`` / ``too_long`` — 3 to ``MAX_HEADING_CHARS`` (70) characters
  (issue 3: one line on a phone);
* ``not_french`` — fewer than half its words are French (known to plume's lexicon, or words
  of the section), or some are not and lingua says another language (lingua alone decides
  nothing below 5 words and errs on short French headings, see ``_looks_french``);
* ``bad_start`` — does not start with a letter or digit, so sentence case cannot be applied;
* ``copies_example`` — one of the prompt's example headings (the model echoes them);
* ``truncated`` — the model hit its token limit, or the heading ends on a word that cannot end
  a French phrase (article, preposition, conjunction: "… de la"), an apostrophe or hyphen, or
  leaves a parenthesis or guillemet open;
* ``unsupported:<fact>`` — a number, date or quotation not in the section
  (:func:`plume.verify.facts.check_facts` with ``entities=False``: its spaCy NER costs ≈ 4 s to
  load, more than generating all candidates), or a name not in the section: a capitalised word
  after the first one, or a first word that is neither in the section nor a common French word
  of the lexicon;
* ``unknown_word:<word>`` — a lower-case word neither in the section nor in plume's French
  lexicon (the 270M model coins words: "avant-couvertech" on examples/article-brief.txt);
* ``repeat`` — the same as a heading already used (case- and accent-insensitive);
* ``only_keyphrase`` — nothing but the keyphrase's words ("Le vélo en ville"): a heading that
  fits every section describes none (the model's most frequent answer on the example);
* ``no_keyphrase`` — ``prefer_keyphrase`` and the keyphrase (or one of its forms) is missing.

Ranking of the passing ones: the keyphrase when wanted, then a length of 20–60 characters (short
enough for one line, long enough to say something; the 70-character ceiling is the hard limit),
then the number of the section's 10 most frequent content words it uses, then the order of the
seeds.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from plume.analyse.keyphrase import KeyphraseMatcher
from plume.analyse.language import detect_language
from plume.backends.base import Backend
from plume.lang.fr import fold, load_french
from plume.lang.fr.lexicon import Lexicon, load_lexicon
from plume.verify.facts import check_facts
from plume.write.headings import MAX_HEADING_CHARS, deterministic_heading

__all__ = [
    "EXAMPLES",
    "HeadingChoice",
    "build_prompt",
    "check_candidate",
    "clean_candidate",
    "model_heading",
]

#: Few-shot examples: (keyphrase, paragraph, heading). Written for plume, on subjects far from
#: the usual test material so that an echoed example is easy to detect and never plausible.
EXAMPLES: tuple[tuple[str, str, str], ...] = (
    (
        "récolte de blé",
        "Les agriculteurs de la Beauce ont récolté moins de blé cette année à cause de la "
        "sécheresse du printemps. Les rendements ont baissé de 15 % par rapport à l’an dernier, "
        "et les coopératives craignent pour leurs stocks.",
        "Une récolte de blé amputée par la sécheresse",
    ),
    (
        "musée",
        "Le musée a rouvert ses portes après deux ans de travaux. Les visiteurs découvrent des "
        "salles agrandies et une nouvelle aile consacrée à la peinture flamande.",
        "Un musée agrandi après deux ans de travaux",
    ),
    (
        "bibliothèque",
        "Le soir, la bibliothèque du quartier accueille des lycéens qui n’ont pas de calme chez "
        "eux pour réviser. Des bénévoles les aident en mathématiques et en français.",
        "La bibliothèque, refuge des lycéens le soir",
    ),
)

#: Section text given to the model: about 250 words (a long section's opening says what it is
#: about; more only slows the 270M model down, ≈ 3 ms per prompt token on 2 cores).
MAX_PROMPT_WORDS = 250
#: Tokens generated per candidate: a 70-character French heading is ≈ 15–20 Gemma tokens.
MAX_TOKENS = 24
#: Sampling temperature: 0.7 gives different candidates across seeds; at 0.2 the three seeds
#: mostly gave the same text (tried on examples/article-brief.txt).
TEMPERATURE = 0.7
#: Preferred length range for ranking (see the module doc); the hard limits are 3 and 70.
MIN_CHARS, PREFERRED_CHARS, MAX_CHARS = 3, (20, 60), MAX_HEADING_CHARS
#: How many of the section's most frequent content words count for the overlap score.
TOP_WORDS = 10

# Words a French phrase cannot end on (articles, prepositions, conjunctions, possessives and
# demonstratives): a heading ending on one was cut off. Folded (lower case, ASCII apostrophe).
_DANGLING = frozenset(
    fold(w)
    for w in [
        "le",
        "la",
        "les",
        "l’",
        "un",
        "une",
        "des",
        "du",
        "de",
        "d’",
        "au",
        "aux",
        "à",
        "et",
        "ou",
        "mais",
        "car",
        "ni",
        "que",
        "qu’",
        "qui",
        "dont",
        "pour",
        "par",
        "sur",
        "sous",
        "avec",
        "dans",
        "entre",
        "vers",
        "chez",
        "sans",
        "en",
        "son",
        "sa",
        "ses",
        "leur",
        "leurs",
        "ce",
        "cet",
        "cette",
        "ces",
        "mon",
        "ma",
        "mes",
        "ton",
        "ta",
        "tes",
        "notre",
        "nos",
        "votre",
        "vos",
    ]
)
_PREFIX_RE = re.compile(
    r"^\s*(?:(?:intertitre|sous-titre|titre|heading|title)\s*\d*\s*[:\-–—]\s*"
    r"|\d{1,2}\s*[.)\-–—:]\s+|[-–—•*#>]+\s*)+",
    re.IGNORECASE,
)
_QUOTES = "«»\"“”„‘’'`*_"
_TRAILING = " .,;:…\u00a0\u202f-–—"
_WORD_RE = re.compile(r"[\w’'-]+")


@dataclass(frozen=True)
class HeadingChoice:
    """The heading chosen for a section, and what happened to each model candidate."""

    heading: str
    #: Cleaned candidates that passed every check, best first.
    accepted: list[str] = field(default_factory=list)
    #: Cleaned candidates (raw text when cleaning left nothing) with the codes of failed checks.
    rejected: list[tuple[str, list[str]]] = field(default_factory=list)
    source: Literal["model", "deterministic"] = "deterministic"


@cache
def _lexicon() -> Lexicon:
    return load_lexicon()


def _plain(text: str) -> str:
    """Comparison form: folded, without accents, spaces collapsed."""
    decomposed = unicodedata.normalize("NFD", fold(text))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.split())


def _words(text: str) -> list[str]:
    """Word tokens, elided articles split off ("l’usage" → "l’", "usage")."""
    out: list[str] = []
    for w in _WORD_RE.findall(text.replace("'", "’")):
        w = w.strip("-")
        head, sep, tail = w.partition("’")
        if sep and tail and len(head) <= 2:
            out += [head + sep, tail]
        elif w:
            out.append(w)
    return out


def _section_text(paragraphs: Sequence[str]) -> str:
    return "\n".join(p.strip() for p in paragraphs if p.strip())


def _truncate(text: str, max_words: int = MAX_PROMPT_WORDS) -> str:
    """The first ``max_words`` words, cut back to the last sentence end when one is past half."""
    words = text.split()
    if len(words) <= max_words:
        return " ".join(words)
    cut = " ".join(words[:max_words])
    end = max(cut.rfind(". "), cut.rfind("? "), cut.rfind("! "))
    return cut[: end + 1] if end > len(cut) // 2 else cut


def build_prompt(section_text: str, keyphrase: str | None = None) -> str:
    """The few-shot completion prompt; with ``keyphrase``, every example shows a "Mot-clé" line
    and a heading that holds it, and the section's slot asks for that keyphrase."""
    parts = [
        "Intertitres d’articles de presse : pour chaque paragraphe, un intertitre court et "
        "fidèle, en français.\n"
    ]
    for kp, paragraph, heading in EXAMPLES:
        kp_line = f"Mot-clé : {kp}\n" if keyphrase else ""
        parts.append(f"Paragraphe : {paragraph}\n{kp_line}Intertitre : {heading}\n")
    kp_line = f"Mot-clé : {keyphrase}\n" if keyphrase else ""
    parts.append(f"Paragraphe : {_truncate(' '.join(section_text.split()))}\n{kp_line}Intertitre :")
    return "\n".join(parts)


def clean_candidate(raw: str) -> str:
    """The model's text as a heading: first line only, without label ("Titre :"), numbering,
    bullets, quotes, markdown emphasis or final punctuation ("?" and "!" are kept: they carry
    meaning), spaces collapsed."""
    lines = [line for line in raw.strip().splitlines() if line.strip()]
    text = lines[0] if lines else ""
    previous = None
    while text != previous:
        previous = text
        text = _PREFIX_RE.sub("", text).strip().strip(_QUOTES).strip()
        text = text.rstrip(_TRAILING).strip(_QUOTES)
    return " ".join(text.split())


def _sentence_case(candidate: str, section: str) -> str:
    """First letter upper case; later capitalised words lowered when the section writes them in
    lower case and never capitalised (title case "Des Pistes Sûres" → "Des pistes sûres"),
    kept otherwise (names, acronyms, and unknown words left for the name check)."""
    words = candidate.split(" ")
    section_words = set(_words(section))
    out = [words[0][:1].upper() + words[0][1:]]
    for w in words[1:]:
        core = w.strip(_QUOTES + ",;:()")
        if core[:1].isupper() and core not in section_words and core.lower() in section_words:
            w = w.replace(core, core.lower(), 1)
        out.append(w)
    return " ".join(out)


def _unsupported(candidate: str, section: str) -> list[str]:
    """Facts of ``candidate`` the section does not support (see the module doc)."""
    reasons = [
        f"unsupported:{v.fact.text}"
        for v in check_facts(candidate, section, entities=False).violations
    ]
    section_plain = set(_plain(section).replace("’", "'").split())
    section_plain |= {_plain(w) for w in _words(section)}
    lex = _lexicon()
    french = load_french()
    for i, word in enumerate(_words(candidate)):
        if not word[:1].isupper() or _plain(word) in section_plain:
            continue
        f = fold(word)
        if i == 0 and (f in french.function_words or (lex.known(f) and "PROPN" not in lex.pos(f))):
            continue
        reasons.append(f"unsupported:{word}")
    return reasons


def _unknown_words(candidate: str, section: str) -> list[str]:
    """Lower-case words of ``candidate`` found neither in ``section`` nor in the lexicon."""
    section_plain = {_plain(w) for w in _words(section)}
    lex = _lexicon()
    function_words = load_french().function_words

    def known(word: str) -> bool:
        f = fold(word)
        return f in function_words or lex.known(f) or _plain(word) in section_plain

    return [
        f"unknown_word:{w}"
        for w in _words(candidate)
        if w[:1].islower() and not known(w) and not all(known(p) for p in w.split("-") if p)
    ]


def _is_truncated(candidate: str) -> bool:
    words = _words(candidate)
    if not words or fold(words[-1]) in _DANGLING:
        return True
    if candidate.endswith(("’", "'", "-")):
        return True
    return candidate.count("(") > candidate.count(")") or candidate.count("«") > candidate.count(
        "»"
    )


def _looks_french(candidate: str, section: str) -> bool:
    """Lingua's verdict counts only when some word is not French: on headings of 5–10 words its
    fast mode errs ("Un vélo en ville en plein essor" → not French, on the example), and a word
    the lexicon or the section knows is French enough for a heading."""
    words = [w for w in _words(candidate) if not w[:1].isdigit()]
    if not words:
        return True
    section_plain = {_plain(w) for w in _words(section)}
    lex = _lexicon()
    french = sum(
        1 for w in words if _plain(w) in section_plain or lex.known(fold(w)) or w[:1].isupper()
    )
    if french == len(words):
        return True
    return 2 * french >= len(words) and detect_language(candidate) in (None, "fr")


def _only_keyphrase(candidate: str, keyphrase: str) -> bool:
    """The heading says nothing but the keyphrase ("Le vélo en ville", "La ville à vélo"):
    true of every section, so it describes none. Words compared on their first 4 letters, so
    that plurals and simple derivations ("villes") count as the keyphrase's."""
    function_words = load_french().function_words

    def stems(text: str) -> set[str]:
        return {_plain(w)[:4] for w in _words(text) if fold(w) not in function_words}

    own = stems(candidate)
    return bool(own) and own <= stems(keyphrase)


def check_candidate(
    candidate: str,
    section: str,
    *,
    used: Collection[str] = (),
    keyphrase: str | None = None,
    prefer_keyphrase: bool = False,
    hit_token_limit: bool = False,
) -> tuple[str, list[str]]:
    """``candidate`` (already cleaned) in sentence case, and the codes of the checks it fails
    (empty when it is a valid heading for ``section``)."""
    if not candidate:
        return candidate, ["empty"]
    if not candidate[:1].isalnum():
        return candidate, ["bad_start"]
    heading = _sentence_case(candidate, section)
    reasons: list[str] = []
    if len(heading) < MIN_CHARS:
        reasons.append("too_short")
    if len(heading) > MAX_CHARS:
        reasons.append("too_long")
    if not _looks_french(heading, section):
        reasons.append("not_french")
    if any(_plain(heading) == _plain(h) for _, _, h in EXAMPLES):
        reasons.append("copies_example")
    if hit_token_limit or _is_truncated(heading):
        reasons.append("truncated")
    reasons += _unsupported(heading, section)
    reasons += _unknown_words(heading, section)
    if any(_plain(heading) == _plain(u) for u in used):
        reasons.append("repeat")
    if keyphrase and _only_keyphrase(heading, keyphrase):
        reasons.append("only_keyphrase")
    if prefer_keyphrase and keyphrase and not KeyphraseMatcher(keyphrase).in_text(heading):
        reasons.append("no_keyphrase")
    return heading, reasons


def _top_words(section: str) -> frozenset[str]:
    function_words = load_french().function_words
    counts = Counter(
        _plain(w) for w in _words(section) if fold(w) not in function_words and len(w) > 2
    )
    return frozenset(w for w, _ in counts.most_common(TOP_WORDS))


def _rank_key(
    heading: str, top: frozenset[str], matcher: KeyphraseMatcher | None
) -> tuple[int, int, int]:
    low, high = PREFERRED_CHARS
    overlap = sum(1 for w in {_plain(w) for w in _words(heading)} if w in top)
    return (
        1 if matcher is not None and matcher.in_text(heading) else 0,
        1 if low <= len(heading) <= high else 0,
        overlap,
    )


def model_heading(
    backend: Backend,
    section_paragraphs: Sequence[str],
    *,
    used: Collection[str] = (),
    keyphrase: str,
    prefer_keyphrase: bool,
    n: int = 3,
    seed: int = 42,
) -> HeadingChoice:
    """A heading for the section made of ``section_paragraphs``: the best of ``n`` model
    candidates (seeds ``seed`` … ``seed + n - 1``) that pass every check, else the deterministic
    heading (with the same keyphrase preference as :func:`plume.write.structure.build_article`:
    the keyphrase first when wanted, left out otherwise)."""
    section = _section_text(section_paragraphs)
    prompt = build_prompt(section, keyphrase if prefer_keyphrase else None)
    matcher = KeyphraseMatcher(keyphrase) if prefer_keyphrase and keyphrase else None
    top = _top_words(section)
    passing: list[str] = []
    rejected: list[tuple[str, list[str]]] = []
    seen: set[str] = set()
    for i in range(n if section else 0):
        completion = backend.complete(
            prompt, max_tokens=MAX_TOKENS, temperature=TEMPERATURE, seed=seed + i, stop=["\n"]
        )
        cleaned = clean_candidate(completion.text)
        if _plain(cleaned) in seen:
            continue  # the same text from another seed: judged once
        seen.add(_plain(cleaned))
        heading, reasons = check_candidate(
            cleaned,
            section,
            used=used,
            keyphrase=keyphrase,
            prefer_keyphrase=prefer_keyphrase,
            hit_token_limit=completion.completion_tokens >= MAX_TOKENS,
        )
        if reasons:
            rejected.append((heading or completion.text.strip(), reasons))
        else:
            passing.append(heading)
    # sorted() is stable: equal keys keep seed order, so the choice is reproducible.
    accepted = sorted(passing, key=lambda h: _rank_key(h, top, matcher), reverse=True)
    if accepted:
        return HeadingChoice(accepted[0], accepted, rejected, "model")
    fallback = deterministic_heading(
        section_paragraphs,
        used,
        prefer=keyphrase if prefer_keyphrase else None,
        avoid=None if prefer_keyphrase else keyphrase,
    )
    return HeadingChoice(fallback, [], rejected, "deterministic")
