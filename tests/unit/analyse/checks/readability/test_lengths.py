"""RD-SENTENCE-LENGTH, RD-PARAGRAPH-LENGTH and RD-SUBHEADINGS: good and bad French examples and
Yoast's boundaries (plume.analyse.checks.readability.lengths)."""

from __future__ import annotations

from plume import text as T
from plume.report import Rating
from tests.unit.analyse.checks.builders import doc
from tests.unit.analyse.checks.readability.texts import (
    NEUTRAL,
    SENTENCE_20,
    SENTENCE_21,
    covered,
    run,
    text_of,
)

# --- RD-SENTENCE-LENGTH ----------------------------------------------------------------------


class TestSentenceLength:
    def test_exactly_20_words_is_not_long(self) -> None:
        assert T.count_words(SENTENCE_20) == 20
        res = run("RD-SENTENCE-LENGTH", f"{SENTENCE_20} {NEUTRAL[0]}")
        assert res.rating is Rating.GOOD
        assert res.value["long"] == 0
        assert res.spans == []

    def test_21_words_is_long(self) -> None:
        assert T.count_words(SENTENCE_21) == 21
        text = f"{SENTENCE_21} {NEUTRAL[0]}"
        res = run("RD-SENTENCE-LENGTH", text)
        assert res.value["long"] == 1
        assert res.value["share"] == 50
        assert res.rating is Rating.BAD
        assert res.score == 3
        assert covered(res, text) == [SENTENCE_21]
        assert "50 %" in res.message.replace("\u202f", " ")

    def test_25_percent_is_green_and_marks_the_long_sentence(self) -> None:
        text = " ".join([SENTENCE_21, *NEUTRAL[:3]])
        res = run("RD-SENTENCE-LENGTH", text)
        assert res.value["share"] == 25
        assert res.rating is Rating.GOOD
        assert res.score == 9
        assert covered(res, text) == [SENTENCE_21]  # marked even when green, like Yoast

    def test_between_25_and_30_percent_is_orange(self) -> None:
        text = " ".join([SENTENCE_21] * 3 + NEUTRAL[:8])  # 3 / 11 = 27.3 %
        res = run("RD-SENTENCE-LENGTH", text)
        assert res.value["share"] == 27.3
        assert res.rating is Rating.OK
        assert res.score == 6
        assert len(res.spans) == 3
        # Shortening one sentence is enough (2 / 11 = 18.2 %).
        assert "au moins 1 à 20 mots" in res.hint

    def test_exactly_30_percent_is_orange(self) -> None:
        res = run("RD-SENTENCE-LENGTH", " ".join([SENTENCE_21] * 3 + NEUTRAL[:7]))
        assert res.value["share"] == 30
        assert res.rating is Rating.OK

    def test_over_30_percent_is_red(self) -> None:
        res = run("RD-SENTENCE-LENGTH", " ".join([SENTENCE_21] * 4 + NEUTRAL[:9]))  # 30.8 %
        assert res.value["share"] == 30.8
        assert res.rating is Rating.BAD
        assert res.hint

    def test_headings_are_not_sentences(self) -> None:
        long_heading = " ".join(["Un intertitre beaucoup trop long"] * 6)
        res = run("RD-SENTENCE-LENGTH", ("h2", long_heading), " ".join(NEUTRAL[:4]))
        assert res.value["sentences"] == 4
        assert res.value["long"] == 0

    def test_elisions_do_not_lengthen_a_sentence(self) -> None:
        # 20 words as an editor counts them, with elisions (l’, d’, qu’): not long.
        s = (
            "L’équipe d’accueil explique qu’elle n’a jamais vu autant d’enfants s’inscrire "
            "à l’atelier de l’école du quartier nord cette année, dit-elle."
        )
        assert T.count_words(s) == 20
        res = run("RD-SENTENCE-LENGTH", f"{s} {NEUTRAL[0]}")
        assert res.value["long"] == 0


# --- RD-PARAGRAPH-LENGTH ---------------------------------------------------------------------


