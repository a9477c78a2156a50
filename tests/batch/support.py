"""Helpers for the batch tests: articles built from the shared corpus, output validation, and
a mode that really kills its worker process (to prove crash isolation)."""

from __future__ import annotations

import ctypes
import json
import os
import random
import re
from pathlib import Path

from plume.backends.base import Backend
from plume.batch.worker import JobSpec, run_job
from plume.document import Document
from plume.optimisation import OptimiseReport
from tests.conftest import CORPUS, SEEDS


def make_articles(
    dest: Path, n: int, *, seed: int = 6, max_chars: int = 1800, html: bool = True
) -> list[Path]:
    """``n`` distinct articles from the 21 shared texts (corpus and seeds), cycled.

    Text inputs are cut at a paragraph boundary (a different cut for each round, so each
    variant is new content); HTML pages get a distinct comment (new bytes, same article).
    ``html=False`` leaves the four HTML pages out: 150 kB each, they cost as much to process
    as all the text articles together, which matters for tests that run 50 articles.
    """
    rng = random.Random(seed)
    texts = [p for p in (*CORPUS, *SEEDS) if html or p.suffix != ".html"]
    dest.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []
    for i in range(n):
        src = texts[i % len(texts)]
        round_ = i // len(texts)
        data = src.read_bytes()
        if src.suffix == ".html":
            data += f"\n<!-- variante {i} -->\n".encode()
        else:
            paras = data.decode("utf-8").split("\n")
            cut = max_chars - 150 * round_ - rng.randrange(200)
            kept: list[str] = []
            for para in paras:
                if sum(len(p) for p in kept) > cut and len(kept) >= 3:
                    break
                kept.append(para)
            data = "\n".join(kept).encode("utf-8")
        path = dest / f"{i:02d} {src.stem[:24]}{src.suffix}"
        path.write_bytes(data)
        made.append(path)
    return made


_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def assert_valid_outputs(folder: Path) -> None:
    """The three files of one article are complete: JSON parses, HTML ends, front matter closed."""
    report = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    assert report["words"] > 0 and report["after"]["seo"]["value"] >= 0
    html = (folder / "article.html").read_text(encoding="utf-8")
    assert html.rstrip().endswith("</html>"), folder
    md = (folder / "article.md").read_text(encoding="utf-8")
    assert _FRONT_MATTER.match(md), folder
    assert len(md) > len(_FRONT_MATTER.match(md).group(0)) + 50  # type: ignore[union-attr]


def crashing_faithful(doc: Document, spec: JobSpec, backend: Backend | None) -> OptimiseReport:
    """The spec's mode, except that an input whose name says so kills its worker process."""
    name = Path(spec.source).name
    if "crash-exit" in name:
        os._exit(3)
    if "crash-segv" in name:
        ctypes.string_at(0)  # reads address 0: SIGSEGV, no Python exception
    return run_job(doc, spec, backend)
