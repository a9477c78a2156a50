"""Any OpenAI-compatible endpoint: OpenAI, Mistral, Groq, OpenRouter, vLLM, Ollama, llama.cpp's
server, LM Studio — one thread-safe httpx client speaking ``/chat/completions`` and
``/completions``.

Rate limits, timeouts, retries, then :class:`~plume.errors.BackendError`; the API key read once
from the variable named by ``api_key_env`` and never shown; structured output with a fallback to
the prompt. Details: docs/rewrite.md, « Le point d’accès compatible OpenAI ».
"""

from __future__ import annotations

import json
import logging
import os
import re
import threading
import time
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from plume.backends.base import (
    Completion,
    Message,
    Usage,
    bounded_answer,
    chat_request,
    count_tokens_estimate,
    register,
)
from plume.backends.retry import RateLimiter, RetryPolicy, parse_retry_after
from plume.backends.structured import schema_instructions
from plume.errors import BackendError, ConfigError
from plume.report import Msg
from plume.settings import BackendSettings
from plume.text import french_spacing

if TYPE_CHECKING:
    import httpx

__all__ = ["DEFAULT_BASE_URL", "OpenAIBackend", "RequestFailed"]

log = logging.getLogger(__name__)

#: Used when no ``base_url`` is configured: the OpenAI API itself.
DEFAULT_BASE_URL = "https://api.openai.com/v1"

#: Request parameters an endpoint may refuse while still working without them (OpenAI-compatible
#: servers differ: Mistral names its seed ``random_seed``; endpoints without structured output
#: refuse ``response_format``). A 400/422 whose message names one is retried once without it,
#: and the parameter is not sent again to this endpoint.
_OPTIONAL_PARAMS = ("response_format", "seed")

#: How much of an error body goes into a message: enough for the server's explanation, short
#: enough for one terminal line.
_BODY_EXCERPT = 200


class RequestFailed(BackendError):
    """A request to an OpenAI-compatible endpoint failed for good (exit 12).

    ``status`` is the last HTTP status (None for a connection error or timeout), ``attempts`` how
    many times it was sent, ``server_message`` the server's own explanation (key redacted).
    """

    def __init__(
        self,
        message_fr: str,
        message_en: str,
        *,
        status: int | None,
        attempts: int,
        server_message: str = "",
    ) -> None:
        super().__init__(message_fr, message_en)
        self.status = status
        self.attempts = attempts
        self.server_message = server_message


class _Failure(Exception):
    """One failed attempt: what to say about it, and the server's ``Retry-After`` if any."""

    def __init__(
        self,
        fr: str,
        en: str,
        *,
        retryable: bool,
        retry_after: float | None = None,
        status: int | None = None,
        server_message: str = "",
    ) -> None:
        super().__init__(en)
        self.fr = fr
        self.en = en
        self.retryable = retryable
        self.retry_after = retry_after
        self.status = status
        self.server_message = server_message


def _error_text(response: httpx.Response) -> str:
    """The server's own explanation: OpenAI-style ``error.message``, else the body's start."""
    try:
        data = response.json()
    except ValueError:
        data = None
    if isinstance(data, dict):
        err = data.get("error")
        if isinstance(err, dict) and err.get("message"):
            return str(err["message"])
        if isinstance(err, str):
            return err
        if isinstance(data.get("message"), str):
            return str(data["message"])
        if isinstance(data.get("detail"), str):
            return str(data["detail"])
    text = response.text.strip()
    return re.sub(r"\s+", " ", text)[:_BODY_EXCERPT]


