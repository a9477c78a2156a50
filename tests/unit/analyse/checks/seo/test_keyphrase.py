"""SEO checks on the keyphrase itself: SEO-KP-GIVEN, -LENGTH, -DENSITY, -INTRO, -SPECIFIC
(plume.analyse.checks.seo.keyphrase)."""

from __future__ import annotations

import pytest

from plume.document import Brief
from plume.report import Rating
from tests.unit.analyse.checks.seo.builders import (
    FILLER,
    KP,
    KP_SENTENCE,
    TROTT_SENTENCE,
    assert_light,
    doc,
    h,
    judge,
    p,
    sentences,
)


# --------------------------------------------------------------------------------- SEO-KP-GIVEN
def test_kp_given_by_editor_is_green() -> None:
    r = judge("SEO-KP-GIVEN", doc(p(KP_SENTENCE)))
    assert_light(r, Rating.GOOD, 9)
    assert r.value["source"] == "given"


def test_kp_only_suggested_is_orange() -> None:
    r = judge("SEO-KP-GIVEN", doc(p(KP_SENTENCE)), brief=Brief(), source="suggested")
    assert_light(r, Rating.OK, 6)
    assert "--keyphrase" in r.hint and KP in r.hint


def test_no_kp_is_red_zero() -> None:
    r = judge("SEO-KP-GIVEN", doc(p(KP_SENTENCE)), keyphrase=None)
    assert_light(r, Rating.BAD, 0)  # Yoast: −999
    assert r.value["yoast_score"] == -999


def test_keyphrase_checks_are_na_without_keyphrase_or_french() -> None:
    d = doc(p(KP_SENTENCE))
    assert judge("SEO-KP-DENSITY", d, keyphrase=None).rating is Rating.NA
    assert judge("SEO-KP-DENSITY", d, french=False).rating is Rating.NA
    assert judge("SEO-TEXT-LENGTH", d, french=False).rating is not Rating.NA


# -------------------------------------------------------------------------------- SEO-KP-LENGTH
@pytest.mark.parametrize(
    ("keyphrase", "rating", "score"),
    [
        (KP, Rating.GOOD, 9),
        ("réforme retraites complémentaires agricoles votée Sénat", Rating.OK, 6),
        (
            "réforme nationale retraites complémentaires agricoles régionales votée Assemblée "
            "Sénat printemps",
            Rating.BAD,
            3,
        ),
    ],
)
def test_kp_length_bands(keyphrase: str, rating: Rating, score: int) -> None:
    assert_light(judge("SEO-KP-LENGTH", doc(p(FILLER)), keyphrase), rating, score)


def test_kp_of_function_words_only() -> None:
    r = judge("SEO-KP-LENGTH", doc(p(FILLER)), "de la")
    assert_light(r, Rating.BAD, 0)
    assert r.value["content_words"] == 0


# ------------------------------------------------------------------------------- SEO-KP-DENSITY
def test_density_good_has_spans_on_occurrences() -> None:
    d = doc(h("Titre", 1), *sentences(KP_SENTENCE, 4, 40))  # 4 in 400 words, 2-word phrase
    r = judge("SEO-KP-DENSITY", d)
    assert_light(r, Rating.GOOD, 9)
    assert (r.value["count"], r.value["words"]) == (4, 400)
    assert len(r.spans) == 4
    for s in r.spans:
        assert "trottinettes" in d.text[s.start : s.end].lower()


def test_density_zero_and_one_occurrence_are_red() -> None:
    for hits in (0, 1):
        r = judge("SEO-KP-DENSITY", doc(*sentences(KP_SENTENCE, hits, 40)))
        assert_light(r, Rating.BAD, 4)
        assert "encore" in r.hint


def test_density_lower_boundary_half_percent() -> None:
    # 1-word keyphrase in 1,000 words: weighted density = count / 10 × 1.033. Yoast's minimum
    # 0.5 % is reached at 5 occurrences (0.52 %), not at 4 (0.41 %).
    ok = judge("SEO-KP-DENSITY", doc(*sentences(TROTT_SENTENCE, 5, 100)), "trottinettes")
    low = judge("SEO-KP-DENSITY", doc(*sentences(TROTT_SENTENCE, 4, 100)), "trottinettes")
    assert_light(ok, Rating.GOOD, 9)
    assert ok.value["min_count"] == 5
    assert_light(low, Rating.BAD, 4)
    assert "1 fois" in low.hint


