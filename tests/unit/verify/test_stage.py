"""The verify stage (plume.verify.verify): both modes give what the underlying functions give,
with every finding as the one Finding type."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from plume.analyse.audit import analyse_document
from plume.article import Article, FaqItem, Section, article_document
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
from plume.verify.stage import (
    check_claims,
    check_statements,
    check_text,
    generated_statements,
    in_source,
)

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
    # The checks, the cleaner's findings, the unsupported fact, the unsupported statement (the
    # meta description merges three sentences' facts): nothing else, no error from a check
    # (faithful mode has no hard check).
    assert len(v.findings) == len(v.report.checks) + len(v.report.cleaning_findings) + 2
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
    guarded = [f.code for f in v.findings[n:] if f.kind is not FindingKind.SUPPORT]
    assert guarded == [g.guard for g in v.guards.violations]
    # Then the support check's findings, as in faithful mode.
    assert [f.field for f in v.findings if f.kind is FindingKind.SUPPORT] == ["meta_description"]
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


# -- the support of the generated statements --------------------------------------------------


def test_an_unsupported_statement_is_an_error_located_in_its_field(
    article: Article, source: Document, settings: Settings
) -> None:
    v = verify(article, [source], settings, fields=FIELDS, check_entities=False)
    (found,) = [f for f in v.findings if f.kind is FindingKind.SUPPORT]
    # "pour 3 000 cyclistes par jour" is said three sentences away from "12 kilomètres".
    assert (found.code, found.severity, found.field) == (
        "SUPPORT",
        Severity.ERROR,
        "meta_description",
    )
    assert found.excerpt == article.meta_description
    assert found.message.fr.startswith("Affirmation non étayée par les sources\u00a0: ")
    assert found.hint is not None
    assert found.hint.fr.startswith("Reformulez d’après la phrase de la source\u00a0: «\u202f")
    assert "La mairie de Lyon ouvre une piste cyclable" in found.hint.fr


def test_a_reversed_title_and_heading_are_found_the_authors_words_are_not_checked(
    article: Article, source: Document, settings: Settings
) -> None:
    wrong = article.model_copy(
        update={
            "title": "La mairie de Lyon ferme la piste cyclable du Rhône",
            "meta_description": "Les travaux ont coûté 4 millions d’euros, selon l’adjointe "
            "aux mobilités.",
            "sections": [
                # The author's own sentence, kept as a heading: not generated, not checked.
                Section(
                    heading="Les travaux ont coûté 4 millions d’euros, selon l’adjointe aux "
                    "mobilités",
                    paragraphs=["La piste relie le parc de la Tête d’Or au quartier de Gerland."],
                ),
                Section(heading="Les associations de cyclistes critiquent la piste"),
            ],
        }
    )
    v = verify(wrong, [source], settings, fields=FIELDS, check_entities=False)
    found = {f.field: f for f in v.findings if f.kind is FindingKind.SUPPORT}
    assert set(found) == {"title", "sections[1].heading"}
    assert "sens inversé" in found["title"].message.fr
    assert "ferme" in found["title"].message.fr
    judged = {where for where, _ in check_statements(wrong, [source.text])}
    assert "sections[0].heading" not in judged and "meta_description" not in judged


def test_generated_statements_are_the_fields_a_writer_makes_up(article: Article) -> None:
    faq = article.model_copy(
        update={
            "meta_description": "La piste longe le Rhône. Elle relie deux quartiers.",
            "faq": [FaqItem(question="Combien ?", answer="Quatre millions. Selon la mairie.")],
        }
    )
    assert generated_statements(faq) == [
        ("title", faq.title),
        ("seo_title", faq.seo_title),
        ("meta_description", "La piste longe le Rhône."),
        ("meta_description", "Elle relie deux quartiers."),
        ("sections[0].heading", "Des travaux à 4 millions d’euros"),
        ("faq[0]", "Quatre millions."),
        ("faq[0]", "Selon la mairie."),
    ]


def test_only_a_whole_line_or_sentence_of_a_source_counts_as_its_words() -> None:
    source = "Il est faux que Microsoft a racheté OpenAI.\n\nSam Altman revient chez OpenAI !"
    # Spaces, apostrophes, quotes and case aside.
    assert in_source("il est faux que  Microsoft a racheté OpenAI", [source])
    assert in_source("Sam\u00a0Altman revient chez OpenAI", [source])
    # A clause cut from a sentence can say the opposite of it.
    assert not in_source("Microsoft a racheté OpenAI", [source])
    assert not in_source("", [source])


def test_several_sources_one_that_says_it_is_enough() -> None:
    first = "Le conseil municipal de Nantes a voté le budget de la culture."
    second = "La préfète de Loire-Atlantique a interdit la manifestation de samedi."
    claims = ["La préfète a interdit la manifestation de samedi", "Le maire a démissionné"]
    supported, unsupported = check_claims(claims, [first, second])
    assert supported.supported and supported.evidence == second
    assert not unsupported.supported and unsupported.reason.fr
    assert check_claims(claims[:1], []) == [
        type(supported)(claims[0], False, None, Msg("aucune source", "no source"))
    ]


def test_check_text_judges_each_sentence_a_source_sentence_as_it_stands() -> None:
    source = "Les cyclistes de Lyon réclament des pistes sûres. La mairie a promis 20 km."
    first, second = check_text(
        "Les cyclistes de Lyon réclament des pistes sûres. La mairie n’a pas promis 20 km.",
        [source],
    )
    assert first.supported and first.reason == Msg(
        "mot pour mot dans la source", "word for word in the source"
    )
    assert not second.supported
