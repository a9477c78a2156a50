"""Issue 3's acceptance on the five seeds, with the embedded model really running.

One Gemma 3 270M load for the five articles (≈ 2 s), then every heading, title and description
the model proposes is checked; the article must meet, on each seed: every field in French, at
least 700 words, at least 3 H2, no section over 300 words, a meta description of 120–156
characters, an SEO title within 600 px, no fact-check violation, plume's SEO score green.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from plume.analyse.pixels import SERP_TITLE_MAX_PX, text_width
from plume.backends import LocalBackend
from plume.ingest import read_path
from plume.optimisation import OptimiseReport
from plume.pipeline import OptimiseRequest, optimise
from plume.report import Rating
from plume.settings import Settings
from plume.text import count_words
from plume.verify.guards import run_guards
from tests.conftest import SEEDS

pytestmark = pytest.mark.slow

WHEN = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def optimised() -> dict[str, tuple[str, OptimiseReport]]:
    settings = Settings()
    backend = LocalBackend()
    out: dict[str, tuple[str, OptimiseReport]] = {}
    try:
        for path in SEEDS:
            doc = read_path(path, settings)
            request = OptimiseRequest(
                sources=(doc,), settings=settings, published=WHEN, model_name="gemma-3-270m"
            )
            result = optimise(request, backend=backend)
            out[path.name] = (doc.text, result)
    finally:
        backend.close()
    return out


@pytest.mark.parametrize("seed", [p.name for p in SEEDS], ids=lambda n: n[:3])
def test_seed_meets_the_acceptance_criteria(
    optimised: dict[str, tuple[str, OptimiseReport]], seed: str
) -> None:
    source, result = optimised[seed]
    article = result.article
    assert result.model is not None
    assert result.generated, "the model proposed nothing"

    assert article.word_count >= 700
    h2 = [s for s in article.sections if s.level == 2]
    assert len(h2) >= 3
    # A section is an H2 with the H3s under it: none runs over 300 words (Yoast's
    # subheading distribution), unless it is one paragraph the author wrote that long.
    for s in article.sections:
        words = sum(count_words(p) for p in s.paragraphs)
        assert words <= 300 or len(s.paragraphs) == 1, s.heading
        assert len(s.heading) <= 70 and not s.heading.endswith(".")
        assert s.heading[:1].isupper()
    headings = [s.heading.casefold() for s in article.sections]
    assert len(headings) == len(set(headings))
    assert 120 <= len(article.meta_description) <= 156
    assert text_width(article.seo_title) <= SERP_TITLE_MAX_PX
    assert result.fact_check.violations == []
    assert result.after.seo.rating is Rating.GOOD
    assert result.after.seo.value >= result.before.seo.value

    # Every field in French: the rewrite guards' language check, field by field.
    guards = run_guards(article, [source])
    language = [v for v in guards.violations if v.guard == "language"]
    assert language == [], [(v.field, v.excerpt) for v in language]


def test_model_runs_are_reproducible_on_a_warm_backend(
    optimised: dict[str, tuple[str, OptimiseReport]],
) -> None:
    """The same input gives the same output, even on a model already used for other articles
    (the studio keeps one warm): only a prompt asked again reuses the model's cache."""
    settings = Settings()
    path = SEEDS[0]
    backend = LocalBackend()
    try:
        for other in SEEDS[3:]:  # warm it up on different articles first
            warm_up = OptimiseRequest(
                sources=(read_path(other, settings),),
                settings=settings,
                published=WHEN,
                check_entities=False,
            )
            optimise(warm_up, backend=backend)
        request = OptimiseRequest(
            sources=(read_path(path, settings),), settings=settings, published=WHEN
        )
        again = optimise(request, backend=backend)
    finally:
        backend.close()
    first = optimised[path.name][1]
    assert again.article == first.article
    assert [g.text for g in again.generated] == [g.text for g in first.generated]
