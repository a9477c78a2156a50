"""The batch scheduler: plan the work, run it in parallel, record every article, resume.

1. **Plan.** Inputs become items (:mod:`plume.batch.inputs`), items get safe unique output
   names (:mod:`plume.batch.names`), each input's bytes are hashed (SHA-256, read once,
   never beyond ``max_input_bytes``) and the settings that shape the output are hashed. An
   article whose key matches a ``done``/``done_short`` row of the job store, with its three
   files present, is *skipped*; everything else runs (new, changed, failed before, or in flight
   when a previous run was killed).
2. **Run.** CPU work (cleaning, analysis, faithful mode, the embedded model) runs in a
   ``ProcessPoolExecutor`` sized to the machine; a remote backend runs in threads sharing one
   HTTP client behind a concurrency cap and rate limits (:mod:`plume.batch.limiter`).
3. **Record.** Workers write the outputs (atomically); the scheduler alone writes the job store,
   after the files are in place, so a kill at any moment leaves either a finished row with its
   files, or a ``running`` row that the next run redoes (rewriting the files atomically: never a
   duplicate, never a half-written file). ``manifest.jsonl`` is rewritten atomically from the
   store every few seconds and at the end.

A worker that dies (segfault, ``os._exit``, out of memory) breaks the whole process pool:
the pool is rebuilt, and the articles that were in flight are retried *one at a time*, so the
one that kills its worker is identified and marked failed, and the others are not blamed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import multiprocessing
import os
import signal
import stat
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import (
    FIRST_COMPLETED,
    Future,
    ProcessPoolExecutor,
    ThreadPoolExecutor,
    wait,
)
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from plume.backends.base import Backend
from plume.batch.inputs import Item, collect_inputs, item_key
from plume.batch.limiter import LimitedBackend
from plume.batch.names import assign_names
from plume.batch.store import DB_NAME, FINISHED, JobRow, JobStore
from plume.batch.worker import (
    LOCAL_MODEL_NAME,
    MODES,
    JobResult,
    JobSpec,
    ModeFn,
    execute_job,
    init_worker,
    process_job,
    settings_fingerprint,
    warm,
)
from plume.errors import (
    EXIT_BATCH_FAILED,
    EXIT_BATCH_SOME_FAILED,
    ConfigError,
    PlumeError,
)
from plume.render.outputs import OUTPUT_FILES
from plume.settings import Settings

__all__ = [
    "MANIFEST_NAME",
    "BatchOptions",
    "BatchSummary",
    "Planned",
    "exit_code_for",
    "plan_batch",
    "run_batch",
]

MANIFEST_NAME = "manifest.jsonl"
LOCK_NAME = ".plume-batch.lock"
#: Seconds between two rewrites of ``manifest.jsonl`` while a batch runs: often enough to follow
#: a long batch, rare enough that rewriting it (a few hundred bytes per article) costs nothing.
_MANIFEST_EVERY_S = 5.0
#: How often the scheduler wakes to check for Ctrl-C while waiting for results.
_POLL_S = 0.2
#: Pools rebuilt in a row without a single article finished (see ``run_processes``): a few
#: crashes in a row are bad luck or bad articles, more mean workers cannot run at all.
_MAX_FRUITLESS_POOLS = 5


@dataclass(frozen=True)
class BatchOptions:
    inputs: list[str]
    outdir: Path
    settings: Settings
    mode: str = "faithful"
    keyphrase: str | None = None
    synonyms: tuple[str, ...] = ()
    min_words: int | None = None
    #: False: ``--no-model`` (deterministic path, no backend at all).
    use_model: bool = True
    #: False: the fact check skips named entities (spaCy is not loaded).
    check_entities: bool = True
    #: Worker processes; None = ``settings.batch.workers`` (0 = sized to the machine).
    workers: int | None = None
    force: bool = False
    max_failure_ratio: float | None = None
    #: A mode function overriding :data:`MODES` (plugins, tests); picklable by reference.
    mode_fn: ModeFn | None = None


@dataclass
class Planned:
    index: int
    item: Item
    name: str
    spec: JobSpec
    content_hash: str | None
    settings_hash: str
    #: "run" or "skip"; ``reason``: new, changed, retry, resume, force, unchanged.
    action: str
    reason: str
    row: JobRow | None = None


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


def exit_code_for(failed: int, total: int, max_ratio: float) -> int:
    """0 when nothing failed; 14 when some failed within ``max_ratio``; 15 beyond it."""
    if failed == 0 or total == 0:
        return 0
    return EXIT_BATCH_SOME_FAILED if failed / total <= max_ratio else EXIT_BATCH_FAILED


def machine_workers() -> int:
    """CPUs this process may run on (the affinity mask, as containers and ``taskset`` set it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def _content_hash(path: Path, limit: int) -> str | None:
    """SHA-256 of a regular file of at most ``limit`` bytes; None otherwise (the worker's
    ``read_path`` then gives the precise refusal: missing, too large, a directory…)."""
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode) or st.st_size > limit:
            return None
        digest = hashlib.sha256()
        read = 0
        with path.open("rb") as f:
            while block := f.read(1 << 20):
                read += len(block)
                if read > limit:  # grew since stat
                    return None
                digest.update(block)
        return digest.hexdigest()
    except OSError:
        return None


