"""SEO checks on the SEO title's width (pixels) and the meta description's length.

Yoast's PageTitleWidthAssessment and MetaDescriptionLengthAssessment (yoastseo 3.6.0).
"""

from __future__ import annotations

import math
import re
from typing import Any

from plume.analyse import pixels
from plume.analyse.checks.base import Context, Rule, Threshold, Verdict, check
from plume.analyse.checks.seo.common import (
    YOAST,
    seo_title,
    verdict,
)
from plume.analyse.checks.wording import plural_fr
from plume.analyse.researches import Research
from plume.report import Category, Msg, Span


@check(
    Rule(
        code="SEO-TITLE-WIDTH",
        category=Category.SEO,
        name=Msg("Largeur du titre SEO", "SEO title width"),
        what=Msg(
            "Mesure la largeur du titre SEO (--title, à défaut le H1) en pixels, en Arial 20 px "
            "comme Yoast et Google (métriques de Liberation Sans, crénage compris).",
            "Measures the SEO title (--title, else the H1) in pixels, in Arial 20 px as Yoast and "
            "Google do (Liberation Sans metrics, kerning included).",
        ),
        why=Msg(
            "Google coupe les titres trop larges par « … » : la fin, souvent l’argument, disparaît.",
            "Google cuts titles that are too wide with '…': the end, often the hook, disappears.",
        ),
        thresholds={
            "max_px": Threshold(
                pixels.SERP_TITLE_MAX_PX,
                YOAST.format("PageTitleWidthAssessment, maxLength 600 px: above 3, none 1, else 9"),
            ),
            "font_px": Threshold(
                pixels.SERP_TITLE_FONT_PX,
                YOAST.format("helpers/createMeasurementElement.js: arial, sans-serif, 20px, 400"),
            ),
        },
        example_bad="Tout ce qu’il faut savoir sur la réforme des retraites en 2024 : calendrier, "
        "âge légal et pension minimale",
        example_good="Réforme des retraites 2024 : calendrier et âge légal",
        needs_french=False,
    )
)
def title_width(r: Research, ctx: Context, rule: Rule) -> Verdict:
    # Yoast's SEO assessor builds PageTitleWidthAssessment with widthTooShort: 9, so a short title is
    # green; only a missing title (1) or one wider than 600 px (3) is red.
    title, source, h1 = seo_title(r, ctx)
    if title is None:
        return verdict(
            1,
            Msg("Ni titre SEO ni H1.", "No SEO title and no H1."),
            Msg(
                "Donnez un titre SEO avec --title « … ».",
                'Give an SEO title with --title "…".',
            ),
        )
    max_px, font_px = rule.t(ctx, "max_px"), rule.t(ctx, "font_px")
    measured = pixels.measure(title, font_px)
    width = math.floor(measured.width + 0.5)  # the browser's offsetWidth is a whole pixel
    spans = [Span(start=h1.start, end=h1.end)] if h1 is not None else []
    value: dict[str, Any] = {
        "width_px": width,
        "max_px": int(max_px),
        "characters": len(pixels.normalise(title)),
        "source": source,
    }
    if measured.unknown:
        value["estimated_characters"] = "".join(sorted(set(measured.unknown)))
    origin_fr = "" if source == "meta" else " (le H1, faute de --title)"
    origin_en = "" if source == "meta" else " (the H1, no --title given)"
    if width <= max_px:
        return verdict(
            9,
            Msg(
                f"Titre SEO{origin_fr} : {width} px sur {int(max_px)} : bien.",
                f"SEO title{origin_en}: {width} px of {int(max_px)}: good.",
            ),
            spans=spans,
            value=value,
        )
    visible = pixels.fit(title, max_px, font_px)
    over = width - int(max_px)
    per_char = measured.width / max(1, value["characters"])
    cut = math.ceil(over / per_char) if per_char else over
    value["visible"] = visible
    return verdict(
        3,
        Msg(
            f"Titre SEO{origin_fr} trop large : {width} px pour {int(max_px)} ; Google n’affichera "
            f"que « {visible} … ».",
            f'SEO title{origin_en} too wide: {width} px for {int(max_px)}; Google will show only "{visible} …".',
        ),
        Msg(
            f"Raccourcissez le titre d’au moins {over} px, soit environ {cut} "
            f"{plural_fr(cut, 'caractère')} : gardez "
            "l’expression clé au début et coupez la fin.",
            f"Shorten the title by at least {over} px, about {cut} characters: keep the keyphrase "
            "first and trim the end.",
        ),
        spans=spans,
        value=value,
    )


def _strip_spaces(text: str) -> str:
    """yoastseo ``stripSpaces``: runs of white space to one space, trimmed."""
    return re.sub(r"\s+", " ", text).strip()


