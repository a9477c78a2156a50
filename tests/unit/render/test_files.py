"""Atomic output writing: all-or-nothing staging, no temporary file left, no truncated target."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest

from plume.render.files import write_outputs

MD = '---\ntitle: "Lyon"\n---\n\n# Lyon ouvre sa voie cyclable\u202f!\n\n« Texte » d’essai.\n'
HTML = '<!DOCTYPE html>\r\n<html lang="fr"><body><h1>Lyon</h1></body></html>\n'


def test_writes_files_byte_for_byte(tmp_path: Path) -> None:
    outdir = tmp_path / "sortie" / "article"
    paths = write_outputs(outdir, {"article.md": MD, "article.html": HTML})
    assert paths == [outdir / "article.md", outdir / "article.html"]
    assert (outdir / "article.md").read_bytes() == MD.encode("utf-8")
    assert (outdir / "article.html").read_bytes() == HTML.encode("utf-8")  # \r\n kept as is
    assert sorted(os.listdir(outdir)) == ["article.html", "article.md"]
    assert stat.S_IMODE((outdir / "article.md").stat().st_mode) == 0o644


@pytest.mark.parametrize(
    "name", ["", ".", "..", "../evasion.md", "sous/dossier.md", "a\\b.md", "x\x00"]
)
def test_refuses_unsafe_names_before_writing_anything(tmp_path: Path, name: str) -> None:
    outdir = tmp_path / "sortie"
    with pytest.raises(ValueError, match="nom de fichier refusé"):
        write_outputs(outdir, {"ok.md": MD, name: "x"})
    assert not outdir.exists()
    assert not (tmp_path / "evasion.md").exists()


def test_overwrite_is_an_atomic_rename(tmp_path: Path) -> None:
    target = tmp_path / "article.md"
    target.write_text("ancienne version", encoding="utf-8")
    target.chmod(0o600)
    inode = target.stat().st_ino
    write_outputs(tmp_path, {"article.md": MD})
    assert target.read_text(encoding="utf-8") == MD
    # A new inode: the file was replaced by rename, never truncated and rewritten in place.
    assert target.stat().st_ino != inode
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # existing permissions kept
    assert os.listdir(tmp_path) == ["article.md"]


def test_temporary_files_live_in_the_output_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sources: list[Path] = []
    real_replace = os.replace

    def spy(src: Any, dst: Any) -> None:
        sources.append(Path(src))
        assert Path(src).read_bytes() == MD.encode("utf-8")  # complete before the rename
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    write_outputs(tmp_path, {"article.md": MD})
    assert len(sources) == 1 and sources[0].parent == tmp_path
    assert sources[0].name.startswith(".article.md.") and sources[0].name.endswith(".tmp")


def test_failure_while_writing_touches_no_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "article.md").write_text("ancienne version md", encoding="utf-8")
    calls = {"n": 0}
    real_fsync = os.fsync

    def failing_fsync(fd: int) -> None:
        calls["n"] += 1
        if calls["n"] == 2:  # the second file's data
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(OSError, match="No space left"):
        write_outputs(tmp_path, {"article.md": MD, "article.html": HTML})
    # The first file was fully staged but not installed: the old version is intact.
    assert (tmp_path / "article.md").read_text(encoding="utf-8") == "ancienne version md"
    assert os.listdir(tmp_path) == ["article.md"]  # no temporary file, no partial html


def test_failure_while_installing_leaves_complete_files_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "article.html").write_text("ancienne version html", encoding="utf-8")
    real_replace = os.replace
    calls = {"n": 0}

    def failing_replace(src: Any, dst: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(5, "Input/output error")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError, match="Input/output"):
        write_outputs(tmp_path, {"article.md": MD, "article.html": HTML})
    # The first rename happened (complete new file); the second target was never opened.
    assert (tmp_path / "article.md").read_bytes() == MD.encode("utf-8")
    assert (tmp_path / "article.html").read_text(encoding="utf-8") == "ancienne version html"
    assert sorted(os.listdir(tmp_path)) == ["article.html", "article.md"]


def test_interrupted_write_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*_: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "chmod", boom)
    with pytest.raises(KeyboardInterrupt):
        write_outputs(tmp_path, {"article.md": MD})
    assert os.listdir(tmp_path) == []
