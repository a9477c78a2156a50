"""How a remote batch's concurrency is spread over worker processes."""

from __future__ import annotations

from plume.batch.remote import auto_processes, slots_per_process


def test_processes_are_sized_from_the_concurrency_and_the_cores() -> None:
    assert auto_processes(4, 2) == 1 and auto_processes(16, 2) == 1
    assert auto_processes(17, 2) == 2 and auto_processes(64, 2) == 2 and auto_processes(64, 8) == 4
    assert slots_per_process(5, 2) == [3, 2] and sum(slots_per_process(64, 3)) == 64
