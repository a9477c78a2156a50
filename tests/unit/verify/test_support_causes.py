"""The support check on the causes of misjudgement found on claims it was not designed on
(issue 16, item 1): each case pairs a true rewording the check must accept with a false claim
built from the same words that it must reject."""

from __future__ import annotations

from pathlib import Path

import pytest

from plume.verify.support import SupportVerdict, check_support


def _one(claim: str, source: str) -> SupportVerdict:
    (verdict,) = check_support([claim], source)
    return verdict


def _judge(claim: str, source: str, supported: bool) -> None:
    v = _one(claim, source)
    assert v.supported is supported, v.reason.fr


LETTER = (
    "Presque tous les employés d'OpenAI ont signé une lettre de soutien à Sam Altman. "
    "L'université délivre l'ensemble des diplômes de son périmètre."
)


@pytest.mark.parametrize(
    ("claim", "supported"),
    [
        ("Presque tous les employés d'OpenAI ont signé une lettre de soutien", True),
        ("L'université délivre tous les diplômes de son périmètre", True),
        # "presque tous" is not "tous"
        ("Tous les employés d'OpenAI ont signé une lettre de soutien", False),
    ],
)
def test_a_universal_must_be_the_sources(claim: str, supported: bool) -> None:
    _judge(claim, LETTER, supported)


def test_a_dropped_universal_is_named() -> None:
    v = _one("Tous les employés d'OpenAI ont signé une lettre de soutien", LETTER)
    assert "quantité" in v.reason.fr


FIRED = (
    "Sam Altman et Greg Brockman ont fondé l'entreprise en 2015. "
    "Le conseil d'administration a licencié Altman vendredi."
)


@pytest.mark.parametrize(
    ("claim", "supported"),
    [
        # the window says "Altman", the source says who he is: Sam Altman
        ("Le conseil d'administration a licencié Sam Altman vendredi", True),
        # "Greg Altman" is no one in the source
        ("Le conseil d'administration a licencié Greg Altman vendredi", False),
    ],
)
def test_a_full_name_for_the_surname_of_the_window(claim: str, supported: bool) -> None:
    _judge(claim, FIRED, supported)


DEBT = (
    "L'État a payé 1,3 milliard de gourdes de dettes aux compagnies pétrolières. "
    "Le Danemark a interdit le regroupement familial à partir de seize ans."
)


@pytest.mark.parametrize(
    ("claim", "supported"),
    [
        ("L'État a payé 1 300 millions de gourdes aux compagnies pétrolières", True),
        ("Le Danemark interdit le regroupement familial dès 16 ans", True),
        ("L'État a payé 1 300 milliards de gourdes aux compagnies pétrolières", False),
        ("L'État a payé 13 millions de gourdes aux compagnies pétrolières", False),
        ("Le Danemark interdit le regroupement familial dès 18 ans", False),
    ],
)
def test_numbers_written_differently(claim: str, supported: bool) -> None:
    _judge(claim, DEBT, supported)


def test_a_negation_the_parse_hung_elsewhere() -> None:
    # The small model hangs "pas" on "forcément", which it reads as a noun.
    source = "Je ne vois pas forcément d'un bon œil l'influence grandissante du clan Gates."
    _judge("L'auteur voit d'un bon œil l'influence du clan Gates", source, False)


@pytest.mark.parametrize(
    ("source", "supported"),
    [
        # the departure happened; what is negated is that it was easy
        ("Ce départ de Paul Martin en 2018 n'a pas été facile pour le club.", True),
        # a light verb: the departure itself is negated
        ("Le départ de Paul Martin en 2018 n'a pas eu lieu.", False),
    ],
)
def test_a_noun_subject_of_a_negated_predicate(source: str, supported: bool) -> None:
    _judge("Paul Martin est parti en 2018", source, supported)


@pytest.mark.parametrize(
    ("source", "claim", "supported"),
    [
        (
            "Le thème du tourisme social, cette idée que les migrants choisissent leur "
            "destination en fonction des allocations, est infirmé par les chiffres.",
            "Les migrants choisissent leur destination en fonction des allocations",
            False,
        ),
        (
            "L'hypothèse de Stephen Smith consiste à dire que la migration subsaharienne va "
            "doubler d'ici 2050.",
            "La migration subsaharienne va doubler d'ici 2050",
            False,
        ),
        (
            "L'hypothèse de Stephen Smith consiste à dire que la migration subsaharienne va "
            "doubler d'ici 2050.",
            "Selon Stephen Smith, la migration subsaharienne pourrait doubler d'ici 2050",
            True,
        ),
    ],
)
def test_what_an_idea_says_is_not_asserted(source: str, claim: str, supported: bool) -> None:
    _judge(claim, source, supported)


BALKANS = (
    "Il faudrait s'interroger davantage sur la migration des Balkans. Il s'avère que 22 % de "
    "la population de cette région vit à l'étranger, contre seulement 2 % de la population "
    "subsaharienne."
)


