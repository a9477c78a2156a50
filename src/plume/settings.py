"""Layered settings, parsed once (trafilatura's settings.cfg, llm's user dir).

Order, later wins: packaged defaults → user config file (``$PLUME_CONFIG`` or
``~/.config/plume/config.toml``) → ``PLUME_*`` environment variables → command-line flags.
The result is one frozen object passed explicitly to every stage; nothing reads globals.
"""

from __future__ import annotations

import os
import tomllib
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from plume.errors import ConfigError


class ApostrophePolicy(StrEnum):
    TYPOGRAPHIC = "typographic"  # ’ (Imprimerie nationale, Lexique des règles typographiques)
    STRAIGHT = "straight"  # ' (some CMS and SEO teams prefer it)


class Mode(StrEnum):
    """How ``plume optimise`` writes the article."""

    #: The author's text, cleaned and restructured: nothing invented (a model may only propose
    #: headings, checked against the text).
    FAITHFUL = "faithful"
    #: A new article written by a model from one or several sources, verified and repaired.
    REWRITE = "rewrite"


class BackendSettings(BaseModel):
    """Which language model writes. Config file section ``[backend]``; environment
    ``PLUME_BACKEND__<FIELD>`` (e.g. ``PLUME_BACKEND__NAME=openai``); flags win.

    The API key itself is never a setting: only the *name* of the environment variable that holds
    it, so no config file, report or log can ever contain it.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    #: Registered backend name: "local" (embedded llama.cpp, the default) or "openai"
    #: (any OpenAI-compatible endpoint: OpenAI, Mistral, Groq, OpenRouter, vLLM, Ollama…).
    name: str = "local"
    #: Model name sent to a remote endpoint (ignored by "local").
    model: str | None = None
    #: Base URL of an OpenAI-compatible endpoint, e.g. https://api.mistral.ai/v1.
    base_url: str | None = None
    #: Name of the environment variable holding the API key (never the key itself).
    api_key_env: str = "PLUME_API_KEY"
    #: A GGUF file for "local" instead of the embedded Gemma 3 270M.
    model_path: Path | None = None
    #: Context window (tokens) and CPU threads for "local"; no ``threads``: every CPU the
    #: process may use (its affinity), completions on one machine taking turns (issue 20).
    n_ctx: int = Field(default=2048, ge=256)
    threads: int | None = Field(default=None, ge=1)
    temperature: float = Field(default=0.7, ge=0.0, le=2.0)
    seed: int = 42
    #: Per-request timeout (seconds) and retries on 429/5xx/connection errors, with exponential
    #: backoff and jitter; ``Retry-After`` is respected up to ``max_backoff_s``.
    timeout_s: float = Field(default=60.0, gt=0)
    max_retries: int = Field(default=4, ge=0)
    max_backoff_s: float = Field(default=30.0, gt=0)
    #: Remote backends in a batch: concurrent requests, and rate limits (0 = unlimited).
    concurrency: int = Field(default=4, ge=1)
    requests_per_minute: int = Field(default=0, ge=0)
    tokens_per_minute: int = Field(default=0, ge=0)
    #: Prices per million tokens, to report a cost (0 = unknown, no cost printed).
    price_in_per_mtok: float = Field(default=0.0, ge=0)
    price_out_per_mtok: float = Field(default=0.0, ge=0)


class StudioSettings(BaseModel):
    """The web studio. Section ``[studio]``, environment ``PLUME_STUDIO__<FIELD>``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    host: str = "127.0.0.1"
    port: int = Field(default=8765, ge=0, le=65535)
    #: Required when ``host`` is not a loopback address; checked on every request.
    token: str | None = None
    #: SQLite file of the run history; default: ``$XDG_DATA_HOME/plume/studio.sqlite3``.
    db_path: Path | None = None
    #: Upload size limit in bytes (5 MB).
    max_upload_bytes: int = Field(default=5_000_000, ge=1)


