"""Benchmark (issue 4, "Benchmark"): rewrite mode on the corpus with the embedded model.

Runs ``plume optimise --rewrite`` in-process — :func:`plume.pipeline.optimise` in rewrite mode, as
``src/plume/cli/optimise.py`` calls it, with the CLI's defaults (keyphrase chosen by plume, no
word target unless the input's brief or ``--min-words`` gives one, 3 repair rounds, originality
ceiling 20 %) — on each article of ``../shared/corpus`` with the ``local`` backend (llama.cpp
through xllamacpp, Gemma 3 270M unless ``--model-path``), the model loaded once for the run.

Per article it prints: attempts (plan source, repair rounds, regenerations, calls, completions
cut at ``max_tokens``), tokens generated (completion tokens of every call: plan, sections,
repairs) against the final article's tokens and their ratio (issue 4's target: ≤ 1.5×), wall
time, words against the target, every hard constraint (the guards of
``plume.verify.guards`` and the analyser's ``HARD_CHECKS``) passed or failed, and the outcome:
passed, or a truthful failure — checked independently from the guards and the analyser, so a
failing article labelled as passing shows up as "LABEL WRONG". Then a summary: articles passed,
median ratio, share within 1.5×, median time, most frequent failing constraints.

The ratio is given three ways (see the README section): plume's own
``RewriteOutcome.generation_ratio`` (generated tokens counted by llama.cpp ÷ the body's tokens
*estimated* at 3.5 characters a token), and the same numerator over the final text counted by
Gemma's own tokenizer — the body alone, then the whole article (titles, description, headings,
body), since the plan's JSON generates the titles and headings too.

Everything also goes, as JSON, to ``bench/results/rewrite_corpus.json`` (git-ignored), rewritten
after each article so an interrupted run keeps what it measured.

Run on demand only (never in the test suite); ≈ 2 min an article on 2 cores:

    .venv/bin/python bench/rewrite_corpus.py --only 01-gala
    .venv/bin/python bench/rewrite_corpus.py                   # the 16 corpus articles
    .venv/bin/python bench/rewrite_corpus.py --seeds           # + the 5 seeds, one by one
    .venv/bin/python bench/rewrite_corpus.py --seeds-as-one    # + the 5 seeds as one job

``--instant`` answers every prompt with ``bench/instant_model.py`` (a model that follows each
instruction at once, on a loopback server): the ratio is then plume's own floor — the plan's JSON
and the fields around the article — what a perfect model would cost.

The same measures for any OpenAI-compatible endpoint (an instruction model: the figures the
README's table could not give), the final article still counted with Gemma's tokenizer:

    PLUME_API_KEY=… .venv/bin/python bench/rewrite_corpus.py --backend openai \
        --base-url https://api.mistral.ai/v1 --model mistral-small-latest

Per article it also gives what an editor reads (issue 19): the readability the analyser rates
(share of sentences over 20 words, passive share, transition words, longest paragraph, each
with Yoast's colour) and the repetitions left — the repetition guard's, and sentences of a part
restating an earlier part (``plume.write.rewrite.overlap``).

``--scripted`` plays the scripted "realistic" model of the tests
(``tests/support/rewrite_model.py``, ``Model(realistic=True)``: long sentences and the
standfirst restated in the first section, fixed only when a repair names them) on a loopback
server, on ``examples/article-brief.txt`` — the only text its answers are written for: the
repairs of issue 19 at work, in seconds, without a model:

    .venv/bin/python bench/rewrite_corpus.py --scripted --no-tokenizer
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from plume.backends.base import Backend, BackendWrapper, Completion
from plume.optimisation import OptimiseReport
from plume.settings import Settings

BENCH = Path(__file__).resolve().parent
SHARED = (BENCH.parent / ".." / "shared").resolve()
CORPUS = SHARED / "corpus" / "fr-articles"
SEEDS = SHARED / "seeds"
EXAMPLE = BENCH.parent / "examples" / "article-brief.txt"
RESULTS = BENCH / "results"
JSON_NAME = "rewrite_corpus.json"

#: Issue 4, "Cost and robustness": generated tokens ≤ 1.5 × the final article's tokens.
TARGET_RATIO = 1.5
#: The words rewrite mode asks for when no target is given: ``rewrite_article`` plans for
#: ``max(min_words or 0, 300)`` (src/plume/write/rewrite/loop.py), but only a given target is a guard.
ASKED_FLOOR = 300
#: The CLI's publication date is "now"; a fixed one keeps runs comparable (it only shows in the
#: article's metadata, never in a prompt).
PUBLISHED = datetime(2026, 1, 15, 9, 0, tzinfo=UTC)
#: Characters of each completion kept in the JSON (enough to read the typical failure text).
KEEP_CHARS = 1200
#: Throughput of the embedded model on an idle 2-core machine, as measured in
#: ``src/plume/backends/local.py`` (module docstring): ≈ 48 tokens/s generated, ≈ 330 prompt
#: tokens/s read. Used only to print what a run would take without other jobs on the CPUs.
IDLE_GEN_TOK_S = 48.0
IDLE_PROMPT_TOK_S = 330.0
#: Characters of the system prompt's opening looked for in completions and in the final
#: article: a small model often recites its instructions instead of writing.
ECHO_CHARS = 40


def _load() -> float | None:
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return None


# --------------------------------------------------------------------------------------------
# Calls, as the backend sees them


def _markers() -> list[tuple[str, str]]:
    """(kind, marker) per rewrite prompt: the instruction's first words after ``{sources}``,
    read from the prompt file itself so that a reworded prompt is still recognised."""
    from plume.lang.fr import rewrite_prompts as _prompts  # plume's own prompt file

    prompts = _prompts()
    out: list[tuple[str, str]] = []
    # "paraphrase": a base model's few-shot completion (lead and sections alike).
    for kind in ("plan", "intro", "section", "field", "paraphrase"):
        tail = prompts[kind].split("{sources}")[-1]
        # The first words of fixed text (the who's-who placeholder may come first).
        fixed = next((t.strip() for t in re.split(r"\{[^}]*\}", tail) if t.strip()), "")
        out.append((kind, fixed[:30]))
    return out


@dataclass
class _Call:
    kind: str
    repair: bool
    max_tokens: int
    completion: Completion


class RecordingBackend(BackendWrapper):
    """The shared local backend, seen by one article: every call's kind (plan, intro, section,
    field; repair or not), its token counts, time, finish reason and text."""

    def __init__(self, inner: Backend, markers: list[tuple[str, str]], repair_marker: str) -> None:
        super().__init__(inner)  # does not own the model: it stays loaded for the next article
        self.markers = markers
        self.repair_marker = repair_marker
        self.calls: list[_Call] = []

    def around(self, text: str, max_tokens: int, call: Callable[[], Completion]) -> Completion:
        result = call()
        # The instruction comes right after the sources and before any quoted draft, so the
        # earliest marker names the call even when a quoted draft recites another prompt.
        found = [(text.find(m), k) for k, m in self.markers if m and m in text]
        kind = min(found)[1] if found else "other"
        repair = bool(self.repair_marker) and self.repair_marker in text
        self.calls.append(_Call(kind, repair, max_tokens, result))
        return result


# --------------------------------------------------------------------------------------------
# Gemma's tokenizer, through llama.cpp


class TokenCounter:
    """Tokens of a text by the local model's own tokenizer: llama.cpp reports the prompt's
    token count (``usage.prompt_tokens``), the BOS token included, which is measured once on an
    empty prompt and taken off. One call per paragraph keeps every prompt inside the window."""

    def __init__(self, backend: Any) -> None:
        self.backend = backend
        self.bos = self._raw("")

    def _raw(self, text: str) -> int:
        c = self.backend.complete(text, max_tokens=1, temperature=0.0, seed=0, stop=[])
        return int(c.prompt_tokens)

    def count(self, texts: Sequence[str]) -> int:
        return sum(self._raw(t) - self.bos for t in texts if t.strip())


# --------------------------------------------------------------------------------------------
# One article


@dataclass(frozen=True)
class Job:
    name: str
    paths: tuple[Path, ...]


def _jobs(only: Sequence[str], seeds: bool, seeds_as_one: bool) -> list[Job]:
    jobs = [Job(p.name, (p,)) for p in sorted(CORPUS.iterdir()) if p.is_file()]
    seed_paths = sorted(SEEDS.glob("*.txt"))
    if seeds:
        jobs += [Job(f"seed {p.name}", (p,)) for p in seed_paths]
    if seeds_as_one and seed_paths:
        jobs.append(Job(f"seeds ×{len(seed_paths)} (one story)", tuple(seed_paths)))
    if only:
        jobs = [j for j in jobs if any(s.lower() in j.name.lower() for s in only)]
    return jobs


def _constraints(result: OptimiseReport) -> dict[str, dict[str, Any]]:
    """Every hard constraint: the guards in their run order, then the analyser's hard checks.
    Status "fail" (a hard violation), "soft" (only soft findings: they never block), "pass",
    or "n/a" (a word target that was not given; a check that could not run)."""
    from plume.report import Rating
    from plume.verify import HARD_CHECKS, hard_check_fails
    from plume.verify.guards import GUARDS

    assert result.guards is not None
    out: dict[str, dict[str, Any]] = {}
    for g in GUARDS:
        found = [v for v in result.guards.violations if v.guard == g]
        hard = [v for v in found if v.hard]
        status = "fail" if hard else ("soft" if found else "pass")
        if g == "word_target" and not result.min_words:
            status = "n/a"
        entry: dict[str, Any] = {
            "status": status,
            "fields": sorted({v.field for v in hard}),
            "soft_fields": sorted({v.field for v in found if not v.hard}),
            "messages": [v.message_en for v in found][:12],
            "excerpts": [v.excerpt for v in found if v.excerpt][:6],
        }
        if g == "originality":
            o = result.guards.originality
            entry |= {"share": round(o.share, 3), "ceiling": o.ceiling, "ngrams": o.ngrams}
        if g == "facts":
            entry["unsupported"] = [v.fact.text for v in result.fact_check.violations]
        out[g] = entry
    checks = {c.code: c for c in result.after.checks}
    for code, where in HARD_CHECKS.items():
        c = checks.get(code)
        if c is None or c.rating is Rating.NA:
            status = "n/a"
        else:
            status = "fail" if hard_check_fails(code, c.rating) else "pass"
            if status == "pass" and c.rating is Rating.OK:  # orange: a warning, as in Yoast
                status = "soft"
        out[code] = {
            "status": status,
            "field": where,
            "rating": c.rating.value if c else None,
            "message": c.message if c else None,
        }
    return out


#: The readability checks an editor reads, with the measure each reports (issue 19).
READABILITY = {
    "RD-SENTENCE-LENGTH": "share",
    "RD-PASSIVE": "share",
    "RD-TRANSITIONS": "share",
    "RD-PARAGRAPH-LENGTH": "longest",
}


def _readability(result: OptimiseReport) -> dict[str, dict[str, Any]]:
    """The final article's readability as the analyser rates it: rating and measure."""
    out: dict[str, dict[str, Any]] = {}
    for c in result.after.checks:
        if c.code in READABILITY:
            value = c.value.get(READABILITY[c.code])
            out[c.code] = {"rating": c.rating.value, "value": value, "message": c.message}
    return out


