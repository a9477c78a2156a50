"""Ingest: any input → :class:`~plume.document.Document` (PLACEHOLDER: plain text only)."""

from __future__ import annotations

from pathlib import Path

from plume.document import Block, BlockKind, Document, Source
from plume.errors import EmptyInput, InputNotFound
from plume.settings import Settings


def read_text(text: str, settings: Settings, name: str = "<texte>", fmt: str = "txt") -> Document:
    paras = [p.strip() for p in text.splitlines() if p.strip()]
    if not paras:
        raise EmptyInput("Entrée vide : rien à analyser.", "Empty input: nothing to analyse.")
    blocks = tuple(Block(BlockKind.PARAGRAPH, p) for p in paras)
    return Document(blocks=blocks, source=Source(name, fmt, "utf-8", len(text.encode())))


def read_path(path: str | Path, settings: Settings) -> Document:
    p = Path(path)
    if not p.is_file():
        raise InputNotFound(f"Fichier introuvable : {p}", f"File not found: {p}")
    return read_text(p.read_text(encoding="utf-8"), settings, name=str(p))


def read_stdin(settings: Settings) -> Document:
    import sys

    return read_text(sys.stdin.read(), settings, name="<stdin>")
