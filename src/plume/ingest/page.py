"""A news page's own structure, read before its text is extracted.

News pages wrap the article in furniture that is not the author's text, and some of it sits
inside the article container where no extractor can tell it from prose: the kicker glued to
the standfirst (``<h3><span class="keyword">Agriculture</span>L'Office…</h3>``), related-story
boxes, infoboxes, "Plus…" teasers, "Créé : 12.12.2019" lines, photo captions, video titles.
:func:`prepare_page` rewrites the parsed tree in place, before trafilatura or the direct walk:

- the **kicker** is taken out of the heading it is glued to, and a heading that is the page's
  standfirst (its description) is taken out of the body: both are metadata;
- **bold-only paragraphs** become subheads (``<h2>``, ``<h3>`` under a container that has
  ``<h2>`` of its own): that is how many CMSs mark the author's intertitles;
- **embedded posts** (X/Twitter, Instagram, Facebook, TikTok, Mastodon, Bluesky, Threads)
  become one quotation holding the post and its attribution, so no later step can split them;
- **boxes, related stories, teasers, datelines, captions and video titles** are removed.

Every removal is returned as a :class:`Removal`, for the document's notes. Nothing holding the
page's H1 or most of its text is ever removed (a CMS may put ``related`` on the article's own
wrapper).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from plume.lang.fr import read_list
from plume.report import Msg

__all__ = ["Prepared", "Removal", "prepare_page"]

_WS = re.compile(r"\s+")
#: The dash that opens an embedded post's attribution ("— Ville de Genève (@VilledeGeneve)").
_ATTRIBUTION = re.compile(r"^[\s—–-]+")
#: class/id words (camelCase and ``-``/``_`` split, lower-cased) naming a box that is not the
#: article: related stories, info boxes, teasers, promotions, recommendation widgets.
_BOX_WORDS = frozenset(
    {
        "infobox",
        "related",
        "relatedarticle",
        "relatedarticles",
        "teaser",
        "teasers",
        "encadre",
        "promo",
        "recommendation",
        "recommendations",
        "recommended",
        "outbrain",
        "taboola",
        "readmore",
        "lireaussi",
        "alireaussi",
        "contextbox",
        "infolist",
    }
)
#: The same, as consecutive words.
_BOX_PHRASES = (
    ("info", "box"),
    ("context", "box"),
    ("read", "more"),
    ("lire", "aussi"),
    ("see", "also"),
    ("more", "stories"),
    ("related", "articles"),
)
_DATE_WORDS = frozenset({"publisheddate", "dateline", "timestamp", "pubdate"})
_DATE_PHRASES = (("published", "date"), ("date", "published"), ("update", "date"))
_CAPTION_WORDS = frozenset({"caption", "legende", "legend", "credit", "credits", "figcaption"})
#: Embedded posts by their publishers' markup classes (the blockquotes their embed codes write).
_EMBED_CLASSES = (
    ("twitter-tweet", "X (Twitter)"),
    ("twitter-video", "X (Twitter)"),
    ("instagram-media", "Instagram"),
    ("tiktok-embed", "TikTok"),
    ("fb-post", "Facebook"),
    ("fb-xfbml-parse-ignore", "Facebook"),
    ("mastodon-embed", "Mastodon"),
    ("bluesky-embed", "Bluesky"),
    ("text-post-media", "Threads"),
)
#: Class words of a kicker (surtitre) inside a heading.
_KICKER_WORDS = frozenset(
    {"keyword", "kicker", "surtitre", "overline", "rubrique", "eyebrow", "supertitle", "label"}
)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
#: An author's intertitle is a phrase, not a sentence: beyond 15 words a bold paragraph is
#: emphasised prose. The bold subheads of the corpus page (05) and of the held-out pages have 1 to
#: 5 words ("Céréales, légumes et plantes ornementales"); the one bold prose paragraph, 32
#: (docs/calibration.md).
SUBHEAD_MAX_WORDS = 15
#: A kicker is a label of one to four words ("Agriculture", "Canton de Soleure").
KICKER_MAX_WORDS = 4
#: A standfirst is a sentence: a description of fewer words cannot be told from a label.
STANDFIRST_MIN_WORDS = 6
#: Beyond this share of the page's text an element is the article itself, never a box.
_ARTICLE_SHARE = 0.5


@cache
def _dateline() -> re.Pattern[str]:
    labels = "|".join(
        re.escape(label).replace(r"\ ", r"\s+") for label in read_list("ingest_datelines.txt")
    )
    return re.compile(
        rf"^\s*(?:{labels})\s*(?:le\s+)?:?\s*(?:\w+\.?\s+)?\d{{1,4}}[./ hH:-]?\S*.{{0,40}}$",
        re.IGNORECASE,
    )


@dataclass(frozen=True, slots=True)
class Removal:
    """One thing taken out of the page: what it was and the start of its text."""

    what: Msg
    text: str

    def note(self, lang: str) -> str:
        excerpt = self.text if len(self.text) <= 60 else self.text[:59].rstrip() + "…"
        return Msg(
            f"Retiré de la page : {self.what.fr} « {excerpt} ».",
            f"Removed from the page: {self.what.en} “{excerpt}”.",
        ).get(lang)


@dataclass(slots=True)
class Prepared:
    """What :func:`prepare_page` found: the kicker, the standfirst, the removals."""

    kicker: str | None = None
    standfirst: str | None = None
    removals: list[Removal] | None = None
    subheads: int = 0
    embeds: int = 0
    #: Removals outside the article's container (menus, sidebars): counted, not listed.
    outside: int = 0
    #: The date lines removed ("Créé: 12.12.2019, 07h36"), for a page without dated markup.
    datelines: list[str] | None = None


def _words(el: Any) -> list[str]:
    names = f"{el.get('class') or ''} {el.get('id') or ''}"
    names = re.sub(r"([a-z])([A-Z])", r"\1 \2", names)
    return [w for w in re.split(r"[\s_\-]+", names.lower()) if w]


def _matches(words: list[str], single: frozenset[str], phrases: Iterable[tuple[str, ...]]) -> bool:
    if any(w in single for w in words):
        return True
    return any(
        tuple(words[i : i + len(p)]) == p for p in phrases for i in range(len(words) - len(p) + 1)
    )


def _text(el: Any) -> str:
    return _WS.sub(" ", el.text_content()).strip()


def _norm(text: str) -> str:
    return _WS.sub(" ", text.replace("’", "'")).strip().rstrip(" .").casefold()


class _Page:
    def __init__(self, tree: Any, description: str | None) -> None:
        self.tree = tree
        self.description = description
        self.out = Prepared(removals=[], datelines=[])
        body = tree.find(".//body")
        self.body = body if body is not None else tree
        self.total = max(1, len(_text(self.body)))
        self.h1 = tree.find(".//h1")
        self.zone = _article_zone(self.body, self.h1)

    def _protected(self, el: Any) -> bool:
        """The article itself: holds the H1, the body, or most of the text."""
        if el is self.body or el.tag in ("html", "body", "main", "article"):
            return True
        if self.h1 is not None and (el is self.h1 or self.h1 in el.iterdescendants()):
            return True
        return len(_text(el)) > _ARTICLE_SHARE * self.total

    def _remove_date(self, el: Any) -> None:
        text = _text(el)
        if self._attached(el) and not self._protected(el) and text:
            assert self.out.datelines is not None
            self.out.datelines.append(text)
        self._remove(el, Msg("ligne de date", "date line"))

    def _attached(self, el: Any) -> bool:
        return el.getparent() is not None and any(a is self.body for a in el.iterancestors())

    def _remove(self, el: Any, what: Msg) -> None:
        if not self._attached(el) or self._protected(el):
            return  # already gone with a box around it, or the article itself
        text = _text(el)
        inside = self.zone is not None and any(a is self.zone for a in el.iterancestors())
        el.drop_tree()
        if not text:
            return
        if inside:
            assert self.out.removals is not None
            self.out.removals.append(Removal(what, text))
        else:
            self.out.outside += 1

    # -- the steps, in order -------------------------------------------------------------------

    def embeds(self) -> None:
        for el in list(self.tree.iter("blockquote", "div", "section", "iframe")):
            classes = (el.get("class") or "").split()
            network = next((name for cls, name in _EMBED_CLASSES if cls in classes), None)
            if network is None or el.getparent() is None:
                continue
            post, attribution = _post_parts(el)
            if not post:
                continue
            quote = el.makeelement("blockquote", {})
            para = quote.makeelement("p", {})
            para.text = f"{post} — {attribution}" if attribution else f"{post} — {network}"
            quote.append(para)
            quote.tail = el.tail
            el.getparent().replace(el, quote)
            self.out.embeds += 1

    def boxes(self) -> None:
        caption = Msg("légende ou crédit photo", "caption or photo credit")
        box = Msg("encadré ou autre article", "box or other story")
        for el in list(self.body.iter()):
            if not isinstance(el.tag, str):
                continue
            words = _words(el)
            if el.tag == "figcaption":
                self._remove(el, caption)
            elif not words:
                continue
            elif _matches(words, _BOX_WORDS, _BOX_PHRASES):
                self._remove(el, box)
            elif _matches(words, _DATE_WORDS, _DATE_PHRASES):
                self._remove_date(el)
            elif _matches(words, _CAPTION_WORDS, ()) and el.find(".//img") is None:
                self._remove(el, caption)

    def lines(self) -> None:
        """Datelines ("Créé : 12.12.2019, 07h36"), teasers ending on "Plus…", "read also"
        links (a bold label then one link) and the titles of video players."""
        dateline = _dateline()
        labels = _words_of("ingest_related_labels.txt")
        titles = _words_of("ingest_media_titles.txt")
        for el in list(self.body.iter("p", "div", "span", "time", "li", *_HEADINGS)):
            if not self._attached(el):
                continue
            text = _text(el)
            if not text:
                continue
            if el.tag in _HEADINGS:
                if _introduces_media(el, titles):
                    self._remove(el, Msg("titre de vidéo", "video title"))
                continue
            if len(text) < 80 and dateline.match(text) and not _has_block(el):
                self._remove_date(el)
            elif (el.tag in ("p", "li") and _ends_on_more_link(el)) or (
                el.tag == "p" and _label_then_link(el, labels)
            ):
                self._remove(el, Msg("renvoi vers un autre article", "teaser for another story"))

    def kicker(self) -> None:
        """The kicker glued to a heading, and the heading that is the standfirst."""
        description = _norm(self.description or "")
        if len(description.split()) < STANDFIRST_MIN_WORDS:
            description = ""  # "Accueil", a site slogan: too short to recognise a standfirst
        for h in list(self.body.iter(*_HEADINGS)):
            if h.getparent() is None:
                continue
            first = next((c for c in h if isinstance(c.tag, str)), None)
            label = None
            if (
                first is not None
                and not (h.text or "").strip()
                and _matches(_words(first), _KICKER_WORDS, ())
                and 0 < len(_text(first).split()) <= KICKER_MAX_WORDS
                and _text(h) != _text(first)
            ):
                label = _text(first)
                tail = first.tail
                first.drop_tree()
                if tail and not h.text:
                    h.text = tail
            rest = _norm(_text(h))
            if description and label is None and rest.endswith(description) and rest != description:
                # The label is glued without markup: "AgricultureL'Office…".
                head = _text(h)[: len(_text(h)) - len(self.description or "")].strip()
                if 0 < len(head.split()) <= KICKER_MAX_WORDS:
                    label = head
                    rest = description
            if label is not None and self.out.kicker is None:
                self.out.kicker = label
                assert self.out.removals is not None
                self.out.removals.append(
                    Removal(Msg("surtitre (rubrique) séparé du chapô", "kicker split"), label)
                )
            if description and rest == description and h is not self.h1:
                # The standfirst is the page's description, as 02 and 09 of the corpus carry it
                # in their <head> only: kept in the metadata (front matter, report.json), out of
                # the body, where it would become a heading or push the lead down.
                standfirst = _text(h)
                if label is not None and standfirst.startswith(label):
                    standfirst = standfirst[len(label) :].strip()
                self.out.standfirst = standfirst
                h.drop_tree()
                assert self.out.removals is not None
                self.out.removals.append(
                    Removal(
                        Msg("chapô, gardé dans les métadonnées", "standfirst, kept as metadata"),
                        standfirst,
                    )
                )

    def subheads(self) -> None:
        found = [(p, _bold_only(p)) for p in self.body.iter("p")]
        # Under a container whose author already wrote <h2> intertitles, bold ones rank below.
        # (Elements, not id(): lxml proxies of elements without a reference are recycled.)
        with_h2 = [h.getparent() for h in self.body.iter("h2")]
        for p, text in found:
            if text is None:
                continue
            level = 3 if p.getparent() in with_h2 else 2
            tail = p.tail
            p.clear()  # clears the tail too: the text after the paragraph is not the title's
            p.tag = f"h{level}"
            p.text, p.tail = text, tail
            if self.zone is not None and any(a is self.zone for a in p.iterancestors()):
                self.out.subheads += 1  # counted in the article, not in its comments


def _article_zone(body: Any, h1: Any) -> Any:
    """The article's container: the lowest element holding both the H1 and the element with
    the most paragraph text (the body copy). What is removed inside it would have reached the
    article; what is removed outside is menus and sidebars."""
    best, most = None, 0
    for el in body.iter():
        if not isinstance(el.tag, str):
            continue
        chars = sum(len(_text(p)) for p in el if isinstance(p.tag, str) and p.tag == "p")
        if chars > most:
            best, most = el, chars
    if best is None:
        return body
    if h1 is None:
        return best
    ancestors = [h1, *h1.iterancestors()]
    for el in (best, *best.iterancestors()):
        if el in ancestors:
            return el
    return body


def _post_parts(el: Any) -> tuple[str, str]:
    """(the post's text, its attribution): the paragraphs, then what follows them (X writes
    ``— Nom (@compte) <a>date</a>`` after the ``<p>``)."""
    paras = [_text(p) for p in el.iter("p") if _text(p)]
    whole = _text(el)
    if not paras:
        return whole, ""
    # Some CMSs wrap the attribution in a <p> of its own: "— Nom (@compte) date".
    said = [p for p in paras if not _ATTRIBUTION.match(p)] or paras
    post = " ".join(said)
    rest = whole
    for p in said:
        rest = rest.replace(p, " ", 1)
    attribution = _ATTRIBUTION.sub("", _WS.sub(" ", rest)).strip()
    return post, attribution


def _has_block(el: Any) -> bool:
    return any(
        isinstance(c.tag, str) and c.tag in ("p", "div", "ul", "ol", "table", *_HEADINGS)
        for c in el.iterdescendants()
    )


@cache
def _words_of(name: str) -> re.Pattern[str]:
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in read_list(name))
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)


def _introduces_media(h: Any, titles: re.Pattern[str]) -> bool:
    """A heading naming a video (or slide show, podcast) directly followed by the player, with
    no text: the player's title."""
    if not titles.search(_text(h)):
        return False
    nxt = h.getnext()
    if nxt is None or not isinstance(nxt.tag, str):
        return False
    media = nxt.tag in ("video", "iframe") or nxt.find(".//video") is not None
    media = media or nxt.find(".//iframe") is not None
    return media and len(_text(nxt)) < 40


