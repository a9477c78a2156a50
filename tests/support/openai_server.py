"""A real OpenAI-compatible HTTP server on loopback, scripted turn by turn, for tests.

It listens on ``127.0.0.1`` (a free port chosen by the OS) in a background thread, speaks HTTP/1.1
with keep-alive (stdlib ``ThreadingHTTPServer``: one thread per connection, so 64 concurrent
clients are served in parallel), and never touches the network beyond loopback::

    from tests.support.openai_server import Drop, Error, Hang, OpenAIServer, Reply

    with OpenAIServer(script=["Bonjour.", Error(429, retry_after=1), {"titre": "Vélo"}]) as srv:
        backend = OpenAIBackend(base_url=srv.base_url, model="plume-test")  # http://127.0.0.1:PORT/v1
        ...
        assert srv.requests[0].headers["authorization"] == "Bearer sk-test"

Endpoints (``srv.base_url`` ends in ``/v1``):

* ``POST /v1/chat/completions`` and ``POST /v1/completions`` — the *generation* endpoints; each
  request gets the next reply (below). A chat request's ``response_format`` (``json_schema``) is
  accepted and recorded, or refused with 400 when ``reject_response_format=True``.
* ``GET /v1/models`` — ``{"object": "list", "data": [{"id": model, ...}]}``.
* anything else — 404 with an OpenAI-style error body.

Where a generation request's reply comes from, in order:

1. ``script`` — an iterable of replies consumed one per generation request, in arrival order
   (``srv.push(*replies)`` appends more while the server runs);
2. ``responder`` — a callable ``(request_json: dict) -> reply`` used once the script is empty
   (``script`` may itself be a callable: it is then the responder). Tell the endpoints apart by
   the body: chat requests carry ``"messages"``, completions ``"prompt"``;
3. nothing given at all — :func:`echo` (the last user message, or the prompt, sent back);
   a script given and exhausted with no responder — status 418 "script exhausted", which no client
   retries, so a test whose script is too short fails loudly instead of passing on echoes.

Replies:

* ``str`` — the generated text (chat: ``choices[0].message.content``; completions:
  ``choices[0].text``), with ``usage`` computed (below), ``finish_reason`` ``"stop"``;
* ``dict`` / ``list`` — JSON-encoded, then as a ``str`` (handy for structured output);
* :class:`Reply` — text with explicit token counts, ``usage=False`` (no ``usage`` field, like some
  servers), another ``finish_reason``, or a ``delay`` before this reply only;
* :class:`Error` — an HTTP error with an OpenAI-style body ``{"error": {"message", "type",
  "code"}}``, optionally ``Retry-After`` (seconds, or any string such as an HTTP date) and headers;
* :class:`Raw` — a body sent verbatim (bytes, str, or dict as JSON) with any status and headers:
  truncated JSON, HTML error pages, a 200 without ``choices``…;
* :class:`Drop` — the connection is closed: before any byte (``after_bytes=None``: "server
  disconnected without sending a response"), or after the status line, the headers (with the full
  ``Content-Length``) and ``after_bytes`` bytes of the body (a reply cut mid-way);
* :class:`Hang` — a reply that never finishes: nothing is sent (or, ``after_headers=True``, the
  headers and half the body), and the handler waits until the server stops or
  ``srv.release_hangs()``; the client's read timeout is what ends it.

Server options: ``latency`` (seconds slept before every generation reply, to simulate a real
backend; 0, the default, is "instant"), ``reject_response_format`` (400 naming ``response_format``
on chat requests that carry one, like endpoints without structured output; the script is not
consumed), ``api_key`` (when set, requests without ``Authorization: Bearer <api_key>`` get 401),
``model`` (the name listed and echoed), ``port`` (0: a free one; kept across restarts).

Control and records:

* ``srv.base_url`` (``http://127.0.0.1:PORT/v1``), ``srv.port``;
* ``srv.stop()`` / ``srv.start()`` — stop (listening socket *and* open keep-alive connections are
  closed, hung replies released) and start again on the same port; ``srv.outage(seconds)`` stops
  now and starts again after ``seconds`` in the background ("goes away and comes back");
* ``srv.requests`` — every request as a :class:`RecordedRequest` (method, path, headers with
  lower-cased names — ``Authorization`` included, so tests can check the key is sent — parsed
  JSON body, raw bytes, ``at`` = ``time.monotonic()`` on arrival, and the kind of reply given);
  ``srv.generation_requests`` — only the two generation endpoints;
* ``srv.errors`` — exceptions raised by a responder (the client saw the connection dropped):
  a test whose responder may fail should assert ``not srv.errors``;
* ``srv.usage`` — :class:`ServerUsage` totals of what the server answered with 200: requests,
  prompt and completion tokens. The server's "tokens" are whitespace-separated words: plain,
  deterministic, and enough for tests to check that a client reports what the server said.
"""

