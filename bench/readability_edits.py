"""Bench of faithful mode's editor's pass (issue 18): long sentences split, passives turned active.

Each text of ``../shared/seeds/*.txt`` and ``../shared/corpus/fr-articles/*`` goes through
``plume optimise --no-model`` twice, with ``--keep-sentences`` (the author's sentences) and
without (the editor's pass). On the published prose paragraphs of both articles it measures:
the share of sentences over 20 words, the share of sentences with a passive clause, the
Grammalecte errors (with plume's own rules) and the fact check's violations; it lists every
edit made and every active-voice suggestion left to the editor.

Split: dev = the 5 seeds and the corpus pages not held out; held-out = corpus pages 06, 08, 09,
10, 14 and 15 (the cleaning bench's split). Targets: median share of long sentences at least
halved, Grammalecte errors after ≤ before on every article, no new fact violation.

Run: ``.venv/bin/python bench/readability_edits.py [--only ID] [--edits FILE.jsonl]``
(about a minute with Grammalecte installed).
"""

from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path
from typing import Any

from plume.analyse.passive import passive_clauses
from plume.grammar import check_grammar
from plume.ingest import read_path
from plume.optimisation import OptimiseReport
from plume.pipeline import OptimiseRequest, optimise
from plume.settings import Settings
from plume.text import count_words, sentences

SHARED = (Path(__file__).resolve().parent.parent / ".." / "shared").resolve()
HELD_TEXTS = ("06-", "08-", "09-", "10-", "14-", "15-")
LONG = 20


def _articles() -> list[Path]:
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    corpus = sorted((SHARED / "corpus" / "fr-articles").glob("*"))
    return [*seeds, *corpus]


def _measure(report: OptimiseReport, settings: Settings) -> dict[str, float | int]:
    paragraphs = report.article.prose_paragraphs()
    sents = [s for p in paragraphs for s in sentences(p) if count_words(s.text)]
    long = sum(count_words(s.text) > LONG for s in sents)
    passive = sum(bool(passive_clauses(s)) for s in sents)
    grammar = check_grammar("\n".join(paragraphs), settings.grammar)
    return {
        "sentences": len(sents),
        "long_share": 100 * long / max(1, len(sents)),
        "passive_share": 100 * passive / max(1, len(sents)),
        "grammar_errors": len(grammar.errors),
        "fact_violations": len(report.fact_check.violations),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default="")
    ap.add_argument("--edits", default="", help="write every edit as JSON lines to this file")
    args = ap.parse_args()
    settings = Settings()
    rows: list[dict[str, Any]] = []
    edits: list[dict[str, Any]] = []
    for path in _articles():
        if args.only and args.only not in path.name:
            continue
        doc = read_path(path, settings)
        out: dict[str, Any] = {}
        for keep in (True, False):
            request = OptimiseRequest(
                sources=(doc,), settings=settings, use_model=False, keep_sentences=keep
            )
            report = optimise(request)
            out["before" if keep else "after"] = _measure(report, settings)
            if not keep:
                edits += [{"article": path.name, **e.model_dump()} for e in report.edits]
                out["edits"] = {
                    k: sum(e.kind == k and e.applied for e in report.edits)
                    for k in sorted({e.kind for e in report.edits})
                }
                out["suggested"] = sum(not e.applied for e in report.edits)
        held = path.name.startswith(HELD_TEXTS)
        rows.append({"article": path.name, "part": "held-out" if held else "dev", **out})
    for part in ("dev", "held-out"):
        sel = [r for r in rows if r["part"] == part]
        if not sel:
            continue
        print(f"\n## {part} ({len(sel)} articles)\n")
        print("| article | long % before → after | passive % | Grammalecte | facts ✗ | edits |")
        print("|---|---|---|---|---|---|")
        for r in sel:
            b, a = r["before"], r["after"]
            print(
                f"| {r['article'][:28]} | {b['long_share']:.1f} → {a['long_share']:.1f} "
                f"| {b['passive_share']:.1f} → {a['passive_share']:.1f} "
                f"| {b['grammar_errors']} → {a['grammar_errors']} "
                f"| {b['fact_violations']} → {a['fact_violations']} "
                f"| {r['edits']} (+{r['suggested']} suggested) |"
            )

        def med(which: str, key: str, sel: list[dict[str, Any]] = sel) -> float:
            return float(statistics.median(r[which][key] for r in sel))

        worse = [
            r["article"]
            for r in sel
            if r["after"]["grammar_errors"] > r["before"]["grammar_errors"]
        ]
        facts = [
            r["article"]
            for r in sel
            if r["after"]["fact_violations"] > r["before"]["fact_violations"]
        ]
        print(
            f"\nmedian long share {med('before', 'long_share'):.1f} → "
            f"{med('after', 'long_share'):.1f} %; median passive share "
            f"{med('before', 'passive_share'):.1f} → {med('after', 'passive_share'):.1f} %; "
            f"Grammalecte errors {sum(r['before']['grammar_errors'] for r in sel)} → "
            f"{sum(r['after']['grammar_errors'] for r in sel)} "
            f"(more on: {worse or 'none'}); new fact violations on: {facts or 'none'}"
        )
    if args.edits:
        with open(args.edits, "w", encoding="utf-8") as fh:
            for e in edits:
                fh.write(json.dumps(e, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
