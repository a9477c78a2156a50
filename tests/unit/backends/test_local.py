"""The local backend reads a GGUF's metadata to know whether the model follows instructions,
and an instruction model is chatted with in its own template through llama.cpp.

The metadata reader is tested on GGUF headers written here (every value type it must skip,
a truncated file, a file that is not a GGUF); the chat-template path on a real, loadable copy
of the embedded model given Gemma's chat template (``tests/support/gguf_template.py``)."""

from __future__ import annotations

import json
import struct
from pathlib import Path

import pytest

from plume.backends.base import BackendWrapper, Message, ScriptedBackend
from plume.backends.local import LocalBackend, ModelUnavailableError, embedded_model, gguf_strings
from plume.settings import BackendSettings
from tests.support.gguf_template import with_chat_template


def _s(text: str) -> bytes:
    data = text.encode("utf-8")
    return struct.pack("<Q", len(data)) + data


def _kv_string(key: str, value: str) -> bytes:
    return _s(key) + struct.pack("<I", 8) + _s(value)


def _header(*kvs: bytes) -> bytes:
    return b"GGUF" + struct.pack("<IQQ", 3, 0, len(kvs)) + b"".join(kvs)


def test_the_reader_skips_every_kind_of_value_and_returns_the_strings_asked(
    tmp_path: Path,
) -> None:
    kvs = (
        _kv_string("general.name", "Modèle d’essai"),
        _s("general.alignment") + struct.pack("<II", 4, 32),  # uint32
        _s("x.float") + struct.pack("<If", 6, 0.5),
        _s("x.bool") + struct.pack("<I?", 7, True),
        _s("x.u64") + struct.pack("<IQ", 10, 7),
        _s("x.ints") + struct.pack("<IIQ", 9, 5, 3) + struct.pack("<3i", 1, 2, 3),
        _s("tokenizer.ggml.tokens") + struct.pack("<IIQ", 9, 8, 2) + _s("<pad>") + _s("é"),
        _kv_string("tokenizer.chat_template", "{{ messages }}"),
    )
    path = tmp_path / "m.gguf"
    path.write_bytes(_header(*kvs))
    got = gguf_strings(path, {"tokenizer.chat_template", "general.name", "absente"})
    assert got == {"general.name": "Modèle d’essai", "tokenizer.chat_template": "{{ messages }}"}
    assert LocalBackend(model_path=path).instruct is True

    base = tmp_path / "base.gguf"
    base.write_bytes(_header(*kvs[:-1]))
    assert gguf_strings(base, {"tokenizer.chat_template"}) == {}
    assert LocalBackend(model_path=base).instruct is False
    assert LocalBackend(model_path=base).plans is False
    # `plume backends` says which kind of model it is.
    shown = dict(LocalBackend.describe(BackendSettings(model_path=base)))
    assert shown["type"] == "base (complétions few-shot)"
    shown = dict(LocalBackend.describe(BackendSettings(model_path=path), lang="en"))
    assert shown["type"] == "instruction (GGUF chat template)"
    assert dict(LocalBackend.describe(BackendSettings()))["type"].startswith("base")


@pytest.mark.parametrize(
    ("content", "why"),
    [(b"PK\x03\x04 pas un modele", "en-tête"), (_header(_kv_string("a", "b"))[:-3], "fin")],
)
def test_a_file_that_is_not_a_readable_gguf_is_a_clear_error(
    tmp_path: Path, content: bytes, why: str
) -> None:
    path = tmp_path / "x.gguf"
    path.write_bytes(content)
    with pytest.raises(ModelUnavailableError) as e:
        gguf_strings(path, {"general.name"})
    assert why in e.value.message("fr") and str(path) in e.value.message("fr")
    with pytest.raises(ModelUnavailableError):
        gguf_strings(tmp_path / "absent.gguf", {"general.name"})


def test_the_embedded_model_is_a_base_model() -> None:
    meta = gguf_strings(embedded_model(), {"general.name", "tokenizer.chat_template"})
    assert meta == {"general.name": "Gemma 3 270m"}


def test_an_instruction_gguf_is_chatted_with_in_its_own_template(tmp_path: Path) -> None:
    """A real load and real generations through llama.cpp's chat endpoint: the template is the
    model's (the turns are in the prompt's token count), and a JSON schema constrains sampling."""
    path = with_chat_template(embedded_model(), tmp_path / "gemma-it.gguf")
    with LocalBackend(model_path=path, threads=2) as backend:
        assert backend.instruct and backend.plans
        messages = [Message("system", "Réponds en français."), Message("user", "Bonjour.")]
        plain = backend.chat(messages, max_tokens=8, temperature=0.0, seed=1)
        # "Réponds en français.\n\nBonjour." is ≈ 8 tokens; the template adds <bos> and the
        # user and model turn markers around it.
        assert plain.prompt_tokens >= 14 and 0 < plain.completion_tokens <= 8
        assert not plain.structured
        schema = {
            "type": "object",
            "properties": {"ville": {"type": "string", "maxLength": 20}},
            "required": ["ville"],
            "additionalProperties": False,
        }
        ask = [Message("user", "La capitale de la France, en JSON.")]
        answer = backend.chat(ask, max_tokens=48, temperature=0.0, seed=1, json_schema=schema)
        assert answer.structured
        assert set(json.loads(answer.text)) == {"ville"}


def test_only_instruction_models_are_asked_for_a_plan() -> None:
    """The embedded 270M is a base model: no plan asked. A GGUF given by path is asked when
    its metadata has a chat template (the GGUF tests above); one that cannot
    be read counts as an instruction model, and loading it reports the error."""
    assert LocalBackend().plans is False  # nothing loaded: the model starts on first use
    assert LocalBackend().instruct is False
    assert LocalBackend(model_path=Path("autre-modele.gguf")).plans is True
    assert BackendWrapper(LocalBackend()).plans is False
    assert BackendWrapper(LocalBackend()).instruct is False
    assert BackendWrapper(BackendWrapper(LocalBackend(model_path=Path("m.gguf")))).plans is True
    assert BackendWrapper(ScriptedBackend([])).plans is True  # no attribute: asked
    assert BackendWrapper(ScriptedBackend([])).instruct is True
