"""Typography checks (TY-*): French good and bad examples, exclusions and severity.

Expectations that need the French sentence splitter being written alongside these checks are
marked ``# needs: …`` and listed in the report.
"""

from __future__ import annotations

from plume.analyse.checks.base import Context
from plume.analyse.checks.typography import english_quotes, nbsp_places, normalise_sentence
from plume.analyse.checks.wording import NBSP, NNBSP
from plume.analyse.researches import Research
from plume.analyse.runner import run_checks
from plume.report import Category, CheckResult, Rating
from tests.unit.analyse.checks.builders import Item, doc, run_one


def run(code: str, *items: Item) -> CheckResult:
    result = run_one(code, *items)
    assert result.category is Category.TYPOGRAPHY
    return result


def covered(result: CheckResult, *items: Item) -> list[str]:
    text = doc(*items).text
    return [text[s.start : s.end] for s in result.spans]


# --- TY-NBSP ---------------------------------------------------------------------------------

GOOD_NBSP = (
    f"Le maire a tranché{NBSP}: «{NBSP}Nous ouvrirons la halle{NBSP}». "
    f"Pourquoi maintenant{NNBSP}? Parce que les travaux sont finis{NNBSP}! "
    f"Le budget suit{NNBSP}; la date aussi."
)


class TestNbsp:
    def test_no_break_spaces_everywhere_is_green(self) -> None:
        res = run("TY-NBSP", GOOD_NBSP)
        assert res.rating is Rating.GOOD
        assert res.score == 9
        assert res.value["places"] == 6
        assert res.value["faults"] == 0

    def test_narrow_space_before_colon_is_accepted(self) -> None:
        res = run("TY-NBSP", f"Le maire a tranché{NNBSP}: la halle ouvrira en mars prochain.")
        assert res.rating is Rating.GOOD

    def test_ordinary_spaces_are_wrong(self) -> None:
        text = "Le maire a tranché : « Nous ouvrirons la halle ». Pourquoi maintenant ?"
        res = run("TY-NBSP", text)
        assert res.rating is Rating.BAD
        assert res.value["wrong_space"] == 4
        assert res.value["missing"] == 0
        assert covered(res, text) == [" :", "« ", " »", " ?"]

    def test_missing_spaces(self) -> None:
        text = "Vraiment? Oui! Il l’a dit:«Nous ouvrirons»."
        res = run("TY-NBSP", text)
        assert res.value["missing"] == 5
        assert covered(res, text) == ["?", "!", ":", "«", "»"]
        assert res.hint

    def test_isolated_slip_is_orange(self) -> None:
        # 1 fault out of 13 places (7.7 %): an accident, not a habit.
        text = (GOOD_NBSP + " ") * 2 + "Et maintenant ?"
        res = run("TY-NBSP", text)
        assert res.value["places"] == 13
        assert res.value["faults"] == 1
        assert res.rating is Rating.OK
        assert res.score == 6

    def test_exclusions(self) -> None:
        text = (
            "Rendez-vous à 10:30 sur https://exemple.fr/page?id=3&x=1 ou www.exemple.fr/a:b, "
            "écran 16:9, contact@exemple.fr, sourire :) et Quoi\u202f?! vraiment… ?"
        )
        places = list(nbsp_places(text))
        # Only "?!" (checked once, on "?") and "… ?" (its "?" after a space) are places.
        states = [(state, text[sp.start : sp.end]) for state, sp in places]
        assert states == [("ok", "\u202f?"), ("wrong", " ?")]

    def test_html_entity_is_not_a_semicolon(self) -> None:
        assert list(nbsp_places("Martin &amp; fils")) == []

    def test_headings_are_checked(self) -> None:
        items: tuple[Item, ...] = (
            ("h2", "Pourquoi fermer la halle ?"),
            "Le maire répond ce matin.",
        )
        res = run("TY-NBSP", *items)
        assert covered(res, *items) == [" ?"]

    def test_nothing_to_check_is_not_assessed(self) -> None:
        assert run("TY-NBSP", "Le marché ouvre samedi matin sur la place.").rating is Rating.NA


# --- TY-QUOTES -------------------------------------------------------------------------------


