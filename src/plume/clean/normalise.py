"""Steps 1–3: invisible characters, Unicode NFC, white space.

These run first because every later step matches text with regular expressions written for
composed characters (``é`` as one code point) and single ASCII spaces.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

from plume.clean.engine import Edit, Keep, Plan, StepOutput, run_plans
from plume.document import Block
from plume.settings import Settings

__all__ = ["step_controls", "step_nfc", "step_whitespace"]

# --- Step 1: control and invisible characters -----------------------------------------------

# Line ends of other systems and Unicode line/paragraph separators become "\n" (step 4 decides
# whether each one is a paragraph break).
_NEWLINES = re.compile("\r\n?|[\x0b\x0c\x85\u2028\u2029]")
# Removed outright: C0/C1 control characters (except \t and \n, handled as white space), lone
# surrogates, zero-width space, word joiner, BOM, soft hyphen (an invisible hyphenation point
# that breaks word matching: "dévelop\u00adpement"), Mongolian vowel separator, invisible math
# operators, interlinear annotation marks and the object replacement character (an image or
# widget placeholder left by copy-paste).
_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\u200b\u2060-\u2064\ufeff\u00ad"
    "\u180e\ufff9-\ufffc]"
)
# Zero-width (non-)joiners are meaningful in emoji sequences, Indic and Persian scripts; between
# two Latin letters they are copy-paste debris ("intelli\u200dgence"), so only there are they
# removed.
_JOINERS = re.compile("[\u200c\u200d]+")


def _is_latin(ch: str) -> bool:
    """A Latin letter, judged on its base letter so that NFC cannot change the answer (a script
    test on one character, not accent stripping: :func:`plume.text.strip_accents` is that)."""
    base = unicodedata.normalize("NFD", ch)[0]
    return base.isalpha() and unicodedata.name(base, "").startswith("LATIN ")


def _controls_edits(text: str) -> list[Edit]:
    edits = [Edit(m.start(), m.end(), "\n", "CL-CONTROL") for m in _NEWLINES.finditer(text)]
    edits += [Edit(m.start(), m.end(), "", "CL-CONTROL") for m in _INVISIBLE.finditer(text)]
    for m in _JOINERS.finditer(text):
        # The neighbours that will remain once the other invisible characters are gone.
        # Combining marks are skipped too: NFC (step 2) will fold them into the letter.
        s, e = m.span()
        while s > 0 and (_INVISIBLE.match(text, s - 1) or unicodedata.combining(text[s - 1])):
            s -= 1
        while e < len(text) and _INVISIBLE.match(text, e):
            e += 1
        if s > 0 and e < len(text) and _is_latin(text[s - 1]) and _is_latin(text[e]):
            edits.append(Edit(m.start(), m.end(), "", "CL-CONTROL"))
    return edits


def step_controls(blocks: tuple[Block, ...], settings: Settings) -> StepOutput:
    plans: list[Plan] = [Keep(_controls_edits(b.text)) for b in blocks]
    return run_plans(blocks, plans)


# --- Step 2: NFC ----------------------------------------------------------------------------

_HANGUL_VT = re.compile("[\u1160-\u11ff\ud7b0-\ud7ff]")


def _is_cluster_start(ch: str) -> bool:
    """True for a character NFC cannot merge with what precedes it (a base, not a mark)."""
    return unicodedata.category(ch) not in ("Mn", "Mc", "Me") and not _HANGUL_VT.match(ch)


def _nfc_edits(text: str) -> list[Edit]:
    """One edit per cluster (base + marks) that NFC changes, e.g. ``e\u0301`` → ``é``."""
    if unicodedata.is_normalized("NFC", text):
        return []
    target = unicodedata.normalize("NFC", text)
    bounds = [i for i, ch in enumerate(text) if i == 0 or _is_cluster_start(ch)] + [len(text)]
    edits: list[Edit] = []
    rebuilt: list[str] = []
    for s, e in itertools.pairwise(bounds):
        chunk = text[s:e]
        norm = unicodedata.normalize("NFC", chunk)
        rebuilt.append(norm)
        if norm != chunk:
            edits.append(Edit(s, e, norm, "CL-NFC"))
    if "".join(rebuilt) != target:
        # A composition that crosses clusters (rare scripts): log the block as one change.
        return [Edit(0, len(text), target, "CL-NFC")]
    return edits


def step_nfc(blocks: tuple[Block, ...], settings: Settings) -> StepOutput:
    return run_plans(blocks, [Keep(_nfc_edits(b.text)) for b in blocks])


# --- Step 3: white space --------------------------------------------------------------------

_HSPACE = "[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]"
# Only the runs that may need a change: two spaces or more, a tab or an exotic space, or a space
# at a line or block edge. A single ordinary space between words (nearly all of them) is never
# matched, which keeps this step fast.
_SUSPECT_RUN = re.compile(
    f"{_HSPACE}{{2,}}|[\t\u1680\u2000-\u200a\u205f\u3000]"
    f"|\\A{_HSPACE}+|{_HSPACE}+\\Z|{_HSPACE}+(?=\n)|(?<=\n){_HSPACE}+"
)
# Thin, hair, punctuation and figure spaces are typographic "fines": U+202F is their no-break
# form, the one French typography uses (before ; ! ?, inside « », in "75 000").
_FINE = frozenset("\u2007\u2008\u2009\u200a\u202f")


def _space_for(run: str) -> str:
    """The one space a run of spaces collapses to: the strongest no-break space in it wins, so
    an intended no-break space is never lost."""
    if any(c in _FINE for c in run):
        return "\u202f"
    if "\u00a0" in run:
        return "\u00a0"
    return " "


_EXOTIC_SPACES = frozenset("\t\u1680\u205f\u3000") | frozenset(map(chr, range(0x2000, 0x200B)))
_EDGE_SPACES = _EXOTIC_SPACES | frozenset(" \u00a0\u202f")
_TO_PLAIN_SPACE = str.maketrans({"\u00a0": " ", "\u202f": " "})


def _needs_work(text: str) -> bool:
    """Cheap test (string operations only) for anything this step would change."""
    if text[0] in _EDGE_SPACES or text[-1] in _EDGE_SPACES or not _EXOTIC_SPACES.isdisjoint(text):
        return True
    plain = text.translate(_TO_PLAIN_SPACE) if ("\u00a0" in text or "\u202f" in text) else text
    return "  " in plain or " \n" in plain or "\n " in plain


def _whitespace_edits(text: str) -> list[Edit]:
    if not text or not _needs_work(text):
        return []  # the common case, found without a per-space scan
    edits: list[Edit] = []
    n = len(text)
    for m in _SUSPECT_RUN.finditer(text):
        s, e = m.span()
        at_edge = s == 0 or e == n or text[s - 1] == "\n" or text[e] == "\n"
        after = "" if at_edge else _space_for(m.group())
        if after != m.group():
            edits.append(Edit(s, e, after, "CL-WHITESPACE"))
    return edits


def step_whitespace(blocks: tuple[Block, ...], settings: Settings) -> StepOutput:
    """Tabs and runs of spaces become one space; spaces at line and block edges go."""
    return run_plans(blocks, [Keep(_whitespace_edits(b.text)) for b in blocks])
