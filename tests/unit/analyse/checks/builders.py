"""Shared builders for check tests: a Document from short items, and one check run on it."""

from __future__ import annotations

from plume.analyse.checks.base import Context
from plume.analyse.researches import Research
from plume.analyse.runner import run_checks
from plume.document import Block, BlockKind, Document, Source
from plume.report import CheckResult

Item = str | tuple[str, str]


def doc(*items: Item) -> Document:
    """Strings are paragraphs; ("h1".."h6", text) are headings; ("li", text) list items."""
    blocks: list[Block] = []
    for it in items:
        if isinstance(it, str):
            blocks.append(Block(BlockKind.PARAGRAPH, it))
        elif it[0] == "li":
            blocks.append(Block(BlockKind.LIST_ITEM, it[1]))
        else:
            blocks.append(Block(BlockKind.HEADING, it[1], int(it[0][1])))
    return Document(blocks=tuple(blocks), source=Source("t", "txt"))


def run_one(code: str, *items: Item) -> CheckResult:
    """Run the check ``code`` alone on a document built from ``items``."""
    (result,) = run_checks(Research(doc(*items)), Context(), only={code}).checks
    assert result.code == code
    return result
