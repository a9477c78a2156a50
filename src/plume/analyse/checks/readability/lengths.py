"""Readability checks on lengths: sentences, paragraphs, text between subheadings.

Yoast's SentenceLengthInTextAssessment, ParagraphTooLongAssessment and
SubheadingsDistributionTooLongAssessment (yoastseo 3.6), with their default (French) settings.
"""

from __future__ import annotations

from collections.abc import Sequence

from plume.analyse import formulas as F
from plume.analyse.checks.base import (
    Context,
    Rule,
    Threshold,
    Verdict,
    bad,
    check,
    good,
    na,
    ok,
)
from plume.analyse.checks.readability.common import (
    TOO_SHORT,
    YOAST,
    fewest_to_fix,
    incipit,
    too_little_text,
)
from plume.analyse.checks.wording import (
    num_en,
    num_fr,
    plural_en,
    plural_fr,
)
from plume.analyse.researches import Paragraph, Research, sections
from plume.report import Category, Msg, Rating, Span

# --- RD-SENTENCE-LENGTH ----------------------------------------------------------------------


@check(
    Rule(
        code="RD-SENTENCE-LENGTH",
        category=Category.READABILITY,
        name=Msg("Longueur des phrases", "Sentence length"),
        what=Msg(
            "Mesure la part des phrases de plus de 20 mots.",
            "Measures the share of sentences longer than 20 words.",
        ),
        why=Msg(
            "Une phrase longue oblige à retenir plus d’éléments avant d’en saisir le sens ; "
            "sur écran, le lecteur décroche.",
            "A long sentence makes the reader hold more in mind before getting the point; on "
            "screen, readers drop off.",
        ),
        thresholds={
            "max_words": Threshold(
                20,
                YOAST + "SentenceLengthInTextAssessment, recommendedLength (pas de réglage "
                "propre au français)",
            ),
            "ok_share": Threshold(
                25, YOAST + "SentenceLengthInTextAssessment, slightlyTooMany : vert jusqu’à 25 %"
            ),
            "bad_share": Threshold(
                30,
                YOAST + "SentenceLengthInTextAssessment, farTooMany : orange jusqu’à 30 %, "
                "rouge au-delà",
            ),
        },
        example_bad=(
            "Le conseil municipal, qui s’est réuni hier soir dans la grande salle de la mairie "
            "en présence de nombreux habitants venus exprimer leurs inquiétudes, a finalement "
            "adopté le budget."
        ),
        example_good=(
            "Le conseil municipal s’est réuni hier soir à la mairie. De nombreux habitants "
            "étaient venus dire leurs inquiétudes. Le budget a finalement été adopté."
        ),
        needs_french=False,
    )
)
def sentence_length(r: Research, ctx: Context, rule: Rule) -> Verdict:
    """Yoast: a sentence is too long above 20 words (exactly 20 is fine); the share of long
    sentences is green up to 25 %, orange up to 30 %, red above. Spans: the long sentences."""
    if (short := too_little_text(r)) is not None:
        return short
    sentences = r.sentences
    if not sentences:
        return na(TOO_SHORT)
    max_words = int(rule.t(ctx, "max_words"))
    ok_share, bad_share = rule.t(ctx, "ok_share"), rule.t(ctx, "bad_share")
    lengths = r.sentence_lengths
    long_idx = [i for i, n in enumerate(lengths) if n > max_words]
    share = F.percentage(len(long_idx), len(sentences))
    spans = tuple(Span(start=sentences[i].start, end=sentences[i].end) for i in long_idx)
    value = {
        "share": share,
        "long": len(long_idx),
        "sentences": len(sentences),
        "max_words": max_words,
        "longest": max(lengths),
    }
    n = len(long_idx)
    if share <= ok_share:
        return good(
            Msg(
                f"{num_fr(share)} % des phrases dépassent {max_words} mots "
                f"(maximum recommandé : {num_fr(ok_share)} %) : bien.",
                f"{num_en(share)}% of the sentences exceed {max_words} words "
                f"(recommended maximum: {num_en(ok_share)}%): good.",
            ),
            spans=spans,
            value=value,
        )
    to_fix = fewest_to_fix(n, len(sentences), ok_share)
    message = Msg(
        f"{num_fr(share)} % des phrases dépassent {max_words} mots ({n} sur "
        f"{len(sentences)}), pour un maximum recommandé de {num_fr(ok_share)} %.",
        f"{num_en(share)}% of the sentences exceed {max_words} words ({n} of "
        f"{len(sentences)}), above the recommended maximum of {num_en(ok_share)}%.",
    )
    hint = Msg(
        f"Coupez en deux les phrases surlignées (un point à la place d’une virgule, d’un "
        f"« et » ou d’un « qui »), ou allégez-les : en raccourcir au moins {to_fix} à "
        f"{max_words} mots ou moins ramène la part sous {num_fr(ok_share)} %.",
        f"Split the highlighted sentences in two (a full stop instead of a comma, an “and” "
        f"or a “which”), or trim them: bringing at least {to_fix} of them down to {max_words} "
        f"words or fewer gets the share under {num_en(ok_share)}%.",
    )
    verdict = ok if share <= bad_share else bad
    return verdict(message, hint, spans=spans, value=value)