class TestParagraphLength:
    def test_150_words_is_green(self) -> None:
        res = run("RD-PARAGRAPH-LENGTH", text_of(150), text_of(40))
        assert res.rating is Rating.GOOD
        assert res.value["longest"] == 150
        assert res.spans == []

    def test_151_words_is_orange_and_marked(self) -> None:
        long_p = text_of(151)
        items = (text_of(40), long_p, text_of(60, 3))
        res = run("RD-PARAGRAPH-LENGTH", *items)
        assert res.rating is Rating.OK
        assert res.score == 6
        assert covered(res, doc(*items).text) == [long_p]
        assert "151" in res.message

    def test_200_words_is_orange_201_red(self) -> None:
        assert run("RD-PARAGRAPH-LENGTH", text_of(200)).rating is Rating.OK
        res = run("RD-PARAGRAPH-LENGTH", text_of(201), text_of(160, 5))
        assert res.rating is Rating.BAD
        assert res.score == 3
        assert res.value["too_long"] == 2
        assert len(res.spans) == 2
        assert res.hint

    def test_quotes_and_list_items_count_as_paragraphs(self) -> None:
        res = run("RD-PARAGRAPH-LENGTH", ("li", text_of(170)))
        assert res.rating is Rating.OK


# --- RD-SUBHEADINGS --------------------------------------------------------------------------


class TestSubheadings:
    def test_300_words_without_subheading_is_fine(self) -> None:
        res = run("RD-SUBHEADINGS", text_of(150), text_of(150, 7))
        assert res.value["words"] == 300
        assert res.rating is Rating.GOOD
        assert res.score == 9

    def test_301_words_without_subheading_scores_2(self) -> None:
        first = text_of(150)
        second = text_of(151, 7)
        res = run("RD-SUBHEADINGS", first, second)
        assert res.rating is Rating.BAD
        assert res.score == 2  # Yoast: badLongTextNoSubheadings
        # The hint proposes where to put a subheading: before the second paragraph.
        assert " ".join(second.split()[:6]) in res.hint

    def test_h1_is_the_title_not_a_subheading(self) -> None:
        res = run("RD-SUBHEADINGS", ("h1", "Le marché couvert"), text_of(200), text_of(200, 5))
        assert res.value["subheadings"] == 0
        assert res.score == 2

    def test_sections_of_300_words_are_green(self) -> None:
        res = run(
            "RD-SUBHEADINGS",
            text_of(80),
            ("h2", "Un marché qui attire"),
            text_of(300, 2),
            ("h2", "Des projets pour la halle"),
            text_of(250, 4),
        )
        assert res.rating is Rating.GOOD
        assert res.value["sections"] == [80, 300, 250]

    def test_section_of_301_words_is_orange(self) -> None:
        items = (text_of(80), ("h2", "Un marché qui attire"), text_of(301, 2))
        res = run("RD-SUBHEADINGS", *items)
        assert res.rating is Rating.OK
        assert res.score == 6
        # The span covers the long section, from its subheading to its last paragraph.
        assert covered(res, doc(*items).text) == [f"Un marché qui attire\n\n{text_of(301, 2)}"]

    def test_350_orange_351_red(self) -> None:
        assert run("RD-SUBHEADINGS", ("h2", "Le marché"), text_of(350)).rating is Rating.OK
        res = run("RD-SUBHEADINGS", ("h2", "Le marché"), text_of(200), text_of(151, 3))
        assert res.rating is Rating.BAD
        assert res.score == 3
        assert res.value["longest"] == 351

    def test_long_opening_before_first_subheading(self) -> None:
        items = (text_of(320), ("h2", "La suite"), text_of(100, 3))
        res = run("RD-SUBHEADINGS", *items)
        assert res.rating is Rating.OK
        assert "début du texte" in res.message
        assert covered(res, doc(*items).text) == [text_of(320)]
        very_long = run(
            "RD-SUBHEADINGS", text_of(200), text_of(151, 4), ("h2", "La suite"), text_of(50)
        )
        assert very_long.rating is Rating.BAD
        assert very_long.score == 3

    def test_short_text_with_subheadings(self) -> None:
        res = run("RD-SUBHEADINGS", ("h2", "Le marché"), text_of(120))
        assert res.rating is Rating.GOOD
