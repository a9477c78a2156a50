"""The one table of what rewrite mode asks of an article: each requirement, the analyser check
that verifies it, and its wording for the model.

The numbers are the analyser's own thresholds (:data:`plume.analyse.checks.REGISTRY`: Yoast's
settings), read here once, so that the prompts ask exactly what the verification checks and a
repair is never the first time the model hears of a rule (issue 19: the plan prompt asked for the
keyphrase *in* the SEO title, the repair then demanded it *at the start*). The texts are in
``lang/fr/data/rewrite_prompts.toml`` (``req_*``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from plume.analyse.checks import REGISTRY
from plume.analyse.pixels import SERP_TITLE_MAX_PX
from plume.lang.fr import rewrite_prompts
from plume.lang.fr.numbers import french_date

__all__ = [
    "SEO_TITLE_CHARS",
    "Requirement",
    "dates_phrase",
    "french_date",
    "headings_share",
    "paragraphs_phrase",
    "prompt_block",
    "requirement_for",
    "requirements",
    "rule_of",
]

#: Characters asked of an SEO title: Google cuts at 600 px (``SERP_TITLE_MAX_PX``), about 60
#: characters of Arial 20 px prose (Yoast's snippet preview); the check measures pixels.
SEO_TITLE_CHARS = round(SERP_TITLE_MAX_PX / 10)


@dataclass(frozen=True, slots=True)
class Requirement:
    """One rule of the table: its key, the parts whose prompt states it, the analyser checks
    that verify it (none for a rule only the prompt can ask, such as attribution)."""

    key: str
    parts: frozenset[str]
    codes: tuple[str, ...]
    text: str


def _t(code: str, name: str) -> float:
    return REGISTRY[code].thresholds[name].value


@cache
def _numbers() -> dict[str, int]:
    """The thresholds the prompts quote, from the analyser's rules."""
    return {
        "seo_title_chars": SEO_TITLE_CHARS,
        # Yoast's MetaDescriptionLengthAssessment: 120 or fewer is orange, so 121 at least.
        "meta_min": int(_t("SEO-META-LENGTH", "min")) + 1,
        "meta_max": int(_t("SEO-META-LENGTH", "max")),
        "headings_lo": round(_t("SEO-KP-SUBHEADINGS", "lower") * 100),
        "headings_hi": round(_t("SEO-KP-SUBHEADINGS", "upper") * 100),
        "sentence_words": int(_t("RD-SENTENCE-LENGTH", "max_words")),
        "sentence_share": int(_t("RD-SENTENCE-LENGTH", "ok_share")),
        "paragraph_words": int(_t("RD-PARAGRAPH-LENGTH", "max_words")),
        "passive_share": int(_t("RD-PASSIVE", "ok_share")),
        "transition_share": int(_t("RD-TRANSITIONS", "good_share")),
    }


_WRITING = frozenset({"intro", "section"})
#: (key, parts, checks): the table. The parts: "plan", "intro", "section", and the fields a
#: repair rewrites ("title", "seo_title", "meta_description", "heading").
_TABLE: tuple[tuple[str, frozenset[str], tuple[str, ...]], ...] = (
    ("title", frozenset({"plan", "title"}), ()),
    ("seo_title", frozenset({"plan", "seo_title"}), ("SEO-KP-TITLE", "SEO-TITLE-WIDTH")),
    ("meta", frozenset({"plan", "meta_description"}), ("SEO-META-LENGTH", "SEO-KP-META")),
    ("headings", frozenset({"plan"}), ("SEO-KP-SUBHEADINGS",)),
    ("heading", frozenset({"heading"}), ("SEO-KP-SUBHEADINGS",)),
    ("sentences", _WRITING, ("RD-SENTENCE-LENGTH",)),
    ("paragraphs", frozenset({"section"}), ("RD-PARAGRAPH-LENGTH",)),
    ("active", _WRITING, ("RD-PASSIVE",)),
    ("transitions", _WRITING, ("RD-TRANSITIONS",)),
    ("people", _WRITING, ()),
    ("attribution", _WRITING, ()),
    ("dates", _WRITING, ()),
)


def requirements(keyphrase: str, dates: str = "") -> list[Requirement]:
    """The table, worded for ``keyphrase``; ``dates``: the sources' dates as the prompt gives
    them ("3 mars 2024"), or "" (then the rule asks for full dates without naming them)."""
    # "…avec jour, mois et année (les sources datent du 3 mars 2024), …"
    when = f" (les sources datent {dates})" if dates else ""
    values = dict(_numbers(), keyphrase=keyphrase, dates=when)
    prompts = rewrite_prompts()
    return [
        Requirement(key, parts, codes, prompts[f"req_{key}"].format(**values))
        for key, parts, codes in _TABLE
    ]


def rule_of(key: str, keyphrase: str) -> str:
    """The wording of requirement ``key`` for ``keyphrase``."""
    return next(r.text for r in requirements(keyphrase) if r.key == key)


def requirement_for(code: str, keyphrase: str, part: str = "") -> Requirement | None:
    """The requirement an analyser check verifies (for ``part`` when given), or None."""
    for r in requirements(keyphrase):
        if code in r.codes and (not part or part in r.parts):
            return r
    return None


def prompt_block(part: str, keyphrase: str, dates: str = "", extra: Sequence[str] = ()) -> str:
    """The requirements a writing prompt states for ``part`` ("intro", "section"), one line
    each under their heading, then the ``extra`` lines."""
    texts = [r.text for r in requirements(keyphrase, dates) if part in r.parts] + list(extra)
    lines = [f"- {t} ;" for t in texts]
    if lines:
        lines[-1] = lines[-1][:-2] + "."
    return "\n".join([rewrite_prompts()["requirements_head"], *lines])


def headings_share(n: int) -> tuple[int, int]:
    """How many of ``n`` subheadings should hold the keyphrase (SEO-KP-SUBHEADINGS)."""
    lo, hi = _t("SEO-KP-SUBHEADINGS", "lower"), _t("SEO-KP-SUBHEADINGS", "upper")
    return math.ceil(n * lo), math.floor(n * hi)


def paragraphs_phrase(n: int) -> str:
    """ "en un seul paragraphe", "en 3 paragraphes séparés par une ligne vide": the count in
    words, agreed (the prompts said "en 1 paragraphes")."""
    if n <= 1:
        return "en un seul paragraphe"
    return f"en {n} paragraphes séparés par une ligne vide"


def dates_phrase(dates: Sequence[datetime]) -> str:
    """The sources' publication dates, one phrase ("du 3 mars 2024 et du 5 mars 2024"), ""
    if none."""
    seen = [f"du {d}" for d in dict.fromkeys(french_date(d) for d in sorted(dates))]
    if not seen:
        return ""
    return seen[0] if len(seen) == 1 else ", ".join(seen[:-1]) + " et " + seen[-1]
