"""Speed of the rewrite-mode guards (plume.verify.guards) on the 22 real texts.

Each text (5 seeds, 16 corpus pages, the brief example) is built into a faithful-mode article
(:func:`plume.pipeline.optimise` without a model nor spaCy's names), then :func:`run_guards` is
timed against the article's own cleaned source: first the cold call (lingua's models and the
word-frequency lists load), then ``--repeat`` warm calls per article (median), and each guard
alone. The target (the brief of the guards): a 1,000-word article checked in well under 100 ms,
loads aside. Figures depend on the machine's load, printed with them.

Run: ``.venv/bin/python bench/guards_speed.py``. Prints Markdown; exit code 0.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from datetime import UTC, datetime
from pathlib import Path

from plume.article import Article
from plume.clean import clean
from plume.ingest import read_path
from plume.pipeline import OptimiseRequest, optimise
from plume.settings import load_settings
from plume.verify import guards

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()


def _inputs() -> list[Path]:
    return [
        *sorted((SHARED / "seeds").glob("*.txt")),
        *sorted((SHARED / "corpus" / "fr-articles").glob("*")),
        ROOT / "examples" / "article-brief.txt",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    settings = load_settings({"lang": "fr"}, env={"PLUME_CONFIG": "/nonexistent"})
    published = datetime(2026, 1, 1, tzinfo=UTC)
    built: list[tuple[str, Article, str]] = []
    for path in _inputs():
        doc = read_path(path, settings)
        request = OptimiseRequest(
            sources=(doc,),
            settings=settings,
            use_model=False,
            published=published,
            check_entities=False,
        )
        report = optimise(request)
        built.append((path.name, report.article, clean(doc, settings).document.text))

    t = time.perf_counter()
    guards.run_guards(built[0][1], [built[0][2]])
    cold = time.perf_counter() - t
    print(f"load average: {os.getloadavg()[0]:.2f}\n")
    print(f"cold first call (lingua + word lists load): {cold * 1000:.0f} ms\n")
    # Wall time and CPU time (all threads of this process: lingua runs in parallel): on a
    # loaded machine the wall time measures the neighbours too.
    print("| article | words | wall ms (median) | CPU ms (median) | wall ms per 1,000 words |")
    print("|---|---:|---:|---:|---:|")
    per_kword: list[float] = []
    cpu_kword: list[float] = []
    for name, article, source in built:
        wall, cpu = [], []
        for _ in range(args.repeat):
            t, c = time.perf_counter(), time.process_time()
            guards.run_guards(article, [source])
            wall.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
        ms, cpu_ms = statistics.median(wall) * 1000, statistics.median(cpu) * 1000
        words = max(article.word_count, 1)
        per_kword.append(ms / words * 1000)
        cpu_kword.append(cpu_ms / words * 1000)
        print(f"| {name[:40]} | {words} | {ms:.1f} | {cpu_ms:.1f} | {per_kword[-1]:.1f} |")
    print(
        f"\nmedian per 1,000 words: wall {statistics.median(per_kword):.1f} ms, "
        f"CPU {statistics.median(cpu_kword):.1f} ms\n"
    )
    print("| guard | mean ms per article |")
    print("|---|---:|")
    steps = {
        "find_leftovers": lambda a, s: guards.find_leftovers(a),
        "check_language": lambda a, s: guards.check_language(a),
        "find_repetitions": lambda a, s: guards.find_repetitions(a),
        "find_filler": lambda a, s: guards.find_filler(a),
        "measure_originality": lambda a, s: guards.measure_originality(a, [s]),
    }
    for label, step in steps.items():
        t = time.perf_counter()
        for _, article, source in built:
            step(article, source)
        print(f"| {label} | {(time.perf_counter() - t) * 1000 / len(built):.1f} |")


if __name__ == "__main__":
    main()
