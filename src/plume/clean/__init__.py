"""Clean: ordered, idempotent, logged steps (PLACEHOLDER: no step yet)."""

from __future__ import annotations

from dataclasses import dataclass, field

from plume.document import Document
from plume.report import Change, CleaningFinding
from plume.settings import Settings


@dataclass(frozen=True)
class CleanResult:
    document: Document
    changes: list[Change] = field(default_factory=list)
    findings: list[CleaningFinding] = field(default_factory=list)


def clean(doc: Document, settings: Settings) -> CleanResult:
    return CleanResult(doc)
