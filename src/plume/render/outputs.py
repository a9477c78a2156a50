"""The files one optimisation run produces, the same for the CLI, the studio and batch mode.

A rewrite that did not meet every hard constraint is never presented as passing: by default
only ``report.json`` and ``article.draft.md`` (the last draft, marked as failing in its front
matter) are written; with ``allow_partial`` the article files are written too, marked as failing
(front matter ``plume_status``, an HTML ``<meta name="plume-status">`` and the failures listed).
"""

from __future__ import annotations

from html import escape

from plume.article import Article
from plume.optimisation import OptimiseReport, SourceMeta
from plume.render.html import render_html
from plume.render.markdown import render_markdown, yaml_string

__all__ = ["DRAFT_FILE", "OUTPUT_FILES", "render_outputs"]

#: File names, in the order they are written and listed.
OUTPUT_FILES = ("article.md", "article.html", "report.json")
#: The failing draft of a rewrite, written instead of ``article.md``.
DRAFT_FILE = "article.draft.md"
_FAILING = "échec"


def _mark_markdown(md: str, failures: list[str]) -> str:
    """Front matter gains ``plume_status: "échec"`` and ``plume_failures``."""
    head = ["---", f"plume_status: {yaml_string(_FAILING)}", "plume_failures:"]
    head += [f"  - {yaml_string(f)}" for f in failures] or ["  []"]
    body = md[len("---\n") :] if md.startswith("---\n") else "---\n" + md
    return "\n".join(head) + "\n" + body


def _mark_html(page: str, failures: list[str]) -> str:
    items = "".join(f"\n  - {escape(f)}" for f in failures)
    mark = (
        f'<meta name="plume-status" content="{_FAILING}">\n'
        f"<!-- plume : article en échec, à ne pas publier tel quel.{items}\n-->\n"
    )
    return page.replace("<head>\n", "<head>\n" + mark, 1)


def _with_source(result: OptimiseReport) -> tuple[Article, SourceMeta | None]:
    """The article as published and the source's metadata to render. In faithful mode the
    article is the source author's words, on the source's site: it is signed with the source's
    author when it has none. A rewrite is a new article: based on the source, but neither its
    author's nor its publisher's."""
    article, source = result.article, getattr(result, "source_meta", None)
    if source is None:
        return article, None
    if result.mode != "faithful":
        return article, source.model_copy(update={"author": None, "site_name": None})
    if source.author and not article.author:
        article = article.model_copy(update={"author": source.author})
    return article, source


def render_outputs(result: OptimiseReport, *, allow_partial: bool = False) -> dict[str, str]:
    """``{file name: content}``: ``article.md``, ``article.html`` and ``report.json`` — or, for
    a failing rewrite, the draft and the report (see the module docstring)."""
    report = result.model_dump_json(indent=2) + "\n"
    article, source = _with_source(result)
    inline = getattr(result, "inline", None)
    marks = inline.marks if inline is not None else []
    md = render_markdown(article, source, marks)
    if result.passed:
        return {
            "article.md": md,
            "article.html": render_html(article, source, marks),
            "report.json": report,
        }
    failures = result.rewrite.failures if result.rewrite else []
    if allow_partial:
        return {
            "article.md": _mark_markdown(md, failures),
            "article.html": _mark_html(render_html(article, source, marks), failures),
            "report.json": report,
        }
    return {DRAFT_FILE: _mark_markdown(md, failures), "report.json": report}
