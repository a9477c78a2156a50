"""``manifest.jsonl``: one line per input of the batch (status, scores, tokens, error), written
from the job store, atomically, every few seconds while a batch runs and at its end."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from plume.batch.plan import Planned
from plume.batch.store import JobRow
from plume.render.files import write_outputs

__all__ = ["MANIFEST_NAME", "manifest_lines", "write_manifest"]

MANIFEST_NAME = "manifest.jsonl"


def manifest_lines(planned: list[Planned], rows: dict[str, JobRow], skipped: set[str]) -> str:
    lines = []
    for p in planned:
        row = rows.get(p.name)
        result: dict[str, Any] = dict(row.result or {}) if row is not None else {}
        if p.name in skipped:
            status = "skipped"
        elif row is None or row.status == "running" or not result:
            status = "pending"
        else:
            status = row.status
        line: dict[str, Any] = {
            "name": p.name,
            "source": p.spec.source,
            "output": f"{p.name}/" if result.get("files") else None,
            "status": status,
            "mode": p.spec.mode,
            "keyphrase": result.get("keyphrase") or p.spec.keyphrase,
            "min_words": result.get("min_words", p.spec.min_words),
            "words": result.get("words"),
            "words_missing": result.get("words_missing"),
            "scores": result.get("scores"),
            "attempts": row.attempts if row is not None else 0,
            "tokens": result.get("tokens", {"prompt": 0, "completion": 0}),
            "backend": result.get("backend"),
            "duration_s": result.get("duration_s"),
            "error": result.get("error"),
            "content_hash": p.content_hash,
            "finished_at": row.updated_at if row is not None and status != "pending" else None,
        }
        if status == "skipped":
            line["previous_status"] = row.status if row is not None else None
        lines.append(json.dumps(line, ensure_ascii=False))
    return "".join(line + "\n" for line in lines)


def write_manifest(
    outdir: Path, planned: list[Planned], rows: dict[str, JobRow], skipped: set[str]
) -> Path:
    """Rewrite ``OUTDIR/manifest.jsonl`` atomically; its path."""
    return write_outputs(outdir, {MANIFEST_NAME: manifest_lines(planned, rows, skipped)})[0]
