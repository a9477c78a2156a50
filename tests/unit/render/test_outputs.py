"""The files of one optimisation run (``plume.render.outputs``): a failing rewrite is never
presented as passing."""

from __future__ import annotations

import json

from plume.article import Article
from plume.optimisation import OptimiseReport, RewriteOutcome, SourceMeta
from plume.render import OUTPUT_FILES, render_html, render_markdown, render_outputs
from plume.render.outputs import DRAFT_FILE

FAILURES = ["Mots : 610 sur 800", "Mot-clé absent de l’introduction"]


def _result(article: Article, *, passed: bool | None) -> OptimiseReport:
    rewrite = (
        None
        if passed is None
        else RewriteOutcome(passed=passed, plan_source="model", failures=[] if passed else FAILURES)
    )
    # Only the fields the renderer reads: the analysis reports are not its business.
    return OptimiseReport.model_construct(
        source="a.txt", keyphrase=article.keyphrase, words=0, article=article, rewrite=rewrite
    )


def test_a_passing_run_writes_the_three_files(article: Article) -> None:
    for passed in (None, True):
        files = render_outputs(_result(article, passed=passed))
        assert tuple(files) == OUTPUT_FILES
        assert files["article.md"] == render_markdown(article)
        assert files["article.html"] == render_html(article)
        assert json.loads(files["report.json"])["keyphrase"] == article.keyphrase


def test_a_failing_rewrite_writes_only_the_marked_draft(article: Article) -> None:
    files = render_outputs(_result(article, passed=False))
    assert list(files) == [DRAFT_FILE, "report.json"]
    draft = files[DRAFT_FILE]
    assert draft.startswith('---\nplume_status: "échec"\nplume_failures:\n  - "Mots : 610 sur 800"')
    assert draft.count("---\n") == 2  # one front matter, the marks inside it
    assert draft.endswith(render_markdown(article)[len("---\n") :])


def test_allow_partial_writes_the_articles_marked_as_failing(article: Article) -> None:
    files = render_outputs(_result(article, passed=False), allow_partial=True)
    assert tuple(files) == OUTPUT_FILES
    assert files["article.md"].startswith('---\nplume_status: "échec"\n')
    page = files["article.html"]
    assert '<head>\n<meta name="plume-status" content="échec">' in page
    assert "  - Mot-clé absent de l’introduction" in page


def test_faithful_article_is_signed_with_the_source_author(article: Article) -> None:
    unsigned = article.model_copy(update={"author": None})
    source = SourceMeta(
        author="Jeanne Corriveau", url="https://www.ledevoir.com/a-573258", site_name="Le Devoir"
    )
    result = _result(unsigned, passed=None).model_copy(update={"source_meta": source})
    files = render_outputs(result)
    assert 'author: "Jeanne Corriveau"' in files["article.md"]
    assert '"isBasedOn": "https://www.ledevoir.com/a-573258"' in files["article.html"]
    assert json.loads(files["report.json"])["source_meta"]["author"] == "Jeanne Corriveau"
    # A rewrite is not the source author's text: it is not signed with their name.
    assert '"name": "Le Devoir"' in files["article.html"]
    rewritten = render_outputs(result.model_copy(update={"mode": "rewrite"}))
    assert "Jeanne Corriveau" not in rewritten["article.md"]
    assert "Le Devoir" not in rewritten["article.html"]
    assert '"isBasedOn": "https://www.ledevoir.com/a-573258"' in rewritten["article.html"]
