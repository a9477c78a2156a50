"""The facts guard (plume.verify.guards.facts) and the article text it checks."""

from __future__ import annotations

from plume.article import Section
from plume.verify.facts import check_facts
from plume.verify.guards import (
    article_text,
    check_article_facts,
    facts_violations,
    run_guards,
)
from tests.unit.verify.guards.conftest import REAL, make


def test_unsupported_facts_are_hard_and_located() -> None:
    source = " ".join(REAL)
    article = make(
        sections=[
            Section(
                heading="Microsoft en embuscade",
                paragraphs=[REAL[1], "Microsoft détient désormais 45 % de la filiale."],
            )
        ]
    )
    facts = check_article_facts(article, [source], entities=False)
    violations = facts_violations(article, facts)
    assert [(v.field, v.paragraph, v.hard) for v in violations] == [("sections[0]", 1, True)]
    # The fact keeps the article's plain space ("45 %"); plume's words get French spacing.
    assert violations[0].hint_fr == (
        "Retire ou corrige «\u202f45 %\u202f»\u00a0: aucune source ne donne le nombre."
    )
    # A check made over another text is located by searching the fact in the fields.
    other = check_facts("Microsoft détient désormais 45 % de la filiale.", [source], entities=False)
    located = facts_violations(article, other)
    assert [(v.field, v.paragraph) for v in located] == [("sections[0]", 1)]
    report = run_guards(article, [source], facts=facts)
    assert not report.passed and "sections[0]" in report.by_field()


def test_article_text_maps_fields() -> None:
    article = make()
    text, where = article_text(article)
    for f, start, end in where:
        assert text[start:end] == f.text
    assert "sam-altman" not in text  # the slug is not checked for facts
