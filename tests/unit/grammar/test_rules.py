from __future__ import annotations

import pytest

from plume.grammar import apply_corrections, find_rule_hits


def fixed(text: str) -> str:
    return apply_corrections(text, find_rule_hits(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Doubled auxiliary around adverbs.
        ("La mairie a également a fermé la piscine.", "La mairie a également fermé la piscine."),
        ("Les élus ont aussi déjà ont voté.", "Les élus ont aussi déjà voté."),
        ("Elle est finalement est partie.", "Elle est finalement partie."),
        # Verb of saying without « que ».
        ("Le club dit il était prêt à vendre.", "Le club dit qu’il était prêt à vendre."),
        (
            "La ministre a affirmé elle voulait partir.",
            "La ministre a affirmé qu’elle voulait partir.",
        ),
        (
            "Le syndicat estime nous devons attendre.",
            "Le syndicat estime que nous devons attendre.",
        ),
        ("Il a expliqué j’avais tort.", "Il a expliqué que j’avais tort."),
        # « a du » + infinitive.
        ("Le maire a du renoncer.", "Le maire a dû renoncer."),
        ("Elle aurait du s’en douter.", "Elle aurait dû s’en douter."),
        # Fixed calques, capital kept.
        (
            "Les modèles de grands langages progressent.",
            "Les grands modèles de langage progressent.",
        ),
        ("Modèle de grand langage : définition.", "Grand modèle de langage : définition."),
        ("Cela fait du sens.", "Cela a du sens."),
    ],
)
def test_calques_are_corrected(text: str, expected: str) -> None:
    assert fixed(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Il a dit il y a deux jours qu’il viendrait.",  # « il y a »: time, not a clause
        "Ce qu’il dit, il le fait.",
        "Ce qu’elle pense elle le dit.",  # « le »: not a finite verb
        "« Je viendrai », dit-il.",
        "Il a du pain et du vin.",  # partitive « du »
        "Il a du mal à partir.",
        "Il est toujours là et il est content.",
        "Elle a aussi a-t-on dit raison.",
        "Les modèles de langage de grande taille.",
    ],
)
def test_correct_french_is_left_alone(text: str) -> None:
    assert find_rule_hits(text) == []


def test_straight_apostrophes_are_matched_too() -> None:
    assert fixed("Il a dit j'avais raison.") == "Il a dit que j'avais raison."
