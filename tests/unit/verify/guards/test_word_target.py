"""The word-target guard (plume.verify.guards.word_target)."""

from __future__ import annotations

from plume.verify.guards import (
    check_word_target,
)
from tests.unit.verify.guards.conftest import make


def test_word_target() -> None:
    article = make()
    words = article.word_count
    assert check_word_target(article, words) == []
    assert check_word_target(article, None) == []
    (v,) = check_word_target(article, words + 120)
    assert (v.guard, v.field, v.hard) == ("word_target", "article", True)
    assert "il en manque 120" in v.message_fr and "120" in v.hint_fr
