"""The judgements of ``bench/fields.py`` on one generated field, as pure functions.

Kept apart from the bench (which needs Node, yoastseo and the shared articles) so that
``tests/unit/test_bench_fields.py`` can test them on its own French examples. Every one is a
heuristic an editor can check by reading the field; none decides anything in plume itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache

from plume.lang.fr import fold
from plume.lang.fr.lexicon import load_lexicon
from plume.text import words

#: Articles held out of issue 16's design (the brief): report their figures apart.
HELD_OUT = ("06-", "08-", "09-", "10-", "14-", "15-")

#: Google shows about 600 px of a title (Yoast's PageTitleWidthAssessment: good up to 600 px);
#: under 400 px the title leaves space unused (issue 16, point 7).
SEO_TITLE_PX = (400.0, 600.0)
#: Yoast's MetaDescriptionLengthAssessment (3.6.0): good from 120 to 156 characters.
META_CHARS = (120, 156)
#: Yoast's SubHeadingsKeywordAssessment bounds: the keyphrase in 30–75 % of subheadings.
HEADINGS_KP_SHARE = (30.0, 75.0)

#: A tagger: the text's tokens as (text, coarse UD part of speech) pairs (spaCy's ``pos_``).
Tagger = Callable[[str], Sequence[tuple[str, str]]]

_CLOSERS = "»”\"’')\u00a0\u202f "
_SEGMENT = re.compile(r"\s[:–—|]\s|,\s")
#: spaCy's small model tags unknown names oddly ("OpenAI" NUM, "Cha" ADJ): a capitalised
#: word counts as a name whatever its tag.
_NOMINAL = ("NOUN", "PROPN", "NUM", "X")
_GRAMMATICAL = ("DET", "ADP", "PRON", "CCONJ", "SCONJ", "ADV", "PUNCT")


@cache
def spacy_tagger() -> Tagger:
    """spaCy's small French model (already a dependency of plume's fact and support checks)."""
    import spacy

    nlp = spacy.load("fr_core_news_sm", exclude=["ner", "lemmatizer"])

    def tag(text: str) -> list[tuple[str, str]]:
        return [(t.text, t.pos_) for t in nlp(text)]

    return tag


def group_of(article_id: str) -> str:
    """ "heldout" for the six held-out corpus articles, "dev" for the other fifteen texts."""
    return "heldout" if article_id.startswith(HELD_OUT) else "dev"


def meta_is_whole(meta: str) -> bool:
    """A meta description that ends a sentence: on . ! or ?, or on a closing quote or bracket
    after one (« … a-t-il dit. »). "…", "..." or no final punctuation is a cut."""
    core = meta.rstrip(_CLOSERS)
    return core.endswith((".", "!", "?")) and not core.endswith(("…", ".."))


def in_range(value: float, bounds: tuple[float, float]) -> bool:
    return bounds[0] <= value <= bounds[1]


def is_et_label(title: str, tag: Tagger) -> bool:
    """Whether ``title`` is an "X et Y" label ("Microsoft et l'IA", "Jean-Paul Delevoye et
    Jacques Chirac"): no verb anywhere, and one of its parts (cut at " : ", dashes, commas) joins
    a noun group before "et" to one after it. A heuristic on the tagger's parts of speech: a
    headline without a verb that is not built on "et" is not counted."""
    title = title.replace("’", "'")  # the small model splits "l’IA" badly
    if not any(t.casefold() == "et" for t in title.split()):
        return False
    if any(_is_verb(text, pos) for text, pos in tag(title)):
        return False
    for part in _SEGMENT.split(title):
        toks = list(tag(part))
        for i, (text, _) in enumerate(toks):
            if text.casefold() != "et":
                continue
            if _noun_group(toks[:i]) and _noun_group(toks[i + 1 :]):
                return True
    return False


def _is_verb(text: str, pos: str) -> bool:
    """A verb for the tagger *and* a finite verb, infinitive, past participle or auxiliary in
    Lefff — the small model also tags unknown names ("ChatGPT") and present participles used as
    adjectives ("le soleil couchant") VERB — or a form Lefff knows only as a finite verb, which
    the small model sometimes tags ADV or NOUN in a short title ("gagnent", "emportent")."""
    entry = load_lexicon().entry(text)
    if pos in ("VERB", "AUX") and entry.has("VWKX"):
        return True
    # Lower case only: a capitalised word inside a title is a name ("St", Lefff's "est").
    return text[:1].islower() and not entry.guessed and all(a.tag in "VX" for a in entry.analyses)


def _noun_group(toks: Sequence[tuple[str, str]]) -> bool:
    return any(
        pos in _NOMINAL
        or (
            text[:1].isupper()
            and text.isalpha()
            and pos not in _GRAMMATICAL
            and not _is_verb(text, pos)
        )
        for text, pos in toks
    )


def keyphrase_words(keyphrase: str) -> list[str]:
    """The keyphrase's words as plume counts them (an elided "l'" is a word of its own)."""
    return [w.text for w in words(keyphrase)]


def is_generic_keyphrase(keyphrase: str) -> bool:
    """A single common noun ("information", "ministre"): one word that the Lefff lexicon knows
    as a noun and never as a proper noun. Names ("Microsoft"), terms Lefff lacks
    ("chlorothalonil") and acronyms ("IA", read as names) are not counted: see ``single``."""
    ws = keyphrase_words(keyphrase)
    if len(ws) != 1:
        return False
    entry = load_lexicon().entry(ws[0])
    return not entry.guessed and "NOUN" in entry.pos and "PROPN" not in entry.pos


def _heading_key(text: str) -> str:
    return " ".join(re.sub(r"[^\w' ]+", " ", fold(text)).split())


def created_headings(headings: Sequence[str], source_headings: Sequence[str]) -> list[bool]:
    """For each article heading, whether plume created it: it is not one of the source's
    subheadings, allowing for the case changes and the cut at a word boundary plume applies to
    an author's heading (``sentence_case``, ``shorten_heading``)."""
    keys = [_heading_key(s) for s in source_headings]
    out: list[bool] = []
    for h in headings:
        k = _heading_key(h)
        out.append(not (k and any(s == k or s.startswith(k + " ") for s in keys)))
    return out


def duplicate_headings(headings: Sequence[str]) -> list[str]:
    """Headings that say the same as an earlier one (same words, case and punctuation aside)."""
    seen: set[str] = set()
    dups: list[str] = []
    for h in headings:
        k = _heading_key(h)
        if k in seen:
            dups.append(h)
        seen.add(k)
    return dups
