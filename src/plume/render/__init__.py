"""Render stage: format a finished :class:`~plume.article.Article`; never compute content.

* :func:`render_markdown` — Markdown with YAML front matter (Hugo, Jekyll, Astro).
* :func:`render_html` — a standalone HTML5 page with Open Graph and JSON-LD.
* :func:`write_outputs` — atomic writing of the rendered files.
"""

from __future__ import annotations

from plume.render.files import write_outputs
from plume.render.html import render_html
from plume.render.markdown import render_markdown

__all__ = ["render_html", "render_markdown", "write_outputs"]
