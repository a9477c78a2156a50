"""SEO-TEXT-LENGTH, SEO-TARGET-LENGTH and SEO-H1-SINGLE (plume.analyse.checks.seo.structure)."""

from __future__ import annotations

import pytest

from plume.document import Brief
from plume.report import Rating
from tests.unit.analyse.checks.seo.builders import (
    FILLER,
    assert_light,
    doc,
    h,
    judge,
    p,
    sentences,
)


# ------------------------------------------------------------------------------ SEO-TEXT-LENGTH
@pytest.mark.parametrize(
    ("sentences_n", "rating", "score", "yoast"),
    [
        (30, Rating.GOOD, 9, 9),
        (25, Rating.OK, 6, 6),
        (24, Rating.BAD, 3, 3),
        (20, Rating.BAD, 3, 3),
        (19, Rating.BAD, 1, -10),
        (10, Rating.BAD, 1, -10),
        (9, Rating.BAD, 0, -20),
    ],
)
def test_text_length_bands(sentences_n: int, rating: Rating, score: int, yoast: int) -> None:
    r = judge("SEO-TEXT-LENGTH", doc(*sentences(FILLER, 0, sentences_n)), keyphrase=None)
    assert r.value["words"] == sentences_n * 10
    assert_light(r, rating, score)
    assert r.value["yoast_score"] == yoast


# ---------------------------------------------------------------------------- SEO-TARGET-LENGTH
def test_target_length() -> None:
    d = doc(*sentences(FILLER, 0, 26))  # 260 words
    assert judge("SEO-TARGET-LENGTH", d).rating is Rating.NA
    assert_light(judge("SEO-TARGET-LENGTH", d, brief=Brief(min_words=250)), Rating.GOOD, 9)
    near = judge("SEO-TARGET-LENGTH", d, brief=Brief(min_words=300))  # 260 ≥ 5/6 × 300
    assert_light(near, Rating.OK, 6)
    assert "40 mots" in near.hint
    assert_light(judge("SEO-TARGET-LENGTH", d, brief=Brief(min_words=800)), Rating.BAD, 3)


# -------------------------------------------------------------------------------- SEO-H1-SINGLE
def test_single_h1() -> None:
    one = doc(h("Titre", 1), p(FILLER), h("Intertitre"), p(FILLER))
    assert_light(judge("SEO-H1-SINGLE", one), Rating.GOOD, 8)
    two = doc(h("Titre", 1), p(FILLER), h("Autre titre", 1), p(FILLER))
    r = judge("SEO-H1-SINGLE", two)
    assert_light(r, Rating.BAD, 1)
    assert [two.text[s.start : s.end] for s in r.spans] == ["Autre titre"]
