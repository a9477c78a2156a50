"""The readability rules as registered (plume.analyse.checks.readability): documented,
overridable, French-only where they must be."""

from __future__ import annotations

from plume.analyse.checks.base import Context
from plume.analyse.researches import Research
from plume.analyse.runner import run_checks
from plume.report import Category, Rating
from tests.unit.analyse.checks.builders import doc
from tests.unit.analyse.checks.readability.texts import (
    NEUTRAL,
    SENTENCE_21,
    run,
)

# --- Rules, overrides and data ---------------------------------------------------------------

RD_CODES = {
    "RD-FLESCH",
    "RD-LIX",
    "RD-SENTENCE-LENGTH",
    "RD-PARAGRAPH-LENGTH",
    "RD-SUBHEADINGS",
    "RD-PASSIVE",
    "RD-TRANSITIONS",
    "RD-SENTENCE-STARTS",
}


def test_every_rule_is_documented() -> None:
    from plume.analyse.checks.base import REGISTRY

    assert set(REGISTRY) >= RD_CODES
    for code in RD_CODES:
        rule = REGISTRY[code]
        assert rule.category in (Category.READABILITY, Category.INFO), code
        for msg in (rule.name, rule.what, rule.why):
            assert msg.fr and msg.en and msg.fr != msg.en, code
        assert rule.thresholds, code
        for param, th in rule.thresholds.items():
            assert len(th.source) > 20, (code, param)
        assert rule.example_bad and rule.example_good, code
    assert REGISTRY["RD-FLESCH"].category is Category.INFO
    assert REGISTRY["RD-LIX"].category is Category.INFO


def test_profile_overrides_apply() -> None:
    text = f"{SENTENCE_21} {NEUTRAL[0]}"
    default = run("RD-SENTENCE-LENGTH", text)
    r = Research(doc(text))
    ctx = Context(overrides={"RD-SENTENCE-LENGTH.max_words": 25})
    (relaxed,) = run_checks(r, ctx, only={"RD-SENTENCE-LENGTH"}).checks
    assert default.rating is Rating.BAD
    assert relaxed.rating is Rating.GOOD
    assert relaxed.value["max_words"] == 25


def test_not_french_is_not_assessed() -> None:
    r = Research(doc(" ".join(NEUTRAL[:6])))
    res = run_checks(r, Context(is_french=False), only=RD_CODES).checks
    by_code = {c.code: c.rating for c in res}
    # Language-specific checks step aside; length and structure checks still run.
    assert by_code["RD-PASSIVE"] is Rating.NA
    assert by_code["RD-TRANSITIONS"] is Rating.NA
    assert by_code["RD-FLESCH"] is Rating.NA
    assert by_code["RD-SENTENCE-LENGTH"] is Rating.GOOD
    assert by_code["RD-LIX"] is not Rating.NA