def _repetitions(result: OptimiseReport) -> dict[str, Any]:
    """The repetitions left in the final article: the repetition guard's findings (hard: a
    sentence or paragraph repeated nearly word for word) and sentences restating an earlier
    part in other words (``find_overlaps``: soft, repaired while the budget lasts)."""
    from plume.write.rewrite.overlap import find_overlaps

    assert result.guards is not None
    guard = [v.excerpt for v in result.guards.violations if v.guard == "repetition"]
    a = result.article
    overlaps = find_overlaps(a.intro, [s.paragraphs for s in a.sections])
    return {
        "guard": guard,
        "overlaps": [
            {"field": o.field, "sentence": o.sentence, "earlier": o.earlier_field, "share": o.share}
            for o in overlaps
        ],
    }


def _article_texts(result: OptimiseReport) -> tuple[list[str], list[str]]:
    """The final article's body paragraphs, and its other generated text (H1, SEO title,
    description, headings, FAQ, reader questions); the slug is derived, not generated."""
    a = result.article
    apparatus = [a.title, a.seo_title, a.meta_description, *(s.heading for s in a.sections)]
    apparatus += [t for f in a.faq for t in (f.question, f.answer)]
    apparatus += list(a.reader_questions)
    return a.body_paragraphs(), apparatus


