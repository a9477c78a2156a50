"""Fuzzing ingest → clean → analyse with arbitrary bytes (issue 6): whatever a batch is fed, the
only exception that may come out is a :class:`PlumeError` (a clear refusal), never a crash.

Bytes go through ``read_bytes`` under every format (the readers sniff, decode, parse HTML and
unzip docx), then ``clean`` and ``analyse_cleaned``. Example counts are tuned to keep the file
under ~20 s on the 2-core reference machine.
"""

from __future__ import annotations

import io
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plume.analyse.audit import analyse_cleaned
from plume.clean import clean
from plume.errors import PlumeError
from plume.ingest import read_bytes
from plume.settings import load_settings

SETTINGS = load_settings({"max_input_bytes": 200_000}, env={"PLUME_CONFIG": "/nonexistent"})
FUZZ = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

NAMES = st.sampled_from(["a.txt", "a.md", "a.html", "a.docx", "a", "a.pdf", "a.TXT", "a.htm"])

# Pieces that reach the readers' interesting branches: BOMs, encodings, markup, briefs, zips.
BITS = st.sampled_from(
    [
        b"\xef\xbb\xbf",
        b"\xff\xfe",
        b"\x00",
        b"<html><body>",
        b"<div>",
        b"</div>",
        b"<p>Le chat dort.</p>",
        b"<h1>Titre</h1>",
        b"<script>alert(1)</script>",
        b"<!--",
        b"# Titre\n",
        b"## Intertitre\n",
        "rédige au moins 800 mots en français avec des intertitres\n".encode(),
        "L’été, l’entreprise a été rachetée à 3,5 %. « Oui ! »\n\n".encode(),
        "Élève naïf".encode("latin-1"),
        "Élève naïf".encode("cp1252"),
        b"PK\x03\x04",
        b"%PDF-1.7",
        b"\x89PNG\r\n\x1a\n",
        b"\r\n",
        b"\n\n",
        b"\xe9\xe8",
        b"\xc3\x28",
    ]
)
MIXED = st.lists(st.one_of(BITS, st.binary(max_size=40)), max_size=30).map(b"".join)


def _pipeline(data: bytes, name: str) -> None:
    try:
        doc = read_bytes(data, SETTINGS, name)
        cleaned = clean(doc, SETTINGS)
        report = analyse_cleaned(cleaned, SETTINGS)
    except PlumeError as exc:
        assert exc.exit_code > 0 and exc.message("fr")
        return
    assert 0 <= report.seo.value <= 100 and 0 <= report.readability.value <= 100


@FUZZ
@given(data=st.binary(max_size=2000), name=NAMES)
def test_arbitrary_bytes(data: bytes, name: str) -> None:
    _pipeline(data, name)


@FUZZ
@given(data=MIXED, name=NAMES)
def test_plausible_bytes(data: bytes, name: str) -> None:
    _pipeline(data, name)


@FUZZ
@given(text=st.text(max_size=1500), name=NAMES)
def test_arbitrary_text(text: str, name: str) -> None:
    _pipeline(text.encode("utf-8", errors="surrogatepass"), name)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    body=MIXED,
    members=st.lists(
        st.sampled_from(["word/document.xml", "[Content_Types].xml", "word/styles.xml", "x"]),
        max_size=3,
        unique=True,
    ),
)
def test_arbitrary_docx(body: bytes, members: list[str]) -> None:
    # Zips with arbitrary members and contents: damaged and hostile documents.
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for member in members:
            z.writestr(member, body)
    _pipeline(buf.getvalue(), "a.docx")


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    depth=st.sampled_from([1, 100, 1000, 5000, 20000]),
    tag=st.sampled_from(["div", "p", "b", "li", "table"]),
    closed=st.booleans(),
)
def test_deeply_nested_html(depth: int, tag: str, closed: bool) -> None:
    inner = "<p>Le chat dort sur le canapé. Il fait beau à Lyon.</p>"
    html = f"<html><body>{f'<{tag}>' * depth}{inner}{f'</{tag}>' * depth if closed else ''}"
    _pipeline(html.encode(), "a.html")
