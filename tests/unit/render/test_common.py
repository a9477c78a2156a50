"""Helpers shared by the renderers (``plume.render.common``)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from plume.render.common import bcp47, is_http_url, iso_datetime, og_locale

PARIS_WINTER = timezone(timedelta(hours=1))


def test_language_tags() -> None:
    assert (bcp47("fr"), og_locale("fr")) == ("fr-FR", "fr_FR")
    assert (bcp47("de"), og_locale("de")) == ("de", "de")


def test_dates_keep_their_offset_and_naive_ones_are_refused() -> None:
    assert iso_datetime(datetime(2026, 11, 23, 9, 30, tzinfo=PARIS_WINTER)) == (
        "2026-11-23T09:30:00+01:00"
    )
    with pytest.raises(ValueError, match="timezone"):
        iso_datetime(datetime(2026, 11, 23, 9, 30))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://www.grandlyon.com/actualites/voie_express", True),
        ("  http://example.org  ", True),
        ("Métropole de Lyon", False),
        ("https://a.fr et https://b.fr", False),
        ("ftp://example.org", False),
        ('https://a.fr/"onclick', False),
    ],
)
def test_only_a_whole_http_url_is_a_link(text: str, expected: bool) -> None:
    assert is_http_url(text) is expected