def _backend_kind(options: BatchOptions) -> str | None:
    return options.settings.backend.name if options.use_model else None


def _model_name(options: BatchOptions) -> str | None:
    kind = _backend_kind(options)
    if kind is None:
        return None
    if kind == "local":
        b = options.settings.backend
        return str(b.model_path) if b.model_path else LOCAL_MODEL_NAME
    return f"{kind}:{options.settings.backend.model or '?'}"


def _outputs_present(outdir: Path, name: str) -> bool:
    return all((outdir / name / f).is_file() for f in OUTPUT_FILES)


def plan_batch(options: BatchOptions, store: JobStore | None) -> list[Planned]:
    """What this run will do for each input, in input order."""
    if options.mode not in MODES and options.mode_fn is None:
        raise ConfigError(
            f"Mode «\u00a0{options.mode}\u00a0» indisponible (disponibles\u00a0: {', '.join(sorted(MODES))}).",
            f"Mode {options.mode!r} unavailable (available: {', '.join(sorted(MODES))}).",
        )
    items = collect_inputs(options.inputs, options.outdir)
    names = assign_names([(it.wanted_name, item_key(it)) for it in items])
    rows = store.rows(names) if store is not None else {}
    outdir = options.outdir.resolve()
    limit = options.settings.max_input_bytes
    planned: list[Planned] = []
    for i, (item, name) in enumerate(zip(items, names, strict=True)):
        mode = item.mode or options.mode
        spec = JobSpec(
            name=name,
            source=str(item.source),
            outdir=str(outdir),
            settings=options.settings,
            mode=mode,
            keyphrase=item.keyphrase or options.keyphrase,
            synonyms=options.synonyms,
            min_words=item.min_words if item.min_words is not None else options.min_words,
            check_entities=options.check_entities,
            backend=_backend_kind(options),
            model_name=_model_name(options),
        )
        fingerprint = json.dumps(settings_fingerprint(spec), sort_keys=True, default=str)
        settings_hash = hashlib.sha256(fingerprint.encode()).hexdigest()[:16]
        content_hash = _content_hash(item.source, limit)
        row = rows.get(name)
        if options.force:
            action, reason = "run", "force"
        elif row is None:
            action, reason = "run", "new"
        elif not row.same_key(content_hash, settings_hash):
            action, reason = "run", "changed"
        elif row.status == "running":
            action, reason = "run", "resume"
        elif row.status == "failed":
            action, reason = "run", "retry"
        elif row.status in FINISHED and _outputs_present(outdir, name):
            action, reason = "skip", "unchanged"
        else:
            action, reason = "run", "missing"
        planned.append(
            Planned(i, item, name, spec, content_hash, settings_hash, action, reason, row)
        )
    return planned


# -- running ------------------------------------------------------------------------------------


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


