"""Rewrite mode: a language model writes a new French article from the sources, verified and
repaired (:func:`rewrite_article`; the loop is in :mod:`.loop`).

The parts, in the order the loop uses them: :mod:`.passages` (the sources as numbered
passages), :mod:`.plan` (the outline), :mod:`.writer` (what the model is asked), :mod:`.repair`
(findings → repair targets, one part regenerated).
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
