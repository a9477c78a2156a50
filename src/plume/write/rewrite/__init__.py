"""Rewrite mode: a language model writes a new French article from the sources, verified and
repaired (:func:`rewrite_article`; the loop is in :mod:`.loop`).

The parts, in the order the loop uses them: :mod:`.passages` (the sources as numbered
passages, never cut inside a sentence), :mod:`.context` (who's who, each source's outlet,
author, title and date, the sentences a passage leans on), :mod:`.requirements` (the one table
of what the prompts ask and the checks verify), :mod:`.plan` (the outline), :mod:`.writer`
(what the model is asked), :mod:`.repair` (findings → repair targets, one part regenerated),
:mod:`.targets` and :mod:`.overlap` (red readability, parts restating an earlier one,
subheadings without the keyphrase: repaired within the same rounds).
"""

from plume.optimisation import Repair, RewriteOutcome
from plume.write.rewrite.loop import RewriteResult, rewrite_article
from plume.write.rewrite.passages import Passage, passages_of
from plume.write.rewrite.plan import Plan, PlanSection
from plume.write.rewrite.writer import Writer

__all__ = [
    "Passage",
    "Plan",
    "PlanSection",
    "Repair",
    "RewriteOutcome",
    "RewriteResult",
    "Writer",
    "passages_of",
    "rewrite_article",
]
