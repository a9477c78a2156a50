"""The verify stage: one entry, :func:`verify`, that audits an article and checks it against
its sources — the analyser's report, the fact check and, in rewrite mode, the guards — and
gives every finding as one :class:`~plume.report.Finding` list.

The support check (:mod:`plume.verify.support`) reads the statements plume wrote — title, SEO
title, meta description, headings, FAQ answers — against the sources: each one no source sentence
says is a :attr:`~plume.report.FindingKind.SUPPORT` error, in both modes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from plume.article import Article, article_document
from plume.document import Document, EditorFields, Meta, placed_links
from plume.optimisation import marked_texts
from plume.report import Finding, Msg, Report
from plume.settings import Settings
from plume.text import sentences
from plume.verification import ORIGINALITY_CEILING, FactCheck, GuardReport, Verification
from plume.verify.facts import check_facts
from plume.verify.findings import (
    check_finding,
    cleaning_finding,
    fact_finding,
    guard_finding,
    support_finding,
)
from plume.verify.guards import check_article_facts, run_guards
from plume.verify.support import SupportVerdict, check_support

__all__ = [
    "GuardOptions",
    "check_claims",
    "check_statements",
    "check_text",
    "findings_of",
    "generated_statements",
    "in_source",
    "verify",
]


@dataclass(frozen=True)
class GuardOptions:
    """Rewrite mode's guards (``verify(guards=None)`` is faithful mode)."""

    originality_ceiling: float = ORIGINALITY_CEILING
    #: False when a source was translated: its words cannot ground a French article.
    grounding: bool = True


def verify(
    article: Article,
    sources: Sequence[Document],
    settings: Settings,
    *,
    fields: EditorFields,
    guards: GuardOptions | None = None,
    check_entities: bool = True,
) -> Verification:
    """Audit ``article`` (``fields``: the keyphrase, synonyms and word target; its SEO title,
    description and slug are the article's) and check its facts against the cleaned
    ``sources``.

    Faithful mode (``guards=None``): the facts of the whole output (body, SEO title,
    description) against the first source. Rewrite mode: the facts of every field against
    every source, and the guards (:func:`plume.verify.guards.run_guards`)."""
    from plume.analyse.audit import analyse_document  # the analyser's models load on first use

    def audit() -> tuple[Document, Report]:
        # The source's links that the renderers write (their anchor text is still in the
        # article), so the link checks count what the published article holds.
        document = replace(
            article_document(article, sources[0].source),
            links=placed_links([m for d in sources for m in d.marks], marked_texts(article)),
            meta=Meta(url=sources[0].meta.url),
        )
        audited = replace(
            fields, title=article.seo_title, meta=article.meta_description, slug=article.slug
        )
        return document, analyse_document(document, settings, audited)

    guard_report: GuardReport | None = None
    facts: FactCheck
    if guards is None:
        document, report = audit()
        # The whole output: it proves the body is the author's, and the apparatus (titles,
        # description, headings) is where an invention could slip in.
        text = "\n\n".join([document.text, article.seo_title, article.meta_description])
        facts = check_facts(text, sources[0].text, entities=check_entities)
    else:
        source_texts = [d.text for d in sources]
        facts = check_article_facts(article, source_texts, entities=check_entities)
        guard_report = run_guards(
            article,
            source_texts,
            min_words=fields.min_words,
            originality_ceiling=guards.originality_ceiling,
            facts=facts,
            grounding=guards.grounding,
        )
        _, report = audit()
    source_texts = [d.text for d in sources]
    support = tuple(
        support_finding(where, verdict)
        for where, verdict in check_statements(article, source_texts)
        if not verdict.supported
    )
    return Verification(
        report=report,
        facts=facts,
        guards=guard_report,
        findings=findings_of(report, facts, guard_report) + support,
    )


def findings_of(
    report: Report, facts: FactCheck, guards: GuardReport | None
) -> tuple[Finding, ...]:
    """The audit's checks and cleaning findings, then the guards' violations (rewrite mode:
    the unsupported facts among them, located in their field) or the fact check's (faithful
    mode)."""
    out = [check_finding(c, rewrite=guards is not None) for c in report.checks]
    out += [cleaning_finding(f) for f in report.cleaning_findings]
    if guards is not None:
        out += [guard_finding(v) for v in guards.violations]
    else:
        out += [fact_finding(v) for v in facts.violations]
    return tuple(out)


# -- the support of the generated statements --------------------------------------------------


