"""The backend registry (``plume.backends.base``): which backends are remote, and its messages
in French typography."""

from __future__ import annotations

import pytest

from plume.backends import ScriptedBackend, UnknownBackendError, available_backends, base, is_remote
from plume.backends.base import MAX_CHARS_PER_TOKEN, bounded_answer, factory_of


def test_local_runs_in_process_and_openai_is_a_service() -> None:
    assert is_remote("local") is False
    assert is_remote("openai") is True


def test_a_factory_that_does_not_say_is_remote(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only an in-process model needs a worker process of its own: a plugin that says nothing
    is shared by threads, as any backend but the embedded model was before the attribute."""

    class Plugin(ScriptedBackend):
        pass

    # The registry's lookup, replaced: registering would leave the plugin listed for later tests.
    monkeypatch.setattr(base, "factory_of", lambda name: Plugin)
    assert is_remote("plugin") is True
    monkeypatch.setattr(Plugin, "remote", False, raising=False)
    assert is_remote("plugin") is False


def test_unknown_backend_message_in_both_languages() -> None:
    with pytest.raises(UnknownBackendError) as info:
        factory_of("gpt")
    known = ", ".join(available_backends())
    assert info.value.message_fr == (
        f"Moteur de génération inconnu\u00a0: «\u202fgpt\u202f» (disponibles\u00a0: {known})."
    )
    assert info.value.message_en == f"Unknown generation backend: 'gpt' (available: {known})."
    with pytest.raises(UnknownBackendError):
        is_remote("gpt")


def test_an_answer_loses_its_control_characters_and_terminal_escapes() -> None:
    raw = "Le v\x00élo\x01 en \x1b[31mville\x1b[0m\x7f progresse\ufeff.\r\nSuite\tici.\x9b"
    assert bounded_answer(raw, 64) == ("Le vélo en ville progresse.\nSuite\tici.", False)


def test_an_answer_over_its_token_limit_is_cut_there() -> None:
    sentence = "Le tramway dessert désormais la gare. "
    text, cut = bounded_answer(sentence * 10_000, 100)  # 380 KB for 100 tokens
    assert cut and text == (sentence * 10_000)[: 100 * MAX_CHARS_PER_TOKEN]
    # A long answer within the limit is kept whole.
    assert bounded_answer(sentence * 10, 100) == (sentence * 10, False)
