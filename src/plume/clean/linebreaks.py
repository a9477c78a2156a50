"""Step 4: line breaks inside blocks.

Each ``"\\n"`` becomes nothing (a hyphenated word rejoined, ``CL-LINEBREAK``), a space (a cut
sentence, or a hard wrap: lines of a near-constant width) or a block break; empty blocks are
dropped (``CL-EMPTY-BLOCK``). After this step no block contains a line break, which every later
step relies on. Rules: docs/cleaning.md.
"""

from __future__ import annotations

import re

from plume.clean import data
from plume.clean.boilerplate import is_boilerplate, is_tail_marker
from plume.clean.engine import Drop, Edit, Keep, Plan, StepOutput, run_plans
from plume.document import BLOCK_SEPARATOR, Block
from plume.lang.fr.wordfreq import phrase_zipf, zipf
from plume.settings import Settings

__all__ = ["HYPHENATED_END", "ITEM_START", "LIST_ITEM", "hyphen_cuts_word", "step_linebreaks"]

_NL_RUN = re.compile(r"\n+")
# The previous line ends a sentence: final mark, then any closing quotes or brackets.
_ENDS_SENTENCE = re.compile(r"[.!?…](?:\s*[»\"”’)\]])*$")
# "a) …", "iv. …": a lettered or roman list item starts with a lower-case letter but is not the
# rest of the previous sentence.
LIST_ITEM = re.compile(r"(?:[a-z]|[ivx]{1,4})[.)]\s")
HYPHENATED_END = re.compile(r"([^\W\d_]+)-$")
_LEADING_WORD = re.compile(r"[^\W\d_]+")
#: Lines that open a new item, never the rest of a wrapped line: bullets, dialogue dashes,
#: numbered items ("1. ", "2) ").
ITEM_START = re.compile(r"(?:[-*•‣◦▪●–—]\s|\d{1,3}[.)]\s)")
#: A line ending on a comma or an opening bracket is cut inside a sentence (not a colon: a
#: list of capitalised items may follow one).
_OPEN_END = re.compile(r"[,;(«“]$")
_LAST_WORD = re.compile(r"[^\W\d_]+$")
#: The elided openers of a French sentence ("L’État", "D’abord", "Qu’il").
_ELIDED_OPENER = re.compile(r"(?:[LDJCNSMT]|Qu|Jusqu|Lorsqu|Puisqu)['’]")

#: Hard wraps: a run of lines joined by single newlines, none longer than WRAP_MAX_WIDTH, the
#: longest at least WRAP_MIN_WIDTH, is a wrapped text of width W (its longest line). Plain-text
#: wraps are 60–80 columns (72 for mail, RFC 2646; 80 for terminals); 40–100 leaves room for
#: narrow columns and PDF copies, and a paragraph on one line is longer than 100 characters.
WRAP_MIN_WIDTH = 40
WRAP_MAX_WIDTH = 100
#: A line of a wrap run is "full" (the wrap cut it) when it is at most this much shorter than W
#: or when the next line's first word would not have fitted on it (the greedy-fill test).
#: Ragged wraps (each line cut anywhere between 60 and 80 columns) need 20; 25 keeps a margin.
#: The line ending a paragraph is usually shorter. See docs/calibration.md.
WRAP_SLACK = 25


def _is_furniture(line: str) -> bool:
    return is_boilerplate(line) or is_tail_marker(line)


def _hyphen_edit(text: str, nl: int, prev: str, nxt: str) -> Edit | None:
    """Edit for a line ending with a hyphenated word, or None if the line does not."""
    if not prev.endswith("-"):
        return None
    cut = hyphen_cuts_word(prev, nxt)
    if cut is None:
        return None
    if cut:
        return Edit(nl - 1, nl + 1, "", "CL-LINEBREAK")  # drop "-\n": a word cut at line end
    return Edit(nl, nl + 1, "", "CL-LINEBREAK")  # keep the hyphen: a compound word


