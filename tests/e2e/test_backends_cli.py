"""``plume backends`` and ``plume backends check`` against the real loopback server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

from typer.testing import CliRunner

from plume.cli.app import app
from tests.conftest import ROOT
from tests.support.openai_server import Error, OpenAIServer

KEY = "sk-plume-SECRET-cli-42"
runner = CliRunner()


def run(*args: str, **env: str) -> tuple[int, str, str]:
    # No user config file: only what the test sets.
    full_env = {"PLUME_CONFIG": "/nonexistent/plume-test.toml", **env}
    res = runner.invoke(app, list(args), env=full_env)
    if res.exception and not isinstance(res.exception, SystemExit):
        raise res.exception
    return res.exit_code, res.stdout, res.stderr


def check_responder(body: dict[str, Any]) -> Any:
    if "response_format" in body or "JSON" in json.dumps(body, ensure_ascii=False):
        return {"ok": True, "mot": "bonjour"}
    return "Bonjour !"


def test_backends_lists_registered_backends_and_hides_the_key() -> None:
    code, out, _ = run("backends", PLUME_API_KEY=KEY)
    assert code == 0
    assert "local (actif)" in out and "openai" in out
    assert "Gemma 3 270M" in out
    assert "PLUME_API_KEY (définie)" in out and KEY not in out


def test_backends_json_follows_the_environment() -> None:
    code, out, _ = run(
        "backends",
        "--format",
        "json",
        PLUME_BACKEND__NAME="openai",
        PLUME_BACKEND__BASE_URL="http://127.0.0.1:1/v1",
        PLUME_BACKEND__API_KEY_ENV="AUTRE_CLE",
    )
    assert code == 0
    data = json.loads(out)
    assert data["active"] == "openai"
    openai = next(b for b in data["backends"] if b["name"] == "openai")
    assert openai["active"] and openai["settings"]["adresse"] == "http://127.0.0.1:1/v1"
    assert openai["settings"]["clé"] == "AUTRE_CLE (absente)"


def test_check_reports_latency_tokens_answer_and_structured_output() -> None:
    with OpenAIServer(check_responder, api_key=KEY) as srv:
        code, out, err = run(
            "backends", "check", "openai", "--base-url", srv.base_url, PLUME_API_KEY=KEY
        )
        assert code == 0, err
        assert "openai (plume-test)" in out and "répond" in out
        assert "latence\u00a0:" in out and "jetons\u00a0:" in out
        assert "«\u202fBonjour !\u202f»" in out
        assert "sortie structurée\u00a0: prise en charge" in out and "JSON valide" in out
        assert KEY not in out + err
        bodies = [r.body for r in srv.generation_requests]
        assert len(bodies) == 2
        assert all(b is not None and b["max_tokens"] <= 32 for b in bodies)  # tiny requests


def test_check_says_when_structured_output_is_missing() -> None:
    with OpenAIServer(check_responder, reject_response_format=True) as srv:
        code, out, _ = run(
            "backends",
            "check",
            "openai",
            "--base-url",
            srv.base_url,
            "--model",
            "m",
            "--format",
            "json",
        )
    assert code == 0
    data = json.loads(out)
    assert data["model"] == "m" and data["answer"] == "Bonjour !"
    assert data["structured_output"] is False and data["json_answer_valid"] is True
    assert data["prompt_tokens"] > 0 and not data["estimated_tokens"]


def test_check_failure_is_one_french_line_exit_12_without_the_key() -> None:
    with OpenAIServer(api_key="another-key") as srv:
        code, out, err = run(
            "backends", "check", "openai", "--base-url", srv.base_url, PLUME_API_KEY=KEY
        )
    assert code == 12
    assert "401" in err and "PLUME_API_KEY (définie)" in err and "Traceback" not in err
    assert KEY not in out + err


def test_check_retries_then_fails_in_english() -> None:
    with OpenAIServer(script=[Error(503)] * 3) as srv:
        code, _, err = run(
            "backends",
            "check",
            "openai",
            "--base-url",
            srv.base_url,
            "--model",
            "m",
            "--lang",
            "en",
            PLUME_BACKEND__MAX_RETRIES="2",
            PLUME_BACKEND__MAX_BACKOFF_S="0.1",
        )
        assert len(srv.generation_requests) == 3
    assert code == 12 and "failed after 3 attempts: HTTP 503" in err


def test_check_unknown_backend_is_a_config_error() -> None:
    code, _, err = run("backends", "check", "gpt5")
    assert code == 8 and "inconnu" in err and "openai" in err


def test_check_as_a_real_subprocess() -> None:
    with OpenAIServer(check_responder) as srv:
        env = {
            **os.environ,
            "PLUME_CONFIG": "/nonexistent/plume-test.toml",
            "PLUME_BACKEND__BASE_URL": srv.base_url,
        }
        res = subprocess.run(
            [sys.executable, "-m", "plume", "backends", "check", "openai"],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=60,
        )
    assert res.returncode == 0, res.stderr
    assert "openai (plume-test)" in res.stdout and "Bonjour" in res.stdout
