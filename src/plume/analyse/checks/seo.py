"""SEO checks (keyphrase, title, meta, slug, structure, length, links, images).

Each check mirrors one Yoast SEO assessment and keeps its thresholds and its scores on Yoast's 0–9
scale, so that the SEO score (``analyse.scoring``: sum of scores over 9 × their number) is computed
the way Yoast computes it. The reference is yoastseo 3.6.0, the version ``bench/yoast`` runs
(``scoring/assessors/seoAssessor.js`` and ``scoring/assessments/seo/*.js``), whose numbers agree
with Yoast's published ``scoringDocumentation/SCORING SEO.md``.

Two systematic choices:

* **Traffic light from the score**, exactly as Yoast assigns it (``SCORING SEO.md``: ≤ 4 red,
  5–7 orange, 8–9 green), so a 4 is red and a 7 orange, as in Yoast.
* **Negative scores.** Yoast gives −10, −20, −50 or −999 to "very bad" results (keyphrase way too
  dense, text under 200 words, no keyphrase) so that one of them sinks the overall score. Our
  scores live on 0–9 (``report.CheckResult``), so −10 becomes 1 and anything lower 0: the result
  stays red and stays last, and the original Yoast score is kept in ``value["yoast_score"]``.

Keyphrase matching goes through ``Research.matcher`` (French word forms and elision: "dirigeant"
matches "dirigeants", "l’OpenAI" matches "OpenAI"). An *occurrence* is all the keyphrase's content
words within one sentence, in any order and form, as in Yoast. Because plume recognises word forms,
the keyphrase density uses Yoast's bands for "morphology available" (0.5–3.5 %), not the 0.5–3 % it
uses when it only matches the exact forms.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import urlsplit

from plume.analyse import pixels
from plume.analyse.checks.base import Context, Rule, Threshold, Verdict, check, na
from plume.analyse.researches import Heading, Paragraph, Research
from plume.report import Category, Msg, Rating, Span

_Y = "Yoast SEO (yoastseo 3.6.0, {})"


# --------------------------------------------------------------------------------------- helpers
def _score(yoast: int) -> int:
    """Yoast's score on our 0–9 scale: negatives (−10, −20, −50, −999) become 1 or 0."""
    if yoast >= 0:
        return yoast
    return 1 if yoast >= -10 else 0


def _rating(yoast: int) -> Rating:
    """Yoast's traffic light for a score (SCORING SEO.md: ≤ 4 red, 5–7 orange, 8–9 green)."""
    if yoast >= 8:
        return Rating.GOOD
    if yoast >= 5:
        return Rating.OK
    return Rating.BAD


def _v(
    yoast: int,
    msg: Msg,
    hint: Msg | None = None,
    *,
    spans: Iterable[Span] = (),
    value: dict[str, Any] | None = None,
) -> Verdict:
    """A verdict from a Yoast score; the original score is kept in ``value["yoast_score"]``."""
    val = dict(value or {})
    val["yoast_score"] = yoast
    ordered = tuple(sorted(spans, key=lambda s: (s.start, s.end)))
    return Verdict(_rating(yoast), _score(yoast), msg, hint, spans=ordered, value=val)


def _num(x: float, digits: int = 1) -> str:
    """A decimal number in French notation (comma)."""
    return f"{x:.{digits}f}".replace(".", ",")


def _pct_fr(x: float) -> str:
    return f"{_num(x)}\u202f%"


def _quote(words: Sequence[str]) -> str:
    return ", ".join(f"«\u00a0{w}\u00a0»" for w in words)


def _quote_en(words: Sequence[str]) -> str:
    return ", ".join(f'"{w}"' for w in words)


def _plural(n: int, fr: str, frs: str | None = None) -> str:
    """French number agreement: singular for 0 and 1 ("0 occurrence"), plural from 2."""
    return fr if n < 2 else (frs or fr + "s")


def _topic_phrases(ctx: Context) -> list[str]:
    assert ctx.keyphrase is not None
    return [ctx.keyphrase, *ctx.synonyms]


def _word_matches(r: Research, phrase: str, text: str) -> tuple[list[str], list[str]]:
    """The content words of ``phrase`` found anywhere in ``text`` (any form), and those missing."""
    found: list[str] = []
    missing: list[str] = []
    for w in r.matcher(phrase).content_words:
        (found if r.matcher(w).in_text(text) else missing).append(w)
    return found, missing


def _percent_words(r: Research, phrases: Sequence[str], text: str) -> int:
    """Yoast ``findTopicFormsInString``: the best share (rounded %) of a phrase's content words found
    in ``text``, over the keyphrase and its synonyms."""
    best = 0
    for phrase in phrases:
        found, missing = _word_matches(r, phrase, text)
        total = len(found) + len(missing)
        if total:
            best = max(best, round(100 * len(found) / total))
    return best


def _first_paragraph(r: Research) -> Paragraph | None:
    """The first body block with words (Yoast skips paragraphs holding only images or links)."""
    return next((p for p in r.paragraphs if any(c.isalnum() for c in p.text)), None)


def _h1(r: Research) -> Heading | None:
    return next((h for h in r.headings if h.level == 1), None)


