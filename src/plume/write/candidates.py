"""Section headings proposed by a language model, checked, ranked, with a deterministic fallback.

The model completes a few-shot "paragraph → heading" prompt ``n`` times with different seeds;
every candidate is cleaned and checked (codes in ``HeadingChoice.rejected``), the passing ones are
ranked; a candidate the section does not support (:func:`plume.verify.support.check_support`) is
dropped, and when none passes the heading is :func:`~plume.write.headings.section_heading`'s.
Reproducible: same input, backend and seed, same heading. Checks and ranking: docs/optimise.md.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from plume.analyse.keyphrase import KeyphraseMatcher
from plume.analyse.language import is_french
from plume.backends.base import Backend
from plume.lang.fr import fold, load_french, read_list
from plume.lang.fr.lexicon import Lexicon, load_lexicon
from plume.verify.facts import check_facts
from plume.verify.facts.folding import strip_marks
from plume.write.headings import MAX_HEADING_CHARS, same_heading, section_heading
from plume.write.labels import is_label

__all__ = [
    "EXAMPLES",
    "META_EXAMPLES",
    "TITLE_EXAMPLES",
    "FieldChoice",
    "HeadingChoice",
    "build_meta_prompt",
    "build_prompt",
    "build_title_prompt",
    "check_candidate",
    "clean_candidate",
    "model_heading",
    "model_meta",
    "model_title",
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

#: Section text given to the model: its first 120 words (a section's opening says what it is
#: about, and reading the prompt is most of the model's time: calibrated, see
#: docs/calibration.md).
MAX_PROMPT_WORDS = 120
#: Tokens generated per candidate: a 70-character French heading is ≈ 15–20 Gemma tokens.
MAX_TOKENS = 24
#: Sampling temperature: 0.7 gives different candidates across seeds (calibrated: see
#: docs/calibration.md).
TEMPERATURE = 0.7
#: Preferred length range for ranking (see the module doc); the hard limits are 3 and 70.
MIN_CHARS, PREFERRED_CHARS, MAX_CHARS = 3, (20, 60), MAX_HEADING_CHARS
#: Candidates asked per heading or title, ranked among those that pass: two, within the
#: 1,000-word budget of 20 s (calibrated: see docs/calibration.md).
CANDIDATES = 2
#: Where a heading or title ends: the end of the line, or a full stop — a heading takes none,
#: so the model has started a sentence (a claim, usually) and the tokens after it are wasted.
HEADING_STOPS = ("\n", ". ")
#: How many of the section's most frequent content words count for the overlap score.
TOP_WORDS = 10


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
    """Comparison form: folded, without accents (ligatures kept, as the fact check folds:
    "chœur" and "choeur" stay apart), spaces collapsed."""
    return " ".join(strip_marks(fold(text)).split())


def _words(text: str) -> list[str]:
    """Word tokens, elided articles split off ("l’usage" → "l’", "usage"). Not
    :func:`plume.text.words`: any head of one or two letters before an apostrophe is split off,
    and numbers are split at their spaces, as the checks below were calibrated with."""
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


#: Content words of a candidate allowed to be absent from its source, besides the framing
#: nouns of ``heading_framing_words.txt`` ("enjeux", "bilan"): none (see docs/calibration.md).
MAX_UNSUPPORTED_WORDS = 0


@cache
def _framing_stems() -> frozenset[str]:
    return frozenset(_plain(w)[:5] for w in read_list("heading_framing_words.txt"))


def _unsupported_words(candidate: str, source: str) -> list[str]:
    """Content words of ``candidate`` whose stem (first 5 letters, accents aside) the source
    never uses, framing nouns aside: the model's own vocabulary, where inventions live."""
    function_words = load_french().function_words
    stems = {_plain(w)[:5] for w in _words(source)} | _framing_stems()
    return [
        w
        for w in _words(candidate)
        if fold(w) not in function_words
        and not w[:1].isdigit()
        and len(w) > 2
        and _plain(w)[:5] not in stems
    ]


def _repeats_words(candidate: str) -> bool:
    """A word pair said twice ("de l’entreprise de l’entreprise"): the model looping."""
    words = [_plain(w) for w in _words(candidate)]
    pairs = list(itertools.pairwise(words))
    return len(pairs) != len(set(pairs))


