"""Inline HTML emphasis and links inside Markdown ("<b>…</b>", "<a href>") are kept as the
Markdown ones are: they were dropped with their tags."""

from __future__ import annotations

from plume.document import MarkKind
from plume.ingest.markdown import inline_markdown


def test_html_bold_italic_and_links_in_a_markdown_line() -> None:
    text, links, _, marks = inline_markdown(
        'Le <b>chlorothalonil</b> est <em>interdit</em>, selon <a href="https://exemple.fr/x">'
        "l’OFAG</a> et **Berne**."
    )
    assert text == "Le chlorothalonil est interdit, selon l’OFAG et Berne."
    assert [(m.kind, m.text) for m in marks] == [
        (MarkKind.STRONG, "chlorothalonil"),
        (MarkKind.EM, "interdit"),
        (MarkKind.LINK, "l’OFAG"),
        (MarkKind.STRONG, "Berne"),
    ]
    assert [link.href for link in links] == ["https://exemple.fr/x"]


def test_an_unclosed_or_mismatched_tag_marks_nothing() -> None:
    text, _, _, marks = inline_markdown("Un <b>gras sans fin et un </i> égaré.")
    assert text == "Un gras sans fin et un égaré."
    assert marks == []
