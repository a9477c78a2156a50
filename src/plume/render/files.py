"""Atomic writing of rendered files.

Each file is first written in full to a temporary file in the destination directory (same file
system, so ``os.replace`` is an atomic rename, POSIX ``rename(2)``) and fsynced; only when *every*
file of the call has been written are they renamed into place, then the directory is fsynced so
the renames survive a crash. A failure while writing leaves no temporary file and no target
touched; a target is never truncated or half-written, whatever happens.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

__all__ = ["write_outputs"]

#: Permissions of new files (rw-r--r--), as ``open()`` would give under the usual 022 umask;
#: ``mkstemp`` creates 0600 files. An existing target keeps its own permissions.
_NEW_FILE_MODE = 0o644


def _check_name(name: str) -> None:
    separators = {"/", "\\", os.sep, os.altsep or "/"}
    if not name or name in {".", ".."} or any(sep in name for sep in separators) or "\x00" in name:
        raise ValueError(f"nom de fichier refusé (invalid output file name): {name!r}")


def _fsync_dir(directory: Path) -> None:
    # Not every platform can open a directory (Windows cannot); durability is then best effort.
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_temp(outdir: Path, name: str, content: str) -> Path:
    fd, tmp_name = tempfile.mkstemp(dir=outdir, prefix=f".{name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        target = outdir / name
        mode = target.stat().st_mode & 0o7777 if target.exists() else _NEW_FILE_MODE
        os.chmod(tmp, mode)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return tmp


def write_outputs(outdir: Path, files: dict[str, str]) -> list[Path]:
    """Write ``files`` (name → UTF-8 text) into ``outdir`` atomically; return the paths written.

    ``outdir`` is created if needed. Names must be plain file names (no path separator, not ``.``
    or ``..``): all are checked before anything is written. Texts are written byte for byte (no
    newline translation).
    """
    for name in files:
        _check_name(name)
    outdir.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[Path, Path]] = []
    try:
        for name, content in files.items():
            staged.append((_write_temp(outdir, name, content), outdir / name))
        written: list[Path] = []
        for tmp, target in staged:
            os.replace(tmp, target)
            written.append(target)
    finally:
        # After a failure: drop every temporary file not yet renamed (renamed ones are gone).
        for tmp, _ in staged:
            with contextlib.suppress(OSError):
                tmp.unlink()
    _fsync_dir(outdir)
    return written
