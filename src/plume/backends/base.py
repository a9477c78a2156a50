"""The backend protocol, a name → factory registry, and a scripted backend for tests."""

from __future__ import annotations

import json
import math
import re
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol, runtime_checkable

from plume.errors import ConfigError
from plume.text import french_spacing

__all__ = [
    "MAX_CHARS_PER_TOKEN",
    "Backend",
    "BackendFactory",
    "BackendWrapper",
    "Completion",
    "CountingBackend",
    "Message",
    "ScriptedBackend",
    "UnknownBackendError",
    "Usage",
    "available_backends",
    "bounded_answer",
    "count_tokens_estimate",
    "factory_of",
    "get_backend",
    "is_remote",
    "register",
]


@dataclass(frozen=True, slots=True)
class Completion:
    """What a backend generated for a prompt, with the token counts it reports."""

    text: str
    prompt_tokens: int = 0
    completion_tokens: int = 0
    #: Wall time of the call, retries included (seconds).
    seconds: float = 0.0
    #: True when the backend constrained the output to the requested JSON schema (structured
    #: output); False when the caller must parse tolerantly.
    structured: bool = False
    #: True when the endpoint reported no token counts and they were estimated with
    #: :func:`count_tokens_estimate`.
    estimated_tokens: bool = False
    #: HTTP attempts made for this completion (1 = no retry); always 1 for in-process backends.
    attempts: int = 1
    #: Why generation stopped, as the backend says it: "stop", "length" (hit ``max_tokens``:
    #: the text is cut)… None when unknown.
    finish_reason: str | None = None


@dataclass(frozen=True, slots=True)
class Message:
    """One chat message. Source articles go in ``user`` messages as quoted data, never in
    ``system`` (the source is data, not instructions)."""

    role: Literal["system", "user", "assistant"]
    content: str


@runtime_checkable
class Backend(Protocol):
    """A text generator. ``complete`` takes a raw prompt (base models, few-shot: faithful mode's
    headings); ``chat`` takes messages (instruction models: rewrite mode), optionally constrained
    to a JSON schema when the backend supports it."""

    def complete(
        self,
        prompt: str,
        *,
        max_tokens: int,
        temperature: float,
        seed: int,
        stop: list[str],
    ) -> Completion: ...

    def chat(
        self,
        messages: Sequence[Message],
        *,
        max_tokens: int,
        temperature: float,
        seed: int,
        json_schema: dict[str, Any] | None = None,
    ) -> Completion: ...

    def close(self) -> None: ...


#: Characters per token of French prose, on Gemma 3's tokenizer; chosen low so that the estimate
#: errs high, safe when filling a context window (calibrated: see docs/calibration.md).
FRENCH_CHARS_PER_TOKEN = 3.5


def count_tokens_estimate(text: str) -> int:
    """Estimated token count of French ``text``, to plan chunks against a context window and to
    report usage when an endpoint gives none. An estimate, not a tokenizer: other models' vocabularies
    differ (see :data:`FRENCH_CHARS_PER_TOKEN`), so leave a margin when filling a window."""
    if not text:
        return 0
    return max(1, math.ceil(len(text) / FRENCH_CHARS_PER_TOKEN))


#: The most characters a token of generated text is allowed: over twice French prose's 3.5, and
#: above any tokenizer's average on text (English ≈ 4, code ≈ 5). An answer longer than
#: ``max_tokens`` of these ignored the limit it was sent (a server that streams 300 KB): it is
#: cut there, as the limit would have cut it, before plume parses, checks or writes it.
MAX_CHARS_PER_TOKEN = 8

# Terminal escape sequences (colours, cursor moves) and control characters a model or a proxy
# may put in an answer; newlines and tabs are kept (paragraphs), the rest is never text.
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff]")


