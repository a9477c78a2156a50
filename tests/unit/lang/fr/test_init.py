"""Validation of every French data file (src/plume/lang/fr/data/*.txt), including files added
later: NFC, no duplicates (case-insensitive), apostrophes as ’, no surrounding spaces, no empty
entries. ``#`` starts a comment, blank lines separate sections. Licence texts of bundled data
(``NOT_LISTS``) are not lists and are skipped.

Regular-expression files (cleaning patterns and the like, matched by ``REGEX_FILES``) may use the
ASCII apostrophe (inside character classes such as ``['’]``); the other rules apply to them too.
"""

from __future__ import annotations

import fnmatch
import unicodedata
from pathlib import Path

import pytest

import plume.lang.fr as fr_pkg
from plume.lang.fr import fold, load_french, read_list
from plume.text import words

DATA = Path(fr_pkg.__file__).parent / "data"
#: Text files in the folder that are not lists (licences of bundled data, notes).
NOT_LISTS = ("*LICENSE*", "*LICENCE*", "README*", "NOTICE*")
FILES = sorted(
    p for p in DATA.glob("*.txt") if not any(fnmatch.fnmatch(p.name, pat) for pat in NOT_LISTS)
)
#: Files holding regular expressions rather than words (name patterns).
REGEX_FILES = ("clean_*.txt", "*_patterns.txt", "*_regex.txt", "brief_*.txt")


def is_regex_file(path: Path) -> bool:
    return any(fnmatch.fnmatch(path.name, pat) for pat in REGEX_FILES)


def entries(path: Path) -> list[tuple[int, str, str]]:
    """(line number, raw line, entry) for each non-comment, non-blank line."""
    out = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        entry = raw.split("#", 1)[0]
        if raw.strip() == "" or entry.strip() == "":
            continue  # blank line or comment
        out.append((n, raw, entry))
    return out


def test_the_folder_holds_the_core_lists() -> None:
    names = {p.name for p in FILES}
    assert {
        "function_words.txt",
        "abbreviations.txt",
        "transition_words.txt",
        "transition_two_part.txt",
    } <= names


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_file_is_well_formed(path: Path) -> None:
    raw_text = path.read_bytes().decode("utf-8")  # UTF-8 or fails
    assert "\r" not in raw_text, "use LF line endings"
    assert "\ufeff" not in raw_text, "no byte-order mark"
    problems = []
    seen: dict[str, int] = {}
    items = entries(path)
    assert items, "no entries"
    for n, raw, entry in items:
        content = entry.rstrip() if "#" in raw else entry
        if content != content.strip():
            problems.append(f"{n}: leading/trailing space in {raw!r}")
        value = content.strip()
        if unicodedata.normalize("NFC", value) != value:
            problems.append(f"{n}: not NFC: {value!r}")
        if "'" in value and not is_regex_file(path):
            problems.append(f"{n}: ASCII apostrophe, use ’: {value!r}")
        if "\u00a0" in value or "\t" in value or "  " in value:
            problems.append(f"{n}: tab, double or no-break space in {value!r}")
        key = value.casefold()
        if key in seen:
            problems.append(f"{n}: duplicate of line {seen[key]}: {value!r}")
        seen[key] = n
    assert not problems, "\n".join(problems)


def test_loader_reads_what_the_files_hold() -> None:
    fr = load_french()
    assert len(fr.function_words) == len(read_list("function_words.txt"))
    assert "l'" in fr.function_words and "de" in fr.function_words  # folded for Word.norm
    assert "OpenAI" not in fr.function_words
    assert fr.transition_words == read_list("transition_words.txt")
    assert ("d’une part", "d’autre part") in fr.transition_two_part


def test_function_words_are_single_tokens_in_lower_case() -> None:
    for w in read_list("function_words.txt"):
        assert w == w.lower(), w
        assert [t.text for t in words(w)] == [w], f"{w!r} is not one token for text.words()"


def test_transition_lists() -> None:
    for expr in read_list("transition_words.txt"):
        assert expr == expr.lower(), expr
        assert words(expr), expr
    for line in read_list("transition_two_part.txt"):
        first, sep, second = line.partition(" … ")
        assert sep and first and second and "…" not in second, line
        assert "..." not in line


def test_abbreviations() -> None:
    abbreviations = read_list("abbreviations.txt")
    assert all(a.endswith(".") for a in abbreviations)
    for needed in ("M.", "MM.", "etc.", "cf.", "p. ex.", "av. J.-C.", "c.-à-d."):
        assert needed in abbreviations, needed
    assert set(read_list("abbreviations_before_names.txt")) <= set(abbreviations)


def test_elisions() -> None:
    prefixes = set(read_list("elision_prefixes.txt"))
    assert {"l", "d", "j", "qu", "n", "s", "m", "t", "c", "jusqu", "lorsqu", "puisqu"} <= prefixes
    for word in read_list("elision_exceptions.txt"):
        assert word.split("’", 1)[0] in prefixes, word


def test_ent_non_verbs() -> None:
    ent = read_list("ent_non_verbs.txt")
    assert len(ent) > 200
    assert all(w.endswith("ent") and w == w.lower() for w in ent)
    assert {"moment", "client", "souvent", "président"} <= set(ent)
    assert not {"parlent", "aiment", "ferment"} & set(ent)
    assert all(fold(w) in load_french().ent_non_verbs for w in ent)


def test_de_is_contracted_and_elided_as_french_writes_it() -> None:
    from plume.lang.fr import with_de

    assert with_de("les trottinettes") == "des trottinettes"
    assert with_de("le conseil") == "du conseil"
    assert with_de("la ville") == "de la ville"
    assert with_de("l’IA") == "de l’IA"
    assert with_de("OpenAI") == "d’OpenAI"
    assert with_de("Microsoft") == "de Microsoft"


def test_time_nouns_hold_the_list_and_the_months() -> None:
    from plume.lang.fr import time_nouns

    assert {"année", "soir", "jeudi", "lendemain", "février", "août"} <= time_nouns()
    assert "marché" not in time_nouns()
