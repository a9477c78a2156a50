"""Readability formulas: Flesch–Kandel & Moles, LIX, bands, and Yoast's rounding."""

from __future__ import annotations

import math

import pytest

from plume.analyse import formulas as F


class TestFleschKandelMoles:
    def test_formula(self) -> None:
        # 100 words, 5 sentences, 150 syllables: 207 − 1.015 × 20 − 73.6 × 1.5 = 76.3
        assert F.flesch_kandel_moles(100, 5, 150) == pytest.approx(76.3)

    def test_longer_sentences_score_lower(self) -> None:
        assert F.flesch_kandel_moles(100, 4, 150) < F.flesch_kandel_moles(100, 5, 150)

    def test_longer_words_score_lower(self) -> None:
        assert F.flesch_kandel_moles(100, 5, 160) < F.flesch_kandel_moles(100, 5, 150)

    def test_not_clamped(self) -> None:
        # One-syllable words in two-word sentences: above 100 before clamping.
        raw = F.flesch_kandel_moles(10, 5, 10)
        assert raw == pytest.approx(207 - 2.03 - 73.6)
        assert raw > 100
        assert F.clamp_flesch(raw) == 100
        assert F.clamp_flesch(-12.0) == 0

    @pytest.mark.parametrize(("words", "sentences"), [(0, 1), (10, 0), (-1, 2)])
    def test_rejects_empty_counts(self, words: int, sentences: int) -> None:
        with pytest.raises(ValueError):
            F.flesch_kandel_moles(words, sentences, 10)


class TestFleschBands:
    @pytest.mark.parametrize(
        ("score", "key"),
        [
            (100, "very_easy"),
            (90, "very_easy"),  # lower bounds are inclusive, as in yoastseo
            (89.9, "easy"),
            (80, "easy"),
            (79.9, "fairly_easy"),
            (70, "fairly_easy"),
            (60, "standard"),
            (59.9, "fairly_difficult"),
            (50, "fairly_difficult"),
            (49.9, "difficult"),
            (30, "difficult"),
            (29.9, "very_difficult"),
            (0, "very_difficult"),
            (-40, "very_difficult"),  # clamped to 0
            (130, "very_easy"),  # clamped to 100
        ],
    )
    def test_band(self, score: float, key: str) -> None:
        assert F.flesch_band(score).key == key

    def test_bands_are_named_in_french(self) -> None:
        assert F.flesch_band(55).fr == "assez difficile"
        assert F.flesch_band(65).fr == "standard"
        assert F.flesch_band(95).fr == "très facile"

    def test_bands_are_ordered_and_complete(self) -> None:
        lows = [b.low for b in F.FLESCH_BANDS]
        assert lows == sorted(lows, reverse=True)
        assert lows[-1] == -math.inf
        assert len({b.key for b in F.FLESCH_BANDS}) == len(F.FLESCH_BANDS)


class TestLix:
    def test_formula(self) -> None:
        # 100 words, 5 sentences, 40 long words: 20 + 40 = 60
        assert F.lix(100, 5, 40) == pytest.approx(60.0)
        assert F.lix(120, 8, 30) == pytest.approx(15 + 25)

    def test_rejects_empty_counts(self) -> None:
        with pytest.raises(ValueError):
            F.lix(0, 1, 0)
        with pytest.raises(ValueError):
            F.lix(5, 0, 0)

    @pytest.mark.parametrize(
        ("score", "key"),
        [
            (25, "very_easy"),
            (29.9, "very_easy"),
            (30, "easy"),
            (40, "medium"),
            (49.9, "medium"),
            (50, "difficult"),
            (59.9, "difficult"),
            (60, "very_difficult"),
            (75, "very_difficult"),
        ],
    )
    def test_band(self, score: float, key: str) -> None:
        assert F.lix_band(score).key == key

    def test_medium_band_is_newspaper_text(self) -> None:
        assert F.lix_band(45).fr == "moyen"
        assert "presse" in F.lix_band(45).example_fr


class TestLongWords:
    @pytest.mark.parametrize(
        ("token", "expected"),
        [
            ("maison", False),  # 6 letters: not long
            ("maisons", True),  # 7
            ("porte-parole", True),  # hyphen is not a letter, 11 letters
            ("aujourd’hui", True),  # 10 letters
            ("l’eau", False),
            ("été.", False),
            ("2024-2025", False),  # no letters at all
            ("«Bonjour»,", True),  # punctuation ignored, 7 letters
            ("élève", False),
            ("Élèves", False),  # 6 letters, accents count once
            ("Éléphant", True),
        ],
    )
    def test_more_than_six_letters(self, token: str, expected: bool) -> None:
        assert F.is_long_word(token) is expected

    def test_count_in_text(self) -> None:
        text = "L’entreprise réunit ses salariés aujourd’hui, à 9 h."
        # L’entreprise (11 letters), salariés (8), aujourd’hui (10); réunit has 6.
        assert F.count_long_words(text) == 3

    def test_count_ignores_spacing(self) -> None:
        assert F.count_long_words("  maisons\u00a0 jardins\n\nvoitures ") == 3
        assert F.count_long_words("") == 0


class TestYoastRounding:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (25.0, 25.0),
            (25.04, 25.0),  # still green in yoastseo: rounded before the comparison
            (25.05, 25.1),
            (2.25, 2.3),  # JavaScript rounds halves up; Python's round() would give 2.2
            (33.333333, 33.3),
            (0.0, 0.0),
        ],
    )
    def test_yoast_round(self, value: float, expected: float) -> None:
        assert F.yoast_round(value) == pytest.approx(expected)

    def test_percentage(self) -> None:
        assert F.percentage(1, 4) == 25.0
        assert F.percentage(1, 3) == pytest.approx(33.3)
        assert F.percentage(2, 3) == pytest.approx(66.7)
        assert F.percentage(3, 0) == 0.0
