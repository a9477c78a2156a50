"""Batch throughput: faithful mode, ``--no-model``, 100 corpus articles, 1 and 2 workers.

Issue 6's target: 2 workers ≥ 1.8 × 1 worker. Each configuration runs as a fresh
``plume batch`` process on a fresh output folder (no forkserver or cache shared between
configurations), the way a user runs it; run on demand, never part of the test suite::

    .venv/bin/python bench/batch_throughput.py [--articles 100] [--workers 1 2] [--no-entities]

Printed per configuration: wall time of the whole command (start-up included), articles per
second, and the *steady* rate (articles done after the first one, over the time between the
first and the last result: what the start-up — Python, the forkserver's preload, spaCy — does
not blur). The machine's load average is printed too: on a shared machine, other processes take
cores away and the ratio says more about them than about plume.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()


def make_articles(dest: Path, n: int) -> list[Path]:
    """``n`` articles from the 21 shared texts, cycled; round r drops the last r paragraphs of a
    text file (HTML pages get a distinct comment), so every article is distinct content."""
    texts = sorted((SHARED / "corpus" / "fr-articles").glob("*")) + sorted(
        (SHARED / "seeds").glob("*.txt")
    )
    dest.mkdir(parents=True)
    made = []
    for i in range(n):
        src = texts[i % len(texts)]
        r = i // len(texts)
        if src.suffix == ".html":
            data = src.read_bytes() + f"\n<!-- variante {i} -->\n".encode()
        else:
            paras = src.read_text(encoding="utf-8").split("\n")
            keep = max(4, len(paras) - r)
            data = "\n".join(paras[:keep]).encode("utf-8")
        path = dest / f"{i:03d}-{src.stem}{src.suffix}"
        path.write_bytes(data)
        made.append(path)
    return made


def run(src: Path, out: Path, workers: int, entities: bool) -> dict[str, float]:
    cmd = [sys.executable, "-m", "plume", "batch", str(src), "-o", str(out), "--no-model"]
    cmd += ["--workers", str(workers)]
    if not entities:
        cmd.append("--no-entities")
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 14):
        sys.exit(f"plume batch failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    lines = [json.loads(x) for x in (out / "manifest.jsonl").read_text().splitlines()]
    done = [x for x in lines if x["status"] in ("done", "done_short")]
    stamps = sorted(datetime.fromisoformat(x["finished_at"]).timestamp() for x in done)
    span = stamps[-1] - stamps[0] if len(stamps) > 1 else 0.0
    return {
        "wall": wall,
        "articles": len(lines),
        "done": len(done),
        "rate": len(lines) / wall,
        # finished_at has a 1-second resolution: fine over a run of tens of seconds.
        "steady": (len(done) - 1) / span if span > 0 else float("nan"),
        "cpu": sum(x["duration_s"] or 0 for x in lines),
    }


#: The control: the same articles through the same pipeline in plain processes (no scheduler,
#: no job store, no output files), each process taking every k-th article.
_CONTROL = """
import sys
from datetime import UTC, datetime
from pathlib import Path
from plume.ingest import read_path
from plume.pipeline import OptimiseRequest, optimise
from plume.render.outputs import render_outputs
from plume.settings import load_settings
settings = load_settings()
files = sorted(Path(sys.argv[1]).iterdir())[int(sys.argv[2]) :: int(sys.argv[3])]
entities = sys.argv[4] == "1"
for f in files:
    try:
        doc = read_path(f, settings)
        request = OptimiseRequest(sources=(doc,), settings=settings, use_model=False,
                                  published=datetime.now(UTC), check_entities=entities)
        render_outputs(optimise(request))
    except Exception:
        pass
"""


def control(src: Path, procs: int, entities: bool) -> float:
    """Wall time of ``procs`` plain processes sharing the articles (start-up included)."""
    start = time.perf_counter()
    children = [
        subprocess.Popen(
            [sys.executable, "-c", _CONTROL, str(src), str(i), str(procs), str(int(entities))],
            cwd=ROOT,
        )
        for i in range(procs)
    ]
    for child in children:
        child.wait()
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--no-entities", action="store_true", help="skip spaCy's names check")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="plume-bench-batch-"))
    try:
        src = tmp / "articles"
        make_articles(src, args.articles)
        print(f"{args.articles} articles, faithful mode, --no-model", end="")
        print(", --no-entities" if args.no_entities else ", names checked (spaCy)")
        print(
            f"CPUs available: {len(os.sched_getaffinity(0))}, load average before: "
            f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}"
        )
        results: dict[int, dict[str, float]] = {}
        for w in args.workers:
            results[w] = run(src, tmp / f"out-{w}", w, not args.no_entities)
            r = results[w]
            print(
                f"workers={w}: wall {r['wall']:.1f} s, {r['rate']:.2f} articles/s overall, "
                f"{r['steady']:.2f} articles/s steady, per-article time summed {r['cpu']:.1f} s "
                f"({r['done']}/{r['articles']} done); load average now "
                f"{os.getloadavg()[0]:.1f}"
            )
        if 1 in results and 2 in results:
            overall = results[2]["rate"] / results[1]["rate"]
            steady = results[2]["steady"] / results[1]["steady"]
            print(
                f"ratio 2 workers / 1 worker: {overall:.2f}× overall, {steady:.2f}× steady "
                "(target ≥ 1.8×)"
            )
            # What the machine itself gives right now: on a shared machine the ratio above
            # cannot beat this one, whatever the scheduler does.
            one = control(src, 1, not args.no_entities)
            two = control(src, 2, not args.no_entities)
            print(
                f"control, plain processes without batch machinery: 1 process {one:.1f} s, "
                f"2 processes {two:.1f} s, ratio {one / two:.2f}× (the machine's own ceiling)"
            )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
