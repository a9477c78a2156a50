"""The cleaner's language data, read lazily from ``plume/lang/fr/data/clean_*.txt``.

Data files are plain UTF-8, one entry per line, ``#`` starts a comment (the conventions of
:func:`plume.lang.fr.read_list`, which reads them). Pattern files hold one regular expression per
line; a typographic apostrophe ’ in a pattern matches both ’ and ' (the files keep ’, the text may
have either before the typography step runs), and ``#`` is written ``\\x23``.
"""

from __future__ import annotations

import re
from functools import cache

from plume.lang.fr import load_french, read_list

__all__ = [
    "abbreviations",
    "english_markers",
    "french_markers",
    "function_words",
    "patterns",
    "protected_tokens",
    "word_set",
]


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern.replace("’", "['’]"), re.IGNORECASE)


@cache
def patterns(name: str) -> tuple[re.Pattern[str], ...]:
    """Compiled patterns of ``data/<name>`` (case-insensitive), in file order."""
    return tuple(_compile(p) for p in read_list(name))


@cache
def alternation(name: str) -> re.Pattern[str]:
    """All patterns of ``data/<name>`` as one case-insensitive alternation (faster to test)."""
    return _compile("|".join(f"(?:{p})" for p in read_list(name)))


@cache
def word_set(name: str) -> frozenset[str]:
    """Entries of ``data/<name>``, lower-cased, ’ folded to ' (to compare with folded tokens)."""
    return frozenset(w.lower().replace("’", "'") for w in read_list(name))


@cache
def protected_tokens() -> frozenset[str]:
    """Names, brands and acronyms with unusual capitals, exactly as written ("OpenAI")."""
    return frozenset(read_list("clean_protected_tokens.txt"))


@cache
def abbreviations() -> tuple[str, ...]:
    """Dotted abbreviations ("M.", "p. ex.", "etc."), longest first.

    The shared list ``abbreviations.txt`` (also used by the sentence splitter) comes first; the
    cleaner's own ``clean_abbreviations_extra.txt`` adds only what it lacks.
    """
    merged = dict.fromkeys(
        (*read_list("abbreviations.txt"), *read_list("clean_abbreviations_extra.txt"))
    )
    return tuple(sorted(merged, key=len, reverse=True))


@cache
def function_words() -> frozenset[str]:
    """French function words, folded: the analyser's list (:func:`plume.lang.fr.load_french`)."""
    return load_french().function_words


@cache
def french_markers() -> frozenset[str]:
    return word_set("clean_markers_fr.txt")


@cache
def english_markers() -> frozenset[str]:
    return word_set("clean_markers_en.txt")
