"""Word documents built with python-docx: styles, lists, links, images, tables, zip bombs."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from plume.document import BlockKind
from plume.errors import EmptyInput, InputTooLarge, UnsupportedInput
from plume.ingest import read_bytes, read_path
from plume.settings import Settings

H, P, LI, Q = BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.QUOTE


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


def _add_hyperlink(paragraph: Any, url: str, text: str) -> None:
    rid = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def _save(document: Any, tmp_path: Path, name: str = "article.docx") -> Path:
    path = tmp_path / name
    document.save(str(path))
    return path


def test_structure_links_images_tables(tmp_path: Path, settings: Settings) -> None:
    d = docx.Document()
    d.core_properties.title = "Voiture électrique : le guide"
    d.add_heading("Le guide de la voiture électrique", level=0)  # style "Title"
    p = d.add_paragraph("Un paragraphe avec ")
    _add_hyperlink(p, "https://exemple.fr/bornes", "un lien")
    p.add_run(" et la suite.")
    d.add_heading("Les avantages", level=2)
    d.add_paragraph("Moins de bruit", style="List Bullet")
    d.add_paragraph("Pas d’émissions", style="List Number")
    d.add_paragraph("Une citation sur les batteries.", style="Quote")
    d.add_heading("Un détail", level=3)
    d.add_picture(io.BytesIO(_png()))
    d.inline_shapes[0]._inline.docPr.set("descr", "Une borne de recharge")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Zoé"
    table.cell(0, 1).text = "390 km"
    d.add_paragraph("")  # empty paragraphs are skipped
    doc = read_path(_save(d, tmp_path), settings)

    assert [(b.kind, b.level, b.text) for b in doc.blocks] == [
        (H, 1, "Le guide de la voiture électrique"),
        (P, 0, "Un paragraphe avec un lien et la suite."),
        (H, 2, "Les avantages"),
        (LI, 1, "Moins de bruit"),  # depth 1, bulleted (Block.level)
        (LI, -1, "Pas d’émissions"),  # "List Number": numbered
        (Q, 0, "Une citation sur les batteries."),
        (H, 3, "Un détail"),
        (P, 0, "Zoé"),
        (P, 0, "390 km"),
    ]
    assert [(lk.href, lk.text) for lk in doc.links] == [("https://exemple.fr/bornes", "un lien")]
    assert [im.alt for im in doc.images] == ["Une borne de recharge"]
    assert doc.images[0].src.endswith(".png")
    assert doc.meta.title == "Voiture électrique : le guide"
    assert doc.source.format == "docx" and doc.source.encoding is None


def test_french_and_custom_heading_styles(tmp_path: Path, settings: Settings) -> None:
    d = docx.Document()
    titre = d.styles.add_style("Titre 2", WD_STYLE_TYPE.PARAGRAPH)
    mine = d.styles.add_style("Mon intertitre", WD_STYLE_TYPE.PARAGRAPH)
    mine.base_style = d.styles["Heading 3"]
    puces = d.styles.add_style("Liste à puces perso", WD_STYLE_TYPE.PARAGRAPH)
    d.add_paragraph("Titre en style français", style=titre)
    d.add_paragraph("Intertitre hérité", style=mine)
    d.add_paragraph("Un point", style=puces)
    outlined = d.add_paragraph("Niveau hiérarchique direct")
    pPr = outlined._p.get_or_add_pPr()
    lvl = OxmlElement("w:outlineLvl")
    lvl.set(qn("w:val"), "1")
    pPr.append(lvl)
    d.add_paragraph("Du texte ordinaire.")
    doc = read_path(_save(d, tmp_path), settings)
    assert [(b.kind, b.level) for b in doc.blocks] == [(H, 2), (H, 3), (LI, 1), (H, 2), (P, 0)]


def test_brief_in_the_first_paragraph(tmp_path: Path, settings: Settings) -> None:
    d = docx.Document()
    d.add_paragraph("Rédige au moins 800 mots en français avec des intertitres")
    d.add_paragraph("Le vélo progresse en ville.")
    doc = read_path(_save(d, tmp_path), settings)
    assert doc.brief is not None and doc.brief.min_words == 800
    assert doc.text == "Le vélo progresse en ville."


def test_no_text(tmp_path: Path, settings: Settings) -> None:
    d = docx.Document()
    d.add_paragraph("   ")
    with pytest.raises(EmptyInput) as err:
        read_path(_save(d, tmp_path, "vide.docx"), settings)
    assert "Word" in err.value.message_fr and "vide.docx" in err.value.message_fr


def test_zip_bomb_refused_before_inflating(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", b"<Types/>")
        zf.writestr("word/document.xml", b"<w:document>" + b" " * 3_000_000 + b"</w:document>")
    data = buf.getvalue()
    assert len(data) < 100_000  # small on disk, 3 MB inflated

    def explode(*args: object, **kwargs: object) -> None:
        raise AssertionError("python-docx must not open a zip bomb")

    monkeypatch.setattr(docx, "Document", explode)
    with pytest.raises(InputTooLarge) as err:
        read_bytes(data, Settings(max_input_bytes=200_000), "bombe.docx")
    assert "bombe.docx" in err.value.message_fr and "décompressé" in err.value.message_fr


def test_macro_enabled_document(settings: Settings) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(
            "[Content_Types].xml",
            b'<Types><Override ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>',
        )
        zf.writestr("word/document.xml", b"<w:document/>")
    with pytest.raises(UnsupportedInput) as err:
        read_bytes(buf.getvalue(), settings, "macros.docm")
    assert ".docm" in err.value.message_fr


def test_docx_content_sniffed_without_extension(tmp_path: Path, settings: Settings) -> None:
    d = docx.Document()
    d.add_paragraph("Un texte dans Word.")
    data = (_save(d, tmp_path)).read_bytes()
    assert read_bytes(data, settings, "upload").text == "Un texte dans Word."


def test_list_depth_and_numbering_from_the_numbering_part(
    tmp_path: Path, settings: Settings
) -> None:
    """Depth from the paragraph's w:ilvl; numbered from its style ("List Number") when its
    numbering names no format."""
    d = docx.Document()
    d.add_paragraph("Une recette de tarte aux pommes, simple et rapide.")
    first = d.add_paragraph("Mélanger", style="List Number")
    d.add_paragraph("Cuire", style="List Number")
    sub = d.add_paragraph("à la main", style="List Bullet")
    for p, ilvl in ((first, 0), (sub, 1)):
        p._p.get_or_add_pPr().get_or_add_numPr().get_or_add_ilvl().val = ilvl
    doc = read_path(_save(d, tmp_path), settings)
    got = [(b.text, b.list_depth, b.ordered) for b in doc.blocks if b.kind is LI]
    assert got == [("Mélanger", 1, True), ("Cuire", 1, True), ("à la main", 2, False)]


def test_bold_and_italic_runs_and_hyperlinks_are_kept_as_marks(
    tmp_path: Path, settings: Settings
) -> None:
    d = docx.Document()
    d.add_heading("Le plan vélo de Lyon", level=1)
    p = d.add_paragraph("Le ")
    p.add_run("plan ").bold = True
    p.add_run("vélo").bold = True
    p.add_run(" prévoit ")
    p.add_run("cent kilomètres").italic = True
    p.add_run(" de pistes, selon ")
    _add_hyperlink(p, "https://lyon.fr/velo", "la mairie")
    p.add_run(".")
    doc = read_path(_save(d, tmp_path), settings)
    assert doc.blocks[1].text == "Le plan vélo prévoit cent kilomètres de pistes, selon la mairie."
    assert [(m.kind.value, m.text, m.href) for m in doc.marks] == [
        ("strong", "plan vélo", ""),
        ("em", "cent kilomètres", ""),
        ("link", "la mairie", "https://lyon.fr/velo"),
    ]
