"""Helpers shared by the renderers: dates with offset, language codes, URL detection, the lines
of the "Sources" list.

Renderers only format an :class:`~plume.article.Article`; these helpers never decide content,
they only refuse what cannot be written correctly (a date without offset).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from plume.article import SourceRef
from plume.lang.fr.numbers import french_date
from plume.text import french_spacing

__all__ = [
    "FAQ_HEADING",
    "READER_QUESTIONS_HEADING",
    "SOURCES_HEADING",
    "SourceEntry",
    "bcp47",
    "french_date",
    "is_http_url",
    "iso_datetime",
    "og_locale",
    "source_entry",
]

#: Titles of the sections the renderers add after the body (French editorial conventions).
FAQ_HEADING = "Questions fréquentes"
READER_QUESTIONS_HEADING = "Questions au lecteur"
SOURCES_HEADING = "Sources"

#: ``Article.lang`` (ISO 639-1) → BCP 47 tag for JSON-LD ``inLanguage`` and Open Graph locale
#: (``og:locale`` is ``language_TERRITORY``, per https://ogp.me/#optional). plume writes French
#: for France; other languages fall back to the bare code.
_REGIONS = {"fr": "FR"}

#: An absolute http(s) URL with no white space or angle brackets: safe to use as a link target.
_HTTP_URL = re.compile(r"https?://[^\s<>\"'`]+", re.IGNORECASE)


def iso_datetime(value: datetime) -> str:
    """ISO 8601 with its UTC offset, to the second (``2026-11-23T09:30:00+01:00``).

    A naive datetime is refused: schema.org and Google's Article guidance ask for a timezone, and
    guessing one here would silently shift the publication time.
    """
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"date sans fuseau horaire (timezone-naive datetime): {value!r}")
    return value.isoformat(timespec="seconds")


def bcp47(lang: str) -> str:
    """``fr`` → ``fr-FR`` (schema.org ``inLanguage``)."""
    region = _REGIONS.get(lang)
    return f"{lang}-{region}" if region else lang


def og_locale(lang: str) -> str:
    """``fr`` → ``fr_FR`` (Open Graph ``og:locale``)."""
    region = _REGIONS.get(lang)
    return f"{lang}_{region}" if region else lang


def is_http_url(text: str) -> bool:
    """True when ``text`` is exactly one absolute http(s) URL (so it may become a link)."""
    return _HTTP_URL.fullmatch(text.strip()) is not None


@dataclass(frozen=True, slots=True)
class SourceEntry:
    """One line of the published "Sources" list, its parts in the order they are written:
    the outlet (italic), the title in guillemets (the link, when there is one), the date.
    ``label`` stands in for the title when the source gives none: its site's host when it has
    a link, else "Source 2" (its position)."""

    outlet: str | None
    title: str | None
    label: str | None
    url: str | None
    date: str | None
    iso_date: str | None


def source_entry(ref: SourceRef, number: int) -> SourceEntry:
    """What the "Sources" list writes for ``ref``, the ``number``-th source (from 1): its
    metadata, never its file name."""
    url = ref.url.strip() if ref.url and is_http_url(ref.url) else None
    outlet = (ref.outlet or "").strip() or None
    title = french_spacing(f"« {ref.title.strip()} »") if ref.title and ref.title.strip() else None
    label = None
    if title is None and (url is None or outlet is None):
        host = urlsplit(url).hostname if url else None
        label = (host.removeprefix("www.") if host else None) or (
            None if outlet else f"Source {number}"
        )
    day = ref.date.date() if ref.date else None  # in the page's own offset: its local date
    return SourceEntry(
        outlet=outlet,
        title=title,
        label=label,
        url=url,
        date=french_date(day) if day else None,
        iso_date=day.isoformat() if day else None,
    )
