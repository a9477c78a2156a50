"""The studio's run history: one SQLite file (stdlib ``sqlite3``), schema versioned.

WAL journal, ``foreign_keys=ON`` (deleting a run cascades to its data), ``PRAGMA user_version``
upgraded by :data:`MIGRATIONS`. Never a backend key; rendered files stored byte-identical to the
CLI's. Why these settings and what is stored: docs/studio.md, « L’historique ».
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from plume.render.outputs import DRAFT_FILE

__all__ = [
    "SCHEMA_VERSION",
    "RefusedEdit",
    "RunRecord",
    "RunSummary",
    "Store",
    "default_db_path",
]

SCHEMA_VERSION = 2

#: Migration ``n`` brings a file from version ``n - 1`` to ``n``. Only ever append.
MIGRATIONS: dict[int, str] = {
    1: """
        CREATE TABLE runs (
            id TEXT PRIMARY KEY,
            created_at TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('analyse', 'optimise')),
            mode TEXT,
            source TEXT NOT NULL,
            keyphrase TEXT,
            seo_before INTEGER,
            seo_after INTEGER,
            readability_before INTEGER,
            readability_after INTEGER,
            options_json TEXT NOT NULL
        );
        CREATE INDEX runs_created ON runs (created_at);
        CREATE TABLE inputs (
            run_id TEXT PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            format TEXT,
            data BLOB NOT NULL
        );
        CREATE TABLE files (
            run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            content TEXT NOT NULL,
            PRIMARY KEY (run_id, name)
        );
    """,
    # The edits the editor undid on a run (issue 18), with what they were: a refused
    # correction is no longer in the report, and the page still offers to restore it.
    2: """
        CREATE TABLE refused_edits (
            run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            edit_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            before TEXT NOT NULL,
            after TEXT NOT NULL,
            PRIMARY KEY (run_id, edit_id)
        );
    """,
}


def default_db_path() -> Path:
    """``$XDG_DATA_HOME/plume/studio.sqlite3`` (platformdirs' user data directory)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("plume", appauthor=False)) / "studio.sqlite3"


class RunSummary(BaseModel):
    """One line of the history (``GET /api/history``)."""

    id: str
    created_at: str
    action: str
    mode: str | None = None
    source: str
    keyphrase: str | None = None
    seo_before: int | None = None
    seo_after: int | None = None
    readability_before: int | None = None
    readability_after: int | None = None
    #: A rewrite that did not meet every hard constraint: its files hold the draft marked as
    #: failing (``article.draft.md``) instead of the article. Read from the files, not stored.
    failing: bool = False


@dataclass(frozen=True)
class RefusedEdit:
    """An edit the editor undid: its id (``plume.optimisation.edit_id``) and what it did."""

    id: str
    kind: str  # a sentence edit's kind ("clauses"…) or a correction's rule ("COR-SPELLING"…)
    before: str
    after: str


@dataclass(frozen=True)
class RunRecord:
    summary: RunSummary
    options: dict[str, Any]
    input_name: str
    input_format: str | None
    input_data: bytes
    files: dict[str, str]


class Store:
    """The history file. Each call opens its own connection: calls come from the event loop and
    from worker threads, and a ``sqlite3`` connection must not be shared across threads."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            # WAL is persistent (stored in the file): set once, here.
            db.execute("PRAGMA journal_mode=WAL")
            self._migrate(db)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=10.0)
        try:
            db.execute("PRAGMA foreign_keys=ON")
            with db:  # one transaction: committed on success, rolled back on error
                yield db
        finally:
            db.close()

    def _migrate(self, db: sqlite3.Connection) -> None:
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            from plume.errors import ConfigError

            raise ConfigError(
                f"Historique {self.path} écrit par une version plus récente de plume "
                f"(schéma {version}, celle-ci connaît {SCHEMA_VERSION}) : mettez plume à jour "
                "ou choisissez un autre fichier (PLUME_STUDIO__DB_PATH).",
                f"History {self.path} was written by a newer plume (schema {version}, this one "
                f"knows {SCHEMA_VERSION}): upgrade plume or use another file "
                "(PLUME_STUDIO__DB_PATH).",
            )
        for target in range(version + 1, SCHEMA_VERSION + 1):
            db.executescript(MIGRATIONS[target])
            db.execute(f"PRAGMA user_version = {int(target)}")

    def save(self, record: RunRecord) -> None:
        s = record.summary
        with self._connect() as db:
            db.execute(
                "INSERT INTO runs VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (
                    s.id,
                    s.created_at,
                    s.action,
                    s.mode,
                    s.source,
                    s.keyphrase,
                    s.seo_before,
                    s.seo_after,
                    s.readability_before,
                    s.readability_after,
                    json.dumps(record.options, ensure_ascii=False, sort_keys=True),
                ),
            )
            db.execute(
                "INSERT INTO inputs VALUES (?,?,?,?)",
                (s.id, record.input_name, record.input_format, record.input_data),
            )
            db.executemany(
                "INSERT INTO files VALUES (?,?,?)",
                [(s.id, name, content) for name, content in record.files.items()],
            )

    def list(self, limit: int = 200) -> list[RunSummary]:
        with self._connect() as db:
            rows = db.execute(
                f"SELECT {_SUMMARY_COLUMNS} FROM runs ORDER BY created_at DESC, rowid DESC LIMIT ?",
                (limit,),
            ).fetchall()
        return [_summary(r) for r in rows]

    def summary(self, run_id: str) -> RunSummary | None:
        with self._connect() as db:
            row = db.execute(
                f"SELECT {_SUMMARY_COLUMNS} FROM runs WHERE id = ?",
                (run_id,),
            ).fetchone()
        return _summary(row) if row else None

    def file(self, run_id: str, name: str) -> str | None:
        with self._connect() as db:
            row = db.execute(
                "SELECT content FROM files WHERE run_id = ? AND name = ?", (run_id, name)
            ).fetchone()
        return str(row[0]) if row else None

    def get(self, run_id: str) -> RunRecord | None:
        with self._connect() as db:
            row = db.execute(
                f"SELECT {_SUMMARY_COLUMNS}, options_json FROM runs WHERE id = ?",
                (run_id,),
            ).fetchone()
            if row is None:
                return None
            inp = db.execute(
                "SELECT name, format, data FROM inputs WHERE run_id = ?", (run_id,)
            ).fetchone()
            files = db.execute(
                "SELECT name, content FROM files WHERE run_id = ?", (run_id,)
            ).fetchall()
        return RunRecord(
            summary=_summary(row[:-1]),
            options=json.loads(row[-1]),
            input_name=inp[0] if inp else "",
            input_format=inp[1] if inp else None,
            input_data=bytes(inp[2]) if inp else b"",
            files={str(n): str(c) for n, c in files},
        )

    def refused(self, run_id: str) -> tuple[RefusedEdit, ...]:
        """The edits undone on ``run_id``, in the order they were undone."""
        with self._connect() as db:
            rows = db.execute(
                "SELECT edit_id, kind, before, after FROM refused_edits WHERE run_id = ? "
                "ORDER BY rowid",
                (run_id,),
            ).fetchall()
        return tuple(RefusedEdit(*map(str, r)) for r in rows)

    def revise(
        self,
        run_id: str,
        summary: RunSummary,
        files: dict[str, str],
        refused: Sequence[RefusedEdit],
    ) -> None:
        """Replace a run's result after an edit was undone or restored: its scores, its files
        and its refused edits, in one transaction (a reader sees the old run or the new one)."""
        with self._connect() as db:
            db.execute(
                "UPDATE runs SET keyphrase = ?, seo_before = ?, seo_after = ?, "
                "readability_before = ?, readability_after = ? WHERE id = ?",
                (
                    summary.keyphrase,
                    summary.seo_before,
                    summary.seo_after,
                    summary.readability_before,
                    summary.readability_after,
                    run_id,
                ),
            )
            db.execute("DELETE FROM files WHERE run_id = ?", (run_id,))
            db.executemany(
                "INSERT INTO files VALUES (?,?,?)",
                [(run_id, name, content) for name, content in files.items()],
            )
            db.execute("DELETE FROM refused_edits WHERE run_id = ?", (run_id,))
            db.executemany(
                "INSERT INTO refused_edits VALUES (?,?,?,?,?)",
                [(run_id, e.id, e.kind, e.before, e.after) for e in refused],
            )

    def delete(self, run_id: str) -> bool:
        """Delete a run; its input and files go with it (``ON DELETE CASCADE``)."""
        with self._connect() as db:
            cur = db.execute("DELETE FROM runs WHERE id = ?", (run_id,))
        return cur.rowcount > 0

    def counts(self, run_id: str) -> dict[str, int]:
        """Rows held for ``run_id`` in each table (for tests and diagnostics)."""
        with self._connect() as db:
            return {
                table: int(
                    db.execute(
                        f"SELECT COUNT(*) FROM {table} WHERE {key} = ?", (run_id,)
                    ).fetchone()[0]
                )
                for table, key in (
                    ("runs", "id"),
                    ("inputs", "run_id"),
                    ("files", "run_id"),
                    ("refused_edits", "run_id"),
                )
            }


#: The history line's fields, in the order of :data:`_SUMMARY_COLUMNS`.
_SUMMARY_KEYS = (
    "id",
    "created_at",
    "action",
    "mode",
    "source",
    "keyphrase",
    "seo_before",
    "seo_after",
    "readability_before",
    "readability_after",
    "failing",
)
#: The SELECT list of a history line. ``failing``: whether the run kept a failing rewrite's
#: draft (see ``RunSummary.failing``), read from its files.
_SUMMARY_COLUMNS = ", ".join(_SUMMARY_KEYS[:-1]) + (
    f", EXISTS (SELECT 1 FROM files WHERE files.run_id = runs.id AND files.name = '{DRAFT_FILE}')"
)


def _summary(row: Any) -> RunSummary:
    return RunSummary(**dict(zip(_SUMMARY_KEYS, row, strict=True)))
