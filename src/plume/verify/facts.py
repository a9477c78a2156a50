"""Fact check: every number, date, named entity and quotation of an output must come from a source.

The optimiser writes an article from one or several sources; it must never invent a figure, a date,
a name or a quotation. :func:`check_facts` extracts those facts from the output, looks each one up
in the sources and returns a :class:`FactCheck` listing every fact (with where it was found) and
the unsupported ones as :class:`FactViolation` (reason in French and English).

How each kind is normalised so that equivalent forms match:

* **numbers** — digits with French or English separators (``1,3`` = ``1.3``; ``400 000`` with a
  space, a no-break space U+00A0 or a narrow one U+202F; ``2.500`` with a dot followed by exactly
  three digits is a thousands separator, as French writes it), scales (``milliard(s)``,
  ``million(s)``, ``Md``) folded into the value (``1,3 milliard`` = ``1 300 millions``), units
  (``%`` = ``pour cent``; ``€`` = ``euros``; ``$`` = ``dollars``) and ordinals (``3e`` = ``3ème``
  = ``troisième``). A number with a unit needs the same unit in the source (``37 %`` is not
  supported by ``37 employés``); a bare number is supported by the same value with any unit.
  Spelled-out cardinals (``deux`` … ``douze``, tens, ``cent``) count only when a noun-like word
  (not a function word) follows them: ``deux membres`` is a fact, ``les deux`` / ``deux et`` are
  not — as pronouns or in set phrases they carry no checkable quantity. ``un``/``une`` and
  ``premier`` are never numbers (articles; « de premier plan »). Digits glued to a name
  (``GPT-4``, ``Web3``) belong to the name and are not numbers.
* **dates** — ``18 novembre 2023``, ``novembre 2023``, ``18 novembre``, ``en novembre``, a year
  (an integer from 1800 to 2100 without a unit) and weekdays (``vendredi``, ``lundi matin``: the
  part of the day is ignored). A date is supported when one date of a source agrees on every
  field the output states (``novembre 2023`` is supported by ``18 novembre 2023``, not the reverse:
  the output would add a precision the sources do not give).
* **named entities** — spaCy's ``fr_core_news_sm`` NER plus runs of capitalised words it misses.
  Compared case-, accent- and elision-insensitively (``d’OpenAI`` → ``openai``) as whole words, so
  a surname alone (``Altman``) is supported by the full name (``Sam Altman``); spacing is ignored
  as a fallback (``Open AI`` = ``OpenAI``).
* **quotations** — text between « », “ ” or straight double quotes must appear verbatim in a
  source, modulo typography: apostrophes, every kind of space, ellipsis ``…`` = ``...``.
* **a text in English** (a source that rewrite mode translates) — its numbers and dates are
  read the English way (:func:`_reading`): ``12,000`` = 12 000, ``2.5`` = 2,5, ``billion`` =
  milliard (10⁹; a French ``billion`` is 10¹²), ``$40 billion`` = ``40 milliards de dollars``,
  ``4.5 percent`` = ``4,5 %``, ``3rd`` = ``3e``, ``March 3, 2025`` / ``3 March 2025`` /
  ``Feb. 14`` / ``in October`` = ``3 mars 2025`` / ``14 février`` / ``en octobre``, ``Monday``
  = ``lundi``. The French output is then compared value to value. Names are compared as
  written, so a translated place name (London → Londres) is not matched, nor is a translated
  quotation (it is not verbatim): the repair asks for the source's form or indirect speech.

spaCy is imported and its model loaded lazily, once per process (:func:`_nlp`), with only the
``tok2vec`` and ``ner`` components: the NER has its own token-to-vector layer, so excluding the
parser, morphologizer, attribute ruler and lemmatizer gives the same entities (checked on the five
seed articles) and loads in ≈ 3.9 s instead of ≈ 5.4 s, running ≈ 25 % faster per article.
Most of the load is spaCy importing ``spacy.lang.fr.tokenizer_exceptions`` (3.5 s, measured with
``python -X importtime``), not the model weights. Measured on the shared 2-core dev machine (under
load from other jobs, so ± 30 %): first call 4.5–6 s; then 130–420 ms per seed article
(1,000–1,700 words), of which the NER is 150–260 ms; ≈ 35 ms with ``entities=False``.

Calibration: on the five seeds and the twelve ``.txt`` pages of ``shared/corpus/fr-articles``,
checking each text against itself gives 989 facts and 0 violations (the key property: whatever a
source says is supported by it). Checking one seed against another yields only genuine absences
(names, figures and quotations the other article does not carry), plus a few heading words
("Acteurs", "Intérêts") read as names.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field

from plume.lang.fr import fold, load_french, read_list
from plume.report import Span

if TYPE_CHECKING:
    from plume.lang.fr.lexicon import Lexicon

__all__ = [
    "Fact",
    "FactCheck",
    "FactKind",
    "FactViolation",
    "SourceMatch",
    "check_facts",
    "extract_facts",
]


class FactKind(StrEnum):
    NUMBER = "number"
    DATE = "date"
    ENTITY = "entity"
    QUOTE = "quote"


class SourceMatch(BaseModel):
    """Where a fact was found: index of the source in the list given, and the span in it."""

    model_config = ConfigDict(frozen=True)
    source: int
    span: Span
    text: str


class Fact(BaseModel):
    """One checkable fact of the output."""

    model_config = ConfigDict(frozen=True)
    kind: FactKind
    text: str  # as written in the output
    #: Normalised value: ``"1300000000 USD"``, ``"2023-11-18"``, ``"sam altman"``…
    value: str
    span: Span  # in the output
    supported: bool = False
    found: SourceMatch | None = None


class FactViolation(BaseModel):
    """A fact of the output that no source supports."""

    model_config = ConfigDict(frozen=True)
    fact: Fact
    reason_fr: str
    reason_en: str

    def reason(self, lang: str = "fr") -> str:
        return self.reason_en if lang == "en" else self.reason_fr


class FactCheck(BaseModel):
    model_config = ConfigDict(frozen=True)
    facts: list[Fact] = Field(default_factory=list)
    violations: list[FactViolation] = Field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.violations


# --------------------------------------------------------------------------------------------
# Text folding with offsets back into the original text


@dataclass(frozen=True, slots=True)
class _Folded:
    """A folded copy of a text and, for each of its characters, the offset it came from."""

    text: str
    offsets: tuple[int, ...]

    def span(self, start: int, end: int) -> Span:
        """Span in the original text of the folded slice ``[start, end)``."""
        return Span(start=self.offsets[start], end=self.offsets[end - 1] + 1)


_APOSTROPHES = "'’‘ʼ`´"
_SPACES = re.compile(r"\s+")


def _strip_accents(c: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", c) if not unicodedata.combining(ch))


@cache
def _fold_char(c: str) -> str:
    """One character folded (no accent, lower case). Cached: a text has a few dozen distinct
    characters, and folding every source again at each verification round was a third of
    rewrite mode's CPU time (profiled: 366,000 calls for 12 articles)."""
    return _strip_accents(c).lower()


