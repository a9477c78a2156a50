"""The public API, stdin, format choice and lazy imports."""

from __future__ import annotations

import ast
import io
from pathlib import Path

import pytest

import plume.ingest
from plume.document import BlockKind
from plume.ingest import read_bytes, read_path, read_stdin, read_text
from plume.settings import Settings

INGEST_DIR = Path(plume.ingest.__file__).parent
HEAVY = {"trafilatura", "docx", "charset_normalizer", "markdown_it", "lxml", "htmldate", "justext"}


def test_public_names() -> None:
    assert set(plume.ingest.__all__) == {
        "parse_brief",
        "read_bytes",
        "read_path",
        "read_stdin",
        "read_text",
        "split_brief",
    }


def test_stdin_bytes_any_encoding(monkeypatch: pytest.MonkeyPatch, settings: Settings) -> None:
    class Stdin:
        buffer = io.BytesIO("Titre court\nÉté, déjà, l’été « à » œuvre.".encode("cp1252"))

    monkeypatch.setattr("sys.stdin", Stdin())
    doc = read_stdin(settings)
    assert doc.source.name == "<stdin>" and doc.source.encoding == "cp1252"
    assert doc.text.endswith("Été, déjà, l’été « à » œuvre.")


def test_stdin_html_is_sniffed(monkeypatch: pytest.MonkeyPatch, settings: Settings) -> None:
    class Stdin:
        buffer = io.BytesIO(b"<!doctype html><html><body><h1>Titre</h1><p>Texte.</p></body></html>")

    monkeypatch.setattr("sys.stdin", Stdin())
    doc = read_stdin(settings)
    assert doc.source.format == "html" and doc.blocks[0].kind is BlockKind.HEADING


def test_stdin_text_stream(monkeypatch: pytest.MonkeyPatch, settings: Settings) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Un texte collé.\nSuite."))
    assert read_stdin(settings).text == "Un texte collé.\n\nSuite."


def test_format_names(settings: Settings) -> None:
    html = b"<h1>Titre</h1><p>Texte.</p>"
    assert read_bytes(html, settings, "x", fmt="htm").source.format == "html"
    assert read_bytes(b"# Titre\n\nTexte.", settings, "x", fmt="markdown").source.format == "md"
    assert read_text("# Titre\n\nTexte.", settings, fmt="MD").blocks[0].level == 1
    # The extension wins over the content: HTML in a .txt is text.
    assert read_bytes(html, settings, "notes.txt").source.format == "txt"


def test_size_and_name_recorded(tmp_path: Path, settings: Settings) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes("Déjà.".encode())
    doc = read_path(str(f), settings)
    assert doc.source.name == str(f) and doc.source.size_bytes == 7


def test_heavy_libraries_are_imported_lazily() -> None:
    """No module of plume.ingest imports a heavy parser at module level."""
    for path in sorted(INGEST_DIR.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:  # module level only; imports inside functions are lazy
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert name.split(".")[0] not in HEAVY, f"{path.name} imports {name}"


# --- Markdown pasted as plain text (issue 17) ----------------------------------------------------

PASTED = """\
Trottinettes électriques : Montréal serre la vis

La ville de Montréal impose **de nouvelles règles** aux trottinettes électriques en libre-service, selon [le communiqué officiel](https://montreal.ca/actualites/trottinettes).

Les élus veulent *éviter le chaos* de l’été dernier sur les trottoirs du centre-ville, où les engins s’entassaient.

- Le bilan complet est sur [notre site](/transport/bilan).
"""


def test_markdown_in_a_txt_is_read_as_markdown(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "article.txt"
    path.write_text(PASTED, encoding="utf-8")
    doc = read_path(path, settings)
    assert doc.source.format == "md"  # the link checks can count its links
    assert [b.kind for b in doc.blocks] == [
        BlockKind.HEADING,
        BlockKind.PARAGRAPH,
        BlockKind.PARAGRAPH,
        BlockKind.LIST_ITEM,
    ]
    assert doc.blocks[1].text.startswith("La ville de Montréal impose de nouvelles règles aux")
    assert doc.blocks[1].text.endswith("selon le communiqué officiel.")
    assert doc.blocks[3].text == "Le bilan complet est sur notre site."
    assert "*" not in doc.text and "](" not in doc.text
    assert [(m.kind.value, m.text, m.href) for m in doc.marks] == [
        ("strong", "de nouvelles règles", ""),
        ("link", "le communiqué officiel", "https://montreal.ca/actualites/trottinettes"),
        ("em", "éviter le chaos", ""),
        ("link", "notre site", "/transport/bilan"),
    ]
    assert [lk.href for lk in doc.links] == [
        "https://montreal.ca/actualites/trottinettes",
        "/transport/bilan",
    ]


def test_a_bold_line_read_as_a_subheading_keeps_no_bold(settings: Settings) -> None:
    body = "Le chapô de l’article, assez long pour une vraie phrase d’introduction ici."
    text = (
        f"Le titre de l’article\n\n{body}\n\n**Un intertitre en gras**\n\n"
        "La suite du texte avec **un mot en gras** et assez de mots pour un paragraphe de corps."
    )
    doc = read_text(text, settings)
    assert (doc.blocks[2].kind, doc.blocks[2].text) == (BlockKind.HEADING, "Un intertitre en gras")
    assert [m.text for m in doc.marks] == ["un mot en gras"]


def test_stars_and_brackets_in_plain_text_are_left_alone(settings: Settings) -> None:
    text = "Le calcul est simple : 5 * 3 = 15 places, selon la mairie [1].\nPrix indicatif* [sic]."
    doc = read_text(text, settings)
    assert doc.source.format == "txt"
    assert (
        doc.text
        == "Le calcul est simple : 5 * 3 = 15 places, selon la mairie [1].\n\nPrix indicatif* [sic]."
    )
    assert doc.marks == ()


def test_literal_stars_survive_in_a_markdown_text(settings: Settings) -> None:
    text = "Un **gras** ici, et le calcul 5 * 3 = 15 reste tel quel [1]."
    doc = read_text(text, settings)
    assert doc.source.format == "md"
    assert doc.text == "Un gras ici, et le calcul 5 * 3 = 15 reste tel quel [1]."
