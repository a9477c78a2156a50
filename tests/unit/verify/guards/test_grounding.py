"""The grounding guard (plume.verify.guards.grounding)."""

from __future__ import annotations

import re

from plume.article import Article, Section
from plume.verify.grounding import content_stems, grounded_share
from plume.verify.guards import (
    GROUNDED_SOFT,
    GROUNDING_MIN_WORDS,
    find_ungrounded,
    run_guards,
)
from tests.unit.verify.guards.conftest import REAL, make

INVENTED = (
    "Les pêcheurs du port réclament depuis longtemps une digue plus haute contre les tempêtes "
    "de la saison froide."
)


def test_a_statement_no_source_makes_is_reported_soft_and_located() -> None:
    paraphrase = (
        "Microsoft, qui détient 49 % de la filiale commerciale d’OpenAI, n’a pas été informé "
        "de la décision du conseil d’administration."
    )
    article = make(
        intro=[paraphrase],
        sections=[Section(heading="Suite", paragraphs=[REAL[1], f"{REAL[3]} {INVENTED}"])],
    )
    found = find_ungrounded(article, REAL)
    assert [(v.guard, v.field, v.paragraph, v.hard) for v in found] == [
        ("grounding", "sections[0]", 1, False)
    ]
    (v,) = found
    assert v.excerpt == INVENTED and INVENTED[:60] in v.hint_fr
    # French typography in the message: "0 %" with a narrow no-break space, no-break space
    # before the colon.
    assert "\u202f%" in v.message_fr and "\u00a0:" in v.message_fr
    assert v.message_en.startswith("Sentence barely supported by the sources")
    # Soft: the article still passes; with grounding off, or no source, nothing is reported.
    # (The section repeats real sentences: originality is not what this test is about.)
    report = run_guards(article, REAL, originality_ceiling=1.0)
    assert report.passed and [x.guard for x in report.violations] == ["grounding"]
    assert run_guards(article, REAL, originality_ceiling=1.0, grounding=False).violations == []
    assert find_ungrounded(article, []) == []


def test_a_paragraph_in_english_is_reported_once_as_not_french() -> None:
    english = (
        "Cycling keeps growing in many cities, since riders found safer lanes near their homes "
        "and their offices."
    )
    article = make(sections=[Section(heading="Microsoft en embuscade", paragraphs=[english])])
    assert [v.field for v in find_ungrounded(article, REAL)] == ["sections[0]"]
    report = run_guards(article, REAL)
    at = [(v.guard, v.hard) for v in report.violations if v.field == "sections[0]"]
    assert at == [("language", True)]


def test_short_sentences_are_not_measured() -> None:
    short = "Les pêcheurs réclament une digue."  # 5 words: below GROUNDING_MIN_WORDS
    assert len(short.split()) < GROUNDING_MIN_WORDS
    assert find_ungrounded(make(intro=[short], sections=[]), REAL) == []


def _long_sentences(text: str) -> list[str]:
    return [
        sentence
        for block in text.split("\n\n")
        for sentence in re.split(r"(?<=[.!?])\s+", block)
        if len(sentence.split()) >= GROUNDING_MIN_WORDS
    ]


def test_the_bar_keeps_its_calibration(real_articles: list[tuple[str, Article, str]]) -> None:
    """``bench/grounding_calibration.py``'s figures, held: no sentence of the scripted model's
    synonym-heavy paraphrases (against the example) nor of the five seeds (five outlets on one
    story, against the closest other seed) is flagged; the corpus pages against an unrelated
    seed are, ≥ 40 % of the time (measured 45 %). A change of the stems, the function words
    or the bar that breaks either fails here."""
    from tests.support.rewrite_model import INTRO, SECTIONS

    example = real_articles[21][2]
    paraphrases = [s for text in (INTRO, *SECTIONS.values()) for s in _long_sentences(text)]
    assert len(paraphrases) == 19
    assert [s for s in paraphrases if (grounded_share(s, example) or 1) < GROUNDED_SOFT] == []
    seeds = [source for name, _, source in real_articles[:5]]
    pages = [source for name, _, source in real_articles[5:21]]
    seed_stems = [frozenset(content_stems(s)) for s in seeds]
    same = [
        max(
            g
            for j, st in enumerate(seed_stems)
            if j != i
            if (g := grounded_share(s, st)) is not None
        )
        for i, text in enumerate(seeds)
        for s in _long_sentences(text)
    ]
    unrelated = [
        g
        for i, text in enumerate(pages)
        for s in _long_sentences(text)
        if (g := grounded_share(s, seed_stems[i % 5])) is not None
    ]
    assert len(same) > 150 and len(unrelated) > 400
    assert [g for g in same if g < GROUNDED_SOFT] == []
    assert sum(g < GROUNDED_SOFT for g in unrelated) / len(unrelated) >= 0.40
