"""The ordered list of cleaning steps (``plume.clean.steps``)."""

from __future__ import annotations

from plume.clean import RULES, STEPS


def test_steps_are_numbered_in_order_with_unique_rules() -> None:
    assert [s.number for s in STEPS] == list(range(1, len(STEPS) + 1))
    assert len(RULES) == len(set(RULES))
    assert all(r.startswith("CL-") for r in RULES)
    assert [s.number for s in STEPS if s.typography] == [11, 12, 13, 14]
