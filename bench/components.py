"""Benchmark: the speed of plume's components, one table.

Run: ``.venv/bin/python bench/components.py`` (about half a minute; ``--repeat``, ``--cold-runs``).

Prints, per component: what is measured, the median warm time (``--repeat`` timed runs after
``WARMUP`` untimed ones, in this process), the first-call time where it differs in kind (measured
in fresh interpreters, because a cold cache cannot be recreated inside a warm process), and the
target the component had when its speed was asserted in a unit test. Speed is measured here, on
demand, never in the test suite: timings fail at random on a loaded machine.

Material: the seed ``000_…`` of ``../shared/seeds`` without its English brief line, cut to exactly
1,000 words (16 real paragraphs, scraping artefacts included), and the HTML pages of
``../shared/corpus/fr-articles``. Before each timed run the caches keyed on a text (not those on a
word or on the language data) are cleared, so each run sees the text as a new article would.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TypeVar

from plume import text as T
from plume.analyse.audit import analyse_document
from plume.analyse.checks import typography as check_typography
from plume.analyse.keyphrase import KeyphraseMatcher
from plume.analyse.language import detect_language
from plume.analyse.passive import passive_spans
from plume.analyse.researches import Research
from plume.analyse.suggest import suggest_keyphrases
from plume.analyse.transitions import transition_spans
from plume.clean import clean
from plume.clean import protect as clean_protect
from plume.clean import typography as clean_typography
from plume.document import Document
from plume.ingest import read_path, read_text
from plume.lang.fr.lexicon import Lexicon
from plume.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / "../shared").resolve()
SEED = next((SHARED / "seeds").glob("000_*.txt"))
HTML_PAGES = sorted((SHARED / "corpus/fr-articles").glob("*.html"))
PLUME = Path(sys.executable).with_name("plume")  # the venv's console script
WORDS = 1000
KEYPHRASE = "conseil d’administration"  # 4 occurrences in the 1,000 words of seed 000
WARMUP = 2  # untimed runs before the timed ones: data loaded, regexes compiled

A = TypeVar("A")


@dataclass(frozen=True, slots=True)
class Row:
    component: str
    measured: str
    warm_ms: float | None  # median of the timed warm runs
    first_ms: float | None  # first call, cold (fresh process) unless `measured` says otherwise
    target: str  # the bound of the old unit test, or where the component's budget comes from


def thousand_words() -> list[str]:
    """Seed 000's paragraphs without the English brief line, cut to exactly ``WORDS`` words."""
    lines = [ln.strip() for ln in SEED.read_text(encoding="utf-8").splitlines() if ln.strip()]
    paragraphs: list[str] = []
    left = WORDS
    for line in lines[1:]:  # line 1: "Make this article seo compatible, …"
        words = line.split()[:left]
        paragraphs.append(" ".join(words))
        left -= len(words)
        if not left:
            break
    assert not left, f"{SEED.name} has fewer than {WORDS} words"
    return paragraphs


def const(value: A) -> Callable[[], A]:
    return lambda: value


def new_article() -> None:
    """Forget what was cached about a text (tokens, URL masks, protected spans, language of a
    block): a new article finds these caches cold, while word- and data-keyed caches stay warm."""
    T._words.cache_clear()
    T._sentences.cache_clear()
    check_typography.url_mask.cache_clear()
    clean_protect.protected.cache_clear()
    clean_typography.looks_english.cache_clear()