def bounded_answer(text: str, max_tokens: int) -> tuple[str, bool]:
    """A model's answer as text plume can use: control characters and terminal escapes removed
    (``\\r\\n`` read as ``\\n``), and at most ``max_tokens`` × :data:`MAX_CHARS_PER_TOKEN`
    characters; the flag says it was cut (the caller reports it like ``finish_reason`` "length")."""
    text = _CONTROL.sub("", _ANSI.sub("", text.replace("\r\n", "\n").replace("\r", "\n")))
    limit = max(1, max_tokens) * MAX_CHARS_PER_TOKEN
    if len(text) <= limit:
        return text, False
    return text[:limit], True


class Usage:
    """Token usage, time and cost accumulated over calls; thread-safe (a batch feeds one from
    several threads). Prices are per million tokens (``BackendSettings.price_*_per_mtok``); with
    no price the cost is ``None`` (unknown), never 0."""

    def __init__(self, price_in_per_mtok: float = 0.0, price_out_per_mtok: float = 0.0) -> None:
        self.price_in_per_mtok = price_in_per_mtok
        self.price_out_per_mtok = price_out_per_mtok
        self.calls = 0
        self.prompt_tokens = 0
        self.completion_tokens = 0
        self.seconds = 0.0
        #: Calls whose token counts were estimated (the endpoint reported none).
        self.estimated_calls = 0
        #: HTTP attempts beyond the first, summed over calls.
        self.retries = 0
        #: One entry per call: (prompt tokens, completion tokens, seconds).
        self.per_call: list[tuple[int, int, float]] = []
        self._lock = threading.Lock()

    def add(self, completion: Completion) -> None:
        with self._lock:
            self.calls += 1
            self.prompt_tokens += completion.prompt_tokens
            self.completion_tokens += completion.completion_tokens
            self.seconds += completion.seconds
            self.estimated_calls += int(completion.estimated_tokens)
            self.retries += max(0, completion.attempts - 1)
            self.per_call.append(
                (completion.prompt_tokens, completion.completion_tokens, completion.seconds)
            )

    def merge(self, other: Usage) -> None:
        """Add another accumulator's totals (per-article usages into a batch total)."""
        with other._lock:
            per_call = list(other.per_call)
            totals = (other.prompt_tokens, other.completion_tokens, other.seconds)
            estimated, retries = other.estimated_calls, other.retries
        with self._lock:
            self.calls += len(per_call)
            self.prompt_tokens += totals[0]
            self.completion_tokens += totals[1]
            self.seconds += totals[2]
            self.estimated_calls += estimated
            self.retries += retries
            self.per_call.extend(per_call)

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    @property
    def cost(self) -> float | None:
        """Cost in the prices' currency, or None when no price is configured."""
        if self.price_in_per_mtok == 0 and self.price_out_per_mtok == 0:
            return None
        return (
            self.prompt_tokens * self.price_in_per_mtok
            + self.completion_tokens * self.price_out_per_mtok
        ) / 1_000_000

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary for ``report.json``."""
        with self._lock:
            return {
                "calls": self.calls,
                "prompt_tokens": self.prompt_tokens,
                "completion_tokens": self.completion_tokens,
                "total_tokens": self.prompt_tokens + self.completion_tokens,
                "seconds": round(self.seconds, 3),
                "estimated_calls": self.estimated_calls,
                "retries": self.retries,
                "cost": None if self.cost is None else round(self.cost, 6),
                "per_call": [
                    {"prompt_tokens": p, "completion_tokens": c, "seconds": round(t, 3)}
                    for p, c, t in self.per_call
                ],
            }

    def __repr__(self) -> str:
        return (
            f"Usage(calls={self.calls}, prompt_tokens={self.prompt_tokens}, "
            f"completion_tokens={self.completion_tokens}, seconds={self.seconds:.2f})"
        )


def strict_compatible(schema: Any) -> bool:
    """Whether OpenAI's strict mode accepts ``schema``: every object lists all its properties as
    required and forbids others (OpenAI, "Structured Outputs", supported schemas). Pydantic's
    schemas usually do not (fields with defaults are optional), and a strict request with one
    is refused with a 400 — which would wrongly mark the endpoint as lacking structured output.
    Non-strict, the schema still guides the model and plume validates the answer anyway."""
    if isinstance(schema, list):
        return all(strict_compatible(s) for s in schema)
    if not isinstance(schema, dict):
        return True
    props = schema.get("properties")
    if isinstance(props, dict) and (
        schema.get("additionalProperties") is not False
        or set(schema.get("required") or ()) != set(props)
    ):
        return False
    return all(strict_compatible(v) for v in schema.values() if isinstance(v, dict | list))


def schema_name(schema: dict[str, Any]) -> str:
    # OpenAI requires ^[a-zA-Z0-9_-]{1,64}$; pydantic's schemas carry the model's name as title.
    title = str(schema.get("title") or "reponse")
    return re.sub(r"[^A-Za-z0-9_-]", "_", title)[:64] or "reponse"


def chat_request(
    messages: Sequence[Message],
    *,
    max_tokens: int,
    temperature: float,
    seed: int,
    json_schema: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The body of an OpenAI-style chat completion request (what OpenAI-compatible endpoints and
    llama.cpp's own chat endpoint read), with the JSON schema as ``response_format``."""
    request: dict[str, Any] = {
        "messages": [{"role": m.role, "content": m.content} for m in messages],
        "max_tokens": max_tokens,
        "temperature": temperature,
        "seed": seed,
    }
    if json_schema is not None:
        request["response_format"] = {
            "type": "json_schema",
            "json_schema": {
                "name": schema_name(json_schema),
                "schema": json_schema,
                "strict": strict_compatible(json_schema),
            },
        }
    return request


