"""SEO checks on where the keyphrase appears: SEO title, meta description, slug, subheadings.

Yoast's KeyphraseInSEOTitleAssessment, MetaDescriptionKeywordAssessment, UrlKeywordAssessment
and SubheadingsKeywordAssessment (yoastseo 3.6.0).
"""

from __future__ import annotations

import math
import re
from typing import Any
from urllib.parse import urlsplit

from plume.analyse.checks.base import Context, Rule, Threshold, Verdict, check
from plume.analyse.checks.seo.common import (
    YOAST,
    percent_words,
    seo_title,
    topic_phrases,
    verdict,
    word_matches,
)
from plume.analyse.checks.wording import plural_fr, quoted_en, quoted_fr
from plume.analyse.keyphrase import exact_position
from plume.analyse.researches import Heading, Research
from plume.report import Category, Msg, Span
from plume.text import slugify


def _slug(ctx: Context) -> tuple[str | None, str | None]:
    """The slug and where it comes from: ``--slug``/the source, else the page URL's last segment."""
    if ctx.meta.slug and ctx.meta.slug.strip():
        return ctx.meta.slug.strip(), "meta"
    if ctx.meta.url:
        path = urlsplit(ctx.meta.url).path.rstrip("/")
        last = path.rsplit("/", 1)[-1]
        last = re.sub(r"\.(html?|php|aspx?)$", "", last, flags=re.IGNORECASE)
        if last:
            return last, "url"
    return None, None


@check(
    Rule(
        code="SEO-KP-TITLE",
        category=Category.SEO,
        name=Msg("Expression clé dans le titre SEO", "Keyphrase in SEO title"),
        what=Msg(
            "Cherche l’expression clé telle quelle au début du titre SEO (--title ; à défaut le "
            "H1, comme le modèle de titre par défaut de Yoast). Les mots-outils placés avant "
            "(« Les », « L’ »…) ne comptent pas. Yoast SEO KeyphraseInSEOTitleAssessment : au "
            "début 9 ; ailleurs, ou tous ses mots sous une autre forme, 6 ; sinon 2.",
            "Looks for the exact keyphrase at the start of the SEO title (--title, else the H1, as "
            "Yoast's default title template). Function words before it (« Les », « L’ »…) are "
            "ignored. Yoast SEO KeyphraseInSEOTitleAssessment: at the start 9; elsewhere, or all "
            "its words in another form, 6; otherwise 2.",
        ),
        why=Msg(
            "Le titre est le signal le plus fort pour Google et la première chose lue dans les "
            "résultats ; les mots du début pèsent le plus et ne sont jamais coupés.",
            "The title is the strongest signal for Google and the first thing read in the results; "
            "its first words weigh most and are never cut off.",
        ),
        thresholds={},
        example_bad="Montréal : la fin des trottinettes en libre-service",
        example_good="Trottinettes en libre-service : Montréal y met fin",
        needs_keyphrase=True,
    )
)
def keyphrase_title(r: Research, ctx: Context, rule: Rule) -> Verdict:
    assert ctx.keyphrase is not None
    kp = ctx.keyphrase
    title, source, h1 = seo_title(r, ctx)
    if title is None:
        return verdict(
            2,
            Msg(
                "Ni titre SEO ni H1 : rien à évaluer.", "No SEO title and no H1: nothing to assess."
            ),
            Msg(
                f"Donnez un titre SEO qui commence par « {kp} » (--title) ou ajoutez un H1.",
                f'Give an SEO title starting with "{kp}" (--title) or add an H1.',
            ),
        )
    value: dict[str, Any] = {"title": title, "source": source}
    where = h1.text.find(title) if h1 is not None else -1
    title_span = (
        [Span(start=h1.start + where, end=h1.start + where + len(title))]
        if h1 is not None and where >= 0
        else []
    )
    pos = exact_position(title, kp)
    if pos is not None:
        start, end = pos
        before = title[:start]
        at_start = not r.matcher(before).content_words if before.strip() else True
        value.update(exact=True, position=0 if at_start else start)
        spans = (
            [Span(start=title_span[0].start + start, end=title_span[0].start + end)]
            if title_span
            else []
        )
        if at_start:
            return verdict(
                9,
                Msg(
                    f"Le titre SEO commence par « {kp} ».",
                    f'The SEO title starts with "{kp}".',
                ),
                spans=spans,
                value=value,
            )
        return verdict(
            6,
            Msg(
                f"« {kp} » est dans le titre SEO, mais pas au début.",
                f'"{kp}" is in the SEO title, but not at the start.',
            ),
            Msg(
                # Spaced by hand: french_spacing leaves the inside of a quotation as written.
                f"Placez « {kp} » en tête du titre, ex. : « {kp[:1].upper() + kp[1:]}\u00a0: … ».",
                f'Move "{kp}" to the start of the title.',
            ),
            spans=spans,
            value=value,
        )
    _found, missing = word_matches(r, kp, title)
    value.update(exact=False, missing_words=missing)
    if not missing:
        return verdict(
            6,
            Msg(
                f"Les mots de « {kp} » sont dans le titre SEO, mais pas sous cette forme exacte.",
                f'The words of "{kp}" are in the SEO title, but not in this exact form.',
            ),
            Msg(
                f"Écrivez « {kp} » tel quel, au début du titre.",
                f'Write "{kp}" as is, at the start of the title.',
            ),
            spans=title_span,
            value=value,
        )
    return verdict(
        2,
        Msg(
            f"Il manque {quoted_fr(missing)} au titre SEO « {title} ».",
            f'The SEO title "{title}" lacks {quoted_en(missing)}.',
        ),
        Msg(
            f"Réécrivez le titre pour qu’il commence par « {kp} »"
            + (" (option --title)." if source == "meta" else " (H1, ou --title)."),
            f'Rewrite the title so it starts with "{kp}".',
        ),
        spans=title_span,
        value=value,
    )


