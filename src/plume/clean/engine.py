"""The machinery shared by every cleaning step: local edits, block drops, the change log.

A step never rewrites text directly. It says, for each block of its input, either "keep it with
these local edits" (:class:`Keep`) or "drop it" (:class:`Drop`); :func:`run_plans` turns those
plans into the new blocks **and** the :class:`~plume.report.Change` records, with offsets into the
step's input text (the blocks joined by ``BLOCK_SEPARATOR``). Because the new text and the log are
built from the same plans, replaying the log on the input always gives the output
(:func:`apply_changes`); a property test checks it on every step.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from plume.document import BLOCK_SEPARATOR, Block, BlockKind
from plume.report import Change
from plume.settings import Settings

__all__ = [
    "Drop",
    "Edit",
    "Keep",
    "Plan",
    "Step",
    "StepOutput",
    "apply_changes",
    "block_offsets",
    "join_blocks",
    "run_plans",
    "unchanged",
]


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` of one block by ``after``; ``rule`` is the stable code."""

    start: int
    end: int
    after: str
    rule: str


@dataclass(frozen=True, slots=True)
class Keep:
    """Keep the block, with these local edits (non-overlapping; order does not matter).

    With ``split`` set, the edited text is cut into several blocks of the same kind wherever it
    contains ``BLOCK_SEPARATOR`` (the line-break step turns a ``"\\n"`` into a block break so).
    """

    edits: Sequence[Edit] = ()
    split: bool = False
    #: Join this block to the next kept block with this string in place of the separator
    #: between them (blocks dropped in between take their own separators): one paragraph cut
    #: in two. Logged under ``join_rule``.
    join: str | None = None
    join_rule: str = ""


@dataclass(frozen=True, slots=True)
class Drop:
    """Remove the whole block (and one separator next to it) under ``rule``."""

    rule: str


Plan = Keep | Drop


@dataclass(frozen=True, slots=True)
class StepOutput:
    blocks: tuple[Block, ...]
    changes: list[Change] = field(default_factory=list)


StepFn = Callable[[tuple[Block, ...], Settings], StepOutput]


@dataclass(frozen=True, slots=True)
class Step:
    """One numbered cleaning step. ``rules`` lists the change codes it may log."""

    number: int
    name: str
    rules: tuple[str, ...]
    func: StepFn
    #: Runs only when ``settings.fix_typography`` is on.
    typography: bool = False


def join_blocks(blocks: Sequence[Block]) -> str:
    return BLOCK_SEPARATOR.join(b.text for b in blocks)


def block_offsets(blocks: Sequence[Block]) -> list[int]:
    """Start offset of each block in :func:`join_blocks` (same rule as ``Document.block_offsets``)."""
    out: list[int] = []
    pos = 0
    for b in blocks:
        out.append(pos)
        pos += len(b.text) + len(BLOCK_SEPARATOR)
    return out


def unchanged(blocks: tuple[Block, ...]) -> StepOutput:
    return StepOutput(blocks, [])


def _clean_edits(text: str, edits: Sequence[Edit]) -> list[Edit]:
    """Sorted, in-bounds, non-overlapping, effective edits.

    Steps are written to produce disjoint edits; if two ever overlap, the later one is skipped
    (it is then neither applied nor logged, so the log still matches the text).
    """
    out: list[Edit] = []
    last_end = -1
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if e.start < 0 or e.end > len(text) or e.start > e.end:
            continue
        if text[e.start : e.end] == e.after:
            continue
        if out and e.start < last_end:
            continue
        # Two insertions at one point would have an ambiguous order: keep the first.
        if out and e.start == e.end == out[-1].start == out[-1].end:
            continue
        out.append(e)
        last_end = e.end
    return out


def _apply_local(text: str, edits: Sequence[Edit]) -> str:
    parts: list[str] = []
    pos = 0
    for e in edits:
        parts.append(text[pos : e.start])
        parts.append(e.after)
        pos = e.end
    parts.append(text[pos:])
    return "".join(parts)


