"""The loopback test server itself: other test suites (batch, rewrite) build on it."""

from __future__ import annotations

import threading
from typing import Any

import httpx
import pytest

from tests.support.openai_server import Error, OpenAIServer, Reply, ReplyLike, echo


def test_serves_64_concurrent_clients_at_once() -> None:
    # Every reply waits until all 64 requests are being handled together: a server that
    # serialised them (or queued them behind a small backlog) would break the barrier.
    barrier = threading.Barrier(64, timeout=30)

    def together(body: dict[str, Any]) -> ReplyLike:
        barrier.wait()
        return echo(body)

    with (
        OpenAIServer(together) as srv,
        httpx.Client(
            base_url=srv.base_url, timeout=60, limits=httpx.Limits(max_connections=100)
        ) as client,
    ):
        answers: dict[int, str] = {}

        def call(i: int) -> None:
            r = client.post("/completions", json={"model": "m", "prompt": f"texte {i}"})
            answers[i] = r.json()["choices"][0]["text"]

        threads = [threading.Thread(target=call, args=(i,)) for i in range(64)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not barrier.broken
        assert answers == {i: f"texte {i}" for i in range(64)}
        assert srv.usage.requests == 64 and srv.usage.completion_tokens == 128


def test_script_then_responder_then_exhaustion_is_loud() -> None:
    with OpenAIServer(script=["un", Reply("deux", usage=False)], api_key="k") as srv:
        headers = {"Authorization": "Bearer k"}
        with httpx.Client(base_url=srv.base_url, headers=headers) as client:
            body = {"messages": [{"role": "user", "content": "salut"}]}
            first = client.post("/chat/completions", json=body).json()
            assert first["choices"][0]["message"]["content"] == "un"
            assert first["usage"] == {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}
            assert "usage" not in client.post("/chat/completions", json=body).json()
            exhausted = client.post("/chat/completions", json=body)
            assert exhausted.status_code == 418
            srv.responder = lambda b: Error(503, retry_after=2)
            busy = client.post("/chat/completions", json=body)
            assert busy.status_code == 503 and busy.headers["retry-after"] == "2"
            assert client.get("/models").json()["data"][0]["id"] == "plume-test"
            assert client.get("/nowhere").status_code == 404
        assert httpx.get(f"{srv.base_url}/models").status_code == 401  # no key
        assert [r.reply for r in srv.requests][-2:] == ["404", "401"]


def test_a_responder_bug_is_kept_for_the_test() -> None:
    def broken(body: dict[str, Any]) -> ReplyLike:
        raise KeyError("oops")

    with OpenAIServer(broken) as srv, httpx.Client(base_url=srv.base_url) as client:
        with pytest.raises(httpx.TransportError):  # the client sees a dropped connection
            client.post("/completions", json={"prompt": "x"})
        assert [type(e) for e in srv.errors] == [KeyError]
