"""``plume serve`` refuses to expose the studio without a token."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from plume.cli.app import app as cli
from plume.cli.serve import check_bind
from plume.errors import ConfigError
from plume.settings import load_settings


def test_non_loopback_without_token_exits_8_in_french(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("PLUME_STUDIO__TOKEN", raising=False)
    monkeypatch.setenv("PLUME_CONFIG", str(tmp_path / "none.toml"))
    res = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0", "--db", str(tmp_path / "h.db")])
    assert res.exit_code == 8
    assert "Refus d’écouter sur 0.0.0.0 sans jeton" in res.output
    assert "Traceback" not in res.output
    assert not (tmp_path / "h.db").exists()  # refused before anything is created


def test_bind_rules() -> None:
    for host in ("127.0.0.1", "localhost", "::1", "127.0.0.2"):
        check_bind(load_settings({"studio": {"host": host}}, env={}))
    check_bind(load_settings({"studio": {"host": "0.0.0.0", "token": "t"}}, env={}))
    with pytest.raises(ConfigError):
        check_bind(load_settings({"studio": {"host": "192.168.1.5"}}, env={}))