def _seo_title(r: Research, ctx: Context) -> tuple[str | None, str | None, Heading | None]:
    """The SEO title, where it comes from ("meta" or "h1") and the H1 when it is the title.

    Yoast's default SEO title template is the post title (``%%title%%``; the separator and site name
    are left out of its width measurement), so without ``--title`` the H1 stands in for it."""
    if ctx.meta.title and ctx.meta.title.strip():
        return ctx.meta.title.strip(), "meta", None
    h1 = _h1(r)
    if h1 is not None and h1.text.strip():
        return h1.text.strip(), "h1", h1
    return None, None, None


_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "\u00a0": " ", "\u202f": " "})


def _exact_position(title: str, phrase: str) -> tuple[int, int] | None:
    """Start and end of the keyphrase written as is in ``title`` (case, apostrophe and no-break space
    variants aside), on word boundaries — Yoast's "exact match" (``findKeyphraseInSEOTitle``)."""
    t = title.translate(_APOSTROPHES)
    words = phrase.translate(_APOSTROPHES).strip().strip('"«»“” ').split()
    if not words:
        return None
    pattern = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)"
    m = re.search(pattern, t, re.IGNORECASE)
    return (m.start(), m.end()) if m else None


_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})


def _slugify(words: Iterable[str]) -> str:
    s = " ".join(words).translate(_LIGATURES).replace("’", " ").replace("'", " ")
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


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


def _can_hold_markup(r: Research) -> bool:
    """Plain text has no way to carry links or images; HTML, Markdown and DOCX do."""
    return r.doc.source.format != "txt"


def _spans_of(text: str, needles: Iterable[str]) -> list[Span]:
    """Spans of each needle in ``text``, searched in document order (links, image captions)."""
    out: list[Span] = []
    cursor = 0
    for needle in needles:
        n = needle.strip()
        if not n:
            continue
        i = text.find(n, cursor)
        if i < 0:
            i = text.find(n)
        if i >= 0:
            out.append(Span(start=i, end=i + len(n)))
            cursor = i + len(n)
    return out


def _file_name(src: str) -> str:
    """The file name of an image URL, for messages ("photo.jpg" rather than a long URL)."""
    return urlsplit(src).path.rstrip("/").rsplit("/", 1)[-1] or src


def _host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def _link_kind(href: str, site_host: str | None) -> str:
    """Link type, as yoastseo's ``getLinkType``: "internal", "outbound" or "other".

    Non-web schemes (mailto:, tel:, javascript:) and same-page anchors are "other"; relative links
    are internal; absolute links are internal when their host is the page's (``www.`` ignored),
    outbound otherwise.
    """
    h = href.strip()
    if not h or h.startswith("#"):
        return "other"
    parts = urlsplit(h)
    if parts.scheme and parts.scheme.lower() not in ("http", "https"):
        return "other"
    if not parts.netloc:
        return "internal"
    if site_host and _host(h) == site_host:
        return "internal"
    return "outbound"