class TestQuotes:
    def test_french_quotes_are_green(self) -> None:
        res = run("TY-QUOTES", f"Le ministre parle d’un «{NBSP}plan ambitieux{NBSP}».")
        assert res.rating is Rating.GOOD

    def test_english_quotes_inside_french_ones_are_correct(self) -> None:
        text = '« Il m’a dit “non” hier », raconte-t-elle. « Et "jamais" ensuite. »'
        assert english_quotes(text) == []
        assert run("TY-QUOTES", text).rating is Rating.GOOD

    def test_straight_quotes_are_flagged_one_span_per_quotation(self) -> None:
        text = 'Le ministre parle d\'un "plan ambitieux" pour la "relance".'
        res = run("TY-QUOTES", text)
        assert res.rating is Rating.OK  # two: isolated
        assert covered(res, text) == ['"plan ambitieux"', '"relance"']

    def test_curly_english_quotes_are_flagged(self) -> None:
        text = "Le ministre parle d’un “plan ambitieux”, d’une “relance” et d’un “pacte”."
        res = run("TY-QUOTES", text)
        assert res.value["english_quotes"] == 3
        assert res.rating is Rating.BAD
        assert res.score == 3
        assert res.hint

    def test_inch_mark_is_not_a_quote(self) -> None:
        assert (
            run("TY-QUOTES", 'Un écran de 27" suffit pour le montage vidéo.').rating is Rating.GOOD
        )

    def test_unclosed_quote_is_flagged_alone(self) -> None:
        assert [(s.start, s.end) for s in english_quotes('Il a dit "oui.\n\nPuis rien.')] == [
            (9, 10)
        ]


# --- TY-LOWERCASE-START ----------------------------------------------------------------------


class TestLowercaseStart:
    def test_sentence_cut_in_two_is_flagged(self) -> None:
        text = (
            "Les parents s’inquiètent des risques liés à l’IA. conversation à l’heure du dîner. "
            "Les enfants en parlent aussi."
        )
        res = run("TY-LOWERCASE-START", text)
        assert res.rating is Rating.OK
        assert res.value["count"] == 1
        assert covered(res, text) == [". conversation"]
        assert res.hint

    def test_clean_text_is_green(self) -> None:
        text = "Les parents s’inquiètent des risques liés à l’IA. Les enfants en parlent aussi."
        assert run("TY-LOWERCASE-START", text).rating is Rating.GOOD

    def test_brand_names_with_inner_capitals(self) -> None:
        text = "Il a vendu son vélo la semaine dernière. eBay a prélevé une commission. iPhone en main, il sourit."
        assert run("TY-LOWERCASE-START", text).rating is Rating.GOOD

    def test_after_question_or_exclamation_mark(self) -> None:
        text = "« Qui vient ? » demanda-t-elle. « Personne ! » répondit le gardien."
        assert run("TY-LOWERCASE-START", text).rating is Rating.GOOD

    def test_after_an_ellipsis(self) -> None:
        text = "Il hésite… puis il signe le contrat devant le notaire de la famille."
        assert run("TY-LOWERCASE-START", text).rating is Rating.GOOD

    def test_after_an_abbreviation(self) -> None:
        # The splitter should not cut after "etc." or "cf."; the check also guards against it.
        text = "Il vend des pommes, des poires, etc. et des prunes au marché. Voir la carte, cf. le plan."
        assert run("TY-LOWERCASE-START", text).rating is Rating.GOOD

    def test_new_block_may_start_in_lower_case(self) -> None:
        res = run(
            "TY-LOWERCASE-START",
            "Pour bien choisir, trois conseils.",
            ("li", "venir tôt le matin."),
            ("li", "apporter un panier."),
        )
        assert res.rating is Rating.GOOD

    def test_several_cuts_are_red(self) -> None:
        text = (
            "Le maire parle. de la halle. Il évoque le budget. des travaux. "
            "Il conclut. sur les dates."
        )
        res = run("TY-LOWERCASE-START", text)
        assert res.value["count"] == 3
        assert res.rating is Rating.BAD


# --- TY-REPEATED-SENTENCE --------------------------------------------------------------------


