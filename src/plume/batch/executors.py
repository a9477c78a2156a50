"""Running the planned articles: a process pool, threads, or processes running threads.

CPU work (cleaning, analysis, faithful mode, the embedded model) runs in a
``ProcessPoolExecutor`` sized to the machine (:func:`run_processes`); a remote backend runs in
threads sharing one HTTP client behind a concurrency cap and rate limits
(:func:`run_threads`, :mod:`plume.batch.limiter`), spread over several processes when the
concurrency is high (:func:`run_remote_processes`, :mod:`plume.batch.remote`). Each executor
stops when ``stop`` is set: the articles still in flight stay ``running`` in the job store, and
the next run redoes them.

A worker that dies (segfault, ``os._exit``, out of memory) breaks the whole process pool:
the pool is rebuilt, and the articles that were in flight are retried *one at a time*, so the
one that kills its worker is identified and marked failed, and the others are not blamed.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import threading
from collections import deque
from concurrent.futures import (
    FIRST_COMPLETED,
    Future,
    ProcessPoolExecutor,
    ThreadPoolExecutor,
    wait,
)
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any

from plume.batch.limiter import LimitedBackend
from plume.batch.plan import Planned
from plume.batch.record import Recorder
from plume.batch.remote import drain, remote_worker, slots_per_process
from plume.batch.store import FINISHED
from plume.batch.worker import JobResult, execute_job, init_worker, process_job
from plume.errors import PlumeError

__all__ = ["run_processes", "run_remote_processes", "run_threads"]

#: How often the scheduler wakes to check for Ctrl-C while waiting for results.
_POLL_S = 0.2
#: Pools rebuilt in a row without a single article finished (see ``run_processes``): a few
#: crashes in a row are bad luck or bad articles, more mean workers cannot run at all.
_MAX_FRUITLESS_POOLS = 5


def _mp_context(check_entities: bool) -> Any:
    """``forkserver`` where it exists (Linux, macOS): workers fork from a clean, single-threaded
    server that preloaded plume (and spaCy), so they start warm and a pool rebuilt after a crash
    starts instantly; forking the scheduler itself is unsafe once it runs threads (the progress
    display, the executor's own). ``spawn`` elsewhere."""
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if ctx.get_start_method() == "forkserver":
        ctx.set_forkserver_preload(
            ["plume.batch.preload_nlp" if check_entities else "plume.batch.preload"]
        )
    return ctx


def run_processes(rec: Recorder, jobs: list[Planned], workers: int, stop: threading.Event) -> None:
    """CPU work and the embedded model: a process pool of ``workers``, rebuilt after a crash."""
    ctx = _mp_context(rec.options.check_entities)
    mode_fn = rec.options.mode_fn

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
        inflight[fut] = (p, rec.start(p))
        return True

    try:
        while (queue or suspects or inflight) and not stop.is_set():
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
                    rec.record(p, result, attempts)
            if not crashed and not (broken and not inflight):
                continue
            # The pool is broken: every other future fails the same way, at once.
            rest, _ = wait(list(inflight), timeout=30)
            for fut in rest:
                p, attempts = inflight.pop(fut)
                try:
                    rec.record(p, fut.result(), attempts)
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
                rec.summary.crashes += 1
            if len(crashed) == 1:
                p, attempts = crashed[0]
                rec.record(p, _crash_result(p), attempts)
                fruitless = 0
            elif crashed:
                suspects.extendleft(reversed([p for p, _ in crashed]))
            pool = new_pool()
    finally:
        if stop.is_set() or inflight:
            # Stopping: in-flight articles stay "running" in the store (redone on resume).
            _terminate(pool)
        pool.shutdown(wait=not stop.is_set(), cancel_futures=True)
    rec.summary.pending = len(queue) + len(suspects) + len(inflight)


def run_threads(
    rec: Recorder,
    jobs: list[Planned],
    backend: LimitedBackend,
    concurrency: int,
    stop: threading.Event,
) -> None:
    """A remote backend in this process: ``concurrency`` threads sharing ``backend``."""
    mode_fn = rec.options.mode_fn
    pool = ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="plume-batch")
    queue: deque[Planned] = deque(jobs)
    inflight: dict[Future[JobResult], tuple[Planned, int]] = {}
    try:
        while (queue or inflight) and not stop.is_set():
            while queue and len(inflight) < concurrency:
                p = queue.popleft()
                fut = pool.submit(execute_job, p.spec, backend, mode_fn)
                inflight[fut] = (p, rec.start(p))
            done, _ = wait(list(inflight), timeout=_POLL_S, return_when=FIRST_COMPLETED)
            for fut in done:
                p, attempts = inflight.pop(fut)
                rec.record(p, fut.result(), attempts)
        if stop.is_set():
            backend.stop()
            # Articles that finish while stopping are kept; failures caused by the stop
            # are not recorded (the rows stay "running", redone on resume).
            done, _ = wait(list(inflight), timeout=2)
            for fut in done:
                p, attempts = inflight.pop(fut)
                result = fut.result()
                if result.status in FINISHED:
                    rec.record(p, result, attempts)
                else:
                    inflight[fut] = (p, attempts)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    rec.summary.pending = len(queue) + len(inflight)


