"""Rewrite mode with the embedded model really generating (≈ 2 min on 2 cores: slow, run in CI).

Gemma 3 270M is a small base model (no chat template): each passage is rewritten by few-shot
completion and each answer vetted at once (unsupported facts, sentences not grounded in their
passage, loops), and what it writes rarely meets every constraint, so the honest outcome is
usually a failure report. What must hold either way: a passing article passes every hard
constraint, and a failing one is never presented as passing (exit 13, draft marked failing, no
article.md / article.html).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from plume.cli.app import app
from tests.conftest import EXAMPLE
from tests.support.verdict import assert_truthful_verdict

pytestmark = pytest.mark.slow


def test_embedded_model_rewrite_is_a_passing_article_or_a_truthful_failure(tmp_path: Path) -> None:
    out = tmp_path / "out"
    res = CliRunner().invoke(
        app,
        [
            "optimise",
            "--rewrite",
            str(EXAMPLE),
            "-o",
            str(out),
            "--max-repairs",
            "1",
            "--min-words",
            "300",
        ],
    )
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    rw = report["rewrite"]
    assert report["mode"] == "rewrite" and report["model"].startswith("gemma")
    assert rw["usage"]["calls"] >= 4 and rw["usage"]["completion_tokens"] > 0
    # The embedded model is not asked for an outline (it never gave a usable one).
    assert rw["plan_source"] == "deterministic" and rw["plan_problem"].startswith("modèle embarqué")
    assert_truthful_verdict(res, report, out)
