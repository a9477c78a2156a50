"""The repetition guard (plume.verify.guards.repetition)."""

from __future__ import annotations

from plume.article import Section
from plume.verify.guards import (
    find_repetitions,
)
from tests.unit.verify.guards.conftest import REAL, make


def test_a_repeated_sentence_is_flagged_where_it_comes_back() -> None:
    article = make(
        sections=[
            Section(heading="Microsoft en embuscade", paragraphs=[REAL[1]]),
            Section(heading="Les investisseurs", paragraphs=[REAL[3] + " " + REAL[0]]),
        ]
    )
    (v,) = find_repetitions(article)
    assert (v.guard, v.field, v.paragraph, v.hard) == ("repetition", "sections[1]", 0, True)
    assert "mot pour mot" in v.message_fr and "de l’introduction" in v.message_fr
    assert v.excerpt.startswith("Le conseil d’administration n’a pas partagé")


def test_a_reworded_paragraph_is_a_near_duplicate() -> None:
    reworded = REAL[1].replace("est intervenu", "a agi").replace("prêts", "disposés")
    article = make(
        sections=[Section(heading="Microsoft en embuscade", paragraphs=[REAL[1], reworded])]
    )
    (v,) = find_repetitions(article)
    assert (v.field, v.paragraph) == ("sections[0]", 1)
    assert "Ce paragraphe reprend à" in v.message_fr


def test_template_sentences_of_a_live_report_are_not_repeats() -> None:
    # Corpus 13: the most similar pair of distinct real sentences (Jaccard 0.45).
    article = make(
        sections=[
            Section(
                heading="Match en direct",
                paragraphs=[
                    "Il y aura au moins cinq minutes de temps additionnel.",
                    "Il y aura au moins trois minutes de temps additionnel.",
                ],
            )
        ]
    )
    assert find_repetitions(article) == []
