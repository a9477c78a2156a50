"""The scheduler's bookkeeping: the job store, the summary counts, the progress display and the
manifest, updated as each article starts and finishes.

Workers write the outputs (atomically); the scheduler alone writes the job store, after the
files are in place, so a kill at any moment leaves either a finished row with its files, or a
``running`` row that the next run redoes (rewriting the files atomically: never a duplicate,
never a half-written file).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from plume.batch.manifest import write_manifest
from plume.batch.plan import BatchOptions, Planned
from plume.batch.store import JobStore
from plume.batch.worker import JobResult

__all__ = ["BatchSummary", "Display", "QuietDisplay", "Recorder"]

#: Seconds between two rewrites of ``manifest.jsonl`` while a batch runs: often enough to follow
#: a long batch, rare enough that rewriting it (a few hundred bytes per article) costs nothing.
_MANIFEST_EVERY_S = 5.0


@dataclass
class BatchSummary:
    total: int = 0
    done: int = 0
    done_short: int = 0
    failed: int = 0
    skipped: int = 0
    pending: int = 0
    interrupted: bool = False
    seconds: float = 0.0
    workers: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    exit_code: int = 0
    manifest: Path | None = None
    #: (name, error code, French message, English message) of the articles failed in this run.
    failures: list[tuple[str, int, str, str]] = field(default_factory=list)
    crashes: int = 0

    @property
    def processed(self) -> int:
        return self.done + self.done_short + self.failed


class Display(Protocol):
    """What the scheduler tells the user as it goes (the CLI shows a progress bar)."""

    def start(self, to_run: int, skipped: int, workers: int) -> None: ...
    def advance(self, planned: Planned, result: JobResult, attempts: int) -> None: ...
    def stop(self) -> None: ...


class QuietDisplay:
    """Shows nothing (the Python API, tests)."""

    def start(self, to_run: int, skipped: int, workers: int) -> None:
        pass

    def advance(self, planned: Planned, result: JobResult, attempts: int) -> None:
        pass

    def stop(self) -> None:
        pass


class Recorder:
    """Records each article's start and result: the store row, the summary, the display, and
    the manifest every :data:`_MANIFEST_EVERY_S` seconds."""

    def __init__(
        self,
        options: BatchOptions,
        planned: list[Planned],
        store: JobStore,
        display: Display,
    ) -> None:
        self.options = options
        self.planned = planned
        self.store = store
        self.display = display
        self.outdir = options.outdir.resolve()
        self.summary = BatchSummary(total=len(planned))
        self.skipped = {p.name for p in planned if p.action == "skip"}
        self.summary.skipped = len(self.skipped)
        self._last_manifest = 0.0

    def write_manifest(self) -> Path:
        rows = self.store.rows([p.name for p in self.planned])
        self._last_manifest = time.monotonic()
        return write_manifest(self.outdir, self.planned, rows, self.skipped)

    def maybe_write_manifest(self) -> None:
        if time.monotonic() - self._last_manifest >= _MANIFEST_EVERY_S:
            self.write_manifest()

    def start(self, p: Planned) -> int:
        """Mark ``p`` running; its attempt number."""
        return self.store.start(p.name, p.spec.source, p.content_hash, p.settings_hash)

    def record(self, p: Planned, result: JobResult, attempts: int) -> None:
        self.store.finish(
            p.name,
            result.status,
            result.to_json(),
            error_code=result.error_code,
            error_message=result.error_fr,
            error_detail=result.error_detail,
        )
        s = self.summary
        if result.status == "done":
            s.done += 1
        elif result.status == "done_short":
            s.done_short += 1
        else:
            s.failed += 1
            s.failures.append(
                (p.name, result.error_code or 1, result.error_fr or "", result.error_en or "")
            )
        s.prompt_tokens += result.prompt_tokens
        s.completion_tokens += result.completion_tokens
        self.display.advance(p, result, attempts)
        self.maybe_write_manifest()
