"""Builders for the SEO check tests: documents of counted 10-word sentences, one check judged.

Documents are built directly (no ingest), then judged through ``run_checks(only={CODE})`` so the
runner's rules (NA without keyphrase, NA on non-French text) apply as in production. Texts avoid
word forms that only a morphological matcher would link (plural vs singular, elision), except in
the ``test_morphology_*`` tests, which need the real French ``KeyphraseMatcher``.
"""

from __future__ import annotations

from collections.abc import Sequence

from plume.analyse.checks.base import Context
from plume.analyse.researches import Research
from plume.analyse.runner import run_checks
from plume.document import Block, BlockKind, Brief, Document, Image, Link, Meta, Source
from plume.report import CheckResult, Rating

KP = "trottinettes électriques"
#: 10 words, no keyphrase word, no apostrophe or hyphen (word counts stay unambiguous).
FILLER = "Le conseil municipal a voté le nouveau budget lundi soir."
#: 10 words, one keyphrase occurrence (both content words in one sentence).
KP_SENTENCE = "Les trottinettes électriques encombrent les trottoirs depuis deux longues années."
#: 10 words, the one-word keyphrase "trottinettes" once.
TROTT_SENTENCE = "Les trottinettes encombrent les trottoirs du centre depuis deux ans."


def h(text: str, level: int = 2) -> Block:
    return Block(BlockKind.HEADING, text, level)


def p(text: str) -> Block:
    return Block(BlockKind.PARAGRAPH, text)


def sentences(kp_sentence: str, hits: int, total: int, per_par: int = 5) -> list[Block]:
    """``total`` 10-word sentences, ``hits`` of them ``kp_sentence``, spread evenly, in paragraphs."""
    sents = [FILLER] * total
    if hits:
        step = total / hits
        for i in range(hits):
            sents[int(i * step)] = kp_sentence
    return [p(" ".join(sents[i : i + per_par])) for i in range(0, total, per_par)]


def doc(
    *blocks: Block,
    fmt: str = "md",
    meta: Meta | None = None,
    links: Sequence[Link] = (),
    images: Sequence[Image] = (),
) -> Document:
    return Document(
        blocks=tuple(blocks),
        source=Source("test", fmt),
        meta=meta or Meta(),
        links=tuple(links),
        images=tuple(images),
    )


def judge(
    code: str,
    d: Document,
    keyphrase: str | None = KP,
    *,
    synonyms: tuple[str, ...] = (),
    brief: Brief | None = None,
    french: bool = True,
    source: str = "flag",
) -> CheckResult:
    ctx = Context(
        keyphrase=keyphrase,
        keyphrase_source=source if keyphrase else None,
        synonyms=synonyms,
        meta=d.meta,
        brief=brief if brief is not None else Brief(keyphrase=keyphrase),
        is_french=french,
    )
    (result,) = run_checks(Research(d), ctx, only={code}).checks
    assert result.code == code
    return result


def assert_light(result: CheckResult, rating: Rating, score: int) -> None:
    assert (result.rating, result.score) == (rating, score), result.message
    if rating in (Rating.OK, Rating.BAD):
        assert result.hint, "a failing check must say what to do"
    else:
        assert result.hint == ""


#: A meta description with the keyphrase once.
GOOD_META = (
    "Paris met fin aux trottinettes électriques en libre-service : ce qui change pour les usagers "
    "dès la rentrée prochaine."
)


def titled(title: str | None, *blocks: Block) -> Document:
    """A document with SEO title ``title`` (one filler paragraph unless ``blocks``)."""
    return doc(*(blocks or (p(FILLER),)), meta=Meta(title=title))
