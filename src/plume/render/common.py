"""Helpers shared by the renderers: dates with offset, language codes, URL detection.

Renderers only format an :class:`~plume.article.Article`; these helpers never decide content,
they only refuse what cannot be written correctly (a date without offset).
"""

from __future__ import annotations

import re
from datetime import datetime

__all__ = [
    "FAQ_HEADING",
    "READER_QUESTIONS_HEADING",
    "SOURCES_HEADING",
    "bcp47",
    "is_http_url",
    "iso_datetime",
    "og_locale",
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
