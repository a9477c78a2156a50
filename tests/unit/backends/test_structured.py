"""Tolerant JSON parsing and the validate / re-ask loop (through the real HTTP client too)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel

from plume.backends import (
    JSONParseError,
    MalformedAnswerError,
    Message,
    OpenAIBackend,
    ScriptedBackend,
    chat_json,
    parse_json_tolerant,
)
from tests.support.openai_server import OpenAIServer


class Plan(BaseModel):
    titre: str
    sections: list[str] = []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"titre": "Vélo"}', {"titre": "Vélo"}),
        ('```json\n{"titre": "Vélo"}\n```', {"titre": "Vélo"}),
        ("```\n[1, 2]\n```", [1, 2]),
        ('Voici le plan demandé :\n{"titre": "Vélo"}\nBonne lecture !', {"titre": "Vélo"}),
        ('{"titre": "Vélo", "sections": ["a", "b",],}', {"titre": "Vélo", "sections": ["a", "b"]}),
        ("{'titre': 'Le vélo'}", {"titre": "Le vélo"}),
        # A French apostrophe inside a single-quoted string does not end it.
        ("{'titre': 'L'essor du vélo', 'n': 2}", {"titre": "L'essor du vélo", "n": 2}),
        ("{'cite': 'Il a dit \"non\"'}", {"cite": 'Il a dit "non"'}),
        ('{"ok": True, "vide": None, "non": False}', {"ok": True, "vide": None, "non": False}),
        # Inside double-quoted strings nothing is touched: commas, quotes, True.
        ('{"t": "a, }", "u": "l\'été", "v": "True"}', {"t": "a, }", "u": "l'été", "v": "True"}),
        ('\ufeff  {"a": {"b": [1, {"c": "}"}]}}  ', {"a": {"b": [1, {"c": "}"}]}}),
    ],
)
def test_tolerant_parsing_repairs_what_is_unambiguous(text: str, expected: Any) -> None:
    assert parse_json_tolerant(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('{"titre": "Le vélo en ville", "sections": ["Intro', "tronquée"),
        ('```json\n{"titre": \n```', "tronquée"),
        ("Désolé, je ne peux pas répondre.", "aucun objet"),
        ('{titre: "sans guillemets"}', "invalide"),
    ],
)
def test_tolerant_parsing_refuses_the_rest(text: str, reason: str) -> None:
    with pytest.raises(JSONParseError, match=reason):
        parse_json_tolerant(text)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


@given(
    value=st.dictionaries(st.text(max_size=8), json_values, max_size=5),
    prose=st.sampled_from(["", "Voici :\n", "Réponse : "]),
)
def test_valid_json_survives_fences_and_prose(value: dict[str, Any], prose: str) -> None:
    dumped = json.dumps(value, ensure_ascii=False)
    assert parse_json_tolerant(dumped) == value
    assert parse_json_tolerant(f"{prose}```json\n{dumped}\n```\nVoilà.") == value


def test_chat_json_validates_first_answer() -> None:
    backend = ScriptedBackend(['```json\n{"titre": "Vélo", "sections": ["a"],}\n```'])
    result = chat_json(backend, [Message("user", "Plan ?")], None, Plan)
    assert result.value == Plan(titre="Vélo", sections=["a"])
    assert not result.reasked
    assert json.loads(backend.calls[0]["json_schema"]) == Plan.model_json_schema()


def test_chat_json_reasks_once_with_the_error() -> None:
    backend = ScriptedBackend(['{"titre": "Vélo", "sections": ["Int', '{"titre": "Vélo"}'])
    result = chat_json(backend, [Message("user", "Plan ?")], None, Plan, attempts=2)
    assert result.value.titre == "Vélo" and result.reasked
    assert len(result.completions) == 2
    roles = [role for role, _ in backend.calls[1]["messages"]]
    assert roles == ["user", "assistant", "user"]
    assert backend.calls[1]["messages"][1][1] == '{"titre": "Vélo", "sections": ["Int'
    assert "tronquée" in backend.calls[1]["messages"][2][1]


def test_chat_json_reasks_on_schema_violation_then_gives_up() -> None:
    backend = ScriptedBackend(['{"title": "Vélo"}', '{"sections": []}'])
    with pytest.raises(MalformedAnswerError) as info:
        chat_json(backend, [Message("user", "Plan ?")], None, Plan, attempts=2)
    err = info.value
    assert err.exit_code == 12 and "2 essais" in err.message_fr and "titre" in err.message_fr
    assert [c.text for c in err.completions] == ['{"title": "Vélo"}', '{"sections": []}']
    assert "titre" in backend.calls[1]["messages"][2][1]  # the validation error was shown


def test_chat_json_through_http_without_structured_output() -> None:
    script = ["Bien sûr ! Voici : {'titre': 'Vélo'", "{'titre': 'L'essor du vélo',}"]
    with OpenAIServer(script=script, reject_response_format=True) as srv:
        with OpenAIBackend(srv.base_url, "plume-test", env={}) as backend:
            result = chat_json(backend, [Message("user", "Plan ?")], None, Plan)
        assert result.value.titre == "L'essor du vélo"
        assert [c.structured for c in result.completions] == [False, False]
        # rejected, first answer (truncated), re-ask carrying the bad answer and the error
        assert [r.reply for r in srv.requests] == ["reject", "text", "text"]
        last = srv.requests[-1].body
        assert last is not None
        assert [m["role"] for m in last["messages"]] == ["system", "user", "assistant", "user"]
