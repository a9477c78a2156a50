"""Readability formulas for French: Flesch (Kandel & Moles 1958) and LIX (Björnsson 1968).

Pure arithmetic over counts; the counting itself (words, sentences, syllables) belongs to the text
layer (:mod:`plume.text`) and the researches. Bands translate a score into words an editor
understands ("assez difficile"), each with the source of its boundaries.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Band:
    """A named interval ``[low, next band's low)`` of a readability scale."""

    key: str  # stable identifier, e.g. "fairly_difficult"
    fr: str
    en: str
    low: float  # inclusive lower bound (``-inf`` for the last band)
    #: What kind of text usually falls in the band (French, for messages).
    example_fr: str = ""
    example_en: str = ""


# --- Flesch, Kandel & Moles ------------------------------------------------------------------

#: Kandel, L. & Moles, A. (1958), « Application de l’indice de Flesch à la langue française »,
#: Cahiers Études de Radio-Télévision 19, p. 253–274: Flesch's formula refitted for French,
#: whose words are longer (more syllables) than English ones at equal difficulty.
#: yoastseo uses the same constants for French (languages/fr/helpers/calculateFleschReadingScore.js).
KM_BASE = 207.0
KM_SENTENCE_WEIGHT = 1.015  # × words per sentence
KM_SYLLABLE_WEIGHT = 73.6  # × syllables per word

#: Flesch's reading-ease scale and his examples of typical texts (Flesch 1948, "A new readability
#: yardstick", J. Applied Psychology 32(3)). Kandel & Moles kept the scale for French, and yoastseo
#: applies it to French too (fleschReadingEaseAssessment: default ``borders``, no French
#: override). Lower bounds are inclusive, as in yoastseo (lodash ``inRange(score, low, high)`` is
#: ``low <= score < high``).
FLESCH_BANDS: tuple[Band, ...] = (
    Band("very_easy", "très facile", "very easy", 90, "bandes dessinées", "comics"),
    Band("easy", "facile", "easy", 80, "romans populaires", "pulp fiction"),
    Band(
        "fairly_easy", "assez facile", "fairly easy", 70, "magazines grand public", "slick fiction"
    ),
    Band("standard", "standard", "standard", 60, "magazines de synthèse", "digests"),
    Band(
        "fairly_difficult",
        "assez difficile",
        "fairly difficult",
        50,
        "magazines exigeants",
        "quality magazines",
    ),
    Band("difficult", "difficile", "difficult", 30, "revues universitaires", "academic journals"),
    Band(
        "very_difficult",
        "très difficile",
        "very difficult",
        -math.inf,
        "publications scientifiques",
        "scientific papers",
    ),
)


def flesch_kandel_moles(words: int, sentences: int, syllables: int) -> float:
    """Flesch reading ease for French: 207 − 1.015 × words/sentences − 73.6 × syllables/words.

    Higher is easier; the result is not clamped (very short words in short sentences exceed 100).
    Raises ``ValueError`` when ``words`` or ``sentences`` is not positive.
    """
    if words <= 0 or sentences <= 0:
        raise ValueError("the Flesch score needs at least one word and one sentence")
    return (
        KM_BASE
        - KM_SENTENCE_WEIGHT * (words / sentences)
        - KM_SYLLABLE_WEIGHT * (syllables / words)
    )


def clamp_flesch(score: float) -> float:
    """Clamp to 0–100 for display, as yoastseo does before choosing the band."""
    return min(100.0, max(0.0, score))


def flesch_band(score: float) -> Band:
    """The Flesch band of ``score`` (clamped first)."""
    return _band(clamp_flesch(score), FLESCH_BANDS)


# --- LIX -------------------------------------------------------------------------------------

#: Björnsson, C.-H. (1968), *Läsbarhet*, Stockholm: Liber. A "long word" has more than six letters.
LIX_LONG_WORD_LETTERS = 6

#: Björnsson's LIX scale as published with the index (lix.se; reproduced by Swedish publishers):
#: < 30 very easy (children's books), 30–40 easy (fiction, popular magazines), 40–50 medium
#: (ordinary newspaper text), 50–60 difficult (official texts), > 60 very difficult.
LIX_BANDS: tuple[Band, ...] = (
    Band(
        "very_difficult",
        "très difficile",
        "very difficult",
        60,
        "jargon administratif ou juridique",
        "bureaucratic or legal prose",
    ),
    Band("difficult", "difficile", "difficult", 50, "textes officiels", "official documents"),
    Band("medium", "moyen", "medium", 40, "presse courante", "ordinary newspaper text"),
    Band("easy", "facile", "easy", 30, "fiction, magazines", "fiction, magazines"),
    Band(
        "very_easy",
        "très facile",
        "very easy",
        -math.inf,
        "livres pour enfants",
        "children's books",
    ),
)


def lix(words: int, sentences: int, long_words: int) -> float:
    """LIX = words/sentences + 100 × long words/words. Higher is harder.

    Raises ``ValueError`` when ``words`` or ``sentences`` is not positive.
    """
    if words <= 0 or sentences <= 0:
        raise ValueError("LIX needs at least one word and one sentence")
    return words / sentences + 100.0 * long_words / words


def lix_band(score: float) -> Band:
    return _band(score, LIX_BANDS)


def letter_count(token: str) -> int:
    """Letters in ``token`` (apostrophes, hyphens, digits and punctuation are not letters)."""
    return sum(map(str.isalpha, token))


def is_long_word(token: str) -> bool:
    """More than six letters (Björnsson 1968)."""
    return letter_count(token) > LIX_LONG_WORD_LETTERS


def count_long_words(text: str) -> int:
    """Long words among the whitespace-delimited words of ``text``.

    Words are delimited as editors (and ``text.count_words``) count them, so "l’entreprise" is one
    word of 11 letters: the elided article does not turn into a short word that would dilute LIX.
    """
    # Fast paths (this runs on every word): a token of six characters or fewer cannot hold seven
    # letters, and an all-letter token longer than six is long without counting.
    n = 0
    for t in text.split():
        if len(t) > LIX_LONG_WORD_LETTERS and (t.isalpha() or is_long_word(t)):
            n += 1
    return n


# --- Yoast's number handling -----------------------------------------------------------------


def yoast_round(value: float) -> float:
    """yoastseo ``helpers/formatNumber``: integers unchanged, otherwise one decimal.

    yoastseo rounds percentages with it *before* comparing them with its bands, so 25.04 % of long
    sentences is "25 %", still green. JavaScript's ``Math.round`` rounds halves up, unlike
    Python's ``round``: we reproduce the JavaScript behaviour.
    """
    if value == math.floor(value):
        return float(value)
    return math.floor(value * 10 + 0.5) / 10


def percentage(part: int, total: int) -> float:
    """``part / total`` in percent, rounded like yoastseo; 0 when ``total`` is 0."""
    if total <= 0:
        return 0.0
    return yoast_round(100.0 * part / total)


def _band(score: float, bands: tuple[Band, ...]) -> Band:
    for band in bands:
        if score >= band.low:
            return band
    return bands[-1]
