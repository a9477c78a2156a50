"""``plume clean`` through the real command line (typer's runner), on real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from plume.cli.app import app
from tests.unit.clean.helpers import CORPUS_DIR

runner = CliRunner()

# A hard-wrapped article with the artefacts the cleaner repairs: a drop cap, wraps that fall
# before a number, a name and a lower-case word, a sentence glued after a number, a share bar
# attached to the end of a paragraph by a single newline, a photo credit on its own line.
ARTICLE = """Le tramway de Brest prolongé jusqu’à la gare

LLa ligne B du tramway de Brest sera prolongée de 3,5 kilomètres d’ici
2027. Les travaux commenceront au printemps, a confirmé la présidente de
Brest Métropole lors du conseil communautaire réuni jeudi soir à la
mairie, à 18h30.
Partager sur Facebook

Photo : Jean Dupont / AFP

Le chantier coûtera 1.500 euros par habitant selon les calculs de
l’opposition, qui dénonce un projet trop cher en 2024.Les élus de la
majorité répondent que l’État financera un tiers de la facture.
"""

EXPECTED = """Le tramway de Brest prolongé jusqu’à la gare

La ligne B du tramway de Brest sera prolongée de 3,5\u00a0kilomètres d’ici 2027. Les travaux \
commenceront au printemps, a confirmé la présidente de Brest Métropole lors du conseil \
communautaire réuni jeudi soir à la mairie, à 18h30.

Le chantier coûtera 1.500\u00a0euros par habitant selon les calculs de l’opposition, qui \
dénonce un projet trop cher en 2024. Les élus de la majorité répondent que l’État financera \
un tiers de la facture.
"""


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "brest.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _no_traceback(output: str) -> None:
    assert "Traceback" not in output


def test_text_output_is_the_cleaned_article(article: Path) -> None:
    result = runner.invoke(app, ["clean", str(article)])
    assert result.exit_code == 0, result.output
    # Typography is on by default: a no-break space before "kilomètres" and "euros" would be
    # the nbsp step's business; compare without it.
    assert result.stdout.replace("\u00a0", " ") == EXPECTED.replace("\u00a0", " ")


def test_json_output_logs_every_change_and_the_findings(article: Path) -> None:
    result = runner.invoke(app, ["clean", str(article), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["source"] == {"name": str(article), "format": "txt"}
    assert data["text"].replace("\u00a0", " ") == EXPECTED.rstrip("\n").replace("\u00a0", " ")
    assert data["blocks"][0]["text"] == "Le tramway de Brest prolongé jusqu’à la gare"
    by_rule = {(c["rule"], c["before"], c["after"]) for c in data["changes"]}
    assert ("CL-STRAY-CAPITAL", "L", "") in by_rule
    assert ("CL-GLUED-SENTENCE", "", " ") in by_rule
    assert any(r == "CL-BOILERPLATE" and "Partager sur Facebook" in b for r, b, _ in by_rule)
    assert any(r == "CL-BOILERPLATE" and "Photo : Jean Dupont" in b for r, b, _ in by_rule)
    for change in data["changes"]:
        assert set(change) == {"step", "step_name", "rule", "offset", "before", "after"}
    assert isinstance(data["findings"], list)


def test_html_input_gives_its_title_line_first() -> None:
    (path,) = CORPUS_DIR.glob("02-*.html")
    result = runner.invoke(app, ["clean", str(path)])
    assert result.exit_code == 0, result.output
    first, blank, *_ = result.stdout.split("\n")
    assert first == "La fin des trottinettes en libre-service à Montréal"
    assert blank == ""


def test_standard_input_is_read_with_a_dash() -> None:
    result = runner.invoke(app, ["clean", "-"], input="TLa mairie ouvre.Elle ferme demain.\n")
    assert result.exit_code == 0, result.output
    assert result.stdout == "La mairie ouvre. Elle ferme demain.\n"


def test_output_file_is_written_whole_and_replaces_the_old_one(
    article: Path, tmp_path: Path
) -> None:
    target = tmp_path / "sortie" / "propre.txt"
    target.parent.mkdir()
    target.write_text("ancien contenu", encoding="utf-8")
    result = runner.invoke(app, ["clean", str(article), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Écrit : {target}.")
    assert target.read_text(encoding="utf-8").replace("\u00a0", " ") == EXPECTED.replace(
        "\u00a0", " "
    )
    assert sorted(p.name for p in target.parent.iterdir()) == ["propre.txt"]  # no temp file
    as_json = tmp_path / "propre.json"
    result = runner.invoke(app, ["clean", str(article), "-o", str(as_json), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(as_json.read_text(encoding="utf-8"))["changes"]


def test_an_unwritable_output_is_a_clear_error(article: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "fichier"
    blocker.write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["clean", str(article), "-o", str(blocker / "propre.txt")])
    assert result.exit_code == 8
    assert "impossible d’écrire" in result.stderr
    _no_traceback(result.output)
    result = runner.invoke(app, ["clean", str(article), "-o", str(tmp_path)])
    assert result.exit_code == 8
    assert "est un dossier" in result.stderr
    assert blocker.read_text(encoding="utf-8") == "x"


@pytest.mark.parametrize(
    ("content", "code", "message"),
    [
        (None, 3, "introuvable"),
        (b"", 5, "vide"),
        (b"%PDF-1.7\n\x00\x01\x02binary", 4, ""),
    ],
)
def test_bad_input_gives_a_french_message_and_the_exit_code(
    tmp_path: Path, content: bytes | None, code: int, message: str
) -> None:
    path = tmp_path / "entree.txt"
    if content is not None:
        path.write_bytes(content)
    result = runner.invoke(app, ["clean", str(path)])
    assert result.exit_code == code
    assert result.stderr.startswith("plume :")
    assert message in result.stderr
    _no_traceback(result.output)


def test_messages_in_english_with_lang_en(tmp_path: Path) -> None:
    result = runner.invoke(app, ["clean", str(tmp_path / "absent.txt"), "--lang", "en"])
    assert result.exit_code == 3
    assert "not found" in result.stderr.lower()


def test_unknown_format_is_a_usage_error(article: Path) -> None:
    result = runner.invoke(app, ["clean", str(article), "--format", "xml"])
    assert result.exit_code == 2
    _no_traceback(result.output)
