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
        key = _ENV_PREFIX + name.upper()
        if key in env:
            data[name] = env[key]
    data.update({k: v for k, v in (overrides or {}).items() if v is not None})
    try:
        return Settings(**data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ConfigError(
            f"Réglage invalide « {where} » : {first['msg']}.",
            f"Invalid setting '{where}': {first['msg']}.",
        ) from exc
