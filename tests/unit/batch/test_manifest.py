"""``manifest.jsonl``: one line per input, its status read from the job store."""

from __future__ import annotations

import json
from pathlib import Path

from plume.batch.manifest import MANIFEST_NAME, manifest_lines, write_manifest
from plume.batch.plan import BatchOptions, plan_batch
from plume.batch.store import JobStore
from plume.settings import load_settings


def test_statuses_come_from_the_store_and_skips_keep_the_previous_one(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for name in ("a", "b", "c", "d"):
        (src / f"{name}.txt").write_text(f"Article {name}.", encoding="utf-8")
    options = BatchOptions(
        inputs=[str(src)], outdir=tmp_path / "out", settings=load_settings(env={})
    )
    store = JobStore(tmp_path / "db.sqlite3")
    planned = plan_batch(options, store)
    for p in planned[:3]:
        store.start(p.name, p.spec.source, p.content_hash, p.settings_hash)
    result = {"files": ["article.md"], "words": 3, "error": None}
    store.finish("a", "done", result)
    store.finish("b", "failed", {"error": {"code": 5}})
    rows = store.rows()
    lines = [json.loads(x) for x in manifest_lines(planned, rows, {"a"}).splitlines()]
    by_name = {line["name"]: line for line in lines}
    assert [line["name"] for line in lines] == ["a", "b", "c", "d"]
    assert by_name["a"]["status"] == "skipped" and by_name["a"]["previous_status"] == "done"
    assert by_name["a"]["output"] == "a/" and by_name["a"]["words"] == 3
    assert by_name["b"]["status"] == "failed" and by_name["b"]["error"] == {"code": 5}
    assert by_name["c"]["status"] == "pending" and by_name["c"]["finished_at"] is None
    assert by_name["d"]["attempts"] == 0 and by_name["d"]["output"] is None
    assert "previous_status" not in by_name["b"]
    path = write_manifest(tmp_path / "out", planned, rows, {"a"})
    assert path == (tmp_path / "out" / MANIFEST_NAME)
    assert path.read_text(encoding="utf-8") == manifest_lines(planned, rows, {"a"})
    store.close()
