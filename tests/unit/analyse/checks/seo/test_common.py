"""Yoast scores on the SEO checks (plume.analyse.checks.seo.common): the SEO score sums them."""

from __future__ import annotations

from plume.analyse.checks.base import Context
from plume.analyse.researches import Research
from plume.analyse.runner import run_checks
from plume.document import Brief
from tests.unit.analyse.checks.seo.builders import (
    FILLER,
    doc,
    h,
    sentences,
)


# ------------------------------------------------------------------------------------ scoring
def test_seo_score_uses_yoast_scores() -> None:
    d = doc(h("Titre", 1), *sentences(FILLER, 0, 30))
    ctx = Context(keyphrase=None, meta=d.meta, brief=Brief())
    res = run_checks(Research(d), ctx, only={"SEO-H1-SINGLE", "SEO-TEXT-LENGTH"})
    assert res.seo.value == round(100 * (8 + 9) / 18)