def _fold_words(text: str, *, compact: bool = False) -> _Folded:
    """Lower case, no accents, every non-alphanumeric run → one space (or nothing if compact)."""
    chars: list[str] = []
    offsets: list[int] = []
    for i, c in enumerate(text):
        for ch in _fold_char(c):
            if ch.isalnum():
                chars.append(ch)
                offsets.append(i)
            elif not compact and chars and chars[-1] != " ":
                chars.append(" ")
                offsets.append(i)
    return _Folded("".join(chars), tuple(offsets))


_TYPO = str.maketrans(
    {
        **dict.fromkeys(_APOSTROPHES, "'"),
        "…": "...",
        "«": '"',
        "»": '"',
        "“": '"',
        "”": '"',
        "„": '"',
        "\u2011": "-",  # non-breaking hyphen
    }
)


def _fold_typography(text: str) -> _Folded:
    """Quotation matching form: case kept; apostrophes, spaces and ellipsis normalised."""
    chars: list[str] = []
    offsets: list[int] = []
    for i, c in enumerate(text):
        if c.isspace():
            if chars and chars[-1] != " ":
                chars.append(" ")
                offsets.append(i)
            continue
        for ch in c.translate(_TYPO):
            chars.append(ch)
            offsets.append(i)
    return _Folded("".join(chars), tuple(offsets))


# --------------------------------------------------------------------------------------------
# Extraction


