"""The output folder: one batch at a time, and the temporaries a killed batch left."""

from __future__ import annotations

from pathlib import Path

import pytest

from plume.batch.manifest import MANIFEST_NAME
from plume.batch.outdir import outdir_lock, sweep_temporaries
from plume.batch.runner import BatchOptions, run_batch
from plume.errors import PlumeError
from plume.render.outputs import OUTPUT_FILES
from plume.settings import load_settings


def test_one_batch_at_a_time_per_outdir(tmp_path: Path) -> None:
    options = BatchOptions(inputs=[], outdir=tmp_path, settings=load_settings(env={}))
    with outdir_lock(tmp_path), pytest.raises(PlumeError) as err:
        run_batch(options)
    assert "Un autre lot écrit déjà" in err.value.message_fr
    assert run_batch(options).total == 0  # released: the next batch runs


def test_only_plume_temporaries_of_this_batch_are_swept(tmp_path: Path) -> None:
    mine, other = tmp_path / "a", tmp_path / "b"
    mine.mkdir()
    other.mkdir()
    temps = [mine / f".{f}.x1y2.tmp" for f in OUTPUT_FILES]
    kept = [mine / "notes.tmp", mine / OUTPUT_FILES[0], other / f".{OUTPUT_FILES[0]}.z.tmp"]
    for path in (*temps, *kept):
        path.write_text("x", encoding="utf-8")
    (tmp_path / f".{MANIFEST_NAME}.q.tmp").write_text("x", encoding="utf-8")
    assert sweep_temporaries(tmp_path, ["a"]) == len(OUTPUT_FILES)
    assert not any(p.exists() for p in temps)
    assert all(p.exists() for p in kept)
    assert not (tmp_path / f".{MANIFEST_NAME}.q.tmp").exists()
