"""The quotation-marks guard (plume.verify.guards.quotes)."""

from __future__ import annotations

import pytest

from plume.article import Section
from plume.text import orphan_quotes
from plume.verify.guards import (
    find_orphan_quotes,
    run_guards,
)
from tests.unit.verify.guards.conftest import REAL, make


def test_a_quotation_never_closed_or_never_opened_is_hard() -> None:
    opened = "Sam Altman a déclaré : « J’aime OpenAI, et je reviendrai."
    closed = "Microsoft s’est dit prêt à l’accueillir »."
    article = make(
        intro=[opened, REAL[0]],
        sections=[Section(heading="Microsoft en « embuscade", paragraphs=[REAL[1], closed])],
    )
    found = find_orphan_quotes(article)
    assert [(v.guard, v.field, v.paragraph, v.hard) for v in found] == [
        ("quotes", "intro", 0, True),
        ("quotes", "sections[0].heading", None, True),
        ("quotes", "sections[0]", 1, True),
    ]
    assert found[0].excerpt.startswith("…") is False and "« J’aime" in found[0].excerpt
    assert "»" in found[2].message_fr and "\u00a0:" in found[0].message_fr
    assert not run_guards(article, []).passed


def test_a_quotation_may_run_over_paragraphs_of_one_section() -> None:
    """Corpus 11: a statement quoted over one long paragraph, which plume splits in two."""
    article = make(
        sections=[
            Section(
                heading="La déclaration",
                paragraphs=[
                    "Le président déclare : « La parution du décret constitue une avancée.",
                    "Les statuts sont le fruit d’un travail collectif. »",
                ],
            )
        ]
    )
    assert find_orphan_quotes(article) == []


@pytest.mark.parametrize(
    ("text", "orphans"),
    [
        ("Il dit « oui » puis « non ».", ""),
        ("Il dit « oui puis non.", "«"),
        ("Il dit oui » puis « non ».", "»"),
        ("« Il a dit “ça suffit” » et « basta", "«"),
        ("Mal imbriqués : « “ » ”", "«»"),  # » closes nothing open on top; « stays open
        ('Des "guillemets droits" seuls "ne comptent pas.', ""),
    ],
)
def test_orphan_quotation_marks(text: str, orphans: str) -> None:
    found = orphan_quotes(text)
    assert "".join(text[i] for i in found) == orphans
    if orphans == "«":  # the last opening mark, never closed
        assert found == [text.rindex("«")]