@dataclass(frozen=True, slots=True)
class _Raw:
    kind: FactKind
    start: int
    end: int
    value: str
    #: Numbers: the unit ("" bare, "%", "EUR", "USD", "ord"); dates: the fields y-m-d-w.
    key: tuple[str, ...] = ()


_MONTHS = {
    "janvier": 1,
    "fevrier": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "decembre": 12,
}
_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_MONTH_RE = (
    r"janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre"
)
_WEEKDAY_RE = "|".join(_WEEKDAYS)
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
_SCALES = {
    "milliard": Decimal(10) ** 9,
    "md": Decimal(10) ** 9,
    "mds": Decimal(10) ** 9,
    "mrd": Decimal(10) ** 9,
    "md€": Decimal(10) ** 9,
    "million": Decimal(10) ** 6,
    "m€": Decimal(10) ** 6,
}

_SPELLED = {
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "vingt": 20,
    "trente": 30,
    "quarante": 40,
    "cinquante": 50,
    "soixante": 60,
    "cent": 100,
}
_SPELLED_ORD = {
    "deuxième": 2,
    "troisième": 3,
    "quatrième": 4,
    "cinquième": 5,
    "sixième": 6,
    "septième": 7,
    "huitième": 8,
    "neuvième": 9,
    "dixième": 10,
    "onzième": 11,
    "douzième": 12,
}
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
_SCALES_EN = {
    "trillion": Decimal(10) ** 12,
    "tn": Decimal(10) ** 12,
    "billion": Decimal(10) ** 9,
    "bn": Decimal(10) ** 9,
    "million": Decimal(10) ** 6,
    "thousand": Decimal(10) ** 3,
}
_UNIT_EN = re.compile(
    r"\s*(?P<u>%|percent|per\s?cent|dollars?|euros?|pounds?(?:\s+sterling)?|USD|EUR|GBP)(?![\w])",
    re.IGNORECASE,
)
_SPELLED_EN = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
}
#: "first" and "second" are left out as in French ("premier"): "at first", "a second".
_SPELLED_ORD_EN = {
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
}
#: Words after which a spelled number is no quantity ("two of them", "the three and…").
_FUNCTION_WORDS_EN = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "is",
        "it",
        "of",
        "on",
        "or",
        "that",
        "the",
        "their",
        "them",
        "these",
        "they",
        "this",
        "those",
        "to",
        "was",
        "were",
        "which",
        "who",
        "with",
    ]
)
_MONTHS_EN = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
#: English weekdays, keyed to the French names dates are compared by ("Monday" = "lundi").
_WEEKDAYS_EN = dict(
    zip(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
        _WEEKDAYS,
        strict=True,
    )
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
    rf"|\b(?:{'|'.join(_SPELLED_EN)}|{'|'.join(_SPELLED_ORD_EN)})\b",
)


#: Texts shorter than this are read the French way whatever lingua says: on a title or a
#: heading full of names it is often wrong ("Éolien en mer : Northwind Energy investit 40
#: milliards de dollars" → English), and reading a French "2,5" the English way would be worse
#: than the reverse. Sources, the texts that get translated, are paragraphs and articles.
ENGLISH_MIN_WORDS = 20


@lru_cache(maxsize=256)
def _reading(text: str) -> str:
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
        value *= _SCALES.get(word, _SCALES.get(fold(s.group("s")), Decimal(1)))
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
        value *= _SCALES_EN.get(word.rstrip("s"), _SCALES_EN.get(word, Decimal(1)))
        end = s.end()
    if u := _UNIT_EN.match(text, end):
        unit = _unit(u.group("u"))
        end = u.end()
    return end, value, unit


def _number_value_en(m: re.Match[str]) -> Decimal:
    digits = m.group("int").replace(",", "")
    frac = m.group("frac")
    return Decimal(f"{digits}.{frac}" if frac is not None else digits)


def _date_raw(start: int, end: int, year: str, month: str, day: str, weekday: str) -> _Raw:
    """A date fact; its value is ISO 8601 (``--MM-DD`` without a year), weekday first."""
    value = "-".join(x for x in (year or "-", month.zfill(2), day.zfill(2) if day else "") if x)
    if weekday:
        value = f"{weekday} {value}"
    return _Raw(FactKind.DATE, start, end, value, (year, month, day, weekday))