@check(
    Rule(
        code="SEO-META-LENGTH",
        category=Category.SEO,
        name=Msg("Longueur de la méta-description", "Meta description length"),
        what=Msg(
            "Compte les caractères de la méta-description (espaces multiples réduits). "
            "Bien : de 121 à 156.",
            "Counts the meta description's characters (repeated spaces collapsed). Good: 121–156.",
        ),
        why=Msg(
            "Google coupe les descriptions trop longues ; trop courtes, elles laissent de la place "
            "perdue ou Google les remplace par un extrait du texte.",
            "Google truncates long descriptions; short ones waste room or get replaced by an "
            "excerpt of the text.",
        ),
        thresholds={
            "min": Threshold(
                120,
                YOAST.format(
                    "MetaDescriptionLengthAssessment, recommendedMaximumLength 120: 120 or fewer = 6"
                ),
            ),
            "max": Threshold(
                156, YOAST.format("MetaDescriptionLengthAssessment, maximumLength 156: above = 6")
            ),
        },
        example_bad="Montréal arrête les trottinettes.",
        example_good="Montréal ne renouvellera pas le projet pilote de trottinettes en libre-service : "
        "ce qui change pour les usagers dès l’été prochain.",
        needs_french=False,
    )
)
def meta_length(r: Research, ctx: Context, rule: Rule) -> Verdict:
    desc = _strip_spaces(ctx.meta.description or "")
    lo, hi = int(rule.t(ctx, "min")), int(rule.t(ctx, "max"))
    n = len(desc)
    value: dict[str, Any] = {"characters": n, "min": lo + 1, "max": hi}
    if n == 0:
        return verdict(
            1,
            Msg(
                "Aucune méta-description : Google affichera un extrait du texte à la place.",
                "No meta description: Google will show an excerpt of the text instead.",
            ),
            Msg(
                f"Écrivez un résumé de {lo + 1} à {hi} caractères et passez-le avec --meta « … ».",
                f'Write a {lo + 1}–{hi} character summary and pass it with --meta "…".',
            ),
            value=value,
        )
    if n <= lo:
        return verdict(
            6,
            Msg(
                f"Méta-description trop courte : {n} caractères (bien : {lo + 1} à {hi}).",
                f"Meta description too short: {n} characters (good: {lo + 1}–{hi}).",
            ),
            Msg(
                f"Ajoutez au moins {lo + 1 - n} caractères : une précision ou un bénéfice pour le "
                "lecteur.",
                f"Add at least {lo + 1 - n} characters: a detail or a benefit for the reader.",
            ),
            value=value,
        )
    if n > hi:
        return verdict(
            6,
            Msg(
                f"Méta-description trop longue : {n} caractères (maximum {hi}) ; coupée après "
                f"« {desc[: hi - 1].rstrip()}… ».",
                f'Meta description too long: {n} characters (maximum {hi}); cut after "{desc[: hi - 1].rstrip()}…".',
            ),
            Msg(
                f"Retirez au moins {n - hi} caractères.",
                f"Remove at least {n - hi} characters.",
            ),
            value=value,
        )
    return verdict(
        9,
        Msg(
            f"Méta-description de {n} caractères : bien.",
            f"Meta description of {n} characters: good.",
        ),
        value=value,
    )


# -- plume's own checks, beyond Yoast ----------------------------------------------------------

#: The width under which an SEO title leaves room unused: Google shows ≈ 600 px (Yoast's
#: maximum); two thirds of it is where a title stops saying enough (plume's own, issue 16).
SEO_TITLE_MIN_PX = 400


