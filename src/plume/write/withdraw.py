"""What faithful mode publishes instead of a generated statement the sources do not support:
the source's own words (its headline, its lead's whole sentences), or no created heading at all.

An unsupported statement is never published (issue 16): the verify stage finds them, this
module takes them out, and the conductor verifies again.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from plume.article import Article, Section
from plume.document import BlockKind, Document
from plume.text import sentences
from plume.write.compress import noun_phrases
from plume.write.labels import names_only
from plume.write.sections import content_lemmas
from plume.write.titles import fit_title

#: Google shows about 155 characters of a description (the meta-description check's bound).
_META_MAX = 156
#: A sentence longer than this is no title (the title writer's bound for the author's own).
_TITLE_MAX = 90
_BACK_POINTERS = ("il ", "elle ", "ils ", "elles ", "cela ", "ça ", "ce ")
_HEADING = re.compile(r"sections\[(\d+)\]\.heading")
_FAQ = re.compile(r"faq\[(\d+)\]")


def _headline(source: Document) -> str | None:
    return next(
        (b.text for b in source.blocks if b.kind is BlockKind.HEADING and b.level == 1), None
    )


def _lead_sentences(article: Article, source: Document) -> list[str]:
    paragraphs = (
        article.intro or [b.text for b in source.blocks if b.kind is BlockKind.PARAGRAPH][:1]
    )
    return [s.text for p in paragraphs[:2] for s in sentences(p)]


def _lead_title(article: Article, source: Document) -> str:
    """The lead's first sentence short enough to be a title and naming its subject; the
    keyphrase itself when none is (a topic, true, if bare)."""
    for s in _lead_sentences(article, source):
        if len(s) <= _TITLE_MAX and not s.lower().startswith(_BACK_POINTERS):
            return s.rstrip(" .")
    return article.keyphrase[:1].upper() + article.keyphrase[1:]


def _section_phrase(section: Section, taken: set[str]) -> str | None:
    """A noun phrase copied from the section's first sentences: its words, said of nothing."""
    for p in section.paragraphs[:2]:
        for s in sentences(p)[:2]:
            for phrase in noun_phrases(s.text, 70):
                # Two content words at least: "Un projet" is a label, better no heading.
                # Nor a name alone ("Jacques Chirac"): a label of its section.
                if (
                    phrase.lower() not in taken
                    and len(content_lemmas(phrase)) >= 2
                    and not names_only(phrase)
                ):
                    return phrase
    return None


def _lead_description(article: Article, source: Document) -> str:
    """The lead's first whole sentences, as many as fit the description's length (at least
    one: a long true sentence beats a short invented one)."""
    out: list[str] = []
    for s in _lead_sentences(article, source):
        if out and len(" ".join([*out, s])) > _META_MAX:
            break
        out.append(s)
    return " ".join(out) or article.meta_description


def withdraw_unsupported(article: Article, source: Document, fields: Collection[str]) -> Article:
    """``article`` with the statements of ``fields`` (the verify stage's SUPPORT findings)
    replaced by the source's words: the title by the source's headline or the lead's first
    sentence, the SEO title by the title (cut at a natural break when wider than Google shows), the description by the lead's whole sentences; a
    created heading by a noun phrase of its section, or it goes and its section joins the one
    before (or after, for the first); an FAQ answer goes with its question."""
    title = article.title
    if "title" in fields:
        title = _headline(source) or _lead_title(article, source)
    seo_title = article.seo_title
    if {"seo_title", "title"} & set(fields):
        # The title as Google shows it, unless that is the very text withdrawn: then whole.
        fitted = fit_title(title)
        seo_title = title if fitted == article.seo_title else fitted
    meta = (
        _lead_description(article, source)
        if "meta_description" in fields
        else article.meta_description
    )
    dropped = {int(m.group(1)) for f in fields if (m := _HEADING.fullmatch(f))}
    taken = {s.heading.lower() for s in article.sections}
    sections: list[Section] = []
    pending: list[str] = []  # the first section's text, when its heading goes
    for i, s in enumerate(article.sections):
        if i in dropped and (phrase := _section_phrase(s, taken)):
            # The section keeps a heading made of its own words (the outline keeps its H2s).
            taken.add(phrase.lower())
            s = s.model_copy(update={"heading": phrase})
        elif i in dropped and sections:
            sections[-1] = sections[-1].model_copy(
                update={"paragraphs": [*sections[-1].paragraphs, *s.paragraphs]}
            )
            continue
        elif i in dropped:
            pending += s.paragraphs
            continue
        sections.append(s.model_copy(update={"paragraphs": [*pending, *s.paragraphs]}))
        pending = []
    intro = [*article.intro, *pending]  # every heading went: the text stays, under the lead
    faq_out = {int(m.group(1)) for f in fields if (m := _FAQ.fullmatch(f))}
    return article.model_copy(
        update={
            "title": title,
            "seo_title": seo_title,
            "meta_description": meta,
            "intro": intro,
            "sections": sections,
            "faq": [q for i, q in enumerate(article.faq) if i not in faq_out],
        }
    )