def _dates_en(text: str) -> Iterator[_Raw]:
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
            month = str(_MONTHS_EN[fold(m.group("m")).rstrip(".")])
            weekday = _WEEKDAYS_EN[fold(groups["w"])] if groups.get("w") else ""
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
        w = _WEEKDAYS_EN[fold(m.group("w"))]
        yield _Raw(FactKind.DATE, m.start(), m.end(), w, ("", "", "", w))


def _dates(text: str) -> Iterator[_Raw]:
    taken: list[tuple[int, int]] = []
    for m in _DATE.finditer(text):
        d = m.group("d")
        day = "1" if d and fold(d) in ("1er", "premier") else (str(int(d)) if d else "")
        if day and not 1 <= int(day) <= 31:
            continue
        month = str(_MONTHS[_strip_accents(fold(m.group("m")))])
        year = m.group("y") or ""
        weekday = fold(m.group("w") or "")
        # ISO 8601 forms; without a year, its truncated "--MM-DD" form.
        value = "-".join(x for x in (year or "-", month.zfill(2), day.zfill(2) if day else "") if x)
        if weekday:
            value = f"{weekday} {value}"
        taken.append((m.start(), m.end()))
        yield _Raw(FactKind.DATE, m.start(), m.end(), value, (year, month, day, weekday))
    for m in _NUMERIC_DATE.finditer(text):
        year = m.group("y") or m.group("iy")
        month = str(int(m.group("m") or m.group("im")))
        day = str(int(m.group("d") or m.group("id")))
        if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
            continue
        taken.append((m.start(), m.end()))
        value = f"{year}-{month.zfill(2)}-{day.zfill(2)}"
        yield _Raw(FactKind.DATE, m.start(), m.end(), value, (year, month, day, ""))
    for m in _WEEKDAY.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        w = fold(m.group("w"))
        yield _Raw(FactKind.DATE, m.start(), m.end(), w, ("", "", "", w))


def _numbers(text: str, taken: Sequence[tuple[int, int]], reading: str = "fr") -> Iterator[_Raw]:
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
            yield _Raw(FactKind.NUMBER, m.start(), m.end(), f"{_fmt(value)}e", ("ord", _fmt(value)))
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
            yield _Raw(FactKind.DATE, m.start(), m.end(), y, (y, "", "", ""))
            continue
        label = f"{_fmt(value)} {unit}".strip()
        yield _Raw(FactKind.NUMBER, m.start(), end, label, (unit, _fmt(value)))
    function_words = _FUNCTION_WORDS_EN if en else load_french().function_words
    spelled, spelled_ord = (_SPELLED_EN, _SPELLED_ORD_EN) if en else (_SPELLED, _SPELLED_ORD)
    for m in _WORD.finditer(text):
        w = fold(m.group())
        if w in spelled_ord and free(m.start(), m.end()):
            v = str(spelled_ord[w])
            yield _Raw(FactKind.NUMBER, m.start(), m.end(), f"{v}e", ("ord", v))
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
        yield _Raw(FactKind.NUMBER, m.start(), end, label, (unit, _fmt(value)))


_QUOTE = re.compile(r"«\s*(?P<a>[^«»]+?)\s*»|“(?P<b>[^“”]+?)”|\"(?P<c>[^\"\n]+?)\"")


def _quotes(text: str) -> Iterator[_Raw]:
    for m in _QUOTE.finditer(text):
        group = next(g for g in ("a", "b", "c") if m.group(g) is not None)
        inner = m.group(group).strip()
        if not any(c.isalnum() for c in inner):
            continue
        start = m.start(group) + (len(m.group(group)) - len(m.group(group).lstrip()))
        yield _Raw(FactKind.QUOTE, start, start + len(inner), _fold_typography(inner).text)


# Entities -------------------------------------------------------------------------------------

