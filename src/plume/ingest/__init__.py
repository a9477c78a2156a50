"""Ingest: any input → :class:`~plume.document.Document`.

``.txt``, ``.md``, ``.html``, ``.docx`` and stdin, anything else sniffed; a plain text that uses
Markdown (links, emphasis, ``#`` headings: :func:`plume.ingest.sniff.uses_markdown`) is read as
Markdown, laid out as plain text (docs/ingest.md). Bad input is refused
with one error from :mod:`plume.errors`, worded in :mod:`plume.ingest.problems`. The brief is
taken out (:mod:`plume.ingest.brief`); ingest does not clean. Heavy parsers are imported only
when a format needs them. Formats and refusals: docs/cleaning.md.
"""

from __future__ import annotations

import re
import stat
import sys
from dataclasses import replace as changed
from pathlib import Path

from plume.document import Block, BlockKind, Document, Meta, Source
from plume.errors import UnsupportedInput
from plume.ingest import problems
from plume.ingest.brief import parse_brief, split_brief
from plume.ingest.decode import check_controls, decode, normalise_newlines
from plume.ingest.inline import drop_heading_marks
from plume.ingest.parsed import Parsed
from plume.ingest.sniff import (
    ZIP_MAGIC,
    format_from_name,
    inspect_zip,
    normalise_format,
    refuse_non_text,
    sniff_format,
    uses_markdown,
)
from plume.report import Msg
from plume.settings import Settings

__all__ = ["parse_brief", "read_bytes", "read_path", "read_stdin", "read_text", "split_brief"]


def read_path(path: str | Path, settings: Settings) -> Document:
    """Read a file; its extension chooses the reader, else its content is sniffed."""
    p = Path(path).expanduser()
    name = str(path)
    try:
        st = p.stat()
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise problems.not_found(name) from exc
    except OSError as exc:
        raise problems.unreadable(name, exc) from exc
    if stat.S_ISDIR(st.st_mode):
        raise problems.is_directory(name)
    limit = settings.max_input_bytes
    if stat.S_ISREG(st.st_mode) and st.st_size > limit:
        raise problems.too_large(name, st.st_size, limit)
    try:
        with p.open("rb") as f:
            # One byte more than allowed: enough to know a pipe or device is too large.
            data = f.read(limit + 1)
    except OSError as exc:
        raise problems.unreadable(name, exc) from exc
    if len(data) > limit:
        raise problems.too_large(name, len(data), limit)
    return _read(data, settings, name, format_from_name(name))


def read_bytes(data: bytes, settings: Settings, name: str, fmt: str | None = None) -> Document:
    """Read bytes (an upload, stdin); ``fmt`` or ``name``'s extension chooses the reader."""
    if len(data) > settings.max_input_bytes:
        raise problems.too_large(name, len(data), settings.max_input_bytes)
    chosen = normalise_format(fmt) if fmt else format_from_name(name)
    return _read(data, settings, name, chosen)


def read_text(text: str, settings: Settings, name: str = "<texte>", fmt: str = "txt") -> Document:
    """Read text already decoded (pasted in the studio, passed to :func:`plume.analyse`)."""
    chosen = normalise_format(fmt)
    if chosen == "docx":
        raise UnsupportedInput(
            "Un .docx se lit en octets, pas en texte : utilisez read_bytes ou read_path.",
            "A .docx is read as bytes, not text: use read_bytes or read_path.",
        )
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > settings.max_input_bytes:
        raise problems.too_large(name, size, settings.max_input_bytes)
    text = check_controls(text.removeprefix("\ufeff"), name)
    return _from_text(text, settings, name, chosen, None, size)


def read_stdin(settings: Settings) -> Document:
    """Read standard input as bytes (any encoding), sniffing the format."""
    name = "<stdin>"
    stream = sys.stdin
    if stream is None:
        raise problems.empty(name)
    limit = settings.max_input_bytes
    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # stdin replaced by a text stream (tests, embedding)
        text = stream.read(limit + 1)
        return read_text(text, settings, name, _sniff_text(text))
    data = buffer.read(limit + 1)
    if len(data) > limit:
        raise problems.too_large(name, len(data), limit)
    return _read(data, settings, name, None)


def _sniff_text(text: str) -> str:
    return sniff_format(text[:4096].encode("utf-8", "replace"))


def _read(data: bytes, settings: Settings, name: str, fmt: str | None) -> Document:
    if not data.strip():
        raise problems.empty(name)
    # Signatures before extensions: a PDF renamed .txt is still a PDF.
    refuse_non_text(data, name)
    if data.startswith(ZIP_MAGIC):
        return _read_docx(data, settings, name)
    if fmt == "docx":
        raise problems.corrupt_docx(name, Msg("ce n’est pas une archive ZIP", "not a ZIP archive"))
    chosen = fmt or sniff_format(data)
    text, encoding = decode(data, name, html=chosen == "html")
    return _from_text(text, settings, name, chosen, encoding, len(data))


def _read_docx(data: bytes, settings: Settings, name: str) -> Document:
    from plume.ingest.word import parse_docx

    inspect_zip(data, name, settings.max_input_bytes)
    parsed = parse_docx(data, name)
    first = parsed.blocks[0]
    if first.kind is BlockKind.PARAGRAPH:
        parsed.brief = parse_brief(first.text.replace("\n", " "))
        if parsed.brief is not None:
            del parsed.blocks[0]
    _read_dated_byline(parsed, settings.lang)
    return _document(parsed, name, "docx", None, len(data))


