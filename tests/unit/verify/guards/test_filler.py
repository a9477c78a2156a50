"""The filler guard (plume.verify.guards.filler)."""

from __future__ import annotations

from plume.verify.guards import (
    find_filler,
)
from tests.unit.verify.guards.conftest import MACHINE_INTRO, REAL, hard, make


def test_a_padded_section_is_a_hard_violation() -> None:
    violations = find_filler(make(intro=[MACHINE_INTRO]))
    soft = [v.excerpt for v in violations if not v.hard]
    assert len(soft) == 4  # four phrases, one of them written without accents nor ’
    assert any("hesitez" in s for s in soft)
    assert hard(violations) == [("filler", "intro", None)]
    section = next(v for v in violations if v.hard)
    assert "3 phrases sur 4" in section.message_fr
    assert "« dans un monde en constante évolution »" in section.hint_fr.replace("\u202f", " ")


def test_one_empty_phrase_is_soft() -> None:
    intro = [REAL[0] + " Il est important de noter que Microsoft détient 49 % de la filiale."]
    violations = find_filler(make(intro=intro))
    assert [(v.field, v.paragraph, v.hard) for v in violations] == [("intro", 0, False)]
    assert violations[0].hint_fr.startswith("Réécris cette phrase sans la formule creuse")


def test_real_sentences_hold_no_empty_phrase() -> None:
    assert find_filler(make(intro=REAL)) == []