def run_plans(blocks: tuple[Block, ...], plans: Sequence[Plan]) -> StepOutput:
    """Apply one plan per block; return the new blocks and the change log.

    A dropped block takes one separator with it: the one after it when a kept block follows,
    else the one before it (so that the separators left join exactly the blocks kept). Its
    change is therefore ``before = block + "\\n\\n"`` (or ``"\\n\\n" + block`` at the end).
    A kept block with ``join`` set is one block with the next kept one: the separator after it
    is logged as replaced by ``join``.
    """
    if len(plans) != len(blocks):
        raise ValueError("one plan per block")
    starts = block_offsets(blocks)
    sep = BLOCK_SEPARATOR
    kept_idx = [i for i, p in enumerate(plans) if isinstance(p, Keep)]
    last_kept = kept_idx[-1] if kept_idx else -1
    new_blocks: list[Block] = []
    changes: list[Change] = []
    n = len(blocks)
    pending_join: str | None = None  # the previous kept block asked to be joined to this one
    for i, (block, plan) in enumerate(zip(blocks, plans, strict=True)):
        start = starts[i]
        if isinstance(plan, Drop):
            if i < last_kept or (last_kept == -1 and i < n - 1):
                offset, before = start, block.text + sep
            elif last_kept >= 0:  # after the last kept block: take the separator before
                offset, before = start - len(sep), sep + block.text
            else:  # nothing kept at all, last block: no separator left to take
                offset, before = start, block.text
            if before:
                changes.append(Change(rule=plan.rule, offset=offset, before=before, after=""))
            continue
        edits = _clean_edits(block.text, plan.edits)
        for e in edits:
            changes.append(
                Change(
                    rule=e.rule,
                    offset=start + e.start,
                    before=block.text[e.start : e.end],
                    after=e.after,
                )
            )
        text = _apply_local(block.text, edits) if edits else block.text
        if plan.split and sep in text:
            parts = [Block(block.kind, part, block.level) for part in text.split(sep)]
        elif text != block.text:
            parts = [Block(block.kind, text, block.level)]
        else:
            parts = [block]
        if pending_join is not None and new_blocks:
            head = new_blocks[-1]
            # A heading that goes on into a paragraph was a paragraph's first line.
            shape = parts[0] if head.kind is BlockKind.HEADING else head
            new_blocks[-1] = Block(
                shape.kind, head.text + pending_join + parts[0].text, shape.level
            )
            parts = parts[1:]
        new_blocks.extend(parts)
        pending_join = None
        if plan.join is not None and i < last_kept:
            changes.append(
                Change(
                    rule=plan.join_rule, offset=start + len(block.text), before=sep, after=plan.join
                )
            )
            pending_join = plan.join
    changes.sort(key=lambda c: (c.offset, 1 if c.before else 0))
    return StepOutput(tuple(new_blocks), changes)


def apply_changes(text: str, changes: Sequence[Change]) -> str:
    """Replay a step's change log on that step's input text.

    Raises ``ValueError`` when a change does not match the text (wrong offset or ``before``) or
    when two changes overlap: the log would then not describe the edit faithfully.
    """
    ordered = sorted(changes, key=lambda c: (c.offset, 1 if c.before else 0))
    parts: list[str] = []
    pos = 0
    for c in ordered:
        if c.offset < pos:
            raise ValueError(f"overlapping change at {c.offset} ({c.rule})")
        if text[c.offset : c.offset + len(c.before)] != c.before:
            raise ValueError(f"change {c.rule} at {c.offset} does not match the text")
        parts.append(text[pos : c.offset])
        parts.append(c.after)
        pos = c.offset + len(c.before)
    parts.append(text[pos:])
    return "".join(parts)


class SpanSet:
    """Sorted, disjoint ``[start, end)`` spans with a fast "does this touch a span?" test."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        merged: list[tuple[int, int]] = []
        for s, e in sorted(spans):
            if merged and s <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], e))
            else:
                merged.append((s, e))
        self._starts = [s for s, _ in merged]
        self._ends = [e for _, e in merged]

    def __bool__(self) -> bool:
        return bool(self._starts)

    def overlaps(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` (or the point ``start`` if empty) touches a span."""
        if not self._starts:
            return False
        end = max(end, start + 1)
        i = bisect.bisect_right(self._starts, end - 1) - 1
        return i >= 0 and self._ends[i] > start