_ELISION = re.compile(
    r"^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu|presqu|quelqu)['’]", re.IGNORECASE
)
#: Capitalised words (a letter upper case, then anything word-like) in a run. Particles ("de",
#: "van") are not allowed inside a run: on the seeds they mostly glued a title to a name ("PDG de
#: Sam Altman"), and "Banque de France" split in two is still checked word by word.
_CAP = r"[A-ZÀ-ÖØ-Þ][\w\-.&]*[\w&]|[A-ZÀ-ÖØ-Þ]"
#: Words of a run are separated by spaces on one line: a line break ends a name (headings).
_CAP_RUN = re.compile(rf"(?<![\w’'])(?:{_CAP})(?:[ \u00a0\u202f]+(?:{_CAP}))+(?![\w])")
#: Where a candidate must be cut: a line break, or a sentence glued to the next by scraping
#: ("Sam Altman.Le départ"), but not a dotted name ("Character.AI", "Twitch.tv").
_ENTITY_CUT = re.compile(r"\n|\.(?=[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ])")
#: An elided word left at the end of a candidate ("Altman n’", "Gates m’interpelle").
_TRAILING_ELISION = re.compile(r"(?:\s+(?:[cdjlmnst]|qu))+['’]?\s*$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?:^|[.!?…:;\n]|^\s*[-–•*])\s*[«“\"(\[]?\s*$")
_ENTITY_LABELS = frozenset({"PER", "ORG", "LOC", "MISC"})


_NLP_LOCK = threading.Lock()


def _nlp() -> Any:
    """The NER pipeline (:func:`_load_nlp`), loaded once even when :func:`preload_entities`
    is loading it in another thread."""
    with _NLP_LOCK:
        return _load_nlp()


def preload_entities() -> None:
    """Start loading spaCy in a background thread, so that its load overlaps other work (the
    model's generation in ``plume optimise``, during which llama.cpp releases the GIL)."""
    threading.Thread(target=_nlp, name="plume-spacy-load", daemon=True).start()


@cache
def _load_nlp() -> Any:
    """spaCy's small French model with only the components the NER needs (loaded once).

    Its French tokenizer is not loaded: importing ``spacy.lang.fr`` and deserialising the
    model's tokenizer compile spaCy's French exception regexes, ≈ 3.5 s of the 5 s load
    (measured with cProfile: ``re._compiler._optimize_charset`` in
    ``spacy/lang/fr/tokenizer_exceptions.py``). A light French class — spaCy's base punctuation
    rules plus the French elisions as prefixes ("l’", "qu’", "jusqu’") — tokenises instead, and
    the tok2vec + NER weights are the model's own. Load 1.7 s instead of 5.0 s; on the 21 texts
    the entities kept after :func:`_clean_entity` are the same names (the raw differences were
    mostly fragments such as "qu’" that the full tokenizer left with a typographic apostrophe).
    """
    import spacy
    from spacy.lang.punctuation import TOKENIZER_INFIXES, TOKENIZER_PREFIXES, TOKENIZER_SUFFIXES
    from spacy.language import BaseDefaults, Language
    from spacy.util import registry

    class _Defaults(BaseDefaults):
        prefixes = (f"(?i:{_ELISION.pattern[1:]})", *TOKENIZER_PREFIXES)
        infixes = TOKENIZER_INFIXES
        suffixes = TOKENIZER_SUFFIXES

    class _LightFrench(Language):  # type: ignore[no-untyped-call]  # spaCy's own hook
        lang = "fr"
        Defaults = _Defaults

    registry.languages.register("fr", func=_LightFrench)
    return spacy.load(
        "fr_core_news_sm",
        exclude=["morphologizer", "parser", "attribute_ruler", "lemmatizer", "tokenizer"],
    )


@cache
def _lexicon() -> Lexicon:
    from plume.lang.fr.lexicon import load_lexicon

    return load_lexicon()


@cache
def _not_entities() -> frozenset[str]:
    """Capitalised words that are never names on their own (``facts_not_entities.txt``)."""
    return frozenset(_fold_words(w).text for w in read_list("facts_not_entities.txt"))


