"""The files one optimisation run produces, the same for the CLI, the studio and batch mode."""

from __future__ import annotations

from plume.optimisation import OptimiseReport
from plume.render.html import render_html
from plume.render.markdown import render_markdown

__all__ = ["OUTPUT_FILES", "render_outputs"]

#: File names, in the order they are written and listed.
OUTPUT_FILES = ("article.md", "article.html", "report.json")


def render_outputs(result: OptimiseReport) -> dict[str, str]:
    """``{file name: content}`` for ``article.md``, ``article.html`` and ``report.json``."""
    return {
        "article.md": render_markdown(result.article),
        "article.html": render_html(result.article),
        "report.json": result.model_dump_json(indent=2) + "\n",
    }
