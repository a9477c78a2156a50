"""The facts guard: every number, date, name and quotation of the article supported by a
source (:func:`plume.verify.facts.check_facts` over :func:`article_text`), each unsupported one
located in its field."""

from __future__ import annotations

from collections.abc import Sequence

from plume.article import Article
from plume.report import Msg
from plume.text import french_spacing
from plume.verification import Fact, FactCheck, FactKind, GuardViolation
from plume.verify.facts import check_facts
from plume.verify.guards.fields import TextField, article_text, context, label, quote, trim

__all__ = ["check_article_facts", "fact_hint", "facts_violations"]


def check_article_facts(
    article: Article, sources: Sequence[str], *, entities: bool = True
) -> FactCheck:
    """:func:`plume.verify.facts.check_facts` over :func:`article_text`."""
    return check_facts(article_text(article)[0], list(sources), entities=entities)


_FACT_NAMES = {
    FactKind.NUMBER: Msg("le nombre", "the number"),
    FactKind.DATE: Msg("la date", "the date"),
    FactKind.ENTITY: Msg("le nom", "the name"),
    FactKind.QUOTE: Msg("la citation", "the quotation"),
}


def fact_hint(fact: Fact) -> Msg:
    """The repair instruction for an unsupported fact: remove or correct it (a quotation: or
    quote the sources word for word)."""
    shown = quote(trim(fact.text, 80))
    if fact.kind is FactKind.QUOTE:
        hint = Msg(
            f"Retire la citation {shown.fr} ou cite les sources mot pour mot : elle ne figure "
            "telle quelle dans aucune source.",
            f"Remove the quotation {shown.en} or quote the sources word for word: no source "
            "has it verbatim.",
        )
    else:
        name = _FACT_NAMES[fact.kind]
        hint = Msg(
            f"Retire ou corrige {shown.fr} : aucune source ne donne {name.fr}.",
            f"Remove or correct {shown.en}: no source gives {name.en}.",
        )
    # Spaced here too: a fact finding carries this hint without a GuardViolation's validator.
    return Msg(french_spacing(hint.fr), hint.en)


def facts_violations(article: Article, facts: FactCheck) -> list[GuardViolation]:
    """Each unsupported fact as a hard violation in the field where it occurs.

    ``facts`` is best computed by :func:`check_article_facts` (spans then map exactly to
    fields); for a check made over another text, each fact is located by searching its text in
    the fields (every field holding it gets the violation).
    """
    text, where = article_text(article)
    out: list[GuardViolation] = []
    for v in facts.violations:
        fact = v.fact
        fields: list[TextField] = []
        s, e = fact.span.start, fact.span.end
        if text[s:e] == fact.text:
            fields = [f for f, a, b in where if a <= s and e <= b]
        if not fields:
            fields = [f for f, _, _ in where if fact.text in f.text]
        if not fields:
            fields = [TextField("article", "", "paragraph")]
        for f in fields:
            place = label(f.field, f.paragraph)
            out.append(
                GuardViolation.of(
                    "facts",
                    f.field,
                    paragraph=f.paragraph,
                    hard=True,
                    message=Msg(f"{v.reason_fr} ({place.fr})", f"{v.reason_en} ({place.en})"),
                    excerpt=context(f.text, *_span_in(f.text, fact.text))
                    if f.text
                    else trim(fact.text),
                    hint=fact_hint(fact),
                )
            )
    return out


def _span_in(text: str, piece: str) -> tuple[int, int]:
    i = text.find(piece)
    return (i, i + len(piece)) if i >= 0 else (0, min(len(text), len(piece)))
