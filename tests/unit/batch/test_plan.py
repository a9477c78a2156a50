"""Planning a batch: why each article runs or is skipped, and how many workers run them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from plume.batch.plan import (
    BatchOptions,
    plan_batch,
    remote_processes,
    resolve_workers,
    uses_remote_backend,
)
from plume.batch.store import JobStore
from plume.render.outputs import OUTPUT_FILES
from plume.settings import load_settings


def _options(tmp_path: Path, **settings: Any) -> BatchOptions:
    return BatchOptions(
        inputs=[str(tmp_path / "src")],
        outdir=tmp_path / "out",
        settings=load_settings(settings, env={}),
    )


def _finish(store: JobStore, options: BatchOptions, name: str, status: str) -> None:
    p = next(p for p in plan_batch(options, store) if p.name == name)
    store.start(p.name, p.spec.source, p.content_hash, p.settings_hash)
    store.finish(p.name, status, {"status": status})
    for f in OUTPUT_FILES:
        (options.outdir / name).mkdir(parents=True, exist_ok=True)
        (options.outdir / name / f).write_text("x", encoding="utf-8")


def test_each_article_runs_or_is_skipped_for_a_reason(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for name in ("a", "b", "c", "d", "e", "f"):
        (src / f"{name}.txt").write_text(f"Article {name}.", encoding="utf-8")
    options = _options(tmp_path)
    store = JobStore(tmp_path / "db.sqlite3")
    assert {p.reason for p in plan_batch(options, store)} == {"new"}
    for name in ("a", "b", "c", "d"):
        _finish(store, options, name, "done")
    _finish(store, options, "e", "failed")
    (options.outdir / "b" / OUTPUT_FILES[0]).unlink()
    (src / "c.txt").write_text("Another article.", encoding="utf-8")
    p = next(p for p in plan_batch(options, store) if p.name == "d")
    store.start(p.name, p.spec.source, p.content_hash, p.settings_hash)  # killed mid-article
    plan = {p.name: (p.action, p.reason) for p in plan_batch(options, store)}
    assert plan == {
        "a": ("skip", "unchanged"),
        "b": ("run", "missing"),
        "c": ("run", "changed"),
        "d": ("run", "resume"),
        "e": ("run", "retry"),
        "f": ("run", "new"),
    }
    forced = plan_batch(replace(options, force=True), store)
    assert {(p.action, p.reason) for p in forced} == {("run", "force")}
    # Other settings shape the output: every article runs again.
    other = plan_batch(replace(options, keyphrase="vélo"), store)
    assert plan_batch(options, store)[0].settings_hash != other[0].settings_hash
    assert other[0].reason == "changed"
    store.close()


def test_the_backend_decides_threads_or_processes_and_the_model_name(tmp_path: Path) -> None:
    local = _options(tmp_path, backend={"threads": 2}, batch={"workers": 0})
    remote = _options(tmp_path, backend={"name": "openai", "model": "m"})
    assert not uses_remote_backend(local) and uses_remote_backend(remote)
    assert not uses_remote_backend(replace(remote, use_model=False))
    assert resolve_workers(replace(local, workers=3)) == 3
    assert resolve_workers(local) >= 1
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("Article.", encoding="utf-8")
    assert plan_batch(remote, None)[0].spec.model_name == "openai:m"
    assert plan_batch(replace(local, use_model=False), None)[0].spec.backend is None


def test_remote_processes_follow_workers_and_never_exceed_the_articles(tmp_path: Path) -> None:
    opts = _options(
        tmp_path,
        backend={"name": "openai", "base_url": "http://127.0.0.1:9/v1", "concurrency": 4},
        batch={"workers": 2},
    )
    assert remote_processes(opts, jobs=10) == 2  # --workers 2
    assert remote_processes(opts, jobs=1) == 1  # never more processes than articles
