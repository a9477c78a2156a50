"""report.json's model (plume.optimisation): the usage summary reads any usage counter."""

from __future__ import annotations

from dataclasses import dataclass, field

from plume.optimisation import UsageSummary


@dataclass
class _Counter:
    calls: int = 2
    prompt_tokens: int = 100
    completion_tokens: int = 40
    seconds: float = 1.23456
    cost: float | None = None
    estimated_calls: int = 1
    per_call: list[tuple[int, int, float]] = field(
        default_factory=lambda: [(60, 20, 0.61234), (40, 20, 0.62222)]
    )


def test_usage_summary_rounds_the_times() -> None:
    s = UsageSummary.of(_Counter())
    assert (s.calls, s.prompt_tokens, s.completion_tokens, s.seconds) == (2, 100, 40, 1.235)
    assert s.cost is None and s.estimated_calls == 1
    assert s.per_call == [(60, 20, 0.612), (40, 20, 0.622)]
