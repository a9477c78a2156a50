"""Backoff policy, Retry-After parsing, the usage accumulator, the token estimate, settings."""

from __future__ import annotations

import itertools
import json
import random
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from plume.backends import (
    Completion,
    LocalBackend,
    ScriptedBackend,
    UnknownBackendError,
    Usage,
    backend_from_settings,
    count_tokens_estimate,
)
from plume.backends.retry import RateLimiter, RetryPolicy, parse_retry_after
from plume.errors import ConfigError
from plume.settings import BackendSettings
from tests.conftest import SEEDS


def test_retry_after_seconds_and_dates() -> None:
    now = datetime(2026, 11, 23, 12, 0, 0, tzinfo=UTC)
    assert parse_retry_after("2") == 2.0
    assert parse_retry_after(" 0.5 ") == 0.5
    assert parse_retry_after("-3") == 0.0
    later = format_datetime(now + timedelta(seconds=90), usegmt=True)
    assert parse_retry_after(later, now=now.timestamp()) == pytest.approx(90.0)
    earlier = format_datetime(now - timedelta(seconds=90), usegmt=True)
    assert parse_retry_after(earlier, now=now.timestamp()) == 0.0
    for garbage in (None, "", "bientôt", "nan"):
        assert parse_retry_after(garbage) is None


def test_backoff_is_jittered_exponential_and_capped() -> None:
    policy = RetryPolicy(max_retries=8, max_backoff_s=3.0, base_s=0.5, rng=random.Random(1))
    for retry in range(1, 9):
        ceiling = min(3.0, 0.5 * 2 ** (retry - 1))
        waits = [policy.delay(retry) for _ in range(200)]
        assert all(0.0 <= w <= ceiling for w in waits)
        assert max(waits) > ceiling * 0.8  # full jitter uses the whole range
    assert policy.delay(1, retry_after=2.0) == 2.0
    assert policy.delay(1, retry_after=3600.0) == 3.0  # Retry-After capped at max_backoff_s
    assert all(RetryPolicy.retryable(s) for s in (408, 429, 500, 502, 503, 504))
    assert not any(RetryPolicy.retryable(s) for s in (400, 401, 403, 404, 422))


def test_usage_totals_cost_and_json() -> None:
    usage = Usage(price_in_per_mtok=2.0, price_out_per_mtok=6.0)
    usage.add(Completion("a", 1000, 200, seconds=1.5, attempts=3))
    usage.add(Completion("b", 500, 100, seconds=0.5, estimated_tokens=True))
    assert (usage.calls, usage.prompt_tokens, usage.completion_tokens) == (2, 1500, 300)
    assert usage.retries == 2 and usage.estimated_calls == 1
    assert usage.cost == pytest.approx((1500 * 2.0 + 300 * 6.0) / 1e6)
    data = json.loads(json.dumps(usage.to_dict()))
    assert data["total_tokens"] == 1800 and len(data["per_call"]) == 2
    total = Usage()
    total.merge(usage)
    total.merge(usage)
    assert total.calls == 4 and total.completion_tokens == 600
    assert total.cost is None  # no price configured: unknown, not free


def test_token_estimate_is_in_the_range_of_french_prose() -> None:
    assert count_tokens_estimate("") == 0
    assert count_tokens_estimate("a") == 1
    text = SEEDS[0].read_text(encoding="utf-8")
    words = len(text.split())
    # French prose: 0.55–0.70 words per Gemma token on the corpus (see FRENCH_CHARS_PER_TOKEN).
    assert words / 0.75 <= count_tokens_estimate(text) <= words / 0.5


def test_settings_build_the_local_backend_without_loading_it(tmp_path: Path) -> None:
    gguf = tmp_path / "autre.gguf"
    settings = BackendSettings(name="local", model_path=gguf, n_ctx=4096, threads=3, seed=7)
    backend = backend_from_settings(settings)
    assert isinstance(backend, LocalBackend)
    assert (backend.model_path, backend.n_ctx, backend.threads, backend.seed) == (gguf, 4096, 3, 7)
    assert not backend.loaded  # lazy: nothing loaded


def test_settings_refuse_unknown_and_test_only_backends() -> None:
    with pytest.raises(UnknownBackendError) as info:
        backend_from_settings(BackendSettings(name="gpt"))
    assert info.value.exit_code == 8 and "openai" in info.value.message_fr
    with pytest.raises(ConfigError):
        backend_from_settings(BackendSettings(name="scripted"))


def test_scripted_backend_still_works() -> None:
    backend = ScriptedBackend(["x"])
    assert backend.complete("p", max_tokens=1, temperature=0, seed=0, stop=[]).text == "x"


class FakeClock:
    """A clock that only moves when the limiter sleeps: pacing tested without waiting."""

    def __init__(self) -> None:
        self.now = 100.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def test_requests_per_minute_spaces_request_starts() -> None:
    clock = FakeClock()
    limiter = RateLimiter(requests_per_minute=120, clock=clock, sleep=clock.sleep)
    starts = []
    for _ in range(4):
        with limiter.slot():
            starts.append(clock.now)
    assert [b - a for a, b in itertools.pairwise(starts)] == [0.5, 0.5, 0.5]


def test_tokens_per_minute_is_a_bucket_of_one_minute() -> None:
    clock = FakeClock()
    limiter = RateLimiter(tokens_per_minute=600, clock=clock, sleep=clock.sleep)  # 10 tokens/s
    with limiter.slot(500):
        pass
    assert clock.sleeps == []  # within the minute's budget
    with limiter.slot(200):  # 100 tokens short: 10 s of refill
        pass
    assert clock.sleeps == [pytest.approx(10.0)]
    clock.now += 60  # idle for a minute: the bucket is full again, not fuller
    with limiter.slot(600):
        pass
    with limiter.slot(5000):  # larger than the whole budget: waits for a full bucket only
        pass
    assert clock.sleeps[1:] == [pytest.approx(60.0)]
