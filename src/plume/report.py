"""Result types shared by every stage and every shell (CLI, web, batch).

The JSON form of :class:`Report` is a documented, stable schema (``SCHEMA_VERSION``); fields are
only ever added. ``plume analyse --format json`` prints ``Report.model_dump_json()``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from plume.document import Brief

SCHEMA_VERSION = "1.0"


@dataclass(frozen=True, slots=True)
class Msg:
    """A user-facing sentence in both languages, French first: the one bilingual text type."""

    fr: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.fr


class Span(BaseModel):
    """Character offsets ``[start, end)`` into the cleaned text (``Report.text``)."""

    model_config = ConfigDict(frozen=True)
    start: int
    end: int


class Change(BaseModel):
    """One edit made by the cleaner. ``offset`` is into the text as it was *before* this step."""

    model_config = ConfigDict(frozen=True)
    rule: str  # stable code of the cleaning rule, e.g. "CL-GLUED-SENTENCE"
    offset: int
    before: str
    after: str


class Rating(StrEnum):
    """Yoast's traffic lights. ``NA``: the check could not run (no keyphrase, not French…)."""

    GOOD = "good"  # vert
    OK = "ok"  # orange
    BAD = "bad"  # rouge
    NA = "na"


class Category(StrEnum):
    SEO = "seo"
    READABILITY = "readability"
    TYPOGRAPHY = "typography"  # ours: Yoast has no French typography checks
    INFO = "info"  # informational measures (Flesch, LIX): scored 0, shown


class CheckResult(BaseModel):
    model_config = ConfigDict(frozen=True)
    code: str  # stable, e.g. "SEO-KP-DENSITY"
    name: str  # in the report language
    category: Category
    rating: Rating
    #: Yoast's 0–9 scale: 9 green, 6 orange, 3 red (Yoast ``scoreToRating``: >7 good, >4 ok).
    score: int
    message: str
    hint: str = ""  # what to do; empty when the check passes
    spans: list[Span] = Field(default_factory=list)
    #: The measurement behind the verdict (e.g. {"density": 1.4, "count": 6}).
    value: dict[str, Any] = Field(default_factory=dict)


class CleaningFinding(BaseModel):
    """A defect the cleaner saw but could not fix safely; the editor decides."""

    model_config = ConfigDict(frozen=True)
    code: str
    message: str
    spans: list[Span] = Field(default_factory=list)
    excerpt: str = ""


class Score(BaseModel):
    model_config = ConfigDict(frozen=True)
    value: int  # 0–100
    rating: Rating


class KeyphraseSuggestion(BaseModel):
    model_config = ConfigDict(frozen=True)
    phrase: str
    lemma: str
    count: int
    score: float
    #: Used in the first paragraph (Yoast's introduction check wants the keyphrase there, so
    #: the suggestion plume adopts is the best one the lead already uses).
    in_intro: bool = False
    #: In the headline (the H1 or SEO title; the lead's first sentence when there is none).
    in_title: bool = False
    #: "pair" (a name with the headline's topic or event), "names" (a multi-word name), "name",
    #: "phrase" (a noun phrase), "noun"; "" for the noun phrases of ``suggest_keyphrases``.
    kind: str = ""
    #: A lone common noun too frequent to be searched alone ("pays", "information").
    generic: bool = False
    #: Its occurrences in the text fall within Yoast's density band.
    fits_density: bool = True
    #: Enough sections name it early in a sentence for their headings to carry it (Yoast's
    #: 30 % of subheadings).
    placeable: bool = True
    #: For a pair, the half added to the name: the headline's topic or event ("démission").
    topic: str = ""
    #: Why plume ranks it here (French, then English).
    reason: str = ""
    reason_en: str = ""


class Stats(BaseModel):
    model_config = ConfigDict(frozen=True)
    words: int = 0
    sentences: int = 0
    paragraphs: int = 0
    headings: int = 0
    characters: int = 0


class Report(BaseModel):
    schema_version: str = SCHEMA_VERSION
    source: str
    format: str
    lang: str  # language of the messages: "fr" or "en"
    detected_language: str | None = None
    #: False when the text is not French: only language-independent checks ran.
    full_analysis: bool = True
    brief: Brief | None = None
    keyphrase: str | None = None
    keyphrase_source: str | None = None  # "flag" | "brief" | "suggested" | None
    suggestions: list[KeyphraseSuggestion] = Field(default_factory=list)
    title: str | None = None
    seo_title: str | None = None
    meta_description: str | None = None
    slug: str | None = None
    seo: Score
    readability: Score
    #: Ours (Yoast has no French typography checks): kept apart so ``readability`` stays Yoast's.
    typography: Score | None = None
    checks: list[CheckResult]
    cleaning: list[Change] = Field(default_factory=list)
    cleaning_findings: list[CleaningFinding] = Field(default_factory=list)
    stats: Stats = Field(default_factory=Stats)
    notes: list[str] = Field(default_factory=list)
    text: str = ""  # the cleaned text every span points into

    def failing(self) -> list[CheckResult]:
        order = {Rating.BAD: 0, Rating.OK: 1, Rating.GOOD: 2, Rating.NA: 3}
        return sorted(self.checks, key=lambda c: (order[c.rating], c.category, c.code))


class FindingKind(StrEnum):
    """Where a finding comes from: the stage or the guard that made it."""

    CHECK = "check"  # an analyser check (Yoast's assessments and plume's own)
    CLEANING = "cleaning"  # a defect the cleaner saw and left to the editor
    GUARD = "guard"  # a rewrite constraint: language, leftovers, originality…
    FACT = "fact"  # a number, date, name or quotation no source holds
    GROUNDING = "grounding"  # a statement whose words the sources do not hold
    CONTRADICTION = "contradiction"  # two sources stating a fact differently
    SUPPORT = "support"  # a generated statement no source sentence says


class Severity(StrEnum):
    """How a finding weighs: an error blocks publication, a warning is to check, info is shown."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Finding(BaseModel):
    """One finding of any kind, located where a repair must act: the one type every stage's
    findings become (the report keeps each kind's own JSON for schema stability)."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)
    kind: FindingKind
    code: str  # stable: "SEO-KP-DENSITY", "CL-UNBALANCED-QUOTES", "language", "facts"…
    severity: Severity
    #: "article", "title", "seo_title", "meta_description", "intro", "sections[2]"…
    field: str = "article"
    message: Msg
    hint: Msg | None = None
    spans: tuple[Span, ...] = ()
    excerpt: str = ""
    #: Index of the paragraph inside ``intro`` / ``sections[i]`` (``None`` elsewhere).
    paragraph: int | None = None

    @property
    def blocking(self) -> bool:
        return self.severity is Severity.ERROR
