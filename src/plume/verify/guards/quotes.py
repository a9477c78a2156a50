"""The quotation-marks guard: every quotation mark has its pair within its part."""

from __future__ import annotations

from plume.article import Article
from plume.report import Msg
from plume.text import orphan_quotes
from plume.verification import GuardViolation
from plume.verify.guards.fields import TextField, article_fields, context, label

__all__ = ["find_orphan_quotes"]


def find_orphan_quotes(article: Article) -> list[GuardViolation]:
    """A field whose quotation marks do not pair up (hard): a quotation opened and never
    closed, or closed and never opened, leaves the reader unable to tell the source's words
    from the article's — the mark of a cut answer, or of a dropped sentence that held the other
    half. The marks pair within a part (the intro, a section, a FAQ answer, a title), not
    within a paragraph: a quotation may run over several paragraphs of one section. One
    violation per part, located at its first unpaired mark."""
    out: list[GuardViolation] = []
    parts: dict[str, list[TextField]] = {}
    for f in article_fields(article):
        if f.kind != "slug":
            parts.setdefault(f"{f.field}/{f.kind}", []).append(f)
    for fields in parts.values():
        text = "\n\n".join(f.text for f in fields)
        orphans = orphan_quotes(text)
        if not orphans:
            continue
        # The paragraph holding the first unpaired mark, and the mark's offset inside it.
        at, f = orphans[0], fields[0]
        for f in fields:
            if at <= len(f.text):
                break
            at -= len(f.text) + 2
        where = label(f.field, f.paragraph)
        marks = " ".join(dict.fromkeys(text[i] for i in orphans))
        out.append(
            GuardViolation.of(
                "quotes",
                f.field,
                paragraph=f.paragraph,
                hard=True,
                message=Msg(
                    f"Guillemets sans leur pendant dans {where.fr} : {marks}.",
                    f"Unpaired quotation marks in {where.en}: {marks}.",
                ),
                excerpt=context(f.text, at, at + 1),
                hint=Msg(
                    f"Dans {where.fr}, ferme chaque citation ouverte et n’en ferme aucune "
                    "qui n’a pas été ouverte : chaque « a son ».",
                    f"In {where.en}, close every quotation opened and close none that was "
                    "not opened: every « has its ».",
                ),
            )
        )
    return out