from __future__ import annotations

import contextlib
import json
import socket
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

__all__ = [
    "Drop",
    "Error",
    "Hang",
    "OpenAIServer",
    "Raw",
    "RecordedRequest",
    "Reply",
    "ReplyLike",
    "Responder",
    "ServerUsage",
    "echo",
]


@dataclass(frozen=True)
class Reply:
    """Generated text with explicit details. ``None`` token counts are computed (words)."""

    text: str
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    #: False: the response has no ``usage`` field (some servers omit it).
    usage: bool = True
    finish_reason: str = "stop"
    #: Seconds to wait before this reply (added to the server's ``latency``).
    delay: float = 0.0


@dataclass(frozen=True)
class Error:
    """An HTTP error with an OpenAI-style JSON body."""

    status: int
    message: str = ""
    #: ``Retry-After`` header: seconds (``1``, ``0.5``) or any string (an HTTP date).
    retry_after: float | str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    type: str = "server_error"
    code: str | None = None


@dataclass(frozen=True)
class Raw:
    """A body sent as is (dict → JSON), with any status and headers."""

    body: bytes | str | dict[str, Any] | list[Any]
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Drop:
    """Close the connection: before any byte, or after the headers and ``after_bytes`` body bytes."""

    after_bytes: int | None = None


@dataclass(frozen=True)
class Hang:
    """Never finish the reply (until the server stops or ``release_hangs``)."""

    after_headers: bool = False


ReplyLike = str | dict[str, Any] | list[Any] | Reply | Error | Raw | Drop | Hang
Responder = Callable[[dict[str, Any]], ReplyLike]


@dataclass
class RecordedRequest:
    method: str
    path: str
    #: Header names lower-cased.
    headers: dict[str, str]
    #: The parsed JSON body (None for GET or a body that is not JSON).
    body: dict[str, Any] | None
    raw: bytes
    #: ``time.monotonic()`` when the request was read.
    at: float
    #: What it got: "text", "error:429", "raw:200", "drop", "hang", "models", "reject", "401"…
    reply: str = ""


@dataclass
class ServerUsage:
    requests: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0


def _words(text: str) -> int:
    return len(text.split())


def _prompt_text(body: dict[str, Any]) -> str:
    if "messages" in body:
        parts = []
        for m in body.get("messages") or []:
            content = m.get("content") if isinstance(m, dict) else None
            if isinstance(content, str):
                parts.append(content)
        return "\n".join(parts)
    prompt = body.get("prompt", "")
    return prompt if isinstance(prompt, str) else json.dumps(prompt)