@pytest.mark.parametrize(
    ("claim", "supported"),
    [
        ("2 % de la population subsaharienne vit à l'étranger", True),
        # "cette région" stands for the Balkans of the sentence before
        ("22 % de la population des Balkans vit à l'étranger", True),
        # "subsaharienne" is said of the population the 2 % count
        ("22 % de la population subsaharienne vit à l'étranger", False),
    ],
)
def test_a_number_and_what_it_counts(claim: str, supported: bool) -> None:
    _judge(claim, BALKANS, supported)


STOCKS = (
    "Selon le ministre, des responsables de stations d'essence ont stocké du carburant pour "
    "« probablement » spéculer sur les prix."
)


@pytest.mark.parametrize(
    ("claim", "supported"),
    [
        ("Des responsables de stations d'essence ont stocké du carburant", True),
        ("Des responsables de stations ont stocké du carburant pour spéculer sur les prix", False),
    ],
)
def test_a_hedged_purpose(claim: str, supported: bool) -> None:
    _judge(claim, STOCKS, supported)


IBUPROFEN = (
    "La prise d'ibuprofène pourrait être un facteur d'aggravation de l'infection, a écrit le "
    "ministre."
)


@pytest.mark.parametrize(
    ("claim", "supported"),
    [
        ("L'ibuprofène pourrait aggraver l'infection", True),
        # the verb is met as a noun ("aggravation") in a conditional clause
        ("L'ibuprofène aggrave l'infection", False),
    ],
)
def test_a_verb_met_as_its_noun_keeps_the_hedge(claim: str, supported: bool) -> None:
    _judge(claim, IBUPROFEN, supported)


REPLACEMENT = (
    "Andrej Babiš a également déclaré qu'il cherchait actuellement un remplaçant à Roman Prymula."
)


@pytest.mark.parametrize(
    ("claim", "supported"),
    [
        ("Andrej Babiš cherche un remplaçant à Roman Prymula", True),
        # read by the small model as one long name "Roman Prymula cherche…"
        ("Roman Prymula cherche un remplaçant à Andrej Babiš", False),
    ],
)
def test_a_headline_opening_on_a_name_and_a_verb(claim: str, supported: bool) -> None:
    _judge(claim, REPLACEMENT, supported)


@pytest.mark.parametrize(
    ("claim", "supported"),
    [
        ("Jean-Paul Delevoye a gagné la confiance d'Emmanuel Macron", True),
        ("Emmanuel Macron a gagné la confiance de Jean-Paul Delevoye", False),
    ],
)
def test_a_hyphenated_first_name_is_one_actor(claim: str, supported: bool) -> None:
    source = (
        "Chargé de porter la réforme des retraites, Jean-Paul Delevoye a su gagner la "
        "confiance d'Emmanuel Macron."
    )
    _judge(claim, source, supported)


@pytest.mark.parametrize(
    ("claim", "supported"),
    [
        ("Roman Prymula rappelé en septembre après la démission d'Adam Vojtěch", True),
        ("Adam Vojtěch rappelé en septembre après la démission de Roman Prymula", False),
    ],
)
def test_a_name_in_apposition_to_a_title(claim: str, supported: bool) -> None:
    source = (
        "L'épidémiologiste Roman Prymula a été rappelé à la rescousse en septembre, suite à "
        "la démission de son prédécesseur Adam Vojtěch."
    )
    _judge(claim, source, supported)


SEEDS = Path(__file__).parents[3] / ".." / "shared" / "seeds"


@pytest.mark.parametrize(
    ("claim", "supported"),
    [
        ("La démission de Greg Brockman, président d'OpenAI", True),
        ("Satya Nadella, président d'OpenAI, a démissionné", False),
    ],
)
def test_a_title_with_a_name_of_its_own(claim: str, supported: bool) -> None:
    # "le président d'OpenAI, Greg Brockman, a démissionné": "OpenAI" between the title and
    # the name is the title's complement, not another person.
    source = (SEEDS / "002_27e3266790d29534.txt").read_text(encoding="utf-8")
    _judge(claim, source, supported)


def test_removing_is_not_a_rewording_of_adding() -> None:
    source = "Microsoft a intégré la technologie d'OpenAI dans son moteur de recherche Bing."
    _judge("Microsoft a intégré la technologie d'OpenAI dans Bing", source, True)
    _judge("Microsoft a retiré la technologie d'OpenAI de son moteur Bing", source, False)


def test_an_agent_noun_meets_its_verb() -> None:
    source = (
        "Elon Musk est aussi un cosignataire d'une lettre ouverte sur l'intelligence artificielle."
    )
    _judge("Elon Musk a cosigné une lettre ouverte sur l'intelligence artificielle", source, True)
    _judge("Elon Musk a refusé une lettre ouverte sur l'intelligence artificielle", source, False)
