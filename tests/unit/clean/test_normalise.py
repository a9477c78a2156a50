"""Steps 1–3: invisible characters, NFC, white space."""

from __future__ import annotations

import unicodedata

import pytest

from plume.settings import Settings
from tests.unit.clean.helpers import NBSP, NNBSP, cleaned, rules, run

RAW = Settings(fix_typography=False)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("intelli\u200bgence", "intelligence"),  # zero-width space
        ("\ufeffLe texte", "Le texte"),  # byte-order mark
        ("dévelop\u00adpement", "développement"),  # soft hyphen
        ("intelli\u200dgence", "intelligence"),  # joiner between Latin letters
        ("bon\x07jour\x1b", "bonjour"),  # C0 controls
        ("fin\x85", "fin"),  # NEL at the end: a line break, then dropped at the block end
    ],
)
def test_invisible_and_control_characters_are_removed(raw: str, expected: str) -> None:
    result = run(raw, settings=RAW)
    assert result.document.text == expected
    assert "CL-CONTROL" in rules(result)


def test_joiners_of_emoji_and_non_latin_scripts_are_kept() -> None:
    family = "👨\u200d👩\u200d👧"
    persian = "می\u200cخواهم"
    assert cleaned(f"La famille {family}", settings=RAW) == f"La famille {family}"
    assert cleaned(persian, settings=RAW) == persian


def test_nfc_composes_accents_and_logs_each_letter() -> None:
    raw = unicodedata.normalize("NFD", "Élève déçu")
    result = run(raw, settings=RAW)
    assert result.document.text == "Élève déçu"
    nfc = [c for c in result.changes if c.rule == "CL-NFC"]
    assert [c.after for c in nfc] == ["É", "è", "é", "ç"]
    assert all(len(c.before) == 2 for c in nfc)


def test_text_already_in_nfc_is_untouched() -> None:
    assert "CL-NFC" not in rules(run("Élève déçu", settings=RAW))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Le  chat\tdort", "Le chat dort"),
        ("  Le chat dort.   ", "Le chat dort."),
        ("Le\u2003chat", "Le chat"),  # em space
        ("75\u2009000 euros", f"75{NNBSP}000 euros"),  # thin space → narrow no-break space
        (f"Mot {NBSP} suivant", f"Mot{NBSP}suivant"),  # an intended no-break space survives
    ],
)
def test_spaces_collapse_and_trailing_spaces_go(raw: str, expected: str) -> None:
    result = run(raw, settings=RAW)
    assert result.document.text == expected
    assert set(rules(result)) == {"CL-WHITESPACE"}


def test_single_spaces_are_never_logged() -> None:
    assert rules(run("Le chat dort sur le canapé.", settings=RAW)) == []


def test_windows_line_ends_become_line_breaks() -> None:
    assert cleaned("Première ligne\r\nsuite de la phrase.", settings=RAW) == (
        "Première ligne suite de la phrase."
    )
