"""The plan of a rewrite: title, SEO title, meta description, and sections citing passages.

The model is asked for it as JSON against :func:`plan_schema`; a plan that is malformed, cites no
passage or has too few sections (:func:`plan_problem`) is replaced by :func:`deterministic_plan`,
the faithful planner's outline over the merged sources.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from plume.document import Block, BlockKind, Document, EditorFields
from plume.text import count_words
from plume.write.headings import deterministic_heading
from plume.write.rewrite.passages import Passage
from plume.write.sections import plan_sections
from plume.write.structure import build_article

__all__ = [
    "MAX_SECTIONS",
    "MAX_SECTION_WORDS",
    "MIN_SECTIONS",
    "Plan",
    "PlanSection",
    "deterministic_plan",
    "plan_problem",
    "plan_schema",
    "section_words",
]

#: Yoast's subheading distribution: no section over 300 words. Sections are asked for at most
#: this many, leaving a margin for the model's overshoot.
MAX_SECTION_WORDS = 260
MIN_SECTIONS, MAX_SECTIONS = 3, 8


class PlanSection(BaseModel):
    heading: str = Field(min_length=3, max_length=120)
    passages: list[int] = Field(default_factory=list)


class Plan(BaseModel):
    title: str = Field(min_length=3, max_length=200)
    seo_title: str = Field(min_length=3, max_length=200)
    meta_description: str = Field(min_length=20, max_length=400)
    sections: list[PlanSection] = Field(min_length=1, max_length=20)


def plan_schema() -> dict[str, Any]:
    """The plan's JSON schema as the model is asked for it: no other key, at least
    :data:`MIN_SECTIONS` sections of at most :data:`MAX_SECTIONS`, each citing a passage.

    It is also the grammar llama.cpp samples the local model's plan with: without
    ``additionalProperties: false`` a small model loops on a key of its own until the token
    limit, and the bounds are what make the JSON end (calibrated: see docs/calibration.md).
    Validation stays looser — extra keys ignored, any number of sections — so that a remote
    model's near-miss is judged by :func:`plan_problem`, which says why a plan is not used."""
    schema = Plan.model_json_schema()
    schema["additionalProperties"] = False
    schema["properties"]["sections"].update(minItems=MIN_SECTIONS, maxItems=MAX_SECTIONS)
    section = schema["$defs"]["PlanSection"]
    section["additionalProperties"] = False
    section["required"] = ["heading", "passages"]
    # At most 40 passages a section in what the model may write (a bound for the grammar);
    # the deterministic fallback may give more (a 45-paragraph live blog), so not validated.
    section["properties"]["passages"].update(minItems=1, maxItems=40)
    return schema


def plan_problem(plan: Plan, passages: Sequence[Passage]) -> str | None:
    """Why the model's ``plan`` is not used (for the report), or None when it is sound."""
    ids = {p.id for p in passages}
    if not MIN_SECTIONS <= len(plan.sections) <= MAX_SECTIONS:
        return f"{len(plan.sections)} sections"
    if any(not s.passages or not set(s.passages) <= ids for s in plan.sections):
        return "passages inconnus ou absents"
    return None


def deterministic_plan(
    sources: Sequence[Document], passages: Sequence[Passage], keyphrase: str, published: datetime
) -> Plan:
    """The faithful planner's outline over the merged sources: sections cut at topic shifts,
    noun-phrase headings, the author's sentences for the description."""
    blocks = tuple(Block(BlockKind.PARAGRAPH, p.text) for p in passages)
    merged = Document(blocks=blocks, source=sources[0].source)  # callers pass ≥ 1 source
    # The keyphrase alone: the faithful outline is planned without the synonyms.
    faithful = build_article(merged, EditorFields(keyphrase=keyphrase), published=published)
    by_text = {p.text: p.id for p in passages}
    sections: list[PlanSection] = []
    for s in faithful.sections:
        ids = [by_text[t] for t in s.paragraphs if t in by_text]
        if ids:
            sections.append(PlanSection(heading=s.heading, passages=ids))
    intro_ids = [by_text[t] for t in faithful.intro if t in by_text]
    if sections and intro_ids:
        first = sections[0]
        sections[0] = PlanSection(heading=first.heading, passages=intro_ids + first.passages)
    if len(sections) < MIN_SECTIONS:
        # Too few sections from the faithful structure: the topic-shift planner's groups
        # (≤ 300 words each) over all passages, split further up to MIN_SECTIONS, the floor a
        # model's plan is held to. Each group gets a noun-phrase heading of its own passages.
        groups = plan_sections([p.text for p in passages]) or [list(range(len(passages)))]
        groups = _split_groups(groups, [count_words(p.text) for p in passages], MIN_SECTIONS)
        used = [faithful.title]
        sections = []
        for i, g in enumerate(groups):
            heading = deterministic_heading(
                [passages[j].text for j in g], used, prefer=keyphrase if i % 2 == 0 else None
            )
            heading = heading or f"{keyphrase[:1].upper()}{keyphrase[1:]} ({i + 1})"
            used.append(heading)
            sections.append(PlanSection(heading=heading, passages=[passages[j].id for j in g]))
    # Not validated: the bounds reject a model's garbage, while these fields are the faithful
    # writer's own (a 16-character lead such as "C'est la guerre." is a true, if short, meta
    # description that the analyser then flags); validating crashed the rewrite on it.
    return Plan.model_construct(
        title=faithful.title,
        seo_title=faithful.seo_title,
        meta_description=faithful.meta_description or faithful.title,
        sections=sections,
    )


def _split_groups(groups: list[list[int]], sizes: Sequence[int], n: int) -> list[list[int]]:
    """``groups`` of consecutive passage indices cut until there are ``n`` (when there are
    enough passages): the group with the most words is cut where its words are halved."""
    groups = [list(g) for g in groups]
    while len(groups) < n:
        splittable = [k for k, g in enumerate(groups) if len(g) > 1]
        if not splittable:
            break
        k = max(splittable, key=lambda k: sum(sizes[j] for j in groups[k]))
        g = groups[k]
        half = sum(sizes[j] for j in g) / 2
        run, cut = 0, 1
        for pos, j in enumerate(g[:-1], start=1):
            run += sizes[j]
            cut = pos
            if run >= half:
                break
        groups[k : k + 1] = [g[:cut], g[cut:]]
    return groups


def section_words(plan: Plan, passages: Sequence[Passage], target: int) -> list[int]:
    """Words to ask of each section: the target shared by the passages' lengths, ≤ 260."""
    lengths = {p.id: count_words(p.text) for p in passages}
    weights = [max(1, sum(lengths.get(i, 0) for i in s.passages)) for s in plan.sections]
    total = sum(weights)
    return [max(80, min(MAX_SECTION_WORDS, round(target * w / total))) for w in weights]