class TestRepeatedSentence:
    def test_repeated_sentence_is_red_and_every_copy_marked(self) -> None:
        a = "Le projet sera présenté aux habitants en mars."
        b = "LE PROJET  sera présenté aux habitants en mars !"
        items: tuple[Item, ...] = (
            f"{a} La halle rouvrira ensuite.",
            f"Nos lecteurs le savent. {b}",
        )
        res = run("TY-REPEATED-SENTENCE", *items)
        assert res.rating is Rating.BAD
        assert res.score == 3
        assert covered(res, *items) == [a, b]
        assert res.value["groups"] == 1
        assert res.value["extra_copies"] == 1

    def test_short_sentences_may_repeat(self) -> None:
        text = "Oui, bien sûr. Le maire a signé le contrat hier. Oui, bien sûr."
        assert run("TY-REPEATED-SENTENCE", text).rating is Rating.GOOD

    def test_five_words_is_enough_to_count(self) -> None:
        text = "Le maire signe le contrat. La halle rouvrira. Le maire signe le contrat."
        assert run("TY-REPEATED-SENTENCE", text).rating is Rating.BAD

    def test_different_sentences_are_green(self) -> None:
        text = "Le projet sera présenté en mars. Le projet sera présenté en avril."
        assert run("TY-REPEATED-SENTENCE", text).rating is Rating.GOOD

    def test_normalisation(self) -> None:
        assert normalise_sentence("L’État, «\u00a0enfin\u00a0» !") == normalise_sentence(
            "l'état enfin"
        )


# --- TY-ELLIPSIS -----------------------------------------------------------------------------


class TestEllipsis:
    def test_three_dots_are_flagged(self) -> None:
        text = "Et puis... plus rien. Il cite un extrait [...] sans sa source."
        res = run("TY-ELLIPSIS", text)
        assert res.rating is Rating.OK
        assert covered(res, text) == ["...", "..."]
        assert "…" in res.hint

    def test_spaced_and_long_runs(self) -> None:
        text = "Il attend. . . Elle attend.... Ils attendent... Nous partons."
        res = run("TY-ELLIPSIS", text)
        assert covered(res, text) == [". . .", "....", "..."]
        assert res.rating is Rating.BAD

    def test_ellipsis_character_is_green(self) -> None:
        assert run("TY-ELLIPSIS", "Et puis… plus rien. Fin de l’histoire.").rating is Rating.GOOD

    def test_url_is_ignored(self) -> None:
        assert (
            run("TY-ELLIPSIS", "Voir https://exemple.fr/a...b pour la suite.").rating is Rating.GOOD
        )


# --- TY-APOSTROPHES --------------------------------------------------------------------------


class TestApostrophes:
    def test_consistent_typographic(self) -> None:
        res = run("TY-APOSTROPHES", "L’entreprise a réuni l’équipe aujourd’hui.")
        assert res.rating is Rating.GOOD
        assert res.value == {"straight": 0, "typographic": 3}

    def test_consistent_straight_is_fine_too(self) -> None:
        assert (
            run("TY-APOSTROPHES", "L'entreprise a réuni l'équipe aujourd'hui.").rating
            is Rating.GOOD
        )

    def test_mixed_marks_the_minority(self) -> None:
        text = "L'entreprise a réuni l’équipe aujourd’hui."
        res = run("TY-APOSTROPHES", text)
        assert res.rating is Rating.OK
        assert res.value["minority"] == "straight"
        assert [s.start for s in res.spans] == [1]

    def test_mostly_straight_marks_the_typographic_ones(self) -> None:
        text = "L'entreprise d'Anne a réuni l'équipe d'accueil aujourd’hui avec l’aide d’un ami."
        res = run("TY-APOSTROPHES", text)
        assert res.value["minority"] == "typographic"
        assert res.rating is Rating.BAD  # three of them: a habit
        assert len(res.spans) == 3

    def test_single_quotes_are_not_apostrophes(self) -> None:
        res = run("TY-APOSTROPHES", "Il a dit 'oui' à l’équipe et à l’entreprise.")
        assert res.rating is Rating.GOOD
        assert res.value["straight"] == 0


# --- Messages --------------------------------------------------------------------------------


def test_typography_has_its_own_score() -> None:
    r = Research(doc('Il a dit "non", "jamais" et "plus tard"... Puis... rien... Fin...'))
    res = run_checks(r, Context(), only={"TY-QUOTES", "TY-ELLIPSIS"})
    assert [c.rating for c in res.checks] == [Rating.BAD, Rating.BAD]
    assert res.typography.value == 33  # 3 + 3 out of 9 + 9
    assert res.readability.rating is Rating.NA  # Yoast's readability score is left untouched