def run_job(
    job: Job,
    settings: Settings,
    backend: Backend,
    counter: TokenCounter | None,
    args: argparse.Namespace,
) -> dict[str, Any]:
    from plume.backends.base import count_tokens_estimate
    from plume.document import EditorFields
    from plume.errors import PlumeError
    from plume.ingest import read_path
    from plume.lang.fr import rewrite_prompts as _prompts
    from plume.pipeline import Mode, OptimiseRequest, optimise

    repair_marker = _prompts()["repair"].strip().split("{")[0].strip()[:30]
    rec = RecordingBackend(backend, _markers(), repair_marker)
    row: dict[str, Any] = {"article": job.name, "files": [str(p) for p in job.paths]}
    load_before = _load()
    t0 = time.perf_counter()
    try:
        docs = [read_path(p, settings) for p in job.paths]
        request = OptimiseRequest(
            sources=tuple(docs),
            settings=settings,
            # No keyphrase: plume chooses it, as the CLI does without --keyphrase.
            fields=EditorFields(min_words=args.min_words),
            mode=Mode.REWRITE,
            published=PUBLISHED,
            max_rounds=args.max_repairs,
            originality_ceiling=args.originality_ceiling,
            model_name=args.model_label,
        )
        result = optimise(request, backend=rec)
    except PlumeError as exc:
        row |= {
            "outcome": "error",
            "error": exc.message("en"),
            "error_type": type(exc).__name__,
            "wall_s": round(time.perf_counter() - t0, 1),
            "calls_seen": len(rec.calls),
        }
        return row
    wall = time.perf_counter() - t0
    rw = result.rewrite
    assert rw is not None and result.guards is not None

    constraints = _constraints(result)
    failing = [k for k, v in constraints.items() if v["status"] == "fail"]
    # Independent verdict: no hard guard violation and no failing hard check. The label must
    # agree with it (issue 4: a failing article is never presented as passing).
    truly_passes = not failing
    label_ok = rw.passed == truly_passes and bool(rw.failures) != rw.passed
    outcome = ("passed" if rw.passed else "truthful failure") if label_ok else "LABEL WRONG"

    generated = sum(c.completion.completion_tokens for c in rec.calls)
    body, apparatus = _article_texts(result)
    estimate_body = count_tokens_estimate(" ".join(body))
    tokens: dict[str, Any] = {
        "prompt": rw.usage.prompt_tokens,
        "generated": rw.usage.completion_tokens,
        "generated_seen_by_backend": generated,
        "final_body_estimate": estimate_body,
        "ratio_plume": rw.generation_ratio,
    }
    if counter is not None:
        tb = counter.count(body)
        ta = counter.count(apparatus)
        # Both sides by Gemma's tokenizer: another backend's usage counts its own tokens (or,
        # for the instant model's server, words), so its answers are counted here again.
        if settings.backend.name != "local":
            generated = counter.count([c.completion.text for c in rec.calls])
        tokens |= {
            "generated_gemma": generated,
            "final_body_gemma": tb,
            "final_article_gemma": tb + ta,
            "ratio_body_gemma": round(generated / tb, 2) if tb else None,
            "ratio_article_gemma": round(generated / (tb + ta), 2) if tb + ta else None,
        }
    kinds = Counter(f"{c.kind}{' (repair)' if c.repair else ''}" for c in rec.calls)
    by_kind: Counter[str] = Counter()
    for c in rec.calls:
        by_kind[c.kind] += c.completion.completion_tokens
    tokens["generated_by_kind"] = dict(by_kind)
    echo = _prompts()["system"][:ECHO_CHARS]
    idle_s = (
        rw.usage.completion_tokens / IDLE_GEN_TOK_S + rw.usage.prompt_tokens / IDLE_PROMPT_TOK_S
    )
    row |= {
        "outcome": outcome,
        "passed": rw.passed,
        "label_ok": label_ok,
        "keyphrase": result.keyphrase,
        "keyphrase_source": result.keyphrase_source,
        "plan_source": rw.plan_source,
        "plan_problem": rw.plan_problem,
        "rounds": rw.rounds,
        "regenerations": len(rw.repairs),
        "repairs": [r.model_dump() for r in rw.repairs],
        "calls": rw.usage.calls,
        "calls_seen_by_backend": len(rec.calls),
        "calls_by_kind": dict(kinds),
        "cut_at_max_tokens": sum(1 for c in rec.calls if c.completion.finish_reason == "length"),
        "tokens": tokens,
        "wall_s": round(wall, 1),
        "model_s": round(rw.usage.seconds, 1),
        "model_idle_estimate_s": round(idle_s, 1),
        "generated_tok_per_s": round(rw.usage.completion_tokens / rw.usage.seconds, 1)
        if rw.usage.seconds
        else None,
        "completions_echoing_prompt": sum(1 for c in rec.calls if echo in c.completion.text),
        "final_paragraphs_echoing_prompt": sum(1 for t in body + apparatus if echo in t),
        "words": result.words,
        "min_words": result.min_words,
        "words_asked": max(result.min_words or 0, ASKED_FLOOR),
        "source_words": result.before.stats.words,
        "constraints": constraints,
        "failing": failing,
        "readability": _readability(result),
        "repetitions": _repetitions(result),
        "repaired_codes": dict(Counter(c for r in rw.repairs for c in r.codes)),
        "failures": rw.failures,
        "removed": rw.removed,
        "translated": rw.translated,
        "load_1min": [load_before, _load()],
        "article_final": {
            "title": result.article.title,
            "seo_title": result.article.seo_title,
            "meta_description": result.article.meta_description,
            "intro": result.article.intro,
            "sections": [
                {"heading": s.heading, "paragraphs": s.paragraphs} for s in result.article.sections
            ],
        },
        "completions": [
            {
                "kind": c.kind,
                "repair": c.repair,
                "max_tokens": c.max_tokens,
                "prompt_tokens": c.completion.prompt_tokens,
                "completion_tokens": c.completion.completion_tokens,
                "seconds": round(c.completion.seconds, 2),
                "finish_reason": c.completion.finish_reason,
                "structured": c.completion.structured,
                "text": c.completion.text[:KEEP_CHARS],
            }
            for c in rec.calls
        ],
    }
    return row


