"""Which analyser checks fail a rewrite (plume.verify.policy)."""

from __future__ import annotations

from plume.report import Rating
from plume.verify import HARD_CHECKS, hard_check_fails


def test_hard_checks_fail_on_orange_and_red() -> None:
    assert HARD_CHECKS["SEO-KP-TITLE"] == "seo_title"
    assert hard_check_fails("SEO-KP-TITLE", Rating.BAD)
    assert hard_check_fails("SEO-KP-TITLE", Rating.OK)
    assert not hard_check_fails("SEO-KP-TITLE", Rating.GOOD)
    assert not hard_check_fails("SEO-KP-TITLE", Rating.NA)


def test_text_length_fails_only_when_red() -> None:
    assert hard_check_fails("SEO-TEXT-LENGTH", Rating.BAD)
    assert not hard_check_fails("SEO-TEXT-LENGTH", Rating.OK)


def test_other_checks_never_fail_a_rewrite() -> None:
    assert not hard_check_fails("RD-PASSIVE", Rating.BAD)
