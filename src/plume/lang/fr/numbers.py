"""Numbers and dates as words: the fact check's tables (:mod:`plume.verify.facts`).

French first: months (keyed without accents), weekdays, scale words, spelled-out cardinals and
ordinals. Then the English ones, for sources in English that rewrite mode translates: English
writes "billion" for 10⁹ (French "milliard"; a French "billion" is 10¹², Le Petit Robert),
abbreviates months ("Jan.", "Sept.": the AP Stylebook) and names weekdays, keyed here to the
French names dates are compared by.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

__all__ = [
    "FUNCTION_WORDS_EN",
    "MONTHS",
    "MONTHS_EN",
    "SCALES",
    "SCALES_EN",
    "SPELLED",
    "SPELLED_EN",
    "SPELLED_ORD",
    "SPELLED_ORD_EN",
    "WEEKDAYS",
    "WEEKDAYS_EN",
    "french_date",
]


MONTHS = {
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

#: Month names as written (MONTHS holds them folded, for reading).
MONTH_NAMES = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def french_date(day: date) -> str:
    """``12 décembre 2019``, ``1er février 2020``: the long French date, with the ordinal the
    first of the month takes (Imprimerie nationale, *Lexique*); a datetime gives its day."""
    first = "1er" if day.day == 1 else str(day.day)
    return f"{first} {MONTH_NAMES[day.month - 1]} {day.year}"


WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")

SCALES = {
    "milliard": Decimal(10) ** 9,
    "md": Decimal(10) ** 9,
    "mds": Decimal(10) ** 9,
    "mrd": Decimal(10) ** 9,
    "md€": Decimal(10) ** 9,
    "million": Decimal(10) ** 6,
    "m€": Decimal(10) ** 6,
}

SPELLED = {
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

SPELLED_ORD = {
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

SCALES_EN = {
    "trillion": Decimal(10) ** 12,
    "tn": Decimal(10) ** 12,
    "billion": Decimal(10) ** 9,
    "bn": Decimal(10) ** 9,
    "million": Decimal(10) ** 6,
    "thousand": Decimal(10) ** 3,
}

SPELLED_EN = {
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
SPELLED_ORD_EN = {
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
FUNCTION_WORDS_EN = frozenset(
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

MONTHS_EN = {
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
WEEKDAYS_EN = dict(
    zip(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
        WEEKDAYS,
        strict=True,
    )
)
