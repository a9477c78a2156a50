"""Deterministic headings: the section's own noun phrases, French sentence case, unique, ≤ 70."""

from __future__ import annotations

import re

import pytest

from plume.clean import clean
from plume.ingest import read_path
from plume.settings import Settings
from plume.write.headings import MAX_HEADING_CHARS, deterministic_heading
from plume.write.sections import plan_sections, split_long_paragraph
from tests.conftest import SEEDS

SECTION = [
    "Le vélo en ville n’est plus une affaire de militants. Les pistes cyclables se multiplient "
    "et le vélo en ville séduit les actifs.",
    "Les pistes cyclables séparées de la circulation rassurent les débutants.",
]


def test_keyphrase_first_with_the_authors_determiner() -> None:
    h = deterministic_heading(SECTION, prefer="vélo en ville")
    assert h == "Le vélo en ville et les pistes cyclables"


def test_unique_against_used_headings() -> None:
    first = deterministic_heading(SECTION, prefer="vélo en ville")
    second = deterministic_heading(SECTION, used=[first], prefer="vélo en ville")
    assert second and second.casefold() != first.casefold()


def test_names_keep_their_case_and_take_no_article() -> None:
    h = deterministic_heading(
        [
            "Microsoft a recruté Sam Altman. Microsoft veut aussi les chercheurs d’OpenAI, "
            "et Sam Altman a accepté."
        ]
    )
    assert "Microsoft" in h and not h.startswith(("Le Microsoft", "La Microsoft"))


def test_conventions_on_every_seed_section() -> None:
    s = Settings()
    for path in SEEDS:
        doc = clean(read_path(path, s), s).document
        paras = [p for b in doc.blocks if not b.is_heading for p in split_long_paragraph(b.text)]
        used: list[str] = []
        for group in plan_sections(paras):
            section = [paras[i] for i in group]
            h = deterministic_heading(section, used)
            assert h and len(h) <= MAX_HEADING_CHARS, (path.name, h)
            assert h[0].isupper() and not h.endswith("."), h
            assert h.casefold() not in {u.casefold() for u in used}, h
            # Faithful: every word of the heading but "et" is in the section.
            text = " ".join(section).casefold().replace("'", "’")
            for word in re.findall(r"\w+", h.casefold()):
                assert word == "et" or word in text, (h, word)
            used.append(h)


# --- author headings over 70 characters ---------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        (
            "Les implications financières et technologiques du départ d’Altman d’OpenAI vers Microsoft",
            "Les implications financières et technologiques du départ d’Altman",
        ),
        (
            "L’action de Microsoft s’envole après l’extension du partenariat avec OpenAI",
            "L’action de Microsoft s’envole après l’extension du partenariat",
        ),
        ("Un intertitre court", "Un intertitre court"),
    ],
)
def test_long_author_headings_are_cut_before_a_complement(heading: str, expected: str) -> None:
    from plume.write.headings import MAX_HEADING_CHARS, shorten_heading

    assert shorten_heading(heading) == expected
    assert len(shorten_heading(heading)) <= MAX_HEADING_CHARS


def test_heading_without_a_cut_point_is_cut_on_a_word_never_on_an_article() -> None:
    from plume.write.headings import shorten_heading

    heading = "Anticonstitutionnellement " * 3 + "la réforme les retraites les mesures les choix"
    short = shorten_heading(heading)
    assert len(short) <= 70 and heading.startswith(short)
    assert short.split()[-1] not in {"la", "les"}
