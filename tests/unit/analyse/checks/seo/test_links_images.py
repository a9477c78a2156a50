"""SEO-IMAGES-ALT, SEO-LINKS-INTERNAL and SEO-LINKS-OUTBOUND
(plume.analyse.checks.seo.links_images)."""

from __future__ import annotations

from plume.document import Image, Link, Meta
from plume.report import Rating
from tests.unit.analyse.checks.seo.builders import (
    FILLER,
    assert_light,
    doc,
    judge,
    p,
)


# ------------------------------------------------------------------------------- SEO-IMAGES-ALT
def test_images_na_on_plain_text_and_red_without_images() -> None:
    assert judge("SEO-IMAGES-ALT", doc(p(FILLER), fmt="txt")).rating is Rating.NA
    assert_light(judge("SEO-IMAGES-ALT", doc(p(FILLER))), Rating.BAD, 3)


def test_images_without_alt_are_red() -> None:
    imgs = [Image("a.jpg", "Des trottinettes électriques rangées"), Image("b.jpg", "")]
    r = judge("SEO-IMAGES-ALT", doc(p(FILLER), images=imgs))
    assert_light(r, Rating.BAD, 3)
    assert "b.jpg" in r.hint


def test_images_alt_with_and_without_keyphrase() -> None:
    with_kp = [Image("a.jpg", "Des trottinettes électriques rangées"), Image("b.jpg", "Le maire")]
    assert_light(judge("SEO-IMAGES-ALT", doc(p(FILLER), images=with_kp)), Rating.GOOD, 9)
    without = [Image("a.jpg", "Le maire de Paris"), Image("b.jpg", "Une rue")]
    assert_light(judge("SEO-IMAGES-ALT", doc(p(FILLER), images=without)), Rating.OK, 6)
    assert_light(
        judge("SEO-IMAGES-ALT", doc(p(FILLER), images=without), keyphrase=None), Rating.GOOD, 9
    )


def test_images_five_or_more_need_thirty_to_seventy_five_percent() -> None:
    kp_alt, other = "Des trottinettes électriques", "Une rue de Paris"
    one = [Image(f"{i}.jpg", kp_alt if i == 0 else other) for i in range(5)]
    three = [Image(f"{i}.jpg", kp_alt if i < 3 else other) for i in range(5)]
    five = [Image(f"{i}.jpg", kp_alt) for i in range(5)]
    assert_light(judge("SEO-IMAGES-ALT", doc(p(FILLER), images=one)), Rating.OK, 6)
    assert_light(judge("SEO-IMAGES-ALT", doc(p(FILLER), images=three)), Rating.GOOD, 9)
    assert_light(judge("SEO-IMAGES-ALT", doc(p(FILLER), images=five)), Rating.OK, 6)


# ---------------------------------------------------------------------------------------- links
SITE = Meta(url="https://www.exemple.fr/actu/trottinettes")


def test_links_na_on_plain_text() -> None:
    for code in ("SEO-LINKS-INTERNAL", "SEO-LINKS-OUTBOUND"):
        assert judge(code, doc(p(FILLER), fmt="txt")).rating is Rating.NA


def test_links_absent_are_red() -> None:
    for code in ("SEO-LINKS-INTERNAL", "SEO-LINKS-OUTBOUND"):
        assert_light(judge(code, doc(p(FILLER), meta=SITE)), Rating.BAD, 3)


def test_links_are_classified_by_host() -> None:
    links = [
        Link("/transport/velos", "les vélos"),
        Link("https://exemple.fr/ville/budget", "le budget"),
        Link("https://www.paris.fr/deliberation", "la délibération"),
        Link("mailto:redaction@exemple.fr", "écrire"),
        Link("#haut", "haut"),
    ]
    text = "Voir les vélos, le budget et la délibération."
    d = doc(p(text), meta=SITE, links=links)
    internal = judge("SEO-LINKS-INTERNAL", d)
    outbound = judge("SEO-LINKS-OUTBOUND", d)
    assert_light(internal, Rating.GOOD, 9)
    assert_light(outbound, Rating.GOOD, 9)
    assert (internal.value["internal"], internal.value["outbound"], internal.value["other"]) == (
        2,
        1,
        2,
    )
    assert [d.text[s.start : s.end] for s in internal.spans] == ["les vélos", "le budget"]
    assert [d.text[s.start : s.end] for s in outbound.spans] == ["la délibération"]


def test_links_without_page_url_count_absolute_links_as_outbound() -> None:
    d = doc(p(FILLER), links=[Link("https://exemple.fr/ville/budget", "budget")])
    internal = judge("SEO-LINKS-INTERNAL", d)
    assert_light(internal, Rating.BAD, 3)
    assert "URL de la page inconnue" in internal.message
    assert_light(judge("SEO-LINKS-OUTBOUND", d), Rating.GOOD, 9)
