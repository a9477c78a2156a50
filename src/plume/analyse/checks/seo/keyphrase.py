"""SEO checks on the keyphrase itself: given, length, density, in the introduction.

Yoast's KeyphraseLengthAssessment, KeyphraseDensityAssessment and IntroductionKeywordAssessment
(yoastseo 3.6.0). Plume recognises French word forms, so the density uses Yoast's bands for
"morphology available" (0.5–3.5 %). SEO-KP-SPECIFIC (a single overly common word) is plume's own.
"""

from __future__ import annotations

import math
from typing import Any

from plume.analyse.checks.base import Context, Rule, Threshold, Verdict, check
from plume.analyse.checks.seo.common import (
    YOAST,
    topic_phrases,
    verdict,
    word_matches,
)
from plume.analyse.checks.wording import percent_fr, plural_fr, quoted_en, quoted_fr
from plume.analyse.researches import Paragraph, Research
from plume.analyse.suggest import is_generic_keyphrase, search_keyphrases
from plume.report import Category, Msg, Span


def _first_paragraph(r: Research) -> Paragraph | None:
    """The first body block with words (Yoast skips paragraphs holding only images or links)."""
    return next((p for p in r.paragraphs if any(c.isalnum() for c in p.text)), None)


@check(
    Rule(
        code="SEO-KP-GIVEN",
        category=Category.SEO,
        name=Msg("Expression clé définie", "Keyphrase set"),
        what=Msg(
            "Vérifie qu’une expression clé a été donnée (option --keyphrase ou brief) plutôt que "
            "seulement suggérée par plume.",
            "Checks that a keyphrase was given (--keyphrase or the brief) rather than only "
            "suggested by plume.",
        ),
        why=Msg(
            "Tous les contrôles de mots-clés en dépendent : sans expression clé choisie par "
            "l’éditeur, le score SEO mesure une cible devinée. Yoast refuse de calculer le score "
            "sans elle.",
            "Every keyphrase check depends on it: without a keyphrase chosen by the editor the SEO "
            "score measures a guessed target. Yoast will not compute its score without one.",
        ),
        thresholds={},
        example_bad="(aucune expression clé ; plume suggère « trottinettes »)",
        example_good="--keyphrase « trottinettes en libre-service »",
        needs_french=True,
    )
)
def keyphrase_given(r: Research, ctx: Context, rule: Rule) -> Verdict:
    # Yoast KeyphraseLengthAssessment: no keyphrase = −999 ("Set a focus keyphrase in order to
    # calculate your SEO score"). A keyphrase chosen by the editor (flag or brief) is good; one
    # plume only suggested is orange until the editor confirms it.
    kp = (ctx.keyphrase or "").strip()
    if not kp:
        return verdict(
            -999,
            Msg(
                "Aucune expression clé : les contrôles de mots-clés ne peuvent pas être faits.",
                "No keyphrase: the keyphrase checks cannot run.",
            ),
            Msg(
                "Choisissez l’expression que les lecteurs taperont dans Google et passez-la avec "
                "--keyphrase « … » (ou dans le brief).",
                "Choose the phrase readers would type into Google and pass it with "
                '--keyphrase "…" (or in the brief).',
            ),
            value={"keyphrase": None, "source": None},
        )
    given = ctx.keyphrase_source in ("flag", "brief")
    if given:
        return verdict(
            9,
            Msg(f"Expression clé « {kp} » fournie.", f'Keyphrase "{kp}" given.'),
            value={"keyphrase": kp, "source": "given"},
        )
    return verdict(
        6,
        Msg(
            f"Expression clé « {kp} » suggérée par plume, pas confirmée.",
            f'Keyphrase "{kp}" suggested by plume, not confirmed.',
        ),
        Msg(
            f"Confirmez-la avec --keyphrase « {kp} », ou donnez celle que vous visez.",
            f'Confirm it with --keyphrase "{kp}", or give the one you target.',
        ),
        value={"keyphrase": kp, "source": "suggested"},
    )