def warm(run: Callable[[A], object], prepare: Callable[[], A], repeat: int) -> float:
    """Median ms of ``run(prepare())`` over ``repeat`` runs after ``WARMUP``; ``prepare`` is
    untimed and starts with :func:`new_article`."""
    times = []
    for i in range(WARMUP + repeat):
        new_article()
        arg = prepare()
        t = time.perf_counter()
        run(arg)
        if i >= WARMUP:
            times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def cold(setup: str, timed: str, runs: int, *args: str) -> float:
    """Median ms of ``timed`` run once in each of ``runs`` fresh interpreters, after ``setup``
    (untimed: interpreter start-up and the imports it names); ``args`` are in ``sys.argv[1:]``."""
    code = f"import sys, time\n{setup}\nt = time.perf_counter()\n{timed}\n"
    code += "print((time.perf_counter() - t) * 1000)\n"
    out = []
    for _ in range(runs):
        proc = subprocess.run(
            [sys.executable, "-c", code, *args],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        out.append(float(proc.stdout.split()[-1]))
    return statistics.median(out)


def cli_wall(path: Path, runs: int) -> float:
    """Median wall ms of ``plume analyse PATH --format json`` in a fresh process, as a user
    starts it (interpreter start-up and every import included, output discarded)."""
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        proc = subprocess.run(
            [str(PLUME), "analyse", str(path), "--format", "json"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        out.append(time.perf_counter() - t)
        if proc.returncode != 0:
            raise SystemExit(f"plume analyse failed ({proc.returncode}): {proc.stderr[-500:]}")
    return statistics.median(out) * 1000


def measure(repeat: int, cold_runs: int, tmp: Path) -> list[Row]:
    settings = Settings()
    paragraphs = thousand_words()
    txt = tmp / "mille-mots.txt"
    txt.write_text("\n\n".join(paragraphs), encoding="utf-8")
    doc = read_text(txt.read_text(encoding="utf-8"), settings)
    research = Research(doc)
    sents = research.sentences
    text = doc.text
    n_w = f"{WORDS:,} words"
    what_sents = f"{len(sents)} sentences, {n_w}"

    def fresh_doc() -> Document:
        return read_text(text, settings)

    def fresh_research() -> Research:
        r = Research(doc)
        assert r.sentences  # computed once per document by the analyser anyway: not timed
        return r

    def parsed_matcher(tokens_cached: bool) -> KeyphraseMatcher:
        # A new matcher (it memoises its results per text) with its phrase already parsed.
        m = KeyphraseMatcher(KEYPHRASE)
        m.find(KEYPHRASE)
        if tokens_cached:  # as when the research has tokenised the text before
            T.words(text)
        return m

    def tokenise(ps: Sequence[str]) -> int:
        n = 0
        for p in ps:
            n += len(T.words(p))
            for s in T.sentences(p):
                n += sum(T.syllables(w.text) for w in s.words)
        return n

    def none() -> None:
        return None

    rows: list[Row] = []
    rows.append(
        Row(
            "tokenizer",
            f"words + sentences + syllables, {len(paragraphs)} paragraphs, {n_w}",
            warm(lambda _: tokenise(paragraphs), none, repeat),
            None,
            "< 10 ms with count_words (brief); test failed above 25 ms",
        )
    )
    rows.append(
        Row(
            "count_words",
            f"each paragraph, {n_w}",
            warm(lambda _: sum(T.count_words(p) for p in paragraphs), none, repeat),
            None,
            "part of the tokenizer's 10 ms",
        )
    )
    rows.append(
        Row(
            "transition_spans",
            what_sents,
            warm(lambda _: [transition_spans(s) for s in sents], none, repeat),
            None,
            "< 2 ms per 1,000 words (brief); test failed above 6 ms",
        )
    )
    rows.append(
        Row(
            "passive_spans",
            what_sents,
            warm(lambda _: [passive_spans(s) for s in sents], none, repeat),
            None,
            "none (part of analyse's 50 ms)",
        )
    )
    for tokens_cached in (False, True):
        rows.append(
            Row(
                "KeyphraseMatcher.find",
                f"« {KEYPHRASE} » in {n_w}, "
                + ("tokens already cached" if tokens_cached else "tokenizing included"),
                warm(lambda m: m.find(text), partial(parsed_matcher, tokens_cached), repeat),
                None,
                "< 3 ms per 1,000 words; test failed above 6 ms",
            )
        )
    rows.append(
        Row(
            "suggest_keyphrases",
            f"5 suggestions, {n_w} (sentences already split)",
            warm(suggest_keyphrases, fresh_research, repeat),
            None,
            "< 15 ms per article (1,450 words); test failed above 30 ms",
        )
    )
    rows.append(
        Row(
            "lexicon load",
            "Lefff lexicon: decompress + first look-up (first: new process)",
            warm(lambda _: Lexicon.from_package().lemma("abandonnées"), none, repeat),
            cold(
                "from plume.lang.fr.lexicon import load_lexicon",
                "load_lexicon().lemma('abandonnées')",
                cold_runs,
            ),
            "cold load < 200 ms",
        )
    )
    rows.append(
        Row(
            "detect_language",
            f"{n_w} (3,000 characters sampled; first: lingua import + detector build)",
            warm(detect_language, lambda: text, repeat),
            cold(
                "from plume.analyse.language import detect_language\n"
                "text = open(sys.argv[1], encoding='utf-8').read()",
                "assert detect_language(text) == 'fr'",
                cold_runs,
                str(txt),
            ),
            "first < 3 s, warm < 50 ms",
        )
    )
    rows.append(
        Row(
            "ingest .txt",
            f"read_path, {n_w} in {len(paragraphs)} paragraphs",
            warm(lambda _: read_path(txt, settings), none, repeat),
            None,
            "fastest of 20 < 5 ms",
        )
    )
    for i, page in enumerate(HTML_PAGES):
        n_page = len(read_path(page, settings).text.split())
        rows.append(
            Row(
                f"ingest {page.name[:2]} .html",
                f"read_path {page.stem}, {n_page:,} words"
                + (" (first: new process, trafilatura import)" if i == 0 else ""),
                warm(lambda p: read_path(p, settings), const(page), repeat),
                cold(
                    "from plume.ingest import read_path\nfrom plume.settings import Settings\n"
                    "s = Settings()",
                    "read_path(sys.argv[1], s)",
                    cold_runs,
                    str(page),
                )
                if i == 0
                else None,
                "none",
            )
        )
    depth = 3000
    nested = (
        "<!DOCTYPE html><html><head><title>Profond</title></head><body>"
        + "<div>" * depth
        + "<h2>Au fond</h2><p>Texte profond, bien caché.</p>"
        + "</div>" * depth
        + "<p>Après.</p></body></html>"
    )
    rows.append(
        Row(
            "ingest hostile .html",
            f"read_text, {depth:,} nested <div>",
            warm(lambda _: read_text(nested, settings, fmt="html"), none, repeat),
            None,
            "< 2 s",
        )
    )
    rows.append(
        Row(
            "clean",
            f"plume.clean.clean, {n_w} ingested",
            warm(lambda d: clean(d, settings), fresh_doc, repeat),
            None,
            "< 15 ms per 1,000 words (brief; fastest of 7 in test_clean.py)",
        )
    )
    rows.append(
        Row(
            "analyse_document",
            f"clean + research + every check + 5 suggestions, {n_w} (first: new process)",
            warm(lambda d: analyse_document(d, settings), fresh_doc, repeat),
            cold(
                "from plume.pipeline import analyse_document\nfrom plume.ingest import read_path\n"
                "from plume.settings import Settings\ns = Settings()\nd = read_path(sys.argv[1], s)",
                "analyse_document(d, s)",
                cold_runs,
                str(txt),
            ),
            "well under 50 ms per 1,000 words (brief)",
        )
    )
    rows.append(
        Row(
            "import plume",
            "new process, interpreter start-up excluded",
            None,
            cold("", "import plume", cold_runs),
            "none (part of the CLI's 2 s)",
        )
    )
    rows.append(
        Row(
            "plume analyse (CLI)",
            f"{SEED.name[:4]}… seed, --format json, wall time of a new process, "
            f"median of {cold_runs}",
            None,
            cli_wall(SEED, cold_runs),
            "< 2 s",
        )
    )
    return rows


def ms(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:,.0f}" if value >= 100 else f"{value:.2f}"


def table(rows: Sequence[Row]) -> str:
    out = [
        "| component | what is measured | median ms (warm) | first call ms | target (old test) |",
        "|---|---|---:|---:|---|",
    ]
    out += [
        f"| {r.component} | {r.measured} | {ms(r.warm_ms)} | {ms(r.first_ms)} | {r.target} |"
        for r in rows
    ]
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--repeat", type=int, default=20, help="timed warm runs (default 20)")
    ap.add_argument(
        "--cold-runs", type=int, default=5, help="fresh processes per cold figure (default 5)"
    )
    args = ap.parse_args(argv)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="plume-bench-") as tmp:
        rows = measure(args.repeat, args.cold_runs, Path(tmp))
    print(
        f"plume components: warm = median of {args.repeat} runs after {WARMUP} warm-ups, "
        f"text caches cleared before each; first call = median of {args.cold_runs} fresh "
        "processes (start-up and named imports excluded, except for the CLI)."
    )
    print(f"Python {sys.version.split()[0]}, {SEED.name}: first {WORDS:,} words after its brief.\n")
    print(table(rows))
    print(f"\n({time.perf_counter() - start:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
