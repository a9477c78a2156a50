"""Faithful mode: restructure the author's cleaned text into an ``Article`` without inventing.

Every sentence of the body is the author's (after cleaning); plume only decides where sections
start, which paragraphs are split, and writes the apparatus (headings, titles, meta description,
slug) from the text's own words. Pure: no I/O, no model (the model path proposes headings and
titles as candidates on top of this one).
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from datetime import datetime

from plume.analyse.keyphrase import KeyphraseMatcher
from plume.article import (
    Article,
    ArticleKind,
    FaqItem,
    Piece,
    Quote,
    Section,
    piece_texts,
    prose,
)
from plume.backends.base import Backend
from plume.document import BlockKind, Document, EditorFields
from plume.optimisation import Generated
from plume.text import count_words, french_spacing, sentences
from plume.write.gate import support_judge
from plume.write.headings import (
    coreferent_sentences,
    deterministic_heading,
    holds_keyphrase,
    section_heading,
    shorten_heading,
)
from plume.write.meta import build_meta_description
from plume.write.outline import MAX_LEVEL, segments
from plume.write.sections import MAX_SECTION_WORDS, cannot_open, plan_sections
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


def _split_questions(pieces: list[Piece]) -> tuple[list[Piece], list[FaqItem], list[str]]:
    """Questions the text asks as paragraphs of their own: answered by the next paragraph → FAQ;
    unanswered (a question followed by another question, or last) → questions to the reader.
    A question followed by a list or a quotation introduces it and stays."""
    body: list[Piece] = []
    faq: list[FaqItem] = []
    reader: list[str] = []
    i = 0
    while i < len(pieces):
        p = pieces[i]
        nxt = pieces[i + 1] if i + 1 < len(pieces) else None
        if isinstance(p, str) and _is_question(p) and i > 0:
            if isinstance(nxt, str) and not _is_question(nxt):
                faq.append(FaqItem(question=p, answer=nxt))
                i += 2
                continue
            if nxt is None or isinstance(nxt, str):
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


def _author_heading(raw: str, body_text: str) -> str:
    """An author's heading in French sentence case (titles.sentence_case), capital first ("pour
    la pâte" → "Pour la pâte")."""
    text = sentence_case(raw, body_text)
    return shorten_heading(text[:1].upper() + text[1:])


def _piece_text(piece: Piece) -> str:
    return piece if isinstance(piece, str) else " ".join(piece.texts())


def _joined(pieces: Sequence[Piece]) -> list[bool]:
    """``joined[i]``: no section may start at ``pieces[i]`` (sections.cannot_open); nor at a
    quotation, which the text before it introduces."""
    out = [False]
    for prev, cur in itertools.pairwise(pieces):
        out.append(
            isinstance(cur, Quote)
            or cannot_open(
                prev if isinstance(prev, str) else None, cur if isinstance(cur, str) else None
            )
        )
    return out


