"""Which backend a run uses (``plume.backends.backend_for``), and the model's name in reports."""

from __future__ import annotations

from pathlib import Path

from plume.backends import (
    LOCAL_MODEL_NAME,
    LocalBackend,
    OpenAIBackend,
    backend_for,
    backend_settings_for,
    model_label,
)
from plume.settings import BackendSettings, Mode

REMOTE = BackendSettings(
    name="openai", base_url="http://127.0.0.1:9/v1", model="mistral-small", threads=3
)


def test_no_model_builds_nothing() -> None:
    assert backend_for(REMOTE, Mode.REWRITE, use_model=False) is None
    assert backend_for(REMOTE, Mode.FAITHFUL, use_model=False) is None


def test_rewrite_mode_uses_the_configured_backend() -> None:
    assert backend_settings_for(REMOTE, Mode.REWRITE) == REMOTE
    backend = backend_for(REMOTE, Mode.REWRITE, use_model=True)
    try:
        assert isinstance(backend, OpenAIBackend) and backend.model == "mistral-small"
    finally:
        assert backend is not None
        backend.close()


def test_faithful_mode_uses_the_configured_backend_too() -> None:
    """Its title, description and heading proposals come from the editor's engine (issue 16);
    the embedded model when none is configured."""
    assert backend_settings_for(REMOTE, Mode.FAITHFUL) == REMOTE
    backend = backend_for(REMOTE, Mode.FAITHFUL, use_model=True)
    try:
        assert isinstance(backend, OpenAIBackend) and backend.model == "mistral-small"
    finally:
        assert backend is not None
        backend.close()
    local = BackendSettings(threads=3)
    embedded = backend_for(local, Mode.FAITHFUL, use_model=True)
    assert isinstance(embedded, LocalBackend) and embedded.threads == 3 and not embedded.loaded


def test_model_label() -> None:
    assert model_label(BackendSettings()) == LOCAL_MODEL_NAME
    gguf = Path("/modèles/qwen.gguf")
    assert model_label(BackendSettings(model_path=gguf)) == str(gguf)
    assert model_label(REMOTE) == "openai:mistral-small"
    assert model_label(BackendSettings(name="openai")) == "openai:?"