@check(
    Rule(
        code="SEO-KP-LENGTH",
        category=Category.SEO,
        name=Msg("Longueur de l’expression clé", "Keyphrase length"),
        what=Msg(
            "Compte les mots pleins de l’expression clé (les mots-outils « de », « la », « l’ »… "
            "ne comptent pas).",
            "Counts the keyphrase's content words (function words such as « de », « la », « l’ » "
            "do not count).",
        ),
        why=Msg(
            "Une expression de plus de quatre mots pleins est rarement tapée telle quelle et se "
            "place mal dans le titre, l’intro et les intertitres.",
            "A phrase of more than four content words is rarely typed as such and is hard to place "
            "in the title, the introduction and the subheadings.",
        ),
        thresholds={
            "good_max": Threshold(
                4, YOAST.format("KeyphraseLengthAssessment, recommendedMaximum, 9 points")
            ),
            "ok_max": Threshold(
                8, YOAST.format("KeyphraseLengthAssessment, acceptableMaximum, 6 points; above: 3")
            ),
        },
        example_bad="« les meilleures trottinettes électriques en libre-service à Montréal en 2019 »",
        example_good="« trottinettes en libre-service »",
        needs_keyphrase=True,
    )
)
def keyphrase_length(r: Research, ctx: Context, rule: Rule) -> Verdict:
    assert ctx.keyphrase is not None
    kp = ctx.keyphrase
    words = list(r.matcher(kp).content_words)
    # Yoast counts a hyphenated word's parts ("Jean-Paul" is two words; yoastseo 3.6.0 on the
    # keyphrase "Jean-Paul Delevoye réforme des retraites": 5 content words).
    n = sum(len([p for p in w.split("-") if p]) for w in words)
    value: dict[str, Any] = {"content_words": n, "words": words}
    good_max, ok_max = int(rule.t(ctx, "good_max")), int(rule.t(ctx, "ok_max"))
    if n == 0:
        # Yoast FunctionWordsInKeyphraseAssessment: a keyphrase of function words only is flagged.
        return verdict(
            0,
            Msg(
                f"« {kp} » ne contient que des mots-outils : rien à rechercher.",
                f'"{kp}" holds function words only: nothing to look for.',
            ),
            Msg(
                "Donnez une expression avec au moins un nom, verbe ou adjectif (ex. : « retraites »).",
                "Give a phrase with at least one noun, verb or adjective.",
            ),
            value=value,
        )
    if n <= good_max:
        return verdict(
            9,
            Msg(
                f"L’expression clé compte {n} {plural_fr(n, 'mot plein', 'mots pleins')} : bien.",
                f"The keyphrase has {n} content word{'s' if n > 1 else ''}: good.",
            ),
            value=value,
        )
    return verdict(
        6 if n <= ok_max else 3,
        Msg(
            f"L’expression clé compte {n} mots pleins, au-delà des {good_max} recommandés.",
            f"The keyphrase has {n} content words, more than the recommended {good_max}.",
        ),
        Msg(
            f"Gardez les {good_max} mots les plus recherchés (parmi {quoted_fr(words)}) et mettez le "
            "reste dans le texte.",
            f"Keep the {good_max} most searched words (of {quoted_en(words)}) and put the rest in "
            "the text.",
        ),
        value=value,
    )


def _recommended_count(kp_words: int, density: float, words: int, rounding: str) -> int:
    """yoastseo ``recommendedKeywordCount``: occurrences for a density, at least 2."""
    if words == 0:
        return 0
    count = density * words / (100 * (0.7 + kp_words / 3))
    if count < 2:
        return 2
    return math.ceil(count) if rounding == "min" else math.floor(count)


