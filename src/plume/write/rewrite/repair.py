"""Repair: the verify stage's findings as repair targets, and one part regenerated to its hints.

Each failure becomes a targeted prompt built from its hint; only the failing field or section is
regenerated. Every part of the plan must be written: a part left empty is a failure of its own.
The report's lines for what cannot be repaired (sources too short, a backend that failed for
good) are written here too.
"""

from __future__ import annotations

import contextlib
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import ValidationError

from plume.analyse.checks import REGISTRY
from plume.errors import BackendError
from plume.lang.fr import rewrite_prompts
from plume.optimisation import Repair
from plume.report import Finding, FindingKind, Msg, Severity
from plume.settings import Settings
from plume.text import count_words
from plume.verification import Originality
from plume.write.rewrite.plan import MAX_SECTION_WORDS, Plan, PlanSection
from plume.write.rewrite.requirements import rule_of
from plume.write.rewrite.writer import Writer, typography

__all__ = [
    "EMPTY_PART",
    "LENGTH_CODES",
    "REPAIR_SOFT",
    "Draft",
    "failure_line",
    "failures",
    "length_floor",
    "repair_hint",
    "repair_part",
    "repair_record",
    "repairable",
    "short_sources_line",
    "unwritten",
]

#: Soft findings worth one repair attempt (they never block passing): an empty phrase, a
#: repeated sentence or a statement no source makes costs one regeneration of its part, and the
#: reader is better served.
REPAIR_SOFT = frozenset({"filler", "repetition", "grounding"})
#: What fails an article for its length alone: the word target, and Yoast's text length.
LENGTH_CODES = frozenset({"word_target", "SEO-TEXT-LENGTH"})
#: The report's line for a part of the plan left empty.
EMPTY_PART = Msg(
    "partie vide\u00a0: rien d’utilisable n’a été écrit",
    "empty part: nothing usable was written",
)
_WRITE_PART = Msg(
    "Écrivez cette partie à partir de ses passages.", "Write this part from its passages."
)
#: The short fields a repair rewrites, as the field prompt names them, and the requirement of
#: the table (:mod:`.requirements`) each is rewritten to: the rule the plan prompt stated.
_LABEL = {
    "title": "le titre",
    "seo_title": "le titre SEO",
    "meta_description": "la méta-description",
}
_RULE = {"title": "title", "seo_title": "seo_title", "meta_description": "meta"}
_SECTION_FIELD = re.compile(r"sections\[(\d+)\]")
#: The findings of the guards (facts and grounding included), as opposed to the audit's.
# The support check's findings are listed, not yet repaired in rewrite mode: it rejects 44 % of
# true statements on texts it was not tuned on (docs/verification.md), which would fail
# articles a capable model wrote right.
_GUARD_KINDS = frozenset({FindingKind.GUARD, FindingKind.FACT, FindingKind.GROUNDING})
#: The repair prompts are French: a guard's hint is taken in French, an analyser check's hint
#: is the one text it has (in the report's language).
_PROMPT_LANG = "fr"


@dataclass
class Draft:
    """The parts of the article as the repairs rewrite them."""

    plan: Plan
    title: str
    seo_title: str
    meta: str
    intro: list[str]
    bodies: list[list[str]]
    #: Words asked of each section.
    words: list[int]


def repair_hint(finding: Finding) -> str:
    """The instruction a repair prompt gets for ``finding``: its hint, else its message."""
    return (finding.hint or finding.message).get(_PROMPT_LANG)


def unwritten(intro: list[str], bodies: list[list[str]]) -> list[str]:
    """The parts of the plan left empty: the lead, then the sections, as fields."""
    return (["intro"] if not intro else []) + [
        f"sections[{i}]" for i, b in enumerate(bodies) if not b
    ]


def failures(
    findings: Sequence[Finding],
    originality: Originality,
    lang: str,
    intro: list[str],
    bodies: list[list[str]],
    *,
    soft: bool = False,
) -> tuple[dict[str, list[Finding]], list[str]]:
    """Failing hard constraints as repair targets ({field: [finding]}) and one report line each.
    With ``soft``, the soft findings of :data:`REPAIR_SOFT` are repair targets too (not report
    lines: they do not fail the article).

    Originality is measured over the whole article; its repair targets the parts above the
    ceiling (``Originality.by_field``). Every part of the plan must be written: an article
    whose every answer was dropped has no body for a check to fail on."""
    by_field: dict[str, list[Finding]] = {}
    lines: list[str] = []
    for f in findings:
        if f.kind not in _GUARD_KINDS:
            continue
        if not f.blocking and not (soft and f.code in REPAIR_SOFT):
            continue
        if f.blocking:
            lines.append(f"{f.field} — {f.message.get(lang)}")
        if f.code == "originality":
            worst = [k for k, share in originality.by_field.items() if share > originality.ceiling]
            for k in worst or [f.field]:
                by_field.setdefault(k, []).append(f)
        else:
            by_field.setdefault(f.field, []).append(f)
    for f in findings:
        if f.kind is FindingKind.CHECK and f.blocking:
            by_field.setdefault(f.field, []).append(f)
            lines.append(f"{f.code} — {f.message.get(lang)}")
    for part in unwritten(intro, bodies):
        empty = Finding(
            kind=FindingKind.GUARD,
            code="empty",
            severity=Severity.ERROR,
            field=part,
            message=EMPTY_PART,
            hint=_WRITE_PART,
        )
        by_field.setdefault(part, []).append(empty)
        lines.append(f"{part} — {EMPTY_PART.get(lang)}")
    return by_field, lines


