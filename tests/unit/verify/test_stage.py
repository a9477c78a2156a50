"""The verify stage (plume.verify.verify): both modes give what the underlying functions give,
with every finding as the one Finding type."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from plume.analyse.audit import analyse_document
from plume.article import Article, Section, article_document
from plume.clean import clean
from plume.document import Document, EditorFields
from plume.ingest import read_text
from plume.report import (
    FindingKind,
    Msg,
    Report,
    Severity,
)
from plume.settings import Settings, load_settings
from plume.verification import Verification
from plume.verify import GuardOptions, hard_check_fails, verify
from plume.verify.facts import check_facts
from plume.verify.guards import check_article_facts, run_guards

SOURCE = (
    "La mairie de Lyon ouvre une piste cyclable de 12 kilomètres le long du Rhône.\n\n"
    "Les travaux ont coûté 4 millions d’euros, selon l’adjointe aux mobilités. La piste relie "
    "le parc de la Tête d’Or au quartier de Gerland, et la ville compte 3 000 cyclistes par "
    "jour dès la première semaine.\n\n"
    "Les associations de cyclistes saluent une piste protégée du trafic motorisé, qui met en "
    "confiance les novices et les familles."
)
KEYPHRASE = "piste cyclable"


@pytest.fixture(scope="module")
def settings() -> Settings:
    return load_settings()


@pytest.fixture(scope="module")
def source(settings: Settings) -> Document:
    return clean(read_text(SOURCE, settings, name="lyon.txt"), settings).document


@pytest.fixture(scope="module")
def article() -> Article:
    return Article(
        title="Lyon ouvre une piste cyclable le long du Rhône",
        seo_title="Piste cyclable à Lyon : 12 kilomètres le long du Rhône",
        meta_description="La piste cyclable de Lyon longe le Rhône sur 12 kilomètres et a coûté "
        "4 millions d’euros, pour 3 000 cyclistes par jour.",
        slug="piste-cyclable-lyon",
        keyphrase=KEYPHRASE,
        date_published=datetime(2026, 1, 1, tzinfo=UTC),
        intro=["La mairie de Lyon ouvre une piste cyclable de 12 kilomètres le long du Rhône."],
        sections=[
            Section(
                heading="Des travaux à 4 millions d’euros",
                paragraphs=[
                    "Les travaux ont coûté 7 millions d’euros. Sure! Here is the paragraph.",
                    "This paragraph was left in English by the model and says nothing new.",
                ],
            )
        ],
    )


FIELDS = EditorFields(keyphrase=KEYPHRASE, min_words=600)


def _audit(article: Article, source: Document, settings: Settings, min_words: int | None) -> Report:
    return analyse_document(
        article_document(article, source.source),
        settings,
        EditorFields(
            keyphrase=KEYPHRASE,
            min_words=min_words,
            title=article.seo_title,
            meta=article.meta_description,
            slug=article.slug,
        ),
    )


def test_faithful_mode_is_the_audit_and_the_fact_check_of_the_output(
    article: Article, source: Document, settings: Settings
) -> None:
    v = verify(article, [source], settings, fields=FIELDS, check_entities=False)
    assert isinstance(v, Verification)
    assert v.guards is None
    assert v.report == _audit(article, source, settings, 600)
    text = "\n\n".join(
        [
            article_document(article, source.source).text,
            article.seo_title,
            article.meta_description,
        ]
    )
    assert v.facts == check_facts(text, source.text, entities=False)
    assert [f.fact.text for f in v.facts.violations] == ["7 millions d’euros"]
    # The checks, the cleaner's findings, the unsupported facts: nothing else, no error
    # from a check (faithful mode has no hard check).
    assert len(v.findings) == len(v.report.checks) + len(v.report.cleaning_findings) + 1
    (fact,) = [f for f in v.findings if f.kind is FindingKind.FACT]
    assert (fact.code, fact.severity, fact.excerpt) == (
        "facts",
        Severity.ERROR,
        "7 millions d’euros",
    )
    assert fact.message == Msg(
        "Le nombre «\u202f7 millions d’euros\u202f» ne figure dans aucune source.",
        "The number “7 millions d’euros” appears in no source.",
    )
    assert not any(f.kind is FindingKind.CHECK and f.blocking for f in v.findings)


def test_rewrite_mode_adds_the_guards(
    article: Article, source: Document, settings: Settings
) -> None:
    options = GuardOptions(originality_ceiling=0.5, grounding=True)
    v = verify(article, [source], settings, fields=FIELDS, guards=options, check_entities=False)
    facts = check_article_facts(article, [source.text], entities=False)
    assert v.facts == facts
    assert v.guards == run_guards(
        article, [source.text], min_words=600, originality_ceiling=0.5, facts=facts, grounding=True
    )
    assert v.report == _audit(article, source, settings, 600)
    guards = {g.guard for g in v.guards.violations}
    assert {"leftover", "language", "word_target", "facts"} <= guards
    # The guards' violations, unsupported facts included (located in their field), follow the
    # checks and the cleaner's findings.
    n = len(v.report.checks) + len(v.report.cleaning_findings)
    assert [f.code for f in v.findings[n:]] == [g.guard for g in v.guards.violations]
    (fact,) = [f for f in v.findings if f.kind is FindingKind.FACT]
    assert (fact.field, fact.paragraph, fact.severity) == ("sections[0]", 0, Severity.ERROR)
    hard = [c for c in v.report.checks if hard_check_fails(c.code, c.rating)]
    assert [f.code for f in v.findings[:n] if f.severity is Severity.ERROR] == [
        c.code for c in hard
    ]


def test_no_grounding_when_a_source_was_translated(
    article: Article, source: Document, settings: Settings
) -> None:
    off = verify(
        article,
        [source],
        settings,
        fields=FIELDS,
        guards=GuardOptions(grounding=False),
        check_entities=False,
    )
    assert off.guards is not None
    assert not any(g.guard == "grounding" for g in off.guards.violations)