# --- RD-PARAGRAPH-LENGTH ---------------------------------------------------------------------


@check(
    Rule(
        code="RD-PARAGRAPH-LENGTH",
        category=Category.READABILITY,
        name=Msg("Longueur des paragraphes", "Paragraph length"),
        what=Msg(
            "Repère les paragraphes de plus de 150 mots.",
            "Finds paragraphs longer than 150 words.",
        ),
        why=Msg(
            "Un bloc de texte compact décourage la lecture à l’écran ; un paragraphe par idée "
            "aère la page et guide le lecteur.",
            "A solid block of text discourages reading on screen; one paragraph per idea lets "
            "the page breathe and guides the reader.",
        ),
        thresholds={
            "max_words": Threshold(
                150, YOAST + "ParagraphTooLongAssessment, recommendedLength : vert jusqu’à 150"
            ),
            "bad_words": Threshold(
                200,
                YOAST + "ParagraphTooLongAssessment, maximumRecommendedLength : orange "
                "jusqu’à 200, rouge au-delà",
            ),
        },
        example_bad="Un paragraphe de 220 mots qui enchaîne le contexte, les chiffres, "
        "les réactions et les perspectives sans respiration.",
        example_good="Quatre paragraphes de 40 à 80 mots : le contexte, les chiffres, "
        "les réactions, les perspectives.",
        needs_french=False,
    )
)
def paragraph_length(r: Research, ctx: Context, rule: Rule) -> Verdict:
    """Yoast scores the longest paragraph: ≤ 150 words green, ≤ 200 orange, above red.
    Spans: every paragraph over 150 words. All body blocks count (paragraphs, quotes, list
    items); yoastseo measures ``<p>`` elements, which is what our blocks mostly are."""
    if (short := too_little_text(r)) is not None:
        return short
    max_words = int(rule.t(ctx, "max_words"))
    bad_words = int(rule.t(ctx, "bad_words"))
    measured = [(p, n) for p, n in zip(r.paragraphs, r.paragraph_lengths, strict=True) if n > 0]
    if not measured:
        return na(TOO_SHORT)
    long_ones = [(p, n) for p, n in measured if n > max_words]
    longest = max(n for _, n in measured)
    spans = tuple(Span(start=p.start, end=p.end) for p, _ in long_ones)
    value = {
        "longest": longest,
        "too_long": len(long_ones),
        "paragraphs": len(measured),
        "max_words": max_words,
        "lengths": [n for _, n in long_ones],
    }
    if longest <= max_words:
        return good(
            Msg(
                f"Aucun paragraphe ne dépasse {max_words} mots (le plus long : {longest}) : bien.",
                f"No paragraph exceeds {max_words} words (longest: {longest}): good.",
            ),
            value=value,
        )
    k = len(long_ones)
    message = Msg(
        f"{k} {plural_fr(k, 'paragraphe dépasse', 'paragraphes dépassent')} {max_words} mots "
        f"(le plus long : {longest} mots).",
        f"{k} {plural_en(k, 'paragraph exceeds', 'paragraphs exceed')} {max_words} words "
        f"(longest: {longest} words).",
    )
    hint = Msg(
        f"Coupez chaque paragraphe surligné là où l’idée change, pour qu’aucun ne dépasse "
        f"{max_words} mots.",
        f"Split each highlighted paragraph where the idea changes, so that none exceeds "
        f"{max_words} words.",
    )
    verdict = ok if longest <= bad_words else bad
    return verdict(message, hint, spans=spans, value=value)


