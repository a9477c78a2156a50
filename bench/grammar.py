"""Correct French (issue 18, point 3): Grammalecte's errors before and after plume's corrections,
on the seeds and the corpus, and what the checker costs ``plume optimise --no-model``.

1. **Errors**: for each text, its cleaned source (``plume.clean``) checked by Grammalecte
   (grammar and spelling errors as the COR-* checks count them: names and common words left
   out) and by plume's own rules (calques); then the same after the unambiguous corrections
   (``plume.clean.grammar.step_grammar``), with the corrections applied by rule. "Held out":
   corpus files 10–16, whose errors no correction criterion was set on.
2. **Speed**: wall time of ``plume optimise SEED000 -o DIR --no-model`` (a fresh process each
   run, median of ``--runs``) with the checker and with ``PLUME_GRAMMAR__ENABLED=false``; then,
   in this process, the server's start-up, a first check of seed 000 and a second check of the
   same paragraphs (the article after).

Run: ``.venv/bin/python bench/grammar.py [--runs 3]``. Prints Markdown; exit code 0.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
SHARED = (ROOT / ".." / "shared").resolve()
SEED000 = SHARED / "seeds" / "000_4017132598e4fe82.txt"
#: Corpus files looked at only once, after the criteria were set (see docs/grammar.md).
HELD_OUT = tuple(f"{n:02d}-" for n in range(10, 17))


def texts() -> list[Path]:
    return sorted((SHARED / "seeds").glob("*.txt")) + sorted(
        (SHARED / "corpus" / "fr-articles").glob("*")
    )


def count(text: str, settings: object) -> tuple[int, int, int]:
    from plume.grammar import ErrorKind, check_grammar, find_rule_hits
    from plume.settings import Settings

    assert isinstance(settings, Settings)
    found = check_grammar(text, settings.grammar)
    if found.notice is not None:
        sys.exit(f"the checker did not run: {found.notice.en}")
    return (
        len(found.of_kind(ErrorKind.GRAMMAR)),
        len(found.of_kind(ErrorKind.SPELLING)),
        len([h for h in find_rule_hits(text) if h.rule != "COR-GRAMMAR"]),
    )


def errors_table() -> None:
    from plume.clean import clean
    from plume.clean.engine import join_blocks
    from plume.clean.grammar import step_grammar
    from plume.ingest import read_path
    from plume.settings import load_settings

    settings = load_settings(env={"PLUME_CONFIG": "/nonexistent"})
    print("| texte | part | grammaire | orthographe | calques | corrections |")
    print("|---|---|---|---|---|---|")
    totals: dict[str, list[int]] = {"dev": [0] * 7, "held-out": [0] * 7}
    worse = []
    for path in texts():
        cleaned = clean(read_path(path, settings), settings).document
        before = count(cleaned.text, settings)
        out = step_grammar(cleaned.blocks, settings)
        after = count(join_blocks(out.blocks), settings)
        part = "held-out" if path.name.startswith(HELD_OUT) else "dev"
        rules = Counter(c.rule for c in out.changes)
        applied = ", ".join(f"{r} × {n}" for r, n in sorted(rules.items())) or "—"
        cells = " | ".join(f"{b} → {a}" for b, a in zip(before, after, strict=True))
        print(f"| {path.name[:32]} | {part} | {cells} | {applied} |")
        t = totals[part]
        for i in range(3):
            t[i] += before[i]
            t[i + 3] += after[i]
        t[6] += len(out.changes)
        if sum(after) > sum(before):
            worse.append(path.name)
    for part, t in totals.items():
        print(
            f"| **total {part}** | | {t[0]} → {t[3]} | {t[1]} → {t[4]} | {t[2]} → {t[5]} | {t[6]} |"
        )
    print(f"\nTexts with more errors after than before: {worse or 'none'}.")


def cli_time(runs: int, enabled: bool) -> float:
    env = dict(os.environ, PLUME_CONFIG="/nonexistent")
    if not enabled:
        env["PLUME_GRAMMAR__ENABLED"] = "false"
    times = []
    with tempfile.TemporaryDirectory() as out:
        for _ in range(runs):
            t = time.perf_counter()
            subprocess.run(
                [
                    str(ROOT / ".venv" / "bin" / "plume"),
                    "optimise",
                    str(SEED000),
                    "-o",
                    out,
                    "--no-model",
                ],
                env=env,
                check=True,
                capture_output=True,
            )
            times.append(time.perf_counter() - t)
    return statistics.median(times)


def speed(runs: int) -> None:
    from plume.grammar import GrammarChecker
    from plume.grammar.server import find_command

    on, off = cli_time(runs, True), cli_time(runs, False)
    print(
        f"\n`plume optimise` seed 000 `--no-model`, median of {runs}: "
        f"{on:.2f} s with the checker, {off:.2f} s without (+{on - off:.2f} s)."
    )
    executable = find_command("grammalecte-server")
    assert executable is not None
    text = SEED000.read_text(encoding="utf-8")
    checker = GrammarChecker(executable=executable)
    try:
        t0 = time.perf_counter()
        checker.check("Bonjour.")
        t1 = time.perf_counter()
        checker.check(text)
        t2 = time.perf_counter()
        checker.check("Titre\n" + text)
        t3 = time.perf_counter()
    finally:
        checker.close()
    print(
        f"In process: server start {t1 - t0:.2f} s, first check of seed 000 {t2 - t1:.2f} s, "
        f"same paragraphs again {t3 - t2:.3f} s. Load: {os.getloadavg()[0]:.2f}."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    errors_table()
    speed(args.runs)


if __name__ == "__main__":
    main()
