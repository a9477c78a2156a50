"""The verify stage: an article audited by the analyser and checked against its sources.

:func:`verify` is the stage's one entry (faithful mode: the audit and the fact check; rewrite
mode, with :class:`GuardOptions`: the guards too), giving a :class:`Verification` whose
``findings`` are every finding as one :class:`plume.report.Finding`. :func:`hard_check_fails`
says which analyser checks fail a rewrite. The parts: :mod:`.facts` (the fact check),
:mod:`.guards` (rewrite mode's constraints), :mod:`.grounding`, :mod:`.sources` (several
sources' contradictions and shared facts), :mod:`.findings`, :mod:`.policy`.
"""

from plume.verification import Verification
from plume.verify.policy import HARD_CHECKS, RED_ONLY, hard_check_fails
from plume.verify.stage import GuardOptions, verify

__all__ = [
    "HARD_CHECKS",
    "RED_ONLY",
    "GuardOptions",
    "Verification",
    "hard_check_fails",
    "verify",
]
