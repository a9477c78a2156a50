"""Clean: ordered, idempotent, logged steps (see :mod:`plume.clean.steps` for the order).

>>> from plume.document import Block, BlockKind, Document, Source
>>> from plume.settings import Settings
>>> doc = Document((Block(BlockKind.PARAGRAPH, "TLa fin.Elle arrive"),), Source("<t>", "txt"))
>>> clean(doc, Settings()).document.text
'La fin. Elle arrive'
"""

from __future__ import annotations

from dataclasses import dataclass, field

from plume.clean.engine import Step, apply_changes, join_blocks
from plume.clean.findings import find_defects
from plume.clean.steps import RULES, STEPS
from plume.document import Document
from plume.report import Change, CleaningFinding
from plume.settings import Settings

__all__ = ["RULES", "STEPS", "CleanResult", "StepRun", "apply_changes", "clean"]


#: Passes over the steps at most. A grammar correction can call for another one: the checker
#: fixes one agreement at a time ("la Crédits" → "le Crédits" → "les Crédits"), and a corrected
#: word can make a typography rule apply; the passes stop once the grammar step changes nothing.
MAX_PASSES = 3


@dataclass(frozen=True, slots=True)
class StepRun:
    """What one step did: its input text, its output text and its change log.

    ``apply_changes(text_before, changes) == text_after`` always holds.
    """

    step: Step
    text_before: str
    text_after: str
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class CleanResult:
    document: Document
    #: All changes, step after step; each change's offset is into its own step's input.
    changes: list[Change] = field(default_factory=list)
    findings: list[CleaningFinding] = field(default_factory=list)
    #: The steps that ran, in order, with their input and output texts.
    steps: tuple[StepRun, ...] = ()


def clean(doc: Document, settings: Settings) -> CleanResult:
    """Run every step on ``doc`` (again while the grammar step corrects something, up to
    ``MAX_PASSES``) and report what could not be fixed.

    The returned document keeps ``doc``'s source, meta, brief, links, images and notes; only its
    blocks change.
    """
    blocks = doc.blocks
    text = join_blocks(blocks)
    changes: list[Change] = []
    runs: list[StepRun] = []
    for _ in range(MAX_PASSES):
        corrected = False
        for step in STEPS:
            if step.typography and not settings.fix_typography:
                continue
            out = step.func(blocks, settings)
            new_text = join_blocks(out.blocks)
            runs.append(StepRun(step, text, new_text, tuple(out.changes)))
            changes.extend(out.changes)
            corrected = corrected or (step.name == "grammar" and bool(out.changes))
            blocks, text = out.blocks, new_text
        if not corrected:
            break
    result = doc if blocks is doc.blocks else doc.with_blocks(blocks)
    return CleanResult(result, changes, find_defects(result, settings.lang), tuple(runs))
