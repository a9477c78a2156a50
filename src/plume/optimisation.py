"""The result of ``plume optimise``: the article, the audits before and after, the fact check.

``report.json`` is this object's JSON (schema ``OPTIMISE_SCHEMA_VERSION``; fields are only
ever added).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from pydantic import BaseModel, Field, computed_field

from plume.article import Article
from plume.document import Brief, Mark, MarkKind, Meta, place_marks
from plume.report import Change, Report
from plume.verification import Contradiction, FactCheck, GuardReport

OPTIMISE_SCHEMA_VERSION = "0.1"


def edit_id(*texts: str) -> str:
    """The stable id of an edit plume applied (issue 18: each can be refused by it, with
    ``--refuse-edit`` or the studio's undo): 12 hex digits of the SHA-256 of its texts, in NFC
    with spaces collapsed — a sentence edit's kind and before, a correction's rule, before and
    after. The same text in the same article has the same id, so runs and versions agree on it."""
    key = "\x1f".join(" ".join(unicodedata.normalize("NFC", t).split()) for t in texts)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


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

    kind: str  # "clauses" | "relative" | "apposition" | "participle" | "active"
    before: str
    after: list[str]
    #: False: a proposal not verified (an active sentence the checks refused), offered to the
    #: editor and not applied.
    applied: bool = True
    #: The editor refused it (its id in ``Settings.refused_edits``): the author's sentence stays.
    refused: bool = False

    @computed_field  # type: ignore[prop-decorator]
    @property
    def id(self) -> str:
        """:func:`edit_id` of the kind and the sentence before the edit (one sentence may be
        turned active, and the active sentence split: two edits)."""
        return edit_id(self.kind, self.before)


class Correction(BaseModel):
    """A grammar or spelling correction the cleaner applied (``COR-*``, :mod:`plume.clean.grammar`),
    with its id to refuse it (``--refuse-edit``); ``count``: how many times in the text."""

    id: str
    rule: str
    before: str
    after: str
    count: int = 1
    #: A few words around its first occurrence, before and after the correction ("dit il
    #: était" → "dit qu’il était"): an inserted "qu’" means nothing alone.
    excerpt_before: str = ""
    excerpt_after: str = ""

    @classmethod
    def grouped(cls, changes: Sequence[tuple[Change, str]]) -> list[Correction]:
        """The ``COR-*`` changes of a cleaning log, each with the text its offset is into (its
        step's input), one per rule, before and after, in the order each first happened."""
        found: dict[str, Correction] = {}
        for c, text in changes:
            if not c.rule.startswith("COR-"):
                continue
            key = edit_id(c.rule, c.before, c.after)
            if key in found:
                found[key].count += 1
                continue
            left, right = _around(text, c.offset, c.offset + len(c.before))
            found[key] = cls(
                id=key,
                rule=c.rule,
                before=c.before,
                after=c.after,
                excerpt_before=f"{left}{c.before}{right}",
                excerpt_after=f"{left}{c.after}{right}",
            )
        return list(found.values())


#: Words shown on each side of a correction, within its line.
_LEFT = re.compile(r"(?:\S+[^\S\n]+){0,3}\S*\Z")
_RIGHT = re.compile(r"\S*(?:[^\S\n]+\S+){0,3}")


def _around(text: str, start: int, end: int) -> tuple[str, str]:
    """Up to three words before ``text[start:end]`` and after it, on its line."""
    left = _LEFT.search(text[:start])
    right = _RIGHT.match(text, end)
    return (left.group() if left else ""), (right.group() if right else "")


def marked_texts(article: Article) -> list[str]:
    """The texts of ``article`` that carry the source's marks, in reading order: the body's
    paragraphs, list items and quotations, then the FAQ's answers (the author's paragraphs in
    an interview). The renderers and the audit of the article place marks in these."""
    return [*article.body_paragraphs(), *(item.answer for item in article.faq)]


class InlineMarks(BaseModel):
    """The source's bold, italics and links (issue 17). The renderers write each one where its
    phrase still is in the article (:func:`plume.document.place_marks`); a mark whose phrase the
    cleaner or the writer changed is dropped, and listed here."""

    marks: list[Mark] = Field(default_factory=list)
    kept: int = 0
    #: The dropped marks: "strong: phrase", "em: phrase", "link: phrase → href".
    dropped: list[str] = Field(default_factory=list)

    @classmethod
    def of(cls, marks: Sequence[Mark], article: Article) -> InlineMarks | None:
        """None when the source has no mark (a plain text)."""
        if not marks:
            return None
        placed = {id(p.mark) for p in place_marks(marks, marked_texts(article))}
        dropped = [
            f"{m.kind.value}: {m.text}" + (f" → {m.href}" if m.kind is MarkKind.LINK else "")
            for m in marks
            if id(m) not in placed
        ]
        return cls(marks=list(marks), kept=len(marks) - len(dropped), dropped=dropped)


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
    #: The source's bold, italics and links, kept and dropped (None: the source has none).
    inline: InlineMarks | None = None
    #: The edit ids the run was asked to refuse (``--refuse-edit``, the studio's undo), sorted:
    #: sentence edits (``edits[].refused``) and the cleaner's corrections (``COR-*``).
    refused_edits: list[str] = Field(default_factory=list)

    #: Faithful mode: the cleaner's grammar and spelling corrections of the source, with their
    #: ids (:meth:`Correction.grouped` of ``before.cleaning``).
    corrections: list[Correction] = Field(default_factory=list)

    @property
    def passed(self) -> bool:
        """Faithful mode always "passes" (it never invents); rewrite mode when every hard
        constraint holds."""
        return self.rewrite is None or self.rewrite.passed
