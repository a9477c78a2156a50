"""Rate limits and the concurrency cap shared by a remote batch's threads."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

import pytest

from plume.backends.base import Completion, Message
from plume.batch.limiter import CountingBackend, LimitedBackend, TokenBucket


class _Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_token_bucket_refills_at_its_rate_and_holds_one_second() -> None:
    clock = _Clock()
    bucket = TokenBucket(120, clock=clock)  # 2 per second, bucket of 2
    assert bucket.capacity == 2
    assert bucket.acquire() and bucket.acquire()
    assert bucket.level == 0
    clock.now = 0.5
    assert bucket.level == pytest.approx(1.0)
    bucket.settle(5)  # the call used 5 more units than reserved: debt
    assert bucket.level < 0
    clock.now = 100
    assert bucket.level == bucket.capacity
    bucket.settle(100)  # deep in debt: an acquire would wait (the clock stands still)
    bucket.stop()
    assert bucket.acquire() is False  # stopped: waiters give up at once
    assert TokenBucket(0).acquire(10**9)  # 0 = unlimited


class _Barrier:
    """A backend that records how many calls overlap."""

    def __init__(self) -> None:
        self.active = 0
        self.peak = 0
        self.lock = threading.Lock()
        self.gate = threading.Event()

    def complete(self, prompt: str, **kw: Any) -> Completion:
        with self.lock:
            self.active += 1
            self.peak = max(self.peak, self.active)
        self.gate.wait(5)
        with self.lock:
            self.active -= 1
        return Completion("ok", prompt_tokens=7, completion_tokens=2)

    def chat(self, messages: Sequence[Message], **kw: Any) -> Completion:
        return self.complete("".join(m.content for m in messages))

    def close(self) -> None:
        pass


def test_limited_backend_caps_concurrency_and_counting_backend_counts() -> None:
    inner = _Barrier()
    limited = LimitedBackend(inner, concurrency=3)
    counters = [CountingBackend(limited) for _ in range(8)]

    def call(c: CountingBackend) -> None:
        c.complete("x" * 40, max_tokens=5, temperature=0, seed=1, stop=[])

    threads = [threading.Thread(target=call, args=(c,)) for c in counters]
    for t in threads:
        t.start()
    while True:  # wait until the cap is reached, then release everyone
        with inner.lock:
            if inner.active == 3:
                break
    inner.gate.set()
    for t in threads:
        t.join()
    assert inner.peak == 3
    assert all((c.calls, c.prompt_tokens, c.completion_tokens) == (1, 7, 2) for c in counters)


def test_limited_backend_builds_the_configured_backend_with_its_share_of_the_limits() -> None:
    from plume.backends import OpenAIBackend
    from plume.batch.limiter import limited_backend
    from plume.settings import load_settings

    settings = load_settings(
        {
            "backend": {
                "name": "openai",
                "base_url": "http://127.0.0.1:9/v1",
                "requests_per_minute": 61,
                "tokens_per_minute": 1000,
            }
        },
        env={},
    )
    limited = limited_backend(settings, concurrency=2, share=2)
    try:
        assert isinstance(limited.inner, OpenAIBackend)
        assert limited.requests.rate == pytest.approx(31 / 60)  # 61 / 2, rounded up
        assert limited.tokens.rate == pytest.approx(500 / 60)
        assert limited_backend(settings, concurrency=1).requests.rate == pytest.approx(61 / 60)
    finally:
        limited.close()
