"""SEO checks on where the keyphrase appears: SEO-KP-TITLE, -META, -SLUG, -SUBHEADINGS
(plume.analyse.checks.seo.keyphrase_fields)."""

from __future__ import annotations

from plume.document import Block, Document, Meta
from plume.report import Rating
from tests.unit.analyse.checks.seo.builders import (
    FILLER,
    GOOD_META,
    KP,
    KP_SENTENCE,
    assert_light,
    doc,
    h,
    judge,
    p,
    sentences,
    titled,
)


# --------------------------------------------------------------------------------- SEO-KP-TITLE
def test_title_starts_with_keyphrase() -> None:
    r = judge("SEO-KP-TITLE", titled("Trottinettes électriques : Paris dit stop"))
    assert_light(r, Rating.GOOD, 9)


def test_title_keyphrase_not_at_start_is_orange() -> None:
    r = judge("SEO-KP-TITLE", titled("Paris dit stop aux trottinettes électriques"))
    assert_light(r, Rating.OK, 6)
    assert "en tête" in r.hint


def test_title_words_present_but_not_exact_is_orange() -> None:
    r = judge("SEO-KP-TITLE", titled("Électriques ou non, les trottinettes quittent Paris"))
    assert_light(r, Rating.OK, 6)
    assert r.value["exact"] is False


def test_title_without_keyphrase_is_red() -> None:
    r = judge("SEO-KP-TITLE", titled("Paris interdit les engins en libre-service"))
    assert_light(r, Rating.BAD, 2)
    assert r.value["missing_words"]


def test_title_defaults_to_h1_with_span() -> None:
    d = titled(None, h("Trottinettes électriques : Paris dit stop", 1), p(FILLER))
    r = judge("SEO-KP-TITLE", d)
    assert_light(r, Rating.GOOD, 9)
    assert r.value["source"] == "h1"
    (span,) = r.spans
    assert d.text[span.start : span.end].lower() == KP


def test_title_missing_entirely_is_red() -> None:
    r = judge("SEO-KP-TITLE", titled(None))
    assert_light(r, Rating.BAD, 2)
    assert "--title" in r.hint


# ---------------------------------------------------------------------------------- SEO-KP-META
def test_meta_with_keyphrase_once() -> None:
    r = judge("SEO-KP-META", doc(p(FILLER), meta=Meta(description=GOOD_META)))
    assert_light(r, Rating.GOOD, 9)
    assert r.value["count"] == 1


def test_meta_without_keyphrase_or_too_often() -> None:
    none = judge("SEO-KP-META", doc(p(FILLER), meta=Meta(description="Paris tourne la page.")))
    assert_light(none, Rating.BAD, 3)
    thrice = " ".join(["Les trottinettes électriques partent."] * 3)
    many = judge("SEO-KP-META", doc(p(FILLER), meta=Meta(description=thrice)))
    assert_light(many, Rating.BAD, 3)
    assert many.value["count"] == 3


def test_meta_missing_asks_for_it() -> None:
    r = judge("SEO-KP-META", doc(p(FILLER)))
    assert_light(r, Rating.BAD, 3)
    assert "--meta" in r.hint


# ---------------------------------------------------------------------------------- SEO-KP-SLUG
LOC = "location trottinettes"


def test_slug_with_all_words() -> None:
    d = doc(p(FILLER), meta=Meta(slug="location-trottinettes-paris"))
    assert_light(judge("SEO-KP-SLUG", d, LOC), Rating.GOOD, 9)


def test_slug_missing_words_is_orange_with_suggestion() -> None:
    d = doc(p(FILLER), meta=Meta(slug="paris-interdit-les-engins"))
    r = judge("SEO-KP-SLUG", d, LOC)
    assert_light(r, Rating.OK, 6)
    assert "location-trottinettes" in r.hint


def test_slug_absent_is_orange_and_asks_for_it() -> None:
    r = judge("SEO-KP-SLUG", doc(p(FILLER)), LOC)
    assert_light(r, Rating.OK, 6)
    assert "--slug" in r.hint


def test_slug_taken_from_the_url() -> None:
    meta = Meta(url="https://exemple.fr/actu/location-trottinettes-paris.html")
    r = judge("SEO-KP-SLUG", doc(p(FILLER), meta=meta), LOC)
    assert_light(r, Rating.GOOD, 9)
    assert r.value["source"] == "url"


