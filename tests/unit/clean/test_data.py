"""The cleaner's language data (``plume.clean.data``)."""

from __future__ import annotations

import unicodedata
from importlib.resources import files

import pytest

from plume.clean.data import abbreviations, function_words, patterns
from plume.lang.fr import load_french, read_list

_DATA = sorted(
    p.name for p in files("plume.lang.fr").joinpath("data").iterdir() if p.name.startswith("clean_")
)


def test_the_data_files_exist() -> None:
    assert _DATA == [
        "clean_abbreviations_extra.txt",
        "clean_boilerplate.txt",
        "clean_boilerplate_boxes.txt",
        "clean_boilerplate_notices.txt",
        "clean_boilerplate_suffix.txt",
        "clean_boilerplate_tail.txt",
        "clean_cut_words.txt",
        "clean_glued_before_name.txt",
        "clean_ligatures.txt",
        "clean_markers_en.txt",
        "clean_markers_fr.txt",
        "clean_prefixes.txt",
        "clean_protected_tokens.txt",
        "clean_stray_stop_next.txt",
        "clean_suffixes.txt",
    ]


@pytest.mark.parametrize("name", _DATA)
def test_data_files_are_clean_lists(name: str) -> None:
    entries = read_list(name)
    assert entries, name
    assert len(entries) == len(set(entries)), f"duplicates in {name}"
    for e in entries:
        assert unicodedata.is_normalized("NFC", e), e
        assert "'" not in e, f"{name}: straight apostrophe in {e!r} (write ’)"
    if "boilerplate" in name:
        assert len(patterns(name)) == len(entries)


def test_abbreviations_merge_the_shared_list_and_the_cleaners() -> None:
    abbrs = abbreviations()
    assert set(abbrs) == set(read_list("abbreviations.txt")) | set(
        read_list("clean_abbreviations_extra.txt")
    )
    assert len(abbrs) == len(set(abbrs))
    assert "etc." in abbrs and "M." in abbrs and "p. ex." in abbrs and "dir." in abbrs
    assert list(abbrs) == sorted(abbrs, key=len, reverse=True)


def test_function_words_are_the_analysers_list() -> None:
    words = function_words()
    assert words == load_french().function_words
    assert {"le", "la", "de", "qui", "l'"} <= words