def generated_statements(article: Article) -> list[tuple[str, str]]:
    """The statements of ``article`` a writer may have made up, each with its field: the title,
    the SEO title, each sentence of the meta description, the headings, each sentence of the FAQ
    answers. Empty ones are left out."""
    out = [("title", article.title), ("seo_title", article.seo_title)]
    out += [("meta_description", s.text) for s in sentences(article.meta_description)]
    out += [(f"sections[{i}].heading", s.heading) for i, s in enumerate(article.sections)]
    out += [
        (f"faq[{i}]", s.text) for i, item in enumerate(article.faq) for s in sentences(item.answer)
    ]
    return [(where, text.strip()) for where, text in out if text.strip()]


_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "«": '"', "»": '"', "“": '"', "”": '"'})
_SPACES = re.compile(r"\s+")
#: French typography puts (no-break) spaces inside « »; a source may not.
_QUOTE_SPACES = re.compile(r' ?" ?')
#: What ends a statement without being part of what it says.
_END = ".…!?:;, "


def _plain(text: str) -> str:
    """``text`` compared as words: case, apostrophes, quotes and spaces (no-break ones too)
    ignored."""
    spaced = _SPACES.sub(" ", text.translate(_APOSTROPHES)).casefold()
    return _QUOTE_SPACES.sub('"', spaced).strip()


@lru_cache(maxsize=8)
def _source_units(source: str) -> frozenset[str]:
    """The source's lines and sentences, compared as :func:`_plain` compares them."""
    units = set()
    for line in source.splitlines():
        units.add(_plain(line).rstrip(_END))
        units.update(_plain(s.text).rstrip(_END) for s in sentences(line))
    return frozenset(u for u in units if u)


def in_source(statement: str, sources: Sequence[str]) -> bool:
    """The statement is a whole line or sentence of a source (the author's headline or heading,
    a sentence kept as is): nothing was generated, nothing to check. Whole only: a clause cut
    from "Il est faux que Microsoft a racheté OpenAI" says the opposite of its sentence."""
    plain = _plain(statement).rstrip(_END)
    return bool(plain) and any(plain in _source_units(s) for s in sources)


#: The support check's reason when a claim has no content word ("En bref"): it states nothing,
#: so it cannot state anything false.
_NOTHING = "nothing to check"


def check_claims(claims: Sequence[str], sources: Sequence[str]) -> list[SupportVerdict]:
    """Each claim judged against several source texts: supported when one source supports it
    (its evidence is that source's); otherwise the first source's verdict that names the
    closest sentence."""
    best: list[SupportVerdict | None] = [None] * len(claims)
    todo = list(range(len(claims)))
    for text in sources:
        if not todo:
            break
        verdicts = check_support([claims[i] for i in todo], text)
        left = []
        for i, v in zip(todo, verdicts, strict=True):
            current = best[i]
            if v.supported or current is None or (current.evidence is None and v.evidence):
                best[i] = v
            if not v.supported:
                left.append(i)
        todo = left
    return [
        v if v is not None else SupportVerdict(c, False, None, _NO_SOURCE)
        for c, v in zip(claims, best, strict=True)
    ]


_NO_SOURCE = Msg("aucune source", "no source")


def check_statements(article: Article, sources: Sequence[str]) -> list[tuple[str, SupportVerdict]]:
    """The verdict on each generated statement of ``article`` that is not a source's own words
    and says something, with its field. Memoised: the verify stage and the pipeline's report
    ask for the same article."""
    statements = tuple(
        (where, text)
        for where, text in generated_statements(article)
        if not in_source(text, sources)
    )
    return list(_judged(statements, tuple(sources)))


_VERBATIM = Msg("mot pour mot dans la source", "word for word in the source")


def check_text(text: str, sources: Sequence[str]) -> list[SupportVerdict]:
    """Each sentence of ``text`` (a title, a meta description an editor is about to publish)
    judged as the verify stage judges a generated statement: a whole line or sentence of a
    source is supported as it stands, anything else goes to the support check."""
    parts = [s.text.strip() for s in sentences(text) if s.text.strip()]
    todo = [p for p in parts if not in_source(p, sources)]
    judged = iter(check_claims(todo, sources) if todo else [])
    return [SupportVerdict(p, True, p, _VERBATIM) if p not in todo else next(judged) for p in parts]


@lru_cache(maxsize=4)
def _judged(
    statements: tuple[tuple[str, str], ...], sources: tuple[str, ...]
) -> tuple[tuple[str, SupportVerdict], ...]:
    if not statements:
        return ()
    verdicts = check_claims([text for _, text in statements], sources)
    return tuple(
        (where, v)
        for (where, _), v in zip(statements, verdicts, strict=True)
        if v.supported or v.reason.en != _NOTHING
    )