@check(
    Rule(
        code="SEO-KP-META",
        category=Category.SEO,
        name=Msg("Expression clé dans la méta-description", "Keyphrase in meta description"),
        what=Msg(
            "Compte les occurrences de l’expression clé (ou d’un synonyme) dans la méta-description.",
            "Counts the keyphrase (or synonym) occurrences in the meta description.",
        ),
        why=Msg(
            "Google met en gras dans l’extrait les mots cherchés : l’expression dans la description "
            "attire le clic. Plus de deux fois, elle sonne comme du bourrage.",
            "Google bolds the searched words in the snippet: the phrase in the description draws "
            "the click. More than twice reads as stuffing.",
        ),
        thresholds={
            "min": Threshold(1, YOAST.format("MetaDescriptionKeywordAssessment: 1–2 = 9, else 3")),
            "max": Threshold(2, YOAST.format("MetaDescriptionKeywordAssessment: over 2 = 3")),
        },
        example_bad="Montréal ne renouvellera pas le projet pilote lancé l’été dernier.",
        example_good="Montréal met fin aux trottinettes en libre-service : ce qui change dès l’été.",
        needs_keyphrase=True,
    )
)
def keyphrase_meta(r: Research, ctx: Context, rule: Rule) -> Verdict:
    assert ctx.keyphrase is not None
    kp = ctx.keyphrase
    desc = (ctx.meta.description or "").strip()
    if not desc:
        return verdict(
            3,
            Msg("Pas de méta-description fournie.", "No meta description given."),
            Msg(
                f"Écrivez une description de 120 à 156 caractères contenant « {kp} » et passez-la "
                "avec --meta « … ».",
                f'Write a 120–156 character description containing "{kp}" and pass it with '
                '--meta "…".',
            ),
            value={"count": 0, "description": None},
        )
    count = r.matcher(kp, ctx.synonyms).count_in(desc, synonyms=True)
    lo, hi = int(rule.t(ctx, "min")), int(rule.t(ctx, "max"))
    value = {"count": count}
    if lo <= count <= hi:
        return verdict(
            9,
            Msg(
                f"« {kp} » figure {count} fois dans la méta-description : bien.",
                f'"{kp}" appears {count} time{"s" if count > 1 else ""} in the meta description: good.',
            ),
            value=value,
        )
    if count == 0:
        return verdict(
            3,
            Msg(
                f"La méta-description ne contient pas « {kp} ».",
                f'The meta description does not contain "{kp}".',
            ),
            Msg(
                f"Réécrivez la description pour y placer « {kp} » une fois, de préférence au début.",
                f'Rewrite the description to include "{kp}" once, preferably early.',
            ),
            value=value,
        )
    return verdict(
        3,
        Msg(
            f"« {kp} » figure {count} fois dans la méta-description (maximum {hi}).",
            f'"{kp}" appears {count} times in the meta description (maximum {hi}).',
        ),
        Msg(
            f"Gardez « {kp} » {hi} fois au plus ; remplacez les autres par des synonymes.",
            f'Keep "{kp}" at most {hi} times; replace the others with synonyms.',
        ),
        value=value,
    )


