"""The ordered list of cleaning steps; each is small, idempotent and logged.

Characters, line breaks, artefact repairs, boilerplate, typography: no step creates work for an
earlier one, so cleaning a cleaned text changes nothing (property-tested in
tests/properties/test_clean_properties.py). Why this order: docs/cleaning.md.
"""

from __future__ import annotations

from plume.clean.artefacts import (
    step_doubled,
    step_glued,
    step_run_together,
    step_stray_capital,
    step_stray_stop,
)
from plume.clean.cuts import step_furniture
from plume.clean.engine import Step
from plume.clean.grammar import GRAMMAR_RULES, step_grammar
from plume.clean.linebreaks import step_linebreaks
from plume.clean.normalise import step_controls, step_nfc, step_whitespace
from plume.clean.typography import step_apostrophes, step_ellipsis, step_nbsp, step_quotes

__all__ = ["RULES", "STEPS"]

STEPS: tuple[Step, ...] = (
    Step(1, "controls", ("CL-CONTROL",), step_controls),
    Step(2, "nfc", ("CL-NFC",), step_nfc),
    Step(3, "whitespace", ("CL-WHITESPACE",), step_whitespace),
    Step(4, "linebreaks", ("CL-LINEBREAK", "CL-EMPTY-BLOCK"), step_linebreaks),
    Step(5, "doubled", ("CL-DOUBLED",), step_doubled),
    Step(6, "stray-capital", ("CL-STRAY-CAPITAL",), step_stray_capital),
    Step(7, "glued", ("CL-GLUED-SENTENCE", "CL-MISSING-SPACE"), step_glued),
    Step(8, "run-together", ("CL-RUN-TOGETHER",), step_run_together),
    # After the run-together split: "Aa. surAa" only shows its stray stop once "sur" is
    # separated (cleaning twice must change nothing).
    Step(9, "stray-stop", ("CL-STRAY-STOP", "CL-NOTE-CALL"), step_stray_stop),
    # The furniture, then a paragraph it (or a page break, or a wrap) cut in two joined again:
    # the halves meet across a dropped line in the same pass.
    Step(10, "boilerplate", ("CL-BOILERPLATE", "CL-CUT-PARAGRAPH"), step_furniture),
    Step(11, "apostrophes", ("CL-APOSTROPHE",), step_apostrophes, typography=True),
    Step(12, "ellipsis", ("CL-ELLIPSIS", "CL-LIGATURE"), step_ellipsis, typography=True),
    Step(13, "quotes", ("CL-QUOTES",), step_quotes, typography=True),
    Step(14, "nbsp", ("CL-NBSP", "CL-PUNCT-SPACE"), step_nbsp, typography=True),
    # Last: its corrections insert the text's own apostrophe, set by step 11.
    Step(15, "grammar", GRAMMAR_RULES, step_grammar),
)

#: Every change code the cleaner may log, in step order.
RULES: tuple[str, ...] = tuple(r for s in STEPS for r in s.rules)
