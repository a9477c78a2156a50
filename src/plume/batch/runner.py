"""The batch scheduler: plan the work, run it in parallel, record every article, resume.

1. **Plan** (:mod:`plume.batch.plan`): which articles run and which are skipped, unchanged
   since the last run.
2. **Run** (:mod:`plume.batch.executors`): a process pool for CPU work and the embedded model,
   threads (in one or several processes) for a remote backend.
3. **Record** (:mod:`plume.batch.record`): the scheduler alone writes the job store, after the
   files are in place, and rewrites ``manifest.jsonl`` (:mod:`plume.batch.manifest`) from it.

One batch at a time writes to an output folder (:mod:`plume.batch.outdir`). Ctrl-C stops
cleanly: the articles in flight stay ``running`` and the next run redoes them.
"""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

from plume.batch.executors import run_processes, run_remote_processes, run_threads
from plume.batch.limiter import limited_backend
from plume.batch.manifest import MANIFEST_NAME
from plume.batch.outdir import outdir_lock, sweep_temporaries
from plume.batch.plan import (
    BatchOptions,
    Planned,
    plan_batch,
    remote_processes,
    resolve_workers,
    uses_remote_backend,
)
from plume.batch.record import BatchSummary, Display, QuietDisplay, Recorder
from plume.batch.store import DB_NAME, JobStore
from plume.batch.worker import warm
from plume.errors import EXIT_BATCH_FAILED, EXIT_BATCH_SOME_FAILED, ConfigError

__all__ = [
    "MANIFEST_NAME",
    "BatchOptions",
    "BatchSummary",
    "Display",
    "Planned",
    "QuietDisplay",
    "dry_run",
    "exit_code_for",
    "plan_batch",
    "run_batch",
]


def exit_code_for(failed: int, total: int, max_ratio: float) -> int:
    """0 when nothing failed; 14 when some failed within ``max_ratio``; 15 beyond it."""
    if failed == 0 or total == 0:
        return 0
    return EXIT_BATCH_SOME_FAILED if failed / total <= max_ratio else EXIT_BATCH_FAILED


class _Stop:
    """Ctrl-C (SIGINT) or SIGTERM: the first asks for a clean stop, the second is immediate."""

    def __init__(self) -> None:
        self.event = threading.Event()
        self.signum: int | None = None
        self._previous: dict[signal.Signals, Any] = {}

    def _handler(self, signum: int, frame: Any) -> None:
        if self.event.is_set():
            raise KeyboardInterrupt
        self.signum = signum
        self.event.set()

    @contextlib.contextmanager
    def installed(self) -> Iterator[None]:
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        for sig in (signal.SIGINT, signal.SIGTERM):
            self._previous[sig] = signal.signal(sig, self._handler)
        try:
            yield
        finally:
            for sig, handler in self._previous.items():
                signal.signal(sig, handler)


def run_batch(
    options: BatchOptions,
    display: Display | None = None,
    *,
    on_plan: Callable[[list[Planned], int], None] | None = None,
) -> BatchSummary:
    """Run (or resume) the batch described by ``options``; never raises for a bad article."""
    display = display or QuietDisplay()
    outdir = options.outdir
    if outdir.exists() and not outdir.is_dir():
        raise ConfigError(
            f"{outdir} existe et n’est pas un dossier\u00a0: choisissez un dossier de sortie.",
            f"{outdir} exists and is not a folder: choose an output folder.",
        )
    outdir.mkdir(parents=True, exist_ok=True)
    stop = _Stop()
    started = time.perf_counter()
    with outdir_lock(outdir):
        store = JobStore(outdir / DB_NAME)
        try:
            planned = plan_batch(options, store)
            jobs = [p for p in planned if p.action == "run"]
            sweep_temporaries(outdir.resolve(), [p.name for p in jobs])
            remote = uses_remote_backend(options)
            if remote:
                workers = options.settings.backend.concurrency
            else:
                workers = max(1, min(resolve_workers(options), len(jobs) or 1))
            if on_plan is not None:
                on_plan(planned, workers)
            rec = Recorder(options, planned, store, display)
            rec.summary.workers = workers
            rec.write_manifest()
            display.start(len(jobs), rec.summary.skipped, workers)
            try:
                with stop.installed():
                    if jobs and remote:
                        # Threads share this process: load spaCy and the lexicons once, here,
                        # rather than in every thread at once on their first article.
                        warm(options.check_entities)
                        processes = remote_processes(options, len(jobs))
                        if processes > 1:
                            run_remote_processes(rec, jobs, workers, processes, stop.event)
                        else:
                            backend = limited_backend(options.settings, concurrency=workers)
                            try:
                                run_threads(rec, jobs, backend, workers, stop.event)
                            finally:
                                backend.close()
                    elif jobs:
                        run_processes(rec, jobs, workers, stop.event)
            finally:
                display.stop()
                if stop.event.is_set():
                    sweep_temporaries(outdir.resolve(), [p.name for p in jobs])
                rec.summary.manifest = rec.write_manifest()
            summary = rec.summary
        finally:
            store.close()
    summary.seconds = time.perf_counter() - started
    summary.interrupted = stop.event.is_set()
    ratio = (
        options.max_failure_ratio
        if options.max_failure_ratio is not None
        else options.settings.batch.max_failure_ratio
    )
    if summary.interrupted:
        summary.exit_code = (
            130 if stop.signum in (None, signal.SIGINT) else 128 + (stop.signum or 0)
        )
    else:
        summary.exit_code = exit_code_for(summary.failed, summary.total, ratio)
    return summary


def dry_run(options: BatchOptions) -> list[Planned]:
    """The plan, without writing anything (the store is read if it exists)."""
    db = options.outdir / DB_NAME
    store = JobStore(db, readonly=True) if db.is_file() else None
    try:
        return plan_batch(options, store)
    finally:
        if store is not None:
            store.close()
