"""Aggregate check scores into scores out of 100 with a light (red / orange / green).

Both formulas are yoastseo 3.6.0's (SEO and readability aggregators), so plume's lights compare
with Yoast's. Typography is ours (Yoast has none): averaged like the SEO score and reported on its
own. Checks that could not run (``NA``) and informational ones (Flesch, LIX) are left out.
"""

from __future__ import annotations

from collections.abc import Iterable

from plume.report import CheckResult, Rating, Score

#: Plugin light for a 0–100 SEO score (wordpress-seo ``scoreToRating(score / 10)``).
GREEN_ABOVE = 70
ORANGE_ABOVE = 40

#: ReadabilityScoreAggregator.js, PENALTY_MAPPING_FULL_SUPPORT.
READABILITY_PENALTY = {Rating.BAD: 3, Rating.OK: 2, Rating.GOOD: 0}
#: ReadabilityScoreAggregator.js, calculateScore for fully supported languages.
READABILITY_RED_ABOVE = 6
READABILITY_ORANGE_ABOVE = 4
#: READABILITY_SCORES.
READABILITY_VALUES = {Rating.BAD: 30, Rating.OK: 60, Rating.GOOD: 90}


def rating_for(value: int) -> Rating:
    if value > GREEN_ABOVE:
        return Rating.GOOD
    if value > ORANGE_ABOVE:
        return Rating.OK
    return Rating.BAD


def _valid(results: Iterable[CheckResult]) -> list[CheckResult]:
    return [r for r in results if r.rating is not Rating.NA]


def average_score(results: Iterable[CheckResult]) -> Score:
    """``scoring/scoreAggregators/SEOScoreAggregator.js``: Σ score / (9 × n) × 100; the light
    follows the plugin's ``scoreToRating(score / 10)`` (above 70 green, above 40 orange)."""
    scored = _valid(results)
    if not scored:
        return Score(value=0, rating=Rating.NA)
    value = round(100 * sum(r.score for r in scored) / (9 * len(scored)))
    return Score(value=value, rating=rating_for(value))


def readability_score(results: Iterable[CheckResult]) -> Score:
    """``ReadabilityScoreAggregator.js`` (fully supported language, French among them): a penalty
    per check (red 3, orange 2, green 0), then > 6 → 30 (red), > 4 → 60 (orange), otherwise 90
    (green); no score with one valid check or fewer."""
    scored = _valid(results)
    if len(scored) <= 1:
        return Score(value=0, rating=Rating.NA)
    penalty = sum(READABILITY_PENALTY[r.rating] for r in scored)
    if penalty > READABILITY_RED_ABOVE:
        rating = Rating.BAD
    elif penalty > READABILITY_ORANGE_ABOVE:
        rating = Rating.OK
    else:
        rating = Rating.GOOD
    return Score(value=READABILITY_VALUES[rating], rating=rating)
