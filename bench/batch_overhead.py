"""plume's own overhead in a batch against an OpenAI-compatible server (issue 6, "Scale beyond one
machine"): articles per second at concurrency 1, 4, 16 and 64, against the loopback test server
answering instantly and with a realistic latency (2 s per request by default).

The heavy part at scale is generation, served by many GPUs behind one endpoint (vLLM); plume must
not be the bottleneck. For every article the batch records its wall time and the time spent in
backend calls; plume's overhead is the rest (reading, cleaning, analysing, writing, checking,
rendering, waiting for the GIL). Targets: overhead ≤ 10 % of the backend time at 2 s latency,
and throughput growing linearly with concurrency up to 16.

Mode: faithful mode with a model (its headings, title and description go through
``/v1/completions``) until rewrite mode lands; ``--mode rewrite`` then measures it (chat).
Run on demand, never in the test suite::

    .venv/bin/python bench/batch_overhead.py [--latency 0 2] [--concurrency 1 4 16 64]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.support.openai_server, bench.batch_throughput

from bench.batch_throughput import make_articles  # noqa: E402
from plume.batch.runner import BatchOptions, QuietDisplay, run_batch  # noqa: E402
from plume.settings import load_settings  # noqa: E402

#: What the server answers: a plausible French heading (the checks may accept or reject it;
#: either way the call was made and timed).
REPLY = "Les usagers du quotidien"

#: The loopback server runs in its own process: in plume's process its threads would compete
#: with plume's for the GIL and count as plume's overhead.
_SERVER = """
import json
import sys
sys.path.insert(0, sys.argv[1])
from tests.support.openai_server import OpenAIServer
from bench.instant_model import respond
reply = respond if sys.argv[3] == "rewrite" else (lambda body: sys.argv[4])
srv = OpenAIServer(responder=reply, latency=float(sys.argv[2])).start()
print(srv.base_url, flush=True)
for line in sys.stdin:  # "arrivals": when each generation request arrived (monotonic clock)
    print(json.dumps([r.at for r in srv.generation_requests]), flush=True)
srv.stop()
"""


class Server:
    """The loopback OpenAI-compatible server in a child process (see :func:`server`)."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        assert proc.stdout is not None and proc.stdin is not None
        self.proc = proc
        self.stdin, self.stdout = proc.stdin, proc.stdout
        self.base_url = self.stdout.readline().strip()

    def arrivals(self) -> list[float]:
        """``time.monotonic()`` at each generation request's arrival (one clock for every
        process on Linux: ``CLOCK_MONOTONIC`` is system-wide)."""
        self.stdin.write("arrivals\n")
        self.stdin.flush()
        return [float(x) for x in json.loads(self.stdout.readline())]


@contextlib.contextmanager
def server(latency: float, mode: str = "faithful") -> Iterator[Server]:
    """The loopback OpenAI-compatible server in a child process. In rewrite mode it answers as
    a compliant model would (:mod:`bench.instant_model`)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", _SERVER, str(ROOT), str(latency), mode, REPLY],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        yield Server(proc)
    finally:
        if proc.stdin is not None:
            proc.stdin.close()
        proc.wait(timeout=30)


class _Clock(QuietDisplay):
    """When each article finished (``time.monotonic()``)."""

    def __init__(self) -> None:
        self.finished: list[float] = []

    def advance(self, planned: Any, result: Any, attempts: int) -> None:
        self.finished.append(time.monotonic())


def measure(srv: Server, src: Path, out: Path, concurrency: int, mode: str) -> dict[str, float]:
    settings = load_settings(
        {
            "backend": {
                "name": "openai",
                "base_url": srv.base_url,
                "model": "plume-bench",
                "concurrency": concurrency,
                "timeout_s": 120,
            }
        },
        env={},
    )
    options = BatchOptions(inputs=[str(src)], outdir=out, settings=settings, mode=mode)
    clock = _Clock()
    t0 = time.monotonic()
    summary = run_batch(options, clock)
    if summary.interrupted:  # Ctrl-C or SIGTERM stopped the batch: stop the bench too
        sys.exit(summary.exit_code)
    lines = [json.loads(x) for x in (out / "manifest.jsonl").read_text().splitlines()]
    wall = sum(x["duration_s"] or 0 for x in lines)
    backend = sum((x["backend"] or {}).get("seconds", 0) for x in lines)
    calls = sum((x["backend"] or {}).get("calls", 0) for x in lines)
    # Steady state: from the start until the queue empties — when the (n − c)-th article
    # finishes, the last one starts; until then every slot has work. The calls the server
    # received in that window measure the throughput without the tail, where fewer than c
    # articles remain and slots idle (articles differ in length: 5 to 17 calls).
    n = len(clock.finished)
    t_full = clock.finished[n - concurrency - 1] if n > concurrency else clock.finished[-1]
    steady_calls = sum(1 for a in srv.arrivals() if t0 <= a <= t_full)
    return {
        "steady_calls_per_s": steady_calls / (t_full - t0),
        "articles": len(lines),
        "failed": summary.failed,
        "seconds": summary.seconds,
        "rate": len(lines) / summary.seconds,
        "calls": calls,
        "backend": backend,
        "outside": wall - backend,
        "share": (wall - backend) / backend if backend else float("nan"),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--latency", type=float, nargs="+", default=[0.0, 2.0])
    ap.add_argument("--concurrency", type=int, nargs="+", default=[1, 4, 16, 64])
    ap.add_argument(
        "--per-slot", type=int, default=3, help="articles per concurrent slot (at least 3 in all)"
    )
    ap.add_argument("--mode", default="faithful")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="plume-bench-overhead-"))
    print(f"CPUs: {len(os.sched_getaffinity(0))}, load average: {os.getloadavg()[0]:.1f}")
    try:
        # Warm-up (spaCy, lexicons, the language detector): loaded once per process, not timed.
        with server(0.0, args.mode) as srv:
            make_articles(tmp / "warm", 1)
            measure(srv, tmp / "warm", tmp / "warm-out", 1, args.mode)
        for latency in args.latency:
            with server(latency, args.mode) as srv:
                base: float | None = None
                for c in args.concurrency:
                    n = max(3, args.per_slot * c)
                    src = tmp / f"src-{latency}-{c}"
                    make_articles(src, n)
                    r = measure(srv, src, tmp / f"out-{latency}-{c}", c, args.mode)
                    # Scaling is compared in backend calls per second: articles differ in
                    # length (the 2 articles at concurrency 1 are not the mix of 128), calls
                    # are the unit of work the server sees.
                    calls_per_s = r["calls"] / r["seconds"]
                    steady = r["steady_calls_per_s"]
                    base = base or steady / c
                    print(
                        f"latency {latency:g} s, concurrency {c:>2}: {r['articles']} articles "
                        f"({r['failed']} failed) in {r['seconds']:.1f} s = "
                        f"{r['rate']:.2f} articles/s, {calls_per_s:.1f} calls/s overall, "
                        f"steady {steady:.2f} calls/s = {steady / base:.1f}× one slot "
                        f"(linear = {c}×), "
                        f"{r['calls'] / r['articles']:.1f} calls/article, plume's own "
                        f"time {r['outside'] / r['articles'] * 1000:.0f} ms/article = "
                        f"{100 * r['share']:.1f} % of backend time"
                        + ("  (target ≤ 10 %)" if latency >= 2 else "")
                    )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