@check(
    Rule(
        code="SEO-TITLE-SHORT",
        category=Category.SEO,
        name=Msg("Titre SEO trop court", "SEO title too short"),
        what=Msg(
            "Mesure la largeur du titre SEO (--title, à défaut le H1) en pixels : sous 400 px, "
            "la place que Google donne au titre est perdue. Règle propre à plume, au-delà de "
            "Yoast (qui met au vert tout titre court).",
            "Measures the SEO title (--title, else the H1) in pixels: under 400 px, the room "
            "Google gives the title is wasted. plume's own rule, beyond Yoast (which rates any "
            "short title green).",
        ),
        why=Msg(
            "Le titre est ce que le lecteur lit d’abord dans les résultats : « Microsoft et "
            "l’IA » n’en dit rien. Un titre qui occupe la ligne dit qui a fait quoi, et il a plus "
            "de chances d’être cliqué.",
            "The title is what readers see first in the results: « Microsoft et l’IA » says "
            "nothing. A title that fills the line says who did what, and gets more clicks.",
        ),
        thresholds={
            "min_px": Threshold(
                SEO_TITLE_MIN_PX,
                "plume's own rule, beyond Yoast: two thirds of the 600 px Google shows "
                "(Yoast PageTitleWidthAssessment's maximum)",
            ),
            "font_px": Threshold(
                pixels.SERP_TITLE_FONT_PX,
                YOAST.format("helpers/createMeasurementElement.js: arial, sans-serif, 20px, 400"),
            ),
        },
        example_bad="Microsoft et l’IA",
        example_good="Crise OpenAI : Microsoft, grand gagnant de l’affaire Altman",
        needs_french=False,
    )
)
def title_short(r: Research, ctx: Context, rule: Rule) -> Verdict:
    title, source, h1 = seo_title(r, ctx)
    if title is None:
        # SEO-TITLE-WIDTH already reports a missing title: not counted twice.
        return verdict(
            9,
            Msg(
                "Ni titre SEO ni H1 : rien de court (la largeur le signale).",
                "No SEO title and no H1: nothing short (the width check reports it).",
            ),
            value={"width_px": 0, "source": None},
        )
    min_px, font_px = rule.t(ctx, "min_px"), rule.t(ctx, "font_px")
    width = math.floor(pixels.measure(title, font_px).width + 0.5)
    spans = [Span(start=h1.start, end=h1.end)] if h1 is not None else []
    value: dict[str, Any] = {"width_px": width, "min_px": int(min_px), "source": source}
    if width >= min_px:
        return verdict(
            9,
            Msg(
                f"Titre SEO de {width} px : il occupe la place (au moins {int(min_px)} px).",
                f"SEO title of {width} px: it uses the room (at least {int(min_px)} px).",
            ),
            spans=spans,
            value=value,
        )
    return verdict(
        6,
        Msg(
            f"Titre SEO court : {width} px pour {pixels.SERP_TITLE_MAX_PX} disponibles.",
            f"Short SEO title: {width} px of the {pixels.SERP_TITLE_MAX_PX} available.",
        ),
        Msg(
            f"Utilisez la place : dites qui a fait quoi, en {int(min_px)} à "
            f"{pixels.SERP_TITLE_MAX_PX} px (l’expression clé au début, l’accroche ensuite).",
            f"Use the room: say who did what, in {int(min_px)}–{pixels.SERP_TITLE_MAX_PX} px "
            "(the keyphrase first, then the hook).",
        ),
        spans=spans,
        value=value,
    )


#: How a whole description ends: a full stop, "!" or "?", or a closing quotation mark or
#: parenthesis after one.
_WHOLE_END = re.compile(r"[.!?][»”\"’)\s\u00a0\u202f]*$|[»”\")]$")


def meta_ends_cut(description: str) -> bool:
    """A description that stops mid-thought: "…" or "..." at its end, or no final punctuation."""
    text = description.rstrip()
    if not text:
        return False
    if text.endswith(("…", "...")):
        return True
    return _WHOLE_END.search(text) is None


@check(
    Rule(
        code="SEO-META-CUT",
        category=Category.SEO,
        name=Msg("Méta-description coupée", "Cut meta description"),
        what=Msg(
            "Vérifie que la méta-description finit une phrase : ni « … » ni « ... » à la fin, "
            "et une ponctuation finale (. ! ?). Règle propre à plume, au-delà de Yoast (qui ne "
            "compte que les caractères).",
            "Checks that the meta description ends a sentence: no '…' or '...' at the end, and "
            "final punctuation (. ! ?). plume's own rule, beyond Yoast (which only counts "
            "characters).",
        ),
        why=Msg(
            "Une description coupée (« Microsoft est intervenu pour récupérer… ») se lit comme "
            "une erreur dans les résultats de recherche : un résumé entier, même un peu court, "
            "dit mieux qui a fait quoi.",
            "A cut description ('Microsoft est intervenu pour récupérer…') reads as a mistake in "
            "the search results: a whole summary, even a little short, says better who did what.",
        ),
        thresholds={
            "cut_marks": Threshold(
                0,
                "plume's own rule, beyond Yoast: no '…' or '...' at the end, and a final . ! or ? "
                "(Google already cuts what is over 156 characters with its own '…')",
            ),
        },
        example_bad="Même si OpenAI est sous les projecteurs, Microsoft est intervenu pour "
        "récupérer…",
        example_good="Microsoft est intervenu pour récupérer les dirigeants évincés et créer une "
        "nouvelle division de recherche en IA dirigée par Altman.",
        needs_french=False,
    )
)
def meta_cut(r: Research, ctx: Context, rule: Rule) -> Verdict:
    desc = _strip_spaces(ctx.meta.description or "")
    if not desc:
        return verdict(
            9,
            Msg(
                "Aucune méta-description : rien de coupé (la longueur le signale).",
                "No meta description: nothing cut (the length check reports it).",
            ),
            value={"cut": False},
        )
    if not meta_ends_cut(desc):
        return verdict(
            9,
            Msg("La méta-description finit sa phrase.", "The meta description ends its sentence."),
            value={"cut": False},
        )
    tail = desc[-40:].lstrip()
    return verdict(
        6,
        Msg(
            f"Méta-description coupée : elle finit sur « …{tail} ».",
            f'Cut meta description: it ends on "…{tail}".',
        ),
        Msg(
            "Finissez la phrase, ou prenez une phrase entière du chapeau qui tienne en 156 "
            "caractères.",
            "End the sentence, or use a whole sentence of the lead that fits in 156 characters.",
        ),
        value={"cut": True},
    )
