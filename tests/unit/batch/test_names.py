"""Output folder names: safe, unique whatever the input order, never outside OUTDIR."""

from __future__ import annotations

from pathlib import Path

import pytest

from plume.batch.names import assign_names, inside, safe_name


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Élections 2024", "Élections 2024"),
        ("E\u0301lections", "Élections"),  # NFD → NFC: one folder for both spellings
        ("..", "article"),
        ("../../etc/passwd", "etc_passwd"),
        ("a/b\\c", "a_b_c"),
        (".cache", "cache"),
        ("ligne\nnouvelle\x1b[31m", "ligne_nouvelle_[31m"),
        ("right\u202eto-left", "right_to-left"),
        ("CON", "_CON"),
        ("  ", "article"),
        ("a..b", "a_b"),
    ],
)
def test_safe_name(raw: str, expected: str) -> None:
    assert safe_name(raw) == expected


def test_safe_name_is_bounded_in_bytes_and_keeps_whole_characters() -> None:
    name = safe_name("é" * 500)
    assert len(name.encode("utf-8")) <= 120 and set(name) == {"é"}


def test_collisions_are_disambiguated_whatever_the_order() -> None:
    wanted = [("article", "/a/article.txt"), ("Article", "/b/article.txt"), ("x", "/x.txt")]
    first = assign_names(wanted)
    second = assign_names(list(reversed(wanted)))
    assert first == list(reversed(second))
    assert len({n.casefold() for n in first}) == 3
    assert first[0] == "article" and first[1].startswith("Article-") and first[2] == "x"


def test_inside_refuses_escapes_and_planted_symlinks(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    assert inside(out, "a b") == out.resolve() / "a b"
    (out / "evil").symlink_to(tmp_path)
    for bad in ("..", "../x", "a/b", "evil", ""):
        with pytest.raises(ValueError):
            inside(out, bad)
