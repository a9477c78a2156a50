"""Helpers shared by the SEO checks: Yoast verdicts and scores, keyphrase coverage, the SEO title.

Scores stay on Yoast's 0–9 scale; Yoast's negative scores (−10 … −999) become 1 or 0 and the
original is kept in ``value["yoast_score"]`` (see :mod:`plume.analyse.checks.seo`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from plume.analyse.checks.base import Context, Verdict
from plume.analyse.researches import Heading, Research
from plume.report import Msg, Rating, Span

__all__ = ["YOAST", "percent_words", "seo_title", "topic_phrases", "verdict", "word_matches"]

#: The source of every SEO threshold, with the assessment's name in braces.
YOAST = "Yoast SEO (yoastseo 3.6.0, {})"


def _score(yoast: int) -> int:
    """Yoast's score on our 0–9 scale: negatives (−10, −20, −50, −999) become 1 or 0."""
    if yoast >= 0:
        return yoast
    return 1 if yoast >= -10 else 0


def _rating(yoast: int) -> Rating:
    """Yoast's traffic light for a score (SCORING SEO.md: ≤ 4 red, 5–7 orange, 8–9 green)."""
    if yoast >= 8:
        return Rating.GOOD
    if yoast >= 5:
        return Rating.OK
    return Rating.BAD


def verdict(
    yoast: int,
    msg: Msg,
    hint: Msg | None = None,
    *,
    spans: Iterable[Span] = (),
    value: dict[str, Any] | None = None,
) -> Verdict:
    """A verdict from a Yoast score; the original score is kept in ``value["yoast_score"]``."""
    val = dict(value or {})
    val["yoast_score"] = yoast
    ordered = tuple(sorted(spans, key=lambda s: (s.start, s.end)))
    return Verdict(_rating(yoast), _score(yoast), msg, hint, spans=ordered, value=val)


def topic_phrases(ctx: Context) -> list[str]:
    assert ctx.keyphrase is not None
    return [ctx.keyphrase, *ctx.synonyms]


def word_matches(r: Research, phrase: str, text: str) -> tuple[list[str], list[str]]:
    """The content words of ``phrase`` found anywhere in ``text`` (any form), and those missing."""
    found: list[str] = []
    missing: list[str] = []
    for w in r.matcher(phrase).content_words:
        (found if r.matcher(w).in_text(text) else missing).append(w)
    return found, missing


def percent_words(r: Research, phrases: Sequence[str], text: str) -> int:
    """Yoast ``findTopicFormsInString``: the best share (rounded %) of a phrase's content words found
    in ``text``, over the keyphrase and its synonyms."""
    best = 0
    for phrase in phrases:
        found, missing = word_matches(r, phrase, text)
        total = len(found) + len(missing)
        if total:
            best = max(best, round(100 * len(found) / total))
    return best


def _h1(r: Research) -> Heading | None:
    return next((h for h in r.headings if h.level == 1), None)


def seo_title(r: Research, ctx: Context) -> tuple[str | None, str | None, Heading | None]:
    """The SEO title, where it comes from ("meta" or "h1") and the H1 when it is the title.

    Yoast's default SEO title template is the post title (``%%title%%``; the separator and site name
    are left out of its width measurement), so without ``--title`` the H1 stands in for it."""
    if ctx.meta.title and ctx.meta.title.strip():
        return ctx.meta.title.strip(), "meta", None
    h1 = _h1(r)
    if h1 is not None and h1.text.strip():
        return h1.text.strip(), "h1", h1
    return None, None, None