_BAD_ELISION = re.compile(
    r"(?i)(?<![\w’'])(le|la|de|que|ne|se|je|me|te|ce)\s+(?=[aeiouyàâäéèêëîïôöûüœ]\w)"
)


def _bad_elision(candidate: str) -> bool:
    """A missing elision ("la IA", "de OpenAI"): French elides these words before a vowel
    (Grevisse § 44); the 270M model writes "la IA". Words before an *h* are not
    judged (h aspiré or muet needs a dictionary), and "le un" style numerals are rare enough."""
    return bool(_BAD_ELISION.search(candidate))


def _unbalanced(candidate: str) -> bool:
    """Guillemets or parentheses that do not pair up (« … without », a stray »)."""
    depth = 0
    for c in candidate:
        if c in "«(":
            depth += 1
        elif c in "»)":
            depth -= 1
            if depth < 0:
                return True
    return depth != 0


def _is_truncated(candidate: str) -> bool:
    words = _words(candidate)
    if not words or fold(words[-1]) in load_french().dangling_words:
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
    return 2 * french >= len(words) and is_french(candidate)


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
    if _unbalanced(heading):
        reasons.append("unbalanced")
    if _bad_elision(heading):
        reasons.append("bad_elision")
    reasons += _unsupported(heading, section)
    reasons += _unknown_words(heading, section)
    own_words = _unsupported_words(heading, section)
    if len(own_words) > MAX_UNSUPPORTED_WORDS:
        reasons.append("own_words:" + ",".join(own_words))
    if _repeats_words(heading):
        reasons.append("loops")
    if is_label(heading):
        reasons.append("label")  # "Microsoft et OpenAI": two noun groups say nothing
    if _is_repeat(heading, used):
        reasons.append("repeat")
    if keyphrase and _only_keyphrase(heading, keyphrase):
        reasons.append("only_keyphrase")
    if prefer_keyphrase and keyphrase and not KeyphraseMatcher(keyphrase).in_text(heading):
        reasons.append("no_keyphrase")
    return heading, reasons


def _content_key(text: str) -> frozenset[str]:
    """A heading's content words, accents and case aside, cut to 5 letters (so "société" and
    "sociétés" agree): two headings with the same key say the same thing in any order."""
    function_words = load_french().function_words
    return frozenset(_plain(w)[:5] for w in _words(text) if fold(w) not in function_words)


def _is_repeat(heading: str, used: Collection[str]) -> bool:
    """The same as a heading already used, word order aside ("OpenAI et Microsoft" repeats
    "Microsoft et OpenAI"), like :func:`plume.write.headings.same_heading`."""
    key = _content_key(heading)
    return any(
        _plain(heading) == _plain(u) or (key and key == _content_key(u)) or same_heading(heading, u)
        for u in used
    )


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
    n: int = CANDIDATES,
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

    def judge(cleaned: str, hit_limit: bool) -> tuple[str, list[str]]:
        return check_candidate(
            cleaned,
            section,
            used=used,
            keyphrase=keyphrase,
            prefer_keyphrase=prefer_keyphrase,
            hit_token_limit=hit_limit,
        )

    passing, rejected = _propose(
        backend,
        prompt,
        n=n if section else 0,
        seed=seed,
        max_tokens=MAX_TOKENS,
        judge=judge,
        stop=HEADING_STOPS,
    )
    # The model's candidates say something of the section: only what the section supports
    # (same actors, roles, negation, modality) is kept.
    if passing:
        from plume.verify.support import check_support  # spaCy's parser: loaded on first use

        verdicts = check_support(passing, section)
        rejected += [(v.claim, ["unsupported_claim"]) for v in verdicts if not v.supported]
        passing = [v.claim for v in verdicts if v.supported]
    # sorted() is stable: equal keys keep seed order, so the choice is reproducible.
    accepted = sorted(passing, key=lambda h: _rank_key(h, top, matcher), reverse=True)
    if accepted:
        return HeadingChoice(accepted[0], accepted, rejected, "model")
    fallback = section_heading(
        section_paragraphs,
        used,
        keyphrase=keyphrase,
        want_keyphrase=prefer_keyphrase,
        avoid_keyphrase=not prefer_keyphrase,
    )
    return HeadingChoice(fallback, [], rejected, "deterministic")