# --------------------------------------------------------------------------------------------
# Printing


_MARK = {"pass": "✓", "fail": "✗", "soft": "~", "n/a": "–"}
_COLOUR = {"good": "vert", "ok": "orange", "bad": "ROUGE", "na": "–"}


def _ratio(x: float | None) -> str:
    return "—" if x is None else f"{x:.2f}×"


def print_article(row: dict[str, Any], out: Any = sys.stdout) -> None:
    def p(s: str = "") -> None:
        print(s, file=out, flush=True)

    p(f"### {row['article']} — {row['outcome']}")
    p()
    if row["outcome"] == "error":
        p(f"- error ({row['error_type']}): {row['error']} — after {row['wall_s']} s")
        p()
        return
    t = row["tokens"]
    kinds = ", ".join(f"{k} {n}" for k, n in sorted(row["calls_by_kind"].items()))
    p(f"- keyphrase: « {row['keyphrase']} » ({row['keyphrase_source']})")
    plan = row["plan_source"] + (f" ({row['plan_problem']})" if row["plan_problem"] else "")
    p(
        f"- attempts: plan {plan}; {row['rounds']} repair round(s), "
        f"{row['regenerations']} regeneration(s); {row['calls']} calls ({kinds}); "
        f"{row['cut_at_max_tokens']} cut at max_tokens"
    )
    line = (
        f"- tokens: {t['generated']} generated (prompts {t['prompt']}); final body "
        f"{t['final_body_estimate']} estimated → plume ratio {_ratio(t['ratio_plume'])}"
    )
    if "final_body_gemma" in t:
        line += (
            f"; Gemma tokenizer: body {t['final_body_gemma']} → {_ratio(t['ratio_body_gemma'])}, "
            f"whole article {t['final_article_gemma']} → {_ratio(t['ratio_article_gemma'])}"
        )
    p(line)
    if (
        t["generated_seen_by_backend"] != t["generated"]
        or row["calls_seen_by_backend"] != row["calls"]
    ):
        p(
            f"- **counting mismatch**: the backend saw {row['calls_seen_by_backend']} calls / "
            f"{t['generated_seen_by_backend']} tokens, the report counts {row['calls']} / "
            f"{t['generated']}"
        )
    p(
        f"- time: {row['wall_s']} s wall ({row['model_s']} s in the model, "
        f"{row['generated_tok_per_s']} generated tok/s; ≈ {row['model_idle_estimate_s']} s "
        "of model time on an idle machine)"
    )
    p(
        "- generated tokens by call kind: "
        + ", ".join(f"{k} {n}" for k, n in sorted(t["generated_by_kind"].items()))
        + f"; completions reciting the system prompt: {row['completions_echoing_prompt']}"
        + f" / {row['calls']}, final paragraphs reciting it: "
        + str(row["final_paragraphs_echoing_prompt"])
    )
    target = row["min_words"] if row["min_words"] else f"none given ({row['words_asked']} asked)"
    p(f"- words: {row['words']} / target {target} (source {row['source_words']})")
    parts = []
    for name, c in row["constraints"].items():
        extra = ""
        if name == "originality":
            extra = f" {c['share']:.0%}"
        if c["status"] == "fail" and c.get("fields"):
            shown = ", ".join(c["fields"][:4]) + ("…" if len(c["fields"]) > 4 else "")
            extra += f" ({shown})"
        parts.append(f"{name} {_MARK[c['status']]}{extra}")
    p("- constraints: " + " · ".join(parts))
    read = row["readability"]
    if read:
        shown = []
        for code, c in read.items():
            value = c["value"]
            unit = "" if code == "RD-PARAGRAPH-LENGTH" else " %"
            shown.append(f"{code} {_COLOUR.get(c['rating'], c['rating'])} {value}{unit}")
        p("- readability: " + " · ".join(shown))
    reps = row["repetitions"]
    p(
        f"- repetitions left: {len(reps['guard'])} (guard), {len(reps['overlaps'])} restating "
        "an earlier part"
        + "".join(f"; {o['field']} ← {o['earlier']} ({o['share']:.0%})" for o in reps["overlaps"])
    )
    if row["repaired_codes"]:
        p("- repaired: " + ", ".join(f"{k} ×{n}" for k, n in sorted(row["repaired_codes"].items())))
    for f in row["failures"][:8]:
        p(f"  - ✗ {f}")
    if len(row["failures"]) > 8:
        p(f"  - … {len(row['failures']) - 8} more")
    if row["removed"]:
        p(f"- removed (unsupported facts): {len(row['removed'])} sentence(s)")
    p()


def summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    done = [r for r in rows if r["outcome"] != "error"]
    ratios = [r["tokens"]["ratio_plume"] for r in done if r["tokens"]["ratio_plume"] is not None]
    gemma = [
        r["tokens"]["ratio_article_gemma"]
        for r in done
        if r["tokens"].get("ratio_article_gemma") is not None
    ]
    failing = Counter(name for r in done for name in r["failing"])
    return {
        "articles": len(rows),
        "errors": len(rows) - len(done),
        "passed": sum(1 for r in done if r["passed"]),
        "label_wrong": sum(1 for r in done if not r["label_ok"]),
        "median_ratio_plume": round(statistics.median(ratios), 2) if ratios else None,
        "within_target_plume": sum(1 for x in ratios if x <= TARGET_RATIO),
        "median_ratio_article_gemma": round(statistics.median(gemma), 2) if gemma else None,
        "within_target_article_gemma": sum(1 for x in gemma if x <= TARGET_RATIO),
        "measured_ratios": len(ratios),
        "median_wall_s": round(statistics.median(r["wall_s"] for r in done), 1) if done else None,
        "median_model_idle_estimate_s": round(
            statistics.median(r["model_idle_estimate_s"] for r in done), 1
        )
        if done
        else None,
        "cut_at_max_tokens": [
            sum(r["cut_at_max_tokens"] for r in done),
            sum(r["calls"] for r in done),
        ],
        "final_reciting_prompt": sum(1 for r in done if r["final_paragraphs_echoing_prompt"]),
        "median_words": statistics.median(r["words"] for r in done) if done else None,
        "median_rounds": statistics.median(r["rounds"] for r in done) if done else None,
        "median_calls": statistics.median(r["calls"] for r in done) if done else None,
        "failing_constraints": failing.most_common(),
        "readability_red": dict(
            Counter(
                code
                for r in done
                for code, c in r.get("readability", {}).items()
                if c["rating"] == "bad"
            )
        ),
        "articles_with_overlaps": sum(1 for r in done if r.get("repetitions", {}).get("overlaps")),
        "articles_with_repetitions": sum(1 for r in done if r.get("repetitions", {}).get("guard")),
    }


