"""Helpers shared by the readability checks: Yoast's minimum text, the source prefix, hints.

Counting conventions, for every readability check: words are counted as editors and yoastseo
count them (:func:`plume.text.count_words`: "l’entreprise" is one word); sentences are
``Research.sentences`` (body text only); percentages are rounded like yoastseo's ``formatNumber``
before they are compared with a band.
"""

from __future__ import annotations

from plume.analyse import formulas as F
from plume.analyse.checks.base import Verdict, na
from plume.analyse.researches import Research
from plume.report import Msg

__all__ = ["MIN_CHARS", "TOO_SHORT", "YOAST", "fewest_to_fix", "incipit", "too_little_text"]

#: The source of every readability threshold (yoastseo's French researcher overrides none of them).
YOAST = "Yoast SEO (yoastseo 3.6), "

#: yoastseo ``Assessment.hasEnoughContentForAssessment``: below 50 characters of text the
#: readability assessments are not shown.
MIN_CHARS = 50

TOO_SHORT = Msg(
    "Non évalué : moins de 50 caractères de texte.",
    "Not assessed: less than 50 characters of text.",
)


def incipit(text: str, n: int = 6) -> str:
    """The first ``n`` words of ``text``, to name a paragraph in a hint."""
    words = text.split()
    head = " ".join(words[:n])
    return head + ("…" if len(words) > n else "")


def too_little_text(r: Research) -> Verdict | None:
    if sum(len(p.text.strip()) for p in r.paragraphs) < MIN_CHARS:
        return na(TOO_SHORT)
    return None


def fewest_to_fix(bad_count: int, total: int, max_pct: float) -> int:
    """How many offending sentences must go so the share drops to ``max_pct``."""
    k = 0
    while k < bad_count and F.percentage(bad_count - k, total) > max_pct:
        k += 1
    return k
