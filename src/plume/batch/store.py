"""The job store: one SQLite database per OUTDIR (``OUTDIR/.plume-batch.sqlite3``).

One row per output folder name. Work is keyed by the input's content hash and the hash of the
settings that shape the output: a row whose key is unchanged and whose status is ``done`` or
``done_short`` is skipped by the next run; a row left ``running`` (the batch was killed) is
redone. Only the scheduler process writes (workers return results), so there is one writer.

WAL journal (https://sqlite.org/wal.html): readers never block the writer, and a commit is one
append to the log, atomic even under ``kill -9``. ``synchronous=NORMAL`` is the setting SQLite
recommends with WAL: a process crash loses nothing committed; a power cut may lose the last
commits, which only means that work is redone (outputs are rewritten atomically, never doubled).
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

__all__ = ["DB_NAME", "FINISHED", "JobRow", "JobStore"]

DB_NAME = ".plume-batch.sqlite3"
#: Statuses that end an article's work; ``failed`` articles are retried by the next run.
FINISHED = frozenset({"done", "done_short"})
_SCHEMA_VERSION = "1"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS jobs (
    name TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    content_hash TEXT,
    settings_hash TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('running', 'done', 'done_short', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    completions INTEGER NOT NULL DEFAULT 0,
    result TEXT,
    error_code INTEGER,
    error_message TEXT,
    error_detail TEXT,
    updated_at TEXT NOT NULL
);
"""


def _create_schema(db: sqlite3.Connection) -> None:
    """The tables, if missing, in one transaction (executescript() would COMMIT the open
    transaction: one statement at a time)."""
    with _Transaction(db):
        for stmt in _SCHEMA.strip().split(";"):
            if stmt.strip():
                db.execute(stmt)
        db.execute(
            "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema', ?)", (_SCHEMA_VERSION,)
        )


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


@dataclass(frozen=True, slots=True)
class JobRow:
    name: str
    source: str
    content_hash: str | None
    settings_hash: str
    status: str
    attempts: int
    #: Times this key (content + settings) reached done/done_short: 1 for work done exactly once.
    completions: int
    result: dict[str, Any] | None
    error_code: int | None
    error_message: str | None
    updated_at: str

    def same_key(self, content_hash: str | None, settings_hash: str) -> bool:
        return (
            content_hash is not None
            and self.content_hash == content_hash
            and self.settings_hash == settings_hash
        )


class JobStore:
    """Open (creating if needed) the store at ``path``. Not shared between threads."""

    def __init__(self, path: Path, *, readonly: bool = False) -> None:
        self.path = path
        if readonly:
            self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        else:
            # The writer holds the outdir lock: any temporary store here is a killed batch's.
            for stale in path.parent.glob(f"{path.name}.*.tmp*"):
                stale.unlink(missing_ok=True)
            if not path.exists():
                # Created aside then renamed: a batch killed while creating it leaves no store
                # without its tables (a reader found "no such table: jobs").
                tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
                fresh = sqlite3.connect(tmp, isolation_level=None)
                try:
                    _create_schema(fresh)
                finally:
                    fresh.close()
                os.replace(tmp, path)
            self._db = sqlite3.connect(path, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA busy_timeout=5000")
            _create_schema(self._db)
        self._db.row_factory = sqlite3.Row

    def _tx(self) -> _Transaction:
        return _Transaction(self._db)

    def close(self) -> None:
        self._db.close()

    def rows(self, names: Iterable[str] | None = None) -> dict[str, JobRow]:
        cur = self._db.execute("SELECT * FROM jobs")
        wanted = set(names) if names is not None else None
        out: dict[str, JobRow] = {}
        for r in cur:
            if wanted is None or r["name"] in wanted:
                out[r["name"]] = _row(r)
        return out

    def start(self, name: str, source: str, content_hash: str | None, settings_hash: str) -> int:
        """Mark ``name`` running (one more attempt); return its attempt number for this key."""
        with self._tx():
            cur = self._db.execute(
                "SELECT content_hash, settings_hash, attempts, completions FROM jobs "
                "WHERE name = ?",
                (name,),
            ).fetchone()
            if cur is None or cur[0] != content_hash or cur[1] != settings_hash:
                attempts, completions = 1, 0
            else:
                attempts, completions = cur[2] + 1, cur[3]
            self._db.execute(
                "INSERT INTO jobs(name, source, content_hash, settings_hash, status, attempts, "
                "completions, result, error_code, error_message, error_detail, updated_at) "
                "VALUES (?, ?, ?, ?, 'running', ?, ?, NULL, NULL, NULL, NULL, ?) "
                "ON CONFLICT(name) DO UPDATE SET source = excluded.source, "
                "content_hash = excluded.content_hash, settings_hash = excluded.settings_hash, "
                "status = 'running', attempts = excluded.attempts, "
                "completions = excluded.completions, updated_at = excluded.updated_at",
                (name, source, content_hash, settings_hash, attempts, completions, _now()),
            )
        return attempts

    def finish(
        self,
        name: str,
        status: str,
        result: dict[str, Any],
        *,
        error_code: int | None = None,
        error_message: str | None = None,
        error_detail: str | None = None,
    ) -> None:
        done = 1 if status in FINISHED else 0
        with self._tx():
            self._db.execute(
                "UPDATE jobs SET status = ?, result = ?, error_code = ?, error_message = ?, "
                "error_detail = ?, completions = completions + ?, updated_at = ? WHERE name = ?",
                (
                    status,
                    json.dumps(result, ensure_ascii=False),
                    error_code,
                    error_message,
                    error_detail,
                    done,
                    _now(),
                    name,
                ),
            )


class _Transaction:
    """``BEGIN IMMEDIATE`` … ``COMMIT`` (rollback on error): one atomic step of the store."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        self._db.execute("ROLLBACK" if exc_type is not None else "COMMIT")


def _row(r: sqlite3.Row) -> JobRow:
    return JobRow(
        name=r["name"],
        source=r["source"],
        content_hash=r["content_hash"],
        settings_hash=r["settings_hash"],
        status=r["status"],
        attempts=r["attempts"],
        completions=r["completions"],
        result=json.loads(r["result"]) if r["result"] else None,
        error_code=r["error_code"],
        error_message=r["error_message"],
        updated_at=r["updated_at"],
    )
