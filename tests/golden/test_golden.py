"""Walk every golden case and compare what plume finds with the reviewed expectation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.golden.golden import case_dirs, observe

CASES = case_dirs()


def test_there_are_cases_for_every_seed_and_corpus_file() -> None:
    assert len(CASES) == 22  # 5 seeds + 16 corpus pages + the shipped example


@pytest.mark.parametrize("case_dir", CASES, ids=[c.name for c in CASES])
def test_golden_case(case_dir: Path) -> None:
    expected = json.loads((case_dir / "expected.json").read_text(encoding="utf-8"))
    assert observe(case_dir) == expected, (
        "run scripts/update_golden.py if this change is deliberate"
    )