class OpenAIBackend:
    """A client of an OpenAI-compatible endpoint. ``model=None`` asks the endpoint's
    ``/models`` and uses the first one listed (local servers serve a single model)."""

    #: A service: one client shared by a batch's threads (see :func:`plume.backends.is_remote`).
    remote = True

    def __init__(
        self,
        base_url: str | None = None,
        model: str | None = None,
        *,
        api_key_env: str = "PLUME_API_KEY",
        timeout_s: float = 60.0,
        max_retries: int = 4,
        max_backoff_s: float = 30.0,
        concurrency: int = 0,
        requests_per_minute: int = 0,
        tokens_per_minute: int = 0,
        price_in_per_mtok: float = 0.0,
        price_out_per_mtok: float = 0.0,
        structured_output: bool | None = None,
        env: Mapping[str, str] | None = None,
        retry: RetryPolicy | None = None,
    ) -> None:
        self.base_url = (base_url or DEFAULT_BASE_URL).rstrip("/")
        parts = urlsplit(self.base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ConfigError(
                french_spacing(
                    f"Adresse de moteur invalide : « {self.base_url} » (attendu : "
                    "http(s)://hôte[:port]/v1)."
                ),
                f"Invalid backend URL: {self.base_url!r} (expected http(s)://host[:port]/v1).",
            )
        #: Shown in messages: the host (and port), never a path or query that could hold a token.
        self.host = parts.netloc.rsplit("@", 1)[-1]
        self.model = model
        self.api_key_env = api_key_env
        self._api_key = (os.environ if env is None else env).get(api_key_env) or None
        self.timeout_s = timeout_s
        self.retry = retry or RetryPolicy(max_retries=max_retries, max_backoff_s=max_backoff_s)
        #: None: unknown, tried on the first request with a schema; then True or False.
        self.structured_output = structured_output
        self._refused: set[str] = set()
        self.usage = Usage(price_in_per_mtok, price_out_per_mtok)
        self._lock = threading.Lock()
        self.limits = RateLimiter(concurrency, requests_per_minute, tokens_per_minute)
        # The pool is not the limiter (``self.limits`` is): it only has to hold every
        # connection a batch's threads keep alive.
        # httpx is imported here, not at module level: ``import plume`` registers this backend
        # and must stay cheap (httpx and its dependencies cost ≈ 0.25 s to import).
        import httpx

        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout_s),
            limits=httpx.Limits(
                max_connections=max(64, concurrency * 2),
                max_keepalive_connections=max(16, concurrency),
            ),
            headers={"User-Agent": "plume (OpenAI-compatible client)"},
            follow_redirects=False,
        )

    @classmethod
    def from_settings(
        cls, settings: BackendSettings, *, env: Mapping[str, str] | None = None
    ) -> OpenAIBackend:
        return cls(
            base_url=settings.base_url,
            model=settings.model,
            api_key_env=settings.api_key_env,
            timeout_s=settings.timeout_s,
            max_retries=settings.max_retries,
            max_backoff_s=settings.max_backoff_s,
            concurrency=settings.concurrency,
            requests_per_minute=settings.requests_per_minute,
            tokens_per_minute=settings.tokens_per_minute,
            price_in_per_mtok=settings.price_in_per_mtok,
            price_out_per_mtok=settings.price_out_per_mtok,
            env=env,
        )

    @staticmethod
    def describe(
        settings: BackendSettings, lang: str = "fr", *, env: Mapping[str, str] | None = None
    ) -> list[tuple[str, str]]:
        """The configuration ``plume backends`` shows: the key only as set or not set."""
        has_key = bool((os.environ if env is None else env).get(settings.api_key_env))
        key_state = (Msg("définie", "set") if has_key else Msg("absente", "not set")).get(lang)
        model = settings.model or Msg(
            "premier modèle listé par le serveur", "first model the server lists"
        ).get(lang)
        return [
            (Msg("adresse", "base URL").get(lang), _without_credentials(settings.base_url)),
            (Msg("modèle", "model").get(lang), model),
            (Msg("clé", "key").get(lang), f"{settings.api_key_env} ({key_state})"),
            (
                Msg("délai, essais", "timeout, retries").get(lang),
                f"{settings.timeout_s:g} s, {settings.max_retries}",
            ),
        ]

    @property
    def has_key(self) -> bool:
        return self._api_key is not None

    def __repr__(self) -> str:
        key = "définie" if self._api_key else "absente"
        # The host, not base_url: a URL may carry credentials (https://user:secret@host/v1).
        return f"OpenAIBackend(host={self.host!r}, model={self.model!r}, {self.api_key_env}={key})"

    # -- HTTP ----------------------------------------------------------------------------------

    def _redact(self, text: str) -> str:
        if self._api_key:
            text = text.replace(self._api_key, "***")
        return text

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self._api_key}"} if self._api_key else {}

    def _attempt(self, method: str, path: str, payload: dict[str, Any] | None, tokens: int) -> Any:
        """One HTTP exchange → the decoded JSON body, or :class:`_Failure`."""
        import httpx  # already loaded by __init__: a dictionary lookup

        url = f"{self.base_url}{path}"
        try:
            with self.limits.slot(tokens):
                response = self._client.request(method, url, json=payload, headers=self._headers())
        except httpx.TimeoutException as e:
            kind = type(e).__name__
            raise _Failure(
                f"pas de réponse en {self.timeout_s:g} s ({kind})",
                f"no answer within {self.timeout_s:g} s ({kind})",
                retryable=True,
            ) from None
        except httpx.TransportError as e:
            # ConnectError, RemoteProtocolError (connection dropped mid-answer), ReadError…
            detail = self._redact(str(e))[:_BODY_EXCERPT] or type(e).__name__
            raise _Failure(
                f"connexion impossible ou interrompue ({detail})",
                f"connection failed or dropped ({detail})",
                retryable=True,
            ) from None
        status = response.status_code
        if status >= 400 or status < 200:
            message = self._redact(_error_text(response))
            raise _Failure(
                f"HTTP {status} ({message})" if message else f"HTTP {status}",
                f"HTTP {status} ({message})" if message else f"HTTP {status}",
                retryable=self.retry.retryable(status),
                retry_after=parse_retry_after(response.headers.get("retry-after")),
                status=status,
                server_message=message,
            )
        try:
            return response.json()
        except ValueError:
            # A 200 that is not JSON: a proxy's HTML page or a body cut short. Transient as far
            # as we can tell, so retried like a 502.
            excerpt = self._redact(response.text.strip())[:80]
            raise _Failure(
                f"réponse illisible (pas du JSON : « {excerpt} »)",
                f"unreadable answer (not JSON: {excerpt!r})",
                retryable=True,
            ) from None

    def _request(
        self, method: str, path: str, payload: dict[str, Any] | None = None, tokens: int = 0
    ) -> tuple[Any, int]:
        """The decoded body and the number of attempts it took; BackendError when it fails.

        ``tokens``: what the request counts against a tokens-per-minute limit."""
        attempt = 0
        while True:
            attempt += 1
            try:
                return self._attempt(method, path, payload, tokens), attempt
            except _Failure as failure:
                if not failure.retryable or attempt > self.retry.max_retries:
                    raise self._error(path, failure, attempt) from None
                wait = self.retry.delay(attempt, failure.retry_after)
                log.info(
                    "%s%s: %s; retry %d/%d in %.2f s",
                    self.host,
                    path,
                    failure.en,
                    attempt,
                    self.retry.max_retries,
                    wait,
                )
                time.sleep(wait)

    def _error(self, path: str, failure: _Failure, attempts: int) -> RequestFailed:
        where = f"{self.host}{urlsplit(self.base_url).path}{path}"
        tries_fr = "1 tentative" if attempts == 1 else f"{attempts} tentatives"
        tries_en = "1 attempt" if attempts == 1 else f"{attempts} attempts"
        hint_fr, hint_en = "", ""
        if failure.status in (401, 403):
            state_fr = "définie" if self._api_key else "absente"
            state_en = "set" if self._api_key else "not set"
            hint_fr = (
                f" Clé refusée : vérifiez la variable {self.api_key_env} ({state_fr}) "
                "ou passez --backend local."
            )
            hint_en = (
                f" Key refused: check the variable {self.api_key_env} ({state_en}) "
                "or pass --backend local."
            )
        elif failure.retryable:
            hint_fr = " Réessayez plus tard, vérifiez --base-url, ou passez --backend local."
            hint_en = " Try again later, check --base-url, or pass --backend local."
        return RequestFailed(
            french_spacing(
                self._redact(
                    f"Le moteur {where} a échoué après {tries_fr} : {failure.fr}.{hint_fr}"
                )
            ),
            self._redact(f"Backend {where} failed after {tries_en}: {failure.en}.{hint_en}"),
            status=failure.status,
            attempts=attempts,
            server_message=failure.server_message,
        )

    # -- model ---------------------------------------------------------------------------------

    def models(self) -> list[str]:
        """The model names the endpoint lists (``GET /models``)."""
        body, _ = self._request("GET", "/models")
        data = body.get("data") if isinstance(body, dict) else None
        if not isinstance(data, list):
            return []
        return [str(m["id"]) for m in data if isinstance(m, dict) and "id" in m]

    def resolved_model(self) -> str:
        """The configured model, or the endpoint's first listed one."""
        with self._lock:
            if self.model:
                return self.model
        names = self.models()
        if not names:
            raise BackendError(
                french_spacing(
                    f"Aucun modèle indiqué et {self.host} n’en liste aucun : passez --model "
                    "(ou PLUME_BACKEND__MODEL)."
                ),
                f"No model given and {self.host} lists none: pass --model "
                "(or PLUME_BACKEND__MODEL).",
            )
        with self._lock:
            self.model = self.model or names[0]
            return self.model

    # -- generation ----------------------------------------------------------------------------

    def _generate(self, path: str, payload: dict[str, Any]) -> tuple[Any, int, bool]:
        """POST ``payload``, dropping optional parameters the endpoint refuses (remembered).

        Returns the body, the attempts used and whether ``response_format`` was accepted.
        """
        attempts = 0
        while True:
            with self._lock:
                refused = set(self._refused)
            sent = {k: v for k, v in payload.items() if k not in refused}
            # Charged against tokens_per_minute: the prompt (estimated) and the most it may
            # generate, as providers count it.
            text = json.dumps(sent.get("messages") or sent.get("prompt") or "", ensure_ascii=False)
            tokens = count_tokens_estimate(text) + int(sent.get("max_tokens") or 0)
            try:
                body, used = self._request("POST", path, sent, tokens)
            except RequestFailed as e:
                attempts += e.attempts
                if e.status not in (400, 422):
                    raise
                culprit = next(
                    (p for p in _OPTIONAL_PARAMS if p in sent and p in e.server_message), None
                )
                if culprit is None:
                    raise
                log.info("%s refuses %s: sending without it from now on", self.host, culprit)
                with self._lock:
                    self._refused.add(culprit)
                    if culprit == "response_format":
                        self.structured_output = False
                if culprit == "response_format":
                    payload = self._describe_schema(payload)
                continue
            structured = "response_format" in sent
            if structured:
                with self._lock:
                    self.structured_output = True
            return body, attempts + used, structured

    @staticmethod
    def _describe_schema(payload: dict[str, Any]) -> dict[str, Any]:
        """The same chat request with the schema written into the system message instead."""
        schema = payload["response_format"]["json_schema"]["schema"]
        instruction = schema_instructions(schema)
        messages = [dict(m) for m in payload["messages"]]
        if messages and messages[0].get("role") == "system":
            messages[0]["content"] = f"{messages[0]['content']}\n\n{instruction}"
        else:
            messages.insert(0, {"role": "system", "content": instruction})
        return {
            **{k: v for k, v in payload.items() if k != "response_format"},
            "messages": messages,
        }

    def _completion(
        self,
        body: Any,
        text_of: str,
        prompt_text: str,
        started: float,
        attempts: int,
        structured: bool,
        max_tokens: int,
    ) -> Completion:
        try:
            choice = body["choices"][0]
            text = choice["message"]["content"] if text_of == "message" else choice["text"]
        except (KeyError, IndexError, TypeError):
            excerpt = self._redact(json.dumps(body, ensure_ascii=False))[:120]
            raise BackendError(
                french_spacing(
                    f"Réponse inattendue de {self.host} (pas de « choices ») : {excerpt}."
                ),
                f"Unexpected answer from {self.host} (no 'choices'): {excerpt}.",
            ) from None
        # Whatever the endpoint sent (a list of parts, a number, 300 KB…) becomes bounded text.
        text, cut = bounded_answer("" if text is None else str(text), max_tokens)
        usage = body.get("usage") if isinstance(body, dict) else None
        estimated = not (
            isinstance(usage, dict)
            and isinstance(usage.get("prompt_tokens"), int)
            and isinstance(usage.get("completion_tokens"), int)
        )
        if estimated:
            # The endpoint gave no counts (some servers omit ``usage``): estimated from the
            # characters, and flagged so reports say "≈".
            prompt_tokens = count_tokens_estimate(prompt_text)
            completion_tokens = count_tokens_estimate(text)
        else:
            assert isinstance(usage, dict)
            prompt_tokens = int(usage["prompt_tokens"])
            completion_tokens = int(usage["completion_tokens"])
        finish = choice.get("finish_reason") if isinstance(choice, dict) else None
        if cut:
            finish = "length"
        completion = Completion(
            text=text,
            prompt_tokens=prompt_tokens,
            completion_tokens=completion_tokens,
            seconds=time.perf_counter() - started,
            structured=structured,
            estimated_tokens=estimated,
            attempts=attempts,
            finish_reason=str(finish) if finish is not None else None,
        )
        self.usage.add(completion)
        return completion

    def complete(
        self,
        prompt: str,
        *,
        max_tokens: int,
        temperature: float,
        seed: int,
        stop: list[str],
    ) -> Completion:
        """A raw prompt through ``/completions`` (vLLM, llama.cpp's server, Ollama, OpenAI's
        legacy endpoint; chat-only providers answer 404, reported as such)."""
        started = time.perf_counter()
        payload: dict[str, Any] = {
            "model": self.resolved_model(),
            "prompt": prompt,
            "max_tokens": max_tokens,
            "temperature": temperature,
            "seed": seed,
        }
        if stop:
            payload["stop"] = list(stop)
        body, attempts, _ = self._generate("/completions", payload)
        return self._completion(body, "text", prompt, started, attempts, False, max_tokens)

    def chat(
        self,
        messages: Sequence[Message],
        *,
        max_tokens: int,
        temperature: float,
        seed: int,
        json_schema: dict[str, Any] | None = None,
    ) -> Completion:
        started = time.perf_counter()
        payload: dict[str, Any] = {
            "model": self.resolved_model(),
            **chat_request(
                messages,
                max_tokens=max_tokens,
                temperature=temperature,
                seed=seed,
                json_schema=json_schema,
            ),
        }
        if json_schema is not None and self.structured_output is False:
            payload = self._describe_schema(payload)
        body, attempts, structured = self._generate("/chat/completions", payload)
        prompt_text = "\n".join(str(m["content"]) for m in payload["messages"])
        return self._completion(
            body, "message", prompt_text, started, attempts, structured, max_tokens
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> OpenAIBackend:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _without_credentials(url: str | None) -> str:
    """``url`` with any ``user:password@`` removed, for display."""
    parts = urlsplit(url or DEFAULT_BASE_URL)
    return parts._replace(netloc=parts.netloc.rsplit("@", 1)[-1]).geturl()


register("openai")(OpenAIBackend)
