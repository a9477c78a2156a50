"""Words of the support check: ranks are numbers of their own, synonyms are data."""

from __future__ import annotations

import pytest

from plume.verify.support.words import number_value, word_keys


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("4e", "4e"),
        ("4ème", "4e"),
        ("quatrième", "4e"),
        ("124e", "124e"),
        ("1er", "1e"),
        ("Première", "1e"),
        ("deuxièmes", "2e"),
        # a count is not a rank
        ("4", "4"),
        ("quatre", "4"),
        ("épisode", None),
    ],
)
def test_ranks_are_numbers_apart_from_counts(word: str, value: str | None) -> None:
    assert number_value(word) == value


@pytest.mark.parametrize(
    ("a", "a_pos", "b", "b_pos"),
    [
        ("supplanté", "VERB", "remplacé", "VERB"),
        ("démission", "NOUN", "quitté", "VERB"),
        ("entrecroise", "VERB", "mêle", "VERB"),
        ("revendication", "NOUN", "demande", "NOUN"),
    ],
)
def test_listed_paraphrases_share_a_key(a: str, a_pos: str, b: str, b_pos: str) -> None:
    assert word_keys(a, a_pos) & word_keys(b, b_pos)


def test_unlisted_words_do_not() -> None:
    assert not word_keys("refuser", "VERB") & word_keys("rejeter", "VERB")
