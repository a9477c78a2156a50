"""The word-target guard: the body reaches the editor's word target."""

from __future__ import annotations

from plume.article import Article
from plume.report import Msg
from plume.verification import GuardViolation

__all__ = ["check_word_target"]


def check_word_target(article: Article, min_words: int | None) -> list[GuardViolation]:
    """The body reaches ``min_words`` words (counted as the analyser counts them)."""
    if not min_words:
        return []
    words = article.word_count
    missing = min_words - words
    if missing <= 0:
        return []
    return [
        GuardViolation.of(
            "word_target",
            "article",
            hard=True,
            message=Msg(
                f"L’article compte {words} mots : il en manque {missing} pour atteindre "
                f"{min_words}.",
                f"The article has {words} words: {missing} short of {min_words}.",
            ),
            excerpt="",
            hint=Msg(
                f"Développe les sections d’environ {missing} mots au total, uniquement avec "
                "des faits des sources, sans répétition ni formule creuse.",
                f"Expand the sections by about {missing} words in total, only with facts "
                "from the sources, without repetition or empty phrases.",
            ),
        )
    ]