def echo(body: dict[str, Any]) -> ReplyLike:
    """The default responder: the last user message (chat) or the prompt (completions)."""
    for m in reversed(body.get("messages") or []):
        if isinstance(m, dict) and m.get("role") == "user" and isinstance(m.get("content"), str):
            return str(m["content"])
    prompt = body.get("prompt", "")
    return prompt if isinstance(prompt, str) else ""


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    # Do not wait for handler threads on close: a hung reply must not block stop().
    block_on_close = False
    allow_reuse_address = True
    # The listen backlog: the default (5) refuses connections when 64 clients connect at once.
    request_queue_size = 256
    owner: OpenAIServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Dropped and hung connections raise OSError in handler threads by design: quiet. Any
        # other exception (a responder's bug, a failed assertion in it) is kept for the test.
        exc = sys.exc_info()[1]
        if exc is not None and not isinstance(exc, OSError):
            self.owner.errors.append(exc)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _HTTPServer

    def setup(self) -> None:
        super().setup()
        self.server.owner._track(self.connection)

    def finish(self) -> None:
        with contextlib.suppress(OSError):
            super().finish()
        self.server.owner._untrack(self.connection)

    def log_message(self, format: str, *args: Any) -> None:
        pass

    # -- plumbing ------------------------------------------------------------------------------

    def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        all_headers = {"Content-Type": "application/json", **(headers or {})}
        for name, value in all_headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()

    def _send_json(self, status: int, data: Any, headers: dict[str, str] | None = None) -> None:
        self._send(status, json.dumps(data, ensure_ascii=False).encode("utf-8"), headers)

    def _error(self, status: int, message: str, type_: str, code: str | None = None) -> None:
        self._send_json(status, {"error": {"message": message, "type": type_, "code": code}})

    def _cut(self) -> None:
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.wfile.flush()
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def _record(self, body: dict[str, Any] | None, raw: bytes) -> RecordedRequest:
        rec = RecordedRequest(
            method=self.command,
            path=self.path,
            headers={k.lower(): v for k, v in self.headers.items()},
            body=body,
            raw=raw,
            at=time.monotonic(),
        )
        self.server.owner._add_request(rec)
        return rec

    def _authorised(self, rec: RecordedRequest) -> bool:
        key = self.server.owner.api_key
        if key is None or rec.headers.get("authorization") == f"Bearer {key}":
            return True
        rec.reply = "401"
        self._error(401, "Incorrect API key provided.", "invalid_request_error", "invalid_api_key")
        return False

    # -- endpoints -----------------------------------------------------------------------------

    def do_GET(self) -> None:
        rec = self._record(None, b"")
        if not self._authorised(rec):
            return
        if self.path.rstrip("/") == "/v1/models":
            rec.reply = "models"
            model = self.server.owner.model
            self._send_json(
                200,
                {
                    "object": "list",
                    "data": [
                        {"id": model, "object": "model", "created": 0, "owned_by": "plume-tests"}
                    ],
                },
            )
            return
        rec.reply = "404"
        self._error(404, f"Unknown path {self.path}", "invalid_request_error")

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            parsed = json.loads(raw) if raw else None
        except ValueError:
            parsed = None
        body = parsed if isinstance(parsed, dict) else None
        rec = self._record(body, raw)
        if not self._authorised(rec):
            return
        path = self.path.rstrip("/")
        if path not in ("/v1/chat/completions", "/v1/completions"):
            rec.reply = "404"
            self._error(404, f"Unknown path {self.path}", "invalid_request_error")
            return
        if body is None:
            rec.reply = "400"
            self._error(400, "The request body is not a JSON object.", "invalid_request_error")
            return
        owner = self.server.owner
        chat = path == "/v1/chat/completions"
        if chat and owner.reject_response_format and "response_format" in body:
            rec.reply = "reject"
            self._error(
                400,
                "Invalid parameter: 'response_format' of type 'json_schema' is not supported "
                "with this model.",
                "invalid_request_error",
                "invalid_parameter",
            )
            return
        reply = owner._next_reply(body)
        self._answer(rec, reply, body, chat)

    def _answer(
        self, rec: RecordedRequest, reply: ReplyLike, body: dict[str, Any], chat: bool
    ) -> None:
        owner = self.server.owner
        extra = reply.delay if isinstance(reply, Reply) else 0.0
        if owner.latency + extra > 0 and owner._stopping.wait(owner.latency + extra):
            self._cut()  # the server stopped while "generating"
            return
        if isinstance(reply, Error):
            rec.reply = f"error:{reply.status}"
            headers = dict(reply.headers)
            if reply.retry_after is not None:
                ra = reply.retry_after
                headers["Retry-After"] = ra if isinstance(ra, str) else f"{ra:g}"
            message = reply.message or f"Simulated error {reply.status}."
            self._send_json(
                reply.status,
                {"error": {"message": message, "type": reply.type, "code": reply.code}},
                headers,
            )
            return
        if isinstance(reply, Raw):
            rec.reply = f"raw:{reply.status}"
            data = reply.body
            if isinstance(data, dict | list):
                data = json.dumps(data, ensure_ascii=False)
            if isinstance(data, str):
                data = data.encode("utf-8")
            self._send(reply.status, data, reply.headers)
            return
        if isinstance(reply, Drop):
            rec.reply = "drop"
            if reply.after_bytes is not None:
                payload = self._completion_body(Reply("x" * 200), body, chat, count=False)
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload[: reply.after_bytes])
            self._cut()
            return
        if isinstance(reply, Hang):
            rec.reply = "hang"
            if reply.after_headers:
                payload = self._completion_body(Reply("x" * 200), body, chat, count=False)
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload[: len(payload) // 2])
                self.wfile.flush()
            owner._hang_release.wait()
            self._cut()
            return
        if isinstance(reply, dict | list):
            reply = json.dumps(reply, ensure_ascii=False)
        if isinstance(reply, str):
            reply = Reply(reply)
        rec.reply = "text"
        self._send(200, self._completion_body(reply, body, chat))

    def _completion_body(
        self, reply: Reply, body: dict[str, Any], chat: bool, *, count: bool = True
    ) -> bytes:
        owner = self.server.owner
        prompt_tokens = (
            reply.prompt_tokens if reply.prompt_tokens is not None else _words(_prompt_text(body))
        )
        completion_tokens = (
            reply.completion_tokens if reply.completion_tokens is not None else _words(reply.text)
        )
        # A dropped or hung reply is never received: it does not count as usage.
        n = owner._count(prompt_tokens, completion_tokens) if count else 0
        choice: dict[str, Any]
        if chat:
            choice = {
                "index": 0,
                "message": {"role": "assistant", "content": reply.text},
                "finish_reason": reply.finish_reason,
            }
        else:
            choice = {
                "index": 0,
                "text": reply.text,
                "logprobs": None,
                "finish_reason": reply.finish_reason,
            }
        data: dict[str, Any] = {
            "id": f"{'chatcmpl' if chat else 'cmpl'}-{n}",
            "object": "chat.completion" if chat else "text_completion",
            "created": int(time.time()),
            "model": body.get("model") or owner.model,
            "choices": [choice],
        }
        if reply.usage:
            data["usage"] = {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": completion_tokens,
                "total_tokens": prompt_tokens + completion_tokens,
            }
        return json.dumps(data, ensure_ascii=False).encode("utf-8")


class OpenAIServer:
    """See the module docstring. A context manager: started on enter, stopped on exit."""

    def __init__(
        self,
        script: Iterable[ReplyLike] | Responder | None = None,
        *,
        responder: Responder | None = None,
        latency: float = 0.0,
        reject_response_format: bool = False,
        api_key: str | None = None,
        model: str = "plume-test",
        port: int = 0,
    ) -> None:
        self._scripted = script is not None and not callable(script)
        if callable(script):
            responder = script
            script = None
        self._script: deque[ReplyLike] = deque(script or ())  # type: ignore[arg-type]
        self.responder = responder
        self.latency = latency
        self.reject_response_format = reject_response_format
        self.api_key = api_key
        self.model = model
        self.port = port
        self.requests: list[RecordedRequest] = []
        self.usage = ServerUsage()
        #: Exceptions raised while handling a request other than connection errors: a responder
        #: that raised (the client saw a dropped connection). Tests can assert it is empty.
        self.errors: list[BaseException] = []
        self._lock = threading.Lock()
        self._connections: set[socket.socket] = set()
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._timers: list[threading.Timer] = []
        self._stopping = threading.Event()
        self._hang_release = threading.Event()

    # -- lifecycle -----------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    @property
    def running(self) -> bool:
        return self._httpd is not None

    def start(self) -> OpenAIServer:
        with self._lock:
            if self._httpd is not None:
                return self
            self._stopping = threading.Event()
            self._hang_release = threading.Event()
            httpd = _HTTPServer(("127.0.0.1", self.port), _Handler)
            httpd.owner = self
            self.port = int(httpd.server_address[1])
            self._httpd = httpd
            self._thread = threading.Thread(
                target=httpd.serve_forever,
                kwargs={"poll_interval": 0.05},
                name=f"openai-server-{self.port}",
                daemon=True,
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        """Stop listening, close every open connection, release hung replies."""
        with self._lock:
            httpd, thread = self._httpd, self._thread
            self._httpd = self._thread = None
            connections = list(self._connections)
            self._connections.clear()
            self._stopping.set()
            self._hang_release.set()
        if httpd is None:
            return
        httpd.shutdown()
        httpd.server_close()
        for conn in connections:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        if thread is not None:
            thread.join(timeout=5)

    def outage(self, seconds: float) -> None:
        """Stop now; start again on the same port after ``seconds``, in the background."""
        self.stop()
        timer = threading.Timer(seconds, self.start)
        timer.daemon = True
        self._timers.append(timer)
        timer.start()

    def release_hangs(self) -> None:
        self._hang_release.set()

    def __enter__(self) -> OpenAIServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        for timer in self._timers:
            timer.cancel()
        self.stop()

    # -- script and records --------------------------------------------------------------------

    def push(self, *replies: ReplyLike) -> None:
        with self._lock:
            self._scripted = True
            self._script.extend(replies)

    @property
    def generation_requests(self) -> list[RecordedRequest]:
        with self._lock:
            return [r for r in self.requests if r.path.rstrip("/").endswith("completions")]

    def _next_reply(self, body: dict[str, Any]) -> ReplyLike:
        with self._lock:
            if self._script:
                return self._script.popleft()
            scripted = self._scripted
        if self.responder is not None:
            return self.responder(body)
        if scripted:
            return Error(418, "plume test server: script exhausted", type="script_exhausted")
        return echo(body)

    def _add_request(self, rec: RecordedRequest) -> None:
        with self._lock:
            self.requests.append(rec)

    def _count(self, prompt_tokens: int, completion_tokens: int) -> int:
        with self._lock:
            self.usage.requests += 1
            self.usage.prompt_tokens += prompt_tokens
            self.usage.completion_tokens += completion_tokens
            return self.usage.requests

    def _track(self, conn: socket.socket) -> None:
        with self._lock:
            self._connections.add(conn)

    def _untrack(self, conn: socket.socket) -> None:
        with self._lock:
            self._connections.discard(conn)
