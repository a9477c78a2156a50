"""The job store is created aside and renamed: a batch killed while creating it never leaves a
store without its tables (the kill-and-resume test once read "no such table: jobs")."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from plume.batch.store import DB_NAME, JobStore


def test_a_new_store_appears_with_its_tables(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    store = JobStore(path)
    store.close()
    assert not list(tmp_path.glob("*.tmp"))
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        assert db.execute("SELECT count(*) FROM jobs").fetchone() == (0,)


@pytest.mark.parametrize("pid", [os.getpid(), 1, 999_999_999])
@pytest.mark.parametrize("exists", [False, True])
def test_a_killed_batchs_temporary_store_is_removed(tmp_path: Path, pid: int, exists: bool) -> None:
    """Whatever process left it (a killed batch had another pid), and whether or not the store
    itself was already renamed into place; its rollback journal goes with it."""
    if exists:
        JobStore(tmp_path / DB_NAME).close()
    stale = tmp_path / f"{DB_NAME}.{pid}.tmp"
    stale.write_bytes(b"not a database")
    journal = tmp_path / f"{DB_NAME}.{pid}.tmp-journal"
    journal.write_bytes(b"")
    JobStore(tmp_path / DB_NAME).close()
    assert not stale.exists()
    assert not journal.exists()
    assert JobStore(tmp_path / DB_NAME, readonly=True).rows() == {}


def test_a_store_that_fails_while_created_leaves_no_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure (or a kill) between the file and its tables: no store file without tables."""
    real = sqlite3.connect

    class Failing:
        def __init__(self, db: sqlite3.Connection) -> None:
            self.db = db

        def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
            if "CREATE TABLE" in sql:
                raise sqlite3.OperationalError("disk gone")
            return self.db.execute(sql, *args)

        def close(self) -> None:
            self.db.close()

    monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: Failing(real(*a, **k)))
    with pytest.raises(sqlite3.OperationalError):
        JobStore(tmp_path / DB_NAME)
    assert not (tmp_path / DB_NAME).exists()
