"""Guards of rewrite mode: hard constraints an article written by a model must meet.

Every guard is a pure, deterministic function over an :class:`~plume.article.Article` (and the
sources) returning :class:`~plume.verification.GuardViolation` objects located in the field
(``"title"``, ``"sections[2].heading"``, ``"sections[2]"`` with a paragraph index…) that the
repair step regenerates. One module per guard (plume issue 4, "Hard constraints"):

* :mod:`.language` — every field in French;
* :mod:`.word_target` — the body reaches the word target;
* :mod:`.repetition` — no repeated or near-duplicate sentence or paragraph;
* :mod:`.filler` — empty phrases ("Il est important de noter que");
* :mod:`.leftovers` — no chat leftovers, placeholders, markup or recited instructions;
* :mod:`.quotes` — every quotation mark has its pair within its part;
* :mod:`.originality` — share of 8-word sequences copied from the sources;
* :mod:`.grounding` — sentences whose words mostly come from no source (soft);
* :mod:`.facts` — every number, date, name and quotation supported by a source.

:func:`run_guards` (:mod:`.run`) runs them all into a :class:`~plume.verification.GuardReport`;
``bench/guards_speed.py`` times them.
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
