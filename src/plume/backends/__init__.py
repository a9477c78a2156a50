"""Text-generation backends for the optimiser's model path.

A backend turns a prompt (or chat messages) into a completion. Built-in backends register
themselves by name, the way simonw/llm plugins add models: ``local`` (the default) runs an
embedded GGUF model through llama.cpp; ``openai`` talks to any OpenAI-compatible endpoint;
``scripted`` replays texts for tests. :func:`backend_for` is the one place that decides which
backend a run uses (by mode, model or not) and builds it with :func:`backend_from_settings`.
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
    get_backend,
    is_remote,
    register,
)

# Registers "local" (a cheap import: xllamacpp itself is loaded lazily).
from plume.backends.local import LOCAL_MODEL_NAME, LocalBackend

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
from plume.settings import BackendSettings, Mode
from plume.text import french_spacing

__all__ = [
    "LOCAL_MODEL_NAME",
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
    "backend_for",
    "backend_from_settings",
    "backend_settings_for",
    "chat_json",
    "count_tokens_estimate",
    "factory_of",
    "get_backend",
    "is_remote",
    "model_label",
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


def backend_settings_for(settings: BackendSettings, mode: Mode) -> BackendSettings:
    """The backend a run in ``mode`` uses: the configured one, in both modes. In faithful mode
    it proposes the title, the description and the headings as raw completions
    (``/completions`` for an OpenAI-compatible endpoint); only what plume's checks and the
    support check accept is used (issue 16)."""
    del mode  # both modes: the editor's choice of engine holds
    return settings


def backend_for(settings: BackendSettings, mode: Mode, *, use_model: bool) -> Backend | None:
    """The backend a run in ``mode`` uses, built, or None without a model (``--no-model``).
    The caller closes it."""
    if not use_model:
        return None
    return backend_from_settings(backend_settings_for(settings, mode))


def model_label(settings: BackendSettings) -> str:
    """The model's name in ``report.json``: what the factory's ``label`` says (the embedded
    model's name or a GGUF's path for ``local``), else ``name:model``."""
    label = getattr(factory_of(settings.name), "label", None)
    if label is not None:
        return str(label(settings))
    return f"{settings.name}:{settings.model or '?'}"
