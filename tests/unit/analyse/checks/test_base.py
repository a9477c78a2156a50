"""The check framework (plume.analyse.checks.base): verdicts and rules get French spacing."""

from __future__ import annotations

import re

from plume.analyse.checks import REGISTRY
from plume.analyse.checks.base import Verdict, bad
from plume.report import Msg, Rating
from plume.text import french_spacing

NBSP, NNBSP = "\u00a0", "\u202f"


def test_verdict_spaces_french_only() -> None:
    v = bad(
        Msg("Titre « Retraites : quoi ? » : 3 % !", "Title “Retraites : quoi ?”: 3 %!"),
        Msg("Réécrivez-le ; vite.", "Rewrite it; fast."),
    )
    # The quoted user text keeps its spaces; plume's own words get no-break spaces.
    assert v.message.fr == f"Titre «{NNBSP}Retraites : quoi ?{NNBSP}»{NBSP}: 3{NNBSP}%{NNBSP}!"
    assert v.message.en == "Title “Retraites : quoi ?”: 3 %!"
    assert v.hint == Msg(f"Réécrivez-le{NNBSP}; vite.", "Rewrite it; fast.")
    assert Verdict(Rating.NA, 0, Msg("a", "b")).hint is None


def test_rule_texts_are_spaced() -> None:
    for rule in REGISTRY.values():
        for msg in (rule.name, rule.what, rule.why):
            assert french_spacing(msg.fr) == msg.fr, rule.code
            own = re.sub(r"«[^»]*»", "«»", msg.fr)  # plume's words, quotations left out
            assert " :" not in own and f"{NNBSP}:" not in own, rule.code
