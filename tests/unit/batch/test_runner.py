"""The batch's exit code."""

from __future__ import annotations

from plume.batch.runner import exit_code_for


def test_exit_code_from_failure_ratio() -> None:
    assert exit_code_for(0, 10, 0.5) == 0
    assert exit_code_for(5, 10, 0.5) == 14
    assert exit_code_for(6, 10, 0.5) == 15
    assert exit_code_for(1, 10, 0.0) == 15