def run_remote_processes(
    rec: Recorder, jobs: list[Planned], concurrency: int, processes: int, stop: threading.Event
) -> None:
    """:func:`run_threads` spread over ``processes`` worker processes (see
    :mod:`plume.batch.remote`): the same article isolation and resume semantics."""
    ctx = _mp_context(rec.options.check_entities)

    @dataclass
    class Worker:
        proc: Any
        tasks: Any
        #: Its own results queue: a worker killed while writing to a shared queue would die
        #: holding the queue's write lock, and every other worker would block on it for ever
        #: (seen as a hung test); a dead worker's queue is dropped with it.
        results: Any
        slots: int
        held: set[str] = field(default_factory=set)
        #: Running one suspect alone (see below).
        alone: bool = False

    def spawn(slots: int) -> Worker:
        tasks = ctx.Queue()
        results = ctx.Queue()
        proc = ctx.Process(
            target=remote_worker,
            args=(
                tasks,
                results,
                rec.options.settings,
                slots,
                processes,
                rec.options.mode_fn,
            ),
            daemon=True,
        )
        proc.start()
        return Worker(proc, tasks, results, slots)

    def assign(w: Worker, p: Planned) -> None:
        w.tasks.put(p.spec)
        w.held.add(p.name)
        inflight[p.name] = rec.start(p)

    workers = [spawn(n) for n in slots_per_process(concurrency, processes)]
    queue: deque[Planned] = deque(jobs)
    #: Articles a dead worker held: each runs again alone on a worker (as in
    #: :func:`run_processes`), so the one that kills it is identified and the others are
    #: not blamed; the other workers go on meanwhile.
    suspects: deque[Planned] = deque()
    by_name = {p.name: p for p in jobs}
    inflight: dict[str, int] = {}  # name -> attempts
    try:
        while (queue or suspects or inflight) and not stop.is_set():
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
            arrived = [r for w in workers for r in drain(w.results, _POLL_S / len(workers))]
            for name, result in arrived:
                if name in inflight:
                    for w in workers:
                        if name in w.held:
                            w.held.discard(name)
                            w.alone = False
                    rec.record(by_name[name], result, inflight.pop(name))
            for i, w in enumerate(workers):
                if w.proc.is_alive():
                    continue
                rec.summary.crashes += 1
                held = [by_name[n] for n in sorted(w.held)]
                if w.alone:  # it ran one suspect alone: that article is the cause
                    for p in held:
                        rec.record(p, _crash_result(p), inflight.pop(p.name))
                else:
                    for p in held:
                        inflight.pop(p.name)
                    suspects.extend(held)
                w.tasks.cancel_join_thread()
                w.results.cancel_join_thread()
                workers[i] = spawn(w.slots)
    finally:
        for w in workers:
            if stop.is_set() or inflight:
                w.proc.terminate()  # in-flight articles stay "running": redone on resume
            else:
                w.tasks.put(None)
        for w in workers:
            w.proc.join(timeout=10)
            if w.proc.is_alive():
                w.proc.kill()
            w.tasks.cancel_join_thread()
            w.results.cancel_join_thread()
    rec.summary.pending = len(queue) + len(suspects) + len(inflight)


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
