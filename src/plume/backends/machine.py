"""One machine's CPUs shared by the in-process model: how many it may use, and a queue.

llama.cpp runs a completion on ``n_threads`` threads that meet at a spinning barrier after every
operation; a thread preempted by another process (another run's model, or its Python work) stalls
the others until it is scheduled again. Measured on the 2-core machine: two ``plume optimise`` at
once took 9× one alone (issue 20). So each completion takes *all* the CPUs the process may use
(:func:`available_cpus`), and model work on one machine takes turns through an advisory lock file
beside the model cache (:func:`model_turn`, ``fcntl.flock``): the kernel queues the waiting
processes, and releases the lock of a process that dies. A turn is kept for :data:`HOLD_S` after
a completion, so a run's model phase (completions with its own checks in between) is not
interleaved with another run's: the other waits asleep instead of competing for the cores.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import Iterator
from pathlib import Path

try:  # POSIX; elsewhere completions are not queued across processes
    import fcntl
except ImportError:  # pragma: no cover - plume runs on Linux and macOS
    fcntl = None  # type: ignore[assignment]

__all__ = ["HOLD_S", "LOCK_NAME", "available_cpus", "lock_path", "model_turn"]

log = logging.getLogger(__name__)

#: The lock file's name, in the models' cache directory.
LOCK_NAME = "llama.lock"
#: Seconds a turn is kept after a completion: longer than the checks between two completions of
#: one run (a heading's support check, ≈ 0.1–0.5 s), short enough that an idle studio or a run
#: past its model phase lets the next one in at once. Issue 20: released after each completion,
#: two runs at once took 2.6× one alone (the waiting run's Python work slowed the other's model).
HOLD_S = 1.0

# A completion in progress in this process: flock locks belong to an open file, so threads of
# one process sharing it would all "hold" it; they queue here first.
_BUSY = threading.Lock()
# Guards the held file and the release timer.
_STATE = threading.Lock()
# The lock file held (its directory, its descriptor) between completions.
_held: tuple[Path, int] | None = None
_timer: threading.Timer | None = None


def available_cpus() -> int:
    """The CPUs this process may run on: its affinity mask (``taskset``, a container's
    ``cpuset``), which ``os.cpu_count()`` ignores; the machine's count where there is none."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # macOS has no sched_getaffinity
        return max(1, os.cpu_count() or 1)


def lock_path(directory: Path, slot: int) -> Path:
    """The lock file of ``slot``: ``llama.lock``, then ``llama.1.lock``…"""
    return directory / (LOCK_NAME if slot == 0 else LOCK_NAME.replace(".", f".{slot}.", 1))


def _acquire(directory: Path, slots: int) -> int | None:
    """A free slot's lock file, opened and locked — or, all taken, one of them waited for;
    None when the directory cannot hold it (a read-only cache): no queue then, never an
    error."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fds = [
            os.open(lock_path(directory, k), os.O_RDWR | os.O_CREAT, 0o644) for k in range(slots)
        ]
    except OSError as e:
        log.info("no model queue (%s): completions are not serialised across processes", e)
        return None
    if fcntl is None:  # pragma: no cover - non-POSIX
        return fds[0]
    chosen: int | None = None
    for fd in fds:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            chosen = fd
            break
        except BlockingIOError:
            continue
    if chosen is None:
        chosen = fds[os.getpid() % slots]
        fcntl.flock(chosen, fcntl.LOCK_EX)
    for fd in fds:
        if fd != chosen:
            os.close(fd)
    return chosen


def _release_if_idle() -> None:
    global _held
    if not _BUSY.acquire(blocking=False):
        return  # a completion started: it re-arms the timer when it ends
    try:
        with _STATE:
            if _held is not None:
                os.close(_held[1])  # closing the file releases the lock
                _held = None
    finally:
        _BUSY.release()


@contextlib.contextmanager
def model_turn(directory: Path, hold: float = HOLD_S, slots: int = 1) -> Iterator[None]:
    """This machine's turn at the model for one completion: an exclusive ``flock`` on one of
    ``slots`` lock files in ``directory`` (:func:`lock_path`), waited for as long as other
    processes hold them all, and kept ``hold`` seconds after (0: released at once) for this
    process's next completion. ``slots``: how many models the CPUs hold at once
    (CPUs // threads; 1 when each takes every CPU, the default)."""
    global _held, _timer
    with _BUSY:
        with _STATE:
            if _timer is not None:
                _timer.cancel()
                _timer = None
            if _held is not None and _held[0] != directory:
                os.close(_held[1])
                _held = None
            kept = _held
        if kept is None:
            fd = _acquire(directory, max(1, slots))
            with _STATE:
                _held = (directory, fd) if fd is not None else None
        try:
            yield
        finally:
            with _STATE:
                if _held is not None and hold <= 0:
                    os.close(_held[1])
                    _held = None
                elif _held is not None:
                    _timer = threading.Timer(hold, _release_if_idle)
                    _timer.daemon = True  # never delays the end of the process
                    _timer.start()
