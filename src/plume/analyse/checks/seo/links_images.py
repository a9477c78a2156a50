"""SEO checks on images (alt texts) and links (internal, outbound).

Yoast's ImageCountAssessment, ImageKeyphraseAssessment, InternalLinksAssessment and
OutboundLinksAssessment (yoastseo 3.6.0). Plain text cannot hold either: those checks say so.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from plume.analyse.checks.base import Context, Rule, Threshold, Verdict, check, na
from plume.analyse.checks.seo.common import (
    YOAST,
    percent_words,
    topic_phrases,
    verdict,
)
from plume.analyse.checks.wording import plural_fr
from plume.analyse.researches import Research
from plume.report import Category, Msg, Span


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
            "min_images": Threshold(1, YOAST.format("ImageCountAssessment: no image = 3")),
            "lower": Threshold(
                0.3, YOAST.format("KeyphraseInImageTextAssessment, lowerBoundary 0.3 (5+ images)")
            ),
            "upper": Threshold(
                0.75, YOAST.format("KeyphraseInImageTextAssessment, upperBoundary 0.75 (5+ images)")
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
        return verdict(
            3,
            Msg(
                f"{n} {plural_fr(n, 'image')} dans l’article (minimum {min_images}).",
                f"{n} image{'s' if n != 1 else ''} in the article (minimum {min_images}).",
            ),
            Msg(
                f"Ajoutez {min_images - n} {plural_fr(min_images - n, 'image')}, chacune avec un "
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
        return verdict(
            3,
            Msg(
                f"{len(no_alt)} {plural_fr(len(no_alt), 'image')} sur {n} sans texte alternatif.",
                f"{len(no_alt)} of {n} images without alt text.",
            ),
            Msg(
                f"Décrivez chaque image en une phrase courte dans son attribut alt : {names}.",
                f"Describe each image in a short sentence in its alt attribute: {names}.",
            ),
            value=value,
        )
    if not ctx.keyphrase or not ctx.is_french:
        return verdict(
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
    phrases = topic_phrases(ctx)
    with_kp = [im for im in images if percent_words(r, phrases, im.alt) >= 50]
    k = len(with_kp)
    lo, hi = math.ceil(n * rule.t(ctx, "lower")), math.floor(n * rule.t(ctx, "upper"))
    value.update(with_keyphrase=k)
    alt_spans = _spans_of(r.text, (im.alt for im in images))
    if k == 0:
        return verdict(
            6,
            Msg(
                f"Aucun texte alternatif ne reprend « {kp} ».",
                f'No alt text uses "{kp}".',
            ),
            Msg(
                f"Reprenez « {kp} » (ou un synonyme) dans le texte alternatif d’une image où il "
                "décrit vraiment l’image.",
                f'Use "{kp}" (or a synonym) in the alt text of an image it really describes.',
            ),
            spans=alt_spans,
            value=value,
        )
    if n < 5 or (n == 5 and 2 <= k <= 4) or (n > 5 and lo <= k <= hi):
        return verdict(
            9,
            Msg(
                f"Textes alternatifs présents ; {k} sur {n} {plural_fr(k, 'reprend', 'reprennent')} « {kp} » : "
                "bien.",
                f'Alt texts present; {k} of {n} use "{kp}": good.',
            ),
            value=value,
        )
    if k < lo:
        return verdict(
            6,
            Msg(
                f"Seulement {k} {plural_fr(k, 'image')} sur {n} {plural_fr(k, 'reprend', 'reprennent')} « {kp} » "
                "dans le texte alternatif.",
                f'Only {k} of {n} images use "{kp}" in their alt text.',
            ),
            Msg(
                f"Reprenez « {kp} » dans {lo - k} {plural_fr(lo - k, 'texte alternatif', 'textes alternatifs')} de plus, là où il décrit "
                "l’image.",
                f'Use "{kp}" in {lo - k} more alt text(s), where it describes the image.',
            ),
            spans=alt_spans,
            value=value,
        )
    return verdict(
        6,
        Msg(
            f"{k} images sur {n} reprennent « {kp} » dans leur texte alternatif : c’est trop.",
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
        return verdict(
            3,
            Msg(
                (f"Aucun {fr_name}" if n == 0 else f"{n} {plural_fr(n, fr_name, fr_names)}")
                + f"{unknown_fr}.",
                f"{n} {en_name}{'s' if n != 1 else ''}{unknown_en}.",
            ),
            hint,
            value=value,
        )
    return verdict(
        9,
        Msg(
            f"{n} {plural_fr(n, fr_name, fr_names)}{unknown_fr} : bien.",
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
            "page (« www. » ignoré). Non évalué en texte brut.",
            "Counts links to the same site: relative links, or the page URL's domain ('www.' "
            "ignored). Not assessed on plain text.",
        ),
        why=Msg(
            "Les liens internes guident le lecteur vers la suite et aident Google à comprendre la "
            "structure du site.",
            "Internal links lead readers on and help Google understand the site's structure.",
        ),
        thresholds={
            "min": Threshold(1, YOAST.format("InternalLinksAssessment: none = 3, followed = 9")),
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
            "min": Threshold(1, YOAST.format("OutboundLinksAssessment: none = 3, followed = 9")),
        },
        example_bad="« selon une étude » sans lien.",
        example_good='selon <a href="https://ville.montreal.qc.ca/…">la Ville de Montréal</a>',
        needs_french=False,
    )
)
def links_outbound(r: Research, ctx: Context, rule: Rule) -> Verdict:
    return _links_verdict(r, ctx, rule, "outbound")
