"""SEO-TITLE-WIDTH and SEO-META-LENGTH (plume.analyse.checks.seo.title_meta)."""

from __future__ import annotations

import pytest

from plume.document import Document, Meta
from plume.report import Rating
from tests.unit.analyse.checks.seo.builders import (
    FILLER,
    GOOD_META,
    assert_light,
    doc,
    h,
    judge,
    p,
    titled,
)


# ------------------------------------------------------------------------------ SEO-TITLE-WIDTH
def test_title_width_good_and_boundaries() -> None:
    short = judge("SEO-TITLE-WIDTH", titled("Trottinettes électriques : Paris dit stop"))
    assert_light(short, Rating.GOOD, 9)
    assert short.value["width_px"] == 334  # Chromium: 333.86 px
    exact = judge("SEO-TITLE-WIDTH", titled("a" * 10 + "i" * 110))  # exactly 600 px
    assert_light(exact, Rating.GOOD, 9)
    assert exact.value["width_px"] == 600
    under = "Logement étudiant : les loyers flambent à la rentrée à Paris et Lyon"  # 594 px
    assert_light(judge("SEO-TITLE-WIDTH", titled(under)), Rating.GOOD, 9)


def test_title_width_too_wide_shows_the_cut() -> None:
    title = "Trottinettes électriques : pourquoi Paris tourne la page de la location"  # 604 px
    r = judge("SEO-TITLE-WIDTH", titled(title), keyphrase=None)
    assert_light(r, Rating.BAD, 3)
    assert r.value["width_px"] == 604
    assert r.value["visible"] == "Trottinettes électriques : pourquoi Paris tourne la page de la"
    assert "4 px" in r.hint


def test_title_width_from_h1_and_missing() -> None:
    d = titled(None, h("Trottinettes électriques : Paris dit stop", 1), p(FILLER))
    r = judge("SEO-TITLE-WIDTH", d)
    assert r.value["source"] == "h1" and r.spans
    assert_light(judge("SEO-TITLE-WIDTH", titled(None)), Rating.BAD, 1)


# ------------------------------------------------------------------------------ SEO-META-LENGTH
def _meta(n: int) -> Document:
    """A description of exactly ``n`` characters (cut from GOOD_META repeated)."""
    text = (GOOD_META * 2)[:n]
    if text.endswith(" "):
        text = text[:-1] + "x"
    return doc(p(FILLER), meta=Meta(description=text))


@pytest.mark.parametrize(
    ("n", "rating", "score"),
    [
        (60, Rating.OK, 6),
        (120, Rating.OK, 6),
        (121, Rating.GOOD, 9),
        (156, Rating.GOOD, 9),
        (157, Rating.OK, 6),
        (200, Rating.OK, 6),
    ],
)
def test_meta_length_boundaries(n: int, rating: Rating, score: int) -> None:
    r = judge("SEO-META-LENGTH", _meta(n), keyphrase=None)
    assert r.value["characters"] == n
    assert_light(r, rating, score)


def test_meta_length_missing_is_red_and_spaces_collapse() -> None:
    assert_light(judge("SEO-META-LENGTH", doc(p(FILLER)), keyphrase=None), Rating.BAD, 1)
    spaced = doc(p(FILLER), meta=Meta(description="  Paris   dit\n stop  "))
    assert judge("SEO-META-LENGTH", spaced).value["characters"] == len("Paris dit stop")
