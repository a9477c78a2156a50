"""RD-PASSIVE, RD-TRANSITIONS and RD-SENTENCE-STARTS (plume.analyse.checks.readability.style)."""

from __future__ import annotations

from plume.analyse.researches import Research
from plume.report import Rating
from tests.unit.analyse.checks.builders import doc
from tests.unit.analyse.checks.readability.texts import (
    NEUTRAL,
    PASSIVE,
    covered,
    run,
    text_of,
)

# --- RD-PASSIVE ------------------------------------------------------------------------------


class TestPassive:
    def test_active_text_is_green(self) -> None:
        res = run("RD-PASSIVE", " ".join(NEUTRAL[:10]))
        assert res.rating is Rating.GOOD
        assert res.value["passive"] == 0

    def test_10_percent_is_green(self) -> None:
        text = " ".join([PASSIVE[0], *NEUTRAL[:9]])
        res = run("RD-PASSIVE", text)
        assert res.value["share"] == 10
        assert res.rating is Rating.GOOD
        # The span is the passive clause (auxiliary … participle), inside the sentence.
        (span,) = res.spans
        assert "été votée" in text[span.start : span.end]

    def test_between_10_and_15_percent_is_orange(self) -> None:
        res = run("RD-PASSIVE", " ".join(PASSIVE[:2] + NEUTRAL[:13]))  # 13.3 %
        assert res.value["share"] == 13.3
        assert res.rating is Rating.OK
        assert res.score == 6
        assert len(res.spans) == 2

    def test_exactly_15_percent_is_orange(self) -> None:
        res = run("RD-PASSIVE", " ".join(PASSIVE[:3] + NEUTRAL[:17]))
        assert res.value["share"] == 15
        assert res.rating is Rating.OK

    def test_over_15_percent_is_red(self) -> None:
        res = run("RD-PASSIVE", " ".join(PASSIVE[:2] + NEUTRAL[:8]))  # 20 %
        assert res.rating is Rating.BAD
        assert res.score == 3
        assert "actif" in res.hint

    def test_etre_with_movement_verbs_is_not_passive(self) -> None:
        # needs: the French passive detector ("est allé", "sont venus" are active).
        text = " ".join(
            ["Le maire est allé au marché samedi.", "Les élus sont venus en nombre.", *NEUTRAL[:8]]
        )
        res = run("RD-PASSIVE", text)
        assert res.value["passive"] == 0
        assert res.rating is Rating.GOOD


# --- RD-TRANSITIONS --------------------------------------------------------------------------


def with_transitions(k: int, total: int) -> str:
    """``total`` sentences of which the first ``k`` open with a transition word."""
    openers = ["Pourtant, ", "Ensuite, ", "Mais ", "Enfin, ", "Donc ", "Puis "]
    out = []
    for i in range(total):
        s = NEUTRAL[i % len(NEUTRAL)]
        if i < k:
            s = openers[i % len(openers)] + s[0].lower() + s[1:]
        out.append(s)
    return " ".join(out)


class TestTransitions:
    def test_30_percent_is_green(self) -> None:
        text = with_transitions(6, 20)
        r = Research(doc(text))
        assert r.word_count >= 200
        res = run("RD-TRANSITIONS", text)
        assert res.value["share"] == 30
        assert res.rating is Rating.GOOD
        # Spans: the transition words themselves.
        marked = [text[s.start : s.end].lower() for s in res.spans]
        assert {"pourtant", "ensuite", "mais", "enfin"} <= set(marked)

    def test_between_20_and_30_percent_is_orange(self) -> None:
        res = run("RD-TRANSITIONS", with_transitions(5, 20))
        assert res.value["share"] == 25
        assert res.rating is Rating.OK
        # One more sentence with a transition reaches 30 %.
        assert "au moins 1 phrase de plus" in res.hint

    def test_exactly_20_percent_is_orange(self) -> None:
        assert run("RD-TRANSITIONS", with_transitions(4, 20)).rating is Rating.OK

    def test_under_20_percent_is_red(self) -> None:
        res = run("RD-TRANSITIONS", with_transitions(3, 20))
        assert res.value["share"] == 15
        assert res.rating is Rating.BAD
        assert res.score == 3

    def test_text_under_200_words_is_always_green(self) -> None:
        short = text_of(199)
        res = run("RD-TRANSITIONS", short)
        assert res.value["words"] == 199
        assert res.value["share"] == 0
        assert res.rating is Rating.GOOD

    def test_200_words_is_judged(self) -> None:
        res = run("RD-TRANSITIONS", text_of(200))
        assert res.value["share"] == 0
        assert res.rating is Rating.BAD

    def test_multiword_transitions(self) -> None:
        # needs: the complete transition list ("en effet", "par conséquent", "d’une part…").
        base = [NEUTRAL[i] for i in range(20)]
        base[0] = "En effet, " + base[0][0].lower() + base[0][1:]
        base[3] = "Par conséquent, " + base[3][0].lower() + base[3][1:]
        base[6] = "D’une part, le marché attire du monde, d’autre part il fait vivre le centre."
        base[9] = "Par exemple, " + base[9][0].lower() + base[9][1:]
        base[12] = "Toutefois, " + base[12][0].lower() + base[12][1:]
        base[15] = "En revanche, " + base[15][0].lower() + base[15][1:]
        res = run("RD-TRANSITIONS", " ".join(base))
        assert res.value["with_transition"] == 6
        assert res.rating is Rating.GOOD