BackendFactory = Callable[..., Backend]

_REGISTRY: dict[str, BackendFactory] = {}


class UnknownBackendError(ConfigError, LookupError):
    """``get_backend`` was asked for a name nobody registered (a configuration mistake: exit 8)."""


def register(name: str) -> Callable[[BackendFactory], BackendFactory]:
    """Decorator: make ``factory`` available as ``get_backend(name, **options)``.

    Registering a name again replaces the previous factory (a plugin may override a default).
    """

    def deco(factory: BackendFactory) -> BackendFactory:
        _REGISTRY[name] = factory
        return factory

    return deco


def available_backends() -> list[str]:
    """Registered backend names, sorted."""
    return sorted(_REGISTRY)


def factory_of(name: str) -> BackendFactory:
    """The factory registered as ``name``; :class:`UnknownBackendError` (exit 8) if none."""
    try:
        return _REGISTRY[name]
    except KeyError:
        known = ", ".join(available_backends()) or "—"
        raise UnknownBackendError(
            french_spacing(f"Moteur de génération inconnu : « {name} » (disponibles : {known})."),
            f"Unknown generation backend: {name!r} (available: {known}).",
        ) from None


def is_remote(name: str) -> bool:
    """Whether the backend registered as ``name`` is a client of a service (one instance shared
    by threads, concurrency and rate limits apply) rather than a model loaded in-process (not
    thread-safe: one per worker process). A factory says so with a ``remote`` class attribute;
    one that does not is taken as remote, as only an in-process model needs a process of its own.
    """
    return bool(getattr(factory_of(name), "remote", True))


def get_backend(name: str, **options: Any) -> Backend:
    """A new backend of the kind registered as ``name``, built with ``options``."""
    return factory_of(name)(**options)


