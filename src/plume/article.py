"""The ``Article``: what the write stage produces (faithful or rewrite mode) and render formats.

Renderers only format an ``Article``; they never compute. Every field is already final here:
titles, meta description, slug, sections in reading order, FAQ.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from plume.document import Block, BlockKind, Document, Source
from plume.text import count_words


class ArticleKind(StrEnum):
    """schema.org type of the page (JSON-LD ``@type``)."""

    NEWS = "NewsArticle"
    BLOG = "BlogPosting"


class Section(BaseModel):
    model_config = ConfigDict(frozen=True)
    heading: str
    #: 2 for H2, 3 for H3 (an H3 belongs to the H2 before it).
    level: int = Field(default=2, ge=2, le=3)
    paragraphs: list[str] = Field(default_factory=list)


class FaqItem(BaseModel):
    model_config = ConfigDict(frozen=True)
    question: str
    answer: str


class Article(BaseModel):
    model_config = ConfigDict(frozen=True)

    title: str  # the H1
    seo_title: str  # <title>, ≤ 600 px
    meta_description: str  # 120–156 characters
    slug: str
    keyphrase: str
    synonyms: list[str] = Field(default_factory=list)
    lang: str = "fr"
    kind: ArticleKind = ArticleKind.NEWS
    #: Timezone-aware (JSON-LD dates need an offset).
    date_published: datetime
    date_modified: datetime | None = None
    author: str | None = None
    #: Absent until the editor knows it: renderers write a clearly marked placeholder.
    canonical_url: str | None = None
    #: The author's bullet points before the lead ("L’essentiel" summaries of news sites),
    #: rendered as a list under the H1. Kept: faithful mode drops none of the author's words.
    key_points: list[str] = Field(default_factory=list)
    #: Paragraphs before the first heading (the lead; contains the keyphrase).
    intro: list[str] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    #: Only questions the text itself asks and answers.
    faq: list[FaqItem] = Field(default_factory=list)
    #: Questions the text asks but does not answer (rendered as "Questions au lecteur").
    reader_questions: list[str] = Field(default_factory=list)
    #: Source names or URLs, listed at the end of the article.
    sources: list[str] = Field(default_factory=list)

    def body_paragraphs(self) -> list[str]:
        return [*self.key_points, *self.intro, *(p for s in self.sections for p in s.paragraphs)]

    @property
    def word_count(self) -> int:
        """Words of the body, counted as the analyser counts them (headings and FAQ aside)."""
        return sum(count_words(p) for p in self.body_paragraphs())


def article_document(article: Article, source: Source) -> Document:
    """The article as a ``Document``, so the analyser can audit the result like any input."""
    blocks = [Block(BlockKind.HEADING, article.title, 1)]
    blocks += [Block(BlockKind.LIST_ITEM, k) for k in article.key_points]
    blocks += [Block(BlockKind.PARAGRAPH, p) for p in article.intro]
    for s in article.sections:
        blocks.append(Block(BlockKind.HEADING, s.heading, s.level))
        blocks += [Block(BlockKind.PARAGRAPH, p) for p in s.paragraphs]
    if article.faq:
        blocks.append(Block(BlockKind.HEADING, "Questions fréquentes", 2))
        for item in article.faq:
            blocks.append(Block(BlockKind.HEADING, item.question, 3))
            blocks.append(Block(BlockKind.PARAGRAPH, item.answer))
    if article.reader_questions:
        blocks.append(Block(BlockKind.HEADING, "Questions au lecteur", 2))
        blocks += [Block(BlockKind.LIST_ITEM, q) for q in article.reader_questions]
    return Document(blocks=tuple(blocks), source=source)
