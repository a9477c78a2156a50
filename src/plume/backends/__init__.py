"""Text-generation backends for the optimiser's model path (issue 3).

A backend turns a prompt into a completion. ``local`` (the default) runs an embedded GGUF model
through llama.cpp; others can be registered with :func:`register`, the way simonw/llm plugins add
models. Importing this package is cheap: llama.cpp is imported only when a local backend first
completes a prompt.
"""

from __future__ import annotations

from plume.backends.base import (
    Backend,
    Completion,
    Message,
    ScriptedBackend,
    available_backends,
    get_backend,
    register,
)

# Registers "local" (a cheap import: xllamacpp itself is loaded lazily).
from plume.backends.local import LocalBackend

__all__ = [
    "Backend",
    "Completion",
    "LocalBackend",
    "Message",
    "ScriptedBackend",
    "available_backends",
    "get_backend",
    "register",
]