# --- RD-SENTENCE-STARTS ----------------------------------------------------------------------


class TestSentenceStarts:
    def test_three_sentences_with_the_same_word_are_red(self) -> None:
        run_text = "Il a voté contre. Il a quitté la salle. Il a refusé de commenter."
        text = f"{NEUTRAL[0]} {run_text} {NEUTRAL[1]}"
        res = run("RD-SENTENCE-STARTS", text)
        assert res.rating is Rating.BAD
        assert res.score == 3
        assert covered(res, text) == [run_text]
        assert res.value["runs"][0]["beginning"] == "il"
        assert res.value["runs"][0]["count"] == 3
        assert "« il »" in res.message.replace("\u202f", " ")

    def test_two_are_fine(self) -> None:
        res = run("RD-SENTENCE-STARTS", f"Il a voté contre. Il a quitté la salle. {NEUTRAL[0]}")
        assert res.rating is Rating.GOOD
        assert res.spans == []

    def test_articles_take_the_next_word(self) -> None:
        # yoastseo's French firstWordExceptions: "le chat", "le chien", "le loup" differ.
        text = "Le chat dort au soleil. Le chien aboie dans la cour. Le loup hurle dans la forêt."
        assert run("RD-SENTENCE-STARTS", text).rating is Rating.GOOD
        same = "Le maire parle. Le maire écoute. Le maire décide seul de tout."
        res = run("RD-SENTENCE-STARTS", same)
        assert res.rating is Rating.BAD
        assert res.value["runs"][0]["beginning"] == "le maire"

    def test_numerals_and_plural_articles_take_the_next_word(self) -> None:
        text = (
            "Deux élus ont voté contre. Deux habitants ont manifesté. Deux commerçants se "
            "plaignent. Des experts doutent. Des riverains protestent. Des élus s’abstiennent."
        )
        assert run("RD-SENTENCE-STARTS", text).rating is Rating.GOOD

    def test_elided_article_is_read_with_its_noun(self) -> None:
        different = "L’entreprise recrute. L’usine ferme ses portes. L’État réagit vite."
        assert run("RD-SENTENCE-STARTS", different).rating is Rating.GOOD
        same = "L’entreprise recrute. L’entreprise investit. L'entreprise grandit vite."
        res = run("RD-SENTENCE-STARTS", same)
        assert res.rating is Rating.BAD
        assert res.value["runs"][0]["beginning"] == "l'entreprise"
        assert "« l’entreprise »" in res.message.replace("\u202f", " ")

    def test_elided_de_is_read_with_its_word(self) -> None:
        text = "D’abord, le maire parle. D’autres élus répondent. D’ailleurs, personne ne vote."
        assert run("RD-SENTENCE-STARTS", text).rating is Rating.GOOD

    def test_case_does_not_matter(self) -> None:
        res = run("RD-SENTENCE-STARTS", "Ici on vend. ici on achète. ICI on discute longtemps.")
        assert res.rating is Rating.BAD

    def test_a_heading_breaks_the_run(self) -> None:
        res = run(
            "RD-SENTENCE-STARTS",
            "Il a voté contre. Il a quitté la salle.",
            ("h2", "La suite"),
            "Il a refusé de commenter. Nos questions sont restées sans réponse.",
        )
        assert res.rating is Rating.GOOD

    def test_runs_continue_across_paragraphs(self) -> None:
        res = run(
            "RD-SENTENCE-STARTS",
            "Il a voté contre. Il a quitté la salle.",
            "Il a refusé de commenter. Nos questions sont restées sans réponse.",
        )
        assert res.rating is Rating.BAD

    def test_list_items_are_left_out(self) -> None:
        res = run(
            "RD-SENTENCE-STARTS",
            "Pour venir au marché, trois conseils suffisent.",
            ("li", "Venez tôt le matin."),
            ("li", "Venez avec un panier."),
            ("li", "Venez avec de la monnaie."),
        )
        assert res.rating is Rating.GOOD

    def test_two_runs_are_both_reported(self) -> None:
        text = (
            "Il pleut. Il vente. Il neige sur la ville. "
            f"{NEUTRAL[0]} "
            "Nous partons. Nous rentrons. Nous dormons enfin."
        )
        res = run("RD-SENTENCE-STARTS", text)
        assert len(res.spans) == 2
        assert [r["beginning"] for r in res.value["runs"]] == ["il", "nous"]