# ============================================================================================
# Titles and meta descriptions
# ============================================================================================

#: Few-shot examples for the title (H1 and SEO title): (keyphrase, lead, title). Same far-away
#: subjects as :data:`EXAMPLES`, so an echo is detected; each title starts with its keyphrase
#: (Yoast's keyphraseInSEOTitle is best at the start) and fits Google's 600 px.
TITLE_EXAMPLES: tuple[tuple[str, str, str], ...] = (
    (
        "récolte de blé",
        EXAMPLES[0][1],
        "Récolte de blé : en Beauce, les rendements chutent de 15 %",
    ),
    (
        "musée",
        EXAMPLES[1][1],
        "Musée : réouverture après deux ans de travaux",
    ),
    (
        "bibliothèque",
        EXAMPLES[2][1],
        "Bibliothèque de quartier : un refuge du soir pour les lycéens",
    ),
)

#: Few-shot examples for the meta description: (keyphrase, lead, description), each 120–156
#: characters (Yoast's MetaDescriptionLengthAssessment), one or two whole sentences.
META_EXAMPLES: tuple[tuple[str, str, str], ...] = (
    (
        "récolte de blé",
        EXAMPLES[0][1],
        "En Beauce, la récolte de blé recule de 15 % après la sécheresse du printemps, et les "
        "coopératives s’inquiètent pour leurs stocks.",
    ),
    (
        "musée",
        EXAMPLES[1][1],
        "Après deux ans de travaux, le musée rouvre avec des salles agrandies et une nouvelle "
        "aile consacrée à la peinture flamande.",
    ),
    (
        "bibliothèque",
        EXAMPLES[2][1],
        "Chaque soir, la bibliothèque du quartier accueille des lycéens qui révisent, aidés par "
        "des bénévoles en mathématiques et en français.",
    ),
)

#: Tokens for a title (≤ 70 characters ≈ 20 Gemma tokens) and a description (≤ 156
#: characters ≈ 45 tokens; 60 leaves room for the end of the sentence).
TITLE_MAX_TOKENS = 24
META_MAX_TOKENS = 60
#: A description is three times a heading's length: two words of its own at most.
META_MAX_UNSUPPORTED_WORDS = 2
#: Lead text given for titles and descriptions: the opening says what the article is about.
LEAD_WORDS = 90


@dataclass(frozen=True)
class FieldChoice:
    """A title or description chosen among model candidates, or ``None`` when none passed (the
    caller then keeps its deterministic text)."""

    text: str | None
    accepted: list[str] = field(default_factory=list)
    rejected: list[tuple[str, list[str]]] = field(default_factory=list)


def _lead_prompt(
    header: str,
    label: str,
    examples: Sequence[tuple[str, str, str]],
    lead: str,
    keyphrase: str,
) -> str:
    parts = [header + "\n"]
    for kp, paragraph, text in examples:
        parts.append(f"Chapô : {paragraph}\nMot-clé : {kp}\n{label} : {text}\n")
    lead_text = _truncate(" ".join(lead.split()), LEAD_WORDS)
    parts.append(f"Chapô : {lead_text}\nMot-clé : {keyphrase}\n{label} :")
    return "\n".join(parts)


def build_title_prompt(lead: str, keyphrase: str) -> str:
    """Few-shot prompt: lead and keyphrase → a title that starts with the keyphrase."""
    return _lead_prompt(
        "Titres d’articles de presse : pour chaque chapô, un titre court et fidèle, en "
        "français, qui commence par le mot-clé.",
        "Titre",
        TITLE_EXAMPLES,
        lead,
        keyphrase,
    )


def build_meta_prompt(lead: str, keyphrase: str) -> str:
    """Few-shot prompt: lead and keyphrase → a 120–156 character description."""
    return _lead_prompt(
        "Descriptions pour les moteurs de recherche : pour chaque chapô, une ou deux phrases "
        "fidèles de 120 à 150 caractères, en français, qui contiennent le mot-clé.",
        "Description",
        META_EXAMPLES,
        lead,
        keyphrase,
    )


