"""report.json's model (plume.optimisation): the usage summary reads any usage counter."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from plume.optimisation import Correction, SentenceEdit, UsageSummary, edit_id
from plume.report import Change


@dataclass
class _Counter:
    calls: int = 2
    prompt_tokens: int = 100
    completion_tokens: int = 40
    seconds: float = 1.23456
    cost: float | None = None
    estimated_calls: int = 1
    per_call: list[tuple[int, int, float]] = field(
        default_factory=lambda: [(60, 20, 0.61234), (40, 20, 0.62222)]
    )


def test_usage_summary_rounds_the_times() -> None:
    s = UsageSummary.of(_Counter())
    assert (s.calls, s.prompt_tokens, s.completion_tokens, s.seconds) == (2, 100, 40, 1.235)
    assert s.cost is None and s.estimated_calls == 1
    assert s.per_call == [(60, 20, 0.612), (40, 20, 0.622)]


def test_an_edit_id_is_its_text_hashed_whatever_the_spacing() -> None:
    long = "La ville a voté le budget, et la région financera un tiers des travaux."
    edit = SentenceEdit(kind="clauses", before=long, after=["a.", "b."])
    assert edit.id == edit_id("clauses", long) and re.fullmatch(r"[0-9a-f]{12}", edit.id)
    # NFC and collapsed spaces: the id of the text, not of its encoding.
    assert edit_id("La  ville a  voté le budget") == edit_id("La ville a vote\u0301 le budget")
    assert edit_id("COR-SPELLING", "déja", "déjà") != edit_id("COR-GRAMMAR", "déja", "déjà")
    # report.json carries the id; reading it back ignores it and computes the same.
    dumped = edit.model_dump_json()
    assert json.loads(dumped)["id"] == edit.id
    assert SentenceEdit.model_validate_json(dumped) == edit


def test_corrections_are_the_cleaners_cor_changes_grouped_with_their_ids() -> None:
    text = "Le maire dit il était prêt, déja.\n\nLe projet, déja voté, attend."
    first, second = text.index("déja"), text.rindex("déja")
    log = [
        Change(rule="CL-APOSTROPHE", offset=0, before="'", after="’"),
        Change(rule="COR-DECLARATIVE-QUE", offset=text.index("il"), before="", after="qu’"),
        Change(rule="COR-SPELLING", offset=first, before="déja", after="déjà"),
        Change(rule="COR-SPELLING", offset=second, before="déja", after="déjà"),
    ]
    que, spelling = Correction.grouped([(c, text) for c in log])
    assert que.id == edit_id("COR-DECLARATIVE-QUE", "", "qu’") and que.count == 1
    # An insertion is shown with the words around it, on its own line only.
    assert (que.excerpt_before, que.excerpt_after) == (
        "Le maire dit il était prêt, déja.",
        "Le maire dit qu’il était prêt, déja.",
    )
    assert (spelling.rule, spelling.before, spelling.after, spelling.count) == (
        "COR-SPELLING",
        "déja",
        "déjà",
        2,
    )
    assert spelling.excerpt_after == "il était prêt, déjà."
