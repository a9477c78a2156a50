"""Run the registered checks over one document."""

from __future__ import annotations

from dataclasses import dataclass

from plume.analyse import checks  # noqa: F401  (registers the built-in checks)
from plume.analyse.checks.base import REGISTRY, Context, Rule, Verdict, na
from plume.analyse.researches import Research
from plume.analyse.scoring import average_score, readability_score
from plume.report import Category, CheckResult, Msg, Rating, Score

_NOT_FRENCH = Msg(
    "Non évalué : le texte n’est pas en français.",
    "Not assessed: the text is not in French.",
)
_NO_KEYPHRASE = Msg(
    "Non évalué : aucune expression clé (donnez --keyphrase).",
    "Not assessed: no keyphrase (pass --keyphrase).",
)


@dataclass(frozen=True)
class AnalysisResult:
    checks: list[CheckResult]
    seo: Score
    readability: Score
    typography: Score


def _result(rule: Rule, verdict: Verdict, lang: str) -> CheckResult:
    return CheckResult(
        code=rule.code,
        name=rule.name.get(lang),
        category=rule.category,
        rating=verdict.rating,
        score=verdict.score if verdict.rating is not Rating.NA else 0,
        message=verdict.message.get(lang),
        hint=verdict.hint.get(lang) if verdict.hint and verdict.rating is not Rating.GOOD else "",
        spans=list(verdict.spans),
        value=dict(verdict.value),
    )


def run_checks(
    research: Research, ctx: Context, lang: str = "fr", only: set[str] | None = None
) -> AnalysisResult:
    results: list[CheckResult] = []
    for code in sorted(REGISTRY):
        rule = REGISTRY[code]
        if only is not None and code not in only:
            continue
        if rule.needs_french and not ctx.is_french:
            verdict = na(_NOT_FRENCH)
        elif rule.needs_keyphrase and not ctx.keyphrase:
            verdict = na(_NO_KEYPHRASE)
        else:
            assert rule.func is not None
            verdict = rule.func(research, ctx, rule)
        results.append(_result(rule, verdict, lang))
    return AnalysisResult(
        checks=results,
        seo=average_score(r for r in results if r.category is Category.SEO),
        readability=readability_score(r for r in results if r.category is Category.READABILITY),
        typography=average_score(r for r in results if r.category is Category.TYPOGRAPHY),
    )
