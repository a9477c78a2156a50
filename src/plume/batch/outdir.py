"""The output folder of a batch: one batch at a time writes to it, and the temporary files a
killed batch left behind are swept before the next one runs."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from plume.batch.manifest import MANIFEST_NAME
from plume.errors import PlumeError
from plume.render.outputs import OUTPUT_FILES

__all__ = ["LOCK_NAME", "outdir_lock", "sweep_temporaries"]

LOCK_NAME = ".plume-batch.lock"


@contextlib.contextmanager
def outdir_lock(outdir: Path) -> Iterator[None]:
    """One batch at a time per OUTDIR (``flock``: released by the kernel when the process dies,
    even by ``kill -9``, so a killed batch never leaves a stale lock)."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory lock; the job store still serialises writes
        yield
        return
    fd = os.open(outdir / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise PlumeError(
                f"Un autre lot écrit déjà dans {outdir}\u00a0: attendez qu’il finisse, ou choisissez "
                "un autre dossier de sortie.",
                f"Another batch is writing to {outdir}: wait for it to finish, or choose another "
                "output folder.",
            ) from None
        yield
    finally:
        os.close(fd)


def sweep_temporaries(outdir: Path, names: list[str]) -> int:
    """Remove the temporary files a killed ``write_outputs`` left (``.article.md.XXXX.tmp``):
    only plume's own patterns, only in the folders of this batch."""
    removed = 0
    patterns = [f".{f}.*.tmp" for f in OUTPUT_FILES]
    folders = [outdir / n for n in names]
    for folder in folders:
        if not folder.is_dir() or folder.is_symlink():
            continue
        for pattern in patterns:
            for tmp in folder.glob(pattern):
                with contextlib.suppress(OSError):
                    tmp.unlink()
                    removed += 1
    for tmp in outdir.glob(f".{MANIFEST_NAME}.*.tmp"):
        with contextlib.suppress(OSError):
            tmp.unlink()
    return removed
