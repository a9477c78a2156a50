"""Limits for a remote backend shared by a batch's threads: a concurrency cap and token buckets
for requests per minute and tokens per minute; and a per-article token counter.
:func:`limited_backend` builds the configured backend behind those limits.

Providers enforce per-minute limits over shorter windows (OpenAI's rate-limit guide: "your rate
limit may be quantized, meaning it is enforced over shorter periods of time", e.g. 60,000
requests/minute as 1,000 per second). A bucket that may hold a whole minute's worth would let a
batch fire that burst in a second and collect 429s; so each bucket holds one second's worth
(at least one request, or one request's tokens) and refills continuously.

Tokens are not known before a call: a call reserves an estimate (prompt characters / 4, the
usual rule of thumb for BPE tokenisers on Latin-script text, plus ``max_tokens``), and the
difference is settled with the usage the server reports once the call returns.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from plume.backends import backend_from_settings
from plume.backends.base import Backend, BackendWrapper, Completion, CountingBackend
from plume.settings import Settings

# CountingBackend lives in plume.backends.base (the studio uses it too); re-exported here.
__all__ = ["CountingBackend", "LimitedBackend", "TokenBucket", "estimate_tokens", "limited_backend"]

#: Characters per token for the estimate (OpenAI's tokenizer guide: "one token generally
#: corresponds to ~4 characters of text for common English text"; French is close).
_CHARS_PER_TOKEN = 4


def estimate_tokens(text: str, max_tokens: int) -> int:
    return len(text) // _CHARS_PER_TOKEN + max_tokens


class TokenBucket:
    """``per_minute`` units a minute, at most one second's worth at once. 0 = unlimited.

    ``acquire`` blocks until the units are available (a request larger than the bucket waits
    for a full bucket and leaves it in debt, so it is never refused forever); ``stop`` wakes
    every waiter (Ctrl-C) and makes ``acquire`` return False.
    """

    def __init__(self, per_minute: int, *, clock: Any = time.monotonic) -> None:
        self.rate = per_minute / 60.0
        self.capacity = max(1.0, self.rate)
        self._level = self.capacity
        self._clock = clock
        self._last = clock()
        self._cond = threading.Condition()
        self._stopped = False

    @property
    def unlimited(self) -> bool:
        return self.rate <= 0

    @property
    def level(self) -> float:
        """Units available now (negative: in debt)."""
        with self._cond:
            self._refill()
            return self._level

    def _refill(self) -> None:
        now = self._clock()
        self._level = min(self.capacity, self._level + (now - self._last) * self.rate)
        self._last = now

    def acquire(self, units: float = 1.0) -> bool:
        if self.unlimited:
            return True
        need = min(units, self.capacity)
        with self._cond:
            while True:
                if self._stopped:
                    return False
                self._refill()
                if self._level >= need:
                    self._level -= units
                    return True
                self._cond.wait((need - self._level) / self.rate)

    def settle(self, units: float) -> None:
        """Give back (``units`` < 0: take more) the difference between estimate and actual."""
        if self.unlimited:
            return
        with self._cond:
            self._refill()
            self._level = min(self.capacity, self._level - units)
            self._cond.notify_all()

    def stop(self) -> None:
        with self._cond:
            self._stopped = True
            self._cond.notify_all()


class LimitedBackend(BackendWrapper):
    """A thread-safe backend shared by a batch's threads, behind the limits above (it owns the
    inner backend: closing it closes that one)."""

    def __init__(
        self,
        inner: Backend,
        *,
        concurrency: int,
        requests_per_minute: int = 0,
        tokens_per_minute: int = 0,
    ) -> None:
        super().__init__(inner, owns=True)
        self._slots = threading.BoundedSemaphore(concurrency)
        self.requests = TokenBucket(requests_per_minute)
        self.tokens = TokenBucket(tokens_per_minute)
        self._stopped = threading.Event()

    def stop(self) -> None:
        self._stopped.set()
        self.requests.stop()
        self.tokens.stop()

    def around(self, text: str, max_tokens: int, call: Callable[[], Completion]) -> Completion:
        from plume.errors import BackendError

        estimate = estimate_tokens(text, max_tokens)
        interrupted = BackendError("Lot interrompu.", "Batch interrupted.")
        if not self.requests.acquire(1) or not self.tokens.acquire(estimate):
            raise interrupted
        # The slot is taken last: a thread waiting for the rate limit holds no slot.
        while not self._slots.acquire(timeout=0.5):
            if self._stopped.is_set():
                raise interrupted
        try:
            result = call()
        finally:
            self._slots.release()
        self.tokens.settle(result.prompt_tokens + result.completion_tokens - estimate)
        return result


def limited_backend(settings: Settings, *, concurrency: int, share: int = 1) -> LimitedBackend:
    """The configured backend behind ``concurrency`` slots and ``1/share`` of the configured rate
    limits (rounded up; 0 stays "no limit"): all of them in one process, each worker process's
    part when several share them (:mod:`plume.batch.remote`)."""
    b = settings.backend
    return LimitedBackend(
        backend_from_settings(b),
        concurrency=concurrency,
        requests_per_minute=-(-b.requests_per_minute // share),
        tokens_per_minute=-(-b.tokens_per_minute // share),
    )
