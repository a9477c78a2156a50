"""Extraction of the numbers, dates and quotations of a text, read the French way or, for a
text in English, the English way (:func:`reading_of`)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from plume.lang.fr import fold, load_french
from plume.lang.fr.numbers import (
    FUNCTION_WORDS_EN,
    MONTHS,
    MONTHS_EN,
    SCALES,
    SCALES_EN,
    SPELLED,
    SPELLED_EN,
    SPELLED_ORD,
    SPELLED_ORD_EN,
    WEEKDAYS,
    WEEKDAYS_EN,
)
from plume.verification import FactKind
from plume.verify.facts.folding import RawFact, fold_typography, strip_marks

__all__ = [
    "ENGLISH_MIN_WORDS",
    "find_dates",
    "find_dates_en",
    "find_numbers",
    "find_quotes",
    "reading_of",
]

_MONTH_RE = (
    r"janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre"
)
_WEEKDAY_RE = "|".join(WEEKDAYS)
_DATE = re.compile(
    rf"\b(?:(?P<w>{_WEEKDAY_RE})\s+)?(?:(?P<d>1er|premier|[0-3]?\d)\s+)?(?P<m>{_MONTH_RE})"
    rf"(?:\s+(?P<y>1[89]\d\d|20\d\d|2100))?\b",
    re.IGNORECASE,
)
#: Numeric dates, day first as in French ("18/11/2023", "18.11.2023"), and ISO 8601.
_NUMERIC_DATE = re.compile(
    r"(?<![\w/.-])(?:(?P<d>[0-3]?\d)[/.](?P<m>[01]?\d)[/.](?P<y>1[89]\d\d|20\d\d)"
    r"|(?P<iy>1[89]\d\d|20\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d))(?![\w/-]|\.\d)"
)
_WEEKDAY = re.compile(
    rf"\b(?P<w>{_WEEKDAY_RE})(?:\s+(?:matin|soir|midi|après-midi|apres-midi))?\b", re.IGNORECASE
)

_NUM = re.compile(
    r"(?<![\w\-.,/])"
    r"(?P<int>\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?!\d)|\d+)"
    r"(?:(?P<sep>[.,])(?P<frac>\d+))?"
    r"(?P<ord>e|er|re|ère|ème|eme|è)?"
    r"(?![\w])"
)
_SCALE = re.compile(r"\s*(?P<s>milliards?|millions?|mds?|md|mrd|M€|Md€)(?![\w])", re.IGNORECASE)
_UNIT = re.compile(
    r"\s*(?:d[e’']\s*)?(?P<u>%|pour\s?cent|€|euros?|\$|dollars?|£|livres?\s+sterling|USD|EUR|GBP)"
    r"(?![\w])",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*")

# English reading (a source in English, translated by rewrite mode) --------------------------
# English writes numbers and dates differently, and the same word can mean another value:
# "12,000" is twelve thousand (French: twelve), "2.500" is two and a half (French: 2,500),
# "billion" is 10⁹ (French "billion" is 10¹², "milliard" is 10⁹), "March 3, 2025" puts the
# month first. Sources: The Chicago Manual of Style §9.54 (commas between groups of three
# digits), the AP Stylebook's "million, billion" and month abbreviations ("Jan.", "Feb.",
# "Aug.", "Sept.", "Oct.", "Nov.", "Dec."), Le Petit Robert for French "billion".

_NUM_EN = re.compile(
    r"(?<![\w\-.,/])"
    r"(?P<int>\d{1,3}(?:,\d{3})+(?!\d)|\d+)"
    r"(?:\.(?P<frac>\d+))?"
    r"(?P<ord>st|nd|rd|th)?"
    r"(?![\w])"
)
_SCALE_EN = re.compile(
    r"\s*-?(?P<s>trillions?|billions?|millions?|thousands?|bn|tn)(?![\w])", re.IGNORECASE
)
_UNIT_EN = re.compile(
    r"\s*(?P<u>%|percent|per\s?cent|dollars?|euros?|pounds?(?:\s+sterling)?|USD|EUR|GBP)(?![\w])",
    re.IGNORECASE,
)
# Capitalised only: English writes months and weekdays with a capital, and "may" / "march"
# in lower case are a verb.
_MONTH_EN_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?![a-z])\.?"
)
_WEEKDAY_EN_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR_RE = r"(?:1[89]\d\d|20\d\d|2100)"
_ORD_SUFFIX = r"(?:st|nd|rd|th)?"
_DATES_EN = (
    # "March 3, 2025", "Monday, March 3", "Feb. 14"
    re.compile(
        rf"\b(?:(?P<w>{_WEEKDAY_EN_RE}),?\s+)?(?P<m>{_MONTH_EN_RE})\s+(?P<d>[0-3]?\d){_ORD_SUFFIX}"
        rf"(?![\w])(?:,?\s+(?P<y>{_YEAR_RE})(?!\d))?"
    ),
    # "3 March 2025", "the 3rd of March"
    re.compile(
        rf"(?<![\w.,])(?:(?P<w>{_WEEKDAY_EN_RE}),?\s+)?(?:the\s+)?(?P<d>[0-3]?\d){_ORD_SUFFIX}"
        rf"\s+(?:of\s+)?(?P<m>{_MONTH_EN_RE})(?:,?\s+(?P<y>{_YEAR_RE})(?!\d))?"
    ),
    # "October 2024"
    re.compile(rf"\b(?P<m>{_MONTH_EN_RE}),?\s+(?P<y>{_YEAR_RE})(?!\d)"),
    # "in March", "since October": a month alone, only after a preposition ("May" is a name)
    re.compile(
        rf"\b(?:in|since|until|till|by|from|through|during|early|late|mid|last|next|this|of)"
        rf"[\s-]+(?P<m>{_MONTH_EN_RE})(?![\w])"
    ),
)
_WEEKDAY_EN = re.compile(rf"\b(?P<w>{_WEEKDAY_EN_RE})s?\b")
#: Something English rules read differently from French ones: only a text holding one is
#: handed to the language detector (lingua, 3–8 ms a text; see plume.analyse.language).
_ENGLISH_SIGNAL = re.compile(
    rf"\d,\d{{3}}(?!\d)|\d(?:st|nd|rd|th)\b|£|\b(?:million|billion|trillion|bn|percent)\b"
    rf"|\b{_MONTH_EN_RE}|\b{_WEEKDAY_EN_RE}\b"
    rf"|\b(?:{'|'.join(SPELLED_EN)}|{'|'.join(SPELLED_ORD_EN)})\b",
)


#: Texts shorter than this are read the French way whatever lingua says: on a title or a
#: heading full of names it is often wrong ("Éolien en mer : Northwind Energy investit 40
#: milliards de dollars" → English), and reading a French "2,5" the English way would be worse
#: than the reverse. Sources, the texts that get translated, are paragraphs and articles.
ENGLISH_MIN_WORDS = 20


@lru_cache(maxsize=256)
def reading_of(text: str) -> str:
    """How the numbers and dates of ``text`` are read: ``"en"`` for a text in English that
    writes one differently from French, else ``"fr"`` (French, any other language, too short
    to tell)."""
    if len(text.split()) < ENGLISH_MIN_WORDS or not _ENGLISH_SIGNAL.search(text):
        return "fr"
    from plume.analyse.language import detect_language

    return "en" if detect_language(text) == "en" else "fr"


def _unit(raw: str) -> str:
    u = re.sub(r"\s+", "", fold(raw))
    if u in ("%", "pourcent", "percent", "percentage"):
        return "%"
    if u in ("€", "euro", "euros", "eur"):
        return "EUR"
    if u in ("£", "gbp") or u.startswith(("livre", "pound")):
        return "GBP"
    return "USD"


_PREFIX_UNITS = {"$": "USD", "€": "EUR", "£": "GBP"}


def _fmt(d: Decimal) -> str:
    s = format(d.normalize(), "f")
    return s


def _number_value(m: re.Match[str]) -> Decimal | None:
    digits = re.sub(r"\D", "", m.group("int"))
    frac = m.group("frac")
    try:
        if frac is None:
            return Decimal(digits)
        if m.group("sep") == "." and len(frac) == 3 and " " not in m.group("int"):
            return Decimal(digits + frac)  # French thousands dot: "2.500"
        return Decimal(f"{digits}.{frac}")
    except InvalidOperation:  # pragma: no cover - the regex only lets digits through
        return None


def _after_number(text: str, end: int, value: Decimal) -> tuple[int, Decimal, str]:
    """Scale and unit written after a number: new end, scaled value, unit."""
    unit = ""
    if s := _SCALE.match(text, end):
        word = fold(s.group("s")).rstrip("s") if fold(s.group("s")) != "mds" else "mds"
        value *= SCALES.get(word, SCALES.get(fold(s.group("s")), Decimal(1)))
        if "€" in s.group("s"):
            unit = "EUR"
        end = s.end()
    if not unit and (u := _UNIT.match(text, end)):
        unit = _unit(u.group("u"))
        end = u.end()
    return end, value, unit


def _after_number_en(text: str, end: int, value: Decimal) -> tuple[int, Decimal, str]:
    """:func:`_after_number` for English: "2.5 million", "40 billion dollars", "4.5 percent"."""
    unit = ""
    if s := _SCALE_EN.match(text, end):
        word = fold(s.group("s"))
        value *= SCALES_EN.get(word.rstrip("s"), SCALES_EN.get(word, Decimal(1)))
        end = s.end()
    if u := _UNIT_EN.match(text, end):
        unit = _unit(u.group("u"))
        end = u.end()
    return end, value, unit


def _number_value_en(m: re.Match[str]) -> Decimal:
    digits = m.group("int").replace(",", "")
    frac = m.group("frac")
    return Decimal(f"{digits}.{frac}" if frac is not None else digits)


def _date_raw(start: int, end: int, year: str, month: str, day: str, weekday: str) -> RawFact:
    """A date fact; its value is ISO 8601 (``--MM-DD`` without a year), weekday first."""
    value = "-".join(x for x in (year or "-", month.zfill(2), day.zfill(2) if day else "") if x)
    if weekday:
        value = f"{weekday} {value}"
    return RawFact(FactKind.DATE, start, end, value, (year, month, day, weekday))


def find_dates_en(text: str) -> Iterator[RawFact]:
    taken: list[tuple[int, int]] = []
    for pattern in _DATES_EN:
        for m in pattern.finditer(text):
            start = m.start("m") if "d" not in pattern.groupindex else m.start()
            if any(start < e and s < m.end() for s, e in taken):
                continue
            groups = m.groupdict()
            day = str(int(groups["d"])) if groups.get("d") else ""
            if day and not 1 <= int(day) <= 31:
                continue
            month = str(MONTHS_EN[fold(m.group("m")).rstrip(".")])
            weekday = WEEKDAYS_EN[fold(groups["w"])] if groups.get("w") else ""
            taken.append((start, m.end()))
            yield _date_raw(start, m.end(), groups.get("y") or "", month, day, weekday)
    for m in _NUMERIC_DATE.finditer(text):
        # ISO 8601 only: "03/04/2025" is March 4 in American English, 3 April in British.
        if m.group("iy") is None or any(m.start() < e and s < m.end() for s, e in taken):
            continue
        month, day = str(int(m.group("im"))), str(int(m.group("id")))
        if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
            continue
        taken.append((m.start(), m.end()))
        yield _date_raw(m.start(), m.end(), m.group("iy"), month, day, "")
    for m in _WEEKDAY_EN.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        w = WEEKDAYS_EN[fold(m.group("w"))]
        yield RawFact(FactKind.DATE, m.start(), m.end(), w, ("", "", "", w))


def find_dates(text: str) -> Iterator[RawFact]:
    taken: list[tuple[int, int]] = []
    for m in _DATE.finditer(text):
        d = m.group("d")
        day = "1" if d and fold(d) in ("1er", "premier") else (str(int(d)) if d else "")
        if day and not 1 <= int(day) <= 31:
            continue
        month = str(MONTHS[strip_marks(fold(m.group("m")))])
        year = m.group("y") or ""
        weekday = fold(m.group("w") or "")
        # ISO 8601 forms; without a year, its truncated "--MM-DD" form.
        value = "-".join(x for x in (year or "-", month.zfill(2), day.zfill(2) if day else "") if x)
        if weekday:
            value = f"{weekday} {value}"
        taken.append((m.start(), m.end()))
        yield RawFact(FactKind.DATE, m.start(), m.end(), value, (year, month, day, weekday))
    for m in _NUMERIC_DATE.finditer(text):
        year = m.group("y") or m.group("iy")
        month = str(int(m.group("m") or m.group("im")))
        day = str(int(m.group("d") or m.group("id")))
        if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
            continue
        taken.append((m.start(), m.end()))
        value = f"{year}-{month.zfill(2)}-{day.zfill(2)}"
        yield RawFact(FactKind.DATE, m.start(), m.end(), value, (year, month, day, ""))
    for m in _WEEKDAY.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        w = fold(m.group("w"))
        yield RawFact(FactKind.DATE, m.start(), m.end(), w, ("", "", "", w))


def find_numbers(
    text: str, taken: Sequence[tuple[int, int]], reading: str = "fr"
) -> Iterator[RawFact]:
    def free(s: int, e: int) -> bool:
        return not any(s < te and ts < e for ts, te in taken)

    en = reading == "en"
    after = _after_number_en if en else _after_number
    for m in (_NUM_EN if en else _NUM).finditer(text):
        if not free(m.start(), m.end()):
            continue
        value = _number_value_en(m) if en else _number_value(m)
        if value is None:
            continue
        if m.group("ord"):
            yield RawFact(
                FactKind.NUMBER, m.start(), m.end(), f"{_fmt(value)}e", ("ord", _fmt(value))
            )
            continue
        end, value, unit = after(text, m.end(), value)
        if m.start() > 0 and text[m.start() - 1] in _PREFIX_UNITS and not unit:
            unit = _PREFIX_UNITS[text[m.start() - 1]]
        is_year = (
            not unit
            and m.group("frac") is None
            and len(m.group("int")) == 4
            and 1800 <= int(m.group("int")) <= 2100
            and end == m.end()
        )
        if is_year:
            y = m.group("int")
            yield RawFact(FactKind.DATE, m.start(), m.end(), y, (y, "", "", ""))
            continue
        label = f"{_fmt(value)} {unit}".strip()
        yield RawFact(FactKind.NUMBER, m.start(), end, label, (unit, _fmt(value)))
    function_words = FUNCTION_WORDS_EN if en else load_french().function_words
    spelled, spelled_ord = (SPELLED_EN, SPELLED_ORD_EN) if en else (SPELLED, SPELLED_ORD)
    for m in _WORD.finditer(text):
        w = fold(m.group())
        if w in spelled_ord and free(m.start(), m.end()):
            v = str(spelled_ord[w])
            yield RawFact(FactKind.NUMBER, m.start(), m.end(), f"{v}e", ("ord", v))
            continue
        if w not in spelled or not free(m.start(), m.end()):
            continue
        value = Decimal(spelled[w])
        end, value, unit = after(text, m.end(), value)
        if end == m.end():
            nxt = _WORD.match(text, end + 1) if text[end : end + 1] == " " else None
            if nxt is None or fold(nxt.group()) in function_words or fold(nxt.group()) in spelled:
                continue  # "les deux", "deux et": no quantity to check
        label = f"{_fmt(value)} {unit}".strip()
        yield RawFact(FactKind.NUMBER, m.start(), end, label, (unit, _fmt(value)))


_QUOTE = re.compile(r"«\s*(?P<a>[^«»]+?)\s*»|“(?P<b>[^“”]+?)”|\"(?P<c>[^\"\n]+?)\"")


def find_quotes(text: str) -> Iterator[RawFact]:
    for m in _QUOTE.finditer(text):
        group = next(g for g in ("a", "b", "c") if m.group(g) is not None)
        inner = m.group(group).strip()
        if not any(c.isalnum() for c in inner):
            continue
        start = m.start(group) + (len(m.group(group)) - len(m.group(group).lstrip()))
        yield RawFact(FactKind.QUOTE, start, start + len(inner), fold_typography(inner).text)