def hyphen_cuts_word(prev: str, nxt: str) -> bool | None:
    """Whether the hyphen ending ``prev`` cuts one word that ``nxt`` finishes ("dévelop-" /
    "pement": True) or joins a compound ("SARS-" / "CoV-2": False); None when ``prev`` does not
    end on a hyphenated word or ``nxt`` opens on none. Shared by line breaks and cut blocks."""
    m = HYPHENATED_END.search(prev, max(0, len(prev) - 80))
    w = _LEADING_WORD.match(nxt)
    if not m or not w:
        return None
    left, right = m.group(1), w.group()
    return right[0].islower() and zipf(left + right) > max(0.0, phrase_zipf(f"{left}-{right}"))


def _wrap_widths(text: str) -> dict[int, int]:
    """For each single newline inside a hard-wrap run: its offset → the run's width W
    (negative for a weak run: two lines, the second not ending a sentence; or three lines and
    more of which fewer than a quarter are cut inside a sentence)."""
    lines: list[tuple[int, int]] = []
    seps: list[tuple[int, int]] = []
    pos = 0
    for m in _NL_RUN.finditer(text):
        lines.append((pos, m.start()))
        seps.append(m.span())
        pos = m.end()
    lines.append((pos, len(text)))
    widths: dict[int, int] = {}
    i = 0
    while i < len(seps):
        j = i
        while (
            j < len(seps)
            and seps[j][1] - seps[j][0] == 1
            and lines[j][1] - lines[j][0] <= WRAP_MAX_WIDTH
            and lines[j + 1][1] - lines[j + 1][0] <= WRAP_MAX_WIDTH
        ):
            j += 1
        if j > i:
            width = max(e - s for s, e in lines[i : j + 1])
            last = text[lines[j][0] : lines[j][1]]
            # Two lines, the second not ending a sentence: a title and its subtitle as likely
            # as a wrapped paragraph ("Construction pour la démocratie sud-coréenne" /
            # "Turpitude et architecture", corpus 04). Such a run only joins lower-case lines.
            # Three lines or more: a list of capitalised lines ("Baisse de la TVA…" / "Gel des
            # loyers…") has the shape of a wrap too; a wrapped text shows its cuts: at least a
            # quarter of its line ends (furniture aside) fall inside a sentence, before a
            # lower-case word (nine in ten do in the dev texts: see docs/calibration.md) or
            # after a comma or a function word (:func:`_cuts_sentence`).
            ends = [
                (text[lines[k][0] : lines[k][1]], text[lines[k + 1][0] : lines[k + 1][1]])
                for k in range(i, j)
            ]
            ends = [(a, b) for a, b in ends if not (_is_furniture(a) or _is_furniture(b))]
            cuts = sum(_cuts_sentence(a, b) for a, b in ends)
            if j - i >= 2:
                strong = cuts >= 1 and 4 * cuts >= len(ends)
            else:
                # … unless the first line visibly stops inside a sentence ("… le ministre de
                # la" / "Santé Roman Prymula…").
                strong = bool(_ENDS_SENTENCE.search(last)) or cuts >= 1
            if width >= WRAP_MIN_WIDTH:
                for k in range(i, j):
                    widths[seps[k][0]] = width if strong else -width
        i = j + 1
    return widths


def _cuts_sentence(prev: str, nxt: str) -> bool:
    """The line stops inside a sentence: the next goes on in lower case, or the line ends on
    a comma, an opening bracket or quote, or a function word ("… considère la substance
    comme" / "« probablement »"): no title or list item ends so."""
    if _ENDS_SENTENCE.search(prev):
        return False
    return nxt[:1].islower() or _open_end(prev)


def _open_end(line: str) -> bool:
    """The line ends on a comma, an opening bracket or quote, or a function word."""
    last = _LAST_WORD.search(line)
    return bool(_OPEN_END.search(line) or (last and last.group().lower() in data.function_words()))


