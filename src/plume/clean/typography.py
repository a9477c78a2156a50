"""Steps 11–14: French typography, applied when ``settings.fix_typography`` is on.

Rules from the *Lexique des règles typographiques en usage à l’Imprimerie nationale* (2002):
no-break spaces before ``: ; ! ?`` and inside « », the ’ apostrophe, a one-character ellipsis.
URLs, code, times and English blocks are never touched. Order: apostrophes, ellipses, quotes,
spaces. Rules in full: docs/cleaning.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from plume.clean import data
from plume.clean.engine import Edit, Keep, Plan, StepOutput, run_plans
from plume.clean.protect import protected
from plume.document import Block
from plume.lang.fr import read_list
from plume.settings import ApostrophePolicy, Settings

__all__ = [
    "looks_english",
    "step_apostrophes",
    "step_ellipsis",
    "step_nbsp",
    "step_quotes",
]

NNBSP = "\u202f"  # espace fine insécable
NBSP = "\u00a0"  # espace insécable

_WORDS = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=512)
def looks_english(text: str) -> bool:
    """More English marker words than French ones (an embedded tweet, a quoted abstract)."""
    fr_set, en_set = data.french_markers(), data.english_markers()
    words = _WORDS.findall(text.lower())
    fr = sum(1 for w in words if w in fr_set)
    en = sum(1 for w in words if w in en_set)
    return en > fr


def _edits_outside(text: str, edits: list[Edit]) -> list[Edit]:
    """Drop the edits that touch a protected span (URL, code, time…)."""
    if not edits:
        return edits
    prot = protected(text)
    if not prot:
        return edits
    return [e for e in edits if not prot.overlaps(max(0, e.start - 1), e.end + 1)]


def _run(
    blocks: tuple[Block, ...], fn: Callable[[str], list[Edit]], *, french_only: bool
) -> StepOutput:
    plans: list[Plan] = []
    for b in blocks:
        if french_only and looks_english(b.text):
            plans.append(Keep())
            continue
        plans.append(Keep(_edits_outside(b.text, fn(b.text))))
    return run_plans(blocks, plans)


# --- Step 11: apostrophes -------------------------------------------------------------------

_APOSTROPHE_LIKE = {
    ApostrophePolicy.TYPOGRAPHIC: (re.compile("['`´‘]"), "’"),
    ApostrophePolicy.STRAIGHT: (re.compile("[’`´‘]"), "'"),
}


def step_apostrophes(blocks: tuple[Block, ...], settings: Settings) -> StepOutput:
    """An apostrophe between two letters ("l'IA", "aujourd’hui") takes the configured form.

    Only between letters: a ' after a space or before one is a quotation mark, not an apostrophe.
    """
    regex, char = _APOSTROPHE_LIKE[settings.apostrophe]

    def edits(text: str) -> list[Edit]:
        n = len(text)
        return [
            Edit(m.start(), m.end(), char, "CL-APOSTROPHE")
            for m in regex.finditer(text)
            if m.start() > 0
            and m.end() < n
            and text[m.start() - 1].isalpha()
            and text[m.end()].isalpha()
        ]

    return _run(blocks, edits, french_only=False)


# --- Step 12: ellipsis ----------------------------------------------------------------------

# Exactly three dots (four or more are left alone: "....." is not an ellipsis we can name),
# or three spaced dots ". . ." (old typewriter style, with the space before them).
_ELLIPSIS = re.compile(r"(?<!\.)\.\.\.(?!\.)|(?<=\w) ?\. \. \.(?!\.)")


@lru_cache(maxsize=1)
def _ligature_words() -> re.Pattern[str]:
    stems = "|".join(re.escape(w) for w in read_list("clean_ligatures.txt"))
    return re.compile(rf"(?<![^\W\d_])(?:{stems})", re.IGNORECASE)


def _ligature_edits(text: str) -> list[Edit]:
    """ "coeur", "OEuvre" → "cœur", "Œuvre": the words of ``clean_ligatures.txt`` only."""
    out: list[Edit] = []
    for m in _ligature_words().finditer(text):
        i = m.start() + m.group().lower().index("oe")
        char = "Œ" if text[i].isupper() else "œ"
        out.append(Edit(i, i + 2, char, "CL-LIGATURE"))
    return out


def step_ellipsis(blocks: tuple[Block, ...], settings: Settings) -> StepOutput:
    """One-character ellipses, and the œ ligature of French words typed "oe"."""

    def edits(text: str) -> list[Edit]:
        dots = [Edit(m.start(), m.end(), "…", "CL-ELLIPSIS") for m in _ELLIPSIS.finditer(text)]
        return dots + (_ligature_edits(text) if not looks_english(text) else [])

    return _run(blocks, edits, french_only=False)


# --- Step 13: quotes ------------------------------------------------------------------------

_CURLY = re.compile("[“”]")
_STRAIGHT = re.compile('"')
_OPEN_BEFORE = frozenset("([{«—–-/'’")
_CLOSE_AFTER = frozenset(".,;:!?)]}»…")


def _space_before(text: str, i: int) -> bool:
    return i == 0 or text[i - 1].isspace() or text[i - 1] in _OPEN_BEFORE


def _space_after(text: str, i: int) -> bool:
    return i + 1 >= len(text) or text[i + 1].isspace() or text[i + 1] in _CLOSE_AFTER


def _quote_edits(text: str) -> list[Edit]:
    """« » for "…" and “…”, only when the quotes of the block pair up unambiguously.

    Straight quotes alternate open/close; a quote whose surroundings contradict its role
    (an "opening" one with a space after it and none before) means the pairing is off, and the
    block is left as it is (the editor sees the unbalanced-quotes finding instead).
    """
    edits: list[Edit] = []
    # Curly English quotes: “ opens, ” closes; they must alternate.
    curly = [m.start() for m in _CURLY.finditer(text)]
    if curly and len(curly) % 2 == 0:
        if all(text[i] == ("“" if k % 2 == 0 else "”") for k, i in enumerate(curly)):
            for k, i in enumerate(curly):
                edits.append(_quote_edit(text, i, opening=k % 2 == 0))
        else:
            return []
    straight = [m.start() for m in _STRAIGHT.finditer(text)]
    if straight and len(straight) % 2 == 0:
        for k, i in enumerate(straight):
            opening = k % 2 == 0
            before, after = _space_before(text, i), _space_after(text, i)
            if opening and after and not before:
                return edits
            if not opening and before and not after:
                return edits
        for k, i in enumerate(straight):
            edits.append(_quote_edit(text, i, opening=k % 2 == 0))
    return edits


def _quote_edit(text: str, i: int, *, opening: bool) -> Edit:
    if opening:
        lead = "" if _space_before(text, i) else " "
        return Edit(i, i + 1, lead + "«", "CL-QUOTES")
    trail = " " if i + 1 < len(text) and text[i + 1].isalnum() else ""
    return Edit(i, i + 1, "»" + trail, "CL-QUOTES")


def step_quotes(blocks: tuple[Block, ...], settings: Settings) -> StepOutput:
    return _run(blocks, _quote_edits, french_only=True)


# --- Step 14: no-break spaces and spaces around punctuation ---------------------------------

_SPACES = frozenset(f" {NBSP}{NNBSP}")
# ; ! ? (a run such as "?!" is one unit) followed by the end, a space or a closing sign; the
# space before it is looked at by hand (a regex starting with an optional space would be tried
# at every position of the text).
_HIGH = re.compile(r"[;!?]+(?=$|\s|[»\"”’)\]…])")
_COLON = re.compile(r":(?=$|\s|[»\"”’)\]…])")
# No space before , and . (but ". . ." and " .net" are not this case).
_COMMA_OR_STOP = re.compile(r"[.,](?=$|\s|[»\"”’)\]])")
_GUILLEMETS = re.compile("[«»]")
# A percentage or an amount in euros after its number ("10%", "10 %", "5€"), the sign followed
# by the end, a space or punctuation (not "50%25" in a URL).
_UNIT = re.compile(r"(?<=\d)[ \u00a0\u202f]?[%€](?=$|[\s.,;:!?)\]»”’…])")
_PARENS = re.compile(r"[()]")


def _needs_space_before(text: str, start: int) -> bool:
    """There is a word before the mark (not the block start, a bracket or another sign)."""
    if start == 0:
        return False
    prev = text[start - 1]
    return prev.isalnum() or prev in ')]»"”’…%°'


def _spaces_before(text: str, p: int) -> int:
    s = p
    while s > 0 and text[s - 1] in _SPACES:
        s -= 1
    return s


def _spaces_after(text: str, p: int) -> int:
    e = p
    while e < len(text) and text[e] in _SPACES:
        e += 1
    return e


def _nbsp_edits(text: str) -> list[Edit]:
    edits: list[Edit] = []
    # Before ; ! ? a narrow no-break space, before : a no-break space (Imprimerie nationale).
    for regex, space in ((_HIGH, NNBSP), (_COLON, NBSP)):
        for m in regex.finditer(text):
            p = m.start()
            s = _spaces_before(text, p)
            if s == p:
                if _needs_space_before(text, p):
                    edits.append(Edit(p, p, space, "CL-NBSP"))
            elif _needs_space_before(text, s) and text[s:p] != space:
                edits.append(Edit(s, p, space, "CL-NBSP"))
    # Before % and € after a number, a narrow no-break space ("10 %": Imprimerie nationale).
    for m in _UNIT.finditer(text):
        if m.end() - m.start() == 1 or text[m.start()] != NNBSP:
            edits.append(Edit(m.start(), m.end() - 1, NNBSP, "CL-NBSP"))
    # Inside « » a narrow no-break space.
    if "«" in text or "»" in text:
        n = len(text)
        for m in _GUILLEMETS.finditer(text):
            p = m.start()
            if m.group() == "«":
                e = _spaces_after(text, p + 1)
                if e < n and not text[e].isspace() and text[p + 1 : e] != NNBSP:
                    edits.append(Edit(p + 1, e, NNBSP, "CL-NBSP"))
            else:
                s = _spaces_before(text, p)
                if s > 0 and not text[s - 1].isspace() and text[s:p] != NNBSP:
                    edits.append(Edit(s, p, NNBSP, "CL-NBSP"))
    # No space before , and . nor inside parentheses.
    for m in _COMMA_OR_STOP.finditer(text):
        p = m.start()
        s = _spaces_before(text, p)
        if s < p and s > 0 and (text[s - 1].isalnum() or text[s - 1] in ')]»"”'):
            edits.append(Edit(s, p, "", "CL-PUNCT-SPACE"))
    if "(" in text:
        for m in _PARENS.finditer(text):
            p = m.start()
            if m.group() == "(":
                e = _spaces_after(text, p + 1)
                if e > p + 1 and e < len(text) and text[e].isalnum():
                    edits.append(Edit(p + 1, e, "", "CL-PUNCT-SPACE"))
            else:
                s = _spaces_before(text, p)
                if s < p and s > 0 and (text[s - 1].isalnum() or text[s - 1] in ".…!?"):
                    edits.append(Edit(s, p, "", "CL-PUNCT-SPACE"))
    return edits


def step_nbsp(blocks: tuple[Block, ...], settings: Settings) -> StepOutput:
    return _run(blocks, _nbsp_edits, french_only=True)
