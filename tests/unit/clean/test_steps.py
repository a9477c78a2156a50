"""The ordered list of cleaning steps (``plume.clean.steps``)."""

from __future__ import annotations

from plume.clean import RULES, STEPS


def test_steps_are_numbered_in_order_with_unique_rules() -> None:
    assert [s.number for s in STEPS] == list(range(1, len(STEPS) + 1))
    assert len(RULES) == len(set(RULES))
    # The cleaner's own rules, then the grammar checker's corrections (step 15).
    assert all(r.startswith(("CL-", "COR-")) for r in RULES)
    assert [s.number for s in STEPS if any(r.startswith("COR-") for r in s.rules)] == [15]
    assert [s.number for s in STEPS if s.typography] == [11, 12, 13, 14]
