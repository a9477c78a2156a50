"""The studio's gate: host, token, origin and body size checks, and security headers.

One pure ASGI middleware, outermost, so that every request (pages, API, static files, OpenAPI)
goes through the same checks before any route runs. What each check does and why:
docs/studio.md, « La sécurité ».
"""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import urlencode, urlsplit

from starlette.datastructures import URL, Headers, QueryParams
from starlette.requests import cookie_parser
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response

from plume.settings import Settings
from plume.studio.i18n import size_text, translate

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

__all__ = ["CSP", "BodyTooLarge", "Guard", "is_loopback"]

TOKEN_COOKIE = "plume_token"

#: No inline script or style anywhere (the article is data, never code), no framing, no plugin,
#: no base-URL trick; ``data:`` images only for the favicon-less page's CSS backgrounds.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)

SECURITY_HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
)

#: Room for the form's other fields and the multipart boundaries around an upload of the
#: maximum size: the options are a few hundred bytes (meta ≤ 1000 characters…); 64 KiB is ample.
FORM_OVERHEAD_BYTES = 64 * 1024


def is_loopback(host: str) -> bool:
    """``localhost``, 127.0.0.0/8 or ::1."""
    h = host.strip().strip("[]").lower()
    if h == "localhost":
        return True
    try:
        return ipaddress.ip_address(h).is_loopback
    except ValueError:
        return False


def _host_name(host_header: str) -> str:
    if host_header.startswith("["):  # [::1]:8765
        return host_header[1 : host_header.find("]")] if "]" in host_header else host_header
    return host_header.rsplit(":", 1)[0] if host_header.count(":") == 1 else host_header


class BodyTooLarge(Exception):
    """The body grew past the limit while being read (no ``Content-Length`` given)."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(size)
        self.size = size
        self.limit = limit


def too_large_message(size: int, limit: int, lang: str) -> str:
    return translate(
        lang, "run.too_large", size=size_text(size, lang), limit=size_text(limit, lang)
    )


class _BodyState:
    def __init__(self) -> None:
        self.over: int | None = None  # the size read when it went past the limit
        self.answered = False


class Guard:
    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings
        self.token = settings.studio.token
        self.check_host = is_loopback(settings.studio.host)
        self.upload_limit = settings.studio.max_upload_bytes
        self.max_body = self.upload_limit + FORM_OVERHEAD_BYTES

    def _lang(self, scope: Scope) -> str:
        q = QueryParams(scope.get("query_string", b"").decode("latin-1")).get("lang")
        return q if q in ("fr", "en") else self.settings.lang

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.extend(SECURITY_HEADERS)
                if not scope["path"].startswith("/static/"):
                    headers.append((b"cache-control", b"no-store"))
                message["headers"] = headers
            await send(message)

        body = _BodyState()

        async def send_from_app(message: Message) -> None:
            if body.over is None:
                await send_with_headers(message)
                return
            # The body went past the limit: a route (FastAPI's JSON reader) may have turned
            # the exception into its own 400; whatever the app answers, the client gets 413.
            if not body.answered:
                body.answered = True
                msg = too_large_message(body.over, self.upload_limit, self._lang(scope))
                await self._error(scope, 413, msg, "InputTooLarge")(
                    scope, receive, send_with_headers
                )

        refusal = self._refusal(scope)
        if refusal is not None:
            await refusal(scope, receive, send_with_headers)
            return

        received = 0
        limit = self.max_body

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    body.over = received
                    raise BodyTooLarge(received, self.upload_limit)
            return message

        try:
            await self.app(scope, counting_receive, send_from_app)
        except BodyTooLarge:
            await send_from_app({"type": "http.response.start", "status": 413})

    def _error(self, scope: Scope, status: int, message: str, kind: str) -> Response:
        if scope["path"].startswith("/api/") or scope["path"] == "/openapi.json":
            # The CLI's exit code for the same problem (6: input too large), 0 when it has none.
            code = 6 if status == 413 else 0
            body = {"error": {"type": kind, "exit_code": code, "message": message}}
            return JSONResponse(body, status_code=status)
        return PlainTextResponse(message, status_code=status)

    def _refusal(self, scope: Scope) -> Response | None:
        headers = Headers(scope=scope)
        lang = self._lang(scope)
        host_header = headers.get("host", "")
        if self.check_host and not is_loopback(_host_name(host_header)):
            return self._error(scope, 403, translate(lang, "err.host"), "HostRefused")
        if self.token:
            expected = self.token.encode()
            params = QueryParams(scope.get("query_string", b"").decode("latin-1"))
            given_q = params.get("token")
            if given_q is not None and hmac.compare_digest(given_q.encode(), expected):
                kept = [(k, v) for k, v in params.multi_items() if k != "token"]
                url = URL(scope=scope).replace(query=urlencode(kept))
                target = url.path + (f"?{url.query}" if url.query else "")
                response = RedirectResponse(target, status_code=303)
                response.set_cookie(
                    TOKEN_COOKIE, self.token, httponly=True, samesite="strict", path="/"
                )
                return response
            auth = headers.get("authorization", "")
            given = auth[7:].strip() if auth.lower().startswith("bearer ") else None
            if given is None:
                given = cookie_parser(headers.get("cookie", "")).get(TOKEN_COOKIE)
            if given is None or not hmac.compare_digest(given.encode(), expected):
                return self._error(scope, 401, translate(lang, "err.token"), "TokenRequired")
        if scope["method"] not in ("GET", "HEAD", "OPTIONS"):
            origin = headers.get("origin")
            if origin and origin != "null" and urlsplit(origin).netloc != host_header:
                return self._error(scope, 403, translate(lang, "err.origin"), "OriginRefused")
            if origin == "null":
                return self._error(scope, 403, translate(lang, "err.origin"), "OriginRefused")
        length = headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > self.max_body:
            return self._error(
                scope,
                413,
                too_large_message(int(length), self.upload_limit, lang),
                "InputTooLarge",
            )
        return None
