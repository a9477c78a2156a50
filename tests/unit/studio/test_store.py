"""The history file: schema version, WAL, foreign keys, cascading deletes, newer files refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from plume.errors import ConfigError
from plume.studio.store import SCHEMA_VERSION, RunRecord, RunSummary, Store, default_db_path


def record(run_id: str, created: str) -> RunRecord:
    return RunRecord(
        summary=RunSummary(
            id=run_id,
            created_at=created,
            action="optimise",
            source="a.txt",
            seo_before=40,
            seo_after=80,
        ),
        options={"keyphrase": "vélo", "no_model": True},
        input_name="a.txt",
        input_format="txt",
        input_data="Le vélo.".encode(),
        files={"article.md": "# Vélo\n", "report.json": "{}\n"},
    )


def test_schema_is_versioned_in_wal_with_foreign_keys(tmp_path: Path) -> None:
    store = Store(tmp_path / "sub" / "h.sqlite3")
    db = sqlite3.connect(store.path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    fks = db.execute("PRAGMA foreign_key_list(files)").fetchall()
    assert fks and fks[0][6] == "CASCADE"  # on_delete column
    db.close()
    Store(store.path)  # opening again migrates nothing and keeps the data


def test_save_get_list_delete_cascades(tmp_path: Path) -> None:
    store = Store(tmp_path / "h.sqlite3")
    store.save(record("a1", "2026-01-01T10:00:00.000+00:00"))
    store.save(record("b2", "2026-01-02T10:00:00.000+00:00"))
    assert [r.id for r in store.list()] == ["b2", "a1"]
    got = store.get("a1")
    assert got is not None and got.input_data == "Le vélo.".encode()
    assert got.files["article.md"] == "# Vélo\n" and got.options["keyphrase"] == "vélo"
    assert store.file("a1", "article.md") == "# Vélo\n"
    assert store.delete("a1") is True
    assert store.counts("a1") == {"runs": 0, "inputs": 0, "files": 0}
    assert store.counts("b2") == {"runs": 1, "inputs": 1, "files": 2}
    assert store.get("a1") is None and store.delete("a1") is False


def test_a_file_from_a_newer_plume_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(ConfigError, match="plus récente"):
        Store(path)


def test_default_path_is_in_the_user_data_dir(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_db_path() == tmp_path / "plume" / "studio.sqlite3"