@check(
    Rule(
        code="SEO-KP-SLUG",
        category=Category.SEO,
        name=Msg("Expression clé dans le slug", "Keyphrase in slug"),
        what=Msg(
            "Cherche les mots pleins de l’expression clé dans le slug (--slug, ou le dernier segment "
            "de l’URL de la page) : tous pour une expression de 1 ou 2 mots, plus de la moitié "
            "au-delà. Sans slug ni URL : orange (Yoast en a toujours un, tiré du titre ; nous ne "
            "l’inventons pas).",
            "Looks for the keyphrase's content words in the slug (--slug, or the page URL's last "
            "segment): all of them for a 1–2 word phrase, more than half beyond. No slug and no "
            "URL: orange (Yoast always has one, made from the title; we do not invent it).",
        ),
        why=Msg(
            "Le slug s’affiche dans les résultats et dans les liens partagés ; il y confirme le sujet.",
            "The slug shows in the results and in shared links, where it confirms the topic.",
        ),
        thresholds={
            "short_phrase": Threshold(
                2, YOAST.format("UrlKeywordAssessment: up to 2 content words, all must match")
            ),
            "share": Threshold(
                50,
                YOAST.format("UrlKeywordAssessment: longer phrases, more than 50 % of the words"),
            ),
        },
        example_bad="montreal-projet-pilote-2019",
        example_good="montreal-fin-trottinettes-libre-service",
        needs_keyphrase=True,
    )
)
def keyphrase_slug(r: Research, ctx: Context, rule: Rule) -> Verdict:
    assert ctx.keyphrase is not None
    kp = ctx.keyphrase
    words = list(r.matcher(kp).content_words)
    suggestion = slugify(" ".join(words))
    slug, source = _slug(ctx)
    if slug is None:
        return verdict(
            6,
            Msg("Aucun slug fourni : contrôle non fait.", "No slug given: not checked."),
            Msg(
                f"Passez le slug de la page avec --slug (suggestion : « {suggestion} »).",
                f'Pass the page slug with --slug (suggestion: "{suggestion}").',
            ),
            value={"slug": None, "suggestion": suggestion},
        )
    matched = [w for w in words if r.matcher(w).slug_match(slug)]
    missing = [w for w in words if w not in matched]
    share = round(100 * len(matched) / len(words)) if words else 0
    value: dict[str, Any] = {
        "slug": slug,
        "source": source,
        "matched": matched,
        "missing": missing,
        "percent": share,
    }
    if len(words) <= int(rule.t(ctx, "short_phrase")):
        good = bool(words) and not missing
    else:
        good = share > rule.t(ctx, "share")
    if good:
        return verdict(
            9,
            Msg(
                f"Le slug « {slug} » reprend « {kp} ».",
                f'The slug "{slug}" contains "{kp}".',
            ),
            value=value,
        )
    return verdict(
        6,
        Msg(
            f"Le slug « {slug} » ne contient pas {quoted_fr(missing)}.",
            f'The slug "{slug}" lacks {quoted_en(missing)}.',
        ),
        Msg(
            f"Renommez le slug avec les mots de l’expression clé, ex. : « {suggestion} ».",
            f'Rename the slug with the keyphrase words, e.g. "{suggestion}".',
        ),
        value=value,
    )


