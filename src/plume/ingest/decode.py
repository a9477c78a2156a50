"""Bytes → text, without mojibake.

BOM, BOM-less UTF-16, binary refusal, strict UTF-8, the HTML's declared charset, then the
Western single-byte encodings scored on how French the accents look, charset-normalizer last
(it guesses wrong on short French text). The order and why: docs/cleaning.md.
"""

from __future__ import annotations

import codecs
import re

from plume.ingest import problems
from plume.report import Msg

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its BOM starts with FF FE too
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Non-ASCII characters expected in French text (accents, ligatures, guillemets, typographic
#: apostrophe and quotes, dashes, ellipsis, euro, degree, no-break space).
_FRENCH = frozenset("àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ«»’‘‚“”„–—…€°•™\u00a0")
#: Plausible in French text (foreign names, symbols) but not evidence either way.
#: Lower case only: a capital Ó or Ø inside French text is far more often a mis-decoded byte.
_NEUTRAL = frozenset("áíóúñãõåøßìò©®±×·§¹²³ºª¿¡£¥¢†‰")

#: Single-byte encodings tried in order of how often French files use them: Windows-1252
#: (a superset of ISO-8859-1 for printable text), ISO-8859-15 (latin-9: œ and € where latin-1
#: has ½ and ¤), Mac Roman (old Mac exports). Ties keep the earlier one.
_WESTERN = ("cp1252", "iso-8859-15", "mac_roman")

#: Implausible characters tolerated, as a share of non-ASCII characters, before a Western
#: decoding is rejected. 5%: a French text has dozens of accents per hundred words, so a real
#: cp1252 file scores 0% and a mis-decoded Cyrillic or Greek file scores above 50%.
_MAX_IMPLAUSIBLE_SHARE = 0.05

#: Bytes scored to choose a Western encoding (64 kB ≈ 10,000 words of French, far more
#: accents than needed to tell cp1252 from Mac Roman or latin-9).
_SAMPLE_BYTES = 65_536
_C1_CONTROLS = re.compile(r"[\x80-\x9f]")
#: Control characters not expected in text (tab, newlines, form feed and Word's vertical tab
#: are allowed).
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
#: Share of control characters above which decoded "text" is really binary data.
_MAX_CONTROL_SHARE = 0.01

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
#: A word (letters only) containing at least one non-ASCII letter.
_NON_ASCII_WORD = re.compile(r"[^\W\d_]*[^\x00-\x7f\W\d_][^\W\d_]*")


def decode(data: bytes, name: str, *, html: bool = False) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise UnsupportedInput (binary) or UndecodableInput."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise problems.undecodable(name) from exc
            return check_controls(text.removeprefix("\ufeff"), name), encoding
    if b"\x00" in data:
        utf16 = _bomless_utf16(data)
        if utf16 is None:
            raise problems.binary(
                name, Msg("fichier binaire (octets nuls)", "binary file (NUL bytes)")
            )
        return check_controls(utf16[0], name), utf16[1]
    try:
        return check_controls(data.decode("utf-8"), name), "utf-8"
    except UnicodeDecodeError:
        pass
    if html:
        declared = _declared_charset(data)
        if declared is not None:
            try:
                return check_controls(data.decode(declared), name), declared
            except UnicodeDecodeError:
                pass
    western = _best_western(data)
    if western is not None:
        return check_controls(western[0], name), western[1]
    return _charset_normalizer(data, name)


def check_controls(text: str, name: str) -> str:
    """Refuse "text" whose share of control characters says it is binary data."""
    controls = len(_CONTROLS.findall(text))
    if controls > len(text) * _MAX_CONTROL_SHARE:
        raise problems.binary(name)
    return text


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text without a BOM: mostly-ASCII text has a NUL in every other byte."""
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even_nuls = sample[0 : pairs * 2 : 2].count(0)
    odd_nuls = sample[1 : pairs * 2 : 2].count(0)
    # ≥ 40% NULs on one side (Latin text is mostly ASCII) and almost none on the other.
    if odd_nuls >= pairs * 0.4 and even_nuls <= pairs * 0.02:
        encoding = "utf-16-le"
    elif even_nuls >= pairs * 0.4 and odd_nuls <= pairs * 0.02:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return None


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    label = match.group(1).decode("ascii", "replace").lower()
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # WHATWG Encoding Standard: the labels latin-1 and ascii mean windows-1252 on the web.
    if name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    return None if name == "utf-8" else name


def _score(text: str) -> tuple[int, int, int]:
    """(French-looking, implausible, total) non-ASCII characters.

    A character also counts as implausible when its word has an impossible case shape
    ("ðÒÉ": French words are lower case, Capitalised or ALL CAPS), which is how KOI8-R or
    cp1251 text read as cp1252 gives itself away.
    """
    french = implausible = total = 0
    for ch in _NON_ASCII.findall(text):
        total += 1
        if ch in _FRENCH:
            french += 1
        elif ch not in _NEUTRAL:
            implausible += 1
    for word in _NON_ASCII_WORD.findall(text):
        if not (word.islower() or word.isupper() or word.istitle()):
            bad = len(_NON_ASCII.findall(word))
            implausible += bad
            french -= bad
    return french, implausible, total


def _best_western(data: bytes) -> tuple[str, str] | None:
    """Decode with the best-scoring Western encoding, judged on a sample.

    Every candidate decodes the whole file only once it has won on the sample: scoring is a
    Python loop over accented characters, and a 5 MB cp1252 file would otherwise take seconds.
    """
    sample = data[:_SAMPLE_BYTES]
    ranked: list[tuple[int, int, str]] = []
    for order, encoding in enumerate(_WESTERN):
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        french, implausible, total = _score(text)
        if implausible > total * _MAX_IMPLAUSIBLE_SHARE:
            continue
        ranked.append((-(french - 3 * implausible), order, encoding))
    for _, _, encoding in sorted(ranked):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue  # a byte undefined in this encoding further down the file
        if len(data) > _SAMPLE_BYTES and _C1_CONTROLS.search(text):
            continue  # latin-9 "decodes" anything, C1 control codes included
        return text, encoding
    return None


def _charset_normalizer(data: bytes, name: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    match = from_bytes(data).best()
    if match is None or match.encoding is None:
        raise problems.undecodable(name)
    try:
        text = str(match)
    except (UnicodeDecodeError, LookupError) as exc:  # pragma: no cover - defensive
        raise problems.undecodable(name) from exc
    return check_controls(text, name), match.encoding


def normalise_newlines(text: str) -> str:
    """CRLF, CR and the Unicode line/paragraph separators → ``\\n`` (decoding, not cleaning:
    the block splitter needs one newline convention)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    for sep, repl in (
        ("\u2029", "\n\n"),
        ("\x0c", "\n\n"),
        ("\u2028", "\n"),
        ("\x0b", "\n"),
        ("\x85", "\n"),
    ):
        if sep in text:
            text = text.replace(sep, repl)
    return text
