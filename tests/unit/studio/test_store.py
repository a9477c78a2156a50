"""The history file: schema version, WAL, foreign keys, cascading deletes, newer files refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from plume.errors import ConfigError
from plume.studio.store import (
    MIGRATIONS,
    SCHEMA_VERSION,
    RefusedEdit,
    RunRecord,
    RunSummary,
    Store,
    default_db_path,
)


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
    assert store.counts("a1") == {"runs": 0, "inputs": 0, "files": 0, "refused_edits": 0}
    assert store.counts("b2") == {"runs": 1, "inputs": 1, "files": 2, "refused_edits": 0}
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


SPLIT = RefusedEdit("2d13c170cd66", "clauses", "A, et b.", "A. B.")
FIX = RefusedEdit("25a596d12f7b", "COR-SPELLING", "déja", "déjà")


def test_a_revision_replaces_scores_files_and_refused_edits_at_once(tmp_path: Path) -> None:
    store = Store(tmp_path / "h.sqlite3")
    store.save(record("a1", "2026-01-01T10:00:00.000+00:00"))
    store.save(record("b2", "2026-01-02T10:00:00.000+00:00"))
    new = RunSummary(
        id="a1",
        created_at="",
        action="optimise",
        source="a.txt",
        keyphrase="vélo",
        seo_before=41,
        seo_after=77,
        readability_before=60,
        readability_after=55,
    )
    store.revise("a1", new, {"article.md": "# Vélo !\n", "report.json": "[]\n"}, [FIX, SPLIT])
    got = store.get("a1")
    assert got is not None and got.files == {"article.md": "# Vélo !\n", "report.json": "[]\n"}
    summary = got.summary
    assert (summary.seo_before, summary.seo_after, summary.readability_after) == (41, 77, 55)
    assert summary.created_at == "2026-01-01T10:00:00.000+00:00"  # the run keeps its place
    assert store.refused("a1") == (FIX, SPLIT) and store.refused("b2") == ()
    store.revise("a1", new, {"report.json": "{}\n"}, [SPLIT])  # FIX restored
    assert store.refused("a1") == (SPLIT,) and store.file("a1", "article.md") is None
    assert store.delete("a1")
    assert store.counts("a1") == {"runs": 0, "inputs": 0, "files": 0, "refused_edits": 0}


def test_a_version_1_history_is_upgraded_with_its_runs(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[1])
    db.execute("PRAGMA user_version = 1")
    db.execute(
        "INSERT INTO runs VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        ("a1", "2026-01-01T10:00:00", "optimise", "faithful", "a.txt", None, 1, 2, 3, 4, "{}"),
    )
    db.execute("INSERT INTO inputs VALUES (?,?,?,?)", ("a1", "a.txt", "txt", b"Le v\xc3\xa9lo."))
    db.commit()
    db.close()
    store = Store(path)
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
    db.close()
    assert store.get("a1") is not None and store.refused("a1") == ()