def _lead(pieces: list[Piece]) -> int:
    """How many pieces the lead takes: the first, and what cannot be cut from it (the list it
    announces, a paragraph opening on "Mais"), while the text before the first heading stays
    within Yoast's 300 words (SubheadingsDistributionTooLong)."""
    joined = _joined(pieces)
    n = 1
    words = count_words(_piece_text(pieces[0]))
    while n < len(pieces) and joined[n]:
        words += count_words(_piece_text(pieces[n]))
        if words > MAX_SECTION_WORDS:
            break
        n += 1
    return n


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
    # A title is said by the prose, or by a list of whole sentences (a summary in bullets); an
    # ingredient line ("1 pâte brisée") or a quotation says no event.
    prose_text = [
        b.text
        for b in cleaned.blocks
        if b.kind is BlockKind.PARAGRAPH
        or (b.kind is BlockKind.LIST_ITEM and b.text.rstrip(" »\u00a0\u202f").endswith("."))
    ]
    title = build_title(cleaned, prose_text, keyphrase, supported=judge) or h1 or whole or keyphrase
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
                article=body_text,
            )
        used.append(heading)
        if matcher.in_text(heading):
            kp_budget -= 1
        return heading

    body_text = "\n".join(b.text for b in cleaned.blocks if not b.is_heading)
    key_points = _key_points(cleaned)
    pending: list[int] = []
    intro_blocks: list[Piece] = []
    for seg in segments(cleaned, skip=len(key_points)):
        source_heading = _author_heading(seg.heading, body_text) if seg.heading else None
        kept, seg_faq, seg_reader = _split_questions(seg.pieces)
        faq += seg_faq
        reader += seg_reader
        body += prose(kept)
        if not seg.boundary and not intro_blocks and kept:
            n_lead = _lead(kept)
            intro_blocks, kept = kept[:n_lead], kept[n_lead:]
        if source_heading is not None:
            used.append(source_heading)
        # A list stays whole (one piece), and no boundary falls between a list and the
        # sentence announcing it, or before a paragraph opening on "Mais" or "Il" (issue 17).
        groups = plan_sections([_piece_text(p) for p in kept], joined=_joined(kept)) if kept else []
        for n, group in enumerate(groups):
            section_blocks = [kept[i] for i in group]
            if source_heading is not None and n == 0:
                sections.append(
                    Section(heading=source_heading, level=seg.level, blocks=section_blocks)
                )
            else:
                # Headed once every section is known (the keyphrase is planned over them all).
                # Under an author's heading, one level below it; a bare label's section at the
                # label's level.
                level = seg.level if source_heading is None else min(seg.level + 1, MAX_LEVEL)
                pending.append(len(sections))
                sections.append(Section(heading="", level=level, blocks=section_blocks))
        if source_heading is not None and not groups and not seg.pieces:
            # Only sub-sections under it (outline.segments keeps no other empty heading).
            sections.append(Section(heading=source_heading, level=seg.level, blocks=[]))
    intro = piece_texts(intro_blocks)
    # Yoast SubHeadingsKeywordAssessment: the keyphrase in 30–75 % of subheadings. The sections
    # that name it most get it, until half of all subheadings (the author's included) hold it,
    # within the density budget; the others are headed without it.
    n_sub = len(sections)
    target = max(math.ceil(KEYPHRASE_HEADING_MIN * n_sub), round(KEYPHRASE_HEADING_SHARE * n_sub))
    held = [x for x in sections if x.heading and holds_keyphrase(x.heading, keyphrase, synonyms)]
    wanted = target - len(held)
    # How often a section names the keyphrase, as Yoast counts a subheading's match (most of its
    # words): a sentence holding "Microsoft" and "OpenAI" names "Microsoft et OpenAI".
    naming: dict[int, float] = {
        i: sum(
            holds_keyphrase(x.text, keyphrase, synonyms)
            for p in sections[i].paragraphs
            for x in sentences(p)
        )
        for i in pending
    }
    for i in pending:
        if not naming[i]:
            # A section that names the keyphrase's company only as "la société" (the article
            # calls it so, and no other name): its heading may put the name back (headings.
            # coreferent_sentences), after the sections that name it.
            naming[i] = len(coreferent_sentences(sections[i].paragraphs, keyphrase, body_text)) / 2
    for i in sorted(pending, key=lambda i: -naming[i]):
        want_kp = wanted > 0 and naming[i] > 0 and kp_budget > 0
        heading = new_heading(sections[i].prose() or sections[i].paragraphs, want_kp)
        wanted -= holds_keyphrase(heading, keyphrase, synonyms)
        sections[i] = sections[i].model_copy(update={"heading": heading})
    sections, created, leftover = _merge_unheaded(sections, set(pending))
    if leftover:
        # The first sections had no true heading: their text continues the lead, unheaded.
        intro_blocks += leftover
        intro = piece_texts(intro_blocks)
    author_levels = {x.level for i, x in enumerate(sections) if i not in created}
    if (
        sum(1 for x in sections if x.level == 2) < MIN_H2
        and any(x.level == 3 for x in sections)
        and author_levels <= {2}
    ):
        # Too few main sections for the page's outline (issue 3: at least 3 H2): the created
        # subsections become sections. Yoast's subheading checks count H2 and H3 alike, so
        # nothing is lost for them. Never when the author has sub-heads: their levels stay.
        sections = [
            x.model_copy(update={"level": 2}) if i in created else x for i, x in enumerate(sections)
        ]
    sources: list[str] = []
    if sections and sections[-1].blocks and isinstance(sections[-1].blocks[-1], str):
        last = sections[-1]
        last_text = sections[-1].blocks[-1]
        kept_text, closing, sources = _closing_questions(last_text)
        if closing:
            reader += closing
            blocks = [*last.blocks[:-1], *([kept_text] if kept_text else [])]
            sections[-1] = last.model_copy(update={"blocks": blocks})
            body = [p for p in body if p != last_text] + ([kept_text] if kept_text else [])
            if not blocks and len(sections) - 1 in created:
                sections.pop()  # a heading plume made over the questions alone: nothing to head
    seo_title = build_seo_title(
        title, keyphrase, doc=cleaned, paragraphs=prose_text, supported=judge
    )
    meta_description = build_meta_description(body, keyphrase, headline=title, supported=judge)
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
                    title, keyphrase, doc=cleaned, paragraphs=prose_text, supported=judge
                )
        meta_choice = model_meta(backend, lead, article_text, keyphrase=keyphrase)
        record("meta_description", meta_choice)
        meta_description = meta_choice.text or meta_description
    # French typography on the fields as on the body: a headline copied with plain spaces
    # ("« Sur nos côtes", "Bréval-sur-Orne : le conseil…") gets its no-break spaces.
    title, seo_title = french_spacing(title), french_spacing(seo_title)
    meta_description = french_spacing(meta_description)
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
        intro_blocks=intro_blocks,
        sections=sections,
        faq=faq,
        reader_questions=reader,
        sources=sources,
    )


def _merge_unheaded(
    sections: list[Section], created: set[int]
) -> tuple[list[Section], set[int], list[Piece]]:
    """A section plume found no true, specific heading for ("" from ``section_heading``) joins
    the section before it — or continues the lead when it is first: no heading beats a label
    ("Jacques Chirac") or a fragment ("Le passé en sachant"), and the next section's heading, the
    author's above all, does not say what it says (an unseen page had its company history put
    under "Velanor garderait 131 salariés"). The indices of the created headings follow; the
    blocks that continue the lead come last."""
    out: list[Section] = []
    kept: set[int] = set()
    carry: list[Piece] = []
    lead: list[Piece] = []
    for i, x in enumerate(sections):
        if i in created and not x.heading:
            if out and out[-1].level <= x.level:
                out[-1] = out[-1].model_copy(update={"blocks": [*out[-1].blocks, *x.blocks]})
            elif not out:
                lead += x.blocks
            else:
                carry += x.blocks
            continue
        if carry:
            x = x.model_copy(update={"blocks": [*carry, *x.blocks]})
            carry = []
        if i in created:
            kept.add(len(out))
        out.append(x)
    if carry and out:
        out[-1] = out[-1].model_copy(update={"blocks": [*out[-1].blocks, *carry]})
        carry = []
    return out, kept, lead + carry
