"""Faithful mode: restructure the author's cleaned text into an ``Article`` without inventing.

Every sentence of the body is the author's (after cleaning); plume only decides where sections
start, which paragraphs are split, and writes the apparatus (headings, titles, meta description,
slug) from the text's own words. Pure: no I/O, no model (the model path proposes headings and
titles as candidates on top of this one).
"""

from __future__ import annotations

import math
import re
from datetime import datetime

from plume.analyse.keyphrase import KeyphraseMatcher
from plume.article import Article, ArticleKind, FaqItem, Section
from plume.backends.base import Backend
from plume.document import BlockKind, Document, EditorFields
from plume.optimisation import Generated
from plume.text import count_words, sentences
from plume.write.headings import (
    deterministic_heading,
    holds_keyphrase,
    section_heading,
    shorten_heading,
)
from plume.write.meta import build_meta_description, support_judge
from plume.write.sections import plan_sections, split_long_paragraph
from plume.write.slug import make_slug
from plume.write.titles import build_seo_title, build_title, sentence_case, source_headline

#: Yoast SubHeadingsKeywordAssessment: the keyphrase in 30–75 % of subheadings. Aiming at half
#: leaves room on both sides when a heading cannot take it naturally (a section that never
#: names it, a sentence that cannot be shortened).
KEYPHRASE_HEADING_SHARE = 0.5
#: Yoast SubHeadingsKeywordAssessment lowerBoundary: the share never aimed under.
KEYPHRASE_HEADING_MIN = 0.3


def _is_question(paragraph: str) -> bool:
    sents = sentences(paragraph)
    return len(sents) == 1 and sents[0].text.rstrip("\u00a0\u202f »").endswith("?")


def _split_questions(paragraphs: list[str]) -> tuple[list[str], list[FaqItem], list[str]]:
    """Questions the text asks as paragraphs of their own: answered by the next paragraph → FAQ;
    unanswered (a question followed by another question, or last) → questions to the reader."""
    body: list[str] = []
    faq: list[FaqItem] = []
    reader: list[str] = []
    i = 0
    while i < len(paragraphs):
        p = paragraphs[i]
        nxt = paragraphs[i + 1] if i + 1 < len(paragraphs) else None
        if _is_question(p) and i > 0:
            if nxt is not None and not _is_question(nxt):
                faq.append(FaqItem(question=p, answer=nxt))
                i += 2
                continue
            reader.append(p)
            i += 1
            continue
        body.append(p)
        i += 1
    return body, faq, reader


_SOURCES = re.compile(r"^Sources?\s*[:\u00a0\u202f]+\s*", re.IGNORECASE)


def _closing_questions(paragraph: str) -> tuple[str, list[str], list[str]]:
    """Split off the questions an article ends on (scraped pages glue them to the last
    paragraph), and a "Sources : …" note glued before them.

    Returns (what stays in the paragraph, questions to the reader, sources).
    """
    sents = [x.text for x in sentences(paragraph)]
    k = len(sents)
    while k > 0 and sents[k - 1].rstrip("\u00a0\u202f »").endswith("?"):
        k -= 1
    if k == len(sents):
        return paragraph, [], []
    questions = sents[k:]
    sources: list[str] = []
    first = _SOURCES.match(questions[0])
    if first:
        # "Sources : Blog posts by Ben Thompson, à votre avis, en quoi … ?"
        rest = questions[0][first.end() :]
        name, sep, question = rest.partition(", ")
        if sep and question:
            sources.append(name.strip())
            questions[0] = question[:1].upper() + question[1:]
    return " ".join(sents[:k]), questions, sources


#: Yoast 3.6 KeyphraseDensityAssessment: maximum density when word forms are not recognised
#: (its free French analyser), 3 %.
MAX_DENSITY = 0.03
#: Main sections an article should have at least (issue 3's acceptance: ≥ 3 H2).
MIN_H2 = 3


def _key_points(doc: Document) -> list[str]:
    """The list items that open the text, before any paragraph (a news site's bullet summary
    under its title): they stay a list, under the H1."""
    points: list[str] = []
    for b in doc.blocks:
        if b.is_heading and b.level == 1:
            continue
        if b.kind is not BlockKind.LIST_ITEM:
            break
        points.append(b.text)
    return points


