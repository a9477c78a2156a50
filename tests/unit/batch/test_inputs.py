"""Batch inputs: files, folders, globs, and CSV/JSONL manifests of articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plume.batch.inputs import collect_inputs
from plume.batch.names import safe_name
from plume.errors import ConfigError, InputNotFound


def test_folders_globs_and_duplicates(tmp_path: Path) -> None:
    src = tmp_path / "src"
    (src / "sub").mkdir(parents=True)
    (src / ".hidden").mkdir()
    for rel in ("a.txt", "sub/b.md", "sub/c.html", "image.png", ".secret.txt", ".hidden/d.txt"):
        (src / rel).write_text("x", encoding="utf-8")
    items = collect_inputs([str(src), str(src / "sub" / "*.md"), str(src / "a.txt")])
    assert [i.source.name for i in items] == ["a.txt", "b.md", "c.html"]
    with pytest.raises(InputNotFound):
        collect_inputs([str(tmp_path / "nothing-*.txt")])


def test_outdir_inside_the_input_folder_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "out" / "a").mkdir(parents=True)
    (tmp_path / "out" / "a" / "article.md").write_text("x", encoding="utf-8")
    items = collect_inputs([str(tmp_path)], tmp_path / "out")
    assert [i.source.name for i in items] == ["a.txt"]


def test_csv_and_jsonl_manifests(tmp_path: Path) -> None:
    (tmp_path / "csv.csv").write_text(
        "file,keyphrase,min_words,output\na.txt,vélo en ville,600,Vélo\nb.txt,,,\n",
        encoding="utf-8",
    )
    rows = [{"file": "a.txt", "keyphrase": "trottinette"}, {"file": "/abs/c.md", "output": "../x"}]
    (tmp_path / "m.jsonl").write_text(
        "\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8"
    )
    items = collect_inputs([str(tmp_path / "csv.csv"), str(tmp_path / "m.jsonl")])
    assert [(i.source, i.wanted_name, i.keyphrase, i.min_words) for i in items] == [
        (tmp_path / "a.txt", "Vélo", "vélo en ville", 600),
        (tmp_path / "b.txt", "b", None, None),
        (tmp_path / "a.txt", "a", "trottinette", None),  # same file, another keyphrase: kept
        (Path("/abs/c.md"), "../x", None, None),
    ]
    assert safe_name(items[3].wanted_name) == "x"


@pytest.mark.parametrize(
    ("content", "suffix", "where"),
    [
        ("file,keyword\na.txt,x\n", ".csv", "ligne 2"),
        ("file,min_words\na.txt,beaucoup\n", ".csv", "min_words"),
        ("file\na.txt,b\n", ".csv", "plus de cellules"),
        ('{"file": "a.txt"}\n{oops\n', ".jsonl", "ligne 2"),
        ('["a.txt"]\n', ".jsonl", "objet"),
        ('{"keyphrase": "x"}\n', ".jsonl", "«\u00a0file\u00a0»"),
    ],
)
def test_bad_manifests_stop_before_anything_runs(
    tmp_path: Path, content: str, suffix: str, where: str
) -> None:
    path = tmp_path / f"m{suffix}"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        collect_inputs([str(path)])
    assert where in err.value.message_fr and str(path) in err.value.message_fr
