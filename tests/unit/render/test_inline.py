"""The source's bold, italics and links written again in ``article.md`` and ``article.html``
(``plume.render.inline``, ``marked_markdown``, ``marked_html``; issue 17)."""

from __future__ import annotations

import re
from html import unescape

from lxml import html as lxml_html
from markdown_it import MarkdownIt

from plume.article import Quote, Section
from plume.document import Mark, MarkKind, PlacedMark
from plume.render import render_html, render_markdown
from plume.render.html import marked_html
from plume.render.inline import nest, safe_href, spans_by_text
from plume.render.markdown import marked_markdown
from tests.unit.render.conftest import french_article

BOLD, EM, LINK = MarkKind.STRONG, MarkKind.EM, MarkKind.LINK


def _spans(text: str, *marks: Mark) -> list[PlacedMark]:
    article = french_article(intro=[text], sections=[], faq=[], key_points=[])
    return spans_by_text(article, marks).get(text, [])


def _commonmark(line: str) -> str:
    """What a Markdown site generator shows for ``line`` (its <p> content)."""
    rendered: str = MarkdownIt("commonmark").render(line)
    return rendered.strip().removeprefix("<p>").removesuffix("</p>")


def test_marks_become_markdown_that_renders_as_the_html() -> None:
    text = (
        "Selon le rapport annuel de la Cour des comptes, la dette (hors Sécu) atteint 3 * 10 % [1]."
    )
    marks = (
        Mark(
            LINK,
            "rapport annuel de la Cour des comptes",
            "https://www.ccomptes.fr/fr/rapport (2024)",
        ),
        Mark(BOLD, "Cour des comptes"),
        Mark(EM, "hors Sécu"),
    )
    spans = _spans(text, *marks)
    md = marked_markdown(text, spans)
    assert md == (
        "Selon le [rapport annuel de la **Cour des comptes**]"
        "(https://www.ccomptes.fr/fr/rapport%20%282024%29), la dette (*hors Sécu*) atteint "
        "3 \\* 10 % \\[1\\]."
    )
    page = marked_html(text, spans)
    assert page == (
        'Selon le <a href="https://www.ccomptes.fr/fr/rapport (2024)">rapport annuel de la '
        "<strong>Cour des comptes</strong></a>, la dette (<em>hors Sécu</em>) atteint "
        "3 * 10 % [1]."
    )
    # The Markdown shows the same text, marked the same way (the link target percent-encoded).
    assert unescape(_commonmark(md)) == page.replace("rapport (2024)", "rapport%20%282024%29")


def test_escaping_happens_once() -> None:
    text = "Les <balises> & « guillemets » de AT&T, un _nom_ et un \\ seul."
    spans = _spans(text, Mark(BOLD, "AT&T"))
    assert marked_html(text, spans) == (
        "Les &lt;balises&gt; &amp; « guillemets » de <strong>AT&amp;T</strong>, un _nom_ et un \\ seul."
    )
    md = marked_markdown(text, spans)
    assert md == "Les \\<balises> & « guillemets » de **AT&T**, un \\_nom\\_ et un \\\\ seul."
    assert unescape(re.sub(r"</?strong>", "", _commonmark(md))) == text


def test_a_line_that_opens_with_a_marker_stays_a_paragraph() -> None:
    text = "1. Le premier point reste un paragraphe, avec un mot en gras."
    md = marked_markdown(text, _spans(text, Mark(BOLD, "gras")))
    assert md == "1\\. Le premier point reste un paragraphe, avec un mot en **gras**."
    assert _commonmark(md).startswith("1. Le premier")


def test_a_link_that_is_not_web_is_written_as_plain_text() -> None:
    text = "Cliquez ici pour gagner."
    spans = _spans(text, Mark(LINK, "ici", "javascript:alert(1)"))
    assert marked_html(text, spans) == "Cliquez ici pour gagner."
    assert marked_markdown(text, spans) == "Cliquez ici pour gagner."
    assert safe_href("/transport/velo") == "/transport/velo"
    assert safe_href("data:text/html,x") is None


def test_nest_wraps_inner_marks_inside_outer_ones() -> None:
    def wrap(mark: Mark, inner: str) -> str:
        return f"<{mark.kind.value}>{inner}</{mark.kind.value}>"

    spans = [
        PlacedMark(0, 2, 9, Mark(LINK, "bbcccdd", "/x")),
        PlacedMark(0, 4, 7, Mark(BOLD, "ccc")),
        PlacedMark(0, 12, 13, Mark(EM, "f")),
    ]
    assert nest("a bbcccdd e f g", spans, str.upper, wrap) == (
        "A <link>BB<strong>CCC</strong>DD</link> E <em>F</em> G"
    )


def test_the_whole_article_carries_its_marks_in_both_files() -> None:
    article = french_article(
        sections=[
            Section(
                heading="Un tracé pensé pour les trajets domicile-travail",
                blocks=[
                    "La voie longe le Rhône puis remonte vers la gare de la Part-Dieu.",
                    Quote(
                        text="C’est un changement d’échelle.\nLe vélo devient un transport.",
                        attribution="L’adjointe aux mobilités",
                    ),
                ],
            )
        ]
    )
    marks = (
        Mark(LINK, "la gare de la Part-Dieu", "https://www.sncf.com/fr/gares/part-dieu"),
        Mark(BOLD, "changement d’échelle"),
        Mark(EM, "transport"),
        Mark(BOLD, "disparu du texte"),
    )
    md = render_markdown(article, None, marks)
    assert "remonte vers [la gare de la Part-Dieu](https://www.sncf.com/fr/gares/part-dieu)." in md
    assert "> C’est un **changement d’échelle**.\n>\n> Le vélo devient un *transport*." in md
    page = lxml_html.fromstring(render_html(article, None, marks))
    [link] = page.findall(".//article//p/a")
    assert (link.get("href"), link.text) == (
        "https://www.sncf.com/fr/gares/part-dieu",
        "la gare de la Part-Dieu",
    )
    assert [s.text for s in page.findall(".//blockquote//strong")] == ["changement d’échelle"]
    assert [e.text for e in page.findall(".//blockquote//em")] == ["transport"]
    # Without marks, nothing changes.
    assert render_markdown(article) == render_markdown(article, None, ())


def test_an_faq_answer_keeps_its_marks() -> None:
    # In an interview the FAQ's answers are the author's paragraphs.
    article = french_article()
    marks = (Mark(EM, "lundi 23 novembre 2026"),)
    assert "ouverte depuis le *lundi 23 novembre 2026*." in render_markdown(article, None, marks)
    page = lxml_html.fromstring(render_html(article, None, marks))
    assert [e.text for e in page.findall(".//section[@class='faq']//em")] == [
        "lundi 23 novembre 2026"
    ]
