"""The cleaning step that applies the unambiguous corrections (:mod:`plume.grammar.fixes`),
each logged as a :class:`~plume.report.Change` under its check's code ("COR-SPELLING",
"COR-GRAMMAR", "COR-DOUBLED-AUX", "COR-DECLARATIVE-QUE", "COR-CALQUE").

Meant as the cleaner's last step, after typography (the apostrophe it inserts is the text's):
``Step(15, "grammar", GRAMMAR_RULES, step_grammar)`` in ``plume.clean.steps``. Without the
checker, plume's own rules still apply. One request for the whole text, not one per block.
"""

from __future__ import annotations

from plume.clean.engine import Edit, Keep, StepOutput, block_offsets, join_blocks, run_plans
from plume.document import Block
from plume.grammar.client import check_grammar
from plume.grammar.fixes import plan_corrections
from plume.lang.fr import load_french
from plume.optimisation import edit_id
from plume.settings import ApostrophePolicy, Settings
from plume.text import words

__all__ = ["GRAMMAR_RULES", "step_grammar"]

#: The change codes the step may log.
GRAMMAR_RULES = (
    "COR-SPELLING",
    "COR-GRAMMAR",
    "COR-DOUBLED-AUX",
    "COR-DECLARATIVE-QUE",
    "COR-CALQUE",
)


#: Share of French function words ("de", "la", "et"…) from which a text is taken for French:
#: 0.48–0.57 on the seeds and the corpus, 0.06 on English news prose; the cleaner does not know
#: the language, and French corrections must not touch another one ("resume" is not "résumé").
FRENCH_SHARE = 0.25


def looks_french(text: str) -> bool:
    tokens = [w.norm for w in words(text)]
    function_words = load_french().function_words
    share = sum(t in function_words for t in tokens) / max(1, len(tokens))
    return share >= FRENCH_SHARE


def step_grammar(blocks: tuple[Block, ...], settings: Settings) -> StepOutput:
    if not settings.grammar.fix or not blocks:
        return StepOutput(blocks, [])
    text = join_blocks(blocks)
    if not looks_french(text):
        return StepOutput(blocks, [])
    found = check_grammar(text, settings.grammar)
    apostrophe = "'" if settings.apostrophe is ApostrophePolicy.STRAIGHT else "’"
    corrections = plan_corrections(text, found, apostrophe)
    if settings.refused_edits:
        # The editor refused these (``--refuse-edit``, the studio's undo): the text stays.
        corrections = [
            c
            for c in corrections
            if edit_id(c.rule, text[c.start : c.end], c.after) not in settings.refused_edits
        ]
    if not corrections:
        return StepOutput(blocks, [])
    starts = block_offsets(blocks)
    edits: list[list[Edit]] = [[] for _ in blocks]
    for c in corrections:
        i = max(j for j, s in enumerate(starts) if s <= c.start)
        if c.end > starts[i] + len(blocks[i].text):
            continue  # across a block break: never a single correction
        edits[i].append(Edit(c.start - starts[i], c.end - starts[i], c.after, c.rule))
    return run_plans(blocks, [Keep(e) for e in edits])
