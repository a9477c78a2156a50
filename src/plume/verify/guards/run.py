"""Every guard over an article, into one :class:`~plume.verification.GuardReport`."""

from __future__ import annotations

from collections.abc import Sequence

from plume.article import Article
from plume.verification import ORIGINALITY_CEILING, FactCheck, GuardReport
from plume.verify.guards.facts import facts_violations
from plume.verify.guards.filler import find_filler
from plume.verify.guards.grounding import find_ungrounded
from plume.verify.guards.language import check_language
from plume.verify.guards.leftovers import find_leftovers
from plume.verify.guards.originality import measure_originality, originality_violation
from plume.verify.guards.quotes import find_orphan_quotes
from plume.verify.guards.repetition import find_repetitions
from plume.verify.guards.word_target import check_word_target

__all__ = ["GUARDS", "run_guards"]

#: Names of the guards, in the order :func:`run_guards` runs them.
GUARDS = (
    "leftover",
    "quotes",
    "language",
    "word_target",
    "repetition",
    "filler",
    "originality",
    "grounding",
    "facts",
)


def run_guards(
    article: Article,
    sources: Sequence[str],
    *,
    min_words: int | None = None,
    originality_ceiling: float = ORIGINALITY_CEILING,
    facts: FactCheck | None = None,
    grounding: bool = True,
) -> GuardReport:
    """Every guard over ``article``; ``facts`` (from
    :func:`~plume.verify.guards.facts.check_article_facts` or
    :func:`plume.verify.facts.check_facts`) adds the unsupported facts. ``grounding=False``
    skips :func:`find_ungrounded` — for sources in another language, whose words a French
    article cannot share."""
    language = check_language(article)
    violations = [
        *find_leftovers(article),
        *find_orphan_quotes(article),
        *language,
        *check_word_target(article, min_words),
        *find_repetitions(article),
        *find_filler(article),
    ]
    originality = measure_originality(article, sources, ceiling=originality_ceiling)
    if not originality.ok:
        violations.append(originality_violation(originality))
    if grounding:
        not_french = {(v.field, v.paragraph) for v in language}
        violations += find_ungrounded(article, sources, skip=not_french)
    if facts is not None:
        violations += facts_violations(article, facts)
    return GuardReport(violations=violations, originality=originality)
