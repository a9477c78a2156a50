"""Score aggregation follows yoastseo 3.6.0's aggregators."""

from __future__ import annotations

from plume.analyse.scoring import average_score, readability_score
from plume.report import Category, CheckResult, Rating

SCORE = {Rating.GOOD: 9, Rating.OK: 6, Rating.BAD: 3, Rating.NA: 0}


def res(rating: Rating, category: Category = Category.READABILITY) -> CheckResult:
    return CheckResult(
        code="X", name="x", category=category, rating=rating, score=SCORE[rating], message=""
    )


def test_seo_average_and_lights() -> None:
    s = average_score([res(Rating.GOOD), res(Rating.GOOD), res(Rating.BAD), res(Rating.NA)])
    assert s.value == round(100 * 21 / 27) == 78 and s.rating is Rating.GOOD
    s = average_score([res(Rating.OK), res(Rating.BAD)])
    assert s.value == 50 and s.rating is Rating.OK  # 41–70 orange
    s = average_score([res(Rating.BAD)])
    assert s.value == 33 and s.rating is Rating.BAD
    assert average_score([res(Rating.NA)]).rating is Rating.NA


def test_readability_penalties() -> None:
    g, o, b = Rating.GOOD, Rating.OK, Rating.BAD
    assert readability_score([res(g), res(g), res(b)]).value == 90  # penalty 3
    assert readability_score([res(o), res(o), res(g)]).value == 90  # penalty 4: not above 4
    assert readability_score([res(b), res(o), res(g)]).value == 60  # penalty 5
    assert readability_score([res(b), res(b), res(g)]).value == 60  # penalty 6: not above 6
    s = readability_score([res(b), res(b), res(o)])  # penalty 8
    assert (s.value, s.rating) == (30, Rating.BAD)
    assert readability_score([res(b)]).rating is Rating.NA  # one valid result: no score