@dataclass
class ScriptedBackend:
    """Returns the given texts in order, one per ``complete`` call, and records the calls.

    For testing what is built around a model (prompting, checks, ranking) without one. Once the
    script is exhausted, every further call returns an empty completion.
    """

    texts: list[str]
    calls: list[dict[str, Any]] = field(default_factory=list)
    closed: bool = False

    def __init__(self, texts: Iterable[str]) -> None:
        self.texts = list(texts)
        self.calls = []
        self.closed = False

    def complete(
        self,
        prompt: str,
        *,
        max_tokens: int,
        temperature: float,
        seed: int,
        stop: list[str],
    ) -> Completion:
        i = len(self.calls)
        self.calls.append(
            {
                "prompt": prompt,
                "max_tokens": max_tokens,
                "temperature": temperature,
                "seed": seed,
                "stop": list(stop),
            }
        )
        text = self.texts[i] if i < len(self.texts) else ""
        return Completion(text, len(prompt.split()), len(text.split()))

    def chat(
        self,
        messages: Sequence[Message],
        *,
        max_tokens: int,
        temperature: float,
        seed: int,
        json_schema: dict[str, Any] | None = None,
    ) -> Completion:
        i = len(self.calls)
        self.calls.append(
            {
                "messages": [(m.role, m.content) for m in messages],
                "max_tokens": max_tokens,
                "temperature": temperature,
                "seed": seed,
                "json_schema": json.dumps(json_schema) if json_schema else None,
            }
        )
        text = self.texts[i] if i < len(self.texts) else ""
        prompt_words = sum(len(m.content.split()) for m in messages)
        return Completion(text, prompt_words, len(text.split()))

    def close(self) -> None:
        self.closed = True


register("scripted")(ScriptedBackend)


class BackendWrapper:
    """A backend around another one. ``complete`` and ``chat`` both go through :meth:`around`,
    the one place a wrapper adds its behaviour (counting for a report or a progress line, rate
    limits for a batch). ``close`` leaves the inner backend to its owner unless ``owns``."""

    def __init__(self, inner: Backend, *, owns: bool = False) -> None:
        self.inner = inner
        self.owns = owns

    @property
    def plans(self) -> bool:
        """The inner backend's :attr:`plans` (see :class:`plume.backends.local.LocalBackend`)."""
        return bool(getattr(self.inner, "plans", True))

    @property
    def instruct(self) -> bool:
        """The inner backend's :attr:`instruct`: whether it follows instructions in chat turns
        (see :class:`plume.backends.local.LocalBackend`); a remote endpoint does."""
        return bool(getattr(self.inner, "instruct", True))

    def around(self, text: str, max_tokens: int, call: Callable[[], Completion]) -> Completion:
        """Run ``call`` (the inner backend's answer to ``text``, at most ``max_tokens``)."""
        return call()

    def complete(
        self, prompt: str, *, max_tokens: int, temperature: float, seed: int, stop: list[str]
    ) -> Completion:
        return self.around(
            prompt,
            max_tokens,
            lambda: self.inner.complete(
                prompt, max_tokens=max_tokens, temperature=temperature, seed=seed, stop=stop
            ),
        )

    def chat(
        self,
        messages: Sequence[Message],
        *,
        max_tokens: int,
        temperature: float,
        seed: int,
        json_schema: dict[str, Any] | None = None,
    ) -> Completion:
        return self.around(
            "".join(m.content for m in messages),
            max_tokens,
            lambda: self.inner.chat(
                messages,
                max_tokens=max_tokens,
                temperature=temperature,
                seed=seed,
                json_schema=json_schema,
            ),
        )

    def close(self) -> None:
        if self.owns:
            self.inner.close()


class CountingBackend(BackendWrapper):
    """One run's view of a shared backend: counts its calls, tokens and time spent waiting,
    and tells ``on_call`` before each call (the studio's progress line)."""

    def __init__(self, inner: Backend, on_call: Callable[[], None] | None = None) -> None:
        super().__init__(inner)
        self.on_call = on_call
        self.calls = 0
        self.prompt_tokens = 0
        self.completion_tokens = 0
        self.seconds = 0.0

    def around(self, text: str, max_tokens: int, call: Callable[[], Completion]) -> Completion:
        if self.on_call is not None:
            self.on_call()
        start = time.perf_counter()
        try:
            result = call()
        finally:
            self.calls += 1
            self.seconds += time.perf_counter() - start
        self.prompt_tokens += result.prompt_tokens
        self.completion_tokens += result.completion_tokens
        return result
