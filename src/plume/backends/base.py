"""The backend protocol, a name → factory registry, and a scripted backend for tests."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from plume.errors import PlumeError

__all__ = [
    "Backend",
    "BackendFactory",
    "Completion",
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


@runtime_checkable
class Backend(Protocol):
    """Anything that completes a raw prompt (no chat template: plume prompts base models)."""

    def complete(
        self,
        prompt: str,
        *,
        max_tokens: int,
        temperature: float,
        seed: int,
        stop: list[str],
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

    def close(self) -> None:
        self.closed = True


register("scripted")(ScriptedBackend)