class BatchSettings(BaseModel):
    """Batch mode. Section ``[batch]``, environment ``PLUME_BATCH__<FIELD>``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    #: Worker processes for CPU work; 0 = one per available core.
    workers: int = Field(default=0, ge=0)
    #: Above this share of failed articles the batch exits 15 instead of 14.
    max_failure_ratio: float = Field(default=0.5, ge=0.0, le=1.0)


class GrammarSettings(BaseModel):
    """The French grammar and spelling checker, Grammalecte (GPL-3), run as its own process and
    reached over HTTP only (:mod:`plume.grammar`). Section ``[grammar]``, environment
    ``PLUME_GRAMMAR__<FIELD>``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    #: False: no grammar check at all (the report says it was not run).
    enabled: bool = True
    #: A Grammalecte server already running (e.g. ``http://127.0.0.1:8080``); when unset, plume
    #: starts ``command`` on 127.0.0.1 (a free port) the first time it needs it.
    url: str | None = None
    #: The server program (Debian's ``grammalecte-server``), looked up on ``PATH``.
    command: str = "grammalecte-server"
    #: Seconds to wait for a started server to answer, and for one check.
    start_timeout_s: float = Field(default=20.0, gt=0)
    timeout_s: float = Field(default=30.0, gt=0)
    #: Apply the unambiguous corrections (logged like the cleaner's changes).
    fix: bool = True


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    #: Language of messages: "fr" (default) or "en".
    lang: str = Field(default="fr", pattern="^(fr|en)$")
    apostrophe: ApostrophePolicy = ApostrophePolicy.TYPOGRAPHIC
    #: Refuse inputs above this size (bytes). 5 MB is ~800,000 words, far above any article;
    #: it bounds memory and time for hostile input.
    max_input_bytes: int = Field(default=5_000_000, ge=1)
    #: Typography fixes (no-break spaces, apostrophes…) applied by the cleaner.
    fix_typography: bool = True
    backend: BackendSettings = BackendSettings()
    studio: StudioSettings = StudioSettings()
    batch: BatchSettings = BatchSettings()
    grammar: GrammarSettings = GrammarSettings()
    #: Edits the editor refused, by id (``plume.optimisation.edit_id``; ``--refuse-edit``, the
    #: studio's undo): sentence edits and the cleaner's corrections (``COR-*``) left undone.
    refused_edits: frozenset[str] = frozenset()


#: Sections whose fields are read from ``PLUME_<SECTION>__<FIELD>`` environment variables.
_SECTIONS = ("backend", "studio", "batch", "grammar")


_ENV_PREFIX = "PLUME_"


def _user_config_path(env: dict[str, str]) -> Path:
    if "PLUME_CONFIG" in env:
        return Path(env["PLUME_CONFIG"])
    base = Path(env.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "plume" / "config.toml"


def load_settings(
    overrides: dict[str, Any] | None = None, env: dict[str, str] | None = None
) -> Settings:
    """Build the settings from all layers. ``overrides`` are flags; ``None`` values are ignored."""
    env = dict(os.environ if env is None else env)
    data: dict[str, Any] = {}
    path = _user_config_path(env)
    if path.is_file():
        try:
            data.update(tomllib.loads(path.read_text(encoding="utf-8")))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
            raise ConfigError(
                f"Fichier de configuration illisible : {path} ({exc}). Corrigez-le ou supprimez-le.",
                f"Unreadable config file: {path} ({exc}). Fix or remove it.",
            ) from exc
    for name in Settings.model_fields:
        if name in _SECTIONS:
            continue
        key = _ENV_PREFIX + name.upper()
        if key in env:
            data[name] = env[key]
    for section in _SECTIONS:
        prefix = f"{_ENV_PREFIX}{section.upper()}__"
        from_env = {k[len(prefix) :].lower(): v for k, v in env.items() if k.startswith(prefix)}
        if from_env:
            data[section] = {**(data.get(section) or {}), **from_env}
    for name, value in (overrides or {}).items():
        if value is None:
            continue
        if name in _SECTIONS and isinstance(value, dict):
            # Flags for a section: only the ones given override the lower layers.
            given = {k: v for k, v in value.items() if v is not None}
            data[name] = {**(data.get(name) or {}), **given}
        else:
            data[name] = value
    try:
        return Settings(**data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ConfigError(
            f"Réglage invalide « {where} » : {first['msg']}.",
            f"Invalid setting '{where}': {first['msg']}.",
        ) from exc
