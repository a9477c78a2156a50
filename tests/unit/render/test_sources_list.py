"""The published "Sources" list of a rewritten article (issue 19): per source, its outlet, title,
date and link from its metadata — never a file name; "Source 2" for a source that says nothing.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from plume.article import Article, SourceRef
from plume.document import EditorFields
from plume.ingest import read_path, read_text
from plume.pipeline import Mode, OptimiseRequest, optimise
from plume.render import render_html, render_markdown, render_outputs
from plume.render.common import french_date, source_entry
from plume.settings import BackendSettings, Settings
from tests.conftest import EXAMPLE
from tests.support.openai_server import OpenAIServer
from tests.support.rewrite_model import Model

from .conftest import french_article

MONTREAL = timezone(timedelta(hours=-5))
NNBSP = "\u202f"

DEVOIR = SourceRef(
    outlet="Le Devoir",
    title="La fin des trottinettes en libre-service à Montréal",
    date=datetime(2020, 2, 19, 0, 0, tzinfo=MONTREAL),
    url="https://www.ledevoir.com/politique/montreal/573258/la-fin-des-trottinettes",
)
#: A pasted text: no metadata at all.
PASTED = SourceRef()


def _article(refs: list[SourceRef], **changes: object) -> Article:
    # The rewrite loop's own list (URL or file name) stays in report.json, never published.
    names = ["000_4017132598e4fe82.txt", "b.txt", "c.txt"][: len(refs)]
    return french_article(**({"sources": names, "source_refs": refs} | changes))


def _sources_block(md: str) -> str:
    return md.split("\n## Sources\n\n", 1)[1]


def test_french_dates() -> None:
    assert french_date(date(2019, 12, 12)) == "12 décembre 2019"
    assert french_date(date(2020, 2, 1)) == "1er février 2020"
    assert french_date(date(2021, 8, 15)) == "15 août 2021"


def test_markdown_gives_outlet_title_date_and_link_never_the_file_name() -> None:
    md = render_markdown(_article([DEVOIR, PASTED]))
    lines = _sources_block(md).splitlines()
    assert lines == [
        f"- *Le Devoir*, [«{NNBSP}La fin des trottinettes en libre-service à Montréal{NNBSP}»]"
        f"(<{DEVOIR.url}>), 19 février 2020",
        "- Source 2",
    ]
    assert ".txt" not in md


def test_html_gives_outlet_title_date_and_link_never_the_file_name() -> None:
    page = render_html(_article([PASTED, DEVOIR]))
    section = page.split('<section class="sources">', 1)[1].split("</section>", 1)[0]
    items = re.findall(r"<li>(.*?)</li>", section)
    assert items == [
        "Source 1",
        f'<cite>Le Devoir</cite>, <a href="{DEVOIR.url}">'
        f"«{NNBSP}La fin des trottinettes en libre-service à Montréal{NNBSP}»</a>, "
        '<time datetime="2020-02-19">19 février 2020</time>',
    ]
    assert ".txt" not in page


def test_sources_without_metadata_are_numbered_by_position() -> None:
    md = render_markdown(_article([PASTED, PASTED, PASTED]))
    assert _sources_block(md).splitlines() == ["- Source 1", "- Source 2", "- Source 3"]


def test_what_a_partial_source_shows() -> None:
    # A link and nothing else: the site's host, linked.
    bare = source_entry(SourceRef(url="https://www.lapresse.ca/actualites/2024-01-01/x.php"), 2)
    assert (bare.label, bare.url, bare.title, bare.outlet) == (
        "lapresse.ca",
        "https://www.lapresse.ca/actualites/2024-01-01/x.php",
        None,
        None,
    )
    # An outlet with a link but no title: the outlet carries the link.
    md = render_markdown(
        _article([SourceRef(outlet="Sports.fr", url="https://www.sports.fr/direct-foot/50918")])
    )
    assert (
        _sources_block(md).strip() == "- [*Sports.fr*](<https://www.sports.fr/direct-foot/50918>)"
    )
    # A date alone: still "Source 1", dated.
    dated = SourceRef(date=datetime(2023, 11, 17, 22, 0, tzinfo=UTC))
    assert _sources_block(render_markdown(_article([dated]))).strip() == (
        "- Source 1, 17 novembre 2023"
    )


def test_the_date_is_the_pages_own_day() -> None:
    """Midnight in Montréal is 5 a.m. UTC: the page's local date, not a converted one."""
    late = SourceRef(title="Nuit blanche", date=datetime(2020, 2, 19, 23, 30, tzinfo=MONTREAL))
    assert source_entry(late, 1).date == "19 février 2020"


