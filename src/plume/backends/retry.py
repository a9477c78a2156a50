"""When and how long to wait before asking a remote backend again.

Exponential backoff with *full jitter* (AWS Architecture Blog, "Exponential Backoff and Jitter",
M. Brooker, 2015): the n-th retry waits a uniform random time in ``[0, min(cap, base · 2ⁿ⁻¹)]``.
Full jitter spreads the retries of many clients hit by the same 429 or outage, where plain
exponential backoff would have them all come back at the same instant. A server's
``Retry-After`` (RFC 9110 §10.2.3: seconds, or an HTTP date) overrides the computed wait, capped
at ``max_backoff_s`` so a server asking for an hour cannot freeze a run.

Hand-rolled rather than tenacity (not a dependency): the policy is ten lines, and what matters
here — reading ``Retry-After`` from the response and building a French/English error that says
how many attempts were made — would be glue around tenacity anyway.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime

__all__ = ["RETRYABLE_STATUS", "RateLimiter", "RetryPolicy", "parse_retry_after"]

#: Statuses worth retrying: 408 request timeout, 409 conflict (OpenAI returns it on transient
#: lock contention), 425 too early, 429 rate limited, and every 5xx (overloaded, bad gateway,
#: unavailable, gateway timeout — proxies in front of vLLM/Ollama return 502/504 while the model
#: loads). Other 4xx are the request's fault: asking again would get the same answer.
RETRYABLE_STATUS = frozenset({408, 409, 425, 429})


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or HTTP date), or None.

    A date in the past gives 0; a value that is neither (some proxies send garbage) gives None,
    and the caller falls back to its own backoff.
    """
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:
        return max(0.0, seconds) if seconds == seconds else None  # NaN is not a wait
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # RFC 9110 dates are GMT; a naive one is read as such
        return None
    current = time.time() if now is None else now
    return max(0.0, when.timestamp() - current)


@dataclass
class RetryPolicy:
    """``max_retries`` retries after the first attempt (so ``max_retries + 1`` attempts at most).

    ``base_s`` (0.5 s) is the first retry's upper bound: short enough that one transient 502 costs
    under a second, and after four doublings (8 s) it reaches the scale at which hosted APIs
    lift a per-minute rate limit. ``max_backoff_s`` caps both the computed wait and
    ``Retry-After``.
    """

    max_retries: int = 4
    max_backoff_s: float = 30.0
    base_s: float = 0.5
    rng: random.Random = field(default_factory=random.Random, repr=False)

    @staticmethod
    def retryable(status: int) -> bool:
        return status in RETRYABLE_STATUS or status >= 500

    def delay(self, retry: int, retry_after: float | None = None) -> float:
        """Seconds to wait before retry number ``retry`` (1 for the first retry)."""
        if retry_after is not None:
            return min(retry_after, self.max_backoff_s)
        ceiling = min(self.max_backoff_s, self.base_s * 2 ** (retry - 1))
        return self.rng.uniform(0.0, ceiling)


class RateLimiter:
    """Client-side limits shared by every thread that uses one backend (a batch's workers).

    * ``concurrency`` — requests in flight at once (0: no limit). A retry's backoff sleep does
      not hold a slot.
    * ``requests_per_minute`` — request starts are spaced at least ``60 / rpm`` seconds apart:
      the even pace that never trips a per-minute limit, where a burst followed by silence can
      trip the per-second smoothing some providers add (OpenAI documents both).
    * ``tokens_per_minute`` — a token bucket holding one minute's budget, refilled continuously;
      a request is charged its estimated prompt tokens plus ``max_tokens`` (what providers count
      against the limit) before it is sent. Charges are reserved in arrival order, so waiting
      requests are served first come, first served; a request larger than the whole budget waits
      for a full bucket rather than forever.

    0 disables a limit (the settings' defaults). ``clock`` and ``sleep`` are injectable so the
    pacing can be tested without waiting.
    """

    def __init__(
        self,
        concurrency: int = 0,
        requests_per_minute: int = 0,
        tokens_per_minute: int = 0,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._slots = threading.BoundedSemaphore(concurrency) if concurrency > 0 else None
        self._interval = 60.0 / requests_per_minute if requests_per_minute > 0 else 0.0
        self._capacity = float(tokens_per_minute)
        self._rate = tokens_per_minute / 60.0
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._next_start = 0.0
        self._tokens = self._capacity
        self._refilled = clock()

    def _reserve(self, tokens: int) -> float:
        """Seconds this request must wait, its start and tokens booked."""
        with self._lock:
            now = self._clock()
            wait = 0.0
            if self._interval:
                start = max(now, self._next_start)
                self._next_start = start + self._interval
                wait = start - now
            if self._rate:
                self._tokens = min(
                    self._capacity, self._tokens + (now - self._refilled) * self._rate
                )
                self._refilled = now
                self._tokens -= min(float(tokens), self._capacity)
                if self._tokens < 0:
                    wait = max(wait, -self._tokens / self._rate)
            return wait

    @contextmanager
    def slot(self, tokens: int = 0) -> Iterator[None]:
        """Hold a request slot for the duration of one HTTP attempt."""
        if self._slots is not None:
            self._slots.acquire()
        try:
            wait = self._reserve(tokens)
            if wait > 0:
                self._sleep(wait)
            yield
        finally:
            if self._slots is not None:
                self._slots.release()
