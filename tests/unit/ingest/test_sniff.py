"""``plume.ingest.sniff.uses_markdown``: Markdown pasted as plain text is recognised; text that
merely holds a ``*`` or a ``[`` is not taken for Markdown."""

from __future__ import annotations

import pytest

from plume.ingest.sniff import uses_markdown


@pytest.mark.parametrize(
    "text",
    [
        "La mairie annonce **trois cents bornes** pour 2027.",
        "Selon [le communiqué](https://nantes.fr/communique), les travaux commencent.",
        "Le livre *Le charme discret de l’intestin* a tout changé.",
        "Un __gras souligné__ à l’ancienne.",
        "Voir <https://www.insee.fr/fr/statistiques> pour les chiffres.",
        "Le chapeau.\n\n## Un intertitre\n\nLe texte.",
    ],
)
def test_markdown_is_recognised(text: str) -> None:
    assert uses_markdown(text)


@pytest.mark.parametrize(
    "text",
    [
        "Le calcul est simple : 5 * 3 = 15, et 2 * 4 = 8.",
        "Il écrit « je suis » [sic] dans sa lettre [1].",
        "Les fichiers rapport_final_v2 et note_interne sont joints.",
        "Prix indicatif* (*hors taxes)",
        "#MeToo a changé le débat, dit-elle.",
        "- une liste\n- à puces\n1. et numérotée",
    ],
)
def test_text_with_stars_or_brackets_is_not_markdown(text: str) -> None:
    assert not uses_markdown(text)