def test_density_upper_boundaries_three_and_a_half_and_four_percent() -> None:
    # 1-word keyphrase in 400 words: max = floor(3.5 × 400 / 103.3) = 13 occurrences.
    top = judge("SEO-KP-DENSITY", doc(*sentences(TROTT_SENTENCE, 13, 40)), "trottinettes")
    over = judge("SEO-KP-DENSITY", doc(*sentences(TROTT_SENTENCE, 14, 40)), "trottinettes")
    way = judge("SEO-KP-DENSITY", doc(*sentences(TROTT_SENTENCE, 16, 40)), "trottinettes")
    assert_light(top, Rating.GOOD, 9)
    assert top.value["max_count"] == 13
    assert_light(over, Rating.BAD, 1)  # Yoast −10
    assert over.value["yoast_score"] == -10
    assert "Retirez 1 occurrence" in over.hint
    assert_light(way, Rating.BAD, 0)  # Yoast −50, weighted density 4.13 %
    assert way.value["weighted_density"] > 4


def test_density_short_texts() -> None:
    # Under 100 words Yoast wants 1 occurrence (1–2 above 50 words).
    one = judge("SEO-KP-DENSITY", doc(*sentences(KP_SENTENCE, 1, 6)))
    three = judge("SEO-KP-DENSITY", doc(*sentences(KP_SENTENCE, 3, 6)))
    four = judge("SEO-KP-DENSITY", doc(*sentences(KP_SENTENCE, 4, 6)))
    two_in_40 = judge("SEO-KP-DENSITY", doc(*sentences(KP_SENTENCE, 2, 4)))
    assert_light(one, Rating.GOOD, 9)
    assert_light(three, Rating.BAD, 1)
    assert_light(four, Rating.BAD, 0)
    assert_light(two_in_40, Rating.BAD, 1)


# --------------------------------------------------------------------------------- SEO-KP-INTRO
def test_intro_good_in_first_sentence() -> None:
    d = doc(h("Titre", 1), p("À Paris, les trottinettes électriques disparaissent."), p(FILLER))
    r = judge("SEO-KP-INTRO", d)
    assert_light(r, Rating.GOOD, 9)
    assert r.spans and r.spans[0].start >= d.block_offsets[1][0]


def test_intro_words_split_across_sentences_is_orange() -> None:
    d = doc(p("Les trottinettes disparaissent de Paris. Elles étaient électriques."), p(FILLER))
    r = judge("SEO-KP-INTRO", d)
    assert_light(r, Rating.OK, 6)
    assert "même phrase" in r.hint


def test_intro_missing_is_red_and_points_at_first_paragraph() -> None:
    d = doc(p(FILLER), p(KP_SENTENCE))
    r = judge("SEO-KP-INTRO", d)
    assert_light(r, Rating.BAD, 3)
    assert (r.spans[0].start, r.spans[0].end) == d.block_offsets[0]


def test_intro_synonym_counts() -> None:
    d = doc(p("Les engins de déplacement disparaissent de Paris cet été."), p(FILLER))
    assert judge("SEO-KP-INTRO", d).rating is Rating.BAD
    r = judge("SEO-KP-INTRO", d, synonyms=("engins de déplacement",))
    assert_light(r, Rating.GOOD, 9)


def test_morphology_density_counts_singular_and_plural() -> None:
    # Needs the real matcher: "trottinette électrique" must match "trottinettes électriques".
    r = judge("SEO-KP-DENSITY", doc(*sentences(KP_SENTENCE, 4, 40)), "trottinette électrique")
    assert r.value["count"] == 4


# ------------------------------------------------------------------------------ SEO-KP-SPECIFIC
def test_a_single_common_word_is_orange_with_an_example() -> None:
    from tests.unit.analyse.test_suggest import RESIGNATION

    d = doc(h(RESIGNATION[0], 1), *(p(line) for line in RESIGNATION[1:]))
    r = judge("SEO-KP-SPECIFIC", d, keyphrase="ministre")
    assert_light(r, Rating.OK, 6)
    hint = r.hint.replace("\u202f", " ").replace("\xa0", " ")
    assert hint == "Précisez : ajoutez le sujet de l’article, p. ex. « démission de Jean Valmont »."
    assert r.value["example"] == "démission de Jean Valmont"
    good = judge("SEO-KP-SPECIFIC", d, keyphrase="Jean Valmont démission")
    assert_light(good, Rating.GOOD, 9)
    assert judge("SEO-KP-SPECIFIC", d, keyphrase="France").rating is Rating.OK
    assert judge("SEO-KP-SPECIFIC", d, keyphrase="IA").rating is Rating.OK
    assert judge("SEO-KP-SPECIFIC", d, keyphrase=KP).rating is Rating.GOOD