def _shares(row: dict[str, Any]) -> str:
    """ "40 % ROUGE / 0 % / 35 %": the readability shares of one article, red marked."""
    out = []
    for code in ("RD-SENTENCE-LENGTH", "RD-PASSIVE", "RD-TRANSITIONS"):
        c = row["readability"].get(code)
        if c is None:
            out.append("–")
        else:
            out.append(f"{c['value']} %" + (" ROUGE" if c["rating"] == "bad" else ""))
    return " / ".join(out)


def print_summary(rows: list[dict[str, Any]], s: dict[str, Any], meta: dict[str, Any]) -> None:
    print("## Per article\n")
    print(
        "| article | outcome | rounds / calls | generated | final (est.) | ratio plume | "
        "ratio Gemma (article) | time s | words / target | failing | long sent. / passive / "
        "transitions | restated |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---|---|---:|")
    for r in rows:
        if r["outcome"] == "error":
            print(f"| {r['article']} | error: {r['error'][:60]} | | | | | | {r['wall_s']} | | |")
            continue
        t = r["tokens"]
        target = r["min_words"] or f"({r['words_asked']})"
        print(
            f"| {r['article']} | {r['outcome']} | {r['rounds']} / {r['calls']} | "
            f"{t['generated']} | {t['final_body_estimate']} | {_ratio(t['ratio_plume'])} | "
            f"{_ratio(t.get('ratio_article_gemma'))} | {r['wall_s']} | "
            f"{r['words']} / {target} | {', '.join(r['failing']) or '—'} | "
            f"{_shares(r)} | {len(r['repetitions']['overlaps'])} |"
        )
    n = s["measured_ratios"]
    print("\n## Summary\n")
    print("<!-- rewrite-bench-summary:start -->")
    print(
        f"Rewrite-mode benchmark of {meta['date']} ({s['articles']} articles; {meta['model']}; "
        f"--max-repairs {meta['max_repairs']}, word target "
        f"{meta['min_words'] or 'the CLI default (none unless the brief gives one)'}; "
        f"{meta['cpus']} CPUs, load {meta['load_start']}–{meta['load_end']}).\n"
    )
    print("| measure | value | target |")
    print("|---|---:|---|")
    print(f"| articles passing every hard constraint | {s['passed']} / {s['articles']} | |")
    print(f"| failing article labelled as passing | {s['label_wrong']} | 0 |")
    if s["errors"]:
        print(f"| articles that stopped with an error | {s['errors']} | |")
    print(
        f"| median generated ÷ final tokens (plume's ratio) | {_ratio(s['median_ratio_plume'])} "
        f"| ≤ {TARGET_RATIO}× |"
    )
    print(
        f"| articles within {TARGET_RATIO}× (plume's ratio) | {s['within_target_plume']} / {n} | |"
    )
    if s["median_ratio_article_gemma"] is not None:
        print(
            "| median generated ÷ whole article, Gemma tokenizer | "
            f"{_ratio(s['median_ratio_article_gemma'])} | ≤ {TARGET_RATIO}× |"
        )
        print(
            f"| articles within {TARGET_RATIO}× (Gemma tokenizer) | "
            f"{s['within_target_article_gemma']} / {n} | |"
        )
    print(f"| median time per article | {s['median_wall_s']} s | |")
    print(
        "| median model time per article on an idle machine (estimate) | "
        f"{s['median_model_idle_estimate_s']} s | |"
    )
    cut, calls = s["cut_at_max_tokens"]
    print(f"| completions cut at max_tokens | {cut} / {calls} | |")
    print(
        f"| final articles reciting the system prompt | {s['final_reciting_prompt']} / "
        f"{s['articles'] - s['errors']} | 0 |"
    )
    print(f"| median repair rounds / calls | {s['median_rounds']} / {s['median_calls']} | |")
    print(f"| median words of the final article | {s['median_words']} | |")
    top = ", ".join(f"{name} ({k})" for name, k in s["failing_constraints"][:8]) or "—"
    print(f"| most frequent failing constraints (articles) | {top} | |")
    red = ", ".join(f"{k} ({n})" for k, n in sorted(s["readability_red"].items())) or "—"
    print(f"| readability rated red (articles) | {red} | none |")
    print(f"| articles with a part restating an earlier one | {s['articles_with_overlaps']} | 0 |")
    print("<!-- rewrite-bench-summary:end -->")


