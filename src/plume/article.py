"""The ``Article``: what the write stage produces (faithful or rewrite mode) and render formats.

Renderers only format an ``Article``; they never compute. Every field is already final here:
titles, meta description, slug, sections in reading order, FAQ.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from enum import StrEnum
from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from plume.document import Block, BlockKind, Document, Meta, Source, list_item_level
from plume.text import count_words


class ArticleKind(StrEnum):
    """schema.org type of the page (JSON-LD ``@type``)."""

    NEWS = "NewsArticle"
    BLOG = "BlogPosting"


# --- The body's pieces: paragraphs (plain strings), lists and quotations -------------------------


class ListItem(BaseModel):
    model_config = ConfigDict(frozen=True)
    text: str
    #: The list nested under this item, when the source has one.
    sublist: BulletList | None = None


class BulletList(BaseModel):
    """A bulleted or numbered list, items in the source's order (``<ul>``/``<ol>``)."""

    model_config = ConfigDict(frozen=True)
    kind: Literal["list"] = "list"
    ordered: bool = False
    items: list[ListItem] = Field(default_factory=list)

    def texts(self) -> list[str]:
        """Every item's text, depth first (the reading order)."""
        out: list[str] = []
        for item in self.items:
            out.append(item.text)
            if item.sublist is not None:
                out += item.sublist.texts()
        return out


class Quote(BaseModel):
    """A quotation set apart from the prose (an embedded post, a ``<blockquote>``): rendered as a
    blockquote with its attribution, which never leaves it; not measured as the author's prose."""

    model_config = ConfigDict(frozen=True)
    kind: Literal["quote"] = "quote"
    #: The quoted words; a line break separates two of its paragraphs.
    text: str
    #: Who said it, as the source gives it ("Ville de Genève (@VilledeGeneve) 3 juin 2021").
    attribution: str | None = None

    def texts(self) -> list[str]:
        return [self.text, *([self.attribution] if self.attribution else [])]


ListItem.model_rebuild()

#: One piece of a body: a paragraph (a plain string), a list or a quotation.
Piece = str | BulletList | Quote


def piece_texts(pieces: Sequence[Piece]) -> list[str]:
    """Every text of ``pieces`` in reading order: a paragraph, each list item, a quotation and
    its attribution. What ``Section.paragraphs`` holds."""
    out: list[str] = []
    for p in pieces:
        out += [p] if isinstance(p, str) else p.texts()
    return out


def prose(pieces: Sequence[Piece]) -> list[str]:
    """The paragraphs of ``pieces`` only (no list item, no quotation)."""
    return [p for p in pieces if isinstance(p, str)]


def rebuild_pieces(old: Sequence[Piece], texts: Sequence[str]) -> list[Piece]:
    """Pieces for ``texts``, a new ``paragraphs`` list given by code that edits texts only:
    a run of texts that is exactly one of ``old``'s lists or quotations is that piece again;
    any other text is a paragraph (a text is never lost, only its list shape when it comes
    from elsewhere)."""
    shaped = [p for p in old if not isinstance(p, str)]
    out: list[Piece] = []
    i = 0
    while i < len(texts):
        for piece in shaped:
            run = piece.texts()
            if run and list(texts[i : i + len(run)]) == run:
                out.append(piece)
                i += len(run)
                break
        else:
            out.append(texts[i])
            i += 1
    return out


def _synced(data: Any, texts_key: str, pieces_key: str) -> Any:
    """Before validation: pieces given → the texts are derived from them; texts only → each
    text is a paragraph."""
    if not isinstance(data, dict):
        return data
    data = dict(data)
    pieces = data.get(pieces_key)
    if pieces:
        validated = [_piece(p) for p in pieces]
        data[pieces_key] = validated
        data[texts_key] = piece_texts(validated)
    elif data.get(texts_key):
        data[pieces_key] = list(data[texts_key])
    return data


def _piece(p: Any) -> Piece:
    if isinstance(p, str | BulletList | Quote):
        return p
    if isinstance(p, dict) and p.get("kind") == "quote":
        return Quote.model_validate(p)
    if isinstance(p, dict):
        return BulletList.model_validate(p)
    raise ValueError(f"élément de corps inconnu (unknown body piece): {p!r}")


def _copy_update(
    current: Sequence[Piece], update: Mapping[str, Any], texts_key: str, pieces_key: str
) -> dict[str, Any]:
    """``model_copy(update=…)`` does not validate: keep texts and pieces in step by hand."""
    update = dict(update)
    if texts_key in update and pieces_key not in update:
        update[pieces_key] = rebuild_pieces(current, update[texts_key])
    elif pieces_key in update and texts_key not in update:
        update[texts_key] = piece_texts(update[pieces_key])
    return update


