"""Concurrency benchmark (issue 20): model work from several runs on one machine.

Three measures, printed as Markdown with the issue's targets:

1. **Two CLI runs at once.** ``plume optimise ARTICLE`` with the embedded model (faithful mode;
   a fresh process each: imports, model load, spaCy included), alone, then two started
   together. Target: the slower of the two within 2.2× the run alone (sharing the cores
   should cost about 2×; before issue 20 it was 9×).
2. **The studio given four optimise requests at once.** ``plume serve`` in a child process (its
   own history file), warmed by one optimise; one ``POST /api/optimise`` alone, then four sent
   together. Target: all four done within 4.4× the one alone.
3. **Analyses meanwhile.** While the four run, a ``POST /api/analyse`` of the same article every
   half second; target: 95th percentile of their latency under 1 s.

CPU-heavy: run it once, on an otherwise idle machine if you can, e.g.
``nice -n 10 .venv/bin/python bench/concurrency.py``. ``--article`` picks the text (default: the
first seed, 1,100 words), ``--skip-cli`` / ``--skip-studio`` one part. The load average is
printed with the figures: another process on the cores lengthens every run.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
SEEDS = (ROOT / ".." / "shared" / "seeds").resolve()
PLUME = [sys.executable, "-m", "plume"]

#: Issue 20, "What we want".
TARGET_TWO_CLI = 2.2
TARGET_FOUR_STUDIO = 4.4
TARGET_ANALYSE_P95_S = 1.0
#: Seconds between two analyse requests while the optimise requests run.
ANALYSE_EVERY_S = 0.5


def _load() -> str:
    try:
        return " / ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def _optimise_cli(article: Path, out: Path) -> float:
    started = time.perf_counter()
    res = subprocess.run(
        [*PLUME, "optimise", str(article), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if res.returncode != 0:
        raise SystemExit(f"plume optimise failed ({res.returncode}): {res.stderr[-1000:]}")
    return elapsed


def bench_cli(article: Path, tmp: Path) -> dict[str, Any]:
    """One run alone, then two at once (each timed from the common start)."""
    alone = _optimise_cli(article, tmp / "alone")
    times: list[float] = [0.0, 0.0]

    def run(k: int) -> None:
        times[k] = _optimise_cli(article, tmp / f"together-{k}")

    threads = [threading.Thread(target=run, args=(k,)) for k in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {"alone_s": alone, "together_s": times, "ratio": max(times) / alone}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def bench_studio(article: Path, tmp: Path) -> dict[str, Any]:
    port = _free_port()
    server = subprocess.Popen(
        [*PLUME, "serve", "--port", str(port), "--db", str(tmp / "studio.sqlite3")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    body = {"text": article.read_text(encoding="utf-8"), "name": article.name}
    try:
        with httpx.Client(base_url=base, timeout=600) as client:
            for _ in range(300):
                try:
                    client.get("/")
                    break
                except httpx.TransportError:
                    time.sleep(0.1)

            def optimise() -> float:
                started = time.perf_counter()
                client.post("/api/optimise", json=body).raise_for_status()
                return time.perf_counter() - started

            def analyse() -> float:
                started = time.perf_counter()
                client.post("/api/analyse", json=body).raise_for_status()
                return time.perf_counter() - started

            warm = optimise()  # model and spaCy loaded
            analyse_alone = statistics.median(analyse() for _ in range(5))
            alone = optimise()
            done = threading.Event()
            latencies: list[float] = []

            def keep_analysing() -> None:
                while not done.is_set():
                    latencies.append(analyse())
                    done.wait(ANALYSE_EVERY_S)

            each: list[float] = [0.0] * 4

            def run(k: int) -> None:
                each[k] = optimise()

            started = time.perf_counter()
            threads = [threading.Thread(target=run, args=(k,)) for k in range(4)]
            watcher = threading.Thread(target=keep_analysing)
            for t in threads:
                t.start()
            watcher.start()
            for t in threads:
                t.join()
            four = time.perf_counter() - started
            done.set()
            watcher.join()
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {
        "warm_up_s": warm,
        "alone_s": alone,
        "four_s": four,
        "each_s": each,
        "ratio": four / alone,
        "analyse_alone_s": analyse_alone,
        "analyses": len(latencies),
        "analyse_p50_s": statistics.median(latencies) if latencies else None,
        "analyse_p95_s": _percentile(latencies, 0.95) if latencies else None,
        "analyse_max_s": max(latencies) if latencies else None,
    }


def _ok(good: bool) -> str:
    return "✅" if good else "❌"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--article", type=Path, default=sorted(SEEDS.glob("*.txt"))[0])
    parser.add_argument("--skip-cli", action="store_true")
    parser.add_argument("--skip-studio", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    from plume.backends.machine import available_cpus

    print("# Concurrency (issue 20)\n")
    print(f"- article: `{args.article.name}`; CPUs available: {available_cpus()}")
    print(f"- load average before: {_load()}\n")
    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="plume-concurrency-") as tmp_name:
        tmp = Path(tmp_name)
        if not args.skip_cli:
            cli = bench_cli(args.article, tmp)
            figures["cli"] = cli
            together = ", ".join(f"{t:.1f}" for t in cli["together_s"])
            print("| CLI, `plume optimise` with the model | seconds |")
            print("|---|---|")
            print(f"| one alone | {cli['alone_s']:.1f} |")
            print(f"| two at once (each) | {together} |")
            ratio = cli["ratio"]
            print(
                f"| ratio (slower / alone) | {ratio:.2f}× {_ok(ratio <= TARGET_TWO_CLI)} "
                f"(target ≤ {TARGET_TWO_CLI}×) |\n"
            )
        if not args.skip_studio:
            st = bench_studio(args.article, tmp)
            figures["studio"] = st
            each = ", ".join(f"{t:.1f}" for t in st["each_s"])
            print("| studio, `POST /api/optimise` | seconds |")
            print("|---|---|")
            print(f"| first (model load) | {st['warm_up_s']:.1f} |")
            print(f"| one alone | {st['alone_s']:.1f} |")
            print(f"| four at once: all done | {st['four_s']:.1f} (each: {each}) |")
            ratio = st["ratio"]
            print(
                f"| ratio (four / one) | {ratio:.2f}× {_ok(ratio <= TARGET_FOUR_STUDIO)} "
                f"(target ≤ {TARGET_FOUR_STUDIO}×) |"
            )
            p95 = st["analyse_p95_s"]
            print(f"| analyse alone (median of 5) | {st['analyse_alone_s']:.2f} |")
            if p95 is not None:
                print(
                    f"| analyses meanwhile: {st['analyses']}, p50 / p95 / max | "
                    f"{st['analyse_p50_s']:.2f} / {p95:.2f} / {st['analyse_max_s']:.2f} "
                    f"{_ok(p95 < TARGET_ANALYSE_P95_S)} (target p95 < {TARGET_ANALYSE_P95_S} s) |"
                )
    print(f"\n- load average after: {_load()}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
