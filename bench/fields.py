"""Issue 16's measure: are the fields ``plume optimise`` writes ones an editor would publish?

For the 21 texts (the 5 seeds, the 16 corpus pages; dev and held-out apart), runs
``plume.pipeline.optimise`` in faithful mode (``--no-model`` by default, ``--model`` for the
embedded Gemma) through ``optimise_vs_yoast.optimise_one``, gives the published article to
yoastseo 3.6.0 (French researcher, ``bench/yoast/run.mjs``, one Node process) and prints, per
text and in totals:

- title: characters, and whether it is an "X et Y" label (heuristic: no verb, two noun groups
  joined by "et", spaCy's parts of speech);
- SEO title: characters and pixels (``plume.analyse.pixels.text_width``), within 400–600 px;
- meta description: characters, whole (ends a sentence) or cut, within 120–156 characters;
- keyphrase: its words, single word, generic (a lone common noun, per the Lefff lexicon; and,
  the issue's "frequent common noun", per plume's own SEO-KP-SPECIFIC list), its
  frequency (Yoast's count and density on the published article);
- headings: how many, how many plume created, the share holding the keyphrase (Yoast's
  subheadingsKeyword measure; 30–75 % is good), duplicates;
- Yoast SEO all green (images and links aside, text length aside under 300 words) and the
  failing assessments;
- unsupported fields: ``plume.verify.support.check_support`` on the title, SEO title, meta
  description sentences and created headings against the cleaned source ("n/a" when the module
  is missing);
- time per article (``optimise`` and the HTML render).

Run: ``.venv/bin/python bench/fields.py [--model] [--only dev|heldout|unseen|unseen2|unseen3|all] [--json OUT]
[--verbose]``. A report: one article failing to optimise is reported as such, and the exit code
is 0 whatever the figures.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from analyse_vs_yoast import RESULTS, SHARED
from field_checks import (
    HEADINGS_KP_SHARE,
    META_CHARS,
    SEO_TITLE_PX,
    Tagger,
    created_headings,
    duplicate_headings,
    group_of,
    in_range,
    is_et_label,
    is_generic_keyphrase,
    keyphrase_words,
    meta_is_whole,
    spacy_tagger,
)
from mapping import ARTICLES
from optimise_vs_yoast import EXCLUDED, not_good, optimise_one, run_yoast

import plume
from plume.analyse.pixels import text_width
from plume.analyse.suggest import is_generic_keyphrase as frequent_keyphrase
from plume.backends.base import Backend
from plume.clean import clean
from plume.ingest import read_path
from plume.optimisation import OptimiseReport
from plume.settings import Settings
from plume.text import sentences

#: Below Yoast's recommended minimum (TextLengthAssessment, 300 words for a post) a short text
#: cannot be green on length without adding words, which faithful mode never does.
SHORT_TEXT_WORDS = 300
GROUPS = ("dev", "heldout", "unseen", "unseen2", "unseen3")
#: Eight articles written for this bench by someone who never saw plume's code (news, blog,
#: science, sport page, column, brief, interview; README in bench/data/unseen/FACTS.md): never
#: used in tests or tuned on, read blind by an editor (docs/benchmarks.md).
UNSEEN = Path(__file__).resolve().parent / "data" / "unseen"
#: Six more, written the same way a session later (bench/data/unseen2/FACTS.md), after fixes
#: made while reading the first eight: the first eight are no longer strictly unseen.
UNSEEN2 = Path(__file__).resolve().parent / "data" / "unseen2"
#: Six more (bench/data/unseen3/FACTS.md), written blind a session later again, after unseen2
#: had been read to fix the keyphrase choice: the held-apart set of that session.
UNSEEN3 = Path(__file__).resolve().parent / "data" / "unseen3"


SupportFn = Callable[[Sequence[str], str], list[Any]]


def support_checker() -> tuple[SupportFn | None, str]:
    """``check_support`` when ``plume.verify.support`` exists (another issue-16 task builds it)."""
    try:
        from plume.verify.support import check_support
    except ImportError as exc:
        return None, f"n/a ({exc})"
    return check_support, "plume.verify.support.check_support"


@dataclass
class Row:
    id: str
    group: str
    path: str
    error: str | None = None
    seconds: float = 0.0
    data: dict[str, Any] = field(default_factory=dict)


def _claims(rep: OptimiseReport, d: dict[str, Any]) -> list[tuple[str, str]]:
    """The generated statements the support check judges, with their field. The author's own
    H1 and subheadings, kept, are not generated; meta-description sentences always count (they
    may be cut or compressed)."""
    art = rep.article
    out: list[tuple[str, str]] = []
    if not d["title_from_source"]:
        out.append(("title", art.title))
    if art.seo_title != art.title:
        out.append(("seo_title", art.seo_title))
    created: list[bool] = d["created"]
    out += [("meta_description", s.text) for s in sentences(art.meta_description)]
    out += [("heading", s.heading) for s, new in zip(art.sections, created, strict=True) if new]
    return [(f, t) for f, t in out if t.strip()]


def measure(rep: OptimiseReport, source_headings: list[str], tag: Tagger) -> dict[str, Any]:
    """Everything plume alone can say about the fields (Yoast's figures are added later)."""
    art = rep.article
    headings = [s.heading for s in art.sections]
    created = created_headings(headings, source_headings)
    kp_words = keyphrase_words(rep.keyphrase)
    density = next((c.value for c in rep.after.checks if c.code == "SEO-KP-DENSITY"), {})
    return {
        "title": art.title,
        "title_chars": len(art.title),
        "title_from_source": not created_headings([art.title], source_headings)[0],
        "title_et_label": is_et_label(art.title, tag),
        "seo_title": art.seo_title,
        "seo_title_chars": len(art.seo_title),
        "seo_title_px": round(text_width(art.seo_title)),
        "meta_description": art.meta_description,
        "meta_chars": len(art.meta_description),
        "meta_whole": meta_is_whole(art.meta_description),
        "keyphrase": rep.keyphrase,
        "keyphrase_source": rep.keyphrase_source,
        "keyphrase_words": kp_words,
        "keyphrase_single": len(kp_words) == 1,
        "keyphrase_generic": is_generic_keyphrase(rep.keyphrase),
        # The "frequent common noun": plume's own rule (SEO-KP-SPECIFIC's word list).
        "keyphrase_frequent": frequent_keyphrase(rep.keyphrase),
        "plume_density": density.get("density"),
        "plume_count": density.get("count"),
        "alternatives": [s.phrase for s in getattr(rep.before, "suggestions", [])[:5]],
        "words": rep.words,
        "headings": [(s.level, s.heading) for s in art.sections],
        "headings_created": sum(created),
        "created_et_labels": [
            h for h, new in zip(headings, created, strict=True) if new and is_et_label(h, tag)
        ],
        "created": created,
        "duplicates": duplicate_headings(headings),
        "slug": art.slug,
    }


def add_yoast(d: dict[str, Any], y: dict[str, Any] | None) -> None:
    """Yoast's verdicts and measures on the published article."""
    if y is None:
        d["yoast"] = None
        return
    m = y.get("measures") or {}
    words = m.get("wordCount") or 0
    sub = m.get("subheadingsKeyword") or {}
    failing = [a for a in not_good(y) if a["id"] not in EXCLUDED]
    if words < SHORT_TEXT_WORDS:
        failing = [a for a in failing if a["id"] != "textLength"]
    share = sub.get("percentReflectingTopic")
    d["yoast"] = {
        "seo_score": y.get("seo_score"),
        "words": words,
        "keyphrase_count": m.get("keyphraseCount"),
        "keyphrase_density": m.get("keyphraseDensity"),
        "subheadings": sub.get("count"),
        "subheadings_with_kp": sub.get("matches"),
        "subheadings_kp_share": share,
        "failing": [{"id": a["id"], "score": a["score"], "text": a["text"]} for a in failing],
        "all_green": not failing,
    }
    d["kp_share_ok"] = share is not None and in_range(share, HEADINGS_KP_SHARE)


def add_support(
    d: dict[str, Any], rep: OptimiseReport, source_text: str, check: SupportFn | None
) -> None:
    if check is None:
        d["unsupported"] = None
        return
    claims = _claims(rep, d)
    t0 = time.perf_counter()
    try:
        verdicts = check([t for _, t in claims], source_text)
    except Exception as exc:  # the support check is being built concurrently: report, go on
        d["unsupported"] = None
        d["support_error"] = f"{type(exc).__name__}: {exc}"
        return
    d["support_seconds"] = round(time.perf_counter() - t0, 2)
    d["claims"] = len(claims)
    d["unsupported"] = [
        {
            "field": f,
            "claim": t,
            "reason": getattr(v.reason, "fr", str(v.reason)),
            "reason_en": getattr(v.reason, "en", str(v.reason)),
            "evidence": getattr(v, "evidence", None),
        }
        for (f, t), v in zip(claims, verdicts, strict=True)
        if not v.supported
    ]


# -- output ------------------------------------------------------------------------------------


def _md(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _yn(v: bool | None) -> str:
    return "—" if v is None else "yes" if v else "no"


HEADER = (
    "| article | title ch | X et Y | SEO title ch / px | meta ch | meta | keyphrase (words) | "
    "generic | KP count / density | headings (created) | KP in subheadings | dup | "
    "Yoast all green | failing | unsupported | s |\n"
    "|---|---:|---|---|---:|---|---|---|---|---|---|---:|---|---|---|---:|"
)


def table_row(r: Row) -> str:
    if r.error:
        return f"| {r.id} | ✗ {_md(r.error)} |" + " |" * 14 + f" {r.seconds:.1f} |"
    d = r.data
    y = d.get("yoast")
    px = d["seo_title_px"]
    kp = f"{_md(d['keyphrase'])} ({len(d['keyphrase_words'])})"
    if y is not None:
        freq = f"{y['keyphrase_count']} / {y['keyphrase_density']} %"
        share = y["subheadings_kp_share"]
        kp_sub = (
            f"{y['subheadings_with_kp']}/{y['subheadings']}"
            + (f" ({share:.0f} %)" if share is not None else "")
            + ("" if d.get("kp_share_ok") else " ✗")
        )
        green = _yn(y["all_green"])
        failing = ", ".join(a["id"] for a in y["failing"]) or "—"
    else:
        freq, kp_sub, green, failing = "n/a", "n/a", "n/a", "n/a (Yoast did not run)"
    n_labels = len(d["created_et_labels"])
    labels = f", {n_labels} X et Y" if n_labels else ""
    uns = d.get("unsupported")
    unsupported = (
        "n/a"
        if uns is None
        else f"{len(uns)}/{d['claims']}"
        + (f" ({', '.join(u['field'] for u in uns)})" if uns else "")
    )
    return (
        f"| {r.id} | {d['title_chars']} | {'✗ label' if d['title_et_label'] else '—'} | "
        f"{d['seo_title_chars']} / {px}{'' if in_range(px, SEO_TITLE_PX) else ' ✗'} | "
        f"{d['meta_chars']}{'' if in_range(d['meta_chars'], META_CHARS) else ' ✗'} | "
        f"{'whole' if d['meta_whole'] else '✗ cut'} | {kp} | "
        f"{'✗ generic' if d['keyphrase_generic'] else 'single' if d['keyphrase_single'] else '—'}"
        f" | {freq} | {len(d['headings'])} ({d['headings_created']}{labels}) | {kp_sub} | "
        f"{len(d['duplicates']) or '—'} | {green} | {failing} | {unsupported} | {r.seconds:.1f} |"
    )


def totals(rows: list[Row]) -> dict[str, Any]:
    """The issue's counts over one group of rows."""
    ok = [r for r in rows if not r.error]
    ds = [r.data for r in ok]
    ys = [d["yoast"] for d in ds if d.get("yoast") is not None]
    sup = [d for d in ds if d.get("unsupported") is not None]
    fail = Counter(a["id"] for y in ys for a in y["failing"])
    return {
        "articles": len(rows),
        "failed": [r.id for r in rows if r.error],
        "title_median_chars": statistics.median(d["title_chars"] for d in ds) if ds else None,
        "title_et_label": sum(d["title_et_label"] for d in ds),
        "seo_title_400_600px": sum(in_range(d["seo_title_px"], SEO_TITLE_PX) for d in ds),
        "seo_title_under_400px": sum(d["seo_title_px"] < SEO_TITLE_PX[0] for d in ds),
        "meta_whole": sum(d["meta_whole"] for d in ds),
        "meta_120_156": sum(in_range(d["meta_chars"], META_CHARS) for d in ds),
        "meta_whole_and_120_156": sum(
            d["meta_whole"] and in_range(d["meta_chars"], META_CHARS) for d in ds
        ),
        "keyphrase_single_word": sum(d["keyphrase_single"] for d in ds),
        "keyphrase_generic": sum(d["keyphrase_generic"] for d in ds),
        "keyphrase_frequent": sum(d.get("keyphrase_frequent", False) for d in ds),
        "headings": sum(len(d["headings"]) for d in ds),
        "headings_created": sum(d["headings_created"] for d in ds),
        "created_headings_et_labels": sum(len(d["created_et_labels"]) for d in ds),
        "kp_share_30_75": sum(bool(d.get("kp_share_ok")) for d in ds),
        "articles_with_duplicate_headings": sum(bool(d["duplicates"]) for d in ds),
        "yoast_ran": len(ys),
        "yoast_all_green": sum(y["all_green"] for y in ys),
        "yoast_failing": dict(fail.most_common()),
        "support_ran": len(sup),
        "claims": sum(d["claims"] for d in sup),
        "unsupported": sum(len(d["unsupported"]) for d in sup),
        "articles_with_unsupported": sum(bool(d["unsupported"]) for d in sup),
        "median_seconds": statistics.median(r.seconds for r in ok) if ok else None,
        "total_seconds": round(sum(r.seconds for r in rows), 1),
    }


TOTAL_LINES: tuple[tuple[str, Callable[[dict[str, Any]], str]], ...] = (
    ("articles optimised", lambda t: f"{t['articles'] - len(t['failed'])}/{t['articles']}"),
    ("title: median characters", lambda t: f"{t['title_median_chars']}"),
    ('title: "X et Y" labels (heuristic)', lambda t: f"{t['title_et_label']}"),
    ("SEO title 400–600 px", lambda t: f"{t['seo_title_400_600px']}"),
    ("SEO title under 400 px", lambda t: f"{t['seo_title_under_400px']}"),
    ("meta description whole", lambda t: f"{t['meta_whole']}"),
    ("meta description 120–156 characters", lambda t: f"{t['meta_120_156']}"),
    ("meta description whole and 120–156", lambda t: f"{t['meta_whole_and_120_156']}"),
    ("keyphrase: single word", lambda t: f"{t['keyphrase_single_word']}"),
    ("keyphrase: single generic word", lambda t: f"{t['keyphrase_generic']}"),
    (
        "keyphrase: single frequent noun (plume's SEO-KP-SPECIFIC list)",
        lambda t: f"{t['keyphrase_frequent']}",
    ),
    ("headings (created by plume)", lambda t: f"{t['headings']} ({t['headings_created']})"),
    ('created headings that are "X et Y" labels', lambda t: f"{t['created_headings_et_labels']}"),
    ("keyphrase in 30–75 % of subheadings", lambda t: f"{t['kp_share_30_75']}"),
    ("articles with duplicate headings", lambda t: f"{t['articles_with_duplicate_headings']}"),
    (
        "Yoast SEO all green (images/links aside)",
        lambda t: f"{t['yoast_all_green']}/{t['yoast_ran']}",
    ),
    (
        "unsupported fields (articles)",
        lambda t: (
            "n/a"
            if not t["support_ran"]
            else f"{t['unsupported']}/{t['claims']} ({t['articles_with_unsupported']})"
        ),
    ),
    (
        "time per article, median (s)",
        lambda t: f"{t['median_seconds']:.1f}" if t["median_seconds"] is not None else "—",
    ),
)


def print_report(
    rows: list[Row], groups: Sequence[str], mode: str, verbose: bool
) -> dict[str, Any]:
    print(f"\n# Fields plume writes (issue 16) — faithful mode, {mode}\n")
    summary: dict[str, Any] = {}
    for g in groups:
        grp = [r for r in rows if r.group == g]
        if not grp:
            continue
        label = {
            "dev": f"dev ({len(grp)}: seeds and corpus)",
            "heldout": f"held-out ({len(grp)}: corpus 06 08 09 10 14 15)",
            "unseen": f"unseen ({len(grp)}: bench/data/unseen, written blind to plume)",
            "unseen2": f"unseen2 ({len(grp)}: bench/data/unseen2, written blind)",
        }.get(g, f"{g} ({len(grp)}: bench/data/{g}, written blind, never tuned on)")
        print(f"## {label}\n")
        print(HEADER)
        for r in grp:
            print(table_row(r))
        print()
        summary[g] = totals(grp)
    if len(summary) > 1:
        summary["all"] = totals(rows)
    cols = list(summary)
    print("## Totals\n")
    print("| measure | " + " | ".join(cols) + " |")
    print("|---|" + "---:|" * len(cols))
    for name, fmt in TOTAL_LINES:
        print(f"| {name} | " + " | ".join(fmt(summary[c]) for c in cols) + " |")
    for c in cols:
        f = summary[c]["yoast_failing"]
        if f:
            print(
                f"\nYoast assessments failing ({c}): "
                + ", ".join(f"{k} ×{n}" for k, n in f.items())
            )
    if verbose:
        print("\n## Fields\n")
        for r in rows:
            if r.error:
                print(f"### {r.id}: {r.error}\n")
                continue
            d = r.data
            print(f"### {r.id} — « {d['keyphrase']} » ({d['keyphrase_source']})")
            print(f"- title: {d['title']}")
            print(f"- SEO title ({d['seo_title_px']} px): {d['seo_title']}")
            print(f"- meta ({d['meta_chars']}): {d['meta_description']}")
            print(f"- alternatives: {', '.join(d['alternatives'])}")
            for (level, h), new in zip(d["headings"], d["created"], strict=True):
                print(f"  - H{level}{' (created)' if new else ''}: {h}")
            for a in (d.get("yoast") or {}).get("failing", []):
                print(f"- Yoast `{a['id']}` {a['score']}: {a['text']}")
            for u in d.get("unsupported") or []:
                print(f"- unsupported {u['field']}: « {u['claim']} » — {u['reason']}")
            if d.get("support_error"):
                print(f"- support check failed: {d['support_error']}")
            print()
    return summary


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--model", action="store_true", help="fields from the embedded model")
    ap.add_argument("--only", choices=(*GROUPS, "all"), default="all")
    ap.add_argument("--json", type=Path, help="write everything here (default bench/results/)")
    ap.add_argument("--verbose", action="store_true", help="print every field and reason")
    args = ap.parse_args(argv)

    settings = Settings()
    backend: Backend | None = None
    if args.model:
        from plume.backends.local import LocalBackend

        backend = LocalBackend()
    check, support_name = support_checker()
    tag = spacy_tagger()
    rows: list[Row] = []
    papers: list[dict[str, Any]] = []
    sources: dict[str, tuple[OptimiseReport, str]] = {}
    texts = [(a.id, group_of(a.id), SHARED / a.path) for a in ARTICLES]
    texts += [(p.stem, "unseen", p) for p in sorted(UNSEEN.glob("u[0-9]-*"))]
    texts += [(p.stem, "unseen2", p) for p in sorted(UNSEEN2.glob("v[0-9]-*"))]
    texts += [(p.stem, "unseen3", p) for p in sorted(UNSEEN3.glob("w[0-9]-*"))]
    for text_id, g, path in texts:
        if args.only != "all" and g != args.only:
            continue
        r = Row(text_id, g, str(path))
        rows.append(r)
        step = "optimise"
        t0 = time.perf_counter()
        try:
            rep, inputs = optimise_one(path, settings, backend, None)
            r.seconds = time.perf_counter() - t0
            step = "measure"
            cleaned = clean(read_path(path, settings), settings).document
            src_headings = [b.text for b in cleaned.blocks if b.is_heading]
            r.data = measure(rep, src_headings, tag)
            sources[text_id] = (rep, cleaned.text)
            papers.append({"id": text_id, **inputs["after"]})
        except Exception as exc:  # one failing article never stops the report
            r.seconds = r.seconds or time.perf_counter() - t0
            r.error = f"{step} failed: {type(exc).__name__}: {exc}"
            traceback.print_exc()
        print(f"  {text_id}: {r.error or 'optimised'} in {r.seconds:.1f} s", file=sys.stderr)
    if backend is not None:
        backend.close()

    try:
        yoast = run_yoast(papers, "_fields_model" if args.model else "_fields") if papers else {}
    except (RuntimeError, subprocess.CalledProcessError, OSError, ValueError) as exc:
        print(f"Yoast could not run: {exc}", file=sys.stderr)
        yoast = {}
    for r in rows:
        if r.error:
            continue
        add_yoast(r.data, yoast.get(r.id))
        rep, source_text = sources[r.id]
        add_support(r.data, rep, source_text, check)

    mode = "embedded model (Gemma 3 270M)" if args.model else "--no-model"
    groups = GROUPS if args.only == "all" else (args.only,)
    summary = print_report(rows, groups, mode, args.verbose)
    print(f"\nSupport check: {support_name}. Text-length aside under {SHORT_TEXT_WORDS} words.")

    out = args.json or RESULTS / f"fields{'_model' if args.model else ''}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    full = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "plume": str(Path(plume.__file__).parent),
        "mode": mode,
        "only": args.only,
        "support_check": support_name,
        "summary": summary,
        "rows": [
            {
                "id": r.id,
                "group": r.group,
                "path": r.path,
                "error": r.error,
                "seconds": round(r.seconds, 2),
                **r.data,
            }
            for r in rows
        ],
    }
    out.write_text(json.dumps(full, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    print(f"Full results: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
