"""Settings are layered once: defaults → config file → PLUME_* environment → flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from plume.errors import ConfigError
from plume.settings import ApostrophePolicy, load_settings


def test_defaults() -> None:
    s = load_settings(env={"PLUME_CONFIG": "/nonexistent/config.toml"})
    assert s.lang == "fr" and s.apostrophe is ApostrophePolicy.TYPOGRAPHIC


def test_layers_in_order(tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        'lang = "en"\napostrophe = "straight"\nmax_input_bytes = 1000\n', encoding="utf-8"
    )
    env = {"PLUME_CONFIG": str(cfg), "PLUME_MAX_INPUT_BYTES": "2000"}
    s = load_settings(env=env)
    assert s.lang == "en" and s.apostrophe is ApostrophePolicy.STRAIGHT
    assert s.max_input_bytes == 2000  # environment beats the file
    s = load_settings({"lang": "fr", "max_input_bytes": None}, env=env)
    assert s.lang == "fr" and s.max_input_bytes == 2000  # flags beat both; None = not given


def test_invalid_values_are_config_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="lang"):
        load_settings({"lang": "de"}, env={"PLUME_CONFIG": "/nonexistent"})
    bad = tmp_path / "bad.toml"
    bad.write_text("lang = = fr", encoding="utf-8")
    with pytest.raises(ConfigError, match="illisible"):
        load_settings(env={"PLUME_CONFIG": str(bad)})
    with pytest.raises(ConfigError):
        load_settings(
            env={"PLUME_CONFIG": "/nonexistent", "PLUME_UNKNOWN_KEY": "1", "PLUME_LANG": "xx"}
        )
