"""Every bad input is refused with the right error and a one-line message in both languages."""

from __future__ import annotations

import contextlib
import io
import zipfile
from pathlib import Path

import pytest

from plume.errors import (
    EmptyInput,
    InputError,
    InputNotFound,
    InputTooLarge,
    UnsupportedInput,
)
from plume.ingest import problems, read_bytes, read_path, read_stdin, read_text
from plume.report import Msg
from plume.settings import Settings


def _assert_message(err: InputError, name: str) -> None:
    for message in (err.message_fr, err.message_en):
        assert message and "\n" not in message
        assert name in message
    assert err.message_fr != err.message_en


def _zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_missing_file(tmp_path: Path, settings: Settings) -> None:
    with pytest.raises(InputNotFound) as err:
        read_path(tmp_path / "absent.txt", settings)
    _assert_message(err.value, "absent.txt")
    assert "introuvable" in err.value.message_fr


def test_directory(tmp_path: Path, settings: Settings) -> None:
    with pytest.raises(UnsupportedInput) as err:
        read_path(tmp_path, settings)
    _assert_message(err.value, str(tmp_path))
    assert "dossier" in err.value.message_fr and "directory" in err.value.message_en


@pytest.mark.parametrize(
    ("data", "word_fr"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"GIF89a\x01\x00\x01\x00", "GIF"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "WebP"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, ".doc"),
        (b"{\\rtf1\\ansi Bonjour}", "RTF"),
        (b"abc\x00\x01\x02binary\x00\x00", "binaire"),
    ],
)
def test_non_text_is_refused_whatever_the_extension(
    tmp_path: Path, settings: Settings, data: bytes, word_fr: str
) -> None:
    for name in ("article.txt", "article.html", "article"):
        f = tmp_path / name
        f.write_bytes(data)
        with pytest.raises(UnsupportedInput) as err:
            read_path(f, settings)
        _assert_message(err.value, name)
        assert word_fr in err.value.message_fr


def test_zip_that_is_not_a_docx(tmp_path: Path, settings: Settings) -> None:
    f = tmp_path / "archive.docx"
    f.write_bytes(_zip({"notes.txt": b"Bonjour"}))
    with pytest.raises(UnsupportedInput) as err:
        read_path(f, settings)
    assert "ZIP" in err.value.message_fr and "Word" in err.value.message_fr


def test_excel_workbook_is_named(settings: Settings) -> None:
    data = _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
    with pytest.raises(UnsupportedInput) as err:
        read_bytes(data, settings, "chiffres.docx")
    assert "Excel" in err.value.message_fr and "Excel" in err.value.message_en


@pytest.mark.parametrize(
    "data",
    [
        b"PK\x03\x04" + b"\x00garbage" * 10,  # zip magic, broken archive
        _zip({"word/document.xml": b"<not-xml", "[Content_Types].xml": b"<broken"}),
        b"Ceci est du texte, pas un document Word.",  # a .docx that is not a zip
    ],
)
def test_corrupt_docx(settings: Settings, data: bytes) -> None:
    with pytest.raises(UnsupportedInput) as err:
        read_bytes(data, settings, "abime.docx")
    _assert_message(err.value, "abime.docx")
    assert "Word" in err.value.message_fr


def test_too_large_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = tmp_path / "big.txt"
    with f.open("wb") as out:
        out.truncate(50_000_000)  # sparse: 50 MB declared, nothing written
    opened: list[Path] = []
    original_open = Path.open

    def spy(self: Path, *args: object, **kwargs: object) -> object:
        opened.append(self)
        return original_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", spy)
    with pytest.raises(InputTooLarge) as err:
        read_path(f, Settings(max_input_bytes=1_000_000))
    assert f not in opened
    _assert_message(err.value, "big.txt")
    assert "volumineux" in err.value.message_fr and "too large" in err.value.message_en
    assert "Mo" in err.value.message_fr and "MB" in err.value.message_en


def test_too_large_bytes_text_and_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    small = Settings(max_input_bytes=100)
    with pytest.raises(InputTooLarge):
        read_bytes(b"a" * 101, small, "x.txt")
    with pytest.raises(InputTooLarge):
        read_text("é" * 60, small)  # 120 bytes in UTF-8

    class Stdin:
        buffer = io.BytesIO(b"Le chat dort. " * 100)

    monkeypatch.setattr("sys.stdin", Stdin())
    with pytest.raises(InputTooLarge):
        read_stdin(small)


@pytest.mark.parametrize("data", [b"", b"   \n\t\n  ", "\u00a0 \n".encode()])
def test_empty(tmp_path: Path, settings: Settings, data: bytes) -> None:
    f = tmp_path / "vide.txt"
    f.write_bytes(data)
    with pytest.raises(EmptyInput) as err:
        read_path(f, settings)
    _assert_message(err.value, "vide.txt")


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>Vide</title><script>var a = 1;</script></head><body></body></html>",
        "<html><body><div><span> </span></div><!-- rien --></body></html>",
        "<!-- seulement un commentaire -->",
    ],
)
def test_html_without_text(settings: Settings, html: str) -> None:
    with pytest.raises(EmptyInput) as err:
        read_text(html, settings, name="page.html", fmt="html")
    assert "HTML" in err.value.message_fr


def test_read_text_refuses_docx_and_unknown_formats(settings: Settings) -> None:
    with pytest.raises(UnsupportedInput):
        read_text("Bonjour.", settings, fmt="docx")
    with pytest.raises(UnsupportedInput) as err:
        read_text("Bonjour.", settings, fmt="pdf")
    assert "pdf" in err.value.message_fr


def test_errors_never_escape_as_other_exceptions(settings: Settings) -> None:
    # A grab bag of hostile inputs: each either reads or raises an InputError, nothing else.
    inputs = [
        b"<html>" * 1000,
        b"<" * 5000,
        b"\xef\xbb\xbf",
        b"PK\x03\x04",
        b"---\n---\n",
        b"<?xml version='1.0' encoding='utf-8'?><html><body><p>Texte.</p></body></html>",
        b"\xff\xfe" + "Bonjour".encode("utf-16-le"),
        b"#\n##\n-\n*\n1.\n>",
    ]
    for data in inputs:
        for name in ("x.txt", "x.md", "x.html", "x.docx", "x"):
            with contextlib.suppress(InputError):
                read_bytes(data, settings, name)


def test_unreadable_file(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = tmp_path / "secret.txt"
    f.write_text("Texte.", encoding="utf-8")

    def deny(self: Path, *args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", deny)
    with pytest.raises(InputNotFound) as err:
        read_path(f, settings)
    assert "accès refusé" in err.value.message_fr and "permission denied" in err.value.message_en


@pytest.mark.parametrize(
    ("size", "fr", "en"),
    [
        (9_999, "9999 octets", "9999 bytes"),
        (12_345, "12,3 ko", "12.3 kB"),
        (1_234_567, "1,2 Mo", "1.2 MB"),
    ],
)
def test_sizes_are_written_in_both_languages(size: int, fr: str, en: str) -> None:
    assert problems.human_size(size) == Msg(fr, en)
