"""The ``openai`` backend against llama.cpp's real server (not a script), serving the embedded
270M model on loopback (slow: ≈ 1 min on 2 cores, run in CI).

The scripted server of ``tests/support/openai_server.py`` proves each guard and repair path
turn by turn; this one proves that what plume sends is what a real OpenAI-compatible
implementation accepts: the key in the header, ``response_format`` with a JSON schema (llama.cpp
compiles it to a grammar), its ``/v1/models`` listing, its usage fields — and that the token
counts plume reports are the server's own. The model is a 270M base model, so the rewrite
itself usually fails; what must hold is the verdict: a passing article passes every hard
constraint, a failing one is never presented as passing.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from plume.cli.app import app
from tests.conftest import EXAMPLE
from tests.support.llama_server import LlamaServer
from tests.support.verdict import assert_truthful_verdict

pytestmark = pytest.mark.slow

KEY = "sk-llamacpp-secret"
runner = CliRunner()


@pytest.fixture(scope="module")
def llama() -> Iterator[LlamaServer]:
    with LlamaServer(api_key=KEY) as srv:
        yield srv


def test_backends_check_against_llamacpp(llama: LlamaServer) -> None:
    env = {"PLUME_API_KEY": KEY}
    # No --model: the name comes from the server's own /v1/models listing.
    res = runner.invoke(
        app,
        ["backends", "check", "openai", "--base-url", llama.base_url, "--format", "json"],
        env=env,
    )
    assert res.exit_code == 0, res.output
    check = json.loads(res.stdout)
    assert check["ok"] is True and check["structured_output"] is True, check
    assert check["model"].endswith("gemma-3-270m-q4_k_m.gguf")
    assert KEY not in res.output
    # A wrong key: llama.cpp answers 401; a clear French error, exit ≠ 0, no key echoed.
    bad = runner.invoke(
        app,
        ["backends", "check", "openai", "--base-url", llama.base_url, "--model", "gemma"],
        env={"PLUME_API_KEY": "sk-wrong-key"},
    )
    assert bad.exit_code != 0
    assert "Clé refusée" in bad.output and "Traceback" not in bad.output
    assert "sk-wrong-key" not in bad.output


def test_rewrite_through_llamacpp_is_a_passing_article_or_a_truthful_failure(
    llama: LlamaServer, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    before = llama.tokens_predicted()
    res = runner.invoke(
        app,
        [
            "optimise",
            "--rewrite",
            str(EXAMPLE),
            "--backend",
            "openai",
            "--base-url",
            llama.base_url,
            "--model",
            "gemma",
            "--max-repairs",
            "0",
            "--min-words",
            "300",
            "-o",
            str(out),
        ],
        # A loaded CI machine may make a 270M answer slow: no timeout mid-answer, and no retry,
        # whose tokens the server would count but plume would never receive.
        env={
            "PLUME_API_KEY": KEY,
            "PLUME_BACKEND__TIMEOUT_S": "600",
            "PLUME_BACKEND__MAX_RETRIES": "0",
        },
    )
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    rw = report["rewrite"]
    usage = rw["usage"]
    # The plan was asked (a remote model is), and every part written: ≥ plan + lead + sections.
    assert usage["calls"] >= 4 and usage["calls"] == len(usage["per_call"])
    # plume's token count is the server's own, to the token.
    assert usage["completion_tokens"] == llama.tokens_predicted() - before > 0
    assert sum(c[1] for c in usage["per_call"]) == usage["completion_tokens"]
    assert_truthful_verdict(res, report, out)
    for text in (res.output, *(p.read_text(encoding="utf-8") for p in out.iterdir())):
        assert KEY not in text and llama.url not in text
