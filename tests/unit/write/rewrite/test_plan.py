"""The plan: the schema the model is held to, why a plan is refused, the faithful fallback."""

from __future__ import annotations

from datetime import UTC, datetime

from plume.clean import clean
from plume.ingest import read_path
from plume.settings import Settings
from plume.write.rewrite.passages import passages_of
from plume.write.rewrite.plan import (
    MAX_SECTION_WORDS,
    MAX_SECTIONS,
    MIN_SECTIONS,
    Plan,
    PlanSection,
    deterministic_plan,
    plan_problem,
    plan_schema,
    section_words,
)
from tests.conftest import EXAMPLE


def _plan(*passages: list[int]) -> Plan:
    return Plan(
        title="Le vélo en ville",
        seo_title="Le vélo en ville à Lyon",
        meta_description="Une description assez longue pour le plan.",
        sections=[PlanSection(heading=f"Partie {i}", passages=p) for i, p in enumerate(passages)],
    )


def test_the_schema_closes_every_object_and_bounds_the_sections() -> None:
    schema = plan_schema()
    assert schema["additionalProperties"] is False
    sections = schema["properties"]["sections"]
    assert (sections["minItems"], sections["maxItems"]) == (MIN_SECTIONS, MAX_SECTIONS)
    section = schema["$defs"]["PlanSection"]
    assert section["additionalProperties"] is False
    assert section["required"] == ["heading", "passages"]
    assert section["properties"]["passages"]["minItems"] == 1


def test_a_plan_is_refused_for_its_number_of_sections_or_unknown_passages() -> None:
    settings = Settings()
    passages = passages_of([clean(read_path(EXAMPLE, settings), settings).document])
    assert plan_problem(_plan([1], [2]), passages) == "2 sections"
    assert plan_problem(_plan([1], [2], [999]), passages) == "passages inconnus ou absents"
    assert plan_problem(_plan([1], [], [3]), passages) == "passages inconnus ou absents"
    assert plan_problem(_plan([1], [2], [3]), passages) is None


def test_the_faithful_outline_has_at_least_three_sections_over_known_passages() -> None:
    settings = Settings()
    doc = clean(read_path(EXAMPLE, settings), settings).document
    passages = passages_of([doc])
    plan = deterministic_plan([doc], passages, "vélo en ville", datetime(2026, 1, 1, tzinfo=UTC))
    assert len(plan.sections) >= MIN_SECTIONS
    assert plan_problem(plan, passages) is None or len(plan.sections) > MAX_SECTIONS
    cited = [i for s in plan.sections for i in s.passages]
    assert len(cited) == len(set(cited)) and set(cited) <= {p.id for p in passages}


def test_section_words_share_the_target_by_passage_length_within_bounds() -> None:
    settings = Settings()
    passages = passages_of([clean(read_path(EXAMPLE, settings), settings).document])
    ids = [p.id for p in passages]
    plan = _plan(ids[:1], ids[1:])
    assert section_words(plan, passages, 10_000) == [MAX_SECTION_WORDS] * 2
    assert section_words(plan, passages, 50) == [80, 80]
    short, long = section_words(plan, passages, 400)
    assert 80 <= short < long <= MAX_SECTION_WORDS