def length_floor(min_words: int | None) -> int:
    """Words the article needs: the target, and never fewer than the analyser's red bar for
    text length (Yoast's TextLengthAssessment: under 250 words), which fails it whatever
    the target."""
    red = int(REGISTRY["SEO-TEXT-LENGTH"].thresholds["ok"].value)
    return max(min_words or 0, red)


def repairable(failing: dict[str, list[Finding]], short_sources: bool) -> dict[str, list[Finding]]:
    """What a repair may still fix. When the sources hold fewer words than the article needs,
    asking for more words can only be answered with filler or invention: the length is not
    repaired (the report says why), the rest is."""
    if not short_sources:
        return failing
    kept = {k: [f for f in found if f.code not in LENGTH_CODES] for k, found in failing.items()}
    return {k: found for k, found in kept.items() if found}


def repair_record(round_: int, where: str, found: Sequence[Finding]) -> Repair:
    """What the report says of one repair: the round, the part, the codes and the hints."""
    return Repair(
        round=round_,
        field=where,
        codes=list(dict.fromkeys(f.code for f in found)),
        reasons=list(dict.fromkeys(repair_hint(f) for f in found)),
    )


def repair_part(
    draft: Draft,
    where: str,
    found: Sequence[Finding],
    writer: Writer,
    settings: Settings,
    min_words: int | None,
) -> None:
    """Regenerate the part ``where`` of ``draft`` to the hints of ``found``. An empty answer
    (or a failed call) keeps the previous text: still checked, still reported."""
    hint = " ".join(dict.fromkeys(repair_hint(f) for f in found))
    plan = draft.plan
    first_ids = plan.sections[0].passages
    m = _SECTION_FIELD.match(where)
    if where in _LABEL:
        current = {
            "title": draft.title,
            "seo_title": draft.seo_title,
            "meta_description": draft.meta,
        }
        rule = rule_of(_RULE[where], writer.keyphrase)
        new = writer.field(
            plan, _LABEL[where], current[where], hint, first_ids, part=where, rule=rule
        )
        if new:
            if where == "title":
                draft.title = new
            elif where == "seo_title":
                draft.seo_title = new
            else:
                draft.meta = new
    elif where == "intro":
        repair = rewrite_prompts()["repair"].format(hints=hint, previous=" ".join(draft.intro))
        lead = list(writer.lead_passages) or first_ids
        draft.intro = [
            typography(p, settings) for p in writer.intro(plan, lead, repair)
        ] or draft.intro
        writer.standfirst = " ".join(draft.intro)
    elif m and int(m.group(1)) < len(draft.bodies):
        i = int(m.group(1))
        if where.endswith(".heading"):
            section = plan.sections[i]
            new = writer.field(
                plan,
                "l’intertitre",
                section.heading,
                hint,
                section.passages,
                part=where,
                rule=rule_of("heading", writer.keyphrase),
            )
            # An empty or over-long answer (a paragraph for a heading) keeps the old heading:
            # its finding stands and is reported, never a traceback.
            with contextlib.suppress(ValidationError):
                plan.sections[i] = PlanSection(heading=new, passages=section.passages)
            return
        _rewrite_section(draft, i, draft.words[i], hint, writer, settings)
    elif where == "article":
        # Too short (or a section too long): resize every section toward the target.
        have = sum(count_words(p) for b in draft.bodies for p in b)
        missing = max(0, (min_words or 0) - have - sum(count_words(p) for p in draft.intro))
        shortest = sorted(
            range(len(draft.bodies)), key=lambda k: sum(map(count_words, draft.bodies[k]))
        )
        for k in shortest[: max(1, math.ceil(missing / 120))]:
            draft.words[k] = min(MAX_SECTION_WORDS, draft.words[k] + 120)
            _rewrite_section(draft, k, draft.words[k], hint, writer, settings)


def _rewrite_section(
    draft: Draft, i: int, words: int, hint: str, writer: Writer, settings: Settings
) -> None:
    repair = rewrite_prompts()["repair"].format(hints=hint, previous=" ".join(draft.bodies[i]))
    draft.bodies[i] = [
        typography(p, settings)
        for p in writer.section(draft.plan, i, words, with_keyphrase=i % 2 == 0, repair=repair)
    ] or draft.bodies[i]


def short_sources_line(source_words: int, needed: int, lowerable: bool) -> Msg:
    """The report's line when the sources cannot carry the length (issue 4: "when they cannot,
    the report says so honestly"); ``lowerable``: the word target asks more than the floor."""
    fix = Msg(
        "ajoutez une source sur le même sujet"
        + (" ou baissez la cible (--min-words)" if lowerable else ""),
        "add a source on the same story"
        + (" or lower the target (--min-words)" if lowerable else ""),
    )
    return Msg(
        f"sources — Les sources ne comptent que {source_words} mots\u00a0: trop peu pour les "
        f"{needed} qu’il faut à l’article sans délayer ni inventer\u00a0; {fix.fr}. La longueur "
        "n’a pas été réparée.",
        f"sources — The sources hold only {source_words} words: too few for the {needed} the "
        f"article needs without padding or inventing; {fix.en}. The length was not repaired.",
    )


def failure_line(
    failure: tuple[str, BackendError], intro: list[str], bodies: list[list[str]]
) -> Msg:
    """The report's line for a backend that failed for good: the part, the error, and the
    parts left unwritten (the draft shows what was)."""
    part, error = failure
    missing = ", ".join(unwritten(intro, bodies))
    return Msg(
        f"{part} — moteur en échec, génération arrêtée\u00a0: {error.message('fr')}"
        + (f" Parties non écrites\u00a0: {missing}." if missing else ""),
        f"{part} — backend failed, generation stopped: {error.message('en')}"
        + (f" Parts not written: {missing}." if missing else ""),
    )