def _propose(
    backend: Backend,
    prompt: str,
    *,
    n: int,
    seed: int,
    max_tokens: int,
    judge: Callable[[str, bool], tuple[str, list[str]]],
    stop: Sequence[str] = ("\n",),
) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """``n`` seeded completions of ``prompt``, cleaned and judged: (passing, rejected).

    ``judge(cleaned, hit_token_limit)`` returns the candidate as it would be used and the codes
    of the checks it fails. The same text from two seeds is judged once.
    """
    passing: list[str] = []
    rejected: list[tuple[str, list[str]]] = []
    seen: set[str] = set()
    for i in range(n):
        completion = backend.complete(
            prompt, max_tokens=max_tokens, temperature=TEMPERATURE, seed=seed + i, stop=list(stop)
        )
        cleaned = clean_candidate(completion.text)
        if _plain(cleaned) in seen:
            continue
        seen.add(_plain(cleaned))
        # Cut by the limit, by the endpoint's count or by the backend's (an answer far over
        # the limit, see plume.backends.base.bounded_answer): never a finished heading.
        hit_limit = (
            completion.completion_tokens >= max_tokens or completion.finish_reason == "length"
        )
        text, reasons = judge(cleaned, hit_limit)
        if reasons:
            rejected.append((text or completion.text.strip(), reasons))
        else:
            passing.append(text)
    return passing, rejected


def _by_deletion(text: str, source: str) -> bool:
    """Whether every sentence of ``text`` is a source sentence (or two adjacent ones) with words
    removed: its words, case and accents aside, in the source's order."""
    from plume.text import sentences

    src = [[_plain(w) for w in _words(x.text)] for x in sentences(source)]
    windows = src + [a + b for a, b in itertools.pairwise(src)]

    def inside(words: list[str], window: list[str]) -> bool:
        it = iter(window)
        return all(any(w == x for x in it) for w in words)

    return all(
        any(inside([_plain(w) for w in _words(x.text)], win) for win in windows)
        for x in sentences(text)
    )


def _tells_event(title: str) -> bool:
    """A conjugated verb or a past participle ("sommé de démissionner") no other reading
    explains ("pistes" is a noun, not "tu pistes")."""
    from plume.write.trim import has_certain_verb

    lex = _lexicon()
    participle = any(
        w[:1].islower() and {a.tag for a in lex.entry(w).analyses} == {"K"} for w in _words(title)
    )
    return participle or has_certain_verb(title)


def _supported_only(
    passing: list[str], rejected: list[tuple[str, list[str]]], source: str
) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """The candidates whose every sentence the source supports (same actors, roles, negation,
    modality: :func:`plume.verify.support.check_support`); the others join ``rejected``."""
    if not passing:
        return passing, rejected
    from plume.text import sentences
    from plume.verify.support import check_support  # spaCy's parser: loaded on first use

    claims = {c: [x.text for x in sentences(c)] or [c] for c in passing}
    verdicts = check_support([x for parts in claims.values() for x in parts], source)
    ok = {v.claim for v in verdicts if v.supported}
    kept = [c for c in passing if all(x in ok for x in claims[c])]
    rejected = rejected + [(c, ["unsupported_claim"]) for c in passing if c not in kept]
    return kept, rejected


def model_title(
    backend: Backend,
    lead: str,
    article_text: str,
    *,
    keyphrase: str,
    used: Collection[str] = (),
    n: int = CANDIDATES,
    seed: int = 1042,
) -> FieldChoice:
    """The article's title (H1, and SEO title when it fits): the best of ``n`` checked model
    candidates, or ``FieldChoice(None)``.

    Checked like a heading against the whole article (French, 3–70 characters, not truncated,
    no fact or name the article lacks, no unknown word, not an example, not a repeat of a
    heading), and it must hold the keyphrase (Yoast keyphraseInSEOTitle) and fit Google's
    600 px (Yoast PageTitleWidthAssessment). Ranked: keyphrase at the start, then 20–60
    characters, then overlap with the article's most frequent words.
    """
    from plume.analyse.pixels import SERP_TITLE_MAX_PX, text_width

    matcher = KeyphraseMatcher(keyphrase)

    def judge(cleaned: str, hit_limit: bool) -> tuple[str, list[str]]:
        title, reasons = check_candidate(
            cleaned,
            article_text,
            used=used,
            keyphrase=keyphrase,
            prefer_keyphrase=True,
            hit_token_limit=hit_limit,
        )
        if any(_plain(title) == _plain(t) for _, _, t in TITLE_EXAMPLES):
            reasons.append("copies_example")
        if title and text_width(title) > SERP_TITLE_MAX_PX:
            reasons.append("too_wide")
        if title and is_label(title):
            reasons.append("label")  # "Microsoft et l’IA" names two things, says nothing
        if title and not _tells_event(title):
            reasons.append("no_event")  # a headline says who did what: a verb or a participle
        return title, reasons

    passing, rejected = _propose(
        backend,
        build_title_prompt(lead, keyphrase),
        n=n if lead.strip() else 0,
        seed=seed,
        max_tokens=TITLE_MAX_TOKENS,
        judge=judge,
        stop=HEADING_STOPS,
    )
    passing, rejected = _supported_only(passing, rejected, article_text)
    top = _top_words(article_text)

    def key(title: str) -> tuple[int, int, int]:
        at_start = (matcher.position_in(title) or 0) <= 4 if matcher.in_text(title) else False
        return (1 if at_start else 0, *_rank_key(title, top, None)[1:])

    accepted = sorted(passing, key=key, reverse=True)
    return FieldChoice(accepted[0] if accepted else None, accepted, rejected)


