"""The source's bold, italics and links, written again around their phrases (issue 17).

The marks travel as phrases (:class:`~plume.document.Mark`); :func:`plume.document.place_marks`
finds each one in the article's body, and the renderers write the text of a paragraph, list
item or quotation line through :func:`nest`, which escapes the plain parts and wraps the marked
ones (Markdown ``**…**``, ``*…*``, ``[…](…)``; HTML ``<strong>``, ``<em>``, ``<a href>``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from urllib.parse import urlsplit

from plume.article import Article
from plume.document import Mark, PlacedMark, place_marks
from plume.optimisation import marked_texts

__all__ = ["Spans", "nest", "safe_href", "spans_by_text"]

#: The marks of a text: spans into that text, outer before inner.
Spans = dict[str, list[PlacedMark]]


def spans_by_text(article: Article, marks: Sequence[Mark]) -> Spans:
    """Each text of ``article`` that holds marks (:func:`plume.optimisation.marked_texts`) →
    its spans, outer first; a text of several lines (a quotation) also has an entry per line,
    as the renderers write it."""
    texts = marked_texts(article)
    out: Spans = {}
    for p in place_marks(marks, texts):
        out.setdefault(texts[p.index], []).append(p)
    for text, spans in list(out.items()):
        spans.sort(key=lambda s: (s.start, -s.end))
        pos = 0
        for line in text.split("\n"):
            end = pos + len(line)
            inside = [
                PlacedMark(s.index, s.start - pos, s.end - pos, s.mark)
                for s in spans
                if pos <= s.start and s.end <= end
            ]
            if inside and line != text:
                out.setdefault(line, inside)
            pos = end + 1
    return out


def safe_href(href: str) -> str | None:
    """``href`` when a reader can follow it safely (http, https or relative), else None."""
    scheme = urlsplit(href.strip()).scheme.lower()
    return href.strip() if href.strip() and scheme in ("", "http", "https") else None


def nest(
    text: str,
    spans: Sequence[PlacedMark],
    plain: Callable[[str], str],
    wrap: Callable[[Mark, str], str],
) -> str:
    """``text`` with ``spans`` (sorted outer first, never crossing) wrapped by ``wrap`` around
    their content, everything else through ``plain`` (the format's escaping, applied once)."""
    out: list[str] = []
    pos = 0
    i = 0
    while i < len(spans):
        s = spans[i]
        j = i + 1
        while j < len(spans) and spans[j].start < s.end:
            j += 1  # spans inside this one
        inner = [
            PlacedMark(t.index, t.start - s.start, t.end - s.start, t.mark)
            for t in spans[i + 1 : j]
        ]
        out.append(plain(text[pos : s.start]))
        out.append(wrap(s.mark, nest(text[s.start : s.end], inner, plain, wrap)))
        pos = s.end
        i = j
    out.append(plain(text[pos:]))
    return "".join(out)
