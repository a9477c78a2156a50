"""Readability checks: yoastseo's readability assessments, with their French configuration.

Each check reproduces one yoastseo assessment: same measure, same bands, same 0–9 scores, so the
aggregate (``analyse/scoring.py``) can follow Yoast's method. The numbers were read in yoastseo's
source (``packages/yoastseo/src/scoring/assessments/readability/``) and checked against the
release installed for the benchmark (yoastseo 3.6.0, ``bench/yoast/node_modules/yoastseo``):
yoastseo's French researcher (``languages/fr/Researcher.js``) overrides none of these
assessments' settings (no ``sentenceLength``, ``paragraphLength``, ``subheadingsTooLong`` or
``assessmentApplicability`` entry), so French uses the defaults quoted below. Only the sentence
beginnings have French data (``firstWordExceptions``).

Where we deliberately differ from yoastseo, the check's docstring says so and why.

Counting conventions:

* Words are counted as editors and yoastseo count them (``text.count_words``: whitespace-delimited,
  punctuation alone is not a word), so "l’entreprise" is one word, as in yoastseo's ``getWords``.
* Sentences are ``Research.sentences``: body text only (headings are not prose).
* Percentages are rounded like yoastseo's ``formatNumber`` before they are compared with a band.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TypeVar, cast

from plume import text as T
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
from plume.analyse.checks.wording import fr_msg as _m
from plume.analyse.checks.wording import message_spacing
from plume.analyse.checks.wording import num_en as _num_en
from plume.analyse.checks.wording import num_fr as _num_fr
from plume.analyse.checks.wording import plural_en as _plural_en
from plume.analyse.checks.wording import plural_fr as _plural_fr
from plume.analyse.researches import Heading, Paragraph, Research
from plume.document import BlockKind
from plume.report import Category, Msg, Rating, Span

_YOAST = "Yoast SEO (yoastseo 3.6), "

#: yoastseo ``Assessment.hasEnoughContentForAssessment``: below 50 characters of text the
#: readability assessments are not shown.
MIN_CHARS = 50

_TOO_SHORT = Msg(
    message_spacing("Non évalué : moins de 50 caractères de texte."),
    "Not assessed: less than 50 characters of text.",
)


# --- Small helpers ---------------------------------------------------------------------------


def _incipit(text: str, n: int = 6) -> str:
    """The first ``n`` words of ``text``, to name a paragraph in a hint."""
    words = text.split()
    head = " ".join(words[:n])
    return head + ("…" if len(words) > n else "")


def _too_little_text(r: Research) -> Verdict | None:
    if sum(len(p.text.strip()) for p in r.paragraphs) < MIN_CHARS:
        return na(_TOO_SHORT)
    return None


_V = TypeVar("_V")


def _memo(r: Research, key: str, compute: Callable[[], _V]) -> _V:
    """Compute once per document what several checks need (same pattern as
    ``Research.matcher``: the cache lives on the research, so it dies with the document)."""
    store: dict[str, object] = r.__dict__.setdefault("_readability_memo", {})
    if key not in store:
        store[key] = compute()
    return cast(_V, store[key])


def sentence_lengths(r: Research) -> list[int]:
    """Words in each of ``r.sentences`` (editor's count, see the module docstring)."""
    return _memo(r, "sentence_lengths", lambda: [T.count_words(s.text) for s in r.sentences])


def paragraph_lengths(r: Research) -> list[int]:
    """Words in each of ``r.paragraphs``."""
    return _memo(r, "paragraph_lengths", lambda: [T.count_words(p.text) for p in r.paragraphs])


def sentence_paragraphs(r: Research) -> list[int]:
    """Index into ``r.paragraphs`` of the paragraph holding each of ``r.sentences``."""

    def compute() -> list[int]:
        starts = [p.start for p in r.paragraphs]
        return [bisect.bisect_right(starts, s.start) - 1 for s in r.sentences]

    return _memo(r, "sentence_paragraphs", compute)


def _fewest_to_fix(bad_count: int, total: int, max_pct: float) -> int:
    """How many offending sentences must go so the share drops to ``max_pct``."""
    k = 0
    while k < bad_count and F.percentage(bad_count - k, total) > max_pct:
        k += 1
    return k


# --- RD-FLESCH -------------------------------------------------------------------------------


@check(
    Rule(
        code="RD-FLESCH",
        category=Category.INFO,
        name=Msg("Indice de lisibilité de Flesch", "Flesch reading ease"),
        what=_m(
            "Calcule l’indice de Flesch adapté au français par Kandel et Moles (1958) : "
            "207 − 1,015 × (mots par phrase) − 73,6 × (syllabes par mot). "
            "Plus l’indice est élevé, plus le texte est facile à lire.",
            "Computes Flesch's reading ease adapted to French by Kandel & Moles (1958): "
            "207 − 1.015 × (words per sentence) − 73.6 × (syllables per word). "
            "The higher, the easier to read.",
        ),
        why=_m(
            "Des phrases courtes et des mots courts se lisent plus vite ; l’indice résume ces "
            "deux facteurs. Yoast ne le compte plus dans son score de lisibilité : il est donné "
            "ici à titre indicatif.",
            "Short sentences and short words are read faster; the index sums up both. Yoast no "
            "longer counts it in its readability score: it is shown here for information.",
        ),
        thresholds={
            "good": Threshold(
                60,
                _YOAST + "fleschReadingEaseAssessment : à partir de 60 (« ok »), score 9",
            ),
            "ok": Threshold(
                50,
                _YOAST + "fleschReadingEaseAssessment : 50 à 60 (« fairly difficult »), score 6 ; "
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
    if (short := _too_little_text(r)) is not None:
        return short
    words, sentences, syllables = r.word_count, len(r.sentences), r.syllable_count
    if words == 0 or sentences == 0:
        return na(_TOO_SHORT)
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
    message = _m(
        f"Indice de Flesch : {_num_fr(score)} sur 100, lecture « {band.fr} » "
        f"(niveau : {band.example_fr}). En moyenne {_num_fr(wps)} mots par phrase et "
        f"{_num_fr(spw, 2)} syllabes par mot.",
        f"Flesch reading ease: {_num_en(score)} out of 100, “{band.en}” to read "
        f"(level: {band.example_en}). On average {_num_en(wps)} words per sentence and "
        f"{_num_en(spw, 2)} syllables per word.",
    )
    if rating is Rating.GOOD:
        return Verdict(rating, 0, message, value=value)
    # Words per sentence that would reach the "good" mark with the same words (solve the formula).
    target = rule.t(ctx, "good")
    wps_needed = (F.KM_BASE - F.KM_SYLLABLE_WEIGHT * spw - target) / F.KM_SENTENCE_WEIGHT
    # Under 5 words per sentence, "shorten the sentences" is no longer a realistic fix: the
    # words themselves are too long, so say that instead.
    if wps_needed >= 5:
        hint = _m(
            f"Raccourcissez les phrases : pour atteindre {_num_fr(target)} avec les mêmes mots, "
            f"il faudrait en moyenne {_num_fr(wps_needed)} mots par phrase au plus, contre "
            f"{_num_fr(wps)} ici. Préférez aussi des mots courts et courants.",
            f"Shorten the sentences: to reach {_num_en(target)} with the same words, they "
            f"should average at most {_num_en(wps_needed)} words, against {_num_en(wps)} here. "
            "Prefer short, common words too.",
        )
    else:
        hint = _m(
            f"Les mots sont longs ({_num_fr(spw, 2)} syllabes en moyenne) : même des phrases "
            "très courtes ne suffiraient pas. Remplacez les termes techniques et les mots en "
            "-tion, -ment, -ité par des mots plus simples.",
            f"The words are long ({_num_en(spw, 2)} syllables on average): even very short "
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
        what=_m(
            "Calcule l’indice LIX de Björnsson (1968) : mots par phrase + pourcentage de mots "
            "longs (plus de 6 lettres). Plus il est bas, plus le texte est facile.",
            "Computes Björnsson's LIX (1968): words per sentence + percentage of long words "
            "(more than 6 letters). The lower, the easier.",
        ),
        why=_m(
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
    if (short := _too_little_text(r)) is not None:
        return short
    words, sentences = r.word_count, len(r.sentences)
    if words == 0 or sentences == 0:
        return na(_TOO_SHORT)
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
    message = _m(
        f"LIX : {_num_fr(shown)}, texte « {band.fr} » (niveau : {band.example_fr}). "
        f"{_num_fr(wps)} mots par phrase, {_num_fr(long_pct)} % de mots de plus de 6 lettres.",
        f"LIX: {_num_en(shown)}, “{band.en}” text (level: {band.example_en}). "
        f"{_num_en(wps)} words per sentence, {_num_en(long_pct)}% of words over 6 letters.",
    )
    if rating is Rating.GOOD:
        return Verdict(rating, 0, message, value=value)
    hint = _m(
        f"Pour descendre sous {_num_fr(rule.t(ctx, 'good_below'))}, raccourcissez les phrases "
        f"({_num_fr(wps)} mots en moyenne) et remplacez des mots longs par des mots courts "
        f"({_num_fr(long_pct)} % des mots dépassent 6 lettres).",
        f"To go below {_num_en(rule.t(ctx, 'good_below'))}, shorten the sentences "
        f"({_num_en(wps)} words on average) and swap long words for short ones "
        f"({_num_en(long_pct)}% of words exceed 6 letters).",
    )
    return Verdict(rating, 0, message, hint, value=value)


# --- RD-SENTENCE-LENGTH ----------------------------------------------------------------------


@check(
    Rule(
        code="RD-SENTENCE-LENGTH",
        category=Category.READABILITY,
        name=Msg("Longueur des phrases", "Sentence length"),
        what=_m(
            "Mesure la part des phrases de plus de 20 mots.",
            "Measures the share of sentences longer than 20 words.",
        ),
        why=_m(
            "Une phrase longue oblige à retenir plus d’éléments avant d’en saisir le sens ; "
            "sur écran, le lecteur décroche.",
            "A long sentence makes the reader hold more in mind before getting the point; on "
            "screen, readers drop off.",
        ),
        thresholds={
            "max_words": Threshold(
                20,
                _YOAST + "SentenceLengthInTextAssessment, recommendedLength (pas de réglage "
                "propre au français)",
            ),
            "ok_share": Threshold(
                25, _YOAST + "SentenceLengthInTextAssessment, slightlyTooMany : vert jusqu’à 25 %"
            ),
            "bad_share": Threshold(
                30,
                _YOAST + "SentenceLengthInTextAssessment, farTooMany : orange jusqu’à 30 %, "
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
    if (short := _too_little_text(r)) is not None:
        return short
    sentences = r.sentences
    if not sentences:
        return na(_TOO_SHORT)
    max_words = int(rule.t(ctx, "max_words"))
    ok_share, bad_share = rule.t(ctx, "ok_share"), rule.t(ctx, "bad_share")
    lengths = sentence_lengths(r)
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
            _m(
                f"{_num_fr(share)} % des phrases dépassent {max_words} mots "
                f"(maximum recommandé : {_num_fr(ok_share)} %) : bien.",
                f"{_num_en(share)}% of the sentences exceed {max_words} words "
                f"(recommended maximum: {_num_en(ok_share)}%): good.",
            ),
            spans=spans,
            value=value,
        )
    to_fix = _fewest_to_fix(n, len(sentences), ok_share)
    message = _m(
        f"{_num_fr(share)} % des phrases dépassent {max_words} mots ({n} sur "
        f"{len(sentences)}), pour un maximum recommandé de {_num_fr(ok_share)} %.",
        f"{_num_en(share)}% of the sentences exceed {max_words} words ({n} of "
        f"{len(sentences)}), above the recommended maximum of {_num_en(ok_share)}%.",
    )
    hint = _m(
        f"Coupez en deux les phrases surlignées (un point à la place d’une virgule, d’un "
        f"« et » ou d’un « qui »), ou allégez-les : en raccourcir au moins {to_fix} à "
        f"{max_words} mots ou moins ramène la part sous {_num_fr(ok_share)} %.",
        f"Split the highlighted sentences in two (a full stop instead of a comma, an “and” "
        f"or a “which”), or trim them: bringing at least {to_fix} of them down to {max_words} "
        f"words or fewer gets the share under {_num_en(ok_share)}%.",
    )
    verdict = ok if share <= bad_share else bad
    return verdict(message, hint, spans=spans, value=value)


# --- RD-PARAGRAPH-LENGTH ---------------------------------------------------------------------


@check(
    Rule(
        code="RD-PARAGRAPH-LENGTH",
        category=Category.READABILITY,
        name=Msg("Longueur des paragraphes", "Paragraph length"),
        what=_m(
            "Repère les paragraphes de plus de 150 mots.",
            "Finds paragraphs longer than 150 words.",
        ),
        why=_m(
            "Un bloc de texte compact décourage la lecture à l’écran ; un paragraphe par idée "
            "aère la page et guide le lecteur.",
            "A solid block of text discourages reading on screen; one paragraph per idea lets "
            "the page breathe and guides the reader.",
        ),
        thresholds={
            "max_words": Threshold(
                150, _YOAST + "ParagraphTooLongAssessment, recommendedLength : vert jusqu’à 150"
            ),
            "bad_words": Threshold(
                200,
                _YOAST + "ParagraphTooLongAssessment, maximumRecommendedLength : orange "
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
    if (short := _too_little_text(r)) is not None:
        return short
    max_words = int(rule.t(ctx, "max_words"))
    bad_words = int(rule.t(ctx, "bad_words"))
    measured = [(p, n) for p, n in zip(r.paragraphs, paragraph_lengths(r), strict=True) if n > 0]
    if not measured:
        return na(_TOO_SHORT)
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
            _m(
                f"Aucun paragraphe ne dépasse {max_words} mots (le plus long : {longest}) : bien.",
                f"No paragraph exceeds {max_words} words (longest: {longest}): good.",
            ),
            value=value,
        )
    k = len(long_ones)
    message = _m(
        f"{k} {_plural_fr(k, 'paragraphe dépasse', 'paragraphes dépassent')} {max_words} mots "
        f"(le plus long : {longest} mots).",
        f"{k} {_plural_en(k, 'paragraph exceeds', 'paragraphs exceed')} {max_words} words "
        f"(longest: {longest} words).",
    )
    hint = _m(
        f"Coupez chaque paragraphe surligné là où l’idée change, pour qu’aucun ne dépasse "
        f"{max_words} mots.",
        f"Split each highlighted paragraph where the idea changes, so that none exceeds "
        f"{max_words} words.",
    )
    verdict = ok if longest <= bad_words else bad
    return verdict(message, hint, spans=spans, value=value)


# --- RD-SUBHEADINGS --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Section:
    """Body text under one subheading (``heading`` is None for the text before the first)."""

    heading: Heading | None
    paragraphs: tuple[Paragraph, ...]
    words: int
    #: Words in each of ``paragraphs``.
    lengths: tuple[int, ...] = ()

    @property
    def span(self) -> Span:
        """From the subheading (or the first paragraph) to the end of the last paragraph."""
        first = self.paragraphs[0] if self.paragraphs else None
        start = self.heading.start if self.heading is not None else first.start if first else 0
        if self.paragraphs:
            end = self.paragraphs[-1].end
        else:
            end = self.heading.end if self.heading is not None else start
        return Span(start=start, end=end)


def sections(r: Research, min_level: int = 2) -> list[Section]:
    """Split the body at subheadings of level ``min_level`` or deeper.

    The H1 is the article's title, not a subheading (in WordPress, where Yoast runs, the title is
    not part of the analysed text). The text before the first subheading is a section (yoastseo
    ``getSubheadingTextLengths``) when it has words.
    """
    counts = paragraph_lengths(r)
    events: list[tuple[int, Heading | int]] = [
        (h.start, h) for h in r.headings if h.level >= min_level
    ]
    events += [(p.start, i) for i, p in enumerate(r.paragraphs)]
    events.sort(key=lambda e: e[0])
    out: list[Section] = []
    heading: Heading | None = None
    paras: list[int] = []

    def close() -> None:
        words = sum(counts[i] for i in paras)
        if heading is not None or words > 0:
            out.append(
                Section(
                    heading,
                    tuple(r.paragraphs[i] for i in paras),
                    words,
                    tuple(counts[i] for i in paras),
                )
            )

    for _, item in events:
        if isinstance(item, Heading):
            close()
            heading, paras = item, []
        else:
            paras.append(item)
    close()
    return out


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
    names = [_incipit(p.text) for p in paragraphs[:3]]
    return (
        ", ".join(f"« {n} »" for n in names),
        ", ".join(f"“{n}”" for n in names),
    )


@check(
    Rule(
        code="RD-SUBHEADINGS",
        category=Category.READABILITY,
        name=Msg("Répartition des intertitres", "Subheading distribution"),
        what=_m(
            "Vérifie qu’un intertitre (H2 à H6) vient au moins tous les 300 mots, début du "
            "texte compris. Un texte de 300 mots ou moins n’en a pas besoin.",
            "Checks that a subheading (H2–H6) comes at least every 300 words, the opening "
            "included. A text of 300 words or fewer needs none.",
        ),
        why=_m(
            "Les intertitres permettent de survoler l’article et d’aller à la partie qui "
            "intéresse ; les moteurs de recherche s’en servent pour comprendre sa structure.",
            "Subheadings let readers scan the article and jump to what interests them; search "
            "engines use them to understand its structure.",
        ),
        thresholds={
            "max_words": Threshold(
                300,
                _YOAST + "SubheadingsDistributionTooLong, recommendedMaximumLength et "
                "slightlyTooMany : vert jusqu’à 300 mots par section ; un texte de 300 mots "
                "ou moins est toujours vert",
            ),
            "bad_words": Threshold(
                350,
                _YOAST + "SubheadingsDistributionTooLong, farTooMany : orange jusqu’à 350, "
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
    if (short := _too_little_text(r)) is not None:
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
            msg = _m(
                f"Texte court ({total} mots) déjà découpé par des intertitres : bien.",
                f"Short text ({total} words) already split by subheadings: good.",
            )
        else:
            msg = _m(
                f"Texte court ({total} mots) : des intertitres ne sont pas nécessaires.",
                f"Short text ({total} words): subheadings are not needed.",
            )
        return good(msg, value=value)
    if n_sub == 0:
        fr_where, en_where = _where(_break_points(r.paragraphs, paragraph_lengths(r), limit))
        return Verdict(
            Rating.BAD,
            2,  # Yoast: badLongTextNoSubheadings
            _m(
                f"Aucun intertitre dans un texte de {total} mots.",
                f"No subheading in a {total}-word text.",
            ),
            _m(
                f"Ajoutez un intertitre (H2) à chaque changement d’idée, au moins tous les "
                f"{limit} mots : par exemple avant les paragraphes commençant par {fr_where}.",
                f"Add a subheading (H2) wherever the idea changes, at least every {limit} "
                f"words: for instance before the paragraphs starting with {en_where}.",
            )
            if fr_where
            else _m(
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
            _m(
                f"Le début du texte, avant le premier intertitre, fait {intro.words} mots "
                f"(plus de {limit}).",
                f"The opening, before the first subheading, runs {intro.words} words (over "
                f"{limit}).",
            ),
            _m(
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
            _m(
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
    message = _m(
        f"{k} {_plural_fr(k, 'section dépasse', 'sections dépassent')} {limit} mots sans "
        f"intertitre (la plus longue : {longest} mots).",
        f"{k} {_plural_en(k, 'section exceeds', 'sections exceed')} {limit} words without a "
        f"subheading (longest: {longest} words).",
    )
    hint = _m(
        "Découpez chaque section surlignée par un intertitre supplémentaire"
        + (f", par exemple avant les paragraphes commençant par {fr_where}." if fr_where else "."),
        "Split each highlighted section with one more subheading"
        + (f", for instance before the paragraphs starting with {en_where}." if en_where else "."),
    )
    verdict = ok if longest <= far else bad
    return verdict(message, hint, spans=spans, value=value)


# --- RD-PASSIVE ------------------------------------------------------------------------------


@check(
    Rule(
        code="RD-PASSIVE",
        category=Category.READABILITY,
        name=Msg("Voix passive", "Passive voice"),
        what=_m(
            "Mesure la part des phrases qui contiennent une tournure passive "
            "(« la loi a été votée par les députés »).",
            "Measures the share of sentences containing a passive clause "
            "(“the law was passed by MPs”).",
        ),
        why=_m(
            "L’actif dit qui fait quoi, dans l’ordre où on le comprend ; le passif allonge la "
            "phrase et cache souvent l’acteur.",
            "The active voice says who does what, in the order we understand it; the passive "
            "lengthens the sentence and often hides the actor.",
        ),
        thresholds={
            "ok_share": Threshold(
                10, _YOAST + "PassiveVoiceAssessment : vert jusqu’à 10 % des phrases"
            ),
            "bad_share": Threshold(
                15, _YOAST + "PassiveVoiceAssessment : orange jusqu’à 15 %, rouge au-delà"
            ),
        },
        example_bad="Le budget a été adopté par le conseil municipal.",
        example_good="Le conseil municipal a adopté le budget.",
    )
)
def passive(r: Research, ctx: Context, rule: Rule) -> Verdict:
    """Yoast: passive sentences / sentences, green ≤ 10 %, orange ≤ 15 %, red above.
    Spans: the passive clauses themselves (auxiliary … participle), to rewrite."""
    if (short := _too_little_text(r)) is not None:
        return short
    total = len(r.sentences)
    if total == 0:
        return na(_TOO_SHORT)
    per_sentence = r.sentence_passives
    passive_count = sum(1 for clauses in per_sentence if clauses)
    share = F.percentage(passive_count, total)
    spans = tuple(sp for clauses in per_sentence for sp in clauses)
    ok_share, bad_share = rule.t(ctx, "ok_share"), rule.t(ctx, "bad_share")
    value = {"share": share, "passive": passive_count, "sentences": total, "clauses": len(spans)}
    if share <= ok_share:
        return good(
            _m(
                f"{_num_fr(share)} % des phrases sont au passif (maximum recommandé : "
                f"{_num_fr(ok_share)} %) : bien.",
                f"{_num_en(share)}% of the sentences are passive (recommended maximum: "
                f"{_num_en(ok_share)}%): good.",
            ),
            spans=spans,
            value=value,
        )
    to_fix = _fewest_to_fix(passive_count, total, ok_share)
    message = _m(
        f"{_num_fr(share)} % des phrases sont au passif ({passive_count} sur {total}), pour un "
        f"maximum recommandé de {_num_fr(ok_share)} %.",
        f"{_num_en(share)}% of the sentences are passive ({passive_count} of {total}), above "
        f"the recommended maximum of {_num_en(ok_share)}%.",
    )
    hint = _m(
        f"Mettez à l’actif au moins {to_fix} des tournures surlignées en nommant qui agit : "
        "« le budget a été adopté par le conseil » devient « le conseil a adopté le budget ».",
        f"Turn at least {to_fix} of the highlighted clauses into the active voice by naming "
        "who acts: “the budget was adopted by the council” becomes “the council adopted the "
        "budget”.",
    )
    verdict = ok if share <= bad_share else bad
    return verdict(message, hint, spans=spans, value=value)


# --- RD-TRANSITIONS --------------------------------------------------------------------------


@check(
    Rule(
        code="RD-TRANSITIONS",
        category=Category.READABILITY,
        name=Msg("Mots de transition", "Transition words"),
        what=_m(
            "Mesure la part des phrases qui contiennent un mot de transition (« mais », "
            "« ainsi », « en effet », « d’une part… d’autre part »). Les textes de moins de "
            "200 mots ne sont pas évalués.",
            "Measures the share of sentences containing a transition word (“but”, “thus”, "
            "“indeed”, “on the one hand… on the other”). Texts under 200 words are not judged.",
        ),
        why=_m(
            "Les mots de transition disent comment les idées s’enchaînent (cause, opposition, "
            "conséquence) : le lecteur suit le raisonnement sans effort.",
            "Transition words say how ideas connect (cause, contrast, consequence): the reader "
            "follows the reasoning effortlessly.",
        ),
        thresholds={
            "good_share": Threshold(
                30, _YOAST + "TransitionWordsAssessment : vert à partir de 30 % des phrases"
            ),
            "ok_share": Threshold(
                20, _YOAST + "TransitionWordsAssessment : orange de 20 à 30 %, rouge en dessous"
            ),
            "min_words": Threshold(
                200,
                _YOAST + "TransitionWordsAssessment, transitionWordsNeededIfTextLongerThan : "
                "sous 200 mots, toujours vert",
            ),
        },
        example_bad="Le prix du carburant augmente. Les automobilistes roulent moins. "
        "Les stations-service perdent des clients.",
        example_good="Le prix du carburant augmente. Par conséquent, les automobilistes "
        "roulent moins. Les stations-service perdent donc des clients.",
    )
)
def transitions(r: Research, ctx: Context, rule: Rule) -> Verdict:
    """Yoast: sentences with a transition word / sentences; green ≥ 30 %, orange ≥ 20 %, red
    below; always green under 200 words.

    Spans: the transition words found, not the sentences without one. When the check fails, most
    sentences lack a transition, so highlighting them would cover nearly the whole text; showing
    the connectors already used teaches what counts as one, and the long unmarked stretches show
    where the reasoning needs linking.
    """
    if (short := _too_little_text(r)) is not None:
        return short
    total = len(r.sentences)
    if total == 0:
        return na(_TOO_SHORT)
    per_sentence = r.sentence_transitions
    with_tr = sum(1 for found in per_sentence if found)
    share = F.percentage(with_tr, total)
    spans = tuple(sp for found in per_sentence for sp in found)
    good_share, ok_share = rule.t(ctx, "good_share"), rule.t(ctx, "ok_share")
    min_words = int(rule.t(ctx, "min_words"))
    value = {
        "share": share,
        "with_transition": with_tr,
        "sentences": total,
        "words": r.word_count,
    }
    if r.word_count < min_words:
        return good(
            _m(
                f"Texte court ({r.word_count} mots) : les mots de transition ne sont pas évalués "
                f"sous {min_words} mots ({_num_fr(share)} % des phrases en contiennent).",
                f"Short text ({r.word_count} words): transition words are not judged under "
                f"{min_words} words ({_num_en(share)}% of the sentences contain one).",
            ),
            spans=spans,
            value=value,
        )
    if share >= good_share:
        return good(
            _m(
                f"{_num_fr(share)} % des phrases contiennent un mot de transition (minimum "
                f"recommandé : {_num_fr(good_share)} %) : bien.",
                f"{_num_en(share)}% of the sentences contain a transition word (recommended "
                f"minimum: {_num_en(good_share)}%): good.",
            ),
            spans=spans,
            value=value,
        )
    missing = 0
    while F.percentage(with_tr + missing, total) < good_share:
        missing += 1
    if with_tr == 0:
        message = _m(
            f"Aucune des {total} phrases ne contient de mot de transition (minimum recommandé : "
            f"{_num_fr(good_share)} %).",
            f"None of the {total} sentences contains a transition word (recommended minimum: "
            f"{_num_en(good_share)}%).",
        )
    else:
        message = _m(
            f"Seules {_num_fr(share)} % des phrases contiennent un mot de transition ({with_tr} "
            f"sur {total}), pour un minimum recommandé de {_num_fr(good_share)} %.",
            f"Only {_num_en(share)}% of the sentences contain a transition word ({with_tr} of "
            f"{total}), below the recommended minimum of {_num_en(good_share)}%.",
        )
    hint = _m(
        f"Reliez les idées dans au moins {missing} {_plural_fr(missing, 'phrase', 'phrases')} "
        "de plus avec des mots de transition "
        "(« mais », « donc », « ainsi », « en effet », « par exemple », « d’abord », "
        "« enfin »), surtout dans les passages sans aucun mot surligné.",
        f"Link ideas in at least {missing} more {_plural_en(missing, 'sentence', 'sentences')} "
        "with transition words (“but”, "
        "“so”, “thus”, “indeed”, “for example”, “first”, “finally”), especially in the "
        "stretches with nothing highlighted.",
    )
    verdict = ok if share >= ok_share else bad
    return verdict(message, hint, spans=spans, value=value)


# --- RD-SENTENCE-STARTS ----------------------------------------------------------------------


@cache
def first_word_exceptions() -> frozenset[str]:
    """Words that take the next word along as a sentence's beginning (articles, numerals…)."""
    from plume.lang.fr import fold, read_list

    return frozenset(fold(w) for w in read_list("first_word_exceptions.txt"))


_APOSTROPHES = "’'"


def _fold(s: str) -> str:
    return s.lower().replace("’", "'")


def sentence_beginning(sentence: T.Sentence, exceptions: frozenset[str]) -> str:
    """The beginning yoastseo compares (``getSentenceBeginning``), made elision-aware.

    The first word, lower-cased; when it is an exception (article, numeral, demonstrative), the
    first two words. An elided first word ("L’", "D’", "Qu’") is glued to the next one, whether the
    tokenizer split it off or not, so "L’entreprise" reads as "l'entreprise" (as in yoastseo,
    whose tokens keep the apostrophe) and "D’abord… D’autres… D’ailleurs…" are three different
    beginnings, not three times "d’".
    """
    words = sentence.words
    if not words:
        return ""
    text, base = sentence.text, sentence.start
    i = 0
    first = _fold(words[0].text)
    # Elision: the token ends with an apostrophe, or an apostrophe follows it directly.
    while i + 1 < len(words) and (
        first.endswith("'")
        or (
            words[i].end - base < len(text)
            and text[words[i].end - base] in _APOSTROPHES
            and words[i + 1].start == words[i].end + 1
        )
    ):
        i += 1
        first = first.rstrip("'") + "'" + _fold(words[i].text)
    if first in exceptions and i + 1 < len(words):
        first += " " + _fold(words[i + 1].text)
    return first


@dataclass(frozen=True, slots=True)
class Run:
    """Consecutive sentences starting with the same beginning."""

    beginning: str
    sentences: tuple[T.Sentence, ...]


def sentence_start_runs(r: Research) -> list[Run]:
    """Maximal runs of consecutive body sentences with the same beginning (length ≥ 1).

    Consecutive means in the same flow of prose: a heading between two sentences breaks the run,
    and list items are left out (parallel list items, each starting with a verb, are good
    practice, not monotony). yoastseo runs the comparison over its sentence list, where headings
    and list items are sentences too.
    """
    exceptions = first_word_exceptions()
    paras = r.paragraphs
    runs: list[Run] = []
    cur_key = ""
    cur: list[T.Sentence] = []
    prev_block = -2

    def flush() -> None:
        if cur:
            runs.append(Run(cur_key, tuple(cur)))

    for s, pi in zip(r.sentences, sentence_paragraphs(r), strict=True):
        para = paras[pi]
        if para.kind is BlockKind.LIST_ITEM:
            flush()
            cur, cur_key, prev_block = [], "", -2
            continue
        key = sentence_beginning(s, exceptions)
        if not key:
            # No word at all ("…", "!"): yoastseo drops such sentences before comparing.
            continue
        contiguous = para.block_index in (prev_block, prev_block + 1)
        if key == cur_key and contiguous:
            cur.append(s)
        else:
            flush()
            cur, cur_key = [s], key
        prev_block = para.block_index
    flush()
    return runs


@check(
    Rule(
        code="RD-SENTENCE-STARTS",
        category=Category.READABILITY,
        name=Msg("Débuts de phrases répétés", "Repeated sentence beginnings"),
        what=_m(
            "Repère trois phrases consécutives ou plus qui commencent par le même mot "
            "(article compris : « Le maire… Le maire… Le maire… »).",
            "Finds three or more consecutive sentences starting with the same word (with its "
            "article: “The mayor… The mayor… The mayor…”).",
        ),
        why=_m(
            "Des débuts identiques rendent le texte monotone et donnent une impression de liste "
            "récitée.",
            "Identical beginnings make the text monotonous, like a list being recited.",
        ),
        thresholds={
            "max_same": Threshold(
                2,
                _YOAST + "SentenceBeginningsAssessment, MAX_SAME_BEGINNINGS (au-delà, score 3), "
                "avec la liste firstWordExceptions du français",
            ),
        },
        example_bad="Il a voté contre. Il a quitté la salle. Il a refusé de commenter.",
        example_good="Il a voté contre, puis a quitté la salle. Interrogé ensuite, le maire "
        "a refusé de commenter.",
    )
)
def sentence_starts(r: Research, ctx: Context, rule: Rule) -> Verdict:
    """Yoast: any run of more than two consecutive sentences with the same beginning is red
    (score 3), otherwise green. Spans: each run, from its first to its last sentence."""
    if (short := _too_little_text(r)) is not None:
        return short
    max_same = int(rule.t(ctx, "max_same"))
    runs = [run for run in sentence_start_runs(r) if len(run.sentences) > max_same]
    spans = tuple(Span(start=run.sentences[0].start, end=run.sentences[-1].end) for run in runs)
    value = {
        "runs": [
            {"beginning": run.beginning, "count": len(run.sentences), "start": sp.start}
            for run, sp in zip(runs, spans, strict=True)
        ],
        "max_same": max_same,
    }
    if not runs:
        return good(
            _m(
                f"Pas plus de {max_same} phrases consécutives ne commencent par le même mot : bien.",
                f"No more than {max_same} consecutive sentences start with the same word: good.",
            ),
            value=value,
        )
    listed_fr = ", ".join(
        f"« {run.beginning.replace(chr(39), '’')} » ({len(run.sentences)} fois)" for run in runs[:4]
    )
    listed_en = ", ".join(f"“{run.beginning}” ({len(run.sentences)} times)" for run in runs[:4])
    k = len(runs)
    message = _m(
        f"{k} {_plural_fr(k, 'série', 'séries')} de phrases consécutives commençant par le même "
        f"mot : {listed_fr}.",
        f"{k} {_plural_en(k, 'run', 'runs')} of consecutive sentences starting with the same "
        f"word: {listed_en}.",
    )
    hint = _m(
        "Variez le début des phrases surlignées : ouvrez l’une par un complément "
        "(« Depuis 2020, … », « À Lyon, … »), fusionnez-en deux, ou remplacez le sujet répété "
        "par un pronom ou un synonyme.",
        "Vary how the highlighted sentences begin: open one with a phrase (“Since 2020, …”, "
        "“In Lyon, …”), merge two of them, or replace the repeated subject with a pronoun or a "
        "synonym.",
    )
    return bad(message, hint, spans=spans, value=value)
