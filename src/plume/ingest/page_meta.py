"""A web page's metadata: headline, standfirst, author, dates, site, section, tags.

trafilatura's ``extract_metadata`` reads them from the page's JSON-LD, Open Graph, Dublin Core
and ``<meta>`` tags, then from bylines in the markup; htmldate 1.11 finds the publication date
and the last modification (``original_date=True`` / ``False``) with their UTC offsets. Both are
given the page after :mod:`plume.ingest.page` took the boxes out, so a byline in a
related-stories box is not taken for the article's author (Tribune de Genève page of the
corpus: "Par Stefan Häne, Sylvain Besson" signs another story).
"""

from __future__ import annotations

import re
from copy import deepcopy
from datetime import UTC, date, datetime
from typing import Any

__all__ = ["PageMeta", "page_meta", "parse_date"]

_WS = re.compile(r"\s+")
#: What opens a byline and is not part of the name: "Par Jeanne Corriveau", "Auteur Anna
#: Kubišta" (Radio Prague), "Un documentaire de Kristen Falc'hon" (ARTE Radio). Not "de" alone:
#: it opens names ("De Rosa").
_BYLINE = re.compile(
    r"^(?:par|by|von|auteure?|autrice|texte|propos recueillis par|une?\s+\w+\s+(?:de|d’|d')|"
    r"une?\s+\w+\s+par)\s*:?\s*",
    re.IGNORECASE,
)
#: A site name that is a host ("tdg.ch/") says less than the publisher's name in JSON-LD.
_HOST_LIKE = re.compile(r"^[\w.-]+\.[a-z]{2,}/?$", re.IGNORECASE)


class PageMeta:
    """What the page says about itself; every field may be missing."""

    __slots__ = (
        "author",
        "categories",
        "description",
        "headline",
        "image",
        "modified",
        "published",
        "site_name",
        "tags",
        "url",
    )

    def __init__(self) -> None:
        self.headline: str | None = None
        self.description: str | None = None
        self.author: str | None = None
        self.published: datetime | None = None
        self.modified: datetime | None = None
        self.site_name: str | None = None
        self.url: str | None = None
        self.image: str | None = None
        self.categories: tuple[str, ...] = ()
        self.tags: tuple[str, ...] = ()


def parse_date(value: str | None) -> datetime | None:
    """An ISO 8601 date or date-time as an aware datetime. A date alone or a time without
    offset is taken as UTC: the page did not say, and a renderer needs an offset."""
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    if re.fullmatch(r"[+-]\d{4}", text[-5:]) and text[-6] != ":":
        text = f"{text[:-2]}:{text[-2:]}"  # htmldate's %z is "+0100"
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        try:
            parsed = datetime.combine(date.fromisoformat(text[:10]), datetime.min.time())
        except ValueError:
            return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def _clean(value: object) -> str | None:
    if value is None:
        return None
    text = _WS.sub(" ", str(value)).strip()
    return text or None


def _author(value: object) -> str | None:
    """ "Par Stefan Häne; Sylvain Besson" → "Stefan Häne, Sylvain Besson"."""
    text = _clean(value)
    if text is None:
        return None
    names = [_BYLINE.sub("", n).strip() for n in re.split(r"\s*;\s*", text)]
    return ", ".join(n for n in names if n) or None


def _split_list(values: object) -> tuple[str, ...]:
    """Tags as trafilatura gives them (a list, sometimes of comma-joined strings), unique."""
    if not values:
        return ()
    items = values if isinstance(values, list | tuple) else [values]
    out: list[str] = []
    for item in items:
        for part in str(item).split(","):
            word = _WS.sub(" ", part).strip()
            if word and word.casefold() not in (o.casefold() for o in out):
                out.append(word)
    return tuple(out)


def _dates(markup: str) -> tuple[datetime | None, datetime | None]:
    """(published, modified) by htmldate, from the markup only (no guess from the text)."""
    import htmldate

    found: list[datetime | None] = []
    for original in (True, False):
        try:
            value = htmldate.find_date(
                markup,
                original_date=original,
                extensive_search=False,
                outputformat="%Y-%m-%dT%H:%M:%S%z",
            )
        except Exception:  # third-party parser on hostile input: no date rather than a crash
            value = None
        found.append(parse_date(value))
    published, modified = found
    if published is not None and modified is not None and modified <= published:
        modified = None  # the same day, or a date-only "modified" before the published time
    return published, modified


#: A date line announcing an update rather than the publication.
_UPDATE_LINE = re.compile(r"^\s*(?:mise?\s+à\s+jour|modifiée?|actualisée?)", re.IGNORECASE)


def line_date(line: str) -> datetime | None:
    """The date one line of a page gives ("Créé : 12.12.2019, 07h36", "10.12.19", "12 décembre
    2019"): htmldate on the line alone, so no other date can interfere."""
    from html import escape

    import htmldate

    try:
        value = htmldate.find_date(
            f"<html><body><p>{escape(line)}</p></body></html>",
            extensive_search=True,
            outputformat="%Y-%m-%dT%H:%M:%S%z",
        )
    except Exception:  # third-party parser: a line it cannot read gives no date
        value = None
    return parse_date(value)


def _line_dates(lines: list[str]) -> tuple[datetime | None, datetime | None]:
    """(published, modified) read in the page's date lines (:func:`line_date`; "Mis à jour le
    13/06/2021" is the modification)."""
    published = modified = None
    for line in lines:
        found = line_date(line)
        if found is None:
            continue
        if _UPDATE_LINE.match(line):
            modified = modified or found
        else:
            published = published or found
    return published, modified


def page_meta(
    tree: Any, markup: str, url: str | None, datelines: list[str] | None = None
) -> PageMeta:
    """The metadata of a parsed page (``tree`` is not modified). ``datelines`` are the page's
    date lines, read when its markup has no date."""
    from trafilatura import extract_metadata

    meta = PageMeta()
    try:
        found = extract_metadata(deepcopy(tree), default_url=url)
    except Exception:  # third-party parser on hostile input: the <head> fields still hold
        found = None
    if found is not None:
        meta.headline = _clean(found.title)
        meta.description = _clean(found.description)
        meta.author = _author(found.author)
        site = _clean(found.sitename)
        meta.site_name = site.rstrip("/") if site else None
        meta.url = _clean(found.url) or url
        meta.image = _clean(found.image)
        meta.categories = _split_list(found.categories)
        # The article's own tags (article:tag) over trafilatura's, which adds the site-wide
        # <meta name="keywords"> (Madame Figaro: "mode, beaute, joaillerie, deco…").
        meta.tags = _split_list(_article_tags(tree) or found.tags)
        if meta.site_name and _HOST_LIKE.match(meta.site_name):
            meta.site_name = _publisher(tree) or meta.site_name
    else:
        meta.url = url
    meta.published, meta.modified = _dates(markup)
    if meta.published is None and datelines:
        meta.published, modified = _line_dates(datelines)
        meta.modified = meta.modified or modified
    if meta.published and meta.modified and meta.modified <= meta.published:
        meta.modified = None
    return meta


def _publisher(tree: Any) -> str | None:
    """The publisher's name in the page's JSON-LD, when the site name is only a host."""
    import json

    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            publisher = item.get("publisher") if isinstance(item, dict) else None
            if isinstance(publisher, dict) and _clean(publisher.get("name")):
                return _clean(publisher.get("name"))
    return None


def _article_tags(tree: Any) -> list[str]:
    return [
        m.get("content") or ""
        for m in tree.iter("meta")
        if (m.get("property") or m.get("name") or "").strip().lower() == "article:tag"
    ]
