"""The result of ``plume optimise``: the article, the audits before and after, the fact check.

``report.json`` is this object's JSON (schema ``OPTIMISE_SCHEMA_VERSION``; fields are only
ever added).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from pydantic import BaseModel, Field

from plume.article import Article
from plume.document import Brief, Meta
from plume.report import Report
from plume.verification import Contradiction, FactCheck, GuardReport

OPTIMISE_SCHEMA_VERSION = "0.1"


class Generated(BaseModel):
    """One text a language model proposed, and what became of it."""

    field: str  # "heading", "title", "meta_description"…
    text: str
    accepted: bool
    reasons: list[str] = Field(default_factory=list)


class Unsupported(BaseModel):
    """A generated statement (title, SEO title, meta-description sentence, heading, FAQ answer)
    that no source sentence says, by the support check (:mod:`plume.verify.support`)."""

    field: str  # "title", "seo_title", "meta_description", "sections[2].heading", "faq[0]"
    text: str
    reason: str  # French
    reason_en: str
    #: The closest source sentence(s), to reword the statement from; None when none is close.
    evidence: str | None = None
    #: Faithful mode took it out of the article (replaced by the source's words): not published.
    withdrawn: bool = False


class Repair(BaseModel):
    """One regeneration: which round, which field, why."""

    round: int
    field: str
    #: What failed: a guard ("language", "facts"…) or an analyser check code.
    codes: list[str] = Field(default_factory=list)
    #: The hints the repair prompt carried.
    reasons: list[str] = Field(default_factory=list)


class UsageLike(Protocol):
    """What :meth:`UsageSummary.of` reads of a backend's usage counter
    (``plume.backends.base.Usage``), named here so this bottom layer imports no backend."""

    @property
    def calls(self) -> int: ...
    @property
    def prompt_tokens(self) -> int: ...
    @property
    def completion_tokens(self) -> int: ...
    @property
    def seconds(self) -> float: ...
    @property
    def cost(self) -> float | None: ...
    @property
    def estimated_calls(self) -> int: ...
    @property
    def per_call(self) -> Sequence[tuple[int, int, float]]: ...


class UsageSummary(BaseModel):
    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0
    cost: float | None = None
    #: Calls whose counts were estimated (the endpoint reported none).
    estimated_calls: int = 0
    per_call: list[tuple[int, int, float]] = Field(default_factory=list)

    @classmethod
    def of(cls, usage: UsageLike) -> UsageSummary:
        return cls(
            calls=usage.calls,
            prompt_tokens=usage.prompt_tokens,
            completion_tokens=usage.completion_tokens,
            seconds=round(usage.seconds, 3),
            cost=usage.cost,
            estimated_calls=usage.estimated_calls,
            per_call=[(a, b, round(c, 3)) for a, b, c in usage.per_call],
        )


class RewriteOutcome(BaseModel):
    """What rewrite mode did, for ``report.json``."""

    passed: bool
    #: "model" (the backend's JSON outline) or "deterministic" (the faithful planner's).
    plan_source: str
    plan_problem: str | None = None
    rounds: int = 0
    repairs: list[Repair] = Field(default_factory=list)
    #: What still fails, one line each (French or English per the settings).
    failures: list[str] = Field(default_factory=list)
    #: Sentences removed, each with why: a fact in it is in no source (the fact), or — a base
    #: model's answers only — too few of its words come from the passage it rewrote.
    removed: list[str] = Field(default_factory=list)
    #: Sources detected in another language than French (translated by the writer).
    translated: list[str] = Field(default_factory=list)
    usage: UsageSummary = Field(default_factory=UsageSummary)
    #: Generated tokens / final article tokens (issue 4's target: ≤ 1.5).
    generation_ratio: float | None = None


class SourceMeta(BaseModel):
    """What the source page says about itself (an HTML page's metadata; ``plume.ingest``):
    the original headline, standfirst, author, dates, site, canonical URL, section and tags.
    Every field is None / empty when the source does not say (a .txt has none of them)."""

    url: str | None = None  # the canonical URL: JSON-LD ``isBasedOn``
    headline: str | None = None
    standfirst: str | None = None
    kicker: str | None = None
    author: str | None = None
    date_published: datetime | None = None
    date_modified: datetime | None = None
    site_name: str | None = None
    section: str | None = None
    categories: list[str] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    image: str | None = None

    @classmethod
    def of(cls, meta: Meta) -> SourceMeta | None:
        """The source's metadata, or None when it says nothing about itself."""
        found = cls(
            url=meta.url,
            headline=meta.headline,
            standfirst=meta.standfirst,
            kicker=meta.kicker,
            author=meta.author,
            date_published=meta.published,
            date_modified=meta.modified,
            site_name=meta.site_name,
            section=meta.section,
            categories=list(meta.categories),
            tags=list(meta.tags),
            image=meta.image,
        )
        return found if found != cls() else None


class SentenceEdit(BaseModel):
    """A long sentence of the source split by faithful mode's editor's pass (issue 18): what it
    was and what it became; ``--keep-sentences`` keeps the author's sentences."""

    kind: str  # "clauses" | "relative"
    before: str
    after: list[str]


class OptimiseReport(BaseModel):
    schema_version: str = OPTIMISE_SCHEMA_VERSION
    mode: str = "faithful"  # "faithful" | "rewrite"
    model: str | None = None  # None with --no-model
    source: str
    brief: Brief | None = None
    keyphrase: str
    keyphrase_source: str | None = None
    synonyms: list[str] = Field(default_factory=list)
    #: "flag" (given) or "suggested" (established by the text itself); None when there are none.
    synonyms_source: str | None = None
    min_words: int | None = None
    words: int
    #: Words still missing to reach the brief's target (0 when reached).
    words_missing: int = 0
    article: Article
    before: Report
    after: Report
    fact_check: FactCheck
    generated: list[Generated] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    #: Every source's name, in order (rewrite mode takes several).
    sources: list[str] = Field(default_factory=list)
    #: Rewrite mode: the guards' verdict, what was repaired, usage; None in faithful mode.
    guards: GuardReport | None = None
    rewrite: RewriteOutcome | None = None
    #: Facts the sources state differently (rewrite mode with several sources).
    contradictions: list[Contradiction] = Field(default_factory=list)
    #: Generated statements no source supports (both modes; empty when all are supported).
    unsupported: list[Unsupported] = Field(default_factory=list)
    #: The (first) source's own metadata, when it has some (an HTML page): the renderers take
    #: ``isBasedOn``, the publisher, the categories and tags from it, and in faithful mode the
    #: author.
    source_meta: SourceMeta | None = None
    #: Faithful mode: the long sentences split, in text order (empty with --keep-sentences).
    edits: list[SentenceEdit] = Field(default_factory=list)

    @property
    def passed(self) -> bool:
        """Faithful mode always "passes" (it never invents); rewrite mode when every hard
        constraint holds."""
        return self.rewrite is None or self.rewrite.passed