@check(
    Rule(
        code="SEO-KP-DENSITY",
        category=Category.SEO,
        name=Msg("Densité de l’expression clé", "Keyphrase density"),
        what=Msg(
            "Compte les occurrences de l’expression clé (tous ses mots pleins dans une même phrase, "
            "sous n’importe quelle forme) rapportées au nombre de mots, pondérées par la longueur de "
            "l’expression comme le fait Yoast (× (0,7 + mots pleins / 3)).",
            "Counts the keyphrase occurrences (all its content words in one sentence, any form) "
            "against the word count, weighted by the keyphrase length as Yoast does "
            "(× (0.7 + content words / 3)).",
        ),
        why=Msg(
            "Trop rare, l’expression ne signale pas le sujet ; trop fréquente, le texte sonne "
            "artificiel et ressemble à du bourrage de mots-clés.",
            "Too rare, the phrase does not signal the topic; too frequent, the text reads "
            "unnaturally and looks like keyword stuffing.",
        ),
        thresholds={
            "min": Threshold(
                0.5, YOAST.format("KeyphraseDensityAssessment, minimum 0.5 %, below: 4 points")
            ),
            "max": Threshold(
                3.5,
                YOAST.format(
                    "KeyphraseDensityAssessment, multipleWordForms.maximum 3.5 % (3 % when word "
                    "forms are not recognised; plume recognises French word forms); above: −10"
                ),
            ),
            "way_over": Threshold(
                4, YOAST.format("KeyphraseDensityAssessment, overMaximum 4 %, above: −50")
            ),
            "short_text": Threshold(
                100,
                YOAST.format(
                    "KeyphraseDensityAssessment: under 100 words, 1 occurrence (1–2 above 50 "
                    "words) is right"
                ),
            ),
        },
        example_bad="800 mots, « trottinettes » une seule fois",
        example_good="800 mots, « trottinettes » 5 fois dans des phrases différentes",
        needs_keyphrase=True,
    )
)
def keyphrase_density(r: Research, ctx: Context, rule: Rule) -> Verdict:
    # Yoast counts the keyphrase only (no synonyms) over the whole text; we count over the body
    # blocks (headings aside), the same text ``word_count`` measures, so both sides agree.
    assert ctx.keyphrase is not None
    m = r.matcher(ctx.keyphrase)
    # One span per run of matched words; the count is Yoast's occurrences.
    found = [m.occurrences(p.text, p.start) for p in r.paragraphs]
    spans = [s for _, sp in found for s in sp]
    count, words = sum(n for n, _ in found), r.word_count
    kp_words = max(1, len(m.content_words))
    lo, hi, way = rule.t(ctx, "min"), rule.t(ctx, "max"), rule.t(ctx, "way_over")
    short = int(rule.t(ctx, "short_text"))
    value: dict[str, Any] = {"count": count, "words": words}
    if words == 0:
        return verdict(
            -50,
            Msg(
                "Pas de texte où chercher l’expression clé.",
                "No text to look for the keyphrase in.",
            ),
            Msg("Ajoutez le texte de l’article.", "Add the article's text."),
            value=value,
        )
    if words < short:
        min_count, max_count = 1, (2 if words > 50 else 1)
        value.update(min_count=min_count, max_count=max_count)
        if count == 0:
            yoast = 4
        elif count <= max_count:
            yoast = 9
        else:
            yoast = -10 if count == max_count + 1 else -50
        density = weighted = 100 * count / words
    else:
        density = 100 * count / words
        weighted = density * (0.7 + kp_words / 3)
        min_count = _recommended_count(kp_words, lo, words, "min")
        max_count = _recommended_count(kp_words, hi, words, "max")
        value.update(min_count=min_count, max_count=max_count)
        if count == 0 or weighted < lo or count == 1:
            yoast = 4
        elif lo <= weighted <= hi or (count == 2 and min_count <= 2):
            yoast = 9
        elif weighted <= way:
            yoast = -10
        else:
            yoast = -50
    value.update(density=round(density, 2), weighted_density=round(weighted, 2))
    kp = ctx.keyphrase
    fr_stats = f"« {kp} » : {count} {plural_fr(count, 'occurrence')} pour {words} mots"
    en_stats = f'"{kp}": {count} occurrence{"s" if count != 1 else ""} in {words} words'
    if words >= short:
        fr_stats += f" (densité pondérée {percent_fr(weighted)})"
        en_stats += f" (weighted density {weighted:.1f}%)"
    if yoast == 9:
        return verdict(
            9, Msg(f"{fr_stats} : bien.", f"{en_stats}: good."), spans=spans, value=value
        )
    if yoast == 4:
        need = max(1, min_count - count)
        return verdict(
            4,
            Msg(
                f"{fr_stats} : trop peu (au moins {min_count}).",
                f"{en_stats}: too few (at least {min_count}).",
            ),
            Msg(
                f"Employez l’expression encore {need} fois (visez {min_count} à {max_count} "
                "occurrences), dans des phrases différentes réparties dans le texte.",
                f"Use the phrase {need} more time{'s' if need > 1 else ''} (aim for {min_count} "
                f"to {max_count}), in different sentences spread over the text.",
            ),
            spans=spans,
            value=value,
        )
    extra = count - max_count
    return verdict(
        yoast,
        Msg(
            f"{fr_stats} : trop souvent (au plus {max_count}).",
            f"{en_stats}: too often (at most {max_count}).",
        ),
        Msg(
            f"Retirez {extra} {plural_fr(extra, 'occurrence')} (maximum {max_count}) : remplacez-les "
            "par un synonyme, un pronom ou une reformulation.",
            f"Remove {extra} occurrence{'s' if extra > 1 else ''} (maximum {max_count}): replace "
            "them with a synonym, a pronoun or a rewording.",
        ),
        spans=spans,
        value=value,
    )


