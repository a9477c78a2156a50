"""Readability indices, informational (score 0): Flesch (Kandel & Moles 1958) and LIX.

Yoast's former fleschReadingEaseAssessment (no longer in yoastseo 3.6's readability score) and
Björnsson's LIX (1968), which needs no syllable count and compares across languages.
"""

from __future__ import annotations

from plume.analyse import formulas as F
from plume.analyse.checks.base import (
    Context,
    Rule,
    Threshold,
    Verdict,
    check,
    na,
)
from plume.analyse.checks.readability.common import (
    TOO_SHORT,
    YOAST,
    too_little_text,
)
from plume.analyse.checks.wording import (
    num_en,
    num_fr,
)
from plume.analyse.researches import Research
from plume.report import Category, Msg, Rating

# --- RD-FLESCH -------------------------------------------------------------------------------


@check(
    Rule(
        code="RD-FLESCH",
        category=Category.INFO,
        name=Msg("Indice de lisibilité de Flesch", "Flesch reading ease"),
        what=Msg(
            "Calcule l’indice de Flesch adapté au français par Kandel et Moles (1958) : "
            "207 − 1,015 × (mots par phrase) − 73,6 × (syllabes par mot). "
            "Plus l’indice est élevé, plus le texte est facile à lire.",
            "Computes Flesch's reading ease adapted to French by Kandel & Moles (1958): "
            "207 − 1.015 × (words per sentence) − 73.6 × (syllables per word). "
            "The higher, the easier to read.",
        ),
        why=Msg(
            "Des phrases courtes et des mots courts se lisent plus vite ; l’indice résume ces "
            "deux facteurs. Yoast ne le compte plus dans son score de lisibilité : il est donné "
            "ici à titre indicatif.",
            "Short sentences and short words are read faster; the index sums up both. Yoast no "
            "longer counts it in its readability score: it is shown here for information.",
        ),
        thresholds={
            "good": Threshold(
                60,
                YOAST + "fleschReadingEaseAssessment : à partir de 60 (« ok »), score 9",
            ),
            "ok": Threshold(
                50,
                YOAST + "fleschReadingEaseAssessment : 50 à 60 (« fairly difficult »), score 6 ; "
                "en dessous, score 3",
            ),
        },
        example_bad=(
            "L’administration préfectorale a procédé à l’harmonisation systématique des "
            "dispositifs réglementaires d’accompagnement socioprofessionnel, nonobstant les "
            "recommandations institutionnelles."
        ),
        example_good=(
            "La préfecture a revu ses règles. Elle aide mieux les chômeurs. "
            "Mais elle suit peu les conseils reçus."
        ),
    )
)
def flesch(r: Research, ctx: Context, rule: Rule) -> Verdict:
    """Informational (``Category.INFO``, score 0): the light follows Yoast's former scoring.

    yoastseo 3.6's readability assessor (``contentAssessor``) no longer includes the Flesch
    assessment, so it must not weigh on our readability score either.
    """
    if (short := too_little_text(r)) is not None:
        return short
    words, sentences, syllables = r.word_count, len(r.sentences), r.syllable_count
    if words == 0 or sentences == 0:
        return na(TOO_SHORT)
    raw = F.flesch_kandel_moles(words, sentences, syllables)
    score = F.yoast_round(F.clamp_flesch(raw))
    band = F.flesch_band(raw)
    wps = words / sentences
    spw = syllables / words
    if score >= rule.t(ctx, "good"):
        rating, yoast_score = Rating.GOOD, 9
    elif score >= rule.t(ctx, "ok"):
        rating, yoast_score = Rating.OK, 6
    else:
        rating, yoast_score = Rating.BAD, 3
    value = {
        "score": score,
        "raw": round(raw, 2),
        "band": band.key,
        "words": words,
        "sentences": sentences,
        "syllables": syllables,
        "words_per_sentence": round(wps, 1),
        "syllables_per_word": round(spw, 2),
        "yoast_score": yoast_score,
    }
    message = Msg(
        f"Indice de Flesch : {num_fr(score)} sur 100, lecture « {band.fr} » "
        f"(niveau : {band.example_fr}). En moyenne {num_fr(wps)} mots par phrase et "
        f"{num_fr(spw, 2)} syllabes par mot.",
        f"Flesch reading ease: {num_en(score)} out of 100, “{band.en}” to read "
        f"(level: {band.example_en}). On average {num_en(wps)} words per sentence and "
        f"{num_en(spw, 2)} syllables per word.",
    )
    if rating is Rating.GOOD:
        return Verdict(rating, 0, message, value=value)
    # Words per sentence that would reach the "good" mark with the same words (solve the formula).
    target = rule.t(ctx, "good")
    wps_needed = (F.KM_BASE - F.KM_SYLLABLE_WEIGHT * spw - target) / F.KM_SENTENCE_WEIGHT
    # Under 5 words per sentence, "shorten the sentences" is no longer a realistic fix: the
    # words themselves are too long, so say that instead.
    if wps_needed >= 5:
        hint = Msg(
            f"Raccourcissez les phrases : pour atteindre {num_fr(target)} avec les mêmes mots, "
            f"il faudrait en moyenne {num_fr(wps_needed)} mots par phrase au plus, contre "
            f"{num_fr(wps)} ici. Préférez aussi des mots courts et courants.",
            f"Shorten the sentences: to reach {num_en(target)} with the same words, they "
            f"should average at most {num_en(wps_needed)} words, against {num_en(wps)} here. "
            "Prefer short, common words too.",
        )
    else:
        hint = Msg(
            f"Les mots sont longs ({num_fr(spw, 2)} syllabes en moyenne) : même des phrases "
            "très courtes ne suffiraient pas. Remplacez les termes techniques et les mots en "
            "-tion, -ment, -ité par des mots plus simples.",
            f"The words are long ({num_en(spw, 2)} syllables on average): even very short "
            "sentences would not be enough. Replace technical terms and long abstract nouns "
            "with simpler words.",
        )
    return Verdict(rating, 0, message, hint, value=value)


