"""Guards of rewrite mode: hard constraints an article written by a model must meet.

One pure, deterministic module per guard, each returning located
:class:`~plume.verification.GuardViolation` objects for the repair step; :func:`run_guards`
(:mod:`.run`) runs them all into a :class:`~plume.verification.GuardReport`.
The list of guards: docs/verification.md.
"""

from plume.verification import GuardReport, GuardViolation, Originality
from plume.verify.guards.facts import check_article_facts, fact_hint, facts_violations
from plume.verify.guards.fields import TextField, article_fields, article_text
from plume.verify.guards.filler import find_filler
from plume.verify.guards.grounding import GROUNDED_SOFT, GROUNDING_MIN_WORDS, find_ungrounded
from plume.verify.guards.language import check_language, language_of, languages_of
from plume.verify.guards.leftovers import RECITED_MIN_WORDS, find_leftovers
from plume.verify.guards.originality import (
    MAX_COPIED,
    NGRAM,
    ORIGINALITY_CEILING,
    copied_share,
    measure_originality,
    quoted_tokens,
    source_ngrams,
    source_quotations,
)
from plume.verify.guards.quotes import find_orphan_quotes
from plume.verify.guards.repetition import find_repetitions
from plume.verify.guards.run import GUARDS, run_guards
from plume.verify.guards.word_target import check_word_target

__all__ = [
    "GROUNDED_SOFT",
    "GROUNDING_MIN_WORDS",
    "GUARDS",
    "MAX_COPIED",
    "NGRAM",
    "ORIGINALITY_CEILING",
    "RECITED_MIN_WORDS",
    "GuardReport",
    "GuardViolation",
    "Originality",
    "TextField",
    "article_fields",
    "article_text",
    "check_article_facts",
    "check_language",
    "check_word_target",
    "copied_share",
    "fact_hint",
    "facts_violations",
    "find_filler",
    "find_leftovers",
    "find_orphan_quotes",
    "find_repetitions",
    "find_ungrounded",
    "language_of",
    "languages_of",
    "measure_originality",
    "quoted_tokens",
    "run_guards",
    "source_ngrams",
    "source_quotations",
]
