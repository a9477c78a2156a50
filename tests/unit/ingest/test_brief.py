"""The editor's brief: found only where an editor wrote one, parsed field by field."""

from __future__ import annotations

from pathlib import Path

import pytest

from plume.document import BlockKind
from plume.ingest import read_path, read_text
from plume.ingest.brief import parse_brief, split_brief
from plume.settings import Settings
from tests.unit.ingest.helpers import CORPUS, SEEDS, seed

SEED_000_BRIEF = (
    "Make this article seo compatible,Let there be subheadings for the article, be in french, "
    "create at least 700 words"
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            SEED_000_BRIEF,
            {"language": "fr", "min_words": 700, "subheadings": True, "seo": True},
        ),
        (
            "rédige au moins 800 mots en français avec des intertitres",
            {"language": "fr", "min_words": 800, "subheadings": True, "seo": None},
        ),
        (
            "Optimise cet article pour le SEO, 1 000 mots minimum",
            {"min_words": 1000, "seo": True, "language": None},
        ),
        ("mot-clé : voiture électrique", {"keyphrase": "voiture électrique"}),
        ("keyphrase: electric cars", {"keyphrase": "electric cars"}),
        (
            "Écris en français, avec des sous-titres, au moins 1200 mots",
            {"language": "fr", "subheadings": True, "min_words": 1200},
        ),
        ("Rédiger cet article en français avec des intertitres", {"language": "fr"}),
        (
            "Merci de rédiger 900 mots sur la voiture électrique, mot-clé : voiture électrique",
            {"min_words": 900, "keyphrase": "voiture électrique"},
        ),
        (
            'Write 1,000 words in French, keyphrase "electric cars", no subheadings',
            {
                "min_words": 1000,
                "language": "fr",
                "keyphrase": "electric cars",
                "subheadings": False,
            },
        ),
        (
            "Rédige entre 800 et 1.000 mots sans intertitres",
            {"min_words": 800, "subheadings": False},
        ),
        ("Consigne : 800 mots", {"min_words": 800}),
        ("Au moins 800 mots, en français, avec des intertitres", {"min_words": 800}),
        (
            "Rewrite the following text in English with H2 subheadings, 1500+ words",
            {"language": "en", "min_words": 1500, "subheadings": True},
        ),
        ("Écris un article de 2k mots", {"min_words": 2000}),
        ("redige au moins 700 mots", {"min_words": 700}),  # typed without accents
    ],
)
def test_briefs_are_detected_and_parsed(line: str, expected: dict[str, object]) -> None:
    brief = parse_brief(line)
    assert brief is not None, line
    assert brief.raw == line
    for field, value in expected.items():
        assert getattr(brief, field) == value, (field, brief)


@pytest.mark.parametrize(
    "line",
    [
        "Les 700 mots qui ont changé la France",
        "Écrire en français au XVIIe siècle",
        "Le SEO expliqué aux rédacteurs : optimisez vos articles",
        "Optimisez vos articles pour le SEO avec des intertitres",
        "Au moins 700 mots : le minimum pour le SEO ?",
        "Écrire 700 mots par jour : la méthode",
        "Mots-clés : comment les choisir pour votre site",
        "Créé en 1990, le festival compte 800 mots croisés et des intertitres",
        "Structure du marché automobile en 2024",
        "Pourquoi le SEO compte toujours en 2024",
        "Le référencement naturel demande au moins 1 000 mots selon certains experts.",
        "Le référencement en français exige au moins 1 000 mots, des intertitres et du soin.",
        "",
    ],
)
def test_ordinary_first_lines_are_not_briefs(line: str) -> None:
    assert parse_brief(line) is None


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("Rédige au moins 1 000 mots", 1000),
        ("Rédige au moins 1\u202f000 mots", 1000),
        ("Write at least 1,000 words", 1000),
        ("Write at least 1.000 words", 1000),
        ("Write at least 2,500 words", 2500),
        ("Rédige 600 mots maximum, au moins 400 mots", 400),  # the ceiling is not the minimum
    ],
)
def test_number_formats(text: str, n: int) -> None:
    brief = parse_brief(text)
    assert brief is not None and brief.min_words == n


def test_only_seed_000_opens_with_a_brief() -> None:
    files = sorted(SEEDS.glob("*.txt")) + sorted(CORPUS.glob("*"))
    assert len(files) == 21
    fired = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if parse_brief(line) is not None:
                fired.append((path.name, line[:40]))
    assert fired == [(seed("000").name, SEED_000_BRIEF[:40])]


def test_split_brief_removes_only_the_first_line() -> None:
    text = "\n  \nRédige au moins 800 mots en français\nLe vélo progresse.\nSuite.\n"
    brief, rest = split_brief(text)
    assert brief is not None and brief.min_words == 800
    assert rest == "Le vélo progresse.\nSuite.\n"
    same = "Le vélo progresse.\nRédige au moins 800 mots en français\n"
    assert split_brief(same) == (None, same)  # a brief is only ever the first line


def test_seed_000_brief_leaves_the_article(settings: Settings) -> None:
    doc = read_path(seed("000"), settings)
    assert doc.brief is not None and doc.brief.min_words == 700 and doc.brief.language == "fr"
    assert "seo compatible" not in doc.text
    assert doc.blocks[0].text.startswith("TLa mise en scène")
    assert all(b.kind is BlockKind.PARAGRAPH for b in doc.blocks)


def test_other_seeds_have_no_brief(settings: Settings) -> None:
    for prefix in ("001", "002", "003", "004"):
        assert read_path(seed(prefix), settings).brief is None


def test_markdown_brief_after_front_matter(settings: Settings) -> None:
    md = "---\ntitle: Vélo\nkeyphrase: vélo en ville\n---\n\nRédige au moins 800 mots\n\nLe vélo progresse en ville.\n"
    doc = read_text(md, settings, fmt="md")
    assert doc.brief is not None
    assert doc.brief.min_words == 800 and doc.brief.keyphrase == "vélo en ville"
    assert "Rédige" not in doc.text


def test_brief_alone_is_refused_with_a_clear_message(settings: Settings, tmp_path: Path) -> None:
    from plume.errors import EmptyInput

    f = tmp_path / "consigne.txt"
    f.write_text("Rédige au moins 800 mots en français avec des intertitres\n", encoding="utf-8")
    with pytest.raises(EmptyInput) as err:
        read_path(f, settings)
    assert "consigne" in err.value.message_fr and "brief" in err.value.message_en
