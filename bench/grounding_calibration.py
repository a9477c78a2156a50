"""Calibration of the grounding guard (``plume.verify.guards.GROUNDED_SOFT``).

The guard reports a sentence of a rewritten article when too few of its content words are in
the sources (:func:`plume.verify.grounding.grounded_share`). To set the bar without a real
rewriter to measure, three populations of French sentences (8 words or more, as the guard
reads them):

* **paraphrase** — the 19 sentences of the scripted instruction model of the tests
  (``tests/support/rewrite_model.py``), written from the example's facts with nearly every
  word swapped for a synonym ("Une voie protégée du trafic motorisé met en confiance les
  novices" for "Une piste séparée de la circulation rassure les débutants"): the hardest
  faithful rewrite for a measure of shared words, against the example;
* **same story** — each sentence of the five seeds (five outlets writing on one story, each in
  its own words) against the closest *other* seed: what a free rewrite of a source looks like,
  plus what an outlet added that no other wrote;
* **unrelated** — each sentence of the 16 corpus pages against a text on another subject: a
  seed of about the same length, then another corpus page, then the five seeds together (a
  long multi-source job, the hardest case for the guard).

Prints the quantiles of the share for each population and, for candidate bars, the share of
sentences below: the paraphrase and same-story shares below are the guard's false alarms (at
most, for the seeds: some of those sentences do say what no source says), the unrelated share
below is its recall.

Tried and rejected (2026-12-06): counting a word as supported when its spaCy vector
(``fr_core_news_md``, 20,000 vectors) is close to a source word's, to forgive synonyms. It
forgives everything: at cosine ≥ 0.5, half of the unrelated sentences had 75 % of their words
"supported"; at its best (cosine ≥ 0.65, bar 0.4) it caught 40 % of unrelated sentences while
flagging a paraphrase, where shared stems at 0.15 catch 45 % and flag none.

Run on demand: ``.venv/bin/python bench/grounding_calibration.py`` (a few seconds).
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

from plume.clean import clean
from plume.document import Document
from plume.ingest import read_path
from plume.settings import Settings
from plume.verify.grounding import content_stems, grounded_share
from plume.verify.guards import GROUNDED_SOFT, GROUNDING_MIN_WORDS
from plume.verify.guards.words import sentences as _sentences

SHARED = (Path(__file__).resolve().parent.parent / ".." / "shared").resolve()
SEEDS = sorted((SHARED / "seeds").glob("*.txt"))
CORPUS = sorted((SHARED / "corpus" / "fr-articles").iterdir())
BARS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.4)
ROOT = Path(__file__).resolve().parent.parent


def _cleaned(path: Path, settings: Settings) -> Document:
    return clean(read_path(path, settings), settings).document


def _sentences_of(doc: Document) -> list[str]:
    return [
        s.text
        for b in doc.blocks
        if not b.is_heading
        for s in _sentences(b.text)
        if len(s.text.split()) >= GROUNDING_MIN_WORDS
    ]


def _shares(sentences: list[str], stems: frozenset[str]) -> list[float]:
    return [g for s in sentences if (g := grounded_share(s, stems)) is not None]


def _line(name: str, shares: list[float]) -> str:
    q = statistics.quantiles(shares, n=20)
    below = "  ".join(f"<{b:.2f}: {sum(x < b for x in shares) / len(shares):5.1%}" for b in BARS)
    return (
        f"{name:<34} n={len(shares):4d}  p5 {q[0]:.2f}  p25 {q[4]:.2f}  median "
        f"{statistics.median(shares):.2f}  p75 {q[14]:.2f}   {below}"
    )


def main() -> None:
    settings = Settings()
    seeds = [_cleaned(p, settings) for p in SEEDS]
    corpus = [_cleaned(p, settings) for p in CORPUS]
    seed_stems = [frozenset(content_stems(d.text)) for d in seeds]
    page_stems = [frozenset(content_stems(d.text)) for d in corpus]
    all_seeds = frozenset().union(*seed_stems)

    same: list[float] = []
    for i, d in enumerate(seeds):
        for s in _sentences_of(d):
            shares = [grounded_share(s, st) for j, st in enumerate(seed_stems) if j != i]
            same.append(max(g for g in shares if g is not None))
    vs_seed: list[float] = []
    vs_page: list[float] = []
    vs_all: list[float] = []
    for i, d in enumerate(corpus):
        sents = _sentences_of(d)
        vs_seed += _shares(sents, seed_stems[i % len(seed_stems)])
        vs_page += _shares(sents, page_stems[(i + 1) % len(page_stems)])
        vs_all += _shares(sents, all_seeds)

    sys.path.insert(0, str(ROOT))  # the scripted model's texts live with the tests
    from tests.support.rewrite_model import INTRO, SECTIONS

    example = _cleaned(ROOT / "examples" / "article-brief.txt", settings)
    written = [INTRO, *SECTIONS.values()]
    paraphrase = [
        g
        for text in written
        for s in _sentences(text)
        if len(s.text.split()) >= GROUNDING_MIN_WORDS
        if (g := grounded_share(s.text, frozenset(content_stems(example.text)))) is not None
    ]

    print(f"# Grounding calibration (bar in use: GROUNDED_SOFT = {GROUNDED_SOFT})\n")
    print(_line("paraphrase (scripted, vs example)", paraphrase))
    print(_line("same story (closest other seed)", same))
    print(_line("unrelated, vs one seed", vs_seed))
    print(_line("unrelated, vs another corpus page", vs_page))
    print(_line("unrelated, vs the five seeds", vs_all))

    def below(xs: list[float]) -> float:
        return sum(x < GROUNDED_SOFT for x in xs) / len(xs)

    print(
        f"\nAt {GROUNDED_SOFT}: false alarms {below(paraphrase):.1%} of paraphrases, "
        f"{below(same):.1%} of same-story sentences; recall {below(vs_seed):.0%} (one source), "
        f"{below(vs_page):.0%} (another page), {below(vs_all):.0%} (five sources)."
    )
    print("\nSame-story sentences under the bar (what the guard would flag):")
    flagged = []
    for i, d in enumerate(seeds):
        for s in _sentences_of(d):
            shares = [grounded_share(s, st) for j, st in enumerate(seed_stems) if j != i]
            g = max(x for x in shares if x is not None)
            if g < GROUNDED_SOFT:
                flagged.append((g, SEEDS[i].name[:3], s))
    for g, name, s in sorted(flagged):
        print(f"  {g:.2f} seed {name}: {s[:140]}")


if __name__ == "__main__":
    main()
