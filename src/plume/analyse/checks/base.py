"""The check framework: rules with their docs, verdicts, and the registry.

A *rule* is the documented definition of a check (after ruff: the docs live on the rule): stable
code, names and explanations in French and English, default thresholds with their sources, and
the function that judges a :class:`~plume.analyse.researches.Research`. Check functions are pure.
Built-in checks register with :func:`check`, exactly as a plugin would.

Messages are written with plain spaces: a verdict and a rule give their French texts the one
French spacing, :func:`plume.text.french_spacing`, which leaves quoted « … » text as written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from plume.analyse.researches import Research
from plume.document import Brief, Meta
from plume.report import Category, Msg, Rating, Span
from plume.text import french_spacing


@dataclass(frozen=True, slots=True)
class Threshold:
    value: float
    #: Where the number comes from: "Yoast SEO (…)", "Kandel & Moles 1958", "calibrated on …".
    source: str


@dataclass(frozen=True)
class Context:
    """What a check knows besides the text."""

    keyphrase: str | None = None
    #: Where the keyphrase came from: "flag", "brief" or "suggested" (by plume).
    keyphrase_source: str | None = None
    synonyms: tuple[str, ...] = ()
    meta: Meta = field(default_factory=Meta)
    brief: Brief | None = None
    is_french: bool = True
    #: Profile overrides, keyed "CODE.param".
    overrides: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))


def french_msg(msg: Msg) -> Msg:
    """``msg`` with French typography on its French text."""
    return Msg(french_spacing(msg.fr), msg.en)


@dataclass(frozen=True, slots=True)
class Verdict:
    rating: Rating
    score: int  # Yoast 0–9 scale
    message: Msg
    hint: Msg | None = None
    spans: tuple[Span, ...] = ()
    value: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "message", french_msg(self.message))
        if self.hint is not None:
            object.__setattr__(self, "hint", french_msg(self.hint))


CheckFn = Callable[[Research, Context, "Rule"], Verdict]


@dataclass(frozen=True)
class Rule:
    code: str
    category: Category
    name: Msg
    #: What the check measures.
    what: Msg
    #: Why it matters for readers or search engines.
    why: Msg
    thresholds: Mapping[str, Threshold]
    example_bad: str = ""
    example_good: str = ""
    #: False for checks that work on any language (lengths, H1, links, images…).
    needs_french: bool = True
    needs_keyphrase: bool = False
    func: CheckFn | None = None

    def __post_init__(self) -> None:
        for name in ("name", "what", "why"):
            object.__setattr__(self, name, french_msg(getattr(self, name)))

    def t(self, ctx: Context, param: str) -> float:
        """Threshold ``param``, after the profile's overrides."""
        return ctx.overrides.get(f"{self.code}.{param}", self.thresholds[param].value)


REGISTRY: dict[str, Rule] = {}


def check(rule: Rule) -> Callable[[CheckFn], CheckFn]:
    """Register ``rule`` with the decorated function as its judge."""

    def deco(fn: CheckFn) -> CheckFn:
        if rule.code in REGISTRY:
            raise ValueError(f"duplicate check code {rule.code}")
        object.__setattr__(rule, "func", fn)
        REGISTRY[rule.code] = rule
        return fn

    return deco


# Helpers for the common verdicts (Yoast scores: 9 good, 6 ok, 3 bad; see report.CheckResult).
def good(msg: Msg, **kw: Any) -> Verdict:
    return Verdict(Rating.GOOD, 9, msg, **kw)


def ok(msg: Msg, hint: Msg, **kw: Any) -> Verdict:
    return Verdict(Rating.OK, 6, msg, hint, **kw)


def bad(msg: Msg, hint: Msg, **kw: Any) -> Verdict:
    return Verdict(Rating.BAD, 3, msg, hint, **kw)


def na(msg: Msg, **kw: Any) -> Verdict:
    return Verdict(Rating.NA, 0, msg, **kw)
