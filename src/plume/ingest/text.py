"""Plain text → blocks, with careful guesses at headings and list items.

Two layouts exist in the wild:

- one paragraph per line, no blank lines: every non-empty line is a block;
- blank-line-separated paragraphs, possibly hard-wrapped: a block is a blank-line-separated
  chunk, and its single newlines stay in the block text as ``\\n`` (the cleaner repairs line
  breaks and logs what it did; ingest does not clean).

Headings in plain text are inferred, conservatively (a wrong heading is worse than a missed one:
it splits a paragraph and invents structure). A line becomes a heading only when it is short,
starts with a capital or a digit, does not end like a sentence, and is followed by body text.
Explicit Markdown ``#`` headings in a ``.txt`` are taken as written, and then no heading is
guessed. Bulleted and numbered lines are list items, nested by their indentation
(``Block.level``); a paragraph followed by an embedded post's attribution line ("— Nom (@compte)
date") is one quotation with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from plume.document import Block, BlockKind, list_item_level
from plume.ingest.page_meta import line_date
from plume.lang.fr import agency_dateline, load_french
from plume.lang.fr.numbers import MONTH_NAMES, WEEKDAYS
from plume.text import count_words

#: Longest first line taken as the article's title (H1). Calibrated: see docs/calibration.md.
MAX_TITLE_WORDS = 25
#: Longest line taken as a subheading (H2): below Yoast's default sentence-length limit of 20
#: words, the length of an ordinary sentence of body text. Calibrated: see docs/calibration.md.
MAX_SUBHEADING_WORDS = 15
#: A title ending with "!" or "?" ("… mais avec Microsoft!") needs this many words; a short
#: exclamation or question opening a text ("Vous cherchez une voiture ?") is a sentence.
MIN_WORDS_EXCLAIMED_TITLE = 6
#: Longest question taken as a subheading. Question subheadings in web writing are short
#: ("Pourquoi choisir une voiture électrique ?", "Qu’en est-il de l’immigration clandestine en
#: Europe ?": 8 words); a longer question is usually a sentence of the text.
MAX_QUESTION_WORDS = 12
#: Body text that confirms a heading above it: a paragraph of at least this many words (the
#: short lines of boilerplate, tags, bylines, dates, have fewer). Calibrated: see
#: docs/calibration.md.
MIN_BODY_WORDS = 12
#: At most this many heading-like lines in a row can all be headings (title, subtitle, first
#: subheading). Longer runs of short lines are menus, tag lists or episode lists, not structure.
MAX_HEADING_RUN = 3

_BLANK_SEPARATED = re.compile(r"\S[^\S\n]*\n(?:[^\S\n]*\n)+[^\S\n]*\S")
_BLANK_LINES = re.compile(r"\n(?:[^\S\n]*\n)+")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
#: Bullets: - * • ‣ ◦ ▪ ● followed by a space. En and em dashes are NOT bullets: in French they
#: open dialogue lines and attributions ("— Elon Musk (@elonmusk)").
_BULLET = re.compile(r"^[-*•‣◦▪●]\s+(?=\S)")
#: Numbered items: "1. ", "2) ", and "1- " / "1-prendre".
_NUMBERED = re.compile(r"^\d{1,3}(?:[.)]\s+|\s?-\s?(?=[^\W\d_]))")
_QUOTE_LINE = re.compile(r"^>\s?")
#: The attribution line an embedded post leaves in copied text: a dash, a name and a handle
#: ("— Elon Musk (@elonmusk) March 16, 2020", X/Twitter's embed code; Mastodon and Bluesky
#: handles too). A French dialogue dash has no handle.
_POST_ATTRIBUTION = re.compile(r"^[—–]\s*(?P<by>[^\s(].*\(@[\w.@-]+\).*)$")
_URL = re.compile(r"https?://|www\.", re.IGNORECASE)
#: Final characters that end a sentence or announce more of it ("Lire aussi Martine Bulard &",
#: a box split mid-line).
_SENTENCE_END = ".;,…&/+=-–—"
_INNER_SENTENCE_END = re.compile(r"[.!?…]\s")
#: Footnotes ("(1) Hwank Sok-yong, Au soleil couchant…") are not body text under a heading.
_FOOTNOTE = re.compile(r"^(?:\(\d+\)|\[\d+\]|\d+\)|\*)")
#: A heading that ends with a colon is a label of at most this many words ("Introduction :",
#: "En conclusion :", "Partie 1 :"); longer lines ending with ":" introduce a quote or a list.
MAX_LABEL_WORDS = 3
#: Lead-ins that end with a colon but are sentences: a subject pronoun or "voici/voilà", or an
#: inverted verb ("explique-t-il :").
_LEAD_IN = re.compile(
    r"^(?:il|elle|ils|elles|on|je|j’|j'|tu|nous|vous|c’est|c'est|ce|cela|ça|voici|voilà|"
    r"et|mais|donc|or)\b|-(?:t-)?(?:il|elle|ils|elles|on)\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class _Draft:
    """A block before heading inference: its kind and source lines."""

    kind: BlockKind
    lines: list[str]
    level: int = 0
    #: The whole source line of a numbered item ("1. Introduction"), in case it is a heading.
    numbered: str | None = None
    #: A list item's indentation and those of the items it is nested in (outermost first).
    indents: list[int] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass(slots=True)
class PageHeader:
    """What a page copied as text says above its article: a section label ("Opinion"), the
    publication date ("mardi / 10.12.19") and the byline under the title ("Par Barbara
    Stiegler"). Taken out of the body: they are the page's metadata, not paragraphs."""

    kicker: str | None = None
    published: datetime | None = None  # timezone-aware (htmldate, read as UTC)
    author: str | None = None
    removed: list[str] = field(default_factory=list)


_WEEKDAY = re.compile(rf"(?i)^(?:{'|'.join(WEEKDAYS)})$")
#: "Par Barbara Stiegler", "Par Jean-Paul Martin et Léa Roy": names only, capitalised.
_BYLINE = re.compile(
    r"^(?:Par|par)\s+(?P<who>[A-ZÀ-Ý][\w’'.-]+(?:\s+(?:[A-ZÀ-Ý][\w’'.-]+|de|du|d’|et|van|von))*)$"
)
#: A credit line: who wrote it or conducted the interview, names only (a columnist's
#: credentials after a comma, "Par Marion Kerhervé, sociologue, …", are the column's and stay
#: in its text).
_CREDIT = re.compile(
    r"^(?:Par|Propos recueillis par|Entretien réalisé par|Interview réalisée par)\s+"
    r"(?P<who>[A-ZÀ-Ý][\w’'.-]+(?:\s+(?:[A-ZÀ-Ý][\w’'.-]+|de|du|d’|et|van|von))*)\.?$"
)
#: A line in capitals only, no sentence's punctuation: "LESCURE-D'OULME", "ÉCONOMIE".
_KICKER = re.compile(r"^(?=.*[A-ZÀ-Ý]{3})[A-ZÀ-ÝŒ’' -]+$")
#: A publication line: "Publié le 7 décembre 2026 à 08h12", "Mis à jour le 3 mars 2025".
_PUBLISHED = re.compile(r"(?i)^(?:publié|publiée|mis à jour|mise à jour|modifié)\b")
#: The credit line sits under the title, the standfirst or both.
MAX_CREDIT_BLOCK = 4
#: Lines above the title a page header may hold (a label, a weekday, a date).
MAX_HEADER_LINES = 4
#: Longest header line: "12 décembre 2019", "Opinion", "mardi".
MAX_DATE_LINE_WORDS = 4


def _read_header(drafts: list[_Draft]) -> PageHeader:
    """Take the page header out of ``drafts`` (see :class:`PageHeader`): only when the lines
    above the title hold a date, which says they are a page's header, not the article's first
    words; and a byline line glued under the title."""
    header = PageHeader()
    lines: list[str] = []
    dates: dict[str, datetime] = {}
    for d in drafts[:MAX_HEADER_LINES]:
        if d.kind is not BlockKind.PARAGRAPH or len(d.lines) != 1:
            break
        line = d.text.strip()
        if count_words(line) > MAX_DATE_LINE_WORDS:
            break
        if found := line_date(line):
            dates[line] = found
        elif not (_WEEKDAY.match(line) or count_words(line) <= 2):
            break
        lines.append(line)
    if not dates and drafts and drafts[0].kind is BlockKind.PARAGRAPH:
        first = drafts[0].lines[0].strip()
        below = (
            drafts[0].lines[1].strip()
            if len(drafts[0].lines) > 1
            else drafts[1].text.strip()
            if len(drafts) > 1 and drafts[1].kind is BlockKind.PARAGRAPH
            else ""
        )
        # Only over a headline: a title in capitals over its standfirst stays the title.
        if (
            _KICKER.match(first)
            and count_words(first) <= MAX_DATE_LINE_WORDS
            and below
            and "\n" not in below
            and _heading_like(below, MAX_TITLE_WORDS, title=True)
        ):
            # A place or section label in capitals over the headline ("LESCURE-D'OULME" /
            # "Centre aquatique : …"): the page's label, not its title.
            header.kicker = first
            header.removed.append(first)
            if len(drafts[0].lines) > 1:
                drafts[0].lines = drafts[0].lines[1:]
            else:
                del drafts[0]
    if dates and len(lines) < len(drafts):
        header.published = next(iter(dates.values()))
        kickers = [x for x in lines if x not in dates and not _WEEKDAY.match(x)]
        header.kicker = kickers[0] if kickers else None
        header.removed += lines
        del drafts[: len(lines)]
    if drafts and drafts[0].kind is BlockKind.PARAGRAPH and len(drafts[0].lines) == 2:
        by = _BYLINE.match(drafts[0].lines[1].strip())
        if by and _heading_like(drafts[0].lines[0].strip(), MAX_TITLE_WORDS, title=True):
            header.author = by["who"]
            header.removed.append(drafts[0].lines[1].strip())
            drafts[0].lines = [drafts[0].lines[0].strip()]
    # "Par Hélène Garnier" / "Publié le 7 décembre 2026 à 08h12 - Mis à jour à 11h40" under the
    # standfirst: the byline is the author, the date line the publication date (it leaves the
    # body, as a page header's date does).
    for d in drafts[1 : MAX_CREDIT_BLOCK + 1]:
        if d.kind is not BlockKind.PARAGRAPH:
            continue
        lines = [x.strip() for x in d.lines]
        dated = [x for x in lines if _PUBLISHED.match(x) and line_date(x)]
        if not dated or any(x not in dated and not _CREDIT.match(x) for x in lines):
            continue
        header.published = header.published or line_date(dated[0])
        for x in lines:
            if (by := _CREDIT.match(x)) and not header.author:
                header.author = by["who"]
        header.removed += dated
        d.lines = [x for x in d.lines if x.strip() not in dated]
        if not d.lines:
            drafts.remove(d)
        break
    # An agency's dateline opening the first paragraph ("Lons-le-Saunier, 7 déc 2026 (AFP) -"):
    # the wire's date. It stays in the text, which the agency wrote so.
    for d in drafts[:MAX_CREDIT_BLOCK]:
        if d.kind is BlockKind.PARAGRAPH and (m := agency_dateline().match(d.text.strip())):
            header.published = header.published or line_date(m["date"])
            break
    # A credit line of its own near the top ("Propos recueillis par Claire Dumoulin"): the
    # author, and a line the page shows (read blind, an interview without it lost its
    # interviewer), never a heading (:func:`_candidate`).
    for d in drafts[1:MAX_CREDIT_BLOCK]:
        line = d.text.strip()
        if d.kind is BlockKind.PARAGRAPH and len(d.lines) == 1 and (by := _CREDIT.match(line)):
            header.author = header.author or by["who"]
            break
    return header


def text_to_blocks(text: str) -> list[Block]:
    """Split decoded plain text into blocks (headings, paragraphs, list items, quotes)."""
    return read_text_page(text)[0]


def read_text_page(text: str) -> tuple[list[Block], PageHeader]:
    """Split decoded plain text into blocks (headings, paragraphs, list items, quotes), and the
    page header it opens on, if any (:class:`PageHeader`)."""
    drafts: list[_Draft] = []
    if _BLANK_SEPARATED.search(text):
        chunks = _BLANK_LINES.split(text)
    else:
        lines = text.split("\n")
        chunks = _wrapped_chunks(lines) or _continued(lines)
    for chunk in chunks:
        # Right-stripped only: a list item's indentation says how deep it is nested.
        lines = [line.rstrip() for line in chunk.split("\n")]
        lines = [line for line in lines if line.strip()]
        if lines:
            _chunk_drafts(lines, drafts)
    header = PageHeader()
    if not any(d.kind is BlockKind.HEADING for d in drafts):
        header = _read_header(drafts)
        _detach_title(drafts)
        _guess_headings(drafts)
    return [Block(d.kind, d.text, d.level) for d in drafts], header


def _detach_title(drafts: list[_Draft]) -> None:
    """A headline typed right above the standfirst, with no blank line between ("Bréval : le
    conseil adopte son budget" / "Après quatre heures de débats, …"): the first line is its own
    block when it reads as a title, does not end a sentence, is not cut before a function word
    and the next line opens a sentence (a hard-wrapped line goes on in lower case)."""
    if not drafts or drafts[0].kind is not BlockKind.PARAGRAPH or len(drafts[0].lines) < 2:
        return
    first, second = drafts[0].lines[0].strip(), drafts[0].lines[1].strip()
    last = first.split()[-1].casefold() if first.split() else ""
    if (
        _heading_like(first, MAX_TITLE_WORDS, title=True)
        and _first_letter_ok(second)
        and last not in load_french().function_words
        and len(second) > len(first)
    ):
        drafts.insert(0, _Draft(BlockKind.PARAGRAPH, [first]))
        drafts[1].lines = drafts[1].lines[1:]


def _item_level(raw: str, ordered: bool, out: list[_Draft]) -> tuple[int, list[int]]:
    """``Block.level`` of a list item: one level deeper than the item above it when indented
    further, back to the level of the item it lines up with otherwise."""
    indent = len(raw) - len(raw.lstrip())
    prev = out[-1] if out else None
    indents = prev.indents if prev is not None and prev.kind is BlockKind.LIST_ITEM else []
    while indents and indent < indents[-1]:
        indents = indents[:-1]
    if not indents or indent > indents[-1]:
        indents = [*indents, indent]
    return list_item_level(len(indents), ordered), indents


#: A text hard-wrapped at a column: most of its lines reach within this many characters of the
#: longest usual line (its 90th percentile) — a text of one paragraph a line has lines of every
#: length.
WRAP_SLACK = 15
#: Columns a hard-wrapped text is cut at (60–80 in e-mails and terminals; 100 at most).
WRAP_COLUMNS = (40, 100)
#: Share of full lines that says a text is hard-wrapped.
WRAPPED_SHARE = 0.5
_PARAGRAPH_END = re.compile(r"[.!?…:»\"”)]\s*$")


def _wrapped_chunks(lines: list[str]) -> list[str] | None:
    """A text with no blank line between paragraphs but hard-wrapped at a column: its
    paragraphs, each with its line breaks (the cleaner rejoins them, logged); ``None`` when the
    text is not wrapped (one paragraph a line). A paragraph ends on a short line that ends a
    sentence; a short line without a final stop before a capital is a title or a heading."""
    body = [line.strip() for line in lines if line.strip()]
    if len(body) < 4:
        return None
    widths = sorted(len(line) for line in body)
    column = widths[int(0.9 * (len(widths) - 1))]
    if not WRAP_COLUMNS[0] <= column <= WRAP_COLUMNS[1]:
        return None
    full = [len(line) >= column - WRAP_SLACK for line in body]
    if sum(full) < WRAPPED_SHARE * len(body):
        return None
    chunks: list[list[str]] = [[]]
    for i, line in enumerate(body):
        chunks[-1].append(line)
        nxt = body[i + 1] if i + 1 < len(body) else ""
        ends = _PARAGRAPH_END.search(line) is not None
        marker = _BULLET.match(nxt) or _NUMBERED.match(nxt) or _MD_HEADING.match(nxt)
        if (not full[i] and (ends or (nxt[:1].isupper() and len(line) < 0.75 * column))) or marker:
            chunks.append([])
    return ["\n".join(c) for c in chunks if c]


#: A line this long or longer, cut before a word in lower case, was wrapped, not ended: no
#: sentence opens in lower case (shorter lines may be a list typed without bullets).
MIN_WRAPPED_LINE = 40


def _continued(lines: list[str]) -> list[str]:
    """One paragraph a line, except a line cut inside a sentence (no final stop, the next line
    opening in lower case): the two are one paragraph, its line break left for the cleaner."""
    out: list[str] = []
    for line in lines:
        prev = out[-1].rsplit("\n", 1)[-1].strip() if out else ""
        head = line.strip()[:1]
        if (
            len(prev) >= MIN_WRAPPED_LINE
            and head.islower()
            and not _PARAGRAPH_END.search(prev)
            and not (_BULLET.match(line.strip()) or _NUMBERED.match(line.strip()))
        ):
            out[-1] += "\n" + line
        else:
            out.append(line)
    return out


def _chunk_drafts(lines: list[str], out: list[_Draft]) -> None:
    """Drafts of one chunk: Markdown headings, list items and quotes split out of it."""
    current: _Draft | None = None
    for raw in lines:
        line = raw.strip()
        if m := _MD_HEADING.match(line):
            current = None
            out.append(_Draft(BlockKind.HEADING, [m.group(2)], level=len(m.group(1))))
        elif m := _BULLET.match(line):
            level, indents = _item_level(raw, False, out)
            current = _Draft(BlockKind.LIST_ITEM, [line[m.end() :]], level, indents=indents)
            out.append(current)
        elif m := _NUMBERED.match(line):
            level, indents = _item_level(raw, True, out)
            current = _Draft(
                BlockKind.LIST_ITEM, [line[m.end() :]], level, numbered=line, indents=indents
            )
            out.append(current)
        elif (
            (m := _POST_ATTRIBUTION.match(line))
            and (post := current or (out[-1] if out else None)) is not None
            and post.kind in (BlockKind.PARAGRAPH, BlockKind.QUOTE)
        ):
            # An embedded post: its text and attribution are one quotation, never split.
            post.kind = BlockKind.QUOTE
            post.lines[-1] += f" — {m.group('by')}"
            current = None
        elif m := _QUOTE_LINE.match(line):
            if current is None or current.kind is not BlockKind.QUOTE:
                current = _Draft(BlockKind.QUOTE, [])
                out.append(current)
            current.lines.append(line[m.end() :])
        elif current is None:
            current = _Draft(BlockKind.PARAGRAPH, [line])
            out.append(current)
        else:
            # Continuation of a hard-wrapped paragraph, item or quote (CommonMark's "lazy
            # continuation"); the line break stays for the cleaner.
            current.lines.append(line)
            current.numbered = None


def _first_letter_ok(text: str) -> bool:
    head = text.lstrip("«»\"“”‘’'([¿¡ \u00a0\u202f")
    return bool(head) and (head[0].isupper() or head[0].isdigit())


def _heading_like(text: str, max_words: int, *, title: bool = False) -> bool:
    """Short, capitalised, not ending like a sentence, no URL."""
    if len(text) > 200 or not _first_letter_ok(text) or _URL.search(text):
        return False
    words = count_words(text)
    if not 1 <= words <= max_words:
        return False
    if not any(sum(c.isalpha() for c in tok) >= 2 for tok in text.split()):
        return False  # "10.12.19", "96’", "1-1"
    end = text.rstrip('»"”’)] \u00a0\u202f')
    if not end or end[-1] in _SENTENCE_END:
        return False
    if end[-1] == "?" and not title:
        # "Quelles limites pour le vélo en ville ?": question subheadings are common in web
        # writing; a question that follows another sentence on the line is prose.
        return words <= MAX_QUESTION_WORDS and not _INNER_SENTENCE_END.search(end[:-1])
    if end[-1] in "?!":
        return title and words >= MIN_WORDS_EXCLAIMED_TITLE
    if end[-1] in ":：":
        # "Introduction :", "Partie 1 :", "En conclusion :" are headings; "Il a déclaré :"
        # and "Voici ce qu’il explique :" introduce what follows.
        return not title and words <= MAX_LABEL_WORDS and not _LEAD_IN.search(end)
    return True


def _confirms(heading: _Draft, nxt: _Draft) -> bool:
    """Does ``nxt`` read as the body text a heading introduces?"""
    if nxt.kind is BlockKind.LIST_ITEM:
        # "Les avantages" + bullets is a heading (items may start in lower case);
        # "Voici les points clés :" + bullets is a lead-in sentence.
        return not heading.text.rstrip().endswith((":", "："))
    first = nxt.text.lstrip("«»\"“”‘’'([-–— \u00a0\u202f")
    if not first or first[0].islower():
        return False  # "…que" / "la réforme…": one sentence cut in two, not a heading
    if _FOOTNOTE.match(nxt.text):
        return False
    return nxt.kind in (BlockKind.PARAGRAPH, BlockKind.QUOTE) and (
        count_words(nxt.text) >= max(MIN_BODY_WORDS, count_words(heading.text) + 1)
    )


def _candidate(drafts: list[_Draft], i: int, max_words: int, *, title: bool = False) -> bool:
    d = drafts[i]
    if d.kind is BlockKind.PARAGRAPH:
        return (
            len(d.lines) == 1
            and _heading_like(d.text, max_words, title=title)
            and not _CREDIT.match(d.text.strip())
        )
    if d.kind is BlockKind.LIST_ITEM and d.numbered is not None:
        # "1. Introduction" standing alone between paragraphs is a numbered heading; inside a
        # run of numbered lines it is a list item.
        alone = (i == 0 or drafts[i - 1].kind is not BlockKind.LIST_ITEM) and (
            i + 1 >= len(drafts) or drafts[i + 1].kind is not BlockKind.LIST_ITEM
        )
        return alone and _heading_like(d.numbered, max_words)
    return False


def _guess_headings(drafts: list[_Draft]) -> None:
    """Turn heading-like lines followed by body text into headings (first one H1, then H2)."""
    n = len(drafts)
    is_title = n > 0 and _candidate(drafts, 0, MAX_TITLE_WORDS, title=True)
    cand = [(i == 0 and is_title) or _candidate(drafts, i, MAX_SUBHEADING_WORDS) for i in range(n)]
    i = 0
    while i < n:
        if not cand[i]:
            i += 1
            continue
        j = i
        while j < n and cand[j]:
            j += 1
        if j - i <= MAX_HEADING_RUN and j < n and _confirms(drafts[j - 1], drafts[j]):
            for k in range(i, j):
                d = drafts[k]
                if d.numbered is not None:
                    d.lines = [d.numbered]
                d.kind = BlockKind.HEADING
                d.level = 1 if k == 0 and is_title else 2
        i = j


#: A byline with its date on one line, parts split by "·", "|", "—" or "-": "Par Mathieu
#: Lescure · 5 décembre 2026 · Arts & expositions".
_BYLINE_PARTS = re.compile(r"\s+[·|—–-]\s+|\s*[·|]\s*")


#: A date without its year ("publié le 3 mars", "mis à jour le 5 déc."): the line is a dated
#: byline, but no publication date can be read from it.
_YEARLESS_DATE = re.compile(
    r"(?i)^(?:(?:publié|mis à jour|modifié|actualisé)e?\s+)?(?:le\s+)?\d{1,2}(?:er)?\s+(?:"
    + "|".join(m[:3] for m in MONTH_NAMES)
    + r")[a-zéû]*\.?(?:\s+à\s+\d{1,2}\s*h\s*\d{0,2})?$"
)


def dated_byline(line: str) -> tuple[str, datetime | None] | None:
    """(author, date) when ``line`` is a byline with its date (see :data:`_BYLINE_PARTS`),
    every part a name, a date or a short label — the date ``None`` when it has no year ("Par
    Maëlle Quéré — publié le 3 mars"); ``None`` otherwise."""
    parts = [p.strip() for p in _BYLINE_PARTS.split(line.strip()) if p.strip()]
    if len(parts) < 2 or len(parts) > 4:
        return None
    by = _CREDIT.match(parts[0])
    if by is None or not parts[0].lower().startswith("par "):
        return None
    if any(count_words(p) > MAX_DATE_LINE_WORDS + 2 for p in parts[1:]):
        return None
    dates = [d for p in parts[1:] if (d := line_date(p))]
    if dates:
        return by["who"], dates[0]
    if any(_YEARLESS_DATE.match(p) for p in parts[1:]):
        return by["who"], None
    return None
