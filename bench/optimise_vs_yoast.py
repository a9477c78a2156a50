"""Acceptance benchmark (issue 3): Yoast's own verdict on the articles ``plume optimise`` writes.

For the five seeds and the sixteen corpus pages, runs ``plume.pipeline.optimise`` (faithful mode,
``--no-model`` by default, ``--model`` for the embedded Gemma through ``LocalBackend``), then gives
yoastseo 3.6.0 (French researcher, headless, ``bench/yoast/run.mjs``) two papers per article:

1. **before** — the original as an editor would paste it into WordPress: the cleaned text as HTML
   (``analyse_vs_yoast.doc_to_html``), with the keyphrase plume chose, and no SEO title, meta
   description or slug (a paste has none);
2. **after** — the optimised article exactly as published: the ``<article>`` body of
   ``render_html`` (H1, lead, H2/H3 sections, FAQ, reader questions, sources), the SEO title, meta
   description, slug, keyphrase and synonyms, locale ``fr_FR``. ``titleWidth`` is plume's pixel
   width of the SEO title (Node has no layout engine: see ``run.mjs``).

Prints, per article, Yoast's SEO and readability overall scores before → after, plume's own
scores before → after, and every SEO assessment of the optimised version that is not "good"; then
how many seeds / corpus articles have every required SEO assessment good, and on how many the
readability did not drop. Writes everything to ``bench/results/optimise_vs_yoast[_model].json``.

Run: ``.venv/bin/python bench/optimise_vs_yoast.py [--model] [--only seed]``. It is a report:
the exit code is 0 whatever Yoast says.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import time
import traceback
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from analyse_vs_yoast import RESULTS, SHARED, YOAST_DIR, doc_to_html
from mapping import ARTICLES

from plume.analyse.pixels import text_width
from plume.backends.base import Backend
from plume.clean import clean
from plume.document import EditorFields
from plume.ingest import read_path
from plume.optimisation import OptimiseReport
from plume.pipeline import OptimiseRequest, optimise
from plume.render.html import render_html
from plume.settings import Settings

#: The clock is passed in so that runs are repeatable (dates go into the JSON-LD only).
PUBLISHED = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)

#: Yoast 3.6.0 SEO assessments the acceptance criterion does not require to be "good", and why.
#: Everything else the SeoAssessor returns must be "good" (score > 7).
EXCLUDED: dict[str, str] = {
    "images": "needs an <img> in the text: plume writes text only, the editor adds the pictures",
    "imageKeyphrase": "keyphrase in image alt attributes: no image, same reason",
    "internalLinks": "needs links to the site's own pages: plume does not know the site",
    "externalLinks": "needs outbound links: faithful mode adds no link the author did not write",
    "textCompetingLinks": "anchors that use the keyphrase: only judged when the text has links",
}

#: Assessments whose score 0 is Yoast's "feedback" (no light, nothing to fix) rather than a
#: failure: functionWordsInKeyphrase and textPresence only speak when something is wrong
#: (keyphrase made of function words; fewer than 50 characters of text).
FEEDBACK_ONLY = ("functionWordsInKeyphrase", "textPresence")


def yoast_overall_rating(score: float | None) -> str:
    """Overall 0–100 score as the plugin shows it: ``scoreToRating(score / 10)``.

    yoastseo ``interpreters/scoreToRating``: ≤ 4 bad, ≤ 7 ok, > 7 good — on the overall score
    divided by ten, as the WordPress plugin's ``getIndicatorForScore`` does.
    """
    if score is None:
        return "n/a"
    s = score / 10
    if s <= 0:
        return "feedback"
    return "bad" if s <= 4 else "ok" if s <= 7 else "good"


@dataclass
class Result:
    id: str
    path: str
    optimised: OptimiseReport | None = None
    error: str | None = None
    seconds: float = 0.0
    inputs: dict[str, dict[str, Any]] = field(default_factory=dict)


def published_body(html_page: str) -> str:
    """What the CMS holds: the inside of ``<article>`` in the rendered page (no <head>, no JSON-LD)."""
    m = re.search(r"<article>\n?(.*?)</article>", html_page, flags=re.S)
    if m is None:
        raise ValueError("render_html produced no <article> element")
    return m.group(1).strip()


def optimise_one(
    path: Path,
    settings: Settings,
    backend: Backend | None,
    keyphrase: str | None,
) -> tuple[OptimiseReport, dict[str, dict[str, Any]]]:
    doc = read_path(path, settings)
    request = OptimiseRequest(
        sources=(doc,),
        settings=settings,
        fields=EditorFields(keyphrase=keyphrase),
        use_model=backend is not None,
        published=PUBLISHED,
        model_name="gemma-3-270m-q4_k_m (bench)" if backend is not None else None,
    )
    rep = optimise(request, backend=backend)
    art = rep.article
    before_html = doc_to_html(clean(doc, settings).document)
    before = {
        "html": before_html,
        "keyphrase": rep.keyphrase,
        "synonyms": [],
        "title": "",
        "description": "",
        "slug": "",
        "locale": "fr_FR",
        "titleWidth": 0,
    }
    after = {
        "html": published_body(render_html(art)),
        "keyphrase": art.keyphrase,
        "synonyms": list(art.synonyms),
        "title": art.seo_title,
        "description": art.meta_description,
        "slug": art.slug,
        "locale": "fr_FR",
        "titleWidth": round(text_width(art.seo_title)),
    }
    return rep, {"before": before, "after": after}


def run_yoast(papers: list[dict[str, Any]], tag: str) -> dict[str, dict[str, Any]]:
    """One Node process over every paper (no timing repeats: only the verdicts matter here)."""
    if not (YOAST_DIR / "node_modules" / "yoastseo").is_dir():
        raise RuntimeError("yoastseo is not installed: run `cd bench/yoast && npm ci` first.")
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("node is not on PATH (Node 20 is needed for bench/yoast/run.mjs).")
    RESULTS.mkdir(parents=True, exist_ok=True)
    inp = RESULTS / f"optimise_yoast_input{tag}.json"
    outp = RESULTS / f"optimise_yoast_output{tag}.json"
    inp.write_text(json.dumps(papers, ensure_ascii=False, indent=1), encoding="utf-8")
    cmd = [node, str(YOAST_DIR / "run.mjs"), "--input", str(inp), "--output", str(outp)]
    cmd += ["--repeat", "1", "--warmup", "0", "--memo-repeat", "0"]
    print(f"Running yoastseo on {len(papers)} papers (one Node process)…", flush=True)
    subprocess.run(cmd, check=True, cwd=YOAST_DIR)
    data = json.loads(outp.read_text(encoding="utf-8"))
    return {a["id"]: a for a in data["articles"]}


def _assessments(y: dict[str, Any], group: str) -> list[dict[str, Any]]:
    return [a for a in y["assessments"] if a["assessor"] == group]


def not_good(y: dict[str, Any]) -> list[dict[str, Any]]:
    """SEO assessments of a paper that are not "good" (skipped ones and pure feedback aside)."""
    return [
        a
        for a in _assessments(y, "seo")
        if a["rating"] not in ("good", "not_applicable")
        and not (a["id"] in FEEDBACK_ONLY and a["score"] == 0)
    ]


def _fmt_score(score: float | None) -> str:
    return "—" if score is None else f"{score:.0f} ({yoast_overall_rating(score)})"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", help="run only articles whose id contains this text")
    ap.add_argument(
        "--model", action="store_true", help="headings from the embedded model (LocalBackend)"
    )
    ap.add_argument(
        "--bench-keyphrases",
        action="store_true",
        help="use the keyphrases of bench/mapping.py instead of letting plume choose",
    )
    args = ap.parse_args(argv)

    settings = Settings()
    backend: Backend | None = None
    if args.model:
        from plume.backends.local import LocalBackend

        backend = LocalBackend()
    results: list[Result] = []
    papers: list[dict[str, Any]] = []
    for a in ARTICLES:
        if args.only and args.only not in a.id:
            continue
        r = Result(a.id, a.path)
        t0 = time.perf_counter()
        try:
            kp = a.keyphrase if args.bench_keyphrases else None
            r.optimised, r.inputs = optimise_one(SHARED / a.path, settings, backend, kp)
        except Exception as exc:  # one failing article never stops the report
            r.error = f"{type(exc).__name__}: {exc}"
            traceback.print_exc()
        r.seconds = time.perf_counter() - t0
        print(f"  optimised {a.id} in {r.seconds:.1f} s", file=sys.stderr, flush=True)
        results.append(r)
        for side, paper in r.inputs.items():
            papers.append({"id": f"{a.id}/{side}", **paper})
    if backend is not None:
        backend.close()

    tag = "_model" if args.model else ""
    try:
        yoast = run_yoast(papers, tag) if papers else {}
    except (RuntimeError, subprocess.CalledProcessError) as exc:
        # A report, not a gate: say why Yoast could not run and still exit 0.
        print(f"Yoast could not run: {exc}")
        yoast = {}

    mode = "embedded model (Gemma 3 270M)" if args.model else "--no-model"
    print(f"\n# Yoast (yoastseo 3.6.0, fr) on plume's optimised articles — {mode}\n")
    print("Required SEO assessments: every one the SeoAssessor returns, except:")
    for k, why in EXCLUDED.items():
        print(f"- `{k}`: {why}")
    print(
        f"- `{'`, `'.join(FEEDBACK_ONLY)}` at score 0: Yoast's 'feedback' (silent when fine), "
        "counted only if they give a light."
    )

    print(
        "\n| article | keyphrase | words | Yoast SEO before → after | Yoast readability "
        "before → after | plume SEO | plume readability | required SEO good | s |"
    )
    print("|---|---|---:|---|---|---|---|---|---:|")
    rows: list[dict[str, Any]] = []
    for r in results:
        if r.optimised is None:
            print(f"| {r.id} | — | — | ERROR: {_md(r.error or '')} | | | | | |")
            rows.append({"id": r.id, "error": r.error})
            continue
        o = r.optimised
        yb, ya = yoast.get(f"{r.id}/before"), yoast.get(f"{r.id}/after")
        if yb is None or ya is None:
            rows.append({"id": r.id, "error": "no Yoast result"})
            continue
        failing = not_good(ya)
        required = [a for a in failing if a["id"] not in EXCLUDED]
        row = {
            "id": r.id,
            "keyphrase": o.keyphrase,
            "keyphrase_source": o.keyphrase_source,
            "words": o.words,
            "seconds": round(r.seconds, 2),
            "yoast_seo": [yb["seo_score"], ya["seo_score"]],
            "yoast_readability": [yb["readability_score"], ya["readability_score"]],
            "plume_seo": [o.before.seo.value, o.after.seo.value],
            "plume_readability": [o.before.readability.value, o.after.readability.value],
            "not_good_after": failing,
            "required_not_good": [a["id"] for a in required],
            "all_required_good": not required,
            "readability_not_worse": ya["readability_score"] >= yb["readability_score"],
            "fact_violations": len(o.fact_check.violations),
            "seo_title": o.article.seo_title,
            "title_width_px": r.inputs["after"]["titleWidth"],
            "meta_description": o.article.meta_description,
            "slug": o.article.slug,
            "headings": [(s.level, s.heading) for s in o.article.sections],
            "h1": o.article.title,
            "yoast_measures_after": ya.get("measures"),
            "yoast_measures_before": yb.get("measures"),
            "readability_after": [
                {"id": a["id"], "score": a["score"], "rating": a["rating"], "text": a["text"]}
                for a in _assessments(ya, "readability")
            ],
            "readability_before": [
                {"id": a["id"], "score": a["score"], "rating": a["rating"], "text": a["text"]}
                for a in _assessments(yb, "readability")
            ],
        }
        rows.append(row)
        print(
            f"| {r.id} | {_md(o.keyphrase)} | {o.words} | {_fmt_score(yb['seo_score'])} → "
            f"{_fmt_score(ya['seo_score'])} | {_fmt_score(yb['readability_score'])} → "
            f"{_fmt_score(ya['readability_score'])} | {o.before.seo.value} → {o.after.seo.value}"
            f" | {o.before.readability.value} → {o.after.readability.value} | "
            f"{'yes' if not required else 'NO (' + ', '.join(a['id'] for a in required) + ')'}"
            f" | {r.seconds:.1f} |"
        )

    print("\n## SEO assessments not 'good' on the optimised articles\n")
    for row in rows:
        if "error" in row:
            continue
        print(f"### {row['id']} — « {row['keyphrase']} » ({row['keyphrase_source']})")
        print(
            f"SEO title ({row['title_width_px']} px): {row['seo_title']} | meta "
            f"({len(row['meta_description'])} chars) | slug: {row['slug']}"
        )
        for a in row["not_good_after"]:
            mark = " (excluded)" if a["id"] in EXCLUDED else ""
            print(f"- `{a['id']}`{mark} score {a['score']} ({a['rating']}): {a['text']}")
        bad_read = [a for a in row["readability_after"] if a["rating"] in ("bad", "ok")]
        if bad_read:
            print(
                "- readability not good: "
                + "; ".join(f"{a['id']} {a['score']} ({a['rating']})" for a in bad_read)
            )
        print()

    print("## Summary\n")
    for label, prefix in (("seeds", "seed"), ("corpus articles", "")):
        group = [
            r
            for r in rows
            if "error" not in r
            and (r["id"].startswith("seed") if prefix else not r["id"].startswith("seed"))
        ]
        if not group:
            continue
        good = sum(r["all_required_good"] for r in group)
        read_ok = sum(r["readability_not_worse"] for r in group)
        print(
            f"- {label}: every required SEO assessment good on {good}/{len(group)}; Yoast "
            f"readability after ≥ before on {read_ok}/{len(group)}; fact-check violations "
            f"{sum(r['fact_violations'] for r in group)}."
        )
    errors = [r for r in rows if "error" in r]
    if errors:
        print(f"- errors: {', '.join(r['id'] + ' (' + r['error'] + ')' for r in errors)}")
    counts: dict[str, int] = {}
    for r in rows:
        for k in r.get("required_not_good", []):
            counts[k] = counts.get(k, 0) + 1
    if counts:
        print(
            "- required assessments not good, by frequency: "
            + ", ".join(f"{k} ×{n}" for k, n in sorted(counts.items(), key=lambda kv: -kv[1]))
        )

    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"optimise_vs_yoast{tag}.json"
    full = {
        "mode": mode,
        "excluded": EXCLUDED,
        "rows": rows,
        "papers": {f"{r.id}/{k}": v for r in results for k, v in r.inputs.items()},
    }
    out.write_text(json.dumps(full, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    print(f"\nFull results: {out.relative_to(RESULTS.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
