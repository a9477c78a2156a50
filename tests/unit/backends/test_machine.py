"""The machine's CPUs and the queue of model completions (issue 20).

The queue is checked across real processes: a child holds the turn, the lock file is then
locked for anyone on the machine, and the parent's turn comes only once the child lets go."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from plume.backends.local import LocalBackend
from plume.backends.machine import LOCK_NAME, available_cpus, lock_path, model_turn
from plume.settings import BackendSettings

HOLD = """
import sys
from pathlib import Path
from plume.backends.machine import model_turn
with model_turn(Path(sys.argv[1]), hold=0):
    print("held", flush=True)
    sys.stdin.readline()
print("released", flush=True)
"""


def test_available_cpus_follow_the_affinity_mask() -> None:
    assert available_cpus() == len(os.sched_getaffinity(0))


def test_the_embedded_models_threads_follow_the_cpus_unless_set() -> None:
    assert BackendSettings().threads is None
    assert LocalBackend().threads == available_cpus()
    assert LocalBackend.from_settings(BackendSettings()).threads == available_cpus()
    assert LocalBackend.from_settings(BackendSettings(threads=3)).threads == 3
    shown = dict(LocalBackend.describe(BackendSettings()))
    assert shown["threads"] == str(available_cpus())


def test_llama_cpp_threads_sleep_instead_of_spinning() -> None:
    params = LocalBackend(threads=3).params()
    assert params.cpuparams.n_threads == params.cpuparams_batch.n_threads == 3
    # llama.cpp's --poll 0: no busy-wait while another process needs the cores.
    assert params.cpuparams.poll == params.cpuparams_batch.poll == 0


def test_a_turn_held_by_another_process_is_waited_for(tmp_path: Path) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(tmp_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdin is not None and child.stdout is not None
    try:
        assert child.stdout.readline().strip() == "held"
        # The child's turn is an exclusive flock on the file beside the model cache.
        fd = os.open(tmp_path / LOCK_NAME, os.O_RDWR)
        try:
            with pytest.raises(BlockingIOError):
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        finally:
            os.close(fd)
        got = threading.Event()

        def take() -> None:
            with model_turn(tmp_path, hold=0):
                got.set()

        waiter = threading.Thread(target=take)
        waiter.start()
        assert not got.is_set()
        child.stdin.write("\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == "released"
        waiter.join(timeout=30)
        assert got.is_set()
    finally:
        child.kill()
        child.wait()


def test_turns_are_taken_one_at_a_time_by_threads_of_one_process(tmp_path: Path) -> None:
    inside = 0
    most = 0
    lock = threading.Lock()

    def work() -> None:
        nonlocal inside, most
        for _ in range(50):
            with model_turn(tmp_path):
                with lock:
                    inside += 1
                    most = max(most, inside)
                with lock:
                    inside -= 1

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert most == 1


def test_a_cache_that_cannot_hold_the_lock_gives_no_queue_not_an_error(tmp_path: Path) -> None:
    blocked = tmp_path / "fichier"
    blocked.write_text("pas un dossier", encoding="utf-8")
    with model_turn(blocked / "models"):
        pass


def _locked_by_someone(path: Path) -> bool:
    """Whether ``path`` is flocked through another open file (this process's included)."""
    fd = os.open(path, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


def test_a_turn_is_kept_between_completions_then_let_go(tmp_path: Path) -> None:
    """A run's completions come with its own checks in between: the turn is kept for the next
    one, and let go once the run stops asking (the timer ends it)."""
    with model_turn(tmp_path, hold=0.2):
        pass
    assert _locked_by_someone(tmp_path / LOCK_NAME)
    released = threading.Event()
    for _ in range(300):  # the 0.2 s timer, waited for with a generous bound
        if not _locked_by_someone(tmp_path / LOCK_NAME):
            released.set()
            break
        threading.Event().wait(0.05)
    assert released.is_set()
    with model_turn(tmp_path, hold=0):
        pass
    assert not _locked_by_someone(tmp_path / LOCK_NAME)


def test_with_two_slots_a_second_model_runs_beside_the_first(tmp_path: Path) -> None:
    """CPUs for two models (say 16 cores, 8 threads each): a second process's completion takes
    the free slot instead of waiting."""
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(tmp_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdin is not None and child.stdout is not None
    try:
        assert child.stdout.readline().strip() == "held"
        with model_turn(tmp_path, hold=0, slots=2):
            assert _locked_by_someone(lock_path(tmp_path, 1))
        assert lock_path(tmp_path, 1).name == "llama.1.lock"
        assert _locked_by_someone(tmp_path / LOCK_NAME)  # still the child's
    finally:
        child.kill()
        child.wait()
    assert LocalBackend(threads=1).slots == available_cpus()
    assert LocalBackend().slots == 1
