"""OpenAIBackend through the real httpx client against the real loopback server."""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import BaseModel

from plume.backends import Message, OpenAIBackend, RequestFailed, backend_from_settings
from plume.backends.base import MAX_CHARS_PER_TOKEN
from plume.backends.retry import RetryPolicy
from plume.errors import BackendError, ConfigError
from plume.settings import BackendSettings, load_settings
from tests.support.openai_server import Drop, Error, Hang, OpenAIServer, Raw, Reply

KEY = "sk-plume-SECRET-7f3a9c0e11"
HELLO = [Message("system", "Réponds en français."), Message("user", "Dis bonjour.")]
SCHEMA: dict[str, Any] = {
    "title": "Plan",
    "type": "object",
    "properties": {"titre": {"type": "string"}},
    "required": ["titre"],
    "additionalProperties": False,
}


def fast_retry(max_retries: int = 4, max_backoff_s: float = 0.5) -> RetryPolicy:
    # Seeded: the jittered waits are the same on every run. Small base: tests stay quick.
    return RetryPolicy(
        max_retries=max_retries, max_backoff_s=max_backoff_s, base_s=0.02, rng=random.Random(7)
    )


def make(srv: OpenAIServer, **kw: Any) -> OpenAIBackend:
    kw.setdefault("retry", fast_retry())
    kw.setdefault("env", {"PLUME_API_KEY": KEY})
    kw.setdefault("model", "plume-test")
    return OpenAIBackend(srv.base_url, **kw)


@pytest.fixture
def server() -> Iterator[OpenAIServer]:
    with OpenAIServer() as srv:
        yield srv


def chat(backend: OpenAIBackend, **kw: Any) -> Any:
    return backend.chat(HELLO, max_tokens=16, temperature=0.0, seed=3, **kw)


# -- the happy paths -----------------------------------------------------------------------------


def test_chat_sends_the_request_and_reads_text_and_usage(server: OpenAIServer) -> None:
    server.push(Reply("Bonjour à vous", prompt_tokens=11, completion_tokens=4))
    with make(server) as backend:
        c = chat(backend)
    assert c.text == "Bonjour à vous"
    assert (c.prompt_tokens, c.completion_tokens) == (11, 4)
    assert not c.estimated_tokens and c.attempts == 1 and not c.structured
    assert c.finish_reason == "stop"
    (req,) = server.generation_requests
    assert req.path == "/v1/chat/completions"
    assert req.headers["authorization"] == f"Bearer {KEY}"
    assert req.body == {
        "model": "plume-test",
        "messages": [
            {"role": "system", "content": "Réponds en français."},
            {"role": "user", "content": "Dis bonjour."},
        ],
        "max_tokens": 16,
        "temperature": 0.0,
        "seed": 3,
    }
    assert backend.usage.calls == 1 and backend.usage.prompt_tokens == 11


def test_complete_uses_the_completions_endpoint(server: OpenAIServer) -> None:
    server.push(Reply(" un titre court", finish_reason="length"))
    with make(server) as backend:
        c = backend.complete(
            "Paragraphe → titre :", max_tokens=8, temperature=0.5, seed=9, stop=["\n"]
        )
    assert c.text == " un titre court" and c.finish_reason == "length"
    (req,) = server.generation_requests
    assert req.path == "/v1/completions"
    assert req.body is not None
    assert req.body["prompt"] == "Paragraphe → titre :" and req.body["stop"] == ["\n"]
    assert req.body["seed"] == 9 and req.body["max_tokens"] == 8


def test_model_defaults_to_the_first_one_the_server_lists(server: OpenAIServer) -> None:
    with make(server, model=None) as backend:
        chat(backend)
        chat(backend)
        assert backend.model == "plume-test"
    assert [r.path for r in server.requests] == [
        "/v1/models",
        "/v1/chat/completions",
        "/v1/chat/completions",
    ]


def test_missing_usage_is_estimated_and_flagged(server: OpenAIServer) -> None:
    server.push(Reply("Bonjour, chers lecteurs de Plume.", usage=False))
    with make(server) as backend:
        c = chat(backend)
    assert c.estimated_tokens
    assert c.completion_tokens > 0 and c.prompt_tokens > 0
    assert backend.usage.estimated_calls == 1


