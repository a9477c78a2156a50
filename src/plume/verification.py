"""What verification finds, as plain types every layer can read: the fact check, the guards'
report, the sources' contradictions, and :class:`Verification` (the verify stage's result).

The computing lives in :mod:`plume.verify`; the types live here, at the bottom, so that
``plume.optimisation`` (the ``report.json`` model) needs nothing above it. Their JSON forms are
part of ``report.json``'s stable schema: the bilingual texts are stored as ``*_fr`` / ``*_en``
fields and read as one :class:`~plume.report.Msg`. Their French texts get the one French
spacing, :func:`plume.text.french_spacing`, which leaves the quoted « … » text as written.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator

from plume.report import Finding, Msg, Report, Span
from plume.text import french_spacing

__all__ = [
    "ORIGINALITY_CEILING",
    "Contradiction",
    "Fact",
    "FactCheck",
    "FactKind",
    "FactViolation",
    "GuardReport",
    "GuardViolation",
    "Originality",
    "SourceMatch",
    "SourceValue",
    "Verification",
]

#: Default ceiling on the share of copied 8-word sequences (plume issue 4: 20 %).
ORIGINALITY_CEILING = 0.20


# --------------------------------------------------------------------------------------------
# Facts


class FactKind(StrEnum):
    NUMBER = "number"
    DATE = "date"
    ENTITY = "entity"
    QUOTE = "quote"


class SourceMatch(BaseModel):
    """Where a fact was found: index of the source in the list given, and the span in it."""

    model_config = ConfigDict(frozen=True)
    source: int
    span: Span
    text: str


class Fact(BaseModel):
    """One checkable fact of the output."""

    model_config = ConfigDict(frozen=True)
    kind: FactKind
    text: str  # as written in the output
    #: Normalised value: ``"1300000000 USD"``, ``"2023-11-18"``, ``"sam altman"``…
    value: str
    span: Span  # in the output
    supported: bool = False
    found: SourceMatch | None = None


class FactViolation(BaseModel):
    """A fact of the output that no source supports."""

    model_config = ConfigDict(frozen=True)
    fact: Fact
    reason_fr: str
    reason_en: str

    @field_validator("reason_fr")
    @classmethod
    def _french_typography(cls, value: str) -> str:
        return french_spacing(value)

    @classmethod
    def of(cls, fact: Fact, reason: Msg) -> FactViolation:
        return cls(fact=fact, reason_fr=reason.fr, reason_en=reason.en)

    @property
    def reason_msg(self) -> Msg:
        return Msg(self.reason_fr, self.reason_en)

    def reason(self, lang: str = "fr") -> str:
        return self.reason_msg.get(lang)


class FactCheck(BaseModel):
    model_config = ConfigDict(frozen=True)
    facts: list[Fact] = Field(default_factory=list)
    violations: list[FactViolation] = Field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.violations


# --------------------------------------------------------------------------------------------
# Guards


class GuardViolation(BaseModel):
    """One failed constraint, located where the repair step must act."""

    model_config = ConfigDict(frozen=True)
    guard: str  # one of plume.verify.guards.GUARDS
    #: "title", "seo_title", "meta_description", "slug", "intro", "sections[2].heading",
    #: "sections[2]" (its paragraphs), "faq[0]", "reader_questions[1]", "article" (whole article).
    field: str
    hard: bool  # the article cannot pass while it stands
    message_fr: str
    message_en: str
    excerpt: str  # the offending text, trimmed to ~120 characters
    hint_fr: str  # repair instruction, usable verbatim in a prompt
    hint_en: str
    #: Index of the paragraph inside ``intro`` / ``sections[i]`` (``None`` for other fields).
    paragraph: int | None = None

    @field_validator("message_fr", "hint_fr")
    @classmethod
    def _french_typography(cls, value: str) -> str:
        return french_spacing(value)

    @classmethod
    def of(
        cls,
        guard: str,
        field: str,
        *,
        hard: bool,
        message: Msg,
        hint: Msg,
        excerpt: str = "",
        paragraph: int | None = None,
    ) -> GuardViolation:
        return cls(
            guard=guard,
            field=field,
            hard=hard,
            message_fr=message.fr,
            message_en=message.en,
            excerpt=excerpt,
            hint_fr=hint.fr,
            hint_en=hint.en,
            paragraph=paragraph,
        )

    @property
    def message_msg(self) -> Msg:
        return Msg(self.message_fr, self.message_en)

    @property
    def hint_msg(self) -> Msg:
        return Msg(self.hint_fr, self.hint_en)

    def message(self, lang: str = "fr") -> str:
        return self.message_msg.get(lang)

    def hint(self, lang: str = "fr") -> str:
        return self.hint_msg.get(lang)


class Originality(BaseModel):
    model_config = ConfigDict(frozen=True)
    #: Share of the output's 8-word sequences found verbatim in the sources (0–1).
    share: float
    ceiling: float = ORIGINALITY_CEILING
    #: The longest copied passages, longest first, as the output writes them.
    copied: list[str] = Field(default_factory=list)
    #: The same share per field of the body ("intro", "sections[1]", "faq[0]"), for the repair.
    by_field: dict[str, float] = Field(default_factory=dict)
    #: Number of 8-word sequences of the output measured (0: too short to measure).
    ngrams: int = 0
    #: 8-word sequences left out of the measure because they touch a quotation that a source
    #: quotes too: the fact check demands it word for word, so it cannot also count as copy.
    quoted: int = 0

    @property
    def ok(self) -> bool:
        return self.share <= self.ceiling


class GuardReport(BaseModel):
    model_config = ConfigDict(frozen=True)
    violations: list[GuardViolation] = Field(default_factory=list)
    originality: Originality

    @property
    def passed(self) -> bool:
        """No hard violation (soft ones are reported, not blocking)."""
        return not any(v.hard for v in self.violations)

    @property
    def hard(self) -> list[GuardViolation]:
        return [v for v in self.violations if v.hard]

    def by_field(self) -> dict[str, list[GuardViolation]]:
        out: dict[str, list[GuardViolation]] = {}
        for v in self.violations:
            out.setdefault(v.field, []).append(v)
        return out


# --------------------------------------------------------------------------------------------
# Several sources


class SourceValue(BaseModel):
    """One source's statement of a fact."""

    model_config = ConfigDict(frozen=True)
    source: str  # the source's name, as given
    text: str  # the fact as written ("plus de 700 employés")
    value: str  # normalised value ("700", "13000000000 USD", "2023-11-17")
    excerpt: str  # the clause around it, trimmed


class Contradiction(BaseModel):
    model_config = ConfigDict(frozen=True)
    kind: str  # "number" | "date"
    subject: str  # what the values are about ("employé", "limoger conseil altman")
    values: list[SourceValue] = Field(default_factory=list)
    message_fr: str
    message_en: str

    @field_validator("message_fr")
    @classmethod
    def _french_typography(cls, value: str) -> str:
        return french_spacing(value)

    @property
    def message_msg(self) -> Msg:
        return Msg(self.message_fr, self.message_en)

    def message(self, lang: str = "fr") -> str:
        return self.message_msg.get(lang)


# --------------------------------------------------------------------------------------------
# The verify stage's result


@dataclass(frozen=True)
class Verification:
    """What :func:`plume.verify.verify` found on an article."""

    report: Report  # the analyser's audit of the article (the "after" report)
    facts: FactCheck
    guards: GuardReport | None  # None in faithful mode
    #: Every finding above as the one type :class:`plume.report.Finding`.
    findings: tuple[Finding, ...]
