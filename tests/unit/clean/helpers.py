"""Helpers for the cleaner's tests: documents from strings, and the shared seeds and corpus
(read in place, never copied: the articles belong to their publishers)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from plume.clean import CleanResult, clean
from plume.document import Block, BlockKind, Document, Source
from plume.settings import Settings

SHARED = Path(__file__).parents[3] / ".." / "shared"
SEEDS = sorted((SHARED / "seeds").glob("*.txt"))
CORPUS_DIR = SHARED / "corpus" / "fr-articles"
CORPUS_TXT = sorted(CORPUS_DIR.glob("*.txt"))
ALL_TEXTS = SEEDS + CORPUS_TXT

NNBSP = "\u202f"
NBSP = "\u00a0"


def doc(*paragraphs: str, kind: BlockKind = BlockKind.PARAGRAPH) -> Document:
    return Document(tuple(Block(kind, p) for p in paragraphs), Source("<test>", "txt"))


def run(*paragraphs: str, settings: Settings | None = None) -> CleanResult:
    return clean(doc(*paragraphs), settings or Settings())


def cleaned(*paragraphs: str, settings: Settings | None = None) -> str:
    return run(*paragraphs, settings=settings).document.text


def rules(result: CleanResult) -> list[str]:
    return [c.rule for c in result.changes]


def seed(prefix: str) -> Path:
    (path,) = (SHARED / "seeds").glob(f"{prefix}_*.txt")
    return path


def corpus(prefix: str) -> Path:
    (path,) = CORPUS_DIR.glob(f"{prefix}-*.txt")
    return path


def manifest() -> dict[str, dict[str, Any]]:
    entries = json.loads((SHARED / "corpus" / "manifest.json").read_text(encoding="utf-8"))
    return {Path(e["file"]).name: e for e in entries}


def file_doc(path: Path, layout: str = "paragraphs") -> Document:
    """A document as a plain-text ingest could make it.

    ``paragraphs``: blocks split at blank lines, single line breaks kept inside blocks (the
    line-break step decides). ``lines``: one block per non-empty line.
    """
    text = path.read_text(encoding="utf-8")
    if layout == "paragraphs":
        parts = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    else:
        parts = [line for line in text.split("\n") if line.strip()]
    return Document(tuple(Block(BlockKind.PARAGRAPH, p) for p in parts), Source(str(path), "txt"))


def letters(text: str) -> str:
    """Only the letters and digits, lower-cased: what no cleaning step may lose (the œ ligature
    is the two letters it joins)."""
    return "".join(c for c in text.lower().replace("œ", "oe") if c.isalnum())