def _sentence_initial(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return _SENTENCE_END.search(text[max(line_start, start - 40) : start]) is not None or (
        text[line_start:start].strip() == ""
    )


def _common_word(word: str) -> bool:
    """A word an ordinary sentence could start with: known to the lexicon, not a proper noun."""
    f = fold(word)
    if f in load_french().function_words or _fold_words(word).text in _not_entities():
        return True
    lex = _lexicon()
    return lex.known(f) and "PROPN" not in lex.pos(f)


def _drop_first_word(start: int, piece: str) -> tuple[int, str]:
    """``piece`` (starting at ``start``) without its first word: new start, new piece."""
    first = piece.split()[0]
    cut = piece.index(first) + len(first)
    rest = piece[cut:]
    return start + cut + (len(rest) - len(rest.lstrip())), rest.strip()


def _clean_entity(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim an entity candidate; ``None`` when what is left is not a name."""
    piece = text[start:end]
    if brk := _ENTITY_CUT.search(piece):
        end = start + brk.start()
        piece = piece[: brk.start()]
    if end < len(text) and text[end : end + 1] in "’'" and len(piece) == 1:
        return None  # "C’est" split by the tokenizer
    if m := _TRAILING_ELISION.search(piece):
        piece = piece[: m.start()]
        end = start + len(piece)
    if m := _ELISION.match(piece):
        start += m.end()
        piece = piece[m.end() :]
    stripped = piece.rstrip(" .,;:!?’'-–")
    end = start + len(stripped)
    piece = stripped
    lead = len(piece) - len(piece.lstrip(' -–«“"('))
    start += lead
    piece = piece[lead:]
    tokens = piece.split()
    if not tokens or not any(c.isupper() for c in piece):
        return None
    # A sentence-initial ordinary word is not a name ("Vendredi", "Sinon", "Les"): drop it.
    while tokens and _sentence_initial(text, start) and _common_word(tokens[0]):
        start, piece = _drop_first_word(start, piece)
        tokens = piece.split()
        if tokens:
            break
    # Leading function words are not part of a name ("Les actions", "La Silicon Valley").
    while len(tokens) > 1 and fold(tokens[0]) in load_french().function_words:
        start, piece = _drop_first_word(start, piece)
        tokens = piece.split()
    if not tokens or not tokens[0][:1].isupper():
        return None
    if len(tokens) == 1 and fold(tokens[0]) in load_french().function_words:
        return None  # "Les actions" capitalised by mistake, tagged by the model
    if all(
        _fold_words(t).text in _not_entities() or _is_title(_fold_words(t).text) for t in tokens
    ):
        return None
    if len(tokens) == 1 and (
        _strip_accents(fold(tokens[0])) in _WEEKDAYS or _strip_accents(fold(tokens[0])) in _MONTHS
    ):
        return None  # a date, checked as such
    if not any(c.isalpha() for c in piece):
        return None
    return start, end


#: Blank lines: the boundaries between an article's fields and paragraphs.
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


#: Paragraph → the NER's entity spans in it. Rewrite mode checks the whole article again after
#: each repair, where only the repaired part changed: running the NER on every paragraph at
#: every round was most of its CPU time (profiled). Bounded: 4,096 paragraphs are the articles
#: of a batch's 64 concurrent slots; past that it simply starts again.
_NER_CACHE: dict[str, tuple[tuple[int, int], ...]] = {}
_NER_CACHE_MAX = 4096


def _ner(text: str) -> Iterator[tuple[int, int]]:
    """The NER's entity spans in ``text``, paragraph by paragraph (spaCy's NER reads a window
    of a few words: a blank line is a hard boundary for it anyway). The paragraphs not seen
    before go through ``nlp.pipe`` together: one call per paragraph cost ≈ 30 ms each."""
    pieces: list[tuple[int, str]] = []
    start = 0
    for m in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = m.start() if m is not None else len(text)
        if text[start:end].strip():
            pieces.append((start, text[start:end]))
        if m is not None:
            start = m.end()
    todo = list(dict.fromkeys(p for _, p in pieces if p not in _NER_CACHE))
    if todo:
        if len(_NER_CACHE) + len(todo) > _NER_CACHE_MAX:
            _NER_CACHE.clear()
        for paragraph, doc in zip(todo, _nlp().pipe(todo), strict=True):
            _NER_CACHE[paragraph] = tuple(
                (e.start_char, e.end_char) for e in doc.ents if e.label_ in _ENTITY_LABELS
            )
    for offset, paragraph in pieces:
        spans = _NER_CACHE.get(paragraph)
        if spans is None:  # evicted meanwhile by another thread
            doc = _nlp()(paragraph)
            spans = tuple(
                (e.start_char, e.end_char) for e in doc.ents if e.label_ in _ENTITY_LABELS
            )
        for s_, e_ in spans:
            yield offset + s_, offset + e_


def _entities(text: str) -> Iterator[_Raw]:
    candidates: list[tuple[int, int]] = list(_ner(text))
    for m in _CAP_RUN.finditer(text):
        candidates.append((m.start(), m.end()))
    # Single capitalised words inside a sentence the model missed ("Brockman" after a comma).
    for m in re.finditer(rf"(?<![\w’'])(?:{_CAP})(?![\w])", text):
        if not _sentence_initial(text, m.start()):
            candidates.append((m.start(), m.end()))
    kept: list[tuple[int, int]] = []
    for s, e in candidates:
        cleaned = _clean_entity(text, s, e)
        if cleaned is not None:
            kept.append(cleaned)
    # Longest first; drop candidates overlapping a longer one.
    kept.sort(key=lambda se: (se[0] - se[1], se[0]))
    chosen: list[tuple[int, int]] = []
    for s, e in kept:
        if all(e <= cs or s >= ce for cs, ce in chosen):
            chosen.append((s, e))
    for s, e in sorted(chosen):
        value = _fold_words(text[s:e]).text.strip()
        if value:
            # Its capitalised part, tried when the whole is not found: the model sometimes
            # tags a name with the common words after it ("IA générative").
            words = text[s:e].split()
            while len(words) > 1 and not (words[-1][:1].isupper() or words[-1][:1].isdigit()):
                words.pop()
            yield _Raw(FactKind.ENTITY, s, e, value, (_fold_words(" ".join(words)).text.strip(),))


def _extract(text: str, *, entities: bool, reading: str | None = None) -> list[_Raw]:
    reading = reading or _reading(text)
    dates = list(_dates_en(text) if reading == "en" else _dates(text))
    quotes = list(_quotes(text))
    taken = [(r.start, r.end) for r in dates]
    facts = dates + list(_numbers(text, taken, reading)) + quotes
    if entities:
        taken = [(r.start, r.end) for r in facts if r.kind is not FactKind.QUOTE]
        facts += [
            r for r in _entities(text) if not any(r.start < e and s < r.end for s, e in taken)
        ]
    facts.sort(key=lambda r: (r.start, r.end))
    return facts


def extract_facts(text: str, *, entities: bool = True, reading: str | None = None) -> list[Fact]:
    """The checkable facts of ``text`` (not yet compared with anything: ``supported`` is False).

    ``reading`` — ``"fr"`` or ``"en"``: how numbers and dates are written; by default
    English when the text is in English (see the module docstring), else French."""
    return [
        Fact(
            kind=r.kind,
            text=text[r.start : r.end],
            value=r.value,
            span=Span(start=r.start, end=r.end),
        )
        for r in _extract(text, entities=entities, reading=reading)
    ]


# --------------------------------------------------------------------------------------------
# Support


class _Source:
    """One source, with its facts and folded forms computed once."""

    def __init__(self, index: int, text: str) -> None:
        self.index = index
        self.text = text
        raws = _extract(text, entities=False)
        self.numbers = [r for r in raws if r.kind is FactKind.NUMBER]
        self.dates = [r for r in raws if r.kind is FactKind.DATE]
        self.words = _fold_words(text)
        self.compact = _fold_words(text, compact=True)
        self.typo = _fold_typography(text)

    def match(self, r: _Raw) -> SourceMatch:
        return SourceMatch(
            source=self.index, span=Span(start=r.start, end=r.end), text=self.text[r.start : r.end]
        )

    def folded_match(self, folded: _Folded, start: int, end: int) -> SourceMatch:
        span = folded.span(start, end)
        return SourceMatch(source=self.index, span=span, text=self.text[span.start : span.end])


@lru_cache(maxsize=64)
def _source(index: int, text: str) -> _Source:
    """A source indexed once: rewrite mode checks the same sources after every repair round,
    and a batch's threads check many articles (64 entries: the sources of 64 articles in
    flight, the highest concurrency the batch benchmark runs)."""
    return _Source(index, text)


def _find_number(raw: _Raw, sources: Sequence[_Source]) -> SourceMatch | None:
    unit, value = raw.key
    for src in sources:
        for r in src.numbers:
            if r.key[1] == value and (r.key[0] == unit or (unit == "" and r.key[0] != "ord")):
                return src.match(r)
        if unit == "" and "." not in value:  # a bare "2019" written as a number in the output
            for r in src.dates:
                if r.key[0] == value:
                    return src.match(r)
    return None


def _find_date(raw: _Raw, sources: Sequence[_Source]) -> SourceMatch | None:
    for src in sources:
        for r in src.dates:
            if all(not want or want == got for want, got in zip(raw.key, r.key, strict=True)):
                return src.match(r)
        if raw.key[1:] == ("", "", ""):  # a year: also as a bare number of the source
            for r in src.numbers:
                if r.key == ("", raw.key[0]):
                    return src.match(r)
    return None


def _find_entity(raw: _Raw, sources: Sequence[_Source]) -> SourceMatch | None:
    pattern = re.compile(rf"(?<![a-z0-9]){re.escape(raw.value)}(?![a-z0-9])")
    for src in sources:
        if m := pattern.search(src.words.text):
            return src.folded_match(src.words, m.start(), m.end())
    if raw.key and raw.key[0] and raw.key[0] != raw.value:
        capitalised = _find_entity(_Raw(raw.kind, raw.start, raw.end, raw.key[0]), sources)
        if capitalised is not None:
            return capitalised
    words = raw.value.split()
    if len(words) > 1 and _is_title(words[0]):
        # "PDG Sam Altman" is supported by "Sam Altman": a title glued to the name.
        return _find_entity(
            _Raw(raw.kind, raw.start, raw.end, " ".join(words[1:]), raw.key), sources
        )
    compact = raw.value.replace(" ", "")
    if len(compact) >= 4:  # "Open AI" = "OpenAI"; too short and it matches inside any word
        for src in sources:
            if (i := src.compact.text.find(compact)) >= 0:
                return src.folded_match(src.compact, i, i + len(compact))
    return None


@cache
def _titles() -> frozenset[str]:
    return frozenset(_fold_words(w).text for w in read_list("facts_titles.txt"))


def _is_title(folded_word: str) -> bool:
    return folded_word in _titles()


def _find_quote(raw: _Raw, sources: Sequence[_Source]) -> SourceMatch | None:
    for src in sources:
        if (i := src.typo.text.find(raw.value)) >= 0:
            return src.folded_match(src.typo, i, i + len(raw.value))
    return None


_REASONS = {
    FactKind.NUMBER: (
        "Le nombre « {t} » ne figure dans aucune source.",
        "The number “{t}” appears in no source.",
    ),
    FactKind.DATE: (
        "La date « {t} » ne figure dans aucune source.",
        "The date “{t}” appears in no source.",
    ),
    FactKind.ENTITY: (
        "Le nom « {t} » ne figure dans aucune source.",
        "The name “{t}” appears in no source.",
    ),
    FactKind.QUOTE: (
        "La citation « {t} » ne figure pas telle quelle dans les sources.",
        "The quotation “{t}” does not appear verbatim in the sources.",
    ),
}

_FINDERS = {
    FactKind.NUMBER: _find_number,
    FactKind.DATE: _find_date,
    FactKind.ENTITY: _find_entity,
    FactKind.QUOTE: _find_quote,
}


def check_facts(output: str, source: str | list[str], *, entities: bool = True) -> FactCheck:
    """Check that every number, date, name and quotation of ``output`` is in ``source``.

    ``entities=False`` skips named entities (and so never loads spaCy, ≈ 4 s the first time).
    """
    sources = [_source(i, s) for i, s in enumerate([source] if isinstance(source, str) else source)]
    facts: list[Fact] = []
    violations: list[FactViolation] = []
    for raw in _extract(output, entities=entities):
        found = _FINDERS[raw.kind](raw, sources)
        fact = Fact(
            kind=raw.kind,
            text=output[raw.start : raw.end],
            value=raw.value,
            span=Span(start=raw.start, end=raw.end),
            supported=found is not None,
            found=found,
        )
        facts.append(fact)
        if found is None:
            fr, en = _REASONS[raw.kind]
            violations.append(
                FactViolation(
                    fact=fact, reason_fr=fr.format(t=fact.text), reason_en=en.format(t=fact.text)
                )
            )
    return FactCheck(facts=facts, violations=violations)
