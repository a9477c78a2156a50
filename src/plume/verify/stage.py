"""The verify stage: one entry, :func:`verify`, that audits an article and checks it against
its sources — the analyser's report, the fact check and, in rewrite mode, the guards — and
gives every finding as one :class:`~plume.report.Finding` list."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from plume.article import Article, article_document
from plume.document import Document, EditorFields
from plume.report import Finding, Report
from plume.settings import Settings
from plume.verification import ORIGINALITY_CEILING, FactCheck, GuardReport, Verification
from plume.verify.facts import check_facts
from plume.verify.findings import check_finding, cleaning_finding, fact_finding, guard_finding
from plume.verify.guards import check_article_facts, run_guards

__all__ = ["GuardOptions", "findings_of", "verify"]


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
        document = article_document(article, sources[0].source)
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
    return Verification(
        report=report,
        facts=facts,
        guards=guard_report,
        findings=findings_of(report, facts, guard_report),
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
