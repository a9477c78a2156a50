"""A batch against the loopback OpenAI-compatible server while it misbehaves: 429 bursts with
Retry-After, 500s, dropped connections, a reply that never ends, an outage. The batch completes,
retries are bounded, what still fails is reported per article, and a second run finishes it."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any

from plume.batch.runner import BatchOptions, run_batch
from plume.settings import load_settings
from tests.batch.support import assert_valid_outputs, make_articles
from tests.support.openai_server import Drop, Error, Hang, OpenAIServer, ReplyLike

MAX_RETRIES = 2


def _options(src: Path, out: Path, base_url: str) -> BatchOptions:
    settings = load_settings(
        {
            "backend": {
                "name": "openai",
                "base_url": base_url,
                "model": "plume-test",
                "timeout_s": 1.0,  # ends the hung reply quickly
                "max_retries": MAX_RETRIES,
                "max_backoff_s": 0.3,
                "concurrency": 4,
                "requests_per_minute": 6000,
            }
        },
        env={},
    )
    return BatchOptions(
        inputs=[str(src)], outdir=out, settings=settings, check_entities=False, use_model=True
    )


def test_batch_survives_a_misbehaving_server(tmp_path: Path) -> None:
    src = tmp_path / "src"
    make_articles(src, 6, max_chars=900, html=False)
    out = tmp_path / "out"
    count = 0
    lock = threading.Lock()
    outage: list[threading.Thread] = []

    def responder(body: dict[str, Any]) -> ReplyLike:
        nonlocal count
        with lock:
            count += 1
            n = count
        if n == 12:  # the server goes away mid-batch and comes back 1.5 s later
            outage.append(threading.Thread(target=srv.outage, args=(1.5,)))
            outage[0].start()
            return Drop()
        return "Les usagers du quotidien"

    faults: list[ReplyLike] = [Error(429, retry_after=0.2)] * 4
    faults += [Error(500), Error(503), Drop(), Drop(after_bytes=12), Hang()]
    with OpenAIServer(faults, responder=responder) as srv:
        summary = run_batch(_options(src, out, srv.base_url))
        lines = [json.loads(x) for x in (out / "manifest.jsonl").read_text().splitlines()]
        calls = sum(line["backend"]["calls"] for line in lines if line["backend"])
        sent = len(srv.generation_requests)
        kinds = {r.reply for r in srv.generation_requests}
        assert {"error:429", "error:500", "error:503", "drop", "hang", "text"} <= kinds

        assert summary.total == 6 and summary.processed == 6 and not summary.interrupted
        assert all(line["status"] in {"done", "done_short", "failed"} for line in lines)
        for line in lines:
            if line["status"] == "failed":
                assert line["error"]["code"] == 12 and line["error"]["message"]
            else:
                assert_valid_outputs(out / line["name"])
        # How many articles survive the outage depends on timing (a cold machine retries
        # through it more slowly); what must hold is that each failure is reported (above) and
        # that the re-run below finishes them all.
        # Bounded retries: never more than (1 + max_retries) requests per call made.
        assert calls > 0 and sent <= calls * (1 + MAX_RETRIES)
        assert summary.prompt_tokens > 0 and summary.completion_tokens > 0

        # The server healthy again (the outage over, not merely begun): the same batch redoes
        # only what failed, and finishes.
        assert outage, "the outage was never triggered"
        outage[0].join()
        while not srv.running:
            time.sleep(0.05)
        again = run_batch(_options(src, out, srv.base_url))
        assert again.failed == 0 and again.skipped == summary.done + summary.done_short
        assert again.exit_code == 0


def test_batch_rewrite_mode_through_the_loopback_server(tmp_path: Path) -> None:
    """Rewrite mode in a batch: one article passes every constraint, one whose model never
    complies fails with code 13 and keeps its draft; the batch goes on and reports both."""
    from tests.conftest import EXAMPLE
    from tests.e2e.test_rewrite import HEADINGS, Model

    src = tmp_path / "src"
    src.mkdir()
    (src / "bon.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (src / "mauvais.txt").write_text(
        EXAMPLE.read_text(encoding="utf-8").replace("vélo en ville", "vélo en ville", 1)
        + "\nMauvais.\n",
        encoding="utf-8",
    )
    good, bad = Model(), Model({h: "Here is your article." for h in HEADINGS}, stubborn=True)

    def responder(body: dict[str, Any]) -> ReplyLike:
        sources = json.dumps(body["messages"], ensure_ascii=False)
        return bad(body) if "Mauvais." in sources else good(body)

    out = tmp_path / "out"
    with OpenAIServer(responder=responder) as srv:
        options = _options(src, out, srv.base_url)
        options = BatchOptions(
            inputs=options.inputs,
            outdir=out,
            settings=options.settings,
            check_entities=False,
            use_model=True,
            mode="rewrite",
            min_words=300,
        )
        summary = run_batch(options)
    lines = {
        json.loads(x)["name"]: json.loads(x)
        for x in (out / "manifest.jsonl").read_text().splitlines()
    }
    assert summary.total == 2 and summary.exit_code == 14
    ok, failed = lines["bon"], lines["mauvais"]
    assert ok["status"] == "done" and (out / "bon" / "article.md").is_file()
    assert failed["status"] == "failed" and failed["error"]["code"] == 13
    assert (out / "mauvais" / "article.draft.md").is_file()
    assert not (out / "mauvais" / "article.md").exists()
    assert ok["backend"]["calls"] >= 5
