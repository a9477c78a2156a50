"""What is this input? Extension first, then magic bytes and a look at the markup.

Refusals happen here, before any parser sees the bytes: a PDF renamed ``.txt`` must be refused
as a PDF, not decoded into mojibake. Magic numbers are the published file signatures (PDF 1.7
§7.5.2, PNG §5.2, JFIF, GIF89a, RIFF/WebP, ZIP APPNOTE §4.3.7, OLE2 compound file, RTF 1.9).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePath

from plume.errors import UnsupportedInput
from plume.ingest import problems
from plume.report import Msg

#: Formats the readers handle.
FORMATS = ("txt", "md", "html", "docx")

_EXTENSIONS: dict[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".mdown": "md",
    ".mkd": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
}

_ALIASES: dict[str, str] = {
    "text": "txt",
    "plain": "txt",
    "markdown": "md",
    "htm": "html",
    "xhtml": "html",
    "word": "docx",
}

#: (signature, offset, what it is, what to do — None: only "give a text file")
_SIGNATURES: tuple[tuple[bytes, int, Msg, Msg | None], ...] = (
    (
        b"%PDF-",
        0,
        Msg("document PDF", "PDF document"),
        Msg(
            "copiez son texte dans un .txt ou exportez-le en .docx",
            "copy its text into a .txt or export it as .docx",
        ),
    ),
    (b"\x89PNG\r\n\x1a\n", 0, Msg("image PNG", "PNG image"), None),
    (b"\xff\xd8\xff", 0, Msg("image JPEG", "JPEG image"), None),
    (b"GIF87a", 0, Msg("image GIF", "GIF image"), None),
    (b"GIF89a", 0, Msg("image GIF", "GIF image"), None),
    (b"WEBP", 8, Msg("image WebP", "WebP image"), None),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        0,
        Msg("ancien document Office (.doc, .xls…)", "legacy Office document (.doc, .xls…)"),
        Msg(
            "enregistrez-le en .docx depuis Word ou LibreOffice",
            "save it as .docx from Word or LibreOffice",
        ),
    ),
    (
        b"{\\rtf",
        0,
        Msg("document RTF", "RTF document"),
        Msg("enregistrez-le en .docx ou .txt", "save it as .docx or .txt"),
    ),
    (b"\x1f\x8b", 0, Msg("archive gzip", "gzip archive"), None),
    (b"7z\xbc\xaf\x27\x1c", 0, Msg("archive 7-Zip", "7-Zip archive"), None),
    (b"Rar!\x1a\x07", 0, Msg("archive RAR", "RAR archive"), None),
    (b"\x7fELF", 0, Msg("programme exécutable", "executable program"), None),
    (b"MZ", 0, Msg("programme exécutable", "executable program"), None),
)

ZIP_MAGIC = b"PK\x03\x04"

_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAG = re.compile(
    rb"<(?:p|div|h[1-6]|ul|ol|li|article|section|span|a\s|br|table|blockquote|img\s)[^>]*>",
    re.IGNORECASE,
)
#: Front matter on the first line is Jekyll/Hugo Markdown (YAML ``---`` or TOML ``+++``).
_FRONT_MATTER = re.compile(rb"^(?:\xef\xbb\xbf)?(?:---|\+\+\+)[ \t]*\r?\n")


def format_from_name(name: str) -> str | None:
    """The format implied by a file name's extension, or ``None`` when it says nothing."""
    return _EXTENSIONS.get(PurePath(name).suffix.lower())


def normalise_format(fmt: str) -> str:
    """Accept ``markdown``, ``htm``… as format names; refuse what no reader handles."""
    value = fmt.strip().lower().lstrip(".")
    value = _ALIASES.get(value, value)
    if value not in FORMATS:
        raise UnsupportedInput(
            f"Format « {fmt} » inconnu : choisissez parmi {', '.join(FORMATS)}.",
            f"Unknown format '{fmt}': choose one of {', '.join(FORMATS)}.",
        )
    return value


def refuse_non_text(data: bytes, name: str) -> None:
    """Raise :class:`UnsupportedInput` for PDFs, images, archives and executables."""
    for sig, offset, what, fix in _SIGNATURES:
        if data[offset : offset + len(sig)] != sig:
            continue
        if sig == b"WEBP" and not data.startswith(b"RIFF"):
            continue
        if sig == b"MZ" and b"\x00" not in data[:512]:
            continue  # "MZ" also starts ordinary text ("MZ Fixation…"); executables have NULs.
        if fix is not None:
            raise problems.unsupported(name, what, fix)
        raise problems.binary(name, what)


def looks_like_html(head: bytes) -> bool:
    """Markup start (doctype, ``<html>``…) or several block tags in the first 4 kB."""
    sample = head[:4096]
    if _HTML_START.match(sample):
        return True
    return len(_HTML_TAG.findall(sample)) >= 3