def model_meta(
    backend: Backend,
    lead: str,
    article_text: str,
    *,
    keyphrase: str,
    n: int = 2,
    seed: int = 2042,
    min_chars: int = 121,
    max_chars: int = 156,
) -> FieldChoice:
    """A meta description written by the model, or ``FieldChoice(None)``.

    Checks: ``min_chars``–``max_chars`` characters (Yoast MetaDescriptionLengthAssessment),
    whole sentences (ends on ".", "!" or "?", not cut by the token limit), the keyphrase
    (Yoast MetaDescriptionKeywordAssessment), French, no number, date, quotation or name the
    article lacks, no unknown word, not an example. Ranked by overlap with the article's most
    frequent words, then seed order.
    """
    matcher = KeyphraseMatcher(keyphrase)
    examples = {_plain(t) for _, _, t in META_EXAMPLES}

    def judge(cleaned: str, hit_limit: bool) -> tuple[str, list[str]]:
        text = " ".join(cleaned.split())
        if text and text[-1] not in ".!?":
            text = text.rstrip() + "."  # clean_candidate strips the final stop
        if not text or not text[:1].isalnum():
            return text, ["empty" if not text else "bad_start"]
        text = text[:1].upper() + text[1:]
        reasons: list[str] = []
        if len(text) < min_chars:
            reasons.append("too_short")
        if len(text) > max_chars:
            reasons.append("too_long")
        if hit_limit or _is_truncated(text.rstrip(".!?")):
            reasons.append("truncated")
        if _unbalanced(text):
            reasons.append("unbalanced")
        if _bad_elision(text):
            reasons.append("bad_elision")
        if not matcher.in_text(text):
            reasons.append("no_keyphrase")
        if not _looks_french(text, article_text):
            reasons.append("not_french")
        if _plain(text) in examples:
            reasons.append("copies_example")
        reasons += _unsupported(text, article_text)
        reasons += _unknown_words(text, article_text)
        own_words = _unsupported_words(text, article_text)
        if len(own_words) > META_MAX_UNSUPPORTED_WORDS:
            reasons.append("own_words:" + ",".join(own_words))
        if _repeats_words(text):
            reasons.append("loops")
        return text, reasons

    passing, rejected = _propose(
        backend,
        build_meta_prompt(lead, keyphrase),
        n=n if lead.strip() else 0,
        seed=seed,
        max_tokens=META_MAX_TOKENS,
        judge=judge,
    )
    # Faithful mode: the description is the author's sentences with words removed, never a
    # rewording (the 270M model wrote "Chaque midi, la technologie de la ville a résonné…" for
    # "Vendredi après-midi, le monde de la technologie a résonné…", which the claim check let
    # through): the deterministic description wins otherwise.
    rejected = rejected + [(c, ["not_by_deletion"]) for c in passing if not _by_deletion(c, lead)]
    passing = [c for c in passing if _by_deletion(c, lead)]
    passing, rejected = _supported_only(passing, rejected, article_text)
    top = _top_words(article_text)
    accepted = sorted(passing, key=lambda t: _rank_key(t, top, None)[2], reverse=True)
    return FieldChoice(accepted[0] if accepted else None, accepted, rejected)
