"""Aggregate check scores into the SEO and readability scores (0–100, red / orange / green).

Yoast computes an overall score as the sum of its assessments' scores over 9 × their number
(yoastseo ``AssessorPresenter``/``assessor.calculateOverallScore``), and maps it to a light with
``interpreters/scoreToRating``: above 70 green, above 40 orange, otherwise red. We do the same,
leaving out checks that could not run (``NA``) and informational ones.
"""

from __future__ import annotations

from collections.abc import Iterable

from plume.report import Category, CheckResult, Rating, Score

#: yoastseo interpreters/scoreToRating on the 0–100 scale.
GREEN_ABOVE = 70
ORANGE_ABOVE = 40


def rating_for(value: int) -> Rating:
    if value > GREEN_ABOVE:
        return Rating.GOOD
    if value > ORANGE_ABOVE:
        return Rating.OK
    return Rating.BAD


def aggregate(results: Iterable[CheckResult], categories: set[Category]) -> Score:
    scored = [r for r in results if r.category in categories and r.rating is not Rating.NA]
    if not scored:
        return Score(value=0, rating=Rating.NA)
    value = round(100 * sum(r.score for r in scored) / (9 * len(scored)))
    return Score(value=value, rating=rating_for(value))