def test_slug_long_keyphrase_needs_more_than_half() -> None:
    kp = "location trottinettes Lyon"
    good = judge("SEO-KP-SLUG", doc(p(FILLER), meta=Meta(slug="location-trottinettes-paris")), kp)
    half = judge("SEO-KP-SLUG", doc(p(FILLER), meta=Meta(slug="velos-partages-lyon")), kp)
    assert_light(good, Rating.GOOD, 9)  # 2 of 3 = 67 %
    assert_light(half, Rating.OK, 6)  # 1 of 3


# --------------------------------------------------------------------------- SEO-KP-SUBHEADINGS
def _subs(*titles: str) -> Document:
    """An H1, then each subheading (H2, or H3 when written "### …") over a paragraph of filler."""
    blocks: list[Block] = [h("Titre", 1)]
    for t in titles:
        level = 3 if t.startswith("### ") else 2
        blocks += [h(t.removeprefix("### "), level), *sentences(FILLER, 0, 5)]
    return doc(*blocks, *sentences(FILLER, 0, 40))


def test_subheadings_half_reflect_topic() -> None:
    d = _subs("Les trottinettes en chiffres", "Le budget", "### Où vont les trottinettes", "Après")
    r = judge("SEO-KP-SUBHEADINGS", d, "trottinettes")
    assert_light(r, Rating.GOOD, 9)
    assert (r.value["matches"], r.value["subheadings"]) == (2, 4)
    assert [d.text[s.start : s.end] for s in r.spans] == [
        "Les trottinettes en chiffres",
        "Où vont les trottinettes",
    ]


def test_subheadings_all_reflect_topic_is_too_many() -> None:
    d = _subs("Trottinettes", "Des trottinettes", "Les trottinettes", "Trottinettes et vélos")
    r = judge("SEO-KP-SUBHEADINGS", d, "trottinettes")
    assert_light(r, Rating.BAD, 3)
    assert "Reformulez 1" in r.hint  # 4 > floor(0.75 × 4) = 3


def test_subheadings_too_few_and_none() -> None:
    few = _subs("Les trottinettes", *[f"Partie {i}" for i in range(9)])  # 1 of 10 < 3
    r = judge("SEO-KP-SUBHEADINGS", few, "trottinettes")
    assert_light(r, Rating.BAD, 3)
    assert r.value["min"] == 3 and len(r.spans) == 9
    none = judge("SEO-KP-SUBHEADINGS", _subs("Le budget", "Après"), "trottinettes")
    assert_light(none, Rating.BAD, 3)


def test_subheadings_need_more_than_half_the_words() -> None:
    # "Des trottinettes partout" has 1 of the 2 content words: 50 %, not more than half.
    r = judge("SEO-KP-SUBHEADINGS", _subs("Des trottinettes partout", "Le budget"))
    assert r.value["matches"] == 0
    r2 = judge("SEO-KP-SUBHEADINGS", _subs("Trottinettes électriques : le bilan", "Le budget"))
    assert_light(r2, Rating.GOOD, 9)


def test_subheadings_absent_long_vs_short_text() -> None:
    long = judge("SEO-KP-SUBHEADINGS", doc(*sentences(KP_SENTENCE, 3, 30)))
    short = judge("SEO-KP-SUBHEADINGS", doc(*sentences(KP_SENTENCE, 3, 29)))
    assert_light(long, Rating.BAD, 2)  # 300 words, no H2/H3
    assert_light(short, Rating.GOOD, 9)  # 290 words


def test_subheadings_ignore_h4() -> None:
    d = doc(h("Titre", 1), h("Les trottinettes", 4), *sentences(FILLER, 0, 10))
    r = judge("SEO-KP-SUBHEADINGS", d, "trottinettes")
    assert r.value["subheadings"] == 0


def test_morphology_intro_and_title_with_elision_and_plural() -> None:
    # Needs the real matcher: elided "l’" and leading function words ("Les") before the keyphrase.
    d = doc(p("Au siège de l’OpenAI, les dirigeants se taisent."), meta=Meta(title="L’OpenAI"))
    assert judge("SEO-KP-INTRO", d, "dirigeant OpenAI").rating is Rating.GOOD
    t = judge("SEO-KP-TITLE", titled("Les trottinettes électriques quittent Paris"))
    assert_light(t, Rating.GOOD, 9)


def test_morphology_slug_transliterates_accents() -> None:
    # Needs the real matcher: "électriques" must match "electriques" in a slug.
    d = doc(p(FILLER), meta=Meta(slug="trottinettes-electriques-paris"))
    assert_light(judge("SEO-KP-SLUG", d), Rating.GOOD, 9)
