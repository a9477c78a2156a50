"""Meta descriptions built from the author's own sentences (faithful mode: nothing invented).

Yoast's MetaDescriptionLengthAssessment recommends 120–156 characters; Google cuts longer
snippets, and a description that stops mid-word reads as broken. So: prefer whole sentences that
contain the keyphrase (Yoast's MetaDescriptionKeywordAssessment wants it once or twice), joined
until the window is reached; when the best sentence is too long, cut it on a word boundary and
close with "…". The result is a candidate; the verify stage re-checks it like any other field.
"""

from __future__ import annotations

from collections.abc import Sequence

from plume.analyse.keyphrase import KeyphraseMatcher
from plume.lang.fr import fold, load_french
from plume.text import orphan_quotes, sentences

#: Yoast SEO MetaDescriptionLengthAssessment: recommended maximum 156; "too short" at 120 or
#: fewer (``recommendedMaximumLength`` 120, tested with ``<=``: 120 itself is orange), so 121.
MIN_CHARS = 121
MAX_CHARS = 156


def _candidates(paragraphs: Sequence[str]) -> list[str]:
    # A "sentence" starting in lower case is the tail of a cut one: it cannot open a
    # description.
    found = [s.text for p in paragraphs for s in sentences(p) if not s.text[:1].islower()]
    # Prose first: a live-blog page opens on its scoreboard, which is no description and
    # which the fact check then reads as one long unknown name (see docs/calibration.md).
    # Other text only when a page has no prose at all.
    prose = [t for t in found if _is_prose(t) and _is_sentence(t)]
    return prose or found


#: How a sentence ends; a line without it is a title, a kicker or a menu entry, never a
#: sentence of the description: joined to the next, it runs on into a name no source holds
#: (see docs/calibration.md).
_TERMINAL = tuple('.!?…»”")')


def _is_sentence(text: str) -> bool:
    return text.rstrip().endswith(_TERMINAL)


#: A sentence reads as prose when at least this share of its words are lower-case (articles,
#: verbs, common nouns); scoreboards, line-ups, datelines and bylines score far lower
#: (calibrated: see docs/calibration.md).
PROSE_MIN = 1 / 3


def _is_prose(sentence: str) -> bool:
    words = [w for w in sentence.split() if any(c.isalpha() for c in w)]
    lower = sum(1 for w in words if w[:1].islower())
    return bool(words) and lower / len(words) >= PROSE_MIN


def _cut(sentence: str, limit: int) -> str:
    """``sentence`` cut on the last word boundary that leaves room for "…" within ``limit``."""
    if len(sentence) <= limit:
        return sentence
    head = sentence[: limit - 1]
    head = head[: head.rfind(" ")] if " " in head else head
    # Nor on a word that announces more ("… de Microsoft de…"): articles, prepositions and
    # conjunctions are dropped back to the last word a phrase can end on.
    words = head.split(" ")
    while (
        len(words) > 1
        and fold(words[-1].rstrip(",;:")).split("'")[-1] in load_french().dangling_words
    ):
        words.pop()
    head = " ".join(words)
    # Nor inside a quotation: that leaves a quotation opened and never closed. Cut before its
    # opening mark instead.
    if orphans := orphan_quotes(head):
        head = head[: orphans[0]]
    return head.rstrip(" ,;:–—-\u00a0\u202f") + "…"


def build_meta_description(
    paragraphs: Sequence[str],
    keyphrase: str | None = None,
    *,
    min_chars: int = MIN_CHARS,
    max_chars: int = MAX_CHARS,
) -> str:
    """The best description the text allows (see the module docstring); "" for an empty text."""
    sents = _candidates(paragraphs)
    if not sents:
        return ""
    matcher = KeyphraseMatcher(keyphrase) if keyphrase else None

    def has_kp(text: str) -> bool:
        # A cut description ends on "word…": Yoast reads "Microsoft…" as another word than
        # "Microsoft" (metaDescriptionKeyword red), so the keyphrase must stand before the
        # last word.
        if text.endswith("…"):
            text = text.rsplit(" ", 1)[0]
        return matcher is None or matcher.in_text(text)

    # Start from the first sentence holding the keyphrase (the lead usually does), else the first.
    start = next((i for i, s in enumerate(sents) if has_kp(s)), 0)
    best = ""
    for i in range(start, len(sents)):
        text = sents[i]
        j = i + 1
        # Add whole following sentences while they fit: a complete thought beats a cut one.
        while (
            len(text) < min_chars and j < len(sents) and len(text) + 1 + len(sents[j]) <= max_chars
        ):
            text = f"{text} {sents[j]}"
            j += 1
        if len(text) < min_chars and j < len(sents):
            # Still short: let the next sentence run into the window, cut on a word.
            text = f"{text} {sents[j]}"
        text = _cut(text, max_chars)
        if min_chars <= len(text) <= max_chars and has_kp(text):
            return text
        if has_kp(text) and len(text) > len(best):
            best = text
        if matcher is None:
            break
    return best or _cut(sents[start], max_chars)
