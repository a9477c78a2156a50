"""The grounding guard: sentences of the body whose content words mostly come from no source
(soft: a statement to check, not a proof)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from functools import lru_cache

from plume.article import Article
from plume.report import Msg
from plume.verification import GuardViolation
from plume.verify.grounding import content_stems, grounded_share
from plume.verify.guards.fields import article_fields, label, quote, trim
from plume.verify.guards.words import SOURCE_CACHE, sentences

__all__ = ["GROUNDED_SOFT", "GROUNDING_MIN_WORDS", "find_ungrounded"]

#: A sentence of the body with fewer than this share of its content words in the sources
#: (:func:`plume.verify.grounding.grounded_share`) is reported as a statement to check: a bar
#: no faithful sentence measured reaches (calibrated with ``bench/grounding_calibration.py``,
#: see docs/calibration.md).
GROUNDED_SOFT = 0.15
#: Shorter sentences are left alone: with 2–3 content words the share jumps by thirds.
GROUNDING_MIN_WORDS = 8


@lru_cache(maxsize=SOURCE_CACHE)
def _source_stems(sources: tuple[str, ...]) -> frozenset[str]:
    return frozenset(content_stems("\n".join(sources)))


def find_ungrounded(
    article: Article,
    sources: Sequence[str],
    *,
    skip: Collection[tuple[str, int | None]] = (),
) -> list[GuardViolation]:
    """Sentences of the body (intro, sections, FAQ answers) of :data:`GROUNDING_MIN_WORDS` words
    or more whose content words are mostly absent from ``sources``: soft violations, one per
    sentence. The fact check catches an invented number or name; this catches a statement made
    of common words that no source makes. Soft because a free rewrite may say a thing in other
    words: it is a sentence to check, not a proof. ``skip``: (field, paragraph) pairs already
    failing for another reason that says more (a paragraph in English shares no word with a
    French source either)."""
    known = _source_stems(tuple(sources))
    if not known:
        return []
    out: list[GuardViolation] = []
    for f in article_fields(article):
        if not f.body or (f.field, f.paragraph) in skip:
            continue
        for s in sentences(f.text):
            if len(s.text.split()) < GROUNDING_MIN_WORDS:
                continue
            share = grounded_share(s.text, known)
            if share is None or share >= GROUNDED_SOFT:
                continue
            where = label(f.field, f.paragraph)
            pct = round(share * 100)
            shown = quote(trim(s.text, 100))
            out.append(
                GuardViolation.of(
                    "grounding",
                    f.field,
                    paragraph=f.paragraph,
                    hard=False,
                    message=Msg(
                        f"Phrase peu appuyée sur les sources ({where.fr}) : {pct} % de "
                        "ses mots pleins s’y trouvent.",
                        f"Sentence barely supported by the sources ({where.en}): {pct}% "
                        "of its content words are in them.",
                    ),
                    excerpt=trim(s.text),
                    hint=Msg(
                        f"La phrase {shown.fr} ne reprend presque rien des sources : "
                        "réécris-la à partir des passages fournis, ou retire-la.",
                        f"The sentence {shown.en} takes almost nothing from the sources: "
                        "rewrite it from the passages given, or remove it.",
                    ),
                )
            )
    return out