def _ends_on_more_link(el: Any) -> bool:
    """A teaser: its last element is a link reading "Plus…" / "Lire la suite"."""
    links = el.findall(".//a")
    if not links:
        return False
    last = _norm(_text(links[-1])).rstrip(".… ")
    return last in ("plus", "lire la suite", "la suite") and not (links[-1].tail or "").strip()


def _label_then_link(p: Any, labels: re.Pattern[str]) -> bool:
    """``<p><strong>À lire aussi »</strong> <a>Autre article</a></p>``: a "read also" label in
    bold, then one link holding all the rest of the text."""
    kids = [c for c in p if isinstance(c.tag, str)]
    if len(kids) != 2 or kids[0].tag not in ("strong", "b") or kids[1].tag != "a":
        return False
    if (p.text or "").strip() or (kids[0].tail or "").strip() or (kids[1].tail or "").strip():
        return False
    label = _text(kids[0]).replace("’", "'")
    return labels.match(label) is not None and len(label.split()) <= KICKER_MAX_WORDS + 1


def _bold_only(p: Any) -> str | None:
    """The text of a paragraph that is one bold phrase and nothing else, else None."""
    kids = [c for c in p if isinstance(c.tag, str)]
    if len(kids) != 1 or kids[0].tag not in ("strong", "b"):
        return None
    if (p.text or "").strip() or (kids[0].tail or "").strip():
        return None
    bold = kids[0]
    if bold.find(".//a") is not None or bold.find(".//img") is not None:
        return None
    text = _text(bold)
    if not any(c.isalpha() for c in text) or len(text.split()) > SUBHEAD_MAX_WORDS:
        return None
    if text.endswith((".", ",", ";", "…")):
        return None  # a sentence in bold is emphasis, not a title
    return text


def prepare_page(tree: Any, description: str | None) -> Prepared:
    """Rewrite ``tree`` in place (see the module docstring); ``description`` is the page's
    meta description, used to recognise the standfirst."""
    page = _Page(tree, description)
    page.embeds()
    page.kicker()
    page.boxes()
    page.lines()
    page.subheads()
    return page.out