class Section(BaseModel):
    """One heading and its body. ``blocks`` is the body in reading order (paragraphs, lists,
    quotations); ``paragraphs`` every text of it, flat (each list item, each quotation), for
    code that reads or checks texts one by one. Give either: the other follows, also through
    ``model_copy(update=…)``. ``prose()`` is the paragraphs alone."""

    model_config = ConfigDict(frozen=True)
    heading: str
    #: 2 for H2, 3 for H3, 4 for H4 (a deeper heading belongs to the shallower one before it).
    level: int = Field(default=2, ge=2, le=4)
    paragraphs: list[str] = Field(default_factory=list)
    blocks: list[Piece] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _sync(cls, data: Any) -> Any:
        return _synced(data, "paragraphs", "blocks")

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        if update:
            update = _copy_update(self.blocks, update, "paragraphs", "blocks")
        return super().model_copy(update=update, deep=deep)

    def prose(self) -> list[str]:
        """The section's paragraphs, without its lists and quotations."""
        return prose(self.blocks)


class FaqItem(BaseModel):
    model_config = ConfigDict(frozen=True)
    question: str
    answer: str


class SourceRef(BaseModel):
    """One source of a rewritten article as its published "Sources" list gives it: what the
    source's metadata says (an HTML page's: :class:`plume.document.Meta`), never its file name.
    Every field is None when the source does not say (a pasted text)."""

    model_config = ConfigDict(frozen=True)
    outlet: str | None = None  # the site's name: "Le Devoir"
    title: str | None = None  # the page's headline, else its <title>
    date: datetime | None = None  # publication, timezone-aware
    url: str | None = None

    @classmethod
    def of(cls, meta: Meta) -> SourceRef:
        return cls(
            outlet=meta.site_name,
            title=meta.headline or meta.title,
            date=meta.published,
            url=meta.url,
        )


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
    #: Paragraphs before the first heading (the lead; contains the keyphrase). Every text, flat,
    #: as ``Section.paragraphs``; ``intro_blocks`` is the same body with its lists and quotations
    #: (a list the lead announces stays under it).
    intro: list[str] = Field(default_factory=list)
    intro_blocks: list[Piece] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    #: Only questions the text itself asks and answers.
    faq: list[FaqItem] = Field(default_factory=list)
    #: Questions the text asks but does not answer (rendered as "Questions au lecteur").
    reader_questions: list[str] = Field(default_factory=list)
    #: Source names or URLs, listed at the end of the article.
    sources: list[str] = Field(default_factory=list)
    #: Rewrite mode: the sources' metadata, one per source in ``sources``' order; when given,
    #: the published "Sources" list is written from it ("Source 2" for one that says nothing).
    source_refs: list[SourceRef] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _sync(cls, data: Any) -> Any:
        return _synced(data, "intro", "intro_blocks")

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        if update:
            update = _copy_update(self.intro_blocks, update, "intro", "intro_blocks")
        return super().model_copy(update=update, deep=deep)

    def body_paragraphs(self) -> list[str]:
        """Every text of the body (key points, list items and quotations included)."""
        return [*self.key_points, *self.intro, *(p for s in self.sections for p in s.paragraphs)]

    def prose_paragraphs(self) -> list[str]:
        """The body's paragraphs alone: no key point, list item or quotation."""
        return [*prose(self.intro_blocks), *(p for s in self.sections for p in s.prose())]

    @property
    def word_count(self) -> int:
        """Words of the body, counted as the analyser counts them (headings and FAQ aside)."""
        return sum(count_words(p) for p in self.body_paragraphs())


def piece_blocks(pieces: Sequence[Piece]) -> Iterator[Block]:
    """``pieces`` as document blocks: list items keep their depth and numbering
    (``Block.level``), a quotation and its attribution are quotation blocks."""
    for p in pieces:
        if isinstance(p, str):
            yield Block(BlockKind.PARAGRAPH, p)
        elif isinstance(p, Quote):
            yield from (Block(BlockKind.QUOTE, t) for t in p.texts())
        else:
            yield from _list_blocks(p, 1)


def _list_blocks(lst: BulletList, depth: int) -> Iterator[Block]:
    for item in lst.items:
        yield Block(BlockKind.LIST_ITEM, item.text, list_item_level(depth, lst.ordered))
        if item.sublist is not None:
            yield from _list_blocks(item.sublist, depth + 1)


def article_document(article: Article, source: Source) -> Document:
    """The article as a ``Document``, so the analyser can audit the result like any input."""
    blocks = [Block(BlockKind.HEADING, article.title, 1)]
    blocks += [Block(BlockKind.LIST_ITEM, k) for k in article.key_points]
    blocks += piece_blocks(article.intro_blocks)
    for s in article.sections:
        blocks.append(Block(BlockKind.HEADING, s.heading, s.level))
        blocks += piece_blocks(s.blocks)
    if article.faq:
        blocks.append(Block(BlockKind.HEADING, "Questions fréquentes", 2))
        for item in article.faq:
            blocks.append(Block(BlockKind.HEADING, item.question, 3))
            blocks.append(Block(BlockKind.PARAGRAPH, item.answer))
    if article.reader_questions:
        blocks.append(Block(BlockKind.HEADING, "Questions au lecteur", 2))
        blocks += [Block(BlockKind.LIST_ITEM, q) for q in article.reader_questions]
    return Document(blocks=tuple(blocks), source=source)