def _dash_item(prev: str, nxt: str) -> bool:
    """``nxt`` opens on a dash: a dialogue line or a list item after a finished line, a colon or
    another dash item; an aside of the sentence going on otherwise ("… de son périmètre" /
    "— diplômes nationaux et d’établissement —, définit …")."""
    return (
        _ENDS_SENTENCE.search(prev) is not None
        or prev.rstrip().endswith(":")
        or ITEM_START.match(prev) is not None
    )


def _opens_sentence(line: str) -> bool:
    """Does ``line`` start like a new sentence: a capitalised function word ("Le", "Il",
    "Cette") or an elided opener ("L’État")? A name ("Microsoft", "Emmanuel") does not."""
    if _ELIDED_OPENER.match(line):
        return True
    w = _LEADING_WORD.match(line)
    # "AI", "ONU": an acronym, not a capitalised "ai" or "on".
    return bool(
        w
        and w.group()[0].isupper()
        and (len(w.group()) == 1 or w.group()[1:].islower())
        and w.group().lower() in data.function_words()
    )


def _is_wrap(prev: str, nxt: str, width: int) -> bool:
    """A single newline inside a wrap run of width ``width``: is it a wrap, not a break?

    A negative width marks a weak run (see :func:`_wrap_widths`): no join there.
    """
    if width < 0:
        return False
    first = nxt.split(" ", 1)[0]
    full = len(prev) >= width - WRAP_SLACK or len(prev) + 1 + len(first) > width
    item = ITEM_START.match(nxt) is not None and (nxt[0] not in "–—" or _dash_item(prev, nxt))
    if not full or item or _is_furniture(prev) or _is_furniture(nxt):
        return False
    if _ENDS_SENTENCE.search(prev):
        return True  # the wrap fell between two sentences of one paragraph
    if not _opens_sentence(nxt):
        return True  # a name, a number, a quote: the sentence goes on
    # "Le", "Il", "L’…" after a line with no sentence end: a heading or a label above a new
    # sentence, unless the line stops on a function word or a comma ("selon\nLe Monde").
    return _open_end(prev)


def _line_edits(block: Block) -> list[Edit]:
    text = block.text
    edits: list[Edit] = []
    n = len(text)
    widths = _wrap_widths(text) if not block.is_heading else {}
    for m in _NL_RUN.finditer(text):
        s, e = m.span()
        if s == 0 or e == n:
            edits.append(Edit(s, e, "", "CL-LINEBREAK"))
            continue
        if block.is_heading:
            edits.append(Edit(s, e, " ", "CL-LINEBREAK"))
            continue
        if e - s >= 2:  # a blank line: a paragraph break
            edits.append(Edit(s, e, BLOCK_SEPARATOR, "CL-LINEBREAK"))
            continue
        prev_start = text.rfind("\n", 0, s) + 1
        next_end = text.find("\n", e)
        prev = text[prev_start:s]
        nxt = text[e : n if next_end == -1 else next_end]
        hyphen = _hyphen_edit(text, s, prev, nxt)
        if hyphen is not None:
            edits.append(hyphen)
        elif (
            # A sentence cut at the line's end goes on in lower case, whatever the line looks
            # like ("thème du « tourisme social »…" is no tag line there).
            nxt[:1].islower()
            and not _ENDS_SENTENCE.search(prev)
            and not LIST_ITEM.match(nxt)
            and not _is_furniture(prev)
        ) or (s in widths and _is_wrap(prev, nxt, widths[s])):
            edits.append(Edit(s, e, " ", "CL-LINEBREAK"))
        else:
            edits.append(Edit(s, e, BLOCK_SEPARATOR, "CL-LINEBREAK"))
    return edits


def step_linebreaks(blocks: tuple[Block, ...], settings: Settings) -> StepOutput:
    plans: list[Plan] = []
    for b in blocks:
        if not b.text.strip("\n"):
            plans.append(Drop("CL-EMPTY-BLOCK"))
        elif "\n" in b.text:
            plans.append(Keep(_line_edits(b), split=True))
        else:
            plans.append(Keep())
    return run_plans(blocks, plans)
