"""What a batch works on: files, folders, globs and CSV/JSONL manifests, turned into items.

- a file is one article, whatever its extension (a bad one gets a clear per-article status);
- a folder is walked recursively for the extensions ingest reads (``.txt``, ``.md``, ``.html``,
  ``.docx``…), skipping hidden entries and OUTDIR itself;
- a path that does not exist but contains ``*``, ``?`` or ``[`` is a glob (``**`` recursive);
- a ``.csv`` or ``.jsonl`` file is a manifest: one article per row, with the columns ``file``
  (required, relative to the manifest's folder), ``keyphrase``, ``min_words``, ``output`` (the
  output folder name) and ``mode``. Per-row values win over the command-line defaults.

The same file listed twice (a folder and a glob overlapping) is one article: the first listing
wins. A malformed manifest stops the batch before anything runs (exit 8, with the line).
"""

from __future__ import annotations

import csv
import glob
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from plume.errors import ConfigError, InputNotFound
from plume.ingest.sniff import format_from_name

__all__ = ["MANIFEST_COLUMNS", "Item", "collect_inputs", "item_key"]

#: Manifest columns plume understands; any other column is refused (a typo such as
#: ``keyword`` silently ignored would run the whole batch with the wrong settings).
MANIFEST_COLUMNS = ("file", "keyphrase", "min_words", "output", "mode")
_MANIFEST_SUFFIXES = (".csv", ".jsonl")
_GLOB_CHARS = ("*", "?", "[")


@dataclass(frozen=True, slots=True)
class Item:
    """One article to process, before it gets its output name."""

    source: Path
    #: The output folder name wanted (file stem, or the manifest's ``output``), not yet safe.
    wanted_name: str
    keyphrase: str | None = None
    min_words: int | None = None
    mode: str | None = None
    #: Where the item came from, for messages ("liste.csv, ligne 3").
    origin: str = ""


def _bad_manifest(path: Path, line: int, fr: str, en: str) -> ConfigError:
    return ConfigError(
        f"Manifeste {path}, ligne {line}\u00a0: {fr}",
        f"Manifest {path}, line {line}: {en}",
    )


def _row_item(path: Path, line: int, row: dict[str, Any]) -> Item:
    unknown = sorted(k for k in row if k not in MANIFEST_COLUMNS)
    if unknown:
        cols = ", ".join(MANIFEST_COLUMNS)
        raise _bad_manifest(
            path,
            line,
            f"colonne inconnue «\u00a0{unknown[0]}\u00a0» (colonnes possibles\u00a0: {cols}).",
            f"unknown column '{unknown[0]}' (known columns: {cols}).",
        )
    file = row.get("file")
    if not isinstance(file, str) or not file.strip():
        raise _bad_manifest(
            path, line, "la colonne «\u00a0file\u00a0» est vide.", "the 'file' column is empty."
        )
    min_words: int | None = None
    raw_min = row.get("min_words")
    if raw_min not in (None, ""):
        try:
            min_words = int(str(raw_min).strip())
            if min_words < 0:
                raise ValueError
        except ValueError:
            raise _bad_manifest(
                path,
                line,
                f"«\u00a0min_words\u00a0» doit être un entier positif, pas «\u00a0{raw_min}\u00a0».",
                f"'min_words' must be a positive integer, not '{raw_min}'.",
            ) from None
    source = Path(file.strip())
    if not source.is_absolute():
        source = path.parent / source
    output = row.get("output")
    keyphrase = row.get("keyphrase")
    mode = row.get("mode")
    return Item(
        source=source,
        wanted_name=str(output).strip() if output else source.stem,
        keyphrase=str(keyphrase).strip() or None if keyphrase else None,
        min_words=min_words,
        mode=str(mode).strip() or None if mode else None,
        origin=f"{path}:{line}",
    )


def _read_manifest(path: Path) -> list[Item]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputNotFound(
            f"Manifeste introuvable\u00a0: {path}.", f"Manifest not found: {path}."
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(
            f"Manifeste illisible\u00a0: {path} ({exc}). Enregistrez-le en UTF-8.",
            f"Unreadable manifest: {path} ({exc}). Save it as UTF-8.",
        ) from exc
    items: list[Item] = []
    if path.suffix.lower() == ".jsonl":
        for n, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise _bad_manifest(
                    path, n, f"JSON invalide ({exc.msg}).", f"invalid JSON ({exc.msg})."
                ) from None
            if not isinstance(row, dict):
                raise _bad_manifest(
                    path, n, "chaque ligne doit être un objet JSON.", "each line must be an object."
                )
            items.append(_row_item(path, n, row))
        return items
    reader = csv.DictReader(text.splitlines())
    for row in reader:
        # DictReader puts surplus cells under the key None: a row longer than the header.
        if None in row:
            raise _bad_manifest(
                path,
                reader.line_num,
                "plus de cellules que de colonnes.",
                "more cells than columns.",
            )
        items.append(_row_item(path, reader.line_num, {k.strip(): v for k, v in row.items()}))
    return items


def _walk(folder: Path, skip: Path | None) -> list[Path]:
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        here = Path(root)
        # Sorted, so the order (and the progress display) is the same on every run; hidden
        # folders and OUTDIR itself (a batch writing into its own input folder) are skipped.
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".") and (skip is None or (here / d).resolve() != skip)
        )
        for name in sorted(files):
            if not name.startswith(".") and format_from_name(name) is not None:
                found.append(here / name)
    return found


def collect_inputs(inputs: list[str], outdir: Path | None = None) -> list[Item]:
    """Items for the command-line ``inputs``, in order, each source file once."""
    skip = outdir.resolve() if outdir is not None else None
    items: list[Item] = []
    for raw in inputs:
        path = Path(raw).expanduser()
        if path.is_dir():
            items.extend(Item(p, p.stem, origin=raw) for p in _walk(path, skip))
        elif path.suffix.lower() in _MANIFEST_SUFFIXES and path.is_file():
            items.extend(_read_manifest(path))
        elif not path.exists() and any(c in raw for c in _GLOB_CHARS):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                raise InputNotFound(
                    f"Aucun fichier ne correspond à «\u00a0{raw}\u00a0».",
                    f"No file matches '{raw}'.",
                )
            for m in matches:
                p = Path(m)
                if p.is_file():
                    items.append(Item(p, p.stem, origin=raw))
        else:
            # A single file, even one that does not exist or is not readable: it becomes a
            # failed article with a clear status, like any other bad input.
            items.append(Item(path, path.stem, origin=raw))
    # Exact duplicates only: a manifest may list one file twice with two keyphrases on purpose.
    seen: set[tuple[object, ...]] = set()
    unique: list[Item] = []
    for item in items:
        key = (item_key(item), item.wanted_name)
        if key in seen:
            continue
        seen.add(key)
        unique.append(item)
    return unique


def item_key(item: Item) -> str:
    """What identifies an article whatever the order of the inputs: its file and its settings."""
    return "\0".join(
        [_identity(item.source), item.keyphrase or "", str(item.min_words or ""), item.mode or ""]
    )


def _identity(path: Path) -> str:
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):  # a symlink loop
        return str(path.absolute())