# ------------------------------------------------------------------------------------- keyphrase
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
        example_bad="(aucune expression clé ; plume suggère «\u00a0trottinettes\u00a0»)",
        example_good="--keyphrase «\u00a0trottinettes en libre-service\u00a0»",
        needs_french=True,
    )
)
def keyphrase_given(r: Research, ctx: Context, rule: Rule) -> Verdict:
    # Yoast KeyphraseLengthAssessment: no keyphrase = −999 ("Set a focus keyphrase in order to
    # calculate your SEO score"). A keyphrase chosen by the editor (flag or brief) is good; one
    # plume only suggested is orange until the editor confirms it.
    kp = (ctx.keyphrase or "").strip()
    if not kp:
        return _v(
            -999,
            Msg(
                "Aucune expression clé : les contrôles de mots-clés ne peuvent pas être faits.",
                "No keyphrase: the keyphrase checks cannot run.",
            ),
            Msg(
                "Choisissez l’expression que les lecteurs taperont dans Google et passez-la avec "
                "--keyphrase «\u00a0…\u00a0» (ou dans le brief).",
                "Choose the phrase readers would type into Google and pass it with "
                '--keyphrase "…" (or in the brief).',
            ),
            value={"keyphrase": None, "source": None},
        )
    given = ctx.keyphrase_source in ("flag", "brief")
    if given:
        return _v(
            9,
            Msg(f"Expression clé «\u00a0{kp}\u00a0» fournie.", f'Keyphrase "{kp}" given.'),
            value={"keyphrase": kp, "source": "given"},
        )
    return _v(
        6,
        Msg(
            f"Expression clé «\u00a0{kp}\u00a0» suggérée par plume, pas confirmée.",
            f'Keyphrase "{kp}" suggested by plume, not confirmed.',
        ),
        Msg(
            f"Confirmez-la avec --keyphrase «\u00a0{kp}\u00a0», ou donnez celle que vous visez.",
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
            "Compte les mots pleins de l’expression clé (les mots-outils «\u00a0de\u00a0», «\u00a0la\u00a0», «\u00a0l’\u00a0»… "
            "ne comptent pas).",
            "Counts the keyphrase's content words (function words such as «\u00a0de\u00a0», «\u00a0la\u00a0», «\u00a0l’\u00a0» "
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
                4, _Y.format("KeyphraseLengthAssessment, recommendedMaximum, 9 points")
            ),
            "ok_max": Threshold(
                8, _Y.format("KeyphraseLengthAssessment, acceptableMaximum, 6 points; above: 3")
            ),
        },
        example_bad="«\u00a0les meilleures trottinettes électriques en libre-service à Montréal en 2019\u00a0»",
        example_good="«\u00a0trottinettes en libre-service\u00a0»",
        needs_keyphrase=True,
    )
)
def keyphrase_length(r: Research, ctx: Context, rule: Rule) -> Verdict:
    assert ctx.keyphrase is not None
    kp = ctx.keyphrase
    words = list(r.matcher(kp).content_words)
    n = len(words)
    value: dict[str, Any] = {"content_words": n, "words": words}
    good_max, ok_max = int(rule.t(ctx, "good_max")), int(rule.t(ctx, "ok_max"))
    if n == 0:
        # Yoast FunctionWordsInKeyphraseAssessment: a keyphrase of function words only is flagged.
        return _v(
            0,
            Msg(
                f"«\u00a0{kp}\u00a0» ne contient que des mots-outils : rien à rechercher.",
                f'"{kp}" holds function words only: nothing to look for.',
            ),
            Msg(
                "Donnez une expression avec au moins un nom, verbe ou adjectif (ex. : «\u00a0retraites\u00a0»).",
                "Give a phrase with at least one noun, verb or adjective.",
            ),
            value=value,
        )
    if n <= good_max:
        return _v(
            9,
            Msg(
                f"L’expression clé compte {n} {_plural(n, 'mot plein', 'mots pleins')} : bien.",
                f"The keyphrase has {n} content word{'s' if n > 1 else ''}: good.",
            ),
            value=value,
        )
    return _v(
        6 if n <= ok_max else 3,
        Msg(
            f"L’expression clé compte {n} mots pleins, au-delà des {good_max} recommandés.",
            f"The keyphrase has {n} content words, more than the recommended {good_max}.",
        ),
        Msg(
            f"Gardez les {good_max} mots les plus recherchés (parmi {_quote(words)}) et mettez le "
            "reste dans le texte.",
            f"Keep the {good_max} most searched words (of {_quote_en(words)}) and put the rest in "
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
                0.5, _Y.format("KeyphraseDensityAssessment, minimum 0.5 %, below: 4 points")
            ),
            "max": Threshold(
                3.5,
                _Y.format(
                    "KeyphraseDensityAssessment, multipleWordForms.maximum 3.5 % (3 % when word "
                    "forms are not recognised; plume recognises French word forms); above: −10"
                ),
            ),
            "way_over": Threshold(
                4, _Y.format("KeyphraseDensityAssessment, overMaximum 4 %, above: −50")
            ),
            "short_text": Threshold(
                100,
                _Y.format(
                    "KeyphraseDensityAssessment: under 100 words, 1 occurrence (1–2 above 50 "
                    "words) is right"
                ),
            ),
        },
        example_bad="800 mots, «\u00a0trottinettes\u00a0» une seule fois",
        example_good="800 mots, «\u00a0trottinettes\u00a0» 5 fois dans des phrases différentes",
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
        return _v(
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
    fr_stats = f"«\u00a0{kp}\u00a0» : {count} {_plural(count, 'occurrence')} pour {words} mots"
    en_stats = f'"{kp}": {count} occurrence{"s" if count != 1 else ""} in {words} words'
    if words >= short:
        fr_stats += f" (densité pondérée {_pct_fr(weighted)})"
        en_stats += f" (weighted density {weighted:.1f}%)"
    if yoast == 9:
        return _v(9, Msg(f"{fr_stats} : bien.", f"{en_stats}: good."), spans=spans, value=value)
    if yoast == 4:
        need = max(1, min_count - count)
        return _v(
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
    return _v(
        yoast,
        Msg(
            f"{fr_stats} : trop souvent (au plus {max_count}).",
            f"{en_stats}: too often (at most {max_count}).",
        ),
        Msg(
            f"Retirez {extra} {_plural(extra, 'occurrence')} (maximum {max_count}) : remplacez-les "
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
        example_bad="Montréal a tranché hier. […] («\u00a0trottinettes\u00a0» n’apparaît qu’au 3e paragraphe)",
        example_good="Montréal met fin aux trottinettes en libre-service dès l’été prochain.",
        needs_keyphrase=True,
    )
)
def keyphrase_intro(r: Research, ctx: Context, rule: Rule) -> Verdict:
    assert ctx.keyphrase is not None
    kp = ctx.keyphrase
    p = _first_paragraph(r)
    if p is None:
        return _v(
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
        return _v(
            9,
            Msg(
                f"«\u00a0{kp}\u00a0» figure dans une phrase du premier paragraphe.",
                f'"{kp}" appears in a sentence of the first paragraph.',
            ),
            spans=hits,
            value={"found": "sentence"},
        )
    best_missing: list[str] | None = None
    for phrase in _topic_phrases(ctx):
        found, missing = _word_matches(r, phrase, p.text)
        if found and not missing:
            word_spans = [s for w in found for s in r.matcher(w).find(p.text, p.start)]
            return _v(
                6,
                Msg(
                    f"Les mots de «\u00a0{phrase}\u00a0» sont dans le premier paragraphe, mais pas dans une "
                    "même phrase.",
                    f'The words of "{phrase}" are in the first paragraph, but not in one sentence.',
                ),
                Msg(
                    f"Réunissez {_quote(found)} dans une même phrase du premier paragraphe, "
                    "idéalement la première.",
                    f"Bring {_quote_en(found)} together in one sentence of the first paragraph, "
                    "ideally the first.",
                ),
                spans=[para, *word_spans],
                value={"found": "paragraph", "phrase": phrase},
            )
        if best_missing is None or len(missing) < len(best_missing):
            best_missing = missing
    missing = best_missing or []
    return _v(
        3,
        Msg(
            f"«\u00a0{kp}\u00a0» n’apparaît pas dans le premier paragraphe"
            + (f" (manque {_quote(missing)})." if missing else "."),
            f'"{kp}" does not appear in the first paragraph'
            + (f" (missing {_quote_en(missing)})." if missing else "."),
        ),
        Msg(
            f"Nommez «\u00a0{kp}\u00a0» (ou un synonyme) dans la première phrase de l’article.",
            f'Name "{kp}" (or a synonym) in the article\'s first sentence.',
        ),
        spans=[para],
        value={"found": None, "missing": missing},
    )


@check(
    Rule(
        code="SEO-KP-TITLE",
        category=Category.SEO,
        name=Msg("Expression clé dans le titre SEO", "Keyphrase in SEO title"),
        what=Msg(
            "Cherche l’expression clé telle quelle au début du titre SEO (--title ; à défaut le "
            "H1, comme le modèle de titre par défaut de Yoast). Les mots-outils placés avant "
            "(«\u00a0Les\u00a0», «\u00a0L’\u00a0»…) ne comptent pas. Yoast SEO KeyphraseInSEOTitleAssessment : au "
            "début 9 ; ailleurs, ou tous ses mots sous une autre forme, 6 ; sinon 2.",
            "Looks for the exact keyphrase at the start of the SEO title (--title, else the H1, as "
            "Yoast's default title template). Function words before it («\u00a0Les\u00a0», «\u00a0L’\u00a0»…) are "
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
    title, source, h1 = _seo_title(r, ctx)
    if title is None:
        return _v(
            2,
            Msg(
                "Ni titre SEO ni H1 : rien à évaluer.", "No SEO title and no H1: nothing to assess."
            ),
            Msg(
                f"Donnez un titre SEO qui commence par «\u00a0{kp}\u00a0» (--title) ou ajoutez un H1.",
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
    pos = _exact_position(title, kp)
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
            return _v(
                9,
                Msg(
                    f"Le titre SEO commence par «\u00a0{kp}\u00a0».",
                    f'The SEO title starts with "{kp}".',
                ),
                spans=spans,
                value=value,
            )
        return _v(
            6,
            Msg(
                f"«\u00a0{kp}\u00a0» est dans le titre SEO, mais pas au début.",
                f'"{kp}" is in the SEO title, but not at the start.',
            ),
            Msg(
                f"Placez «\u00a0{kp}\u00a0» en tête du titre, ex. : «\u00a0{kp[:1].upper() + kp[1:]} : …\u00a0».",
                f'Move "{kp}" to the start of the title.',
            ),
            spans=spans,
            value=value,
        )
    _found, missing = _word_matches(r, kp, title)
    value.update(exact=False, missing_words=missing)
    if not missing:
        return _v(
            6,
            Msg(
                f"Les mots de «\u00a0{kp}\u00a0» sont dans le titre SEO, mais pas sous cette forme exacte.",
                f'The words of "{kp}" are in the SEO title, but not in this exact form.',
            ),
            Msg(
                f"Écrivez «\u00a0{kp}\u00a0» tel quel, au début du titre.",
                f'Write "{kp}" as is, at the start of the title.',
            ),
            spans=title_span,
            value=value,
        )
    return _v(
        2,
        Msg(
            f"Il manque {_quote(missing)} au titre SEO «\u00a0{title}\u00a0».",
            f'The SEO title "{title}" lacks {_quote_en(missing)}.',
        ),
        Msg(
            f"Réécrivez le titre pour qu’il commence par «\u00a0{kp}\u00a0»"
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
            "min": Threshold(1, _Y.format("MetaDescriptionKeywordAssessment: 1–2 = 9, else 3")),
            "max": Threshold(2, _Y.format("MetaDescriptionKeywordAssessment: over 2 = 3")),
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
        return _v(
            3,
            Msg("Pas de méta-description fournie.", "No meta description given."),
            Msg(
                f"Écrivez une description de 120 à 156 caractères contenant «\u00a0{kp}\u00a0» et passez-la "
                "avec --meta «\u00a0…\u00a0».",
                f'Write a 120–156 character description containing "{kp}" and pass it with '
                '--meta "…".',
            ),
            value={"count": 0, "description": None},
        )
    count = r.matcher(kp, ctx.synonyms).count_in(desc, synonyms=True)
    lo, hi = int(rule.t(ctx, "min")), int(rule.t(ctx, "max"))
    value = {"count": count}
    if lo <= count <= hi:
        return _v(
            9,
            Msg(
                f"«\u00a0{kp}\u00a0» figure {count} fois dans la méta-description : bien.",
                f'"{kp}" appears {count} time{"s" if count > 1 else ""} in the meta description: good.',
            ),
            value=value,
        )
    if count == 0:
        return _v(
            3,
            Msg(
                f"La méta-description ne contient pas «\u00a0{kp}\u00a0».",
                f'The meta description does not contain "{kp}".',
            ),
            Msg(
                f"Réécrivez la description pour y placer «\u00a0{kp}\u00a0» une fois, de préférence au début.",
                f'Rewrite the description to include "{kp}" once, preferably early.',
            ),
            value=value,
        )
    return _v(
        3,
        Msg(
            f"«\u00a0{kp}\u00a0» figure {count} fois dans la méta-description (maximum {hi}).",
            f'"{kp}" appears {count} times in the meta description (maximum {hi}).',
        ),
        Msg(
            f"Gardez «\u00a0{kp}\u00a0» {hi} fois au plus ; remplacez les autres par des synonymes.",
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
                2, _Y.format("UrlKeywordAssessment: up to 2 content words, all must match")
            ),
            "share": Threshold(
                50, _Y.format("UrlKeywordAssessment: longer phrases, more than 50 % of the words")
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
    suggestion = _slugify(words)
    slug, source = _slug(ctx)
    if slug is None:
        return _v(
            6,
            Msg("Aucun slug fourni : contrôle non fait.", "No slug given: not checked."),
            Msg(
                f"Passez le slug de la page avec --slug (suggestion : «\u00a0{suggestion}\u00a0»).",
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
        return _v(
            9,
            Msg(
                f"Le slug «\u00a0{slug}\u00a0» reprend «\u00a0{kp}\u00a0».",
                f'The slug "{slug}" contains "{kp}".',
            ),
            value=value,
        )
    return _v(
        6,
        Msg(
            f"Le slug «\u00a0{slug}\u00a0» ne contient pas {_quote(missing)}.",
            f'The slug "{slug}" lacks {_quote_en(missing)}.',
        ),
        Msg(
            f"Renommez le slug avec les mots de l’expression clé, ex. : «\u00a0{suggestion}\u00a0».",
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
            "lower": Threshold(0.3, _Y.format("SubHeadingsKeywordAssessment, lowerBoundary 0.3")),
            "upper": Threshold(0.75, _Y.format("SubHeadingsKeywordAssessment, upperBoundary 0.75")),
            "long_text": Threshold(
                300,
                _Y.format(
                    "SubHeadingsKeywordAssessment: no subheading in 300 words or more = 2, shorter = 9"
                ),
            ),
            "word_share": Threshold(
                50, _Y.format("matchKeywordInSubheadings: more than 50 % of the content words")
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
            return _v(
                2,
                Msg(
                    f"Aucun intertitre H2/H3 pour {words} mots.",
                    f"No H2/H3 subheading for {words} words.",
                ),
                Msg(
                    f"Découpez le texte avec des intertitres H2, dont un tiers à trois quarts "
                    f"reprennent «\u00a0{kp}\u00a0» ou un synonyme.",
                    f'Split the text with H2 subheadings, a third to three quarters of them using "{kp}" '
                    "or a synonym.",
                ),
                value={"subheadings": 0, "matches": 0, "words": words},
            )
        return _v(
            9,
            Msg(
                f"Pas d’intertitre, mais le texte est court ({words} mots) : inutile.",
                f"No subheading, but the text is short ({words} words): not needed.",
            ),
            value={"subheadings": 0, "matches": 0, "words": words},
        )
    phrases = _topic_phrases(ctx)
    share = rule.t(ctx, "word_share")
    hits = [h for h in subs if _percent_words(r, phrases, h.text) > share]
    misses = [h for h in subs if h not in hits]
    n, k = len(subs), len(hits)
    lo = math.ceil(n * rule.t(ctx, "lower"))
    hi = math.floor(n * rule.t(ctx, "upper"))
    value = {"subheadings": n, "matches": k, "min": lo, "max": hi}

    def spans_of(hs: list[Heading]) -> list[Span]:
        return [Span(start=h.start, end=h.end) for h in hs]

    if 0 < k < lo:
        need = lo - k
        return _v(
            3,
            Msg(
                f"{k} {_plural(k, 'intertitre')} sur {n} {_plural(k, 'reprend', 'reprennent')} «\u00a0{kp}\u00a0» : "
                f"trop peu (au moins {lo}).",
                f'{k} of {n} subheadings use "{kp}": too few (at least {lo}).',
            ),
            Msg(
                f"Reprenez «\u00a0{kp}\u00a0» ou un synonyme dans {need} {_plural(need, 'intertitre')} de plus parmi ceux "
                "surlignés.",
                f'Use "{kp}" or a synonym in {need} more of the highlighted subheadings.',
            ),
            spans=spans_of(misses),
            value=value,
        )
    if n > 1 and k > hi:
        extra = k - hi
        return _v(
            3,
            Msg(
                f"{k} intertitres sur {n} reprennent «\u00a0{kp}\u00a0» : plus de 75 %, c’est répétitif.",
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
        return _v(
            9,
            Msg(
                f"{k} {_plural(k, 'intertitre')} sur {n} {_plural(k, 'reprend', 'reprennent')} «\u00a0{kp}\u00a0» : bien.",
                f'{k} of {n} subheadings use "{kp}": good.',
            ),
            spans=spans_of(hits),
            value=value,
        )
    return _v(
        3,
        Msg(
            f"Aucun des {n} intertitres H2/H3 ne reprend «\u00a0{kp}\u00a0».",
            f'None of the {n} H2/H3 subheadings uses "{kp}".',
        ),
        Msg(
            f"Reprenez «\u00a0{kp}\u00a0» ou un synonyme dans {max(lo, 1)} {_plural(max(lo, 1), 'intertitre')} (sur {n}).",
            f'Use "{kp}" or a synonym in {max(lo, 1)} of the {n} subheadings.',
        ),
        spans=spans_of(misses),
        value=value,
    )


# ---------------------------------------------------------------------------------- title & meta
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
            "Google coupe les titres trop larges par «\u00a0…\u00a0» : la fin, souvent l’argument, disparaît.",
            "Google cuts titles that are too wide with '…': the end, often the hook, disappears.",
        ),
        thresholds={
            "max_px": Threshold(
                pixels.SERP_TITLE_MAX_PX,
                _Y.format("PageTitleWidthAssessment, maxLength 600 px: above 3, none 1, else 9"),
            ),
            "font_px": Threshold(
                pixels.SERP_TITLE_FONT_PX,
                _Y.format("helpers/createMeasurementElement.js: arial, sans-serif, 20px, 400"),
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
    title, source, h1 = _seo_title(r, ctx)
    if title is None:
        return _v(
            1,
            Msg("Ni titre SEO ni H1.", "No SEO title and no H1."),
            Msg(
                "Donnez un titre SEO avec --title «\u00a0…\u00a0».",
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
        return _v(
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
    return _v(
        3,
        Msg(
            f"Titre SEO{origin_fr} trop large : {width} px pour {int(max_px)} ; Google n’affichera "
            f"que «\u00a0{visible} …\u00a0».",
            f'SEO title{origin_en} too wide: {width} px for {int(max_px)}; Google will show only "{visible} …".',
        ),
        Msg(
            f"Raccourcissez le titre d’au moins {over} px, soit environ {cut} "
            f"{_plural(cut, 'caractère')} : gardez "
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
                _Y.format(
                    "MetaDescriptionLengthAssessment, recommendedMaximumLength 120: 120 or fewer = 6"
                ),
            ),
            "max": Threshold(
                156, _Y.format("MetaDescriptionLengthAssessment, maximumLength 156: above = 6")
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
        return _v(
            1,
            Msg(
                "Aucune méta-description : Google affichera un extrait du texte à la place.",
                "No meta description: Google will show an excerpt of the text instead.",
            ),
            Msg(
                f"Écrivez un résumé de {lo + 1} à {hi} caractères et passez-le avec --meta «\u00a0…\u00a0».",
                f'Write a {lo + 1}–{hi} character summary and pass it with --meta "…".',
            ),
            value=value,
        )
    if n <= lo:
        return _v(
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
        return _v(
            6,
            Msg(
                f"Méta-description trop longue : {n} caractères (maximum {hi}) ; coupée après "
                f"«\u00a0{desc[: hi - 1].rstrip()}…\u00a0».",
                f'Meta description too long: {n} characters (maximum {hi}); cut after "{desc[: hi - 1].rstrip()}…".',
            ),
            Msg(
                f"Retirez au moins {n - hi} caractères.",
                f"Remove at least {n - hi} characters.",
            ),
            value=value,
        )
    return _v(
        9,
        Msg(
            f"Méta-description de {n} caractères : bien.",
            f"Meta description of {n} characters: good.",
        ),
        value=value,
    )


# ------------------------------------------------------------------------------------ structure
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
            "good": Threshold(300, _Y.format("TextLengthAssessment, recommendedMinimum 300 = 9")),
            "ok": Threshold(250, _Y.format("TextLengthAssessment, slightlyBelowMinimum 250 = 6")),
            "bad": Threshold(200, _Y.format("TextLengthAssessment, belowMinimum 200 = 3")),
            "very_bad": Threshold(
                100,
                _Y.format("TextLengthAssessment, veryFarBelowMinimum 100: 100–199 −10, <100 −20"),
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
        return _v(9, Msg(f"{n} mots : bien.", f"{n} words: good."), value=value)
    if n >= ok_n:
        yoast = 6
    elif n >= bad_n:
        yoast = 3
    else:
        yoast = -10 if n >= very_bad_n else -20
    return _v(
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
        return _v(
            9,
            Msg(f"{n} mots pour {target} demandés : bien.", f"{n} words for {target} asked: good."),
            value=value,
        )
    missing = target - n
    return _v(
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
            "max": Threshold(1, _Y.format("SingleH1Assessment: at most 1 = 8, more = 1")),
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
        return _v(
            8,
            Msg("Un seul H1 ou aucun : bien.", "One H1 at most: good."),
            spans=spans,
            value={"count": len(h1s)},
        )
    return _v(
        1,
        Msg(f"{len(h1s)} titres H1 dans l’article.", f"{len(h1s)} H1 headings in the article."),
        Msg(
            "Gardez un seul H1 (le titre) et passez les autres en H2.",
            "Keep one H1 (the title) and turn the others into H2s.",
        ),
        spans=spans[limit:],
        value={"count": len(h1s)},
    )


# --------------------------------------------------------------------------------- images, links
_NO_MARKUP = Msg(
    "Non évalué : le texte brut ne peut pas contenir d’images ni de liens.",
    "Not assessed: plain text cannot hold images or links.",
)


@check(
    Rule(
        code="SEO-IMAGES-ALT",
        category=Category.SEO,
        name=Msg("Images et texte alternatif", "Images and alt text"),
        what=Msg(
            "Vérifie que l’article a des images, que chacune a un texte alternatif et, avec une "
            "expression clé, qu’une partie des textes alternatifs la reprend (toutes si moins de 5 "
            "images : au moins une ; sinon 30 à 75 %). Non évalué en texte brut.",
            "Checks that the article has images, that each has alt text and, with a keyphrase, that "
            "some alt texts use it (under 5 images: at least one; otherwise 30–75 %). Not assessed "
            "on plain text.",
        ),
        why=Msg(
            "Le texte alternatif décrit l’image aux lecteurs d’écran et à Google Images ; "
            "il renforce aussi le sujet de la page.",
            "Alt text describes the image to screen readers and Google Images; it also reinforces "
            "the page's topic.",
        ),
        thresholds={
            "min_images": Threshold(1, _Y.format("ImageCountAssessment: no image = 3")),
            "lower": Threshold(
                0.3, _Y.format("KeyphraseInImageTextAssessment, lowerBoundary 0.3 (5+ images)")
            ),
            "upper": Threshold(
                0.75, _Y.format("KeyphraseInImageTextAssessment, upperBoundary 0.75 (5+ images)")
            ),
        },
        example_bad='<img src="trottinette.jpg">',
        example_good='<img src="trottinette.jpg" alt="Trottinettes en libre-service à Montréal">',
        needs_french=False,
    )
)
def images_alt(r: Research, ctx: Context, rule: Rule) -> Verdict:
    # Three Yoast assessments in one finding, in the order an editor fixes them: ImageCount (no
    # image: 3), ImageAltTags (images without alt: 3) and KeyphraseInImageText (alt texts with the
    # keyphrase: 9, otherwise 6). Without a keyphrase, or on non-French text, all alts present = 9.
    if not _can_hold_markup(r):
        return na(_NO_MARKUP)
    images = r.doc.images
    n = len(images)
    min_images = int(rule.t(ctx, "min_images"))
    if n < min_images:
        return _v(
            3,
            Msg(
                f"{n} {_plural(n, 'image')} dans l’article (minimum {min_images}).",
                f"{n} image{'s' if n != 1 else ''} in the article (minimum {min_images}).",
            ),
            Msg(
                f"Ajoutez {min_images - n} {_plural(min_images - n, 'image')}, chacune avec un "
                "texte alternatif qui la décrit.",
                f"Add {min_images - n} image{'s' if min_images - n > 1 else ''}, each with alt "
                "text describing it.",
            ),
            value={"images": n},
        )
    no_alt = [im for im in images if not im.alt.strip()]
    value: dict[str, Any] = {"images": n, "without_alt": len(no_alt)}
    if no_alt:
        value["sources_without_alt"] = [im.src for im in no_alt[:10]]
        names = ", ".join(_file_name(im.src) for im in no_alt[:3])
        names += " …" if len(no_alt) > 3 else ""
        return _v(
            3,
            Msg(
                f"{len(no_alt)} {_plural(len(no_alt), 'image')} sur {n} sans texte alternatif.",
                f"{len(no_alt)} of {n} images without alt text.",
            ),
            Msg(
                f"Décrivez chaque image en une phrase courte dans son attribut alt : {names}.",
                f"Describe each image in a short sentence in its alt attribute: {names}.",
            ),
            value=value,
        )
    if not ctx.keyphrase or not ctx.is_french:
        return _v(
            9,
            Msg(
                "L’image a un texte alternatif."
                if n == 1
                else f"Les {n} images ont un texte alternatif.",
                f"All {n} images have alt text.",
            ),
            value=value,
        )
    kp = ctx.keyphrase
    phrases = _topic_phrases(ctx)
    with_kp = [im for im in images if _percent_words(r, phrases, im.alt) >= 50]
    k = len(with_kp)
    lo, hi = math.ceil(n * rule.t(ctx, "lower")), math.floor(n * rule.t(ctx, "upper"))
    value.update(with_keyphrase=k)
    alt_spans = _spans_of(r.text, (im.alt for im in images))
    if k == 0:
        return _v(
            6,
            Msg(
                f"Aucun texte alternatif ne reprend «\u00a0{kp}\u00a0».",
                f'No alt text uses "{kp}".',
            ),
            Msg(
                f"Reprenez «\u00a0{kp}\u00a0» (ou un synonyme) dans le texte alternatif d’une image où il "
                "décrit vraiment l’image.",
                f'Use "{kp}" (or a synonym) in the alt text of an image it really describes.',
            ),
            spans=alt_spans,
            value=value,
        )
    if n < 5 or (n == 5 and 2 <= k <= 4) or (n > 5 and lo <= k <= hi):
        return _v(
            9,
            Msg(
                f"Textes alternatifs présents ; {k} sur {n} {_plural(k, 'reprend', 'reprennent')} «\u00a0{kp}\u00a0» : "
                "bien.",
                f'Alt texts present; {k} of {n} use "{kp}": good.',
            ),
            value=value,
        )
    if k < lo:
        return _v(
            6,
            Msg(
                f"Seulement {k} {_plural(k, 'image')} sur {n} {_plural(k, 'reprend', 'reprennent')} «\u00a0{kp}\u00a0» "
                "dans le texte alternatif.",
                f'Only {k} of {n} images use "{kp}" in their alt text.',
            ),
            Msg(
                f"Reprenez «\u00a0{kp}\u00a0» dans {lo - k} {_plural(lo - k, 'texte alternatif', 'textes alternatifs')} de plus, là où il décrit "
                "l’image.",
                f'Use "{kp}" in {lo - k} more alt text(s), where it describes the image.',
            ),
            spans=alt_spans,
            value=value,
        )
    return _v(
        6,
        Msg(
            f"{k} images sur {n} reprennent «\u00a0{kp}\u00a0» dans leur texte alternatif : c’est trop.",
            f'{k} of {n} images use "{kp}" in their alt text: too many.',
        ),
        Msg(
            f"Décrivez {k - hi} de ces images sans l’expression clé.",
            f"Describe {k - hi} of these images without the keyphrase.",
        ),
        spans=alt_spans,
        value=value,
    )


def _classify_links(r: Research, ctx: Context) -> dict[str, list[int]]:
    site = _host(ctx.meta.url) if ctx.meta.url else None
    kinds: dict[str, list[int]] = {"internal": [], "outbound": [], "other": []}
    for i, link in enumerate(r.doc.links):
        kinds[_link_kind(link.href, site or None)].append(i)
    return kinds


def _links_verdict(r: Research, ctx: Context, rule: Rule, kind: str) -> Verdict:
    if not _can_hold_markup(r):
        return na(_NO_MARKUP)
    kinds = _classify_links(r, ctx)
    idx = kinds[kind]
    links = [r.doc.links[i] for i in idx]
    site = _host(ctx.meta.url) if ctx.meta.url else None
    value: dict[str, Any] = {
        "internal": len(kinds["internal"]),
        "outbound": len(kinds["outbound"]),
        "other": len(kinds["other"]),
        "site": site,
    }
    absolute = any(urlsplit(r.doc.links[i].href).netloc for i in kinds["outbound"])
    unknown_fr = (
        " (URL de la page inconnue : les liens absolus comptent comme sortants)"
        if site is None and absolute
        else ""
    )
    unknown_en = (
        " (page URL unknown: absolute links count as outbound)" if site is None and absolute else ""
    )
    spans = _spans_of(r.text, (lk.text for lk in links))
    n = len(links)
    if kind == "internal":
        fr_name, fr_names, en_name = "lien interne", "liens internes", "internal link"
        hint = Msg(
            "Ajoutez au moins un lien vers un autre article du site sur le même sujet"
            + (" (donnez l’URL de la page pour reconnaître le site)." if site is None else "."),
            "Add at least one link to another article of the site on the same topic"
            + (" (give the page URL so the site is recognised)." if site is None else "."),
        )
    else:
        fr_name, fr_names, en_name = "lien sortant", "liens sortants", "outbound link"
        hint = Msg(
            "Ajoutez au moins un lien vers une source externe fiable (étude, communiqué, "
            "article d’origine).",
            "Add at least one link to a reliable external source (study, press release, original "
            "article).",
        )
    if n < rule.t(ctx, "min"):
        return _v(
            3,
            Msg(
                (f"Aucun {fr_name}" if n == 0 else f"{n} {_plural(n, fr_name, fr_names)}")
                + f"{unknown_fr}.",
                f"{n} {en_name}{'s' if n != 1 else ''}{unknown_en}.",
            ),
            hint,
            value=value,
        )
    return _v(
        9,
        Msg(
            f"{n} {_plural(n, fr_name, fr_names)}{unknown_fr} : bien.",
            f"{n} {en_name}{'s' if n > 1 else ''}{unknown_en}: good.",
        ),
        spans=spans,
        value=value,
    )


@check(
    Rule(
        code="SEO-LINKS-INTERNAL",
        category=Category.SEO,
        name=Msg("Liens internes", "Internal links"),
        what=Msg(
            "Compte les liens vers le même site : liens relatifs, ou même domaine que l’URL de la "
            "page («\u00a0www.\u00a0» ignoré). Non évalué en texte brut.",
            "Counts links to the same site: relative links, or the page URL's domain ('www.' "
            "ignored). Not assessed on plain text.",
        ),
        why=Msg(
            "Les liens internes guident le lecteur vers la suite et aident Google à comprendre la "
            "structure du site.",
            "Internal links lead readers on and help Google understand the site's structure.",
        ),
        thresholds={
            "min": Threshold(1, _Y.format("InternalLinksAssessment: none = 3, followed = 9")),
        },
        example_bad="Aucun lien vers d’autres articles du site.",
        example_good='Lire aussi : <a href="/transport/velos-bixi">le bilan des Bixi</a>',
        needs_french=False,
    )
)
def links_internal(r: Research, ctx: Context, rule: Rule) -> Verdict:
    # Yoast also scores all-nofollow links 7 and mixed 8; our documents do not carry rel
    # attributes, so every link counts as followed (9).
    return _links_verdict(r, ctx, rule, "internal")


@check(
    Rule(
        code="SEO-LINKS-OUTBOUND",
        category=Category.SEO,
        name=Msg("Liens sortants", "Outbound links"),
        what=Msg(
            "Compte les liens vers d’autres sites (mailto:, tel: et ancres exclus). Non évalué en "
            "texte brut.",
            "Counts links to other sites (mailto:, tel: and anchors excluded). Not assessed on "
            "plain text.",
        ),
        why=Msg(
            "Citer ses sources crédibilise l’article auprès des lecteurs et des moteurs.",
            "Citing sources makes the article credible to readers and search engines.",
        ),
        thresholds={
            "min": Threshold(1, _Y.format("OutboundLinksAssessment: none = 3, followed = 9")),
        },
        example_bad="«\u00a0selon une étude\u00a0» sans lien.",
        example_good='selon <a href="https://ville.montreal.qc.ca/…">la Ville de Montréal</a>',
        needs_french=False,
    )
)
def links_outbound(r: Research, ctx: Context, rule: Rule) -> Verdict:
    return _links_verdict(r, ctx, rule, "outbound")
