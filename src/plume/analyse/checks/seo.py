"""SEO checks (keyphrase, title, meta, slug, structure, length, links, images)."""

from __future__ import annotations

from plume.analyse.checks.base import Context, Msg, Rule, Threshold, Verdict, bad, check, good
from plume.analyse.researches import Research
from plume.report import Category, Span


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
            "max": Threshold(1, "Yoast SEO, évaluation « Single title » (SingleH1Assessment)"),
        },
        example_bad="# Titre\n…\n# Autre titre",
        example_good="# Titre\n…\n## Intertitre",
        needs_french=False,
    )
)
def single_h1(r: Research, ctx: Context, rule: Rule) -> Verdict:
    h1s = [h for h in r.headings if h.level == 1]
    limit = int(rule.t(ctx, "max"))
    spans = tuple(Span(start=h.start, end=h.end) for h in h1s)
    if len(h1s) <= limit:
        return good(
            Msg("Un seul H1 ou aucun : bien.", "One H1 at most: good."),
            spans=spans,
            value={"count": len(h1s)},
        )
    return bad(
        Msg(f"{len(h1s)} titres H1 dans l’article.", f"{len(h1s)} H1 headings in the article."),
        Msg(
            "Gardez un seul H1 (le titre) et passez les autres en H2.",
            "Keep one H1 (the title) and turn the others into H2s.",
        ),
        spans=spans,
        value={"count": len(h1s)},
    )