def test_no_key_no_authorization_header(server: OpenAIServer) -> None:
    with make(server, env={}) as backend:
        chat(backend)
        assert not backend.has_key
    assert "authorization" not in server.requests[0].headers


def test_bad_base_url_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        OpenAIBackend("localhost:8080", model="m")


# -- structured output ---------------------------------------------------------------------------


def test_structured_output_sends_the_json_schema(server: OpenAIServer) -> None:
    server.push({"titre": "Le vélo en ville"})
    with make(server) as backend:
        c = chat(backend, json_schema=SCHEMA)
        assert backend.structured_output is True
    assert c.structured and c.text == '{"titre": "Le vélo en ville"}'
    body = server.requests[0].body
    assert body is not None
    assert body["response_format"] == {
        "type": "json_schema",
        "json_schema": {"name": "Plan", "schema": SCHEMA, "strict": True},
    }


def test_schemas_outside_strict_mode_are_sent_non_strict(server: OpenAIServer) -> None:
    class Section(BaseModel):
        titre: str
        mots: int = 300

    with make(server) as backend:
        chat(backend, json_schema=Section.model_json_schema())
    body = server.requests[0].body
    assert body is not None
    assert body["response_format"]["json_schema"]["name"] == "Section"
    assert body["response_format"]["json_schema"]["strict"] is False


def test_endpoint_without_structured_output_falls_back_to_the_prompt() -> None:
    with OpenAIServer(
        script=['{"titre": "A"}', '{"titre": "B"}'], reject_response_format=True
    ) as srv:
        with make(srv) as backend:
            first = chat(backend, json_schema=SCHEMA)
            second = chat(backend, json_schema=SCHEMA)
            assert backend.structured_output is False
        assert not first.structured and not second.structured
        assert first.text == '{"titre": "A"}' and second.text == '{"titre": "B"}'
        # Rejected once, then remembered: three requests for two answers.
        assert [r.reply for r in srv.requests] == ["reject", "text", "text"]
        for req in srv.requests[1:]:
            assert req.body is not None and "response_format" not in req.body
            system = req.body["messages"][0]
            assert system["role"] == "system" and system["content"].startswith(
                "Réponds en français."
            )
            assert '"titre"' in system["content"] and "JSON" in system["content"]


def test_a_refused_seed_is_dropped_and_remembered(server: OpenAIServer) -> None:
    def responder(body: dict[str, Any]) -> Any:
        if "seed" in body:
            return Error(
                422, "Extra inputs are not permitted: body.seed", type="invalid_request_error"
            )
        return "sans graine"

    server.responder = responder
    with make(server) as backend:
        assert chat(backend).text == "sans graine"
        assert chat(backend).text == "sans graine"
    assert [r.reply for r in server.requests] == ["error:422", "text", "text"]


# -- retries ---------------------------------------------------------------------------------------


def test_429_retry_after_is_honoured() -> None:
    with OpenAIServer(
        script=[Error(429, retry_after=0.4), Error(429, retry_after="0.3"), "enfin"]
    ) as srv:
        with make(srv) as backend:
            c = chat(backend)
        assert c.text == "enfin" and c.attempts == 3
        at = [r.at for r in srv.requests]
        assert at[1] - at[0] >= 0.4
        assert at[2] - at[1] >= 0.3
        assert backend.usage.retries == 2


def test_5xx_then_success() -> None:
    with OpenAIServer(script=[Error(500), Error(502), Error(503), "ok"]) as srv:
        with make(srv) as backend:
            c = chat(backend)
        assert c.text == "ok" and c.attempts == 4
        assert len(srv.generation_requests) == 4


