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


# ------------------------------------------------------------------- SEO-TITLE-SHORT (plume's own)
def test_title_short_says_use_the_room() -> None:
    # Issue 16: "Microsoft et l’IA" was green for Yoast; it uses a quarter of the line.
    r = judge("SEO-TITLE-SHORT", titled("Microsoft et l’IA"))
    assert_light(r, Rating.OK, 6)
    assert r.value["width_px"] < 400
    assert r.hint is not None and r.hint.startswith("Utilisez la place")
    full = "Logement étudiant : les loyers flambent à la rentrée à Paris et Lyon"  # 594 px
    assert_light(judge("SEO-TITLE-SHORT", titled(full)), Rating.GOOD, 9)


def test_title_short_from_h1_and_no_double_penalty_without_title() -> None:
    d = titled(None, h("Microsoft et l’IA", 1), p(FILLER))
    r = judge("SEO-TITLE-SHORT", d)
    assert r.value["source"] == "h1" and r.spans and r.rating is Rating.OK
    # A missing title is SEO-TITLE-WIDTH's red, not counted again here.
    assert_light(judge("SEO-TITLE-SHORT", titled(None)), Rating.GOOD, 9)


# ---------------------------------------------------------------------- SEO-META-CUT (plume's own)
@pytest.mark.parametrize(
    ("description", "cut"),
    [
        ("Même si OpenAI est sous les projecteurs, Microsoft est intervenu pour récupérer…", True),
        ("Microsoft est intervenu pour récupérer les dirigeants...", True),
        ("Microsoft est intervenu pour récupérer les dirigeants évincés", True),
        ("Microsoft est intervenu pour récupérer les dirigeants évincés.", False),
        ("Le ministre a-t-il démissionné ?", False),
        ("Il a parlé d’un « village de la lune ».", False),
        ("Il a parlé d’un « village de la lune »", False),
    ],
)
def test_meta_cut(description: str, cut: bool) -> None:
    r = judge("SEO-META-CUT", doc(p(FILLER), meta=Meta(description=description)))
    assert r.value["cut"] is cut
    assert r.rating is (Rating.OK if cut else Rating.GOOD)
    if cut:
        assert r.message.startswith("Méta-description coupée")


def test_meta_cut_without_description_is_left_to_the_length_check() -> None:
    assert_light(judge("SEO-META-CUT", doc(p(FILLER))), Rating.GOOD, 9)
