"""The job store: attempts, completions and the key that decides what a resumed batch skips."""

from __future__ import annotations

from pathlib import Path

from plume.batch.store import JobStore


def test_store_counts_attempts_and_completions_per_key(tmp_path: Path) -> None:
    store = JobStore(tmp_path / "db.sqlite3")
    assert store.start("a", "a.txt", "h1", "s1") == 1
    assert store.start("a", "a.txt", "h1", "s1") == 2  # killed, redone
    store.finish("a", "done", {"words": 3})
    row = store.rows()["a"]
    assert (row.status, row.attempts, row.completions, row.result) == ("done", 2, 1, {"words": 3})
    assert row.same_key("h1", "s1") and not row.same_key("h2", "s1")
    assert store.start("a", "a.txt", "h2", "s1") == 1  # new content: a new piece of work
    assert store.rows()["a"].completions == 0
    store.finish("a", "failed", {}, error_code=5, error_message="vide")
    store.close()
    again = JobStore(tmp_path / "db.sqlite3", readonly=True)
    row = again.rows()["a"]
    assert (row.status, row.error_code, row.error_message) == ("failed", 5, "vide")
