"""The built-in checks' registration (plume.analyse.checks): every report lists them in this order."""

from __future__ import annotations

from plume.analyse.checks import REGISTRY

#: Reports (JSON, text) follow the registry's order: a split or renamed module must not change it.
ORDER = [
    "RD-FLESCH",
    "RD-LIX",
    "RD-SENTENCE-LENGTH",
    "RD-PARAGRAPH-LENGTH",
    "RD-SUBHEADINGS",
    "RD-PASSIVE",
    "RD-TRANSITIONS",
    "RD-SENTENCE-STARTS",
    "SEO-KP-GIVEN",
    "SEO-KP-LENGTH",
    "SEO-KP-DENSITY",
    "SEO-KP-INTRO",
    "SEO-KP-SPECIFIC",
    "SEO-KP-TITLE",
    "SEO-KP-META",
    "SEO-KP-SLUG",
    "SEO-KP-SUBHEADINGS",
    "SEO-TITLE-WIDTH",
    "SEO-META-LENGTH",
    "SEO-TITLE-SHORT",
    "SEO-META-CUT",
    "SEO-TEXT-LENGTH",
    "SEO-TARGET-LENGTH",
    "SEO-H1-SINGLE",
    "SEO-IMAGES-ALT",
    "SEO-LINKS-INTERNAL",
    "SEO-LINKS-OUTBOUND",
    "TY-NBSP",
    "TY-QUOTES",
    "TY-LOWERCASE-START",
    "TY-REPEATED-SENTENCE",
    "TY-ELLIPSIS",
    "TY-APOSTROPHES",
    "COR-GRAMMAR",
    "COR-SPELLING",
    "COR-CALQUE",
]


def test_registration_order() -> None:
    assert list(REGISTRY) == ORDER


def test_every_rule_has_its_judge() -> None:
    assert all(rule.func is not None for rule in REGISTRY.values())