@contextlib.contextmanager
def _outdir_lock(outdir: Path) -> Iterator[None]:
    """One batch at a time per OUTDIR (``flock``: released by the kernel when the process dies,
    even by ``kill -9``, so a killed batch never leaves a stale lock)."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory lock; the job store still serialises writes
        yield
        return
    fd = os.open(outdir / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise PlumeError(
                f"Un autre lot écrit déjà dans {outdir}\u00a0: attendez qu’il finisse, ou choisissez "
                "un autre dossier de sortie.",
                f"Another batch is writing to {outdir}: wait for it to finish, or choose another "
                "output folder.",
            ) from None
        yield
    finally:
        os.close(fd)


def _sweep_temporaries(outdir: Path, names: list[str]) -> int:
    """Remove the temporary files a killed ``write_outputs`` left (``.article.md.XXXX.tmp``):
    only plume's own patterns, only in the folders of this batch."""
    removed = 0
    patterns = [f".{f}.*.tmp" for f in OUTPUT_FILES]
    folders = [outdir / n for n in names]
    for folder in folders:
        if not folder.is_dir() or folder.is_symlink():
            continue
        for pattern in patterns:
            for tmp in folder.glob(pattern):
                with contextlib.suppress(OSError):
                    tmp.unlink()
                    removed += 1
    for tmp in outdir.glob(f".{MANIFEST_NAME}.*.tmp"):
        with contextlib.suppress(OSError):
            tmp.unlink()
    return removed


def _mp_context(check_entities: bool) -> Any:
    """``forkserver`` where it exists (Linux, macOS): workers fork from a clean, single-threaded
    server that preloaded plume (and spaCy), so they start warm and a pool rebuilt after a crash
    starts instantly; forking the scheduler itself is unsafe once it runs threads (the progress
    display, the executor's own). ``spawn`` elsewhere."""
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if ctx.get_start_method() == "forkserver":
        ctx.set_forkserver_preload(
            ["plume.batch._preload_nlp" if check_entities else "plume.batch._preload"]
        )
    return ctx


def manifest_lines(planned: list[Planned], rows: dict[str, JobRow], skipped: set[str]) -> str:
    lines = []
    for p in planned:
        row = rows.get(p.name)
        result: dict[str, Any] = dict(row.result or {}) if row is not None else {}
        if p.name in skipped:
            status = "skipped"
        elif row is None or row.status == "running" or not result:
            status = "pending"
        else:
            status = row.status
        line: dict[str, Any] = {
            "name": p.name,
            "source": p.spec.source,
            "output": f"{p.name}/" if result.get("files") else None,
            "status": status,
            "mode": p.spec.mode,
            "keyphrase": result.get("keyphrase") or p.spec.keyphrase,
            "min_words": result.get("min_words", p.spec.min_words),
            "words": result.get("words"),
            "words_missing": result.get("words_missing"),
            "scores": result.get("scores"),
            "attempts": row.attempts if row is not None else 0,
            "tokens": result.get("tokens", {"prompt": 0, "completion": 0}),
            "backend": result.get("backend"),
            "duration_s": result.get("duration_s"),
            "error": result.get("error"),
            "content_hash": p.content_hash,
            "finished_at": row.updated_at if row is not None and status != "pending" else None,
        }
        if status == "skipped":
            line["previous_status"] = row.status if row is not None else None
        lines.append(json.dumps(line, ensure_ascii=False))
    return "".join(line + "\n" for line in lines)


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


def remote_backend(settings: Settings) -> Backend:
    if settings.backend.name == "openai":
        from plume.backends.openai import OpenAIBackend

        return OpenAIBackend.from_settings(settings.backend)
    from plume.backends import get_backend

    return get_backend(settings.backend.name)


