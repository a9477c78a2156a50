"""RD-FLESCH and RD-LIX, informational (plume.analyse.checks.readability.indices)."""

from __future__ import annotations

from plume.analyse import formulas as F
from plume.analyse.checks.base import Context
from plume.analyse.researches import Research
from plume.analyse.runner import run_checks
from plume.report import Category, Rating
from tests.unit.analyse.checks.builders import doc
from tests.unit.analyse.checks.readability.texts import (
    run,
)

# --- RD-FLESCH / RD-LIX ----------------------------------------------------------------------

EASY = (
    "Le chat dort sur le lit. Il fait beau. Paul lit un livre au parc. "
    "Sa sœur joue au ballon avec un ami. Le soir, ils vont tous à la mer."
)
HARD = (
    "L’administration préfectorale a procédé à l’harmonisation systématique des dispositifs "
    "réglementaires d’accompagnement socioprofessionnel, nonobstant les recommandations "
    "institutionnelles formulées antérieurement par les organisations intergouvernementales "
    "internationales."
)


class TestFlesch:
    def test_easy_text_is_green_and_informational(self) -> None:
        res = run("RD-FLESCH", EASY)
        assert res.category is Category.INFO
        assert res.rating is Rating.GOOD
        assert res.score == 0  # informational: never counted
        assert res.value["score"] >= 60
        assert "Flesch" in res.message and "lecture" in res.message

    def test_hard_text_is_red_with_a_hint(self) -> None:
        res = run("RD-FLESCH", HARD)
        assert res.rating is Rating.BAD
        assert res.score == 0
        assert res.value["score"] < 30
        assert res.value["band"] == "very_difficult"
        assert "très difficile" in res.message
        assert res.hint  # says what to shorten

    def test_value_is_the_kandel_moles_formula(self) -> None:
        r = Research(doc(EASY, HARD))
        (res,) = run_checks(r, Context(), only={"RD-FLESCH"}).checks
        raw = F.flesch_kandel_moles(r.word_count, len(r.sentences), r.syllable_count)
        assert res.value["raw"] == round(raw, 2)
        assert res.value["words"] == r.word_count
        assert res.value["sentences"] == len(r.sentences)

    def test_does_not_weigh_on_the_readability_score(self) -> None:
        r = Research(doc(HARD))
        with_flesch = run_checks(r, Context(), only={"RD-FLESCH", "RD-SENTENCE-LENGTH"})
        without = run_checks(r, Context(), only={"RD-SENTENCE-LENGTH"})
        assert with_flesch.readability == without.readability

    def test_too_short_text_is_not_assessed(self) -> None:
        assert run("RD-FLESCH", "Il pleut.").rating is Rating.NA

    def test_headings_are_not_counted(self) -> None:
        a = run("RD-FLESCH", EASY)
        b = run(
            "RD-FLESCH",
            ("h2", "Une administration préfectorale systématiquement réglementaire"),
            EASY,
        )
        assert a.value == b.value


class TestLix:
    def test_easy_text_is_green(self) -> None:
        res = run("RD-LIX", EASY)
        assert res.category is Category.INFO
        assert res.rating is Rating.GOOD
        assert res.score == 0
        assert res.value["score"] < 30

    def test_hard_text_is_red(self) -> None:
        res = run("RD-LIX", HARD)
        assert res.rating is Rating.BAD
        assert res.value["band"] == "very_difficult"
        assert res.hint

    def test_value(self) -> None:
        # 2 sentences, 10 words; long: appartement, lumineux (2) → 10/2 + 100 × 2/10 = 25
        res = run("RD-LIX", "Cet appartement est très lumineux. Il donne sur la cour.")
        assert res.value["words"] == 10
        assert res.value["long_words"] == 2
        assert res.value["score"] == 25
