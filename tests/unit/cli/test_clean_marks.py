"""``plume clean --format text`` keeps the source's bold, italics and links as Markdown."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from plume.cli.app import app

runner = CliRunner()

MARKDOWN = """# Le budget de la ville

Le conseil a voté le **budget annuel** jeudi, selon [le maire](https://mairie.fr/budget), qui
parle d’un *moment historique* pour la commune.

Un second paragraphe sans marque, avec un astérisque * et un [crochet] tels quels.
"""

HTML = """<html><head><title>Budget</title></head><body><article>
<h1>Le budget de la ville</h1>
<p>Le conseil a voté le <strong>budget annuel</strong> jeudi, selon
<a href="https://mairie.fr/budget">le maire</a>, qui parle d’un <em>moment historique</em>
pour la commune et ses habitants, réunis en nombre dans la salle.</p>
</article></body></html>
"""


def _clean(path: Path, *args: str) -> str:
    result = runner.invoke(app, ["clean", str(path), *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_markdown_marks_are_written_back(tmp_path: Path) -> None:
    path = tmp_path / "budget.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    out = _clean(path)
    paragraph = out.split("\n\n")[1]
    assert "le **budget annuel** jeudi" in paragraph
    assert "selon [le maire](https://mairie.fr/budget), qui" in paragraph
    assert "d’un *moment historique* pour" in paragraph
    # The hard-wrapped paragraph is still rejoined, and a line without marks is left as it is.
    assert "\n" not in paragraph
    assert "un astérisque * et un [crochet] tels quels." in out


def test_html_marks_are_written_back(tmp_path: Path) -> None:
    path = tmp_path / "budget.html"
    path.write_text(HTML, encoding="utf-8")
    out = _clean(path)
    assert "**budget annuel**" in out
    assert "[le maire](https://mairie.fr/budget)" in out
    assert "*moment historique*" in out


def test_a_marked_line_escapes_its_other_markdown_characters(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text(
        "Le **taux** passe de 3 * 2 à 6, note_interne comprise.\n\nLe reste * tel quel.\n",
        encoding="utf-8",
    )
    out = _clean(path)
    assert r"Le **taux** passe de 3 \* 2 à 6, note\_interne comprise." in out
    assert "Le reste * tel quel." in out


def test_plain_text_output_is_unchanged_without_marks(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    text = "Le budget * annuel est voté [selon le maire] jeudi soir à la mairie de la ville."
    path.write_text(text + "\n", encoding="utf-8")
    assert _clean(path) == text + "\n"


def test_the_file_written_with_o_holds_the_marks(tmp_path: Path) -> None:
    path = tmp_path / "budget.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    target = tmp_path / "out.txt"
    runner.invoke(app, ["clean", str(path), "-o", str(target)])
    assert target.read_text(encoding="utf-8") == _clean(path)
    assert "**budget annuel**" in target.read_text(encoding="utf-8")
