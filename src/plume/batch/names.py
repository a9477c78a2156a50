"""Safe output folder names: ``OUTDIR/<safe-name>/``, never anywhere else.

A name comes from an input's file name (or a manifest's ``output`` column), so it is hostile
input: ``..``, slashes, control characters, a 300-byte Unicode name, ``CON`` on Windows. The
name is normalised (Unicode NFC, so « é » typed two ways is one folder), every character that
could escape OUTDIR or confuse a file system is replaced by ``_``, and the result is bounded.
Unicode letters and spaces are kept: « Élections 2024 » stays readable.

Collisions (two ``article.txt`` in two folders, ``a.txt`` and ``a.html``, or names equal once
case-folded, as on macOS and Windows file systems) are disambiguated deterministically: the
first by source path keeps the plain name, the others get ``-`` and 8 hex digits of the SHA-256
of their source path, so a name never depends on the order the inputs were listed in.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

__all__ = ["assign_names", "inside", "safe_name"]

#: Linux limits a file name to 255 *bytes* (NAME_MAX); 120 leaves room for the ``-xxxxxxxx``
#: suffix and for the hidden temporary names ``write_outputs`` derives from file names.
_MAX_NAME_BYTES = 120
#: Separators, and the characters Windows refuses in names (Microsoft, "Naming Files, Paths, and
#: Namespaces"): a batch folder may be copied there.
_FORBIDDEN = re.compile(r'[/\\<>:"|?*]')
#: Windows device names, refused whatever the extension (same Microsoft page).
_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"}
    | {f"com{i}" for i in range(1, 10)}
    | {f"lpt{i}" for i in range(1, 10)}
)
_DEFAULT = "article"


def _clean_char(ch: str) -> str:
    # Cc: control characters (NUL, newline, ESC…); Cf: invisible format characters (bidi
    # overrides that make a name display as something else); Zl/Zp: line separators.
    if unicodedata.category(ch) in {"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"}:
        return "_"
    if ch.isspace():
        return " "
    return ch


def safe_name(raw: str) -> str:
    """A folder name that is one plain path component, inside any parent, on any system."""
    text = unicodedata.normalize("NFC", raw)
    text = "".join(_clean_char(ch) for ch in text)
    text = _FORBIDDEN.sub("_", text)
    # ``..`` anywhere (not only alone) is neutralised: « a..b » is harmless, but a name made only
    # of dots is not, and a reader should never see ``..`` in a path plume wrote.
    text = re.sub(r"\.{2,}", "_", text)
    text = re.sub(r" {2,}", " ", text)
    # No leading dot (hidden files, and plume's own ``.plume-batch*`` files), no leading or
    # trailing spaces or dots (Windows strips them, making two names one).
    text = text.strip(" ._")
    encoded = text.encode("utf-8")
    if len(encoded) > _MAX_NAME_BYTES:
        text = encoded[:_MAX_NAME_BYTES].decode("utf-8", errors="ignore").rstrip(" ._")
    if not text:
        return _DEFAULT
    if text.split(".")[0].lower() in _RESERVED:
        text = "_" + text
    return text


def _suffix(source: str) -> str:
    return hashlib.sha256(source.encode("utf-8", errors="surrogatepass")).hexdigest()[:8]


def assign_names(wanted: Sequence[tuple[str, str]]) -> list[str]:
    """``[(wanted name, source key)]`` → unique safe names, in the same order.

    The source key (a resolved path, or a manifest row's identity) orders the candidates for one
    name, so the result depends only on the set of inputs, not on their order.
    """
    bases = [safe_name(name) for name, _ in wanted]
    groups: dict[str, list[int]] = {}
    for i, base in enumerate(bases):
        groups.setdefault(base.casefold(), []).append(i)
    names = list(bases)
    taken = {b.casefold() for b in bases}
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda i: wanted[i][1])
        for i in members[1:]:
            candidate = f"{bases[i]}-{_suffix(wanted[i][1])}"
            n = 2
            while candidate.casefold() in taken:  # astronomically rare; still deterministic
                candidate = f"{bases[i]}-{_suffix(wanted[i][1] + str(n))}"
                n += 1
            taken.add(candidate.casefold())
            names[i] = candidate
    return names


def inside(outdir: Path, name: str) -> Path:
    """``outdir / name``, after proving it is a direct child of ``outdir`` and not a symlink.

    Raises ``ValueError`` otherwise: a pre-existing symlink planted in OUTDIR must not redirect
    plume's writes elsewhere.
    """
    base = outdir.resolve()
    target = base / name
    if target.parent != base or name in {"", ".", ".."} or target.is_symlink():
        raise ValueError(f"refused output folder: {name!r}")
    if target.resolve().parent != base:
        raise ValueError(f"refused output folder: {name!r}")
    return target
