"""Bytes → text in every encoding French files come in, and never mojibake."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from plume.errors import UndecodableInput, UnsupportedInput
from plume.ingest import read_bytes, read_path
from plume.settings import Settings

SAMPLE = "Été, déjà, l’été « à » œuvre"
#: Latin-1 has neither ’ nor œ.
SAMPLE_LATIN1 = "Été, déjà, l'été « à » oeuvre"
LONGER = (
    "Le ministre de la Santé a été sommé de démissionner. « C’est déjà l’été », a-t-il "
    "répondu, sûr de lui. Les élèves, eux, attendent la rentrée avec impatience. "
)


def _write(tmp_path: Path, data: bytes, name: str = "article.txt") -> Path:
    f = tmp_path / name
    f.write_bytes(data)
    return f


@pytest.mark.parametrize(
    ("text", "encoding", "expected_encodings"),
    [
        (SAMPLE, "utf-8", {"utf-8"}),
        (SAMPLE, "utf-8-sig", {"utf-8-sig"}),
        (SAMPLE, "cp1252", {"cp1252"}),
        (SAMPLE_LATIN1, "latin-1", {"cp1252", "iso-8859-1", "iso-8859-15"}),
        ("Un œuf à 10 €, déjà cuit", "iso-8859-15", {"iso-8859-15"}),
        (SAMPLE, "mac_roman", {"mac_roman"}),
        (SAMPLE, "utf-16", {"utf-16-le", "utf-16-be"}),
        (SAMPLE, "utf-32", {"utf-32-le", "utf-32-be"}),
        (LONGER * 20, "cp1252", {"cp1252"}),
        (LONGER.replace("’", "'") * 20, "latin-1", {"cp1252", "iso-8859-1", "iso-8859-15"}),
    ],
)
def test_decodes_without_mojibake(
    tmp_path: Path, settings: Settings, text: str, encoding: str, expected_encodings: set[str]
) -> None:
    doc = read_path(_write(tmp_path, text.encode(encoding)), settings)
    assert doc.text == text.strip()
    assert doc.source.encoding in expected_encodings


def test_utf16_big_endian_with_bom(tmp_path: Path, settings: Settings) -> None:
    data = codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be")
    doc = read_path(_write(tmp_path, data), settings)
    assert doc.text == SAMPLE and doc.source.encoding == "utf-16-be"


def test_utf16_without_bom_is_text_not_binary(tmp_path: Path, settings: Settings) -> None:
    doc = read_path(_write(tmp_path, (LONGER * 3).encode("utf-16-le")), settings)
    assert doc.text == (LONGER * 3).strip() and doc.source.encoding == "utf-16-le"


def test_bom_is_not_part_of_the_text(settings: Settings) -> None:
    doc = read_bytes(codecs.BOM_UTF8 + b"Titre court\nTexte.", settings, "a.txt")
    assert not doc.text.startswith("\ufeff")


def test_cyrillic_is_not_read_as_western(settings: Settings) -> None:
    text = "Привет, мир. Это простой тест кодировки для длинного русского текста. " * 5
    doc = read_bytes(text.encode("cp1251"), settings, "ru.txt")
    assert doc.text == text.strip() and doc.source.encoding == "cp1251"


def test_html_declared_charset(settings: Settings) -> None:
    html = (
        '<html><head><meta charset="windows-1252"><title>Été</title></head>'
        f"<body><p>{SAMPLE}</p></body></html>"
    )
    doc = read_bytes(html.encode("cp1252"), settings, "page.html")
    assert doc.blocks[0].text == SAMPLE and doc.source.encoding == "cp1252"


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(0x80, 0x100)) * 8,  # high bytes only: no plausible text encoding
        b"abc \x81\x8d\x8f\x90\x9d" * 50,  # bytes undefined in cp1252
        codecs.BOM_UTF16_LE + b"a",  # a BOM announcing UTF-16, then an odd byte
    ],
)
def test_undecodable(settings: Settings, data: bytes) -> None:
    with pytest.raises(UndecodableInput) as err:
        read_bytes(data, settings, "bizarre.txt")
    assert "UTF-8" in err.value.message_fr and "UTF-8" in err.value.message_en


def test_control_characters_mean_binary(settings: Settings) -> None:
    with pytest.raises(UnsupportedInput):
        read_bytes(b"\x01\x02\x03\x04\x05\x06abc" * 20, settings, "a.txt")


def test_encoding_decided_on_a_sample_still_fits_the_whole_file(settings: Settings) -> None:
    # 70 kB of ASCII, then a Mac Roman "è" (0x8F), a byte cp1252 does not define.
    text = "Le chat dort sur le canapé. ".replace("é", "e") * 2600 + "Très bien."
    doc = read_bytes(text.encode("mac_roman"), settings, "long.txt")
    assert doc.source.encoding == "mac_roman" and doc.text.endswith("Très bien.")