# --- RD-LIX ----------------------------------------------------------------------------------


@check(
    Rule(
        code="RD-LIX",
        category=Category.INFO,
        name=Msg("Indice LIX", "LIX readability index"),
        what=Msg(
            "Calcule l’indice LIX de Björnsson (1968) : mots par phrase + pourcentage de mots "
            "longs (plus de 6 lettres). Plus il est bas, plus le texte est facile.",
            "Computes Björnsson's LIX (1968): words per sentence + percentage of long words "
            "(more than 6 letters). The lower, the easier.",
        ),
        why=Msg(
            "LIX ne dépend pas d’un comptage de syllabes : il complète l’indice de Flesch et se "
            "compare d’une langue à l’autre. Indicatif, il n’entre pas dans le score.",
            "LIX needs no syllable count: it complements Flesch and compares across languages. "
            "Informational, it is not part of the score.",
        ),
        thresholds={
            "good_below": Threshold(
                50, "Björnsson 1968 : 40 à 50 = texte de presse courant, au-delà « difficile »"
            ),
            "ok_below": Threshold(60, "Björnsson 1968 : au-delà de 60, « très difficile »"),
        },
        example_bad=(
            "Conformément aux dispositions réglementaires précédemment mentionnées, "
            "l’administration départementale procédera ultérieurement à l’évaluation "
            "approfondie des candidatures."
        ),
        example_good=(
            "Le département étudiera les dossiers plus tard. Il suivra les règles déjà annoncées."
        ),
        needs_french=False,  # designed to compare languages (Björnsson 1968)
    )
)
def lix(r: Research, ctx: Context, rule: Rule) -> Verdict:
    """Informational, like RD-FLESCH: score 0, the light follows Björnsson's scale."""
    if (short := too_little_text(r)) is not None:
        return short
    words, sentences = r.word_count, len(r.sentences)
    if words == 0 or sentences == 0:
        return na(TOO_SHORT)
    long_words = sum(F.count_long_words(p.text) for p in r.paragraphs)
    score = F.lix(words, sentences, long_words)
    shown = F.yoast_round(score)
    band = F.lix_band(score)
    wps = words / sentences
    long_pct = 100.0 * long_words / words
    if score < rule.t(ctx, "good_below"):
        rating = Rating.GOOD
    elif score < rule.t(ctx, "ok_below"):
        rating = Rating.OK
    else:
        rating = Rating.BAD
    value = {
        "score": shown,
        "band": band.key,
        "words": words,
        "sentences": sentences,
        "long_words": long_words,
        "words_per_sentence": round(wps, 1),
        "long_word_share": round(long_pct, 1),
    }
    message = Msg(
        f"LIX : {num_fr(shown)}, texte « {band.fr} » (niveau : {band.example_fr}). "
        f"{num_fr(wps)} mots par phrase, {num_fr(long_pct)} % de mots de plus de 6 lettres.",
        f"LIX: {num_en(shown)}, “{band.en}” text (level: {band.example_en}). "
        f"{num_en(wps)} words per sentence, {num_en(long_pct)}% of words over 6 letters.",
    )
    if rating is Rating.GOOD:
        return Verdict(rating, 0, message, value=value)
    hint = Msg(
        f"Pour descendre sous {num_fr(rule.t(ctx, 'good_below'))}, raccourcissez les phrases "
        f"({num_fr(wps)} mots en moyenne) et remplacez des mots longs par des mots courts "
        f"({num_fr(long_pct)} % des mots dépassent 6 lettres).",
        f"To go below {num_en(rule.t(ctx, 'good_below'))}, shorten the sentences "
        f"({num_en(wps)} words on average) and swap long words for short ones "
        f"({num_en(long_pct)}% of words exceed 6 letters).",
    )
    return Verdict(rating, 0, message, hint, value=value)