def looks_like_markdown(head: bytes) -> bool:
    return bool(_FRONT_MATTER.match(head))


#: Markdown's inline syntax as people type it: a link ``[texte](url)`` or ``<https://…>``, a
#: bold or italic pair hugging its words (``**mot**``, ``__mot__``, ``*mot*``, ``_mot_``).
#: "5 * 3", "[sic]", "[1]", "a_b" or a lone "*" are none of these.
_MD_INLINE = re.compile(
    r"\[[^\]\n]+\]\([^()\s]+(?:\s+\"[^\"\n]*\")?\)"
    r"|<https?://[^\s<>]+>"
    r"|(?<![\w*])\*\*(?=[^\s*])[^*\n]*?[^\s*]\*\*(?![\w*])"
    r"|(?<!\w)__(?=[^\s_])[^_\n]*?[^\s_]__(?!\w)"
    r"|(?<![\w*\\])\*(?=[^\s*])[^*\n]*?[^\s*\\]\*(?![\w*])"
    r"|(?<![\w\\])_(?=[^\s_])[^_\n]*?[^\s_\\]_(?!\w)"
)
#: An ATX heading (``## Intertitre``): plain text has no use for a line opening with "# ".
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.MULTILINE)


def uses_markdown(text: str) -> bool:
    """Does a plain text use Markdown (pasted from a CMS or a chat)? A link, a bold or italic
    pair, or an ATX heading say so. Bulleted and numbered lines alone do not: they are as common
    in plain text, and the text reader reads them as lists either way."""
    return bool(_MD_INLINE.search(text) or _MD_HEADING.search(text))


def sniff_format(data: bytes) -> str:
    """Guess the format of bytes with no telling extension: docx, html or txt."""
    if data.startswith(ZIP_MAGIC):
        return "docx"
    stripped = data.lstrip(b"\xef\xbb\xbf")
    if looks_like_html(stripped):
        return "html"
    if looks_like_markdown(data):
        return "md"
    return "txt"


#: Part that marks an OOXML package as something other than a Word document.
_OTHER_PACKAGES: tuple[tuple[str, Msg], ...] = (
    ("xl/", Msg("classeur Excel", "Excel workbook")),
    ("ppt/", Msg("présentation PowerPoint", "PowerPoint presentation")),
)

#: A docx holds a few dozen parts; tens of thousands of entries is hostile, not a document.
MAX_ZIP_ENTRIES = 5_000

#: Factor between the input limit and the uncompressed size a docx may declare. Word's XML
#: compresses about 5–10× (see docs/calibration.md), so 10× the byte limit admits any genuine
#: document while refusing zip bombs before inflating them.
DOCX_EXPANSION_FACTOR = 10


def inspect_zip(data: bytes, name: str, max_bytes: int) -> None:
    """Check that a zip is a genuine, reasonably sized Word document, without inflating it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise problems.corrupt_docx(
            name, Msg(f"archive ZIP invalide : {exc}", f"invalid ZIP archive: {exc}")
        ) from exc
    if len(infos) > MAX_ZIP_ENTRIES:
        raise problems.docx_bomb(name, sum(i.file_size for i in infos), max_bytes)
    declared = sum(i.file_size for i in infos)
    if declared > max_bytes * DOCX_EXPANSION_FACTOR:
        raise problems.docx_bomb(name, declared, max_bytes * DOCX_EXPANSION_FACTOR)
    names = {i.filename for i in infos}
    if "word/document.xml" in names:
        if _macro_enabled(data):
            raise problems.unsupported(
                name,
                Msg("document Word avec macros (.docm)", "macro-enabled Word document (.docm)"),
                Msg("enregistrez-le en .docx (sans macros)", "save it as .docx (without macros)"),
            )
        return
    for prefix, what in _OTHER_PACKAGES:
        if any(n.startswith(prefix) for n in names):
            raise problems.unsupported(
                name,
                what,
                Msg(
                    "fournissez le texte de l’article en .txt, .md, .html ou .docx",
                    "give the article's text as .txt, .md, .html or .docx",
                ),
            )
    if "mimetype" in names and "content.xml" in names:
        raise problems.unsupported(
            name,
            Msg("document OpenDocument (.odt, .ods…)", "OpenDocument file (.odt, .ods…)"),
            Msg("enregistrez-le en .docx depuis LibreOffice", "save it as .docx from LibreOffice"),
        )
    raise problems.unsupported(
        name,
        Msg(
            "archive ZIP qui n’est pas un document Word", "ZIP archive that is not a Word document"
        ),
        Msg("décompressez-la et donnez l’article lui-même", "unzip it and give the article itself"),
    )


def _macro_enabled(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            info = zf.getinfo("[Content_Types].xml")
            if info.file_size > 1_000_000:  # a content-types part is a few kB
                return False
            return b"macroEnabled" in zf.read(info)
    except (KeyError, zipfile.BadZipFile, ValueError, OSError):
        return False
