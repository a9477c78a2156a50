"""Shared by the guards: an article's texts with their locations, the human names of those
locations, and the trimming and quoting of the texts a violation shows."""

from __future__ import annotations

import re
from dataclasses import dataclass

from plume.article import Article
from plume.lang.fr import with_de
from plume.report import Msg

__all__ = [
    "TextField",
    "article_fields",
    "article_text",
    "cap",
    "context",
    "label",
    "of",
    "quote",
    "trim",
]


@dataclass(frozen=True, slots=True)
class TextField:
    """One piece of text of an article, with where it lives."""

    field: str
    text: str
    #: "short" (titles, headings, questions, meta description), "paragraph" or "slug".
    kind: str
    paragraph: int | None = None

    @property
    def body(self) -> bool:
        """Part of the body the word count and the repetition/filler guards look at."""
        return self.kind == "paragraph"


def article_fields(article: Article) -> list[TextField]:
    """Every text of the article, in reading order, each with its location."""
    out = [
        TextField("title", article.title, "short"),
        TextField("seo_title", article.seo_title, "short"),
        TextField("meta_description", article.meta_description, "short"),
        TextField("slug", article.slug, "slug"),
    ]
    out += [TextField("intro", p, "paragraph", j) for j, p in enumerate(article.intro)]
    for i, s in enumerate(article.sections):
        out.append(TextField(f"sections[{i}].heading", s.heading, "short"))
        out += [TextField(f"sections[{i}]", p, "paragraph", j) for j, p in enumerate(s.paragraphs)]
    for i, item in enumerate(article.faq):
        out.append(TextField(f"faq[{i}]", item.question, "short"))
        out.append(TextField(f"faq[{i}]", item.answer, "paragraph", 0))
    out += [
        TextField(f"reader_questions[{i}]", q, "short")
        for i, q in enumerate(article.reader_questions)
    ]
    return out


def article_text(article: Article) -> tuple[str, list[tuple[TextField, int, int]]]:
    """The article's texts joined by blank lines (the text the facts guard checks) and where
    each field lies in it, so a fact's span maps back to its field."""
    parts: list[str] = []
    where: list[tuple[TextField, int, int]] = []
    pos = 0
    for f in article_fields(article):
        if f.kind == "slug":
            continue  # a slug repeats the title's words without accents or case
        parts.append(f.text)
        where.append((f, pos, pos + len(f.text)))
        pos += len(f.text) + 2
    return "\n\n".join(parts), where


_FIELD_RE = re.compile(r"(?P<name>[a-z_]+)(?:\[(?P<i>\d+)\])?(?P<heading>\.heading)?")
_LABELS = {
    "title": Msg("le titre", "the title"),
    "seo_title": Msg("le titre SEO", "the SEO title"),
    "meta_description": Msg("la méta-description", "the meta description"),
    "slug": Msg("le slug", "the slug"),
    "intro": Msg("l’introduction", "the introduction"),
    "article": Msg("l’article", "the article"),
}


def label(field: str, paragraph: int | None = None) -> Msg:
    """Human name of a location ("le paragraphe 2 de la section 3")."""
    if field in _LABELS:
        name = _LABELS[field]
    else:
        m = _FIELD_RE.fullmatch(field)
        n = int(m.group("i")) + 1 if m and m.group("i") else 0
        kind = m.group("name") if m else field
        if kind == "sections" and m and m.group("heading"):
            name = Msg(f"l’intertitre de la section {n}", f"the heading of section {n}")
        elif kind == "sections":
            name = Msg(f"la section {n}", f"section {n}")
        elif kind == "faq":
            name = Msg(f"la question {n} de la FAQ", f"FAQ item {n}")
        elif kind == "reader_questions":
            name = Msg(f"la question au lecteur {n}", f"reader question {n}")
        else:
            name = Msg(field, field)
    if paragraph is not None and not field.startswith("faq"):
        name = Msg(
            f"le paragraphe {paragraph + 1} de {name.fr}",
            f"paragraph {paragraph + 1} of {name.en}",
        )
    return name


def of(french_label: str) -> str:
    """``de`` + a French label, contracted as French requires ("du paragraphe", "de la")."""
    return with_de(french_label)


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def trim(text: str, limit: int = 120) -> str:
    """``text`` on one line, cut at a word boundary near ``limit`` characters."""
    one = " ".join(text.split())
    if len(one) <= limit:
        return one
    cut = one[:limit].rsplit(" ", 1)[0]
    return cut + " …"


def quote(s: str) -> Msg:
    """``s`` quoted: « s » in French (spaced with its message, which leaves ``s`` as written),
    “s” in English."""
    return Msg(f"« {s} »", f"“{s}”")


def context(text: str, start: int, end: int, width: int = 50) -> str:
    """The hit with up to ``width`` characters of context each side, on word boundaries."""
    a = max(0, start - width)
    b = min(len(text), end + width)
    if a > 0:
        a = text.find(" ", a, start) + 1 or a
    if b < len(text):
        sp = text.rfind(" ", end, b)
        b = sp if sp > 0 else b
    return ("… " if a > 0 else "") + trim(text[a:b], 200) + (" …" if b < len(text) else "")