def test_retries_are_bounded_then_backend_error() -> None:
    with OpenAIServer(script=[Error(503, "surchargé")] * 5) as srv:
        with (
            make(srv, retry=fast_retry(max_retries=2)) as backend,
            pytest.raises(RequestFailed) as info,
        ):
            chat(backend)
        assert len(srv.generation_requests) == 3
    err = info.value
    assert isinstance(err, BackendError) and err.exit_code == 12
    assert err.status == 503 and err.attempts == 3
    assert "3 tentatives" in err.message_fr and "503" in err.message_fr
    assert f"127.0.0.1:{srv.port}" in err.message_fr and "surchargé" in err.message_fr
    assert "3 attempts" in err.message_en


def test_client_errors_are_not_retried(server: OpenAIServer) -> None:
    server.push(Error(404, "The model `nope` does not exist", type="invalid_request_error"))
    with make(server) as backend, pytest.raises(RequestFailed) as info:
        chat(backend)
    assert info.value.status == 404 and info.value.attempts == 1
    assert "1 tentative\u00a0:" in info.value.message_fr


def test_dropped_connections_are_retried() -> None:
    with OpenAIServer(script=[Drop(), Drop(after_bytes=25), "entier"]) as srv:
        with make(srv) as backend:
            c = chat(backend)
        assert c.text == "entier" and c.attempts == 3


def test_a_200_that_is_not_json_is_retried() -> None:
    with (
        OpenAIServer(
            script=[Raw("<html>Bad gateway</html>"), Raw('{"choices": [{"mess'), "ok"]
        ) as srv,
        make(srv) as backend,
    ):
        assert chat(backend).text == "ok"


def test_a_hung_answer_times_out_and_is_reported() -> None:
    with OpenAIServer(script=[Hang(), Hang(after_headers=True)]) as srv:
        backend = make(srv, timeout_s=0.5, retry=fast_retry(max_retries=1))
        with backend, pytest.raises(RequestFailed) as info:
            chat(backend)
        assert len(srv.generation_requests) == 2
    assert info.value.status is None
    assert "0.5 s" in info.value.message_fr and "2 tentatives" in info.value.message_fr


def test_a_hang_then_an_answer_succeeds() -> None:
    with OpenAIServer(script=[Hang(), "réveillé"]) as srv:
        with make(srv, timeout_s=0.5) as backend:
            c = chat(backend)
        assert c.text == "réveillé" and c.attempts == 2


def test_server_goes_away_and_comes_back(server: OpenAIServer) -> None:
    with make(server, retry=fast_retry(max_retries=12, max_backoff_s=0.3)) as backend:
        assert chat(backend).text == "Dis bonjour."  # keep-alive connection now open
        server.outage(0.4)
        c = chat(backend)
        assert c.text == "Dis bonjour." and c.attempts > 1
    assert len(server.generation_requests) == 2


def test_unreachable_server_is_a_backend_error() -> None:
    with OpenAIServer() as srv:
        port = srv.port
    backend = OpenAIBackend(
        f"http://127.0.0.1:{port}/v1", "m", retry=fast_retry(max_retries=1), env={}
    )
    with backend, pytest.raises(RequestFailed) as info:
        chat(backend)
    assert info.value.exit_code == 12 and "connexion" in info.value.message_fr


# -- the key never leaks ---------------------------------------------------------------------------


def test_key_is_sent_but_never_in_errors_repr_or_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    # A server echoing the key in its error (OpenAI echoes part of it), after retries.
    script = [Error(503), Error(401, f"Incorrect API key provided: {KEY}.", type="auth")]
    with OpenAIServer(script=script) as srv:
        backend = make(srv)
        assert KEY not in repr(backend) and "définie" in repr(backend)
        with backend, pytest.raises(BackendError) as info:
            chat(backend)
        assert all(r.headers["authorization"] == f"Bearer {KEY}" for r in srv.requests)
    err = info.value
    for text in (err.message_fr, err.message_en, str(err), repr(err), repr(err.args)):
        assert KEY not in text
    assert "PLUME_API_KEY" in err.message_fr and "***" in err.message_fr
    assert caplog.records, "the retry was logged"
    assert KEY not in caplog.text


# -- concurrency and settings ----------------------------------------------------------------------