def _from_text(
    text: str, settings: Settings, name: str, fmt: str, encoding: str | None, size: int
) -> Document:
    text = normalise_newlines(text)
    if not text.strip():
        raise problems.empty(name, Msg("vide (que des espaces)", "empty (whitespace only)"))
    if fmt == "html":
        from plume.ingest.html import parse_html

        parsed = parse_html(text, name, settings.lang)
    elif fmt == "md":
        from plume.ingest.markdown import parse_markdown

        parsed = parse_markdown(text, settings.lang)
    else:
        brief, body = split_brief(text)
        if uses_markdown(body):
            # Markdown pasted as text (a CMS, a chat): laid out as plain text, read as Markdown.
            parsed = _markdown_text(body, settings.lang)
            fmt = "md"
        else:
            parsed = _plain_text(body, settings.lang)
        parsed.brief = brief
    _read_dated_byline(parsed, settings.lang)
    return _document(parsed, name, fmt, encoding, size)


def _plain_text(text: str, lang: str) -> Parsed:
    """Plain text: its blocks, and the page header it may open on (a label, the date, the
    byline under the title) as the page's metadata, each line taken out logged in the notes."""
    from plume.ingest.text import read_text_page

    blocks, header = read_text_page(text)
    meta = Meta(
        kicker=header.kicker,
        author=header.author,
        published=header.published,
    )
    parsed = Parsed(blocks=blocks, meta=meta)
    if header.removed:
        shown = " / ".join(header.removed)
        parsed.notes.append(
            Msg(
                f"En-tête de page retiré du texte et lu comme métadonnées : {shown}.",
                f"Page header taken out of the text and read as metadata: {shown}.",
            ).get(lang)
        )
    return parsed


#: What opens a line of Markdown in a plain text, for the text reader: indentation, then ATX
#: heading, quote, bullet or number markers.
_LINE_MARKERS = re.compile(r"^[ \t]*(?:(?:#{1,6}|[-*+•‣◦▪●]|\d{1,3}[.)])[ \t]+|>[ \t]?)*")
#: Characters without which a line holds no inline Markdown.
_INLINE_SYNTAX = re.compile(r"[*_\[\]<`\\&]")


def _markdown_text(body: str, lang: str) -> Parsed:
    """A plain text that uses Markdown: each line's inline syntax is read (emphasis and links
    kept as marks, the visible text left), then the text reader lays out the blocks as for any
    plain text (one paragraph per line or blank-line-separated, headings guessed when the text
    has no ``#`` heading, lists, quotes)."""
    from plume.ingest.markdown import inline_markdown
    from plume.ingest.text import text_to_blocks

    parsed = Parsed(blocks=[])
    lines = []
    for line in body.split("\n"):
        prefix = _LINE_MARKERS.match(line)
        head = prefix.group() if prefix else ""
        rest = line[len(head) :]
        if _INLINE_SYNTAX.search(rest):
            rest, links, images, marks = inline_markdown(rest)
            parsed.links += links
            parsed.images += images
            parsed.marks += marks
        lines.append(head + rest)
    parsed.blocks = text_to_blocks("\n".join(lines))
    parsed.notes.append(
        Msg(
            "Texte écrit en Markdown : gras, italique et liens conservés.",
            "Text written in Markdown: bold, italics and links kept.",
        ).get(lang)
    )
    return parsed


def _read_dated_byline(parsed: Parsed, lang: str) -> None:
    """A byline with its date near the top, in any format ("Par Mathieu Lescure · 5 décembre
    2026 · Arts & expositions"): the page's author and date when it gives none, and the line
    leaves the body (a note says so)."""
    from plume.ingest.text import dated_byline

    for block in parsed.blocks[:5]:
        if block.kind is not BlockKind.PARAGRAPH or "\n" in block.text:
            continue
        found = dated_byline(block.text)
        if found is None:
            continue
        author, published = found
        parsed.meta = changed(
            parsed.meta,
            author=parsed.meta.author or author,
            published=parsed.meta.published or published,
        )
        parsed.blocks.remove(block)
        parsed.notes.append(
            Msg(
                f"Signature et date retirées du texte et lues comme métadonnées : {block.text}.",
                f"Byline and date taken out of the text and read as metadata: {block.text}.",
            ).get(lang)
        )
        return


def _document(parsed: Parsed, name: str, fmt: str, encoding: str | None, size: int) -> Document:
    if not parsed.blocks:
        if parsed.brief is not None and parsed.brief.raw:
            raise problems.brief_only(name)
        raise problems.empty(name, Msg("sans texte", "without text"))
    blocks: tuple[Block, ...] = tuple(parsed.blocks)
    marks = tuple(drop_heading_marks(parsed.marks, blocks))
    return Document(
        blocks=blocks,
        source=Source(name=name, format=fmt, encoding=encoding, size_bytes=size),
        meta=parsed.meta,
        brief=parsed.brief,
        links=tuple(parsed.links),
        images=tuple(parsed.images),
        marks=marks,
        notes=tuple(parsed.notes),
    )
