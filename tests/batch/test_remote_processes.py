"""A remote backend's batch spread over two worker processes (``plume.batch.remote``), against
the loopback OpenAI-compatible server: every article done exactly once, the concurrency cap
and the rate limit held across processes, a worker killed mid-article isolated."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest

from plume.batch.runner import BatchOptions, run_batch
from plume.settings import load_settings
from tests.batch.support import assert_valid_outputs, crashing_faithful, make_articles
from tests.support.openai_server import OpenAIServer

pytestmark = pytest.mark.slow


def _options(src: Path, out: Path, base_url: str, **backend: Any) -> BatchOptions:
    settings = load_settings(
        {
            "backend": {
                "name": "openai",
                "base_url": base_url,
                "model": "plume-test",
                "timeout_s": 10,
                "concurrency": 4,
                **backend,
            },
            "batch": {"workers": 2},
        },
        env={},
    )
    return BatchOptions(
        inputs=[str(src)], outdir=out, settings=settings, check_entities=False, use_model=True
    )


def test_two_processes_share_the_concurrency_and_do_each_article_once(tmp_path: Path) -> None:
    src = tmp_path / "src"
    make_articles(src, 10, max_chars=900, html=False)
    out = tmp_path / "out"
    lock = threading.Lock()
    active = 0
    peak = 0

    def responder(body: dict[str, Any]) -> str:
        nonlocal active, peak
        with lock:
            active += 1
            peak = max(peak, active)
        try:
            threading.Event().wait(0.05)  # long enough for requests to overlap
            return "Les usagers du quotidien"
        finally:
            with lock:
                active -= 1

    with OpenAIServer(responder=responder, latency=0.0) as srv:
        summary = run_batch(_options(src, out, srv.base_url, concurrency=4))
        requests = len(srv.generation_requests)
    assert summary.total == 10 and summary.failed == 0 and summary.crashes == 0
    assert summary.done + summary.done_short == 10 and not summary.interrupted
    assert peak <= 4  # the cap is the batch's, not each process's
    lines = [json.loads(x) for x in (out / "manifest.jsonl").read_text().splitlines()]
    assert sorted(line["name"] for line in lines) == sorted(
        p.name for p in out.iterdir() if p.is_dir()
    )
    assert sum(line["backend"]["calls"] for line in lines) == requests  # each call counted once
    for line in lines:
        assert line["status"] in {"done", "done_short"} and line["attempts"] == 1
        assert_valid_outputs(out / line["name"])
    # Run again: nothing to redo.
    with OpenAIServer(responder=responder) as srv:
        again = run_batch(_options(src, out, srv.base_url, concurrency=4))
        assert not srv.generation_requests
    assert again.skipped == 10 and again.processed == 0


def test_a_worker_killed_mid_article_is_replaced_and_the_article_isolated(tmp_path: Path) -> None:
    src = tmp_path / "src"
    made = make_articles(src, 6, max_chars=900, html=False)
    made[2].rename(made[2].with_name("02 crash-exit.txt"))
    out = tmp_path / "out"
    with OpenAIServer(responder=lambda body: "Les usagers du quotidien") as srv:
        options = _options(src, out, srv.base_url, concurrency=4)
        options = BatchOptions(**{**options.__dict__, "mode_fn": crashing_faithful})
        summary = run_batch(options)
    assert summary.total == 6 and summary.crashes >= 2  # the article crashed twice
    lines = {
        x["name"]: x for x in map(json.loads, (out / "manifest.jsonl").read_text().splitlines())
    }
    crashed = [n for n in lines if "crash-exit" in n]
    assert len(crashed) == 1 and lines[crashed[0]]["status"] == "failed"
    assert "arrêté brutalement" in lines[crashed[0]]["error"]["message"]
    others = [line for n, line in lines.items() if n not in crashed]
    assert len(others) == 5 and all(line["status"] in {"done", "done_short"} for line in others)
