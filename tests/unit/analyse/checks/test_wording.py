"""Wording helpers of the checks' messages (plume.analyse.checks.wording)."""

from __future__ import annotations

from plume.analyse.checks.wording import (
    NNBSP,
    num_en,
    num_fr,
    percent_fr,
    plural_en,
    plural_fr,
    quoted_en,
    quoted_fr,
)


def test_plurals() -> None:
    assert [plural_fr(n, "mot") for n in (0, 1, 2)] == ["mot", "mot", "mots"]
    assert plural_fr(2, "reprend", "reprennent") == "reprennent"
    assert [plural_en(n, "word", "words") for n in (0, 1, 2)] == ["words", "word", "words"]


def test_numbers() -> None:
    assert (num_en(3.50), num_fr(3.50), num_fr(2.0), num_fr(1.234, 2)) == (
        "3.5",
        "3,5",
        "2",
        "1,23",
    )
    assert percent_fr(2.0) == f"2,0{NNBSP}%"  # always one decimal, as Yoast shows the density
    assert percent_fr(0.456, 2) == f"0,46{NNBSP}%"


def test_quoted_lists() -> None:
    assert quoted_fr(["a", "b"]) == "« a », « b »"  # spaced with the message, by its Verdict
    assert quoted_en(["a", "b"]) == '"a", "b"'
    assert quoted_fr([]) == quoted_en([]) == ""
