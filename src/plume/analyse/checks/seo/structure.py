"""SEO checks on the text's length (Yoast's and the brief's target) and its single H1.

Yoast's TextLengthAssessment and SingleH1Assessment (yoastseo 3.6.0).
"""

from __future__ import annotations

from plume.analyse.checks.base import Context, Rule, Threshold, Verdict, check, na
from plume.analyse.checks.seo.common import (
    YOAST,
    verdict,
)
from plume.analyse.researches import Research
from plume.report import Category, Msg, Span


@check(
    Rule(
        code="SEO-TEXT-LENGTH",
        category=Category.SEO,
        name=Msg("Longueur du texte", "Text length"),
        what=Msg(
            "Compte les mots du texte (hors titres). Bien à partir de 300, orange de 250 à 299, "
            "rouge en dessous.",
            "Counts the text's words (headings aside). Good from 300, orange 250–299, red below.",
        ),
        why=Msg(
            "Un texte trop court traite rarement un sujet à fond ; Google le classe moins bien.",
            "A text that is too short rarely covers a topic in depth; Google ranks it lower.",
        ),
        thresholds={
            "good": Threshold(
                300, YOAST.format("TextLengthAssessment, recommendedMinimum 300 = 9")
            ),
            "ok": Threshold(
                250, YOAST.format("TextLengthAssessment, slightlyBelowMinimum 250 = 6")
            ),
            "bad": Threshold(200, YOAST.format("TextLengthAssessment, belowMinimum 200 = 3")),
            "very_bad": Threshold(
                100,
                YOAST.format(
                    "TextLengthAssessment, veryFarBelowMinimum 100: 100–199 −10, <100 −20"
                ),
            ),
        },
        example_bad="Une brève de 150 mots.",
        example_good="Un article de 600 mots.",
        needs_french=False,
    )
)
def text_length(r: Research, ctx: Context, rule: Rule) -> Verdict:
    n = r.word_count
    good_n, ok_n = int(rule.t(ctx, "good")), int(rule.t(ctx, "ok"))
    bad_n, very_bad_n = int(rule.t(ctx, "bad")), int(rule.t(ctx, "very_bad"))
    value = {"words": n, "min": good_n}
    if n >= good_n:
        return verdict(9, Msg(f"{n} mots : bien.", f"{n} words: good."), value=value)
    if n >= ok_n:
        yoast = 6
    elif n >= bad_n:
        yoast = 3
    else:
        yoast = -10 if n >= very_bad_n else -20
    return verdict(
        yoast,
        Msg(
            f"{n} mots : en dessous des {good_n} recommandés.",
            f"{n} words: below the recommended {good_n}.",
        ),
        Msg(
            f"Ajoutez au moins {good_n - n} mots : contexte, chiffres, citations, conséquences.",
            f"Add at least {good_n - n} words: context, figures, quotes, consequences.",
        ),
        value=value,
    )


@check(
    Rule(
        code="SEO-TARGET-LENGTH",
        category=Category.SEO,
        name=Msg("Longueur demandée", "Requested length"),
        what=Msg(
            "Compare le nombre de mots à celui demandé par le brief (--min-words). Non évalué sans "
            "objectif.",
            "Compares the word count with the brief's target (--min-words). Not assessed without "
            "a target.",
        ),
        why=Msg(
            "Le brief est la commande : un texte plus court ne la remplit pas.",
            "The brief is the order: a shorter text does not fulfil it.",
        ),
        thresholds={
            "ok_ratio": Threshold(
                5 / 6,
                "plume: Yoast TextLengthAssessment's orange band (250 of 300 words) scaled to the "
                "brief's target",
            ),
        },
        example_bad="Brief : 800 mots ; texte : 520 mots.",
        example_good="Brief : 800 mots ; texte : 830 mots.",
        needs_french=False,
    )
)
def target_length(r: Research, ctx: Context, rule: Rule) -> Verdict:
    target = ctx.brief.min_words if ctx.brief is not None else None
    if not target:
        return na(
            Msg(
                "Non évalué : aucun nombre de mots demandé (--min-words).",
                "Not assessed: no word target (--min-words).",
            )
        )
    n = r.word_count
    value = {"words": n, "target": target}
    if n >= target:
        return verdict(
            9,
            Msg(f"{n} mots pour {target} demandés : bien.", f"{n} words for {target} asked: good."),
            value=value,
        )
    missing = target - n
    return verdict(
        6 if n >= target * rule.t(ctx, "ok_ratio") else 3,
        Msg(
            f"{n} mots pour {target} demandés : il en manque {missing}.",
            f"{n} words for {target} asked: {missing} missing.",
        ),
        Msg(
            f"Ajoutez au moins {missing} mots de fond (faits, contexte, citations) pour atteindre "
            f"{target}.",
            f"Add at least {missing} words of substance (facts, context, quotes) to reach {target}.",
        ),
        value=value,
    )


@check(
    Rule(
        code="SEO-H1-SINGLE",
        category=Category.SEO,
        name=Msg("Un seul titre H1", "Single H1"),
        what=Msg(
            "Compte les titres de niveau 1 de l’article.",
            "Counts the article's level-1 headings.",
        ),
        why=Msg(
            "Le H1 dit aux lecteurs et aux moteurs le sujet de la page ; deux H1 brouillent ce signal.",
            "The H1 tells readers and search engines what the page is about; two H1s blur it.",
        ),
        thresholds={
            "max": Threshold(1, YOAST.format("SingleH1Assessment: at most 1 = 8, more = 1")),
        },
        example_bad="# Titre\n…\n# Autre titre",
        example_good="# Titre\n…\n## Intertitre",
        needs_french=False,
    )
)
def single_h1(r: Research, ctx: Context, rule: Rule) -> Verdict:
    h1s = [h for h in r.headings if h.level == 1]
    limit = int(rule.t(ctx, "max"))
    spans = [Span(start=h.start, end=h.end) for h in h1s]
    if len(h1s) <= limit:
        return verdict(
            8,
            Msg("Un seul H1 ou aucun : bien.", "One H1 at most: good."),
            spans=spans,
            value={"count": len(h1s)},
        )
    return verdict(
        1,
        Msg(f"{len(h1s)} titres H1 dans l’article.", f"{len(h1s)} H1 headings in the article."),
        Msg(
            "Gardez un seul H1 (le titre) et passez les autres en H2.",
            "Keep one H1 (the title) and turn the others into H2s.",
        ),
        spans=spans[limit:],
        value={"count": len(h1s)},
    )
