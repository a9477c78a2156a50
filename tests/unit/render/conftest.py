"""A realistic French article for the renderer tests (text written for these tests)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from plume.article import Article, ArticleKind, FaqItem, Section

PARIS_WINTER = timezone(timedelta(hours=1))
NNBSP = "\u202f"


def french_article(**changes: object) -> Article:
    """A news article on a (fictional) Lyon cycle lane, with French typography: « », U+202F, ’."""
    article = Article(
        title="Lyon ouvre sa première voie cyclable express entre Gerland et la Part-Dieu",
        seo_title="Voie cyclable express à Lyon : ce qui change",
        meta_description=(
            f"La métropole de Lyon inaugure une voie cyclable express de 7{NNBSP}km. "
            "Tracé, calendrier et coût : tout ce qu’il faut savoir avant d’enfourcher son vélo."
        ),
        slug="lyon-voie-cyclable-express",
        keyphrase="voie cyclable express",
        synonyms=["piste cyclable", "vélo à Lyon"],
        kind=ArticleKind.NEWS,
        date_published=datetime(2026, 11, 23, 9, 30, tzinfo=PARIS_WINTER),
        date_modified=datetime(2026, 11, 23, 14, 5, tzinfo=PARIS_WINTER),
        author="Camille Martin",
        intro=[
            f"La métropole de Lyon a inauguré lundi sa première voie cyclable express{NNBSP}: "
            f"7{NNBSP}km entre Gerland et la Part-Dieu, sans croisement avec les voitures.",
            f"« C’est un changement d’échelle », a déclaré l’adjointe aux mobilités{NNBSP}!",
        ],
        sections=[
            Section(
                heading="Un tracé pensé pour les trajets domicile-travail",
                paragraphs=[
                    "La voie longe le Rhône puis remonte vers la gare. Elle est large de "
                    f"4{NNBSP}mètres et éclairée la nuit.",
                ],
            ),
            Section(
                heading="Combien coûte la voie cyclable express\u202f?",
                level=3,
                paragraphs=[f"Le chantier a coûté 12{NNBSP}millions d’euros, selon la métropole."],
            ),
            Section(
                heading="Les commerçants partagés",
                paragraphs=[
                    "Certains commerçants de l’avenue craignent de perdre des places de livraison.",
                    "D’autres espèrent attirer une clientèle à vélo.",
                ],
            ),
        ],
        faq=[
            FaqItem(
                question=f"Quand la voie cyclable express ouvre-t-elle{NNBSP}?",
                answer="Elle est ouverte depuis le lundi 23 novembre 2026.",
            ),
            FaqItem(
                question=f"Les trottinettes y sont-elles autorisées{NNBSP}?",
                answer="Oui, les engins de déplacement personnel motorisés y sont autorisés.",
            ),
        ],
        reader_questions=[f"Prendrez-vous la voie express pour aller au travail{NNBSP}?"],
        sources=["Métropole de Lyon", "https://www.grandlyon.com/actualites/voie_express"],
    )
    return article.model_copy(update=changes)


@pytest.fixture
def article() -> Article:
    return french_article()