@check(
    Rule(
        code="SEO-KP-INTRO",
        category=Category.SEO,
        name=Msg("Expression clé dans l’introduction", "Keyphrase in introduction"),
        what=Msg(
            "Cherche l’expression clé (ou un synonyme) dans le premier paragraphe : tous ses mots "
            "pleins dans une même phrase (vert), dans le paragraphe mais dispersés (orange). "
            "Yoast SEO IntroductionKeywordAssessment : 9, 6, sinon 3.",
            "Looks for the keyphrase (or a synonym) in the first paragraph: all its content words "
            "in one sentence (green), in the paragraph but spread out (orange). Yoast SEO "
            "IntroductionKeywordAssessment: 9, 6, otherwise 3.",
        ),
        why=Msg(
            "Le lecteur et le moteur doivent comprendre le sujet dès les premières lignes.",
            "Readers and search engines should grasp the topic from the first lines.",
        ),
        thresholds={},
        example_bad="Montréal a tranché hier. […] (« trottinettes » n’apparaît qu’au 3e paragraphe)",
        example_good="Montréal met fin aux trottinettes en libre-service dès l’été prochain.",
        needs_keyphrase=True,
    )
)
def keyphrase_intro(r: Research, ctx: Context, rule: Rule) -> Verdict:
    assert ctx.keyphrase is not None
    kp = ctx.keyphrase
    p = _first_paragraph(r)
    if p is None:
        return verdict(
            3,
            Msg("Pas de premier paragraphe.", "No first paragraph."),
            Msg(
                "Ajoutez une introduction qui nomme le sujet.",
                "Add an introduction naming the topic.",
            ),
        )
    para = Span(start=p.start, end=p.end)
    hits = r.matcher(kp, ctx.synonyms).find(p.text, p.start, synonyms=True)
    if hits:
        return verdict(
            9,
            Msg(
                f"« {kp} » figure dans une phrase du premier paragraphe.",
                f'"{kp}" appears in a sentence of the first paragraph.',
            ),
            spans=hits,
            value={"found": "sentence"},
        )
    best_missing: list[str] | None = None
    for phrase in topic_phrases(ctx):
        found, missing = word_matches(r, phrase, p.text)
        if found and not missing:
            word_spans = [s for w in found for s in r.matcher(w).find(p.text, p.start)]
            return verdict(
                6,
                Msg(
                    f"Les mots de « {phrase} » sont dans le premier paragraphe, mais pas dans une "
                    "même phrase.",
                    f'The words of "{phrase}" are in the first paragraph, but not in one sentence.',
                ),
                Msg(
                    f"Réunissez {quoted_fr(found)} dans une même phrase du premier paragraphe, "
                    "idéalement la première.",
                    f"Bring {quoted_en(found)} together in one sentence of the first paragraph, "
                    "ideally the first.",
                ),
                spans=[para, *word_spans],
                value={"found": "paragraph", "phrase": phrase},
            )
        if best_missing is None or len(missing) < len(best_missing):
            best_missing = missing
    missing = best_missing or []
    return verdict(
        3,
        Msg(
            f"« {kp} » n’apparaît pas dans le premier paragraphe"
            + (f" (manque {quoted_fr(missing)})." if missing else "."),
            f'"{kp}" does not appear in the first paragraph'
            + (f" (missing {quoted_en(missing)})." if missing else "."),
        ),
        Msg(
            f"Nommez « {kp} » (ou un synonyme) dans la première phrase de l’article.",
            f'Name "{kp}" (or a synonym) in the article\'s first sentence.',
        ),
        spans=[para],
        value={"found": None, "missing": missing},
    )