def _segments(doc: Document, skip: int = 0) -> list[tuple[str | None, list[str]]]:
    """The body as (source heading or None, paragraphs) in order; long paragraphs split.

    The first ``skip`` list items (the key points) are left out; any other list item is kept
    as a paragraph of its own, so no word of the author is lost."""
    segments: list[tuple[str | None, list[str]]] = [(None, [])]
    for b in doc.blocks:
        if b.is_heading:
            if b.level > 1:
                # "Introduction :" → "Introduction": a heading takes no final punctuation
                # (Imprimerie nationale); "?" and "!" are kept, they carry meaning.
                segments.append((b.text.rstrip(" :.\u00a0\u202f") or b.text, []))
        elif b.kind is BlockKind.LIST_ITEM and skip:
            skip -= 1
        else:
            segments[-1][1].extend(split_long_paragraph(b.text))
    return [(h, ps) for h, ps in segments if ps or h]


def build_article(
    cleaned: Document,
    fields: EditorFields,
    *,
    published: datetime,
    backend: Backend | None = None,
    generated: list[Generated] | None = None,
) -> Article:
    """``cleaned`` (a cleaned document) as an SEO-structured article, in the author's words,
    for the keyphrase and synonyms of ``fields`` (``fields.keyphrase`` must be set).

    With a ``backend`` (a language model), the headings plume creates are the model's best
    checked candidate, or the deterministic heading when none passes; every candidate and why it
    was accepted or rejected is appended to ``generated``.

    The author's own subheadings are kept: a section under one of them that runs over 300 words
    is cut at its topic shifts into H3 subsections. Text without subheadings is cut into H2
    sections. The first paragraph stays the lead.
    """
    keyphrase = fields.keyphrase
    if keyphrase is None:
        raise ValueError("build_article needs fields.keyphrase")
    synonyms = fields.synonyms
    h1 = next((b.text for b in cleaned.blocks if b.is_heading and b.level == 1), None)
    matcher = KeyphraseMatcher(keyphrase, synonyms)
    faq: list[FaqItem] = []
    reader: list[str] = []
    intro: list[str] = []
    sections: list[Section] = []
    # Keyphrase uses the headings may add before the text is over-optimised for Yoast's free
    # French analyser, which matches exact forms only and caps density at 3 %
    # (KeyphraseDensityAssessment, maximum without word forms): the body's own uses count first
    # (see docs/calibration.md).
    all_text = "\n".join(b.text for b in cleaned.blocks if not b.is_heading)
    room = int(MAX_DENSITY * count_words(all_text)) - matcher.count_in(all_text)
    kp_budget = room - (1 if not h1 else 0)  # the H1, when plume writes it, takes one

    # The title is settled first, so that no section heading repeats it (an H2 equal to the
    # H1 says nothing).
    whole = deterministic_heading(
        [b.text for b in cleaned.blocks if not b.is_heading and b.kind is not BlockKind.LIST_ITEM],
        (),
        prefer=keyphrase if room > 0 else None,
        avoid=None if room > 0 else keyphrase,
    )
    # A headline, not a label: the source's own, else the lead's main event (titles.py);
    # compressed fields are published only when the source supports them (issue 16).
    lead_text = [b.text for b in cleaned.blocks if not b.is_heading]
    judge = support_judge("\n\n".join(lead_text))
    title = build_title(cleaned, lead_text, keyphrase, supported=judge) or h1 or whole or keyphrase
    used: list[str] = [title]
    body: list[str] = []

    def new_heading(paragraphs: list[str], want_kp: bool) -> str:
        nonlocal kp_budget
        if backend is not None:
            from plume.write.candidates import model_heading  # lexicon, facts, lingua: lazily

            choice = model_heading(
                backend, paragraphs, used=used, keyphrase=keyphrase, prefer_keyphrase=want_kp
            )
            heading = choice.heading
            if generated is not None:
                generated.extend(
                    Generated(field="heading", text=t, accepted=t == heading)
                    for t in choice.accepted
                )
                generated.extend(
                    Generated(field="heading", text=t, accepted=False, reasons=list(r))
                    for t, r in choice.rejected
                )
        else:
            heading = section_heading(
                paragraphs,
                used,
                keyphrase=keyphrase,
                synonyms=synonyms,
                want_keyphrase=want_kp,
                avoid_keyphrase=not want_kp,
            )
        used.append(heading)
        if matcher.in_text(heading):
            kp_budget -= 1
        return heading

    body_text = "\n".join(b.text for b in cleaned.blocks if not b.is_heading)
    key_points = _key_points(cleaned)
    pending: list[int] = []
    for raw_heading, paragraphs in _segments(cleaned, skip=len(key_points)):
        source_heading = (
            shorten_heading(sentence_case(raw_heading, body_text)) if raw_heading else None
        )
        kept, seg_faq, seg_reader = _split_questions(paragraphs)
        faq += seg_faq
        reader += seg_reader
        body += kept
        if source_heading is None and not intro and kept:
            intro, kept = kept[:1], kept[1:]
        if source_heading is not None:
            used.append(source_heading)
        groups = plan_sections(kept) if kept else []
        for n, group in enumerate(groups):
            section_paragraphs = [kept[i] for i in group]
            if source_heading is not None and n == 0:
                sections.append(
                    Section(heading=source_heading, level=2, paragraphs=section_paragraphs)
                )
            else:
                # Headed once every section is known (the keyphrase is planned over them all).
                level = 2 if source_heading is None else 3
                pending.append(len(sections))
                sections.append(Section(heading="", level=level, paragraphs=section_paragraphs))
        if source_heading is not None and not groups:
            sections.append(Section(heading=source_heading, level=2, paragraphs=[]))
    # Yoast SubHeadingsKeywordAssessment: the keyphrase in 30–75 % of subheadings. The sections
    # that name it most get it, until half of all subheadings (the author's included) hold it,
    # within the density budget; the others are headed without it.
    n_sub = len(sections)
    target = max(math.ceil(KEYPHRASE_HEADING_MIN * n_sub), round(KEYPHRASE_HEADING_SHARE * n_sub))
    held = [x for x in sections if x.heading and holds_keyphrase(x.heading, keyphrase, synonyms)]
    wanted = target - len(held)
    # How often a section names the keyphrase, as Yoast counts a subheading's match (most of its
    # words): a sentence holding "Microsoft" and "OpenAI" names "Microsoft et OpenAI".
    naming = {
        i: sum(
            holds_keyphrase(x.text, keyphrase, synonyms)
            for p in sections[i].paragraphs
            for x in sentences(p)
        )
        for i in pending
    }
    for i in sorted(pending, key=lambda i: -naming[i]):
        want_kp = wanted > 0 and naming[i] > 0 and kp_budget > 0
        heading = new_heading(sections[i].paragraphs, want_kp)
        wanted -= holds_keyphrase(heading, keyphrase, synonyms)
        sections[i] = sections[i].model_copy(update={"heading": heading})
    if sum(1 for x in sections if x.level == 2) < MIN_H2 and any(x.level == 3 for x in sections):
        # Too few main sections for the page's outline (issue 3: at least 3 H2): the created
        # subsections become sections. Yoast's subheading checks count H2 and H3 alike, so
        # nothing is lost for them.
        sections = [x.model_copy(update={"level": 2}) for x in sections]
    sources: list[str] = []
    if sections and sections[-1].paragraphs:
        last = sections[-1]
        kept_text, closing, sources = _closing_questions(last.paragraphs[-1])
        if closing:
            reader += closing
            paragraphs = [*last.paragraphs[:-1], *([kept_text] if kept_text else [])]
            sections[-1] = last.model_copy(update={"paragraphs": paragraphs})
            body = [p for p in body if p != last.paragraphs[-1]] + (
                [kept_text] if kept_text else []
            )
    seo_title = build_seo_title(
        title, keyphrase, doc=cleaned, paragraphs=lead_text, supported=judge
    )
    meta_description = build_meta_description(body, keyphrase, supported=judge)
    if backend is not None and body:
        from plume.write.candidates import FieldChoice, model_meta, model_title

        def record(name: str, choice: FieldChoice) -> None:
            if generated is not None:
                generated.extend(
                    Generated(field=name, text=t, accepted=t == choice.text)
                    for t in choice.accepted
                )
                generated.extend(
                    Generated(field=name, text=t, accepted=False, reasons=list(r))
                    for t, r in choice.rejected
                )

        lead = intro[0] if intro else body[0]
        article_text = "\n".join(body)
        # The author's own headline is kept (faithful mode); else a model title that passes the
        # same checks (a headline, not a label; supported by the source) replaces the lead's.
        if source_headline(cleaned) is None and room > 0:
            # The model's title replaces the deterministic one: only the headings count as
            # repeats.
            title_choice = model_title(
                backend, lead, article_text, keyphrase=keyphrase, used=used[1:]
            )
            record("title", title_choice)
            if title_choice.text:
                title = title_choice.text
                seo_title = build_seo_title(
                    title, keyphrase, doc=cleaned, paragraphs=lead_text, supported=judge
                )
        meta_choice = model_meta(backend, lead, article_text, keyphrase=keyphrase)
        record("meta_description", meta_choice)
        meta_description = meta_choice.text or meta_description
    return Article(
        title=title,
        seo_title=seo_title,
        meta_description=meta_description,
        slug=make_slug(title, keyphrase),
        keyphrase=keyphrase,
        synonyms=list(synonyms),
        kind=ArticleKind.NEWS,
        date_published=published,
        key_points=key_points,
        intro=intro,
        sections=sections,
        faq=faq,
        reader_questions=reader,
        sources=sources,
    )
