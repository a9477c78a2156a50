"""Passive-voice accuracy: plume vs yoastseo 3.6.0 (and spaCy's ``aux:pass``), on labelled sets.

Two kinds of sets:

* the independent set (default): ``bench/data/passive_fr_dev.jsonl`` and
  ``bench/data/passive_fr_heldout.jsonl`` — 285 French sentences (229 written for this bench, 56
  drawn at random from ``../shared/corpus`` sentences holding a form of être), one JSON object a
  line: ``id``, ``category``, ``text``, ``passive`` (the label), ``source``, ``note`` (why, where
  the label is not obvious). Written after the detector, not alongside it; labelled by the rule
  Yoast applies (see bench/README.md, "Passive voice": stative participles count, pronominal
  passives do not). The held-out part (42 %) is scored but its errors are only listed with
  ``--errors heldout``: the detector is tuned on dev errors only;
* ``--legacy``: the sets of ``tests/unit/analyse/test_passive.py`` (written alongside the
  detector), clause level, as before.

Detectors: plume (:func:`plume.analyse.passive.passive_spans`; an item is passive when any of
its sentences has a passive clause), yoastseo 3.6.0 (``bench/yoast/node_modules``: its French
``getPassiveVoiceResult`` research on the item as one paragraph), spaCy 3.8 ``fr_core_news_sm``
(``--spacy``: a sentence holding a token labelled ``aux:pass``). Run:
``.venv/bin/python bench/passive_accuracy.py [--errors dev] [--spacy] [--no-yoast]`` (a few
seconds; Node for yoastseo).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from plume.analyse.passive import passive_spans  # noqa: E402
from plume.text import sentences  # noqa: E402
from tests.unit.analyse.test_passive import GoldDoc, gold_documents, predicted_ends  # noqa: E402

DATA = REPO / "bench/data"
SPLITS = ("dev", "heldout")

YOAST_JS = r"""
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
const require = createRequire(process.argv[2]);
const yoast = require("yoastseo");
const Researcher = require("yoastseo/build/languageProcessing/languages/fr/Researcher.js").default;
const escape = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const out = JSON.parse(readFileSync(process.argv[3], "utf8")).map((s) => {
  const paper = new yoast.Paper("<p>" + escape(s) + "</p>", { locale: "fr_FR" });
  return new Researcher(paper).getResearch("getPassiveVoiceResult").passives.length > 0;
});
process.stdout.write(JSON.stringify(out));
"""


def spacy_ends(docs: list[GoldDoc]) -> list[frozenset[int]]:
    import spacy

    nlp = spacy.load("fr_core_news_sm")
    out: list[frozenset[int]] = []
    for doc in docs:
        ends: set[int] = set()
        for s in doc.sentences:
            for tok in nlp(s.text):
                if tok.dep_ == "aux:pass":
                    ends.add(s.start + tok.head.idx + len(tok.head.text))
        out.append(frozenset(ends))
    return out


def yoast_sentences(texts: list[str]) -> list[bool]:
    with tempfile.TemporaryDirectory() as tmp:
        script, data = Path(tmp) / "passive.mjs", Path(tmp) / "sentences.json"
        script.write_text(YOAST_JS, encoding="utf-8")
        data.write_text(json.dumps(texts), encoding="utf-8")
        anchor = str(REPO / "bench/yoast/run.mjs")  # resolves yoastseo from bench/yoast
        res = subprocess.run(
            ["node", str(script), anchor, str(data)], capture_output=True, text=True, check=True
        )
    result: list[bool] = json.loads(res.stdout)
    return result


def prf(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:6.1%}  R {r:6.1%}  F1 {f:6.1%}  (tp {tp}, fp {fp}, fn {fn})"


def load_split(name: str) -> list[dict[str, object]]:
    """One part of the independent set, as its JSON objects."""
    lines = (DATA / f"passive_fr_{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def plume_says(text: str) -> bool:
    return any(passive_spans(s) for s in sentences(text))


def spacy_says(texts: list[str]) -> list[bool]:
    import spacy

    nlp = spacy.load("fr_core_news_sm")
    return [any(t.dep_ == "aux:pass" for t in nlp(text)) for text in texts]


def scores(pred: list[bool], truth: list[bool]) -> tuple[float, float, float, int, int, int]:
    """Precision, recall, accuracy, and the counts tp, fp, fn."""
    tp = sum(p and t for p, t in zip(pred, truth, strict=True))
    fp = sum(p and not t for p, t in zip(pred, truth, strict=True))
    fn = sum(t and not p for p, t in zip(pred, truth, strict=True))
    right = sum(p == t for p, t in zip(pred, truth, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, right / len(truth), tp, fp, fn


def independent(args: argparse.Namespace) -> int:
    print("| set | sentences (passive) | detector | precision | recall | accuracy | fp | fn |")
    print("|---|---|---|---|---|---|---|---|")
    listing: list[str] = []
    for split in SPLITS:
        rows = load_split(split)
        texts = [str(r["text"]) for r in rows]
        truth = [bool(r["passive"]) for r in rows]
        detectors = [("plume", [plume_says(t) for t in texts])]
        if not args.no_yoast:
            detectors.append(("yoastseo 3.6.0", yoast_sentences(texts)))
        if args.spacy:
            detectors.append(("spaCy aux:pass", spacy_says(texts)))
        for name, pred in detectors:
            p, r, a, _, fp, fn = scores(pred, truth)
            print(
                f"| {split} | {len(rows)} ({sum(truth)}) | {name} | {p:.1%} | {r:.1%} | {a:.1%} "
                f"| {fp} | {fn} |"
            )
            if split in (args.errors or ()):
                for row, said in zip(rows, pred, strict=True):
                    if said != row["passive"]:
                        tag = "FP" if said else "FN"
                        listing.append(f"{split} {name:15} {tag} [{row['category']}] {row['text']}")
    if listing:
        print("\n" + "\n".join(listing))
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--no-yoast", action="store_true", help="skip yoastseo (needs Node)")
    ap.add_argument("--spacy", action="store_true", help="also score spaCy's aux:pass")
    ap.add_argument(
        "--errors",
        nargs="*",
        choices=SPLITS,
        help="list the errors on these parts (legacy sets: any value lists them)",
    )
    ap.add_argument("--legacy", action="store_true", help="the sets written with the detector")
    args = ap.parse_args()
    if not args.legacy:
        return independent(args)

    docs = gold_documents()
    plume = [predicted_ends(d) for d in docs]
    spacy_pred = spacy_ends(docs)
    sents = [(i, s) for i, d in enumerate(docs) for s in d.sentences]
    yoast = yoast_sentences([s.text for _, s in sents]) if not args.no_yoast else None

    n_sent = len(sents)
    n_gold = sum(len(d.passive_ends) for d in docs)
    n_stat = sum(len(d.stative_ends) for d in docs)
    print(
        f"{len(docs)} documents, {n_sent} sentences, {n_gold} passive + {n_stat} stative clauses\n"
    )
    for convention, with_stative in (
        ("plume (stative ≠ passive)", False),
        ("Yoast (stative = passive)", True),
    ):
        gold = [d.passive_ends | (d.stative_ends if with_stative else frozenset()) for d in docs]
        print(f"## Convention: {convention}\nClause level")
        for name, pred in (("plume", plume), ("spaCy aux:pass", spacy_pred)):
            tp = sum(len(p & g) for p, g in zip(pred, gold, strict=True))
            fp = sum(len(p - g) for p, g in zip(pred, gold, strict=True))
            fn = sum(len(g - p) for p, g in zip(pred, gold, strict=True))
            print(f"  {name:15} {prf(tp, fp, fn)}")
            if args.errors is not None:
                for d, p, g in zip(docs, pred, gold, strict=True):
                    for e in sorted(p ^ g):
                        tag = "FP" if e in p else "FN"
                        print(f"      {tag} {d.text[max(0, e - 45) : e]!r}")
        print("Sentence level")
        truth = [any(s.start < e <= s.end for e in gold[i]) for i, s in sents]
        detectors = [
            ("plume", [any(s.start < e <= s.end for e in plume[i]) for i, s in sents]),
            (
                "spaCy aux:pass",
                [any(s.start < e <= s.end for e in spacy_pred[i]) for i, s in sents],
            ),
        ]
        if yoast is not None:
            detectors.append(("yoastseo 3.6.0", yoast))
        for name, pred_s in detectors:
            tp = sum(p and t for p, t in zip(pred_s, truth, strict=True))
            fp = sum(p and not t for p, t in zip(pred_s, truth, strict=True))
            fn = sum(t and not p for p, t in zip(pred_s, truth, strict=True))
            print(f"  {name:15} {prf(tp, fp, fn)}")
            if args.errors is not None and name == "yoastseo 3.6.0":
                for (_, sentence), said, true in zip(sents, pred_s, truth, strict=True):
                    if said != true:
                        print(f"      {'FP' if said else 'FN'} {sentence.text[:90]!r}")
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