@check(
    Rule(
        code="SEO-KP-SPECIFIC",
        category=Category.SEO,
        name=Msg("Expression clé précise", "Specific keyphrase"),
        what=Msg(
            "Vérifie que l’expression clé n’est pas un seul mot trop courant : un nom commun ou un "
            "nom de pays ou de ville parmi les plus fréquents du français (« pays », "
            "« information », « ministre », « France »), ou un sigle de deux lettres (« IA »). "
            "Règle propre à plume, au-delà de Yoast.",
            "Checks that the keyphrase is not a single overly common word: one of the most "
            "frequent French common nouns or country and city names (« pays », « information », "
            "« ministre », « France »), or a two-letter acronym (« IA »). plume's own rule, "
            "beyond Yoast.",
        ),
        why=Msg(
            "Personne ne cherche « ministre » pour lire la démission d’un ministre : un mot aussi "
            "courant désigne des milliers d’articles. Le lecteur tape le sujet et son événement "
            "(« Roman Prymula démission »). Yoast ne le voit pas : il met au vert la densité d’un "
            "mot fréquent.",
            "Nobody searches for « ministre » to read about a minister's resignation: a word this "
            "common names thousands of articles. Readers type the subject and its event "
            "(« Roman Prymula démission »). Yoast does not see it: a frequent word's density is "
            "green.",
        ),
        thresholds={
            "zipf": Threshold(
                4.7,
                "plume's own rule, beyond Yoast: a noun whose forms reach this wordfreq French "
                "Zipf frequency (50 per million words) is too common to be searched alone (fixed "
                "when scripts/build_keyphrase_generic.py builds keyphrase_generic_nouns.txt)",
            ),
            "broad_acronym": Threshold(
                2, "plume's own rule, beyond Yoast: acronyms this short are searched in vain"
            ),
        },
        example_bad="« ministre »",
        example_good="« Roman Prymula démission »",
        needs_keyphrase=True,
    )
)
def keyphrase_specific(r: Research, ctx: Context, rule: Rule) -> Verdict:
    assert ctx.keyphrase is not None
    kp = ctx.keyphrase.strip()
    if not is_generic_keyphrase(kp, broad_acronym=int(rule.t(ctx, "broad_acronym"))):
        return verdict(
            9,
            Msg(
                f"« {kp} » est assez précis pour être recherché.",
                f'"{kp}" is specific enough to be searched.',
            ),
            value={"generic": False},
        )
    # The example: the keyphrase plume would adopt for this text.
    example = next((s.phrase for s in search_keyphrases(r, n=5) if not s.generic), None)
    fr_eg = f", p. ex. « {example} »" if example else " (un nom propre, un événement)"
    en_eg = f', e.g. "{example}"' if example else " (a name, an event)"
    return verdict(
        6,
        Msg(
            f"« {kp} » est un mot seul trop courant : il désigne des milliers d’articles.",
            f'"{kp}" is a single word too common: it names thousands of articles.',
        ),
        Msg(
            f"Précisez : ajoutez le sujet de l’article{fr_eg}.",
            f"Be specific: add the article's subject{en_eg}.",
        ),
        value={"generic": True, "example": example},
    )
