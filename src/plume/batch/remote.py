"""A remote backend's batch spread over several processes, each running threads.

Used when the CPU work between requests saturates one process (calibrated: see
docs/calibration.md). Each worker gets an even share of the concurrency and rate limits; a dead
worker's articles are retried once, then failed. Protocol: docs/batch.md.
"""

from __future__ import annotations

import contextlib
import math
import queue as queue_module
import threading
from typing import Any

from plume.batch.limiter import limited_backend
from plume.batch.worker import JobResult, JobSpec, ModeFn, execute_job, init_worker
from plume.settings import Settings

__all__ = ["SLOTS_PER_PROCESS", "auto_processes", "drain", "remote_worker", "slots_per_process"]

#: Concurrent requests one process serves without plume's own time growing (calibrated with
#: ``bench/batch_overhead.py``: see docs/calibration.md). Above it, one more process per step,
#: up to one per core.
SLOTS_PER_PROCESS = 16


def auto_processes(concurrency: int, cpus: int) -> int:
    """Processes for ``concurrency`` concurrent requests on ``cpus`` cores (0 = settings' auto)."""
    return max(1, min(cpus, math.ceil(concurrency / SLOTS_PER_PROCESS)))


def slots_per_process(concurrency: int, processes: int) -> list[int]:
    """``concurrency`` split as evenly as possible into ``processes`` positive shares."""
    base, extra = divmod(concurrency, processes)
    return [base + (1 if i < extra else 0) for i in range(processes)]


def remote_worker(
    tasks: Any,
    results: Any,
    settings: Settings,
    slots: int,
    share: int,
    mode_fn: ModeFn | None,
) -> None:
    """A worker process: ``slots`` threads taking articles from ``tasks`` until a ``None``,
    sharing one rate-limited backend that gets ``1/share`` of the configured limits."""
    init_worker()
    backend = limited_backend(settings, concurrency=slots, share=share)

    def loop() -> None:
        while True:
            spec: JobSpec | None = tasks.get()
            if spec is None:
                tasks.put(None)  # let this process's other threads see the end too
                return
            result: JobResult = execute_job(spec, backend, mode_fn)
            results.put((spec.name, result))

    threads = [
        threading.Thread(target=loop, name=f"plume-remote-{i}", daemon=True) for i in range(slots)
    ]
    for t in threads:
        t.start()
    try:
        for t in threads:
            t.join()
    finally:
        with contextlib.suppress(Exception):
            backend.close()


def drain(results: Any, timeout: float) -> list[tuple[str, JobResult]]:
    """Every result waiting on ``results`` (at most ``timeout`` seconds for the first)."""
    out: list[tuple[str, JobResult]] = []
    try:
        out.append(results.get(timeout=timeout))
        while True:
            out.append(results.get_nowait())
    except queue_module.Empty:
        pass
    return out
