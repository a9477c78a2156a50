"""A page's metadata (``plume.ingest.page_meta``): trafilatura's and htmldate's readings, as
plume keeps them — aware dates, bylines without "Par", the article's own tags."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import lxml.html
import pytest

from plume.ingest import read_path
from plume.ingest.page_meta import page_meta, parse_date
from plume.settings import Settings
from tests.unit.ingest.helpers import corpus_files, manifest

PARA = (
    "<p>La mairie de Lyon a présenté mardi son plan pour les pistes cyclables, qui doit "
    "relier les quartiers de l’est au centre-ville d’ici à la fin de l’année prochaine.</p>"
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-12-12T07:36:53Z", datetime(2019, 12, 12, 7, 36, 53, tzinfo=UTC)),
        (
            "2020-02-19T23:30:42-0500",
            datetime(2020, 2, 19, 23, 30, 42, tzinfo=timezone(timedelta(hours=-5))),
        ),
        (
            "2017-04-12T18:33:59+02:00",
            datetime(2017, 4, 12, 18, 33, 59, tzinfo=timezone(timedelta(hours=2))),
        ),
        ("2019-12-12", datetime(2019, 12, 12, tzinfo=UTC)),  # no time, no offset: UTC midnight
        ("2019-12-12T07:36:53", datetime(2019, 12, 12, 7, 36, 53, tzinfo=UTC)),
        ("le 12 décembre", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_date(value: str | None, expected: datetime | None) -> None:
    assert parse_date(value) == expected


def _meta_of(head: str, body: str) -> tuple[object, ...]:
    markup = f"<html><head>{head}</head><body><article>{body}</article></body></html>"
    m = page_meta(lxml.html.document_fromstring(markup), markup, None)
    return (m.author, m.published, m.modified, m.site_name, m.tags)


def test_byline_loses_its_preposition_and_names_are_joined() -> None:
    head = (
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "NewsArticle", "author": '
        '[{"@type": "Person", "name": "Par Anne Morel"}, {"@type": "Person", '
        '"name": "Paul Girard"}], "datePublished": "2022-03-01T09:00:00+01:00"}</script>'
    )
    author, published, modified, *_ = _meta_of(head, "<h1>Pistes cyclables</h1>" + PARA * 3)
    assert author == "Anne Morel, Paul Girard"
    assert published == datetime(2022, 3, 1, 9, tzinfo=timezone(timedelta(hours=1)))
    assert modified is None


@pytest.mark.parametrize(
    ("byline", "name"),
    [
        ("Par Jeanne Corriveau", "Jeanne Corriveau"),
        ("Auteur Anna Kubišta", "Anna Kubišta"),
        ("Un documentaire de Kristen Falc’hon", "Kristen Falc’hon"),
        ("Propos recueillis par Paul Girard", "Paul Girard"),
        ("De Rosa Marie", "De Rosa Marie"),
    ],
)
def test_byline_openings_are_not_names(byline: str, name: str) -> None:
    head = f'<meta name="author" content="{byline}">'
    assert _meta_of(head, "<h1>Pistes</h1>" + PARA * 3)[0] == name


def test_a_modification_before_the_publication_is_dropped() -> None:
    head = (
        '<meta property="article:published_time" content="2022-03-01T09:00:00+01:00">'
        '<meta property="article:modified_time" content="2022-03-01">'
    )
    _, published, modified, *_ = _meta_of(head, "<h1>Pistes</h1>" + PARA * 3)
    assert published is not None and modified is None


def test_a_text_without_markup_dates_has_no_date() -> None:
    """Dates are read from the markup only: a year in the prose is not a publication date."""
    body = "<h1>Pistes</h1><p>En 2019, la ville comptait 40 km de pistes.</p>" + PARA
    assert _meta_of("<title>Pistes</title>", body)[1:3] == (None, None)


# -- the corpus ------------------------------------------------------------------------------

HTML_FILES = corpus_files(".html")


@pytest.mark.parametrize("path", HTML_FILES, ids=lambda p: p.name)
def test_corpus_publication_dates_match_the_manifest(path: Path, settings: Settings) -> None:
    meta = read_path(path, settings).meta
    assert meta.published is not None and meta.published.tzinfo is not None
    assert meta.published.date().isoformat() == manifest()[path.name]["date"]
    assert meta.site_name and meta.url and meta.url.startswith("https://")


def test_corpus_authors_sections_and_updates(settings: Settings) -> None:
    devoir, tdg, figaro, live = (read_path(p, settings).meta for p in HTML_FILES)
    assert devoir.author == "Jeanne Corriveau"
    assert figaro.author == "Ophélie Ostermann"
    assert tdg.author is None and live.author is None
    # Madame Figaro: "initialement publié en avril 2017, a fait l'objet d'une mise à jour".
    assert figaro.modified is not None and figaro.modified.date().isoformat() == "2020-02-19"
    assert figaro.section == "Nutrition"
    assert figaro.tags == ("Santé", "alimentation", "Ventre plat", "conseils")
    assert tdg.site_name == "Tribune de Genève" and tdg.kicker == "Agriculture"