# --------------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--only", action="append", default=[], help="articles whose name contains …")
    ap.add_argument("--seeds", action="store_true", help="add the 5 seeds, one job each")
    ap.add_argument("--seeds-as-one", action="store_true", help="add the 5 seeds as one job")
    ap.add_argument("--min-words", type=int, default=None, help="word target (CLI default: none)")
    ap.add_argument("--max-repairs", type=int, default=3, help="repair rounds (CLI default: 3)")
    ap.add_argument("--originality-ceiling", type=float, default=0.20, help="CLI default: 0.20")
    ap.add_argument("--model-path", type=Path, default=None, help="another GGUF for `local`")
    ap.add_argument(
        "--backend",
        choices=("local", "openai"),
        default="local",
        help="`openai`: any OpenAI-compatible endpoint (--base-url, --model; key in PLUME_API_KEY)",
    )
    ap.add_argument("--base-url", default=None, help="the endpoint, with --backend openai")
    ap.add_argument("--model", default=None, help="the model's name, with --backend openai")
    ap.add_argument(
        "--instant",
        action="store_true",
        help="--backend openai against bench/instant_model.py (a model that follows every "
        "instruction at once, on a loopback server): plume's own share of the tokens",
    )
    ap.add_argument(
        "--scripted",
        action="store_true",
        help="--backend openai against the tests' realistic scripted model "
        "(tests/support/rewrite_model.py) on examples/article-brief.txt: the repairs of "
        "issue 19 exercised without a model",
    )
    ap.add_argument(
        "--threads",
        type=int,
        default=None,
        help="llama.cpp threads (default: the settings', 2); 1 when other jobs share the CPUs",
    )
    ap.add_argument(
        "--no-tokenizer",
        action="store_true",
        help="skip counting the final article with Gemma's tokenizer (≈ 5 s an article)",
    )
    ap.add_argument("--out", type=Path, default=RESULTS / JSON_NAME, help="JSON output")
    args = ap.parse_args(argv)

    from plume.render.files import write_outputs
    from plume.settings import load_settings
    from plume.verify.facts import check_facts

    server = None
    if args.scripted:
        sys.path.insert(0, str(BENCH.parent))  # tests.support
        from tests.support.openai_server import OpenAIServer
        from tests.support.rewrite_model import Model

        server = OpenAIServer(responder=Model(realistic=True)).start()
        args.backend, args.base_url, args.model = "openai", server.base_url, "scripted-realistic"
        os.environ.setdefault("PLUME_API_KEY", "sk-bench-scripted")
    elif args.instant:
        sys.path.insert(0, str(BENCH.parent))  # tests.support, bench.instant_model
        from bench.instant_model import respond
        from tests.support.openai_server import OpenAIServer

        server = OpenAIServer(responder=respond).start()
        args.backend, args.base_url, args.model = "openai", server.base_url, "instant"
        os.environ.setdefault("PLUME_API_KEY", "sk-bench-instant")
    # As the CLI builds them (config file and PLUME_* apply), with the backend given here.
    chosen: dict[str, Any] = {"name": args.backend, "threads": args.threads}
    if args.backend == "local":
        chosen["model_path"] = args.model_path
    else:
        chosen |= {"base_url": args.base_url, "model": args.model}
    settings = load_settings({"backend": {k: v for k, v in chosen.items() if v is not None}})
    from plume.backends import backend_from_settings, model_label

    args.model_label = model_label(settings.backend)
    jobs = _jobs(args.only, args.seeds, args.seeds_as_one)
    if args.scripted:
        # Its answers are written for the example's facts: on another text they would be
        # inventions, and the run would measure the fact check, not the repairs.
        jobs = [Job("example (scripted realistic model)", (EXAMPLE,))]
        # The tests' target: the scripted texts hold ≈ 370 words, the example's brief asks 600.
        args.min_words = args.min_words or 300
    if not jobs:
        print(f"no article matches {args.only} in {CORPUS}", file=sys.stderr)
        return 2

    load_start = _load()
    backend = backend_from_settings(settings.backend)
    # Gemma's tokenizer counts the final article whichever model wrote it, so that ratios
    # compare across backends: with `openai`, the embedded model is loaded for counting only.
    counting = backend
    if args.backend != "local" and not args.no_tokenizer:
        counting = backend_from_settings(load_settings({"backend": {"name": "local"}}).backend)
    t0 = time.perf_counter()
    # Loads the model now, once for the whole run (it loads lazily on the first call).
    counter = TokenCounter(counting) if not args.no_tokenizer else None
    if counter is None and not args.scripted:  # the scripted model answers chat turns only
        backend.complete("Bonjour", max_tokens=1, temperature=0.0, seed=0, stop=[])
    model_load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    check_facts("Emmanuel Macron est à Paris.", "Emmanuel Macron est à Paris.")  # loads spaCy
    spacy_load_s = time.perf_counter() - t0

    b = settings.backend
    meta: dict[str, Any] = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d"),
        "model": args.model_label,
        "backend": {
            "name": b.name,
            "n_ctx": b.n_ctx,
            "threads": b.threads,
            "temperature": b.temperature,
            "seed": b.seed,
        },
        "min_words": args.min_words,
        "max_repairs": args.max_repairs,
        "originality_ceiling": args.originality_ceiling,
        "model_load_s": round(model_load_s, 2),
        "spacy_load_s": round(spacy_load_s, 2),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "load_start": load_start,
        "load_end": None,
    }
    print(f"# Rewrite mode on the corpus, backend {b.name}\n")
    print(
        f"{len(jobs)} article(s); {meta['model']}; n_ctx {b.n_ctx}, {b.threads} threads, "
        f"temperature {b.temperature}, seed {b.seed}; --max-repairs {args.max_repairs}, "
        f"--min-words {args.min_words}, originality ceiling {args.originality_ceiling:.0%}. "
        f"Model load {model_load_s:.1f} s, spaCy load {spacy_load_s:.1f} s (once, not counted "
        "in the times below).\n",
        flush=True,
    )
    rows: list[dict[str, Any]] = []
    try:
        for job in jobs:
            print(f"… {job.name}", file=sys.stderr, flush=True)
            row = run_job(job, settings, backend, counter, args)
            rows.append(row)
            print_article(row)
            meta["load_end"] = _load()
            payload = {"meta": meta, "summary": summary(rows), "articles": rows}
            text = json.dumps(payload, ensure_ascii=False, indent=1) + "\n"
            write_outputs(args.out.parent, {args.out.name: text})
    finally:
        backend.close()
        if counting is not backend:
            counting.close()
        if server is not None:
            server.stop()
    print_summary(rows, summary(rows), meta)
    print(f"\nJSON: {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
