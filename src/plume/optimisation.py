"""The result of ``plume optimise``: the article, the audits before and after, the fact check.

``report.json`` is this object's JSON (schema ``OPTIMISE_SCHEMA_VERSION``; fields are only
ever added).
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from plume.article import Article
from plume.document import Brief
from plume.report import Report
from plume.verify.facts import FactCheck

OPTIMISE_SCHEMA_VERSION = "0.1"


class Generated(BaseModel):
    """One text a language model proposed, and what became of it."""

    field: str  # "heading", "title", "meta_description"…
    text: str
    accepted: bool
    reasons: list[str] = Field(default_factory=list)


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
