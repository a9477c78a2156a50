"""The language guard (plume.verify.guards.language)."""

from __future__ import annotations

import pytest

from plume.article import FaqItem, Section
from plume.verify.guards import (
    check_language,
    language_of,
)
from tests.unit.verify.guards.conftest import REAL, hard, make


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Here is your SEO article about OpenAI", "en"),
        ("The board and the CEO", "en"),
        ("Key takeaways", "en"),
        ("Final thoughts", "en"),
        ("Who is Sam Altman?", "en"),
        (
            "The board said that Altman was not consistently candid in his communications with "
            "the board, hindering its ability to exercise its responsibilities.",
            "en",
        ),
        ("La importancia de la inteligencia artificial", "es"),
        (
            "La inteligencia artificial es una de las tecnologías más importantes de nuestro "
            "tiempo y la empresa sigue creciendo.",
            "es",
        ),
        ("Die Entlassung von Sam Altman überraschte die ganze Branche.", "de"),
    ],
)
def test_foreign_texts_are_caught(text: str, lang: str) -> None:
    assert language_of(text) == (False, lang)


@pytest.mark.parametrize(
    "text",
    [
        *REAL,
        "Effectifs",
        "Match en direct",
        "Lorient vs Olympique Lyonnais",
        "Le ministre et Roman Prymula",
        "Andrej Babiš et Roman Prymula",
        "L’intestin et le tube digestif",
        "Les pays et Dublin II",
        "Microsoft en embuscade",
        "Qu’en est-il de l’immigration clandestine en Europe\u202f?",
    ],
)
def test_french_texts_pass(text: str) -> None:
    assert language_of(text) == (True, None)


def test_language_violations_are_located_per_field_and_paragraph() -> None:
    article = make(
        title="Here is your SEO article about OpenAI",
        slug="openai-board-fires-ceo-sam-altman",
        sections=[
            Section(
                heading="The board and the CEO",
                paragraphs=[
                    REAL[1],
                    "The board said that Altman was not consistently candid in his "
                    "communications with the board.",
                ],
            )
        ],
        faq=[FaqItem(question="Who is Sam Altman?", answer=REAL[0])],
    )
    violations = check_language(article)
    assert hard(violations) == [
        ("language", "title", None),
        ("language", "slug", None),
        ("language", "sections[0].heading", None),
        ("language", "sections[0]", 1),
        ("language", "faq[0]", None),
    ]
    paragraph = violations[3]
    assert paragraph.hint_fr.startswith("Réécris le paragraphe 2 de la section 1 en français")
    assert "anglais" in paragraph.message_fr and "English" in paragraph.message_en
    assert check_language(make()) == []


def test_a_french_slug_without_accents_passes() -> None:
    # "episode", "telenovela", "retourne" lose their accents in a slug; names are skipped.
    article = make(
        title="L’Épisode 3 de la Télénovela de l’IA : Sam Altman retourne chez OpenAI",
        slug="ia-episode-3-telenovela-sam-altman-retourne-maison-openai-microsoft",
    )
    assert check_language(article) == []
