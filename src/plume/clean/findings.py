"""Defects the cleaner sees but cannot fix safely: reported to the editor as findings.

``CL-CUT-SENTENCE``, ``CL-TRUNCATED``, ``CL-UNBALANCED-QUOTES`` / ``CL-UNBALANCED-PARENS``,
``CL-EMBED``; spans point into the FINAL cleaned text (``Document.text`` of the result).
What each one means: docs/cleaning.md.
"""

from __future__ import annotations

import re

from plume.clean import data
from plume.clean.protect import protected
from plume.document import Block, BlockKind, Document
from plume.lang.fr.wordfreq import zipf
from plume.report import CleaningFinding, Msg, Span
from plume.text import french_spacing, orphan_quotes

__all__ = ["MESSAGES", "find_defects"]


MESSAGES: dict[str, Msg] = {
    "CL-CUT-SENTENCE": Msg(
        "Phrase coupée : un point est suivi d’une minuscule. Rétablissez le texte manquant ou "
        "supprimez le point.",
        "Sentence cut in two: a full stop is followed by a lower-case word. Restore the missing "
        "text or remove the full stop.",
    ),
    "CL-TRUNCATED-WORD": Msg(
        "Paragraphe tronqué : il s’arrête au milieu d’un mot (texte réservé aux abonnés ?). "
        "Complétez-le depuis la source ou supprimez la fin.",
        "Truncated paragraph: it stops inside a word (paywalled text?). Complete it from the "
        "source or remove the fragment.",
    ),
    "CL-TRUNCATED-END": Msg(
        "Le texte semble s’arrêter au milieu d’une phrase. Vérifiez que la fin de l’article n’a "
        "pas été perdue.",
        "The text seems to stop mid-sentence. Check that the end of the article was not lost.",
    ),
    "CL-UNBALANCED-QUOTES": Msg(
        "Guillemets non appariés : un guillemet ouvrant n’est pas fermé, ou l’inverse. Ajoutez "
        "le guillemet manquant.",
        "Unbalanced quotation marks: an opening quote is never closed, or the reverse. Add the "
        "missing one.",
    ),
    "CL-UNBALANCED-PARENS": Msg(
        "Parenthèse non appariée : une parenthèse ouverte n’est pas fermée, ou l’inverse.",
        "Unbalanced parenthesis: an opening parenthesis is never closed, or the reverse.",
    ),
    "CL-EMBED": Msg(
        "Publication de réseau social intégrée (tweet) restée dans le texte : gardez-la comme "
        "citation ou supprimez-la.",
        "Embedded social-media post (tweet) left in the text: keep it as a quotation or remove it.",
    ),
}

#: Characters of context shown before a defect in its excerpt.
EXCERPT_BEFORE = 50
#: Longest excerpt, in characters.
EXCERPT_MAX = 160
#: A word before "…" at a paragraph end rarer than this (zipf) is a cut word ("économi…"); real
#: words ending a paragraph before "…" are common words. Calibrated: see docs/calibration.md.
TRUNCATED_WORD_MAX_ZIPF = 2.0
#: The last paragraph is judged only from this many words on (a byline or a caption is shorter).
TRUNCATED_END_MIN_WORDS = 8

_CUT = re.compile(r"(?<=[^\W_])\.(?P<sp>\s+)(?P<w>[a-zß-öø-ÿœæ][^\W\d_]*)")
_SENTENCE_END = re.compile(r"[.!?…]")
_CUT_WORD = re.compile(r"([^\W\d_]+)(?:\.\.\.|…)[\s»\"”)]*$")
_ENDS_OK = re.compile(r"[.!?…:;»\"”)\]]\s*$")
_LAST_WORD = re.compile(r"([^\W\d_]+)\W*$")
_TWEET_ATTRIBUTION = re.compile(
    r"[—–-]\s*.{1,80}\(@\w{1,30}\)\s+(?:[A-Z][a-z]+|\d{1,2})\s+\d{1,2},?\s+\d{4}|"
    r"[—–-]\s*.{1,80}\(@\w{1,30}\)\s+\d{1,2}\s+\w+\s+\d{4}"
)
_PARENS = re.compile(r"[()]")
# "a) …", "1) …", "iv) …" at a block start: the ")" closes a list marker, not a parenthesis.
_LIST_MARKER = re.compile(r"^\s*(?:\w{1,3}|[ivxIVX]{1,5})\)")


def is_prose_kind(block: Block) -> bool:
    """Paragraph-like blocks (not headings): the ones that can be truncated mid-sentence."""
    return block.kind in (BlockKind.PARAGRAPH, BlockKind.QUOTE, BlockKind.LIST_ITEM)


def _is_abbreviation_end(text: str, dot: int) -> bool:
    """Does ``text[: dot + 1]`` end with a dotted abbreviation ("etc.", "p. ex.", "av. J.-C.")?"""
    head = text[max(0, dot - 15) : dot + 1]
    for abbr in data.abbreviations():
        if head.endswith(abbr) or head.lower().endswith(abbr.lower()):
            k = len(head) - len(abbr)
            if k == 0 or not head[k - 1].isalpha():
                return True
    return False


