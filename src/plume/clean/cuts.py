"""Step 10, with the furniture: a paragraph cut in two blocks is joined again
(``CL-CUT-PARAGRAPH``).

A block that visibly stops inside a sentence (on a comma, an article or a preposition, a word
cut by a hyphen) and a paragraph that goes on are one paragraph: a page break in a PDF copy, a
hard wrap in a text of one paragraph a line, or a furniture line that stood between the halves.
Done after the furniture is decided, so that the halves meet across a dropped line in the same
pass (cleaning twice changes nothing).
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from plume.clean import data
from plume.clean.artefacts import is_doubled
from plume.clean.boilerplate import furniture_plans
from plume.clean.engine import Edit, Keep, Plan, StepOutput, run_plans
from plume.clean.linebreaks import HYPHENATED_END, ITEM_START, LIST_ITEM, hyphen_cuts_word
from plume.document import Block, BlockKind
from plume.settings import Settings

__all__ = ["cut_join", "step_furniture"]

#: A block shorter than this is never joined to the next: a signature, a label or a short title
#: ("Didier Roy" / "journaliste"); wrapped lines and cut paragraphs are longer.
MIN_CUT_BLOCK = 40
#: A heading the plain-text reader guessed from a wrapped line ("… aux États-Unis et en") is
#: joined too: no heading ends on a comma, an article or a preposition. Quotations join only
#: quotations.
_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.HEADING})
_ENDS_SENTENCE = re.compile(r"[.!?…:;](?:\s*[»\"”’)\]])*$")
#: Quote marks never count: the typography step turns " into « or », and a second cleaning
#: must judge the block as the first did.
_OPEN_MARK = re.compile(r"[,(]$")
_LAST_WORD = re.compile(r"(?:^|[^\w’'])([^\W\d_]+[’']?)$")


@cache
def _cut_words() -> frozenset[str]:
    return data.word_set("clean_cut_words.txt")


def _opens_item(text: str) -> bool:
    """A bullet, a dash, "1.", "a)": an item opens, never the rest of a sentence."""
    return ITEM_START.match(text) is not None or LIST_ITEM.match(text) is not None


def cut_join(prev: Block, nxt: Block) -> tuple[str, Edit | None] | None:
    """How ``prev`` joins ``nxt`` when they are one paragraph cut in two: the string that
    replaces the break, and an edit of ``prev``'s end (a hyphen dropped from a cut word); None
    when they are two blocks."""
    a, b = prev.text, nxt.text
    if len(a) < MIN_CUT_BLOCK or not b or _opens_item(b) or _ENDS_SENTENCE.search(a):
        return None
    if BlockKind.QUOTE in (prev.kind, nxt.kind):
        if prev.kind is not nxt.kind:
            return None
    elif prev.kind not in _KINDS or nxt.kind not in _KINDS:
        return None
    if HYPHENATED_END.search(a):
        word_cut = hyphen_cuts_word(a, b)
        if word_cut is None:
            return None
        if word_cut:
            return "", Edit(len(a) - 1, len(a), "", "CL-CUT-PARAGRAPH")  # "dévelop-" "pement"
        return "", None  # "SARS-" "CoV-2": a compound
    if not (b[0].isalnum() or b[0] in '«“("'):
        return None
    last = _LAST_WORD.search(a)
    cut = _OPEN_MARK.search(a) or (last and last.group(1).lower().replace("’", "'") in _cut_words())
    # Headings and paragraphs are judged alike: a join turns a heading into a paragraph, and
    # the next cleaning must take the same decisions.
    if cut or b[0].islower():
        return " ", None
    return None


def step_furniture(blocks: tuple[Block, ...], settings: Settings) -> StepOutput:
    """The furniture step (:func:`plume.clean.boilerplate.furniture_plans`), then each kept
    block joined to the next kept one when they are one paragraph (:func:`cut_join`)."""
    plans: list[Plan] = furniture_plans(blocks)
    kept = [i for i, p in enumerate(plans) if isinstance(p, Keep)]
    # Chains of joins, each judged on the text joined so far, as the next cleaning will see it
    # ("… la" + "suite" is a block of its own once joined).
    chains: list[list[tuple[int, str, Edit | None]]] = []
    chain_text: Block | None = None
    for i, j in pairwise(kept):
        plan = plans[i]
        assert isinstance(plan, Keep)
        prev = blocks[i] if chain_text is None else chain_text
        # A glued credit removed from the end (the one edit furniture makes in a kept block):
        # the block is judged on the text left, as the next cleaning will see it.
        for e in plan.edits:
            prev = Block(prev.kind, prev.text[: len(prev.text) - len(blocks[i].text) + e.start])
        found = cut_join(prev, blocks[j])
        if found is None:
            chain_text = None
            continue
        join, edit = found
        if chain_text is None:
            chains.append([])
        chains[-1].append((i, join, edit))
        head = prev.text[:-1] if edit else prev.text
        # Shaped as run_plans joins them: a heading going on into a paragraph is a paragraph.
        shape = blocks[j] if prev.kind is BlockKind.HEADING else prev
        chain_text = Block(shape.kind, head + join + blocks[j].text, shape.level)
        chains[-1].append((-1, chain_text.text, None))  # the chain's text so far, last wins
    for chain in chains:
        joins = [link for link in chain if link[0] >= 0]
        # A chain that reads as one text written twice is step 5's to halve: joined, it would
        # be halved by a second cleaning. Left as blocks, it is judged the same way again.
        if is_doubled(chain[-1][1]):
            continue
        for i, join, edit in joins:
            plan = plans[i]
            assert isinstance(plan, Keep)
            edits = list(plan.edits)
            if edit is not None:  # the hyphen at the end of block i, before any removed credit
                n = min([len(blocks[i].text), *(e.start for e in edits)])
                edits.append(Edit(n - (edit.end - edit.start), n, edit.after, edit.rule))
            plans[i] = Keep(edits, join=join, join_rule="CL-CUT-PARAGRAPH")
    return run_plans(blocks, plans)
