"""Text-generation backends for the optimiser's model path (issues 3 and 4).

A backend turns a prompt (or chat messages) into a completion. Built-in backends register
themselves by name, the way simonw/llm plugins add models: ``local`` (the default) runs an
embedded GGUF model through llama.cpp; ``openai`` talks to any OpenAI-compatible endpoint;
``scripted`` replays texts for tests. :func:`backend_from_settings` builds the configured one.
Importing this package is cheap: llama.cpp is imported only when a local backend first
completes a prompt.
"""

from __future__ import annotations

from collections.abc import Mapping

from plume.backends.base import (
    Backend,
    Completion,
    Message,
    ScriptedBackend,
    UnknownBackendError,
    Usage,
    available_backends,
    count_tokens_estimate,
    factory_of,
    french_spacing,
    get_backend,
    register,
)

# Registers "local" (a cheap import: xllamacpp itself is loaded lazily).
from plume.backends.local import LocalBackend

# Registers "openai".
from plume.backends.openai import OpenAIBackend, RequestFailed
from plume.backends.structured import (
    ChatJsonResult,
    JSONParseError,
    MalformedAnswerError,
    chat_json,
    parse_json_tolerant,
)
from plume.errors import ConfigError
from plume.settings import BackendSettings

__all__ = [
    "Backend",
    "ChatJsonResult",
    "Completion",
    "JSONParseError",
    "LocalBackend",
    "MalformedAnswerError",
    "Message",
    "OpenAIBackend",
    "RequestFailed",
    "ScriptedBackend",
    "UnknownBackendError",
    "Usage",
    "available_backends",
    "backend_from_settings",
    "chat_json",
    "count_tokens_estimate",
    "factory_of",
    "get_backend",
    "parse_json_tolerant",
    "register",
]


def backend_from_settings(
    settings: BackendSettings, *, env: Mapping[str, str] | None = None
) -> Backend:
    """The backend ``settings.name`` names, built from the rest of ``settings``.

    One place for every entry point (CLI flags, ``PLUME_BACKEND__*``, the config file all end up
    in ``settings``). No ``if name == …`` chain: a registered factory that has a
    ``from_settings`` class method builds itself from the settings, so a plugin's backend is
    configured exactly like a built-in one. ``env`` replaces ``os.environ`` for the API key
    lookup (tests).
    """
    factory = factory_of(settings.name)
    from_settings = getattr(factory, "from_settings", None)
    if from_settings is None:
        raise ConfigError(
            french_spacing(
                f"Le moteur « {settings.name} » ne se configure pas par les réglages ; "
                "choisissez local ou openai."
            ),
            f"Backend {settings.name!r} cannot be built from settings; choose local or openai.",
        )
    if env is not None:
        backend: Backend = from_settings(settings, env=env)
    else:
        backend = from_settings(settings)
    return backend