def test_hostile_metadata_is_escaped_and_a_non_http_link_dropped() -> None:
    hostile = SourceRef(
        outlet="<script>alert(1)</script>",
        title="Un *titre* [piégé](javascript:alert(2))",
        url="javascript:alert(3)",
    )
    article = _article([hostile])
    md = _sources_block(render_markdown(article))
    assert "javascript" not in md.replace("(javascript:alert(2))", "")
    assert r"Un \*titre\* \[piégé\]" in md and "](<" not in md
    page = render_html(article)
    assert "<script>alert(1)" not in page and "alert(3)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_faithful_articles_keep_the_authors_own_list() -> None:
    """Without source metadata (faithful mode), the names the author cited are the list."""
    md = render_markdown(_article([], sources=["Métropole de Lyon"]))
    assert _sources_block(md).strip() == "- Métropole de Lyon"


PAGE = """<!DOCTYPE html><html lang="fr"><head>
<title>Le vélo gagne du terrain en ville - Le Quotidien des Rhône-Alpes</title>
<meta property="og:site_name" content="Le Quotidien des Rhône-Alpes">
<link rel="canonical" href="https://www.quotidien-ra.fr/mobilites/velo-en-ville-2023">
<meta property="article:published_time" content="2023-05-01T07:15:00+02:00">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "Le vélo gagne du terrain en ville", "datePublished": "2023-05-01T07:15:00+02:00"}
</script></head><body><article><h1>Le vélo gagne du terrain en ville</h1>
<p>Le vélo en ville progresse : les pistes cyclables se sont multipliées depuis 2020 dans les
grandes agglomérations, et les habitants les empruntent pour aller au travail.</p>
<p>Le service vélo de la métropole compte près de 500 employés, selon ses responsables, qui
veulent doubler le réseau d’ici la fin de la décennie.</p></article></body></html>"""


def test_a_rewrite_lists_an_html_pages_metadata_and_numbers_a_pasted_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Through the pipeline: the metadata of an HTML source reaches the published list, a text
    file is "Source 1", and the file names stay in report.json only."""
    monkeypatch.setenv("PLUME_API_KEY", "sk-test-secret")
    settings = Settings()
    docs = (
        read_path(EXAMPLE, settings),
        read_text(PAGE, settings, name="page.html", fmt="html"),
    )
    with OpenAIServer(responder=Model()) as srv:
        backend = BackendSettings(name="openai", base_url=srv.base_url, model="plume-test")
        report = optimise(
            OptimiseRequest(
                sources=docs,
                settings=Settings(backend=backend),
                mode=Mode.REWRITE,
                use_model=True,
                published=datetime(2026, 3, 1, 9, 30, tzinfo=UTC),
                check_entities=False,
                fields=EditorFields(min_words=300),
            )
        )
    assert report.rewrite is not None and report.rewrite.passed
    assert report.article.source_refs[1] == SourceRef(
        outlet="Le Quotidien des Rhône-Alpes",
        title="Le vélo gagne du terrain en ville",
        date=datetime(2023, 5, 1, 7, 15, tzinfo=timezone(timedelta(hours=2))),
        url="https://www.quotidien-ra.fr/mobilites/velo-en-ville-2023",
    )
    files = render_outputs(report)
    listed = _sources_block(files["article.md"]).splitlines()
    assert listed == [
        "- Source 1",
        f"- *Le Quotidien des Rhône-Alpes*, [«{NNBSP}Le vélo gagne du terrain en ville{NNBSP}»]"
        "(<https://www.quotidien-ra.fr/mobilites/velo-en-ville-2023>), 1er mai 2023",
    ]
    assert "article-brief.txt" not in files["article.md"] + files["article.html"]
    assert "1er mai 2023</time>" in files["article.html"]
