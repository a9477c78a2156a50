"""Grounding: the share of a sentence's content words whose stem is in its source."""

from __future__ import annotations

import re

import pytest

from plume.lang.fr import rewrite_prompts
from plume.verify.grounding import content_stems, grounded_share

SOURCE = (
    "Le conseil municipal de Vannes a voté mardi soir la rénovation de la halle aux poissons, "
    "fermée depuis 2019."
)


def test_content_words_only_folded_and_stemmed() -> None:
    # Function words ("le", "de", "aux", "depuis"…), short words and numbers are left out.
    assert content_stems(SOURCE) == [
        "conse",
        "munic",
        "vanne",
        "vote",
        "mardi",
        "soir",
        "renov",
        "halle",
        "poiss",
        "ferme",
    ]
    assert content_stems("Élus ÉLUS élus") == content_stems("elus elus elus")


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        # A paraphrase: word families joined by the stem (rénovée/rénovation, municipaux).
        ("La halle aux poissons de Vannes, fermée depuis 2019, sera rénovée.", 0.99, 1.0),
        ("Les élus municipaux ont approuvé mardi la rénovation de la halle.", 0.6, 0.9),
        # Made up of common words: nothing of it in the source.
        ("Le maire a décidé de repeindre la gare en bleu.", 0.0, 0.01),
    ],
)
def test_share_of_grounded_content_words(sentence: str, low: float, high: float) -> None:
    share = grounded_share(sentence, SOURCE)
    assert share is not None and low <= share <= high
    assert grounded_share(sentence, frozenset(content_stems(SOURCE))) == share


def test_no_content_word_is_no_measure() -> None:
    assert grounded_share("Il y en a 12.", SOURCE) is None
    assert grounded_share("", SOURCE) is None


def test_the_few_shot_paraphrases_are_grounded_at_half_or_more() -> None:
    """The calibration's human side: plume's own few-shot examples, written as real
    paraphrases, score 0.5–1.0 (the base-model bar, 0.75, is stricter on purpose)."""
    pairs = re.findall(r"Original : (.*)\nRéécrit : (.*)", rewrite_prompts()["paraphrase"])
    assert len(pairs) == 3
    for original, rewritten in pairs:
        for sentence in re.split(r"(?<=\.) ", rewritten):
            share = grounded_share(sentence, original)
            assert share is not None and share >= 0.5, sentence