def test_one_backend_serves_32_threads() -> None:
    with OpenAIServer(latency=0.2) as srv, make(srv) as backend:
        results: dict[int, str] = {}
        errors: list[BaseException] = []

        def work(i: int) -> None:
            try:
                c = backend.chat(
                    [Message("user", f"article {i}")], max_tokens=8, temperature=0.0, seed=i
                )
                results[i] = c.text
            except BaseException as e:  # surfaced below
                errors.append(e)

        threads = [threading.Thread(target=work, args=(i,)) for i in range(32)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors
        assert results == {i: f"article {i}" for i in range(32)}
        assert backend.usage.calls == 32 and srv.usage.requests == 32
        assert backend.usage.completion_tokens == srv.usage.completion_tokens


def test_backend_from_settings_builds_the_configured_backend(server: OpenAIServer) -> None:
    env = {
        "PLUME_CONFIG": "/nonexistent/plume.toml",
        "PLUME_BACKEND__NAME": "openai",
        "PLUME_BACKEND__BASE_URL": server.base_url,
        "PLUME_BACKEND__MODEL": "mistral-small-latest",
        "PLUME_BACKEND__API_KEY_ENV": "MY_KEY",
        "PLUME_BACKEND__TIMEOUT_S": "5",
        "PLUME_BACKEND__MAX_RETRIES": "2",
        "PLUME_BACKEND__PRICE_IN_PER_MTOK": "0.1",
        "MY_KEY": KEY,
    }
    settings = load_settings(env=env)
    backend = backend_from_settings(settings.backend, env=env)
    assert isinstance(backend, OpenAIBackend)
    with backend:
        assert backend.model == "mistral-small-latest" and backend.has_key
        assert backend.retry.max_retries == 2 and backend.timeout_s == 5
        chat(backend)
        assert backend.usage.cost is not None and backend.usage.cost > 0
    assert server.requests[0].headers["authorization"] == f"Bearer {KEY}"
    assert server.requests[0].body is not None
    assert server.requests[0].body["model"] == "mistral-small-latest"


def test_concurrency_limit_caps_requests_in_flight() -> None:
    in_flight = 0
    peak = 0
    lock = threading.Lock()
    # Requests meet two by two, so two are certainly in flight together; a third let through
    # would raise the peak while the pair waits.
    pair = threading.Barrier(2, timeout=20)

    def responder(body: dict[str, Any]) -> Any:
        nonlocal in_flight, peak
        with lock:
            in_flight += 1
            peak = max(peak, in_flight)
        pair.wait()
        # Hold the pair a moment: time for a request that broke the limit to arrive.
        time.sleep(0.02)
        with lock:
            in_flight -= 1
        return "ok"

    with OpenAIServer(responder) as srv, make(srv, concurrency=2) as backend:
        threads = [threading.Thread(target=chat, args=(backend,)) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(srv.generation_requests) == 8
    assert peak == 2


def test_credentials_in_the_url_are_not_shown() -> None:
    url = "https://user:hunter2@llm.example.org/v1"
    backend = OpenAIBackend(url, "m", env={})
    with backend:
        assert "hunter2" not in repr(backend) and backend.host == "llm.example.org"
    shown = dict(OpenAIBackend.describe(BackendSettings(name="openai", base_url=url), env={}))
    assert shown["adresse"] == "https://llm.example.org/v1"


def test_an_answer_far_over_max_tokens_is_cut_and_marked_length(server: OpenAIServer) -> None:
    """A server that ignores max_tokens and sends 300 KB: the completion is cut where the
    limit would have cut it, flagged "length" (a cut sentence is then never published), and
    its control characters are gone."""
    server.push("Le vélo\x00 en ville\x1b[0m progresse. " * 9_000)
    completion = chat(make(server))  # max_tokens=16
    assert len(completion.text) == 16 * MAX_CHARS_PER_TOKEN
    assert completion.finish_reason == "length"
    assert "\x00" not in completion.text and "\x1b" not in completion.text
    server.push(Reply("Bonjour\x07 à vous."))
    answer = make(server).complete("Dis bonjour.", max_tokens=16, temperature=0.0, seed=1, stop=[])
    assert (answer.text, answer.finish_reason) == ("Bonjour à vous.", "stop")