def _excerpt(text: str, start: int, end: int) -> str:
    a = max(0, start - EXCERPT_BEFORE)
    if a > 0:
        sp = text.find(" ", a, start)
        a = sp + 1 if sp != -1 else a
    b = min(len(text), end, a + EXCERPT_MAX)
    out = text[a:b].replace("\n\n", " ¶ ")
    return ("…" if a > 0 else "") + out + ("…" if b < len(text) and b < end else "")


def _finding(code: str, lang: str, text: str, start: int, end: int) -> CleaningFinding:
    return CleaningFinding(
        code=code,
        message=MESSAGES[code].en if lang == "en" else french_spacing(MESSAGES[code].fr),
        spans=[Span(start=start, end=end)],
        excerpt=_excerpt(text, start, end),
    )


def _cut_sentences(text: str, base: int, full: str, lang: str) -> list[CleaningFinding]:
    out: list[CleaningFinding] = []
    prot = None
    for m in _CUT.finditer(text):
        dot = m.start()
        k = dot
        while k > 0 and text[k - 1].isalnum():
            k -= 1
        word = text[k:dot]
        if len(word) < 2 or word.isdigit() or (word[-1].isupper() and word[-2].islower()):
            # An initial ("J. de Souza", glued in "AndersenJ. de Souza") or a number
            # ("chapitre 3. la suite").
            continue
        if _is_abbreviation_end(text, dot):
            continue
        if prot is None:
            prot = protected(text)
        if prot.overlaps(dot - 1, dot + 1):
            continue
        end_m = _SENTENCE_END.search(text, m.end("w"))
        end = end_m.end() if end_m else len(text)
        out.append(_finding("CL-CUT-SENTENCE", lang, full, base + dot, base + end))
    return out


def _quote_balance(
    text: str, base: int, full: str, lang: str, next_starts_quote: bool
) -> list[CleaningFinding]:
    orphans = orphan_quotes(text)
    unclosed = [i for i in orphans if text[i] in "«“"]
    marks = [i for i in orphans if text[i] not in "«“"]
    # A quotation running over several paragraphs opens each one with « and closes only at the
    # end (the usual French convention): an unclosed « is fine if the next block opens one.
    if unclosed and not next_starts_quote:
        marks.append(unclosed[0])
    if text.count('"') % 2:
        marks.append(text.rfind('"'))
    return [_finding("CL-UNBALANCED-QUOTES", lang, full, base + i, base + i + 1) for i in marks]


def _paren_balance(text: str, base: int, full: str, lang: str) -> list[CleaningFinding]:
    if "(" not in text and ")" not in text:
        return []
    prot = protected(text)
    skip = _LIST_MARKER.match(text)
    first = skip.end() - 1 if skip else -1
    opened: list[int] = []
    out: list[CleaningFinding] = []
    for q in _PARENS.finditer(text):
        i, c = q.start(), q.group()
        if i == first:
            continue
        if prot.overlaps(i, i + 1):
            # An emoticon: "(non, ceci n’est pas une blague ;)" — its ")" also closes.
            if c == ")" and opened:
                opened.pop()
            continue
        if c == "(":
            opened.append(i)
        elif opened:
            opened.pop()
        else:
            out.append(_finding("CL-UNBALANCED-PARENS", lang, full, base + i, base + i + 1))
    if opened:
        i = opened[0]
        out.append(_finding("CL-UNBALANCED-PARENS", lang, full, base + i, base + i + 1))
    return out


def find_defects(doc: Document, lang: str = "fr") -> list[CleaningFinding]:
    """All findings on the cleaned document, sorted by position."""
    full = doc.text
    blocks = doc.blocks
    offsets = doc.block_offsets
    out: list[CleaningFinding] = []
    for k, (b, (start, end)) in enumerate(zip(blocks, offsets, strict=True)):
        t = b.text
        out += _cut_sentences(t, start, full, lang)
        next_quote = k + 1 < len(blocks) and blocks[k + 1].text.startswith(("«", "“"))
        out += _quote_balance(t, start, full, lang, next_quote)
        out += _paren_balance(t, start, full, lang)
        m = _CUT_WORD.search(t, max(0, len(t) - 80))
        if m and is_prose_kind(b) and zipf(m.group(1)) < TRUNCATED_WORD_MAX_ZIPF:
            out.append(_finding("CL-TRUNCATED-WORD", lang, full, start + m.start(), end))
        if _TWEET_ATTRIBUTION.fullmatch(t):
            s = offsets[k - 1][0] if k > 0 else start
            out.append(_finding("CL-EMBED", lang, full, s, end))
    if blocks:
        last = blocks[-1]
        t = last.text
        tail = t[-80:]
        lw = _LAST_WORD.search(tail)
        if (
            is_prose_kind(last)
            and len(t.split()) >= TRUNCATED_END_MIN_WORDS
            and not _ENDS_OK.search(tail)
            and not _CUT_WORD.search(tail)
            and lw is not None
            and (lw.group(1).lower() in data.function_words() or zipf(lw.group(1)) == 0.0)
        ):
            start, end = offsets[-1]
            out.append(_finding("CL-TRUNCATED-END", lang, full, start, end))
    out.sort(key=lambda f: (f.spans[0].start if f.spans else 0, f.code))
    return out
