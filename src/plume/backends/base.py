"""The backend protocol, a name → factory registry, and a scripted backend for tests."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol, runtime_checkable

from plume.errors import PlumeError

__all__ = [
    "Backend",
    "BackendFactory",
    "Completion",
    "Message",
    "ScriptedBackend",
    "UnknownBackendError",
    "available_backends",
    "get_backend",
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


BackendFactory = Callable[..., Backend]

_REGISTRY: dict[str, BackendFactory] = {}


class UnknownBackendError(PlumeError, LookupError):
    """``get_backend`` was asked for a name nobody registered."""


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


def get_backend(name: str, **options: Any) -> Backend:
    """A new backend of the kind registered as ``name``, built with ``options``."""
    try:
        factory = _REGISTRY[name]
    except KeyError:
        known = ", ".join(available_backends()) or "—"
        raise UnknownBackendError(
            f"Moteur de génération inconnu : « {name} » (disponibles : {known}).",
            f"Unknown generation backend: {name!r} (available: {known}).",
        ) from None
    return factory(**options)


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