@check(
    Rule(
        code="SEO-KP-SUBHEADINGS",
        category=Category.SEO,
        name=Msg("Expression clé dans les intertitres", "Keyphrase in subheadings"),
        what=Msg(
            "Compte les intertitres H2 et H3 qui reprennent le sujet : plus de la moitié des mots "
            "pleins de l’expression clé ou d’un synonyme. Il en faut 30 à 75 %.",
            "Counts the H2 and H3 subheadings that reflect the topic: more than half the content "
            "words of the keyphrase or of a synonym. 30–75 % of them should.",
        ),
        why=Msg(
            "Les intertitres structurent la page pour le lecteur qui survole et pour Google ; "
            "les reprendre tous sonne répétitif.",
            "Subheadings structure the page for skimming readers and for Google; repeating the "
            "phrase in all of them reads as repetitive.",
        ),
        thresholds={
            "lower": Threshold(
                0.3, YOAST.format("SubHeadingsKeywordAssessment, lowerBoundary 0.3")
            ),
            "upper": Threshold(
                0.75, YOAST.format("SubHeadingsKeywordAssessment, upperBoundary 0.75")
            ),
            "long_text": Threshold(
                300,
                YOAST.format(
                    "SubHeadingsKeywordAssessment: no subheading in 300 words or more = 2, shorter = 9"
                ),
            ),
            "word_share": Threshold(
                50, YOAST.format("matchKeywordInSubheadings: more than 50 % of the content words")
            ),
        },
        example_bad="## Le contexte\n## La décision\n## Les réactions",
        example_good="## Pourquoi les trottinettes disparaissent\n## La décision\n## Les réactions",
        needs_keyphrase=True,
    )
)
def keyphrase_subheadings(r: Research, ctx: Context, rule: Rule) -> Verdict:
    assert ctx.keyphrase is not None
    kp = ctx.keyphrase
    subs = [h for h in r.headings if h.level in (2, 3)]
    words = r.word_count
    if not subs:
        long_text = int(rule.t(ctx, "long_text"))
        if words >= long_text:
            return verdict(
                2,
                Msg(
                    f"Aucun intertitre H2/H3 pour {words} mots.",
                    f"No H2/H3 subheading for {words} words.",
                ),
                Msg(
                    f"Découpez le texte avec des intertitres H2, dont un tiers à trois quarts "
                    f"reprennent « {kp} » ou un synonyme.",
                    f'Split the text with H2 subheadings, a third to three quarters of them using "{kp}" '
                    "or a synonym.",
                ),
                value={"subheadings": 0, "matches": 0, "words": words},
            )
        return verdict(
            9,
            Msg(
                f"Pas d’intertitre, mais le texte est court ({words} mots) : inutile.",
                f"No subheading, but the text is short ({words} words): not needed.",
            ),
            value={"subheadings": 0, "matches": 0, "words": words},
        )
    phrases = topic_phrases(ctx)
    share = rule.t(ctx, "word_share")
    hits = [h for h in subs if percent_words(r, phrases, h.text) > share]
    misses = [h for h in subs if h not in hits]
    n, k = len(subs), len(hits)
    lo = math.ceil(n * rule.t(ctx, "lower"))
    hi = math.floor(n * rule.t(ctx, "upper"))
    value = {"subheadings": n, "matches": k, "min": lo, "max": hi}

    def spans_of(hs: list[Heading]) -> list[Span]:
        return [Span(start=h.start, end=h.end) for h in hs]

    if 0 < k < lo:
        need = lo - k
        return verdict(
            3,
            Msg(
                f"{k} {plural_fr(k, 'intertitre')} sur {n} {plural_fr(k, 'reprend', 'reprennent')} « {kp} » : "
                f"trop peu (au moins {lo}).",
                f'{k} of {n} subheadings use "{kp}": too few (at least {lo}).',
            ),
            Msg(
                f"Reprenez « {kp} » ou un synonyme dans {need} {plural_fr(need, 'intertitre')} de plus parmi ceux "
                "surlignés.",
                f'Use "{kp}" or a synonym in {need} more of the highlighted subheadings.',
            ),
            spans=spans_of(misses),
            value=value,
        )
    if n > 1 and k > hi:
        extra = k - hi
        return verdict(
            3,
            Msg(
                f"{k} intertitres sur {n} reprennent « {kp} » : plus de 75 %, c’est répétitif.",
                f'{k} of {n} subheadings use "{kp}": over 75 %, repetitive.',
            ),
            Msg(
                f"Reformulez {extra} des intertitres surlignés sans l’expression clé.",
                f"Reword {extra} of the highlighted subheadings without the keyphrase.",
            ),
            spans=spans_of(hits),
            value=value,
        )
    if (n == 1 and k == 1) or (k > 0 and lo <= k <= hi):
        return verdict(
            9,
            Msg(
                f"{k} {plural_fr(k, 'intertitre')} sur {n} {plural_fr(k, 'reprend', 'reprennent')} « {kp} » : bien.",
                f'{k} of {n} subheadings use "{kp}": good.',
            ),
            spans=spans_of(hits),
            value=value,
        )
    return verdict(
        3,
        Msg(
            f"Aucun des {n} intertitres H2/H3 ne reprend « {kp} ».",
            f'None of the {n} H2/H3 subheadings uses "{kp}".',
        ),
        Msg(
            f"Reprenez « {kp} » ou un synonyme dans {max(lo, 1)} {plural_fr(max(lo, 1), 'intertitre')} (sur {n}).",
            f'Use "{kp}" or a synonym in {max(lo, 1)} of the {n} subheadings.',
        ),
        spans=spans_of(misses),
        value=value,
    )
