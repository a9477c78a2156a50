"""Kill a real batch of 50 articles at random points, resume each time: every article is done
exactly once and every output file is complete."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from plume.batch.store import DB_NAME
from tests.batch.support import assert_valid_outputs, make_articles

pytestmark = pytest.mark.slow

N = 50
HELD = 12
ROOT = Path(__file__).resolve().parents[2]


def _done(out: Path) -> int:
    # Not created yet: nothing done. Once it exists, a busy or half-created store is retried,
    # never read as 0 — a 0 here made step 4 interrupt a batch that had not started yet.
    if not (out / DB_NAME).exists():
        return 0
    deadline = time.monotonic() + 60  # a hang guard only
    while True:
        try:
            with sqlite3.connect(f"file:{out / DB_NAME}?mode=ro", uri=True, timeout=5) as db:
                row = db.execute(
                    "SELECT count(*) FROM jobs WHERE status IN ('done', 'done_short')"
                ).fetchone()
                return int(row[0])
        except sqlite3.Error:
            assert time.monotonic() < deadline, "the job store stayed unreadable"
            time.sleep(0.05)


def _start(src: Path, out: Path) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "plume", "batch", str(src), "-o", str(out)]
    cmd += ["--no-model", "--no-entities", "--workers", "2"]
    # Its own process group: the test kills the scheduler, the forkserver and the workers.
    return subprocess.Popen(
        cmd,
        cwd=ROOT,
        start_new_session=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _wait_for_progress(proc: subprocess.Popen[bytes], out: Path, at_least: int) -> None:
    deadline = time.monotonic() + 120  # a hang guard only, not a timing assertion
    while _done(out) < at_least and proc.poll() is None:
        assert time.monotonic() < deadline, "the batch made no progress"
        time.sleep(0.05)


def test_killed_at_random_points_then_resumed(tmp_path: Path) -> None:
    rng = random.Random(20261123)
    src = tmp_path / "articles"
    out = tmp_path / "out"
    make_articles(src, N, max_chars=600, html=False)
    # The last HELD articles join only for the Ctrl-C run: a batch does about ten articles a
    # second, so the -9 runs (and what finishes while a kill lands) could otherwise finish
    # everything and leave the interrupted run nothing to interrupt.
    held = tmp_path / "held"
    held.mkdir()
    for path in sorted(src.iterdir())[N - HELD :]:
        path.rename(held / path.name)

    # 1. Killed while starting (before any article can be done).
    proc = _start(src, out)
    time.sleep(rng.uniform(0.2, 1.0))
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()

    # 2–3. Killed with -9 (whole process group) at random points mid-batch.
    mid_batch_kills = 0
    for _ in range(2):
        before = _done(out)
        proc = _start(src, out)
        target = min(N - HELD - 1, before + rng.randint(2, 6))
        _wait_for_progress(proc, out, target)
        time.sleep(rng.uniform(0.0, 0.15))
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        mid_batch_kills += 0 < _done(out) < N - HELD

    # 4. Ctrl-C: a clean stop, a message saying how to resume, exit 130.
    for path in held.iterdir():
        path.rename(src / path.name)
    before = _done(out)
    proc = _start(src, out)
    _wait_for_progress(proc, out, before + 2)  # this run is under way, its handler installed
    os.kill(proc.pid, signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr.decode()
    assert "relancez la même commande" in stderr.decode()
    interrupted = [json.loads(x) for x in (out / "manifest.jsonl").read_text().splitlines()]
    assert len(interrupted) == N and any(x["status"] == "pending" for x in interrupted)

    # 5. The same command, to the end.
    proc = _start(src, out)
    _, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 0, stderr.decode()
    assert mid_batch_kills >= 2  # the kills really cut batches in the middle

    with sqlite3.connect(out / DB_NAME) as db:
        rows = list(db.execute("SELECT name, status, completions FROM jobs"))
    assert len(rows) == N
    assert all(status in ("done", "done_short") and c == 1 for _, status, c in rows), rows
    folders = sorted(p for p in out.iterdir() if p.is_dir())
    assert len(folders) == N and {p.name for p in folders} == {name for name, _, _ in rows}
    for folder in folders:
        assert sorted(p.name for p in folder.iterdir()) == [
            "article.html",
            "article.md",
            "report.json",
        ]
        assert_valid_outputs(folder)
    assert not list(out.rglob("*.tmp"))
    manifest = [json.loads(x) for x in (out / "manifest.jsonl").read_text().splitlines()]
    assert len(manifest) == N and len({m["name"] for m in manifest}) == N
    assert {m["status"] for m in manifest} <= {"done", "done_short", "skipped"}
