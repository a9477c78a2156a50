"""Step 4: line breaks inside blocks.

Each ``"\\n"`` becomes nothing (a hyphenated word rejoined, ``CL-LINEBREAK``), a space (a cut
sentence) or a block break; empty blocks are dropped (``CL-EMPTY-BLOCK``). After this step no
block contains a line break, which every later step relies on. Rules: docs/cleaning.md.
"""

from __future__ import annotations

import re

from plume.clean.boilerplate import is_boilerplate, is_tail_marker
from plume.clean.engine import Drop, Edit, Keep, Plan, StepOutput, run_plans
from plume.clean.wordlist import phrase_zipf, zipf
from plume.document import BLOCK_SEPARATOR, Block
from plume.settings import Settings

__all__ = ["step_linebreaks"]

_NL_RUN = re.compile(r"\n+")
# The previous line ends a sentence: final mark, then any closing quotes or brackets.
_ENDS_SENTENCE = re.compile(r"[.!?…](?:\s*[»\"”’)\]])*$")
# "a) …", "iv. …": a lettered or roman list item starts with a lower-case letter but is not the
# rest of the previous sentence.
_LIST_ITEM = re.compile(r"(?:[a-z]|[ivx]{1,4})[.)]\s")
_HYPHENATED_END = re.compile(r"([^\W\d_]+)-$")
_LEADING_WORD = re.compile(r"[^\W\d_]+")


def _is_furniture(line: str) -> bool:
    return is_boilerplate(line) or is_tail_marker(line)


def _hyphen_edit(text: str, nl: int, prev: str, nxt: str) -> Edit | None:
    """Edit for a line ending with a hyphenated word, or None if the line does not."""
    if not prev.endswith("-"):
        return None
    m = _HYPHENATED_END.search(prev, max(0, len(prev) - 80))
    w = _LEADING_WORD.match(nxt)
    if not m or not w:
        return None
    left, right = m.group(1), w.group()
    joined, hyphenated = left + right, f"{left}-{right}"
    if right[0].islower() and zipf(joined) > max(0.0, phrase_zipf(hyphenated)):
        return Edit(nl - 1, nl + 1, "", "CL-LINEBREAK")  # drop "-\n": a word cut at line end
    return Edit(nl, nl + 1, "", "CL-LINEBREAK")  # keep the hyphen: a compound word


def _line_edits(block: Block) -> list[Edit]:
    text = block.text
    edits: list[Edit] = []
    n = len(text)
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
            nxt[:1].islower()
            and not _ENDS_SENTENCE.search(prev)
            and not _LIST_ITEM.match(nxt)
            and not _is_furniture(prev)
            and not _is_furniture(nxt)
        ):
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
