"""llama.cpp's own OpenAI-compatible HTTP server on loopback, serving the embedded model.

``xllamacpp.Server`` is llama.cpp's ``llama-server`` compiled into the wheel plume already
depends on: built with a model, it listens on ``127.0.0.1`` on a port the OS picks and serves
``/v1/chat/completions`` (``response_format`` with a JSON schema turned into a grammar),
``/v1/models``, ``/health`` and, when asked, ``/metrics``; it stops when the object is freed.
Unlike :mod:`tests.support.openai_server`, nothing is scripted: this is the server users run
with ``llama-server``, so it proves the ``openai`` backend against a real implementation::

    with LlamaServer(api_key="sk-test") as srv:
        srv.base_url          # http://127.0.0.1:PORT/v1
        srv.tokens_predicted()  # the server's own count of generated tokens
"""

from __future__ import annotations

import gc
import re
from typing import Any

import httpx

from plume.backends.local import embedded_model

__all__ = ["LlamaServer"]


class LlamaServer:
    """The embedded Gemma 3 270M behind llama.cpp's HTTP server, for one ``with`` block."""

    def __init__(self, *, api_key: str | None = None, n_ctx: int = 8192, threads: int = 2) -> None:
        self.api_key = api_key
        self.n_ctx = n_ctx
        self.threads = threads
        self._server: Any = None
        self.url = ""

    @property
    def base_url(self) -> str:
        return self.url + "/v1"

    def __enter__(self) -> LlamaServer:
        import xllamacpp

        params = xllamacpp.CommonParams()
        params.model.path = str(embedded_model())
        params.n_ctx = self.n_ctx
        params.cpuparams.n_threads = self.threads
        params.cpuparams_batch.n_threads = self.threads
        params.endpoint_metrics = True
        params.verbosity = -1  # llama.cpp's load and slot logs would flood the test output
        if self.api_key:
            params.api_keys = [self.api_key]
        self._server = xllamacpp.Server(params)
        self.url = str(self._server.listening_address)
        assert self.url.startswith("http://127.0.0.1:"), self.url  # loopback only
        return self

    def __exit__(self, *exc: object) -> None:
        # The server thread is joined by the object's destructor: drop the last reference.
        self._server = None
        gc.collect()

    def metric(self, name: str) -> float:
        """One counter of llama.cpp's Prometheus ``/metrics`` (``llamacpp:NAME``)."""
        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        text = httpx.get(self.url + "/metrics", headers=headers, timeout=10).text
        m = re.search(rf"^llamacpp:{re.escape(name)} (\S+)$", text, re.MULTILINE)
        assert m, f"llamacpp:{name} absent de /metrics"
        return float(m.group(1))

    def tokens_predicted(self) -> int:
        """Tokens the server generated since it started, by its own count."""
        return int(self.metric("tokens_predicted_total"))
