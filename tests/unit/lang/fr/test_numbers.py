"""The fact check's word tables (plume.lang.fr.numbers)."""

from __future__ import annotations

from decimal import Decimal

from plume.lang.fr.numbers import (
    MONTHS,
    MONTHS_EN,
    SCALES,
    SCALES_EN,
    SPELLED,
    SPELLED_EN,
    WEEKDAYS,
    WEEKDAYS_EN,
)


def test_months_and_weekdays() -> None:
    assert sorted(MONTHS.values()) == list(range(1, 13))
    assert all(m.isascii() for m in MONTHS)  # keyed without accents: "fevrier", "aout"
    assert set(MONTHS_EN.values()) == set(range(1, 13))
    assert len(WEEKDAYS) == 7 and list(WEEKDAYS_EN.values()) == list(WEEKDAYS)


def test_scales_read_billion_the_english_way() -> None:
    assert SCALES["milliard"] == SCALES_EN["billion"] == Decimal(10) ** 9
    assert SPELLED["douze"] == SPELLED_EN["twelve"] == 12
