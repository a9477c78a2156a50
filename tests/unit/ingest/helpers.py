"""Paths to the shared seeds and corpus (read in place, never copied: the articles belong to
their publishers)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SHARED = Path(__file__).parents[3] / ".." / "shared"
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpus" / "fr-articles"


def seed(prefix: str) -> Path:
    """The seed file whose name starts with ``prefix`` ("003")."""
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path


def manifest() -> dict[str, dict[str, Any]]:
    entries = json.loads((SHARED / "corpus" / "manifest.json").read_text(encoding="utf-8"))
    return {Path(e["file"]).name: e for e in entries}


def corpus_files(suffix: str) -> list[Path]:
    return sorted(CORPUS.glob(f"*{suffix}"))
