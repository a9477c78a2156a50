"""Benchmark: plume's analyser against Yoast's own (``yoastseo`` 3.6.0, French researcher).

Runs both on the same articles (the 5 seeds and the 16 corpus pages) and prints

(a) speed: per article, plume's median time (``analyse_document`` on the ingested document, and the
    full path with ingest), Yoast's median time, and the ratio, against the 20× target;
(b) cold start: wall time of ``plume analyse FILE`` in a fresh process, against the 2 s target;
(c) agreement: per check, how often both give the same light (good / ok / bad), with every
    disagreement and the measures of both tools, and the documented deliberate differences.

Run: ``cd bench/yoast && npm ci`` once, then ``.venv/bin/python bench/analyse_vs_yoast.py``.
Writes ``bench/results/latest.json`` (everything) and prints a Markdown summary for docs/benchmarks.md.
Never part of the test suite: it takes a few minutes, Yoast being the slow side.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import html
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
import traceback
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mapping import (
    ARTICLES,
    CROSS_CUTTING,
    DELIBERATE,
    FLESCH_CODE,
    FLESCH_NOTE,
    INSPECTED,
    KNOWN_GAPS,
    MAPPING,
    PLUME_ONLY,
    YOAST_MEASURES,
    Article,
)

from plume.analyse.audit import analyse_document
from plume.analyse.checks.base import REGISTRY
from plume.clean import clean
from plume.document import BlockKind, Document, EditorFields
from plume.ingest import read_path
from plume.report import Report
from plume.settings import Settings

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
SHARED = (REPO / ".." / "shared").resolve()
YOAST_DIR = BENCH / "yoast"
RESULTS = BENCH / "results"

#: Targets from the issue: plume ≥ 20× faster than yoastseo warm, in one process; a cold
#: ``plume analyse`` of one article under 2 s.
SPEED_TARGET_RATIO = 20.0
COLD_TARGET_S = 2.0
#: Headline agreement target on the checks both tools compute the same way.
AGREEMENT_TARGET = 0.90

#: The lights that are verdicts. Yoast also has "feedback" (score 0: no verdict), "error" (-1) and
#: our "not_applicable" (the assessor skipped it); plume has "na" (could not run).
LIGHTS = ("good", "ok", "bad")

#: Articles timed for the cold start: a ~1,000-word plain-text seed and an HTML page (HTML
#: ingest is the heavier path).
COLD_ARTICLES = ("seed-000", "05-tdg")

#: Yoast's Flesch difficulty bands for the score (yoastseo ``DIFFICULTY``, getFleschReadingScore):
#: ≥ 90 very easy … < 30 very difficult. Used to compare plume's Flesch value by band.
FLESCH_BANDS = (90, 80, 70, 60, 50, 30)


# --------------------------------------------------------------------------------------------
# Articles: ingest, SEO fields, HTML for Yoast
# --------------------------------------------------------------------------------------------


@dataclasses.dataclass
class Prepared:
    article: Article
    path: Path
    doc: Document  # as ingested (plume analyses this; it cleans it itself)
    cleaned: Document  # what Yoast is given, as HTML
    title: str
    description: str
    slug: str
    permalink: str


_SENTENCE_END = re.compile(r"(?<=[.!?…])[\s\u00a0]+(?=[«\"“A-ZÀ-ÖØ-Þ0-9])")


def _first_sentence(text: str) -> str:
    """The first sentence, split naively (kept independent of plume's own splitter)."""
    return _SENTENCE_END.split(text.strip(), maxsplit=1)[0].strip()


def _cut(text: str, limit: int) -> str:
    """At most ``limit`` characters, cut at a word boundary."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:–-")


def slugify(text: str) -> str:
    """A WordPress-like slug: accents dropped, lower case, words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _slug_from_url(url: str) -> str:
    """The path segment of a canonical URL that looks like a slug (words joined by hyphens)."""
    segments = [s for s in urlsplit(url).path.split("/") if s]
    candidates = [re.sub(r"\.html?$", "", s) for s in segments]
    wordy = [s for s in candidates if "-" in s and re.search(r"[a-z]{3}", s)]
    return max(wordy, key=len) if wordy else ""


def prepare(article: Article, settings: Settings) -> Prepared:
    """Ingest and clean with plume, and fix the SEO fields both tools get.

    Title, meta description and slug come from the page's own metadata when it has them (the
    HTML pages); otherwise they are derived from the text as an editor's first draft would be:
    the first heading (or the first sentence, cut at 65 characters) as title, the first sentence
    of the body as meta description, and the title slugified.
    """
    path = SHARED / article.path
    doc = read_path(path, settings)
    cleaned = clean(doc, settings).document
    body = [b.text for b in cleaned.blocks if not b.is_heading and b.text.strip()]
    headings = [b.text for b in cleaned.blocks if b.is_heading and b.text.strip()]
    first = _first_sentence(body[0]) if body else ""
    title = doc.meta.title or (headings[0] if headings else _cut(first, 65))
    description = doc.meta.description or first
    url = doc.meta.url or ""
    slug = doc.meta.slug or _slug_from_url(url) or slugify(title)
    return Prepared(article, path, doc, cleaned, title, description, slug, url)


def doc_to_html(doc: Document) -> str:
    """The cleaned document as the HTML a CMS would hold: <p>, <hN>, <ul><li>, <blockquote>.

    Links are put back on the first occurrence of their anchor text in a body block (plume's
    Document keeps links and images apart from the text); a link whose text is not found becomes
    an empty anchor at the end of the last paragraph, so both tools count the same links without
    Yoast counting extra words. Images go at the end of the first paragraph (an <img> adds no
    words).
    """
    body_idx = [i for i, b in enumerate(doc.blocks) if not b.is_heading]
    inserts: dict[int, list[tuple[int, int, str]]] = {i: [] for i in body_idx}
    orphans: list[str] = []
    for link in doc.links:
        placed = False
        anchor = link.text.strip()
        if len(anchor) >= 2:
            for i in body_idx:
                pos = doc.blocks[i].text.find(anchor)
                taken = inserts[i]
                if pos >= 0 and all(pos + len(anchor) <= s or pos >= e for s, e, _ in taken):
                    taken.append((pos, pos + len(anchor), link.href))
                    placed = True
                    break
        if not placed:
            orphans.append(link.href)

    def body_html(i: int) -> str:
        text = doc.blocks[i].text
        out: list[str] = []
        pos = 0
        for s, e, href in sorted(inserts[i]):
            out.append(html.escape(text[pos:s], quote=False))
            out.append(f'<a href="{html.escape(href)}">{html.escape(text[s:e], quote=False)}</a>')
            pos = e
        out.append(html.escape(text[pos:], quote=False))
        if body_idx and i == body_idx[0]:
            out.extend(
                f' <img src="{html.escape(im.src)}" alt="{html.escape(im.alt)}">'
                for im in doc.images
            )
        if body_idx and i == body_idx[-1]:
            out.extend(f'<a href="{html.escape(h)}"></a>' for h in orphans)
        return "".join(out)

    parts: list[str] = []
    open_list = False
    for i, b in enumerate(doc.blocks):
        if b.kind is not BlockKind.LIST_ITEM and open_list:
            parts.append("</ul>")
            open_list = False
        if b.is_heading:
            level = min(max(b.level, 1), 6)
            parts.append(f"<h{level}>{html.escape(b.text, quote=False)}</h{level}>")
        elif b.kind is BlockKind.LIST_ITEM:
            if not open_list:
                parts.append("<ul>")
                open_list = True
            parts.append(f"<li>{body_html(i)}</li>")
        elif b.kind is BlockKind.QUOTE:
            parts.append(f"<blockquote><p>{body_html(i)}</p></blockquote>")
        else:
            parts.append(f"<p>{body_html(i)}</p>")
    if open_list:
        parts.append("</ul>")
    return "\n".join(parts)


# --------------------------------------------------------------------------------------------
# plume side
# --------------------------------------------------------------------------------------------


def _load() -> float | None:
    """The 1-minute load average (timings are only comparable on an idle machine)."""
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return None


def _median_ms(samples: Sequence[float]) -> float:
    return round(statistics.median(samples) * 1000, 3)


def _analyse(p: Prepared, settings: Settings, doc: Document | None = None) -> Report:
    # A fresh copy each time: Document caches ``text`` on the instance, and a warm run must
    # analyse, not read a cache.
    return analyse_document(
        dataclasses.replace(doc or p.doc),
        settings,
        EditorFields(keyphrase=p.article.keyphrase, title=p.title, meta=p.description, slug=p.slug),
    )


def time_plume(
    prepared: Sequence[Prepared], settings: Settings, repeat: int, warmup: int
) -> dict[str, dict[str, Any]]:
    """Per article: first analysis in this process, then warm medians (analyse, full path)."""
    out: dict[str, dict[str, Any]] = {}
    for p in prepared:  # pass 1: first time each article is analysed in this process
        t0 = time.perf_counter()
        _analyse(p, settings)
        out[p.article.id] = {"first_ms": round((time.perf_counter() - t0) * 1000, 3)}
    for p in prepared:
        for _ in range(warmup):
            _analyse(p, settings)
        analyse_s: list[float] = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            _analyse(p, settings)
            analyse_s.append(time.perf_counter() - t0)
        full_s: list[float] = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            _analyse(p, settings, read_path(p.path, settings))
            full_s.append(time.perf_counter() - t0)
        out[p.article.id] |= {
            "analyse_ms": _median_ms(analyse_s),
            "full_ms": _median_ms(full_s),
            "analyse_ms_runs": [round(s * 1000, 3) for s in analyse_s],
        }
    return out


def _number(value: dict[str, Any], want: Callable[[str], bool]) -> float | None:
    for k, v in value.items():
        if want(k.lower()) and isinstance(v, int | float) and not isinstance(v, bool):
            return float(v)
    return None


def plume_title_width(report: Report, title: str) -> float | None:
    """The SEO title's width in px as plume measures it: the check's value, else the measurer."""
    for c in report.checks:
        if c.code == "SEO-TITLE-WIDTH":
            found = _number(c.value, lambda k: "width" in k or k in ("px", "pixels"))
            if found is not None:
                return found
    try:
        from plume.analyse.pixels import text_width
    except ImportError:
        return None
    return float(text_width(title)) if title else None


def plume_flesch(report: Report) -> float | None:
    for c in report.checks:
        if c.code == FLESCH_CODE:
            return _number(c.value, lambda k: k in ("score", "flesch", "value", "ease"))
    return None


# --------------------------------------------------------------------------------------------
# Yoast side
# --------------------------------------------------------------------------------------------


def yoast_input(p: Prepared, title_width: float | None) -> dict[str, Any]:
    return {
        "id": p.article.id,
        "html": doc_to_html(p.cleaned),
        "keyphrase": p.article.keyphrase,
        "synonyms": [],
        "title": p.title,
        "description": p.description,
        "slug": p.slug,
        "permalink": p.permalink,
        "locale": "fr_FR",
        "titleWidth": round(title_width) if title_width else 0,
    }


def run_yoast(
    articles: list[dict[str, Any]], repeat: int, warmup: int, reuse: bool
) -> dict[str, Any]:
    """Run bench/yoast/run.mjs once (one Node process) over all articles."""
    if not (YOAST_DIR / "node_modules" / "yoastseo").is_dir():
        sys.exit("yoastseo is not installed: run `cd bench/yoast && npm ci` first.")
    node = shutil.which("node")
    if node is None:
        sys.exit("node is not on PATH (Node 20 is needed for bench/yoast/run.mjs).")
    RESULTS.mkdir(parents=True, exist_ok=True)
    inp, outp = RESULTS / "yoast_input.json", RESULTS / "yoast_output.json"
    payload = json.dumps(articles, ensure_ascii=False, indent=1)
    key = hashlib.sha256(f"{payload}|{repeat}|{warmup}".encode()).hexdigest()
    if reuse and outp.is_file():
        cached: dict[str, Any] = json.loads(outp.read_text(encoding="utf-8"))
        if cached.get("input_sha256") == key:
            print(f"(Yoast results reused from {outp.relative_to(REPO)}: same input)")
            return cached
    inp.write_text(payload, encoding="utf-8")
    cmd = [node, str(YOAST_DIR / "run.mjs"), "--input", str(inp), "--output", str(outp)]
    cmd += ["--repeat", str(repeat), "--warmup", str(warmup)]
    print(f"Running yoastseo on {len(articles)} articles (one Node process)…", flush=True)
    t0 = time.perf_counter()
    load_before = _load()
    subprocess.run(cmd, check=True, cwd=YOAST_DIR)
    result: dict[str, Any] = json.loads(outp.read_text(encoding="utf-8"))
    result["input_sha256"] = key
    result["wall_s"] = round(time.perf_counter() - t0, 1)
    result["load_average_1min"] = {"before": load_before, "after": _load()}
    outp.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return result


# --------------------------------------------------------------------------------------------
# Cold start
# --------------------------------------------------------------------------------------------


def time_cold(prepared: Sequence[Prepared], runs: int) -> dict[str, Any]:
    """Wall time of ``plume analyse FILE -k KP`` in fresh processes (stdout discarded)."""
    exe = Path(sys.executable).with_name("plume")
    if not exe.is_file():
        return {"error": f"{exe} not found (is plume installed in the venv?)"}
    out: dict[str, Any] = {"runs": runs, "articles": {}}
    baseline: list[float] = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        baseline.append(time.perf_counter() - t0)
    out["python_startup_s"] = round(statistics.median(baseline), 3)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLUME_")}
    for p in prepared:
        if p.article.id not in COLD_ARTICLES:
            continue
        cmd = [str(exe), "analyse", str(p.path), "--keyphrase", p.article.keyphrase]
        walls: list[float] = []
        codes: set[int] = set()
        err = ""
        for _ in range(runs):
            t0 = time.perf_counter()
            proc = subprocess.run(
                cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env
            )
            walls.append(time.perf_counter() - t0)
            codes.add(proc.returncode)
            err = err or proc.stderr.strip()[-500:]
        out["articles"][p.article.id] = {
            "median_s": round(statistics.median(walls), 3),
            "max_s": round(max(walls), 3),
            "runs_s": [round(w, 3) for w in walls],
            "exit_codes": sorted(codes),
            "stderr": err,
        }
    out["slowest_imports"] = import_profile(exe, prepared)
    return out


def import_profile(exe: Path, prepared: Sequence[Prepared]) -> list[dict[str, Any]]:
    """Where a cold ``plume analyse`` spends its import time (``python -X importtime``).

    Self times summed per top-level package, so the figures do not overlap; top 8.
    """
    target = next((p for p in prepared if p.article.id == COLD_ARTICLES[0]), None)
    if target is None:
        return []
    code = (
        "import sys; from plume.cli.app import main; "
        f"sys.argv = ['plume', 'analyse', {str(target.path)!r}, '-k', "
        f"{target.article.keyphrase!r}]; main()"
    )
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    per_package: dict[str, int] = {}
    for line in proc.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+\d+ \|\s*(\S+)", line)
        if m:
            package = m.group(2).split(".")[0]
            per_package[package] = per_package.get(package, 0) + int(m.group(1))
    top = sorted(per_package.items(), key=lambda kv: kv[1], reverse=True)[:8]
    return [{"package": name, "self_ms": round(us / 1000, 1)} for name, us in top]


# --------------------------------------------------------------------------------------------
# Agreement
# --------------------------------------------------------------------------------------------


def flesch_band(score: float) -> int:
    return sum(1 for b in FLESCH_BANDS if score < b)


def _yoast_by_id(y: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {a["id"]: a for a in y["assessments"]}


def compare(
    prepared: Sequence[Prepared],
    reports: dict[str, Report],
    yoast: dict[str, dict[str, Any]],
    title_widths: dict[str, float | None],
) -> dict[str, Any]:
    checks: list[dict[str, Any]] = []
    for pair in MAPPING:
        implemented = pair.plume in REGISTRY
        row: dict[str, Any] = {
            "plume": pair.plume,
            "yoast": pair.yoast,
            "note": pair.note,
            "implemented": implemented,
            "deliberate": DELIBERATE.get(pair.plume, {}),
            "n": 0,
            "agree": 0,
            "plume_na": 0,
            "yoast_no_light": 0,
            "confusion": {},
            "disagreements": [],
        }
        for p in prepared:
            aid = p.article.id
            if aid not in reports or aid not in yoast:
                continue
            ya = _yoast_by_id(yoast[aid]).get(pair.yoast)
            y_rating = ya["rating"] if ya else "absent"
            if pair.yoast == "titleWidth" and not title_widths.get(aid):
                y_rating = "not_compared"  # no pixel width to give Yoast (see run.mjs)
            pc = next((c for c in reports[aid].checks if c.code == pair.plume), None)
            p_rating = pc.rating.value if pc else "not_implemented"
            key = f"{p_rating}/{y_rating}"
            row["confusion"][key] = row["confusion"].get(key, 0) + 1
            if p_rating not in LIGHTS:
                row["plume_na"] += p_rating == "na" and y_rating in LIGHTS
                continue
            if y_rating not in LIGHTS:
                row["yoast_no_light"] += 1
                continue
            row["n"] += 1
            if p_rating == y_rating:
                row["agree"] += 1
                continue
            assert pc is not None
            measures = yoast[aid].get("measures") or {}
            row["disagreements"].append(
                {
                    "article": aid,
                    "plume": p_rating,
                    "yoast": y_rating,
                    "plume_value": pc.value,
                    "plume_message": pc.message,
                    "yoast_measures": {
                        k: measures.get(k) for k in YOAST_MEASURES.get(pair.yoast, ())
                    }
                    | ({"titleWidth": title_widths.get(aid)} if pair.yoast == "titleWidth" else {}),
                    "yoast_message": ya["text"] if ya else "",
                    "reason": INSPECTED.get((pair.plume, aid)),
                }
            )
        row["agreement"] = round(row["agree"] / row["n"], 4) if row["n"] else None
        checks.append(row)

    def pooled(rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
        rows = list(rows)
        n = sum(r["n"] for r in rows)
        agree = sum(r["agree"] for r in rows)
        return {
            "n": n,
            "agree": agree,
            "agreement": round(agree / n, 4) if n else None,
            "checks": len([r for r in rows if r["n"]]),
        }

    same_way = [r for r in checks if not r["deliberate"]]
    flesch: list[dict[str, Any]] = []
    for p in prepared:
        aid = p.article.id
        if aid not in reports or aid not in yoast:
            continue
        ys = ((yoast[aid].get("measures") or {}).get("flesch") or {}).get("score")
        ps = plume_flesch(reports[aid])
        flesch.append({"article": aid, "plume": ps, "yoast": ys})
    both = [f for f in flesch if f["plume"] is not None and f["yoast"] is not None]
    return {
        "checks": checks,
        "same_way": pooled(same_way),
        "all_mapped": pooled(checks),
        "flesch": {
            "per_article": flesch,
            "n": len(both),
            "mean_abs_diff": round(statistics.mean(abs(f["plume"] - f["yoast"]) for f in both), 2)
            if both
            else None,
            "same_band": sum(flesch_band(f["plume"]) == flesch_band(f["yoast"]) for f in both),
            "plume_lower": sum(f["plume"] < f["yoast"] for f in both),
            "explanation": FLESCH_NOTE,
        },
    }


# --------------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------------


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:.0f} %"


def _fmt(x: float | None, nd: int = 1) -> str:
    return "—" if x is None else f"{x:.{nd}f}"


def speed_rows(
    prepared: Sequence[Prepared],
    reports: dict[str, Report],
    ptimes: dict[str, dict[str, Any]],
    yoast: dict[str, dict[str, Any]],
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for p in prepared:
        aid = p.article.id
        if aid not in ptimes or aid not in yoast:
            continue
        y_ms = float(yoast[aid]["warm_ms"])
        a_ms = float(ptimes[aid]["analyse_ms"])
        f_ms = float(ptimes[aid]["full_ms"])
        rows.append(
            {
                "article": aid,
                "words_plume": reports[aid].stats.words,
                "words_yoast": (yoast[aid].get("measures") or {}).get("wordCount"),
                "plume_analyse_ms": a_ms,
                "plume_full_ms": f_ms,
                "plume_first_ms": ptimes[aid]["first_ms"],
                "yoast_ms": y_ms,
                "yoast_first_ms": yoast[aid]["first_ms"],
                "yoast_memo_ms": yoast[aid].get("warm_memo_ms"),
                "ratio_analyse": round(y_ms / a_ms, 1) if a_ms else None,
                "ratio_full": round(y_ms / f_ms, 1) if f_ms else None,
                # Fastest run of each: less sensitive to other processes than the median.
                "ratio_min": round(
                    min(yoast[aid]["warm_ms_runs"]) / min(ptimes[aid]["analyse_ms_runs"]), 1
                ),
            }
        )
    if not rows:
        return rows, {}

    def med(key: str) -> float:
        return round(float(statistics.median(r[key] for r in rows if r[key] is not None)), 3)

    per_kw = [r for r in rows if r["words_plume"]]
    summary = {
        "articles": len(rows),
        "median_words": med("words_plume"),
        "plume_analyse_ms": med("plume_analyse_ms"),
        "plume_full_ms": med("plume_full_ms"),
        "yoast_ms": med("yoast_ms"),
        "median_ratio_analyse": med("ratio_analyse"),
        "median_ratio_full": med("ratio_full"),
        "min_ratio_analyse": min(r["ratio_analyse"] for r in rows if r["ratio_analyse"]),
        "median_ratio_of_fastest_runs": med("ratio_min"),
        "plume_ms_per_1000_words": round(
            statistics.median(1000 * r["plume_analyse_ms"] / r["words_plume"] for r in per_kw), 2
        )
        if per_kw
        else None,
        "yoast_ms_per_1000_words": round(
            statistics.median(1000 * r["yoast_ms"] / r["words_plume"] for r in per_kw), 1
        )
        if per_kw
        else None,
        "target_ratio": SPEED_TARGET_RATIO,
    }
    summary["meets_target"] = summary["median_ratio_analyse"] >= SPEED_TARGET_RATIO
    return rows, summary


def print_speed(
    rows: list[dict[str, Any]], summary: dict[str, Any], yoast_meta: dict[str, Any]
) -> None:
    print("\n## (a) Speed, warm, one process (median per article)\n")
    print(
        "| article | words | plume analyse ms | plume ingest+analyse ms | yoastseo ms | ratio | ratio (with ingest) |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['article']} | {r['words_plume']} | {r['plume_analyse_ms']:.1f} | "
            f"{r['plume_full_ms']:.1f} | {r['yoast_ms']:.0f} | {_fmt(r['ratio_analyse'])}× | "
            f"{_fmt(r['ratio_full'])}× |"
        )
    if summary:
        s = summary
        print(
            f"| **median** | {s['median_words']:.0f} | {s['plume_analyse_ms']:.1f} | "
            f"{s['plume_full_ms']:.1f} | {s['yoast_ms']:.0f} | {s['median_ratio_analyse']:.1f}× | "
            f"{s['median_ratio_full']:.1f}× |"
        )
        verdict = "meets" if s["meets_target"] else "MISSES"
        print(
            f"\nMedian ratio {s['median_ratio_analyse']:.1f}× (slowest article "
            f"{s['min_ratio_analyse']:.1f}×) vs target ≥ {SPEED_TARGET_RATIO:.0f}×: {verdict} the "
            f"target. Per 1,000 words: plume {_fmt(s['plume_ms_per_1000_words'])} ms, yoastseo "
            f"{_fmt(s['yoast_ms_per_1000_words'], 0)} ms. Ratio of the fastest runs (less "
            f"sensitive to machine load): {s['median_ratio_of_fastest_runs']:.1f}×."
        )
    print(
        f"yoastseo {yoast_meta.get('yoastseo_version')} on Node {yoast_meta.get('node_version')}: "
        f"module load {_fmt(yoast_meta.get('load_ms'), 0)} ms, first analysis in the process "
        f"{_fmt(yoast_meta.get('process_first_ms'), 0)} ms; warm = median of "
        f"{yoast_meta.get('repeat')} runs after {yoast_meta.get('warmup')} warm-up runs, text "
        "memo caches cleared."
    )


def print_cold(cold: dict[str, Any]) -> None:
    print("\n## (b) Cold start: `plume analyse FILE` in a fresh process\n")
    if "error" in cold:
        print(f"Not measured: {cold['error']}")
        return
    print(f"Python interpreter alone: {cold['python_startup_s']:.3f} s (median).\n")
    print("| article | median s | max s | target | exit codes |")
    print("|---|---:|---:|---|---|")
    for aid, c in cold["articles"].items():
        if c["exit_codes"] != [0]:
            ok = "FAILED (the command did not complete: time not valid)"
        else:
            ok = "meets" if c["median_s"] < COLD_TARGET_S else "MISSES"
        print(
            f"| {aid} | {c['median_s']:.2f} | {c['max_s']:.2f} | < {COLD_TARGET_S:.0f} s: {ok} | "
            f"{c['exit_codes']} |"
        )
        if c["stderr"]:
            print(f"|  ↳ stderr: {c['stderr'][:200]!r} | | | | |")
    if cold.get("slowest_imports"):
        tops = ", ".join(f"{i['package']} {i['self_ms']:.0f} ms" for i in cold["slowest_imports"])
        print(f"\nImport time by package (python -X importtime, self times summed): {tops}.")


def print_agreement(agreement: dict[str, Any]) -> None:
    print("\n## (c) Agreement per check (same light: good / ok / bad)\n")
    print("| plume | yoastseo 3.6.0 | n | agree | agreement | computed | note |")
    print("|---|---|---:|---:|---:|---|---|")
    for r in agreement["checks"]:
        if not r["implemented"]:
            print(f"| {r['plume']} | {r['yoast']} | — | — | not implemented yet | | {r['note']} |")
            continue
        how = "differently (deliberate)" if r["deliberate"] else "same way"
        extra = []
        if r["plume_na"]:
            extra.append(f"plume n/a ×{r['plume_na']}")
        if r["yoast_no_light"]:
            extra.append(f"no Yoast light ×{r['yoast_no_light']}")
        note = r["note"] + (f" ({', '.join(extra)})" if extra else "")
        print(
            f"| {r['plume']} | {r['yoast']} | {r['n']} | {r['agree']} | {_pct(r['agreement'])} | "
            f"{how} | {note} |"
        )
    sw, al = agreement["same_way"], agreement["all_mapped"]
    hit = (
        "meets" if sw["agreement"] is not None and sw["agreement"] >= AGREEMENT_TARGET else "MISSES"
    )
    print(
        f"\nComputed the same way: {_pct(sw['agreement'])} ({sw['agree']}/{sw['n']} verdicts, "
        f"{sw['checks']} checks) vs target ≥ {100 * AGREEMENT_TARGET:.0f} %: {hit} the target."
    )
    print(
        f"All mapped checks, deliberate differences included: {_pct(al['agreement'])} "
        f"({al['agree']}/{al['n']})."
    )
    fl = agreement["flesch"]
    if fl["n"]:
        print(
            f"Flesch (Kandel & Moles): mean |plume − Yoast| = {fl['mean_abs_diff']} points over "
            f"{fl['n']} articles, plume lower on {fl['plume_lower']}; same difficulty band in "
            f"{fl['same_band']}/{fl['n']}. {FLESCH_NOTE}"
        )
    else:
        print("Flesch: plume's RD-FLESCH value not available yet.")
    print(f"Plume-only checks (no Yoast counterpart): {', '.join(PLUME_ONLY)}.")


def _short(value: Any, limit: int = 160) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def print_disagreements(agreement: dict[str, Any]) -> None:
    print("\n## Disagreements (plume vs Yoast, with both tools' measures)\n")
    unexplained = 0
    for r in agreement["checks"]:
        if not r["disagreements"]:
            continue
        print(f"### {r['plume']} ↔ {r['yoast']}")
        for d in r["disagreements"]:
            reason = d["reason"]
            if reason is None:
                unexplained += 1
                why = "not inspected yet"
            else:
                text = (
                    r["deliberate"].get(reason)
                    or CROSS_CUTTING.get(reason)
                    or KNOWN_GAPS.get(reason, "?")
                )
                kind = "plume gap" if reason in KNOWN_GAPS else "explained"
                why = f"{kind} ({reason}): {text}"
            print(f"- **{d['article']}**: plume {d['plume']} vs Yoast {d['yoast']} — {why}")
            print(f"  - plume: {_short(d['plume_value'])} — {d['plume_message'][:140]}")
            print(f"  - Yoast: {_short(d['yoast_measures'])} — {d['yoast_message'][:140]}")
        print()
    print("Deliberate differences of method (these checks are left out of the headline):\n")
    for code, reasons in DELIBERATE.items():
        for reason, text in reasons.items():
            print(f"- `{code}` / `{reason}`: {text}")
    print("\nCross-cutting differences (explain disagreements, exclude no check):\n")
    for reason, text in CROSS_CUTTING.items():
        print(f"- `{reason}`: {text}")
    if KNOWN_GAPS:
        print("\nKnown plume gaps:\n")
        for reason, text in KNOWN_GAPS.items():
            print(f"- `{reason}`: {text}")
    print(f"\nDisagreements not inspected yet: {unexplained}.")


def _load_range(load: dict[str, float | None]) -> str:
    values = [v for v in load.values() if v is not None]
    return f"{min(values):.1f}–{max(values):.1f}" if values else "unknown"


def summary_block(
    speed: dict[str, Any], cold: dict[str, Any], agreement: dict[str, Any], meta: dict[str, Any]
) -> str:
    lines = [
        "<!-- bench-summary:start -->",
        f"Benchmark of {meta['date']} ({meta['articles']} French articles: {meta['sources']}; plume {meta['plume_version']}, yoastseo {meta['yoastseo_version']} on Node "
        f"{meta['node_version']}, Python {meta['python']}, {meta['machine']}; 1-min load average "
        f"during the timings {_load_range(meta['load_average_1min'])}).",
        "",
        "| measure | plume | yoastseo 3.6.0 | target |",
        "|---|---:|---:|---|",
    ]
    if speed:
        lines += [
            f"| warm, median per article ({speed['median_words']:.0f} words) | "
            f"{speed['plume_analyse_ms']:.1f} ms | {speed['yoast_ms']:.0f} ms | |",
            f"| with ingest | {speed['plume_full_ms']:.1f} ms | | |",
            f"| speed ratio (median of articles) | {speed['median_ratio_analyse']:.0f}× faster "
            f"| | ≥ {SPEED_TARGET_RATIO:.0f}× |",
            f"| speed ratio, fastest runs (load-robust) | "
            f"{speed['median_ratio_of_fastest_runs']:.0f}× faster | | |",
        ]
    for aid, c in (cold.get("articles") or {}).items():
        failed = "" if c["exit_codes"] == [0] else f" (FAILED, exit {c['exit_codes']})"
        lines.append(f"| cold `plume analyse` ({aid}) | {c['median_s']:.2f} s{failed} | | < 2 s |")
    sw, al = agreement["same_way"], agreement["all_mapped"]
    lines += [
        f"| agreement, checks computed the same way | {_pct(sw['agreement'])} "
        f"({sw['agree']}/{sw['n']}) | | ≥ 90 % |",
        f"| agreement, all mapped checks | {_pct(al['agreement'])} ({al['agree']}/{al['n']}) | | |",
        "",
        "| check | Yoast assessment | agreement | n |",
        "|---|---|---:|---:|",
    ]
    for r in agreement["checks"]:
        if not r["implemented"]:
            lines.append(f"| {r['plume']} | {r['yoast']} | not implemented yet | |")
            continue
        mark = " (deliberately different)" if r["deliberate"] else ""
        lines.append(f"| {r['plume']}{mark} | {r['yoast']} | {_pct(r['agreement'])} | {r['n']} |")
    lines.append("<!-- bench-summary:end -->")
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", help="run only articles whose id contains this text")
    ap.add_argument("--repeat", type=int, default=20, help="plume warm runs per article (20)")
    ap.add_argument("--warmup", type=int, default=2, help="plume warm-up runs per article (2)")
    ap.add_argument("--yoast-repeat", type=int, default=5, help="Yoast warm runs (5)")
    ap.add_argument("--yoast-warmup", type=int, default=1, help="Yoast warm-up runs (1)")
    ap.add_argument("--cold-runs", type=int, default=5, help="cold `plume analyse` runs (5)")
    ap.add_argument("--skip-cold", action="store_true", help="do not time the cold start")
    ap.add_argument(
        "--reuse-yoast",
        action="store_true",
        help="reuse bench/results/yoast_output.json when Yoast's input is unchanged",
    )
    args = ap.parse_args(argv)

    settings = Settings()
    articles = [a for a in ARTICLES if not args.only or args.only in a.id]
    prepared: list[Prepared] = []
    errors: dict[str, str] = {}
    for a in articles:
        try:
            prepared.append(prepare(a, settings))
        except Exception as exc:  # one bad article never stops the bench
            errors[a.id] = f"ingest: {type(exc).__name__}: {exc}"

    reports: dict[str, Report] = {}
    for p in list(prepared):
        try:
            reports[p.article.id] = _analyse(p, settings)
        except Exception as exc:
            errors[p.article.id] = f"analyse: {type(exc).__name__}: {exc}"
            traceback.print_exc()
            prepared.remove(p)

    print(f"Timing plume on {len(prepared)} articles…", flush=True)
    load = {"before_plume": _load()}
    ptimes = time_plume(prepared, settings, args.repeat, args.warmup)
    load["after_plume"] = _load()
    widths = {p.article.id: plume_title_width(reports[p.article.id], p.title) for p in prepared}
    yoast_raw = run_yoast(
        [yoast_input(p, widths[p.article.id]) for p in prepared],
        args.yoast_repeat,
        args.yoast_warmup,
        args.reuse_yoast,
    )
    # From the run that produced the Yoast figures (an earlier one with --reuse-yoast).
    yoast_load = yoast_raw.get("load_average_1min") or {}
    load["before_yoast"] = yoast_load.get("before")
    load["after_yoast"] = yoast_load.get("after")
    yoast = {a["id"]: a for a in yoast_raw["articles"]}
    cold = {} if args.skip_cold else time_cold(prepared, args.cold_runs)

    rows, speed = speed_rows(prepared, reports, ptimes, yoast)
    agreement = compare(prepared, reports, yoast, widths)
    from importlib.metadata import version

    meta = {
        "date": time.strftime("%Y-%m-%d"),
        "articles": len(prepared),
        "sources": f"{sum(p.article.id.startswith('seed') for p in prepared)} seeds + "
        f"{sum(not p.article.id.startswith('seed') for p in prepared)} corpus pages",
        "plume_version": version("plume-seo"),
        "yoastseo_version": yoast_raw.get("yoastseo_version"),
        "node_version": yoast_raw.get("node_version"),
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
        "plume_checks_registered": sorted(REGISTRY),
        "load_average_1min": load,
    }

    meta_line = {k: v for k, v in yoast_raw.items() if k != "articles"}
    print_speed(rows, speed, meta_line)
    busy = {k: v for k, v in load.items() if v is not None and v > 0.5}
    if busy:
        print(
            f"Machine load (1-min average) during the timings: {busy} on {os.cpu_count()} CPUs: "
            "other processes were running, so absolute times are inflated and the ratio noisy."
        )
    if cold:
        print_cold(cold)
    print_agreement(agreement)
    print_disagreements(agreement)
    if errors:
        print("\n## Errors\n")
        for aid, e in errors.items():
            print(f"- {aid}: {e}")
    block = summary_block(speed, cold, agreement, meta)
    print("\n## Summary for docs/benchmarks.md\n")
    print(block)

    RESULTS.mkdir(parents=True, exist_ok=True)
    full = {
        "meta": meta,
        "speed": {"per_article": rows, "summary": speed, "yoast": meta_line},
        "cold": cold,
        "agreement": agreement,
        "errors": errors,
        "articles": [
            {
                "id": p.article.id,
                "path": p.article.path,
                "keyphrase": p.article.keyphrase,
                "title": p.title,
                "description": p.description,
                "slug": p.slug,
                "permalink": p.permalink,
                "plume_timing": ptimes.get(p.article.id),
                "plume_checks": [
                    c.model_dump(mode="json", exclude={"spans"})
                    for c in reports[p.article.id].checks
                ],
                "plume_stats": reports[p.article.id].stats.model_dump(),
                "yoast": yoast.get(p.article.id),
            }
            for p in prepared
        ],
        "summary_markdown": block,
    }
    (RESULTS / "latest.json").write_text(
        json.dumps(full, ensure_ascii=False, indent=1, default=str), encoding="utf-8"
    )
    print(f"\nFull results: {(RESULTS / 'latest.json').relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
