"""Passive sentences with an agent turned active, conjugated and agreed, or left alone."""

from __future__ import annotations

import pytest

from plume.write.active import active_voice, conjugate, participle_of


@pytest.mark.parametrize(
    ("lemma", "forms"),
    [
        # présent s/p, imparfait s/p, futur s/p
        ("adopter", ["adopte", "adoptent", "adoptait", "adoptaient", "adoptera", "adopteront"]),
        ("acheter", ["achète", "achètent", "achetait", "achetaient", "achètera", "achèteront"]),
        ("appeler", ["appelle", "appellent", "appelait", "appelaient", "appellera", "appelleront"]),
        ("lancer", ["lance", "lancent", "lançait", "lançaient", "lancera", "lanceront"]),
        (
            "employer",
            ["emploie", "emploient", "employait", "employaient", "emploiera", "emploieront"],
        ),
        (
            "investir",
            [
                "investit",
                "investissent",
                "investissait",
                "investissaient",
                "investira",
                "investiront",
            ],
        ),
        ("prendre", ["prend", "prennent", "prenait", "prenaient", "prendra", "prendront"]),
    ],
)
def test_third_person_forms_are_conjugated_and_checked_in_the_lexicon(
    lemma: str, forms: list[str]
) -> None:
    got = [conjugate(lemma, t, n) for t in ("présent", "imparfait", "futur") for n in "sp"]
    assert got == forms


def test_participles_and_unknown_verbs() -> None:
    assert participle_of("adopter") == "adopté"
    assert participle_of("finir") == "fini"
    assert participle_of("permettre") == "permis"
    # A 3rd-group verb not in the irregular table is never guessed.
    assert conjugate("moudre", "présent", "s") is None


@pytest.mark.parametrize(
    ("passive", "active"),
    [
        # passé composé, a time phrase after the participle stays after the object
        (
            "En 2019, la loi sur le climat a été adoptée mardi par le Parlement européen.",
            "En 2019, le Parlement européen a adopté la loi sur le climat mardi.",
        ),
        # futur; two coordinated agents make a plural subject
        (
            "Le projet sera financé par la région et l’État.",
            "La région et l’État financeront le projet.",
        ),
        # plus-que-parfait, an adverb between the auxiliaries; the parse hangs "en première
        # lecture" on the agent: it stays behind
        (
            "Le texte avait été largement approuvé par les députés en première lecture.",
            "Les députés avaient largement approuvé le texte en première lecture.",
        ),
        # présent of an irregular verb, plural agent
        (
            "Ce traitement est pris par des millions de patients chaque jour.",
            "Des millions de patients prennent ce traitement chaque jour.",
        ),
        # an acronym in parentheses moves with its name
        (
            "Des constats ont été donnés par le Service de police de la Ville (SPVM) en juin.",
            "Le Service de police de la Ville (SPVM) a donné des constats en juin.",
        ),
        # the space of French typography before « ! » is kept
        (
            "Le but est finalement validé par Clément Turpin !",
            "Clément Turpin valide finalement le but !",
        ),
    ],
)
def test_a_passive_with_an_agent_becomes_active_in_the_same_tense(
    passive: str, active: str
) -> None:
    found = active_voice(passive)
    assert found is not None and found.verified
    assert found.after == active


@pytest.mark.parametrize(
    "sentence",
    [
        "Il a été adopté par le Parlement.",  # a pronoun subject would need an object pronoun
        "La loi n’a pas été adoptée par le Parlement.",  # negation
        "La loi a été adoptée mardi après un long débat.",  # no agent
        "« La loi a été adoptée par le Parlement », a rappelé la ministre.",  # a quotation
        # what follows a comma may belong to the agent
        "L’hémorragie est jugulée par ces prolongations hors débat, hors contradictoire.",
        # an adjective the parse cut off the agent
        "Une frappe d’Aouar est contrée par l’imposant rideau défensif lorientais.",
        # a vote's tally is no actor ("19 voix ont approuvé la réforme pour, …", read blind)
        "La réforme a été approuvée par 19 voix pour, 11 contre et 4 abstentions.",
        "La délibération a été adoptée par 23 suffrages contre 6.",
    ],
)
def test_sentences_left_passive(sentence: str) -> None:
    assert active_voice(sentence) is None


def test_an_agent_the_small_parse_calls_a_modifier_is_still_read_but_adverbials_are_not() -> None:
    found = active_voice("Sa frappe est repoussée du pied par Lopes.")
    assert found is not None and found.after == "Lopes repousse sa frappe du pied."
    assert active_voice("La loi a été adoptée par la suite au Sénat.") is None
    assert active_voice("Mira Murati a été désignée directrice générale par intérim.") is None
