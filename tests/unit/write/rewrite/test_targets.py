"""Soft repair targets: a red readability check located in the parts that cause it, a part
restating an earlier one, too few subheadings with the keyphrase."""

from __future__ import annotations

from plume.report import Category, CheckResult, Rating
from plume.write.rewrite.targets import (
    overlap_targets,
    readability_targets,
    subheading_targets,
)

SHORT = "La mairie ferme la piscine. Les nageurs iront à Concarneau. Mais les travaux durent."
LONG = (
    "La mairie de Quimper a décidé de fermer la piscine Aquarive pendant six semaines pour des "
    "travaux de toiture qui étaient attendus depuis longtemps par les usagers du quartier. "
    "Les nageurs des clubs de la ville iront donc s’entraîner à Concarneau, où le bassin "
    "olympique leur a été ouvert par la communauté d’agglomération voisine. Les travaux "
    "dureront six semaines."
)


def _check(code: str, rating: Rating, **value: int) -> CheckResult:
    return CheckResult(
        code=code,
        name=code,
        category=Category.READABILITY,
        rating=rating,
        score=3,
        message=f"{code} message",
        value=value,
    )


def test_a_red_sentence_length_targets_the_parts_with_long_sentences() -> None:
    checks = [_check("RD-SENTENCE-LENGTH", Rating.BAD)]
    found = readability_targets(checks, [SHORT], [[LONG], [SHORT]], "piscine")
    assert list(found) == ["sections[0]"]
    (f,) = found["sections[0]"]
    assert f.code == "RD-SENTENCE-LENGTH" and not f.blocking
    hint = f.hint.fr if f.hint else ""
    # The rule as the prompts state it, then the sentences to cut, quoted whole.
    assert hint.startswith("Consigne\u00a0: des phrases courtes")
    assert "dépassent 20 mots" in hint and "« La mairie de Quimper a décidé" in hint


def test_a_part_too_short_to_judge_is_left_alone() -> None:
    checks = [_check("RD-SENTENCE-LENGTH", Rating.BAD)]
    two = LONG.rsplit(" Les travaux", 1)[0]  # two long sentences: 100 %, but only two
    assert readability_targets(checks, [SHORT], [[two]], "piscine") == {}


def test_orange_is_not_repaired() -> None:
    checks = [_check("RD-SENTENCE-LENGTH", Rating.OK), _check("RD-PASSIVE", Rating.GOOD)]
    assert readability_targets(checks, [LONG], [[LONG]], "piscine") == {}


def test_a_red_passive_share_quotes_the_passive_sentences() -> None:
    passive = (
        "Le budget a été adopté par le conseil. Le projet a été validé par le maire. "
        "Les travaux commencent lundi."
    )
    checks = [_check("RD-PASSIVE", Rating.BAD)]
    found = readability_targets(checks, [SHORT], [[passive]], "piscine")
    (f,) = found["sections[0]"]
    assert f.hint is not None and "« Le budget a été adopté par le conseil. »" in f.hint.fr


def test_the_later_of_two_parts_saying_the_same_is_targeted() -> None:
    lead = "La piscine Aquarive de Quimper ferme le 3 mars pour des travaux de toiture."
    again = "Des travaux de toiture ferment dès le 3 mars la piscine Aquarive de Quimper."
    found = overlap_targets([lead], [[again], [SHORT]])
    (f,) = found["sections[0]"]
    assert f.code == "overlap" and f.excerpt == again and not f.blocking
    assert f.hint is not None and "redit ce que dit déjà le chapô" in f.hint.fr


def test_missing_keyphrase_headings_are_rewritten_as_many_as_needed() -> None:
    check = _check("SEO-KP-SUBHEADINGS", Rating.BAD, min=2, matches=0)
    headings = ["Les travaux", "Les nageurs à Concarneau", "La piscine rouvrira"]
    found = subheading_targets([check], headings, [False, False, True], "piscine")
    assert list(found) == ["sections[0].heading", "sections[1].heading"]
    hint = found["sections[0].heading"][0].hint
    assert hint is not None and "« piscine »" in hint.fr
    good = _check("SEO-KP-SUBHEADINGS", Rating.GOOD, min=1, matches=1)
    assert subheading_targets([good], headings, [False, False, True], "piscine") == {}