def limited_backend(settings: Settings, *, concurrency: int, share: int = 1) -> LimitedBackend:
    """The remote backend behind ``concurrency`` slots and ``1/share`` of the configured rate
    limits (rounded up; 0 stays "no limit"): all of them in one process, each worker process's
    part when several share them (:mod:`plume.batch.remote`)."""
    b = settings.backend
    return LimitedBackend(
        remote_backend(settings),
        concurrency=concurrency,
        requests_per_minute=-(-b.requests_per_minute // share),
        tokens_per_minute=-(-b.tokens_per_minute // share),
    )


def resolve_workers(options: BatchOptions) -> int:
    requested = options.workers if options.workers is not None else options.settings.batch.workers
    if requested and requested > 0:
        return requested
    cpus = machine_workers()
    if _backend_kind(options) == "local":
        # Each embedded model already uses ``backend.threads`` cores: more processes than
        # cores / threads would only make them fight over the CPU.
        return max(1, cpus // options.settings.backend.threads)
    return cpus


def remote_processes(options: BatchOptions, jobs: int) -> int:
    """Processes sharing a remote backend's concurrency: ``--workers`` when given, else one
    per :data:`plume.batch.remote.SLOTS_PER_PROCESS` concurrent requests, up to one per core;
    never more than there are articles, nor than concurrent requests."""
    from plume.batch.remote import auto_processes

    concurrency = options.settings.backend.concurrency
    requested = options.workers if options.workers is not None else options.settings.batch.workers
    n = requested if requested and requested > 0 else auto_processes(concurrency, machine_workers())
    return max(1, min(n, concurrency, jobs))


class _Run:
    def __init__(
        self,
        options: BatchOptions,
        planned: list[Planned],
        store: JobStore,
        display: Display,
        stop: _Stop,
    ) -> None:
        self.options = options
        self.planned = planned
        self.store = store
        self.display = display
        self.stop = stop
        self.outdir = options.outdir.resolve()
        self.summary = BatchSummary(total=len(planned))
        self.skipped = {p.name for p in planned if p.action == "skip"}
        self.summary.skipped = len(self.skipped)
        self._last_manifest = 0.0

    # -- bookkeeping

    def write_manifest(self) -> Path:
        from plume.render.files import write_outputs

        rows = self.store.rows([p.name for p in self.planned])
        text = manifest_lines(self.planned, rows, self.skipped)
        self._last_manifest = time.monotonic()
        return write_outputs(self.outdir, {MANIFEST_NAME: text})[0]

    def maybe_write_manifest(self) -> None:
        if time.monotonic() - self._last_manifest >= _MANIFEST_EVERY_S:
            self.write_manifest()

    def start(self, p: Planned) -> int:
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

    # -- process pool (CPU work, embedded model)

    def run_processes(self, jobs: list[Planned], workers: int) -> None:
        ctx = _mp_context(self.options.check_entities)
        mode_fn = self.options.mode_fn

        def new_pool() -> ProcessPoolExecutor:
            return ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=init_worker)

        pool = new_pool()
        queue: deque[Planned] = deque(jobs)
        suspects: deque[Planned] = deque()
        inflight: dict[Future[JobResult], tuple[Planned, int]] = {}
        #: Pools that broke before finishing anything: a worker that cannot even start (a
        #: broken installation) must end the batch with a message, not loop forever.
        fruitless = 0

        def submit(p: Planned) -> bool:
            try:
                fut = pool.submit(process_job, p.spec, mode_fn)
            except BrokenProcessPool:  # a worker died while idle: rebuild, then resubmit
                return False
            # Marked running only once submitted; a result is only read later, in this thread.
            inflight[fut] = (p, self.start(p))
            return True

        try:
            while (queue or suspects or inflight) and not self.stop.event.is_set():
                broken = False
                if suspects:
                    # After a crash, the articles that were in flight run alone, one by one.
                    if not inflight:
                        p = suspects.popleft()
                        if not submit(p):
                            suspects.appendleft(p)
                            broken = True
                else:
                    while queue and len(inflight) < workers:
                        p = queue.popleft()
                        if not submit(p):
                            queue.appendleft(p)
                            broken = True
                            break
                crashed: list[tuple[Planned, int]] = []
                if inflight:
                    done, _ = wait(list(inflight), timeout=_POLL_S, return_when=FIRST_COMPLETED)
                    for fut in done:
                        p, attempts = inflight.pop(fut)
                        try:
                            result = fut.result()
                        except BrokenProcessPool:
                            crashed.append((p, attempts))
                            continue
                        except Exception as exc:  # e.g. a result that cannot be unpickled
                            result = _error_result(p, exc)
                        fruitless = 0
                        self.record(p, result, attempts)
                if not crashed and not (broken and not inflight):
                    continue
                # The pool is broken: every other future fails the same way, at once.
                rest, _ = wait(list(inflight), timeout=30)
                for fut in rest:
                    p, attempts = inflight.pop(fut)
                    try:
                        self.record(p, fut.result(), attempts)
                    except BrokenProcessPool:
                        crashed.append((p, attempts))
                for fut in list(inflight):  # not finished in 30 s: treat as in the crash
                    crashed.append(inflight.pop(fut))
                pool.shutdown(wait=False, cancel_futures=True)
                fruitless += 1
                if fruitless > _MAX_FRUITLESS_POOLS:
                    raise PlumeError(
                        "Les processus de travail s’arrêtent dès leur démarrage\u00a0: vérifiez "
                        "l’installation de plume, ou lancez avec --workers 1.",
                        "Worker processes die as soon as they start: check plume's "
                        "installation, or run with --workers 1.",
                    )
                if crashed:
                    self.summary.crashes += 1
                if len(crashed) == 1:
                    p, attempts = crashed[0]
                    self.record(p, _crash_result(p), attempts)
                    fruitless = 0
                elif crashed:
                    suspects.extendleft(reversed([p for p, _ in crashed]))
                pool = new_pool()
        finally:
            if self.stop.event.is_set() or inflight:
                # Stopping: in-flight articles stay "running" in the store (redone on resume).
                _terminate(pool)
            pool.shutdown(wait=not self.stop.event.is_set(), cancel_futures=True)
        self.summary.pending = len(queue) + len(suspects) + len(inflight)

    # -- threads (remote backend)

    def run_threads(self, jobs: list[Planned], backend: LimitedBackend, concurrency: int) -> None:
        mode_fn = self.options.mode_fn
        pool = ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="plume-batch")
        queue: deque[Planned] = deque(jobs)
        inflight: dict[Future[JobResult], tuple[Planned, int]] = {}
        try:
            while (queue or inflight) and not self.stop.event.is_set():
                while queue and len(inflight) < concurrency:
                    p = queue.popleft()
                    fut = pool.submit(execute_job, p.spec, backend, mode_fn)
                    inflight[fut] = (p, self.start(p))
                done, _ = wait(list(inflight), timeout=_POLL_S, return_when=FIRST_COMPLETED)
                for fut in done:
                    p, attempts = inflight.pop(fut)
                    self.record(p, fut.result(), attempts)
            if self.stop.event.is_set():
                backend.stop()
                # Articles that finish while stopping are kept; failures caused by the stop
                # are not recorded (the rows stay "running", redone on resume).
                done, _ = wait(list(inflight), timeout=2)
                for fut in done:
                    p, attempts = inflight.pop(fut)
                    result = fut.result()
                    if result.status in FINISHED:
                        self.record(p, result, attempts)
                    else:
                        inflight[fut] = (p, attempts)
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
        self.summary.pending = len(queue) + len(inflight)

    # -- processes running threads (remote backend, high concurrency)

    def run_remote_processes(self, jobs: list[Planned], concurrency: int, processes: int) -> None:
        """:meth:`run_threads` spread over ``processes`` worker processes (see
        :mod:`plume.batch.remote`): the same article isolation and resume semantics."""
        from plume.batch import remote

        ctx = _mp_context(self.options.check_entities)
        results = ctx.Queue()

        @dataclass
        class Worker:
            proc: Any
            tasks: Any
            slots: int
            held: set[str] = field(default_factory=set)
            #: Running one suspect alone (see below).
            alone: bool = False

        def spawn(slots: int) -> Worker:
            tasks = ctx.Queue()
            proc = ctx.Process(
                target=remote.remote_worker,
                args=(
                    tasks,
                    results,
                    self.options.settings,
                    slots,
                    processes,
                    self.options.mode_fn,
                ),
                daemon=True,
            )
            proc.start()
            return Worker(proc, tasks, slots)

        def assign(w: Worker, p: Planned) -> None:
            w.tasks.put(p.spec)
            w.held.add(p.name)
            inflight[p.name] = self.start(p)

        workers = [spawn(n) for n in remote.slots_per_process(concurrency, processes)]
        queue: deque[Planned] = deque(jobs)
        #: Articles a dead worker held: each runs again alone on a worker (as in
        #: :meth:`run_processes`), so the one that kills it is identified and the others are
        #: not blamed; the other workers go on meanwhile.
        suspects: deque[Planned] = deque()
        by_name = {p.name: p for p in jobs}
        inflight: dict[str, int] = {}  # name -> attempts
        try:
            while (queue or suspects or inflight) and not self.stop.event.is_set():
                # The first worker is kept for the suspects: it takes no new article while
                # one waits, and runs it once it is idle.
                if suspects and not any(w.alone for w in workers) and not workers[0].held:
                    workers[0].alone = True
                    assign(workers[0], suspects.popleft())
                busy_first = bool(suspects) or workers[0].alone
                while queue:
                    free = [w for i, w in enumerate(workers) if not (i == 0 and busy_first)]
                    w = max(free, key=lambda w: w.slots - len(w.held), default=None)
                    if w is None or len(w.held) >= w.slots:
                        break
                    assign(w, queue.popleft())
                for name, result in remote.drain(results, _POLL_S):
                    if name in inflight:
                        for w in workers:
                            if name in w.held:
                                w.held.discard(name)
                                w.alone = False
                        self.record(by_name[name], result, inflight.pop(name))
                for i, w in enumerate(workers):
                    if w.proc.is_alive():
                        continue
                    self.summary.crashes += 1
                    held = [by_name[n] for n in sorted(w.held)]
                    if w.alone:  # it ran one suspect alone: that article is the cause
                        for p in held:
                            self.record(p, _crash_result(p), inflight.pop(p.name))
                    else:
                        for p in held:
                            inflight.pop(p.name)
                        suspects.extend(held)
                    w.tasks.cancel_join_thread()
                    workers[i] = spawn(w.slots)
        finally:
            for w in workers:
                if self.stop.event.is_set() or inflight:
                    w.proc.terminate()  # in-flight articles stay "running": redone on resume
                else:
                    w.tasks.put(None)
            for w in workers:
                w.proc.join(timeout=10)
                if w.proc.is_alive():
                    w.proc.kill()
                w.tasks.cancel_join_thread()
            results.cancel_join_thread()
        self.summary.pending = len(queue) + len(suspects) + len(inflight)


def _crash_result(p: Planned) -> JobResult:
    return JobResult(
        name=p.name,
        status="failed",
        error_code=1,
        error_fr=(
            "Le processus qui traitait cet article s’est arrêté brutalement (plantage ou mémoire "
            "épuisée)\u202f; l’article a été isolé, les autres ont continué."
        ),
        error_en=(
            "The process working on this article died (crash or out of memory); the article "
            "was isolated and the others went on."
        ),
    )


def _error_result(p: Planned, exc: BaseException) -> JobResult:
    what = f"{type(exc).__name__}: {exc}"[:300]
    return JobResult(
        name=p.name,
        status="failed",
        error_code=1,
        error_fr=f"Erreur interne de plume ({what}). Signalez-la avec le fichier.",
        error_en=f"Internal plume error ({what}). Please report it with the file.",
    )


def _terminate(pool: ProcessPoolExecutor) -> None:
    # No public API before Python 3.14 (``terminate_workers``): the executor's own map of
    # worker processes. Best effort: a worker that is already gone is fine.
    processes = getattr(pool, "_processes", None) or {}
    for proc in list(processes.values()):
        with contextlib.suppress(Exception):
            proc.terminate()


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
    with _outdir_lock(outdir):
        store = JobStore(outdir / DB_NAME)
        try:
            planned = plan_batch(options, store)
            jobs = [p for p in planned if p.action == "run"]
            _sweep_temporaries(outdir.resolve(), [p.name for p in jobs])
            remote = options.use_model and options.settings.backend.name != "local"
            if remote:
                workers = options.settings.backend.concurrency
            else:
                workers = max(1, min(resolve_workers(options), len(jobs) or 1))
            if on_plan is not None:
                on_plan(planned, workers)
            run = _Run(options, planned, store, display, stop)
            run.summary.workers = workers
            run.write_manifest()
            display.start(len(jobs), run.summary.skipped, workers)
            try:
                with stop.installed():
                    if jobs and remote:
                        # Threads share this process: load spaCy and the lexicons once, here,
                        # rather than in every thread at once on their first article.
                        warm(options.check_entities)
                        processes = remote_processes(options, len(jobs))
                        if processes > 1:
                            run.run_remote_processes(jobs, workers, processes)
                        else:
                            backend = limited_backend(options.settings, concurrency=workers)
                            try:
                                run.run_threads(jobs, backend, workers)
                            finally:
                                backend.close()
                    elif jobs:
                        run.run_processes(jobs, workers)
            finally:
                display.stop()
                if stop.event.is_set():
                    _sweep_temporaries(outdir.resolve(), [p.name for p in jobs])
                run.summary.manifest = run.write_manifest()
            summary = run.summary
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


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()
