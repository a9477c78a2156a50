"""The whole run (plume.verify.guards.run): no false positive on the 22 real texts, and the
report of a clean and of a bad article."""

from __future__ import annotations

from plume.article import Article
from plume.verify.guards import (
    GuardReport,
    Originality,
    article_fields,
    check_article_facts,
    language_of,
    measure_originality,
    run_guards,
)
from tests.unit.verify.guards.conftest import MACHINE_INTRO, make


def test_no_false_positive_on_real_articles(real_articles: list[tuple[str, Article, str]]) -> None:
    """0 hard violations apart from the two embedded tweets of corpus 07, which really are
    English (checked by eye: Elon Musk's and Donald Trump's tweets quoted as paragraphs; in the
    lead since no section may open on "À cause de ces soutiens", which points back at them).
    Originality is not measured here (faithful mode copies by design: sources=[])."""
    found: list[tuple[str, str, str, int | None, str]] = []
    for name, article, source in real_articles:
        facts = check_article_facts(article, [source], entities=False)
        report = run_guards(article, [], facts=facts)
        found += [(name, v.guard, v.field, v.paragraph, v.excerpt[:30]) for v in report.hard]
    assert found == [
        (
            "07-sciencesetavenir-covid-infox-ibuprofene.txt",
            "language",
            "intro",
            2,
            "Maybe worth considering chloro",
        ),
        (
            "07-sciencesetavenir-covid-infox-ibuprofene.txt",
            "language",
            "intro",
            4,
            "HYDROXYCHLOROQUINE & AZITHROMY",
        ),
    ]


def test_every_short_field_of_the_real_articles_is_french(
    real_articles: list[tuple[str, Article, str]],
) -> None:
    """Headings, titles and slugs: the short texts where lingua alone errs."""
    short = [
        f.text
        for _, article, _ in real_articles
        for f in article_fields(article)
        if f.kind == "short"
    ]
    assert len(short) > 100
    assert [t for t in short if not language_of(t)[0]] == []


def test_a_faithful_article_copies_its_source(
    real_articles: list[tuple[str, Article, str]],
) -> None:
    _, article, source = real_articles[0]
    o = measure_originality(article, [source])
    assert o.share > 0.95 and not o.ok
    body = "\n".join(article.body_paragraphs())
    assert o.copied and all(c in body for c in o.copied)
    assert len(o.copied) <= 10 and o.copied == sorted(o.copied, key=len, reverse=True)
    report = run_guards(article, [source])
    assert [(v.guard, v.field) for v in report.hard] == [("originality", "article")]


def test_a_clean_article_passes_and_a_bad_one_lists_everything() -> None:
    good = run_guards(make(), ["Un autre texte sur un autre sujet."], min_words=40)
    # Nothing of the article is in that source: its sentences are reported to check (soft),
    # which never blocks passing.
    assert good.passed and {v.guard for v in good.violations} == {"grounding"}
    assert not any(v.hard for v in good.violations)
    assert isinstance(good.originality, Originality) and good.originality.ngrams > 0
    bad = run_guards(
        make(
            title="Here is your article",
            intro=[MACHINE_INTRO, "Voici votre article sur Sam Altman."],
        ),
        [],
        min_words=2000,
    )
    assert not bad.passed
    assert {v.guard for v in bad.hard} == {"leftover", "language", "word_target", "filler"}
    assert set(bad.by_field()) >= {"title", "intro", "article"}
    assert isinstance(bad, GuardReport)


def test_messages_follow_french_typography() -> None:
    report = run_guards(make(title="Voici votre article : Sam Altman revient"), [])
    for v in report.violations:
        for text in (v.message_fr, v.hint_fr):
            assert " :" not in text and " ;" not in text and " ?" not in text, text
        assert v.hint_en and v.message_en and v.excerpt
