"""Two parts saying the same thing in other words: the later one is named."""

from __future__ import annotations

from plume.write.rewrite.overlap import find_overlaps

LEAD = (
    "La piscine Aquarive de Quimper ferme le 3 mars pour des travaux de toiture. Les nageurs "
    "des clubs s’entraîneront à Concarneau pendant six semaines."
)
RESTATED = (
    "Des travaux de toiture ferment la piscine Aquarive à Quimper dès le 3 mars, et les clubs "
    "de nageurs partent à Concarneau."
)
NEW = (
    "Le chantier coûte 850 000 euros, financés par la ville et la région. La réouverture est "
    "prévue fin avril, selon l’adjoint aux sports."
)


def test_a_section_restating_the_lead_is_flagged_not_the_lead() -> None:
    (o,) = find_overlaps([LEAD], [[RESTATED + " " + NEW]])
    assert o.field == "sections[0]" and o.sentence == RESTATED
    assert o.earlier_field == "intro" and o.earlier.startswith("La piscine Aquarive")
    assert o.share >= 0.6


def test_new_facts_are_not_a_repeat() -> None:
    assert find_overlaps([LEAD], [[NEW], ["La mairie promet un bassin provisoire l’été."]]) == []


def test_a_later_section_restating_an_earlier_one() -> None:
    (o,) = find_overlaps([NEW], [[LEAD], ["Une piste d’athlétisme ouvre en juin.", RESTATED]])
    assert o.field == "sections[1]" and o.earlier_field == "sections[0]"
