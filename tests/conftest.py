"""Shared test fixtures: paths to the repo's examples and to ../shared (seeds, corpus)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()
SEEDS = sorted((SHARED / "seeds").glob("*.txt"))
CORPUS = sorted((SHARED / "corpus" / "fr-articles").glob("*"))
EXAMPLE = ROOT / "examples" / "article-brief.txt"


@pytest.fixture(scope="session")
def seeds() -> list[Path]:
    assert len(SEEDS) == 5, f"expected the five seeds in {SHARED / 'seeds'}"
    return SEEDS


@pytest.fixture(scope="session")
def corpus() -> list[Path]:
    assert len(CORPUS) == 16, f"expected the sixteen corpus files in {SHARED / 'corpus'}"
    return CORPUS