# --- RD-SUBHEADINGS --------------------------------------------------------------------------


def _break_points(
    paragraphs: Sequence[Paragraph], lengths: Sequence[int], limit: int
) -> list[Paragraph]:
    """Paragraphs before which a new subheading keeps every part within ``limit`` words."""
    out: list[Paragraph] = []
    run = 0
    for p, n in zip(paragraphs, lengths, strict=True):
        if run and run + n > limit:
            out.append(p)
            run = n
        else:
            run += n
    return out


def _where(paragraphs: Sequence[Paragraph]) -> tuple[str, str]:
    """« … », « … » naming up to three paragraphs, in French and English."""
    names = [incipit(p.text) for p in paragraphs[:3]]
    return (
        ", ".join(f"« {n} »" for n in names),
        ", ".join(f"“{n}”" for n in names),
    )


@check(
    Rule(
        code="RD-SUBHEADINGS",
        category=Category.READABILITY,
        name=Msg("Répartition des intertitres", "Subheading distribution"),
        what=Msg(
            "Vérifie qu’un intertitre (H2 à H6) vient au moins tous les 300 mots, début du "
            "texte compris. Un texte de 300 mots ou moins n’en a pas besoin.",
            "Checks that a subheading (H2–H6) comes at least every 300 words, the opening "
            "included. A text of 300 words or fewer needs none.",
        ),
        why=Msg(
            "Les intertitres permettent de survoler l’article et d’aller à la partie qui "
            "intéresse ; les moteurs de recherche s’en servent pour comprendre sa structure.",
            "Subheadings let readers scan the article and jump to what interests them; search "
            "engines use them to understand its structure.",
        ),
        thresholds={
            "max_words": Threshold(
                300,
                YOAST + "SubheadingsDistributionTooLong, recommendedMaximumLength et "
                "slightlyTooMany : vert jusqu’à 300 mots par section ; un texte de 300 mots "
                "ou moins est toujours vert",
            ),
            "bad_words": Threshold(
                350,
                YOAST + "SubheadingsDistributionTooLong, farTooMany : orange jusqu’à 350, "
                "rouge au-delà ; sans aucun intertitre, score 2",
            ),
        },
        example_bad="Un article de 900 mots sans intertitre.",
        example_good="Le même article découpé par trois intertitres (H2) d’environ 300 mots "
        "chacun.",
        needs_french=False,
    )
)
def subheadings(r: Research, ctx: Context, rule: Rule) -> Verdict:
    """Yoast's SubheadingsDistributionTooLong, step by step (scores 9 / 6 / 3, and 2 for a long
    text without any subheading). Spans: the sections longer than 300 words.

    Deliberate difference: the H1 is not a subheading (yoastseo counts h1–h6, but in WordPress
    the title is outside the analysed text, so this is what Yoast users see).
    """
    if (short := too_little_text(r)) is not None:
        return short
    limit = int(rule.t(ctx, "max_words"))
    far = int(rule.t(ctx, "bad_words"))
    total = r.word_count
    secs = sections(r)
    n_sub = sum(1 for s in secs if s.heading is not None)
    too_long = [s for s in secs if s.words > limit]
    longest = max((s.words for s in secs), default=0)
    spans = tuple(s.span for s in too_long)
    value = {
        "words": total,
        "subheadings": n_sub,
        "sections": [s.words for s in secs],
        "longest": longest,
        "too_long": len(too_long),
        "max_words": limit,
    }
    if total <= limit:
        if n_sub:
            msg = Msg(
                f"Texte court ({total} mots) déjà découpé par des intertitres : bien.",
                f"Short text ({total} words) already split by subheadings: good.",
            )
        else:
            msg = Msg(
                f"Texte court ({total} mots) : des intertitres ne sont pas nécessaires.",
                f"Short text ({total} words): subheadings are not needed.",
            )
        return good(msg, value=value)
    if n_sub == 0:
        fr_where, en_where = _where(_break_points(r.paragraphs, r.paragraph_lengths, limit))
        return Verdict(
            Rating.BAD,
            2,  # Yoast: badLongTextNoSubheadings
            Msg(
                f"Aucun intertitre dans un texte de {total} mots.",
                f"No subheading in a {total}-word text.",
            ),
            Msg(
                f"Ajoutez un intertitre (H2) à chaque changement d’idée, au moins tous les "
                f"{limit} mots : par exemple avant les paragraphes commençant par {fr_where}.",
                f"Add a subheading (H2) wherever the idea changes, at least every {limit} "
                f"words: for instance before the paragraphs starting with {en_where}.",
            )
            if fr_where
            else Msg(
                f"Ajoutez des intertitres (H2) au moins tous les {limit} mots, et coupez les "
                "paragraphes trop longs pour pouvoir les placer.",
                f"Add subheadings (H2) at least every {limit} words, and split the overlong "
                "paragraphs so they can be placed.",
            ),
            spans=spans,
            value=value,
        )
    intro = secs[0] if secs and secs[0].heading is None else None
    if intro is not None and intro.words > limit and len(too_long) < 2:
        fr_where, en_where = _where(_break_points(intro.paragraphs, intro.lengths, limit))
        verdict = ok if intro.words <= far else bad
        return verdict(
            Msg(
                f"Le début du texte, avant le premier intertitre, fait {intro.words} mots "
                f"(plus de {limit}).",
                f"The opening, before the first subheading, runs {intro.words} words (over "
                f"{limit}).",
            ),
            Msg(
                "Ajoutez un intertitre dans ce début de texte"
                + (
                    f", par exemple avant le paragraphe commençant par {fr_where}."
                    if fr_where
                    else "."
                )
                + " Le chapeau peut rester sans intertitre s’il est court.",
                "Add a subheading within this opening"
                + (
                    f", for instance before the paragraph starting with {en_where}."
                    if en_where
                    else "."
                )
                + " A short standfirst can stay without one.",
            ),
            spans=spans,
            value=value,
        )
    if longest <= limit:
        return good(
            Msg(
                f"Intertitres bien répartis : aucune section ne dépasse {limit} mots "
                f"(la plus longue : {longest}).",
                f"Subheadings well spread: no section exceeds {limit} words (longest: {longest}).",
            ),
            value=value,
        )
    k = len(too_long)
    fr_where, en_where = _where(
        [p for s in too_long for p in _break_points(s.paragraphs, s.lengths, limit)]
    )
    message = Msg(
        f"{k} {plural_fr(k, 'section dépasse', 'sections dépassent')} {limit} mots sans "
        f"intertitre (la plus longue : {longest} mots).",
        f"{k} {plural_en(k, 'section exceeds', 'sections exceed')} {limit} words without a "
        f"subheading (longest: {longest} words).",
    )
    hint = Msg(
        "Découpez chaque section surlignée par un intertitre supplémentaire"
        + (f", par exemple avant les paragraphes commençant par {fr_where}." if fr_where else "."),
        "Split each highlighted section with one more subheading"
        + (f", for instance before the paragraphs starting with {en_where}." if en_where else "."),
    )
    verdict = ok if longest <= far else bad
    return verdict(message, hint, spans=spans, value=value)
