"""``plume optimise --refuse-edit``: the edits report.json lists, refused by id from the command
line (issue 18: every applied edit is reversible)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from plume.cli.app import app
from plume.errors import ConfigError
from tests.support.edited_article import EDITED, EDITED_LONG

runner = CliRunner()

LONG, ARTICLE = EDITED_LONG, EDITED


def _run(tmp_path: Path, name: str, *flags: str) -> tuple[dict[str, Any], str]:
    source = tmp_path / "lyon.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / name
    args = [
        "optimise",
        str(source),
        "-o",
        str(out),
        "--no-model",
        "--keyphrase",
        "pistes cyclables",
    ]
    result = runner.invoke(app, [*args, *flags])
    assert result.exit_code == 0, result.output
    return json.loads((out / "report.json").read_text(encoding="utf-8")), result.output


def test_refuse_edit_keeps_the_authors_sentence_and_spelling(tmp_path: Path) -> None:
    report, output = _run(tmp_path, "all")
    (split,) = [e for e in report["edits"] if e["before"] == LONG]
    (fix,) = [c for c in report["corrections"] if c["before"] == "déja"]
    assert "1 phrase longue coupée" in output
    md = (tmp_path / "all" / "article.md").read_text(encoding="utf-8")
    assert LONG not in md and "déjà engagé" in md

    report, output = _run(
        tmp_path, "refused", "--refuse-edit", split["id"], "--refuse-edit", fix["id"].upper()
    )
    assert report["refused_edits"] == sorted([split["id"], fix["id"]])
    (undone,) = [e for e in report["edits"] if e["id"] == split["id"]]
    assert undone["refused"] and not undone["applied"]
    assert "2 modifications refusées" in output and "phrase longue coupée" not in output
    md = (tmp_path / "refused" / "article.md").read_text(encoding="utf-8")
    assert LONG.replace("'", "’") in md and "déja engagé" in md


def test_a_mistyped_id_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    source = tmp_path / "lyon.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["optimise", str(source), "-o", str(out), "--no-model", "--refuse-edit", "2d13c170cd6"]
    )
    assert result.exit_code == ConfigError.exit_code
    assert "12 chiffres hexadécimaux" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()
