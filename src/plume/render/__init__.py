"""Render stage: format a finished :class:`~plume.article.Article`; never compute content.

* :func:`render_markdown` — Markdown with YAML front matter (Hugo, Jekyll, Astro).
* :func:`render_html` — a standalone HTML5 page with Open Graph and JSON-LD.
* :func:`write_outputs` — atomic writing of the rendered files.
* :func:`render_outputs` — the three files of an optimisation run (CLI, studio, batch).
"""

from __future__ import annotations

from plume.render.files import write_outputs
from plume.render.html import render_html
from plume.render.markdown import render_markdown
from plume.render.outputs import OUTPUT_FILES, render_outputs

__all__ = ["OUTPUT_FILES", "render_html", "render_markdown", "render_outputs", "write_outputs"]
