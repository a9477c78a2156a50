"""Passive-voice accuracy: plume vs spaCy's ``aux:pass`` vs yoastseo 3.6.0, on the labelled sets.

The labelled sets are those of ``tests/unit/analyse/test_passive.py`` (117 written sentences +
the five seed articles). Three detectors:

* plume: :func:`plume.analyse.passive.passive_spans`, per sentence;
* spaCy 3.8 ``fr_core_news_sm``: a clause for every token labelled ``aux:pass``, identified by its
  head (the participle); each plume sentence is parsed on its own (same segmentation);
* yoastseo 3.6.0 (``bench/yoast/node_modules``, see bench/README.md): its French
  ``getPassiveVoiceResult`` research, which only says which SENTENCES are passive.

Scores: clause level (plume, spaCy: a predicted clause is right when its participle is a gold
participle) and sentence level (all three: a sentence is passive when it has a passive clause).
Both under plume's convention (stative participles "est situé", "est dû à" are not passives) and
under Yoast's (they are). Run: ``.venv/bin/python bench/passive_accuracy.py`` (~15 s, spaCy's
model load dominates; add ``--no-yoast`` without Node).
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

from tests.unit.analyse.test_passive import GoldDoc, gold_documents, predicted_ends  # noqa: E402

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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--no-yoast", action="store_true", help="skip yoastseo (needs Node)")
    ap.add_argument("--errors", action="store_true", help="list each detector's errors")
    args = ap.parse_args()

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
            if args.errors:
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
            if args.errors and name == "yoastseo 3.6.0":
                for (_, sentence), said, true in zip(sents, pred_s, truth, strict=True):
                    if said != true:
                        print(f"      {'FP' if said else 'FN'} {sentence.text[:90]!r}")
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
