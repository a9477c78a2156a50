"""The one table of requirements: its numbers are the analyser's thresholds, and the prompts
and repairs word each rule the same way."""

from __future__ import annotations

from datetime import UTC, datetime

from plume.analyse.checks import REGISTRY
from plume.write.rewrite.requirements import (
    dates_phrase,
    french_date,
    headings_share,
    paragraphs_phrase,
    prompt_block,
    requirement_for,
    rule_of,
)


def test_the_numbers_come_from_the_analysers_rules() -> None:
    sentence = REGISTRY["RD-SENTENCE-LENGTH"].thresholds
    assert f"au plus {int(sentence['max_words'].value)} mots" in rule_of("sentences", "vélo")
    meta_max = int(REGISTRY["SEO-META-LENGTH"].thresholds["max"].value)
    assert f"à {meta_max} caractères" in rule_of("meta", "vélo")
    assert "30 et 75 %" in rule_of("headings", "vélo")
    assert "moins de 150 mots" in rule_of("paragraphs", "vélo")


def test_the_seo_title_rule_asks_the_keyphrase_at_the_start_as_the_check_does() -> None:
    # The plan prompt said "contains", the repair then demanded "at the start" (issue 19).
    rule = rule_of("seo_title", "vélo en ville")
    assert "commence par « vélo en ville »" in rule and "60 caractères" in rule
    r = requirement_for("SEO-KP-TITLE", "vélo en ville")
    assert r is not None and r.text == rule and "plan" in r.parts


def test_writing_prompts_state_the_readability_rules() -> None:
    block = prompt_block("section", "vélo", "du 3 mars 2024", ["emploie « vélo »"])
    lines = block.splitlines()
    assert lines[0] == "Consignes de rédaction :"
    assert any("voix active" in x for x in lines) and any("mots de liaison" in x for x in lines)
    assert any("prénom et son nom, avec sa fonction" in x for x in lines)
    assert any("les sources datent du 3 mars 2024" in x for x in lines)
    assert lines[-1] == "- emploie « vélo »." and all(x.endswith(" ;") for x in lines[1:-1])
    # The lead has no paragraph rule (one paragraph); the plan has none of these.
    assert "paragraphes de moins" not in prompt_block("intro", "vélo")
    assert "phrases courtes" not in prompt_block("plan", "vélo")


def test_paragraph_counts_agree_in_number() -> None:
    assert paragraphs_phrase(1) == "en un seul paragraphe"
    assert paragraphs_phrase(3) == "en 3 paragraphes séparés par une ligne vide"


def test_dates_and_heading_shares() -> None:
    first = datetime(2023, 11, 1, tzinfo=UTC)
    assert french_date(first) == "1er novembre 2023"
    later = datetime(2023, 11, 20, tzinfo=UTC)
    assert dates_phrase([later, first, first]) == "du 1er novembre 2023 et du 20 novembre 2023"
    assert dates_phrase([]) == ""
    assert headings_share(4) == (2, 3) and headings_share(3) == (1, 2)
