"""Step 10: page furniture (sharing bars, credits, tag lists, related links, cookie banners).

Four rules (whole blocks, cut "read also" boxes, the tail, glued credits), all logged under
``CL-BOILERPLATE`` and driven by the pattern files ``clean_boilerplate*.txt``; every decision is
made on :func:`canonical` text, so typography cannot fool it. Rules and order: docs/cleaning.md.
"""

from __future__ import annotations

import re
from functools import lru_cache

from plume.clean import data
from plume.clean.engine import Drop, Edit, Keep, Plan, StepOutput, run_plans
from plume.document import Block
from plume.settings import Settings

__all__ = [
    "MAX_BOILERPLATE_WORDS",
    "credit_suffix_start",
    "furniture_plans",
    "is_boilerplate",
    "is_prose",
    "is_tail_marker",
    "step_boilerplate",
]

#: Longest block a whole-block pattern may remove: a bound, not a calibration (room for long
#: consent and paywall notices; longer paragraphs are out of reach). See docs/calibration.md.
MAX_BOILERPLATE_WORDS = 60
#: A block of at least this many words that ends like a sentence reads like an article
#: paragraph (:func:`is_prose`): patterns of ``clean_boilerplate.txt`` never remove it, and it
#: ends a tail. Calibrated: see docs/calibration.md.
PROSE_MIN_WORDS = 12
#: Longest block taken as a tag-like label (tag boxes: "Asie", "Corée du Sud", "Fake news").
LABEL_MAX_WORDS = 4
#: A run of labels just before a tail marker is removed only from this length up, so that a
#: signature ("Didier Roy") or a one-line job title before "Partager" stays.
LABEL_RUN_MIN = 3
#: A "read also" box continuation longer than this is article text, whatever precedes it.
BOX_CONTINUATION_MAX_WORDS = 40

_DANGLING = re.compile(r"(?:[&,:]|(?<![^\W\d_])(?:et|de|du|des|and))$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?:\s*[\"')\]])*$")  # on the canonical form
_LABEL_END = re.compile(r"[.!?…:;,]$")


# The furniture decisions are made on a canonical view of each block that the typography step
# cannot change (so that cleaning stays idempotent): one apostrophe, one quote sign, "..." for
# "…", ordinary spaces, and no space next to punctuation ("Photo : X" and "Photo\u00a0: X" both
# read "Photo:X").
_CANON_CHARS = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "`": "'",
        "´": "'",
        "«": '"',
        "»": '"',
        "“": '"',
        "”": '"',
        "\u00a0": " ",
        "\u202f": " ",
        "…": "...",
    }
)
_CANON_SPACES = re.compile(r"\s+(?=[;:!?.,\"()\[\]])|(?<=[;:!?.,\"()\[\]])\s+")


@lru_cache(maxsize=1024)
def canonical(text: str) -> str:
    """The typography-independent view of ``text`` on which furniture is recognised."""
    return _CANON_SPACES.sub("", text.translate(_CANON_CHARS))


_ALNUM_RUN = re.compile(r"[^\W_]+")


def _alnum_runs(text: str) -> int:
    """Runs of letters or digits ("c’est" is two). Not :func:`plume.text.count_words`: this
    count no spacing or typography change can alter, so every decision below is the same
    before and after the typography step."""
    return len(_ALNUM_RUN.findall(text))


def is_boilerplate(text: str) -> bool:
    """The whole block is furniture: a label or button pattern on a block that does not read
    like a paragraph, or a notice pattern (cookies, paywall); never more than 60 words."""
    canon = canonical(text)
    if _alnum_runs(canon) > MAX_BOILERPLATE_WORDS:
        return False
    if data.alternation("clean_boilerplate_notices.txt").fullmatch(canon):
        return True
    return data.alternation("clean_boilerplate.txt").fullmatch(
        canon
    ) is not None and not _is_prose_canon(canon)


def is_tail_marker(text: str) -> bool:
    canon = canonical(text)
    return (
        _alnum_runs(canon) <= MAX_BOILERPLATE_WORDS
        and data.alternation("clean_boilerplate_tail.txt").fullmatch(canon) is not None
    )


def is_prose(text: str) -> bool:
    """An article paragraph: long enough and ends like a sentence."""
    return _is_prose_canon(canonical(text))


def _is_prose_canon(canon: str) -> bool:
    return _alnum_runs(canon) >= PROSE_MIN_WORDS and _SENTENCE_END.search(canon[-20:]) is not None


def _is_label(text: str) -> bool:
    canon = canonical(text)
    return 0 < _alnum_runs(canon) <= LABEL_MAX_WORDS and not _LABEL_END.search(canon[-1:])


#: A shorter block still reads as the article's when it is a sentence of this many words or
#: more (a live blog's "C’était le premier tir cadré de la partie."): no tail runs over it.
SENTENCE_MIN_WORDS = 6
_STATEMENT_END = re.compile(r"[.!](?:\s*[\"')\]])*$")  # on the canonical form; "..." too


def _sentence_like(text: str) -> bool:
    """A statement of a few words: article text after a tail marker, never its furniture
    (related headlines end without a full stop, or with a question)."""
    canon = canonical(text)
    return (
        _alnum_runs(canon) >= SENTENCE_MIN_WORDS
        and _STATEMENT_END.search(canon[-20:]) is not None
        and not is_boilerplate(text)
        and not is_tail_marker(text)
    )


def _tail_start(texts: list[str]) -> int | None:
    """Index of the first tail marker with prose before it and no prose, nor any sentence,
    after it."""
    n = len(texts)
    prose = [is_prose(t) for t in texts]
    prose_after = [False] * n
    seen = False
    for i in range(n - 1, -1, -1):
        prose_after[i] = seen
        seen = seen or prose[i] or _sentence_like(texts[i])
    prose_before = False
    for i, t in enumerate(texts):
        if prose_before and not prose_after[i] and is_tail_marker(t):
            return i
        prose_before = prose_before or prose[i]
    return None


_SUFFIX_MARKS = re.compile(r"[.!?…»«\"“”]")
#: How far from the block end a glued credit may start (characters).
SUFFIX_WINDOW = 200


# Every suffix pattern starts with one of these words: a cheap test before the real one.
_SUFFIX_HINT = re.compile(r"crédit|photo|illustration|©", re.IGNORECASE)


def _suffix_start(text: str) -> int | None:
    """Start of a credit glued after the last sentence of ``text``, or None."""
    base = max(0, len(text) - SUFFIX_WINDOW)
    if not _SUFFIX_HINT.search(text, base):
        return None
    alt = data.alternation("clean_boilerplate_suffix.txt")
    for m in _SUFFIX_MARKS.finditer(text, base):
        rest = canonical(text[m.end() :]).strip()
        if rest and alt.fullmatch(rest):
            return m.end()
    return None


def credit_suffix_start(text: str) -> int | None:
    """Where the credit(s) glued to the end of ``text`` start (step 10 removes them), or None."""
    e = _suffix_edit(text)
    return None if e is None else e.start


def _suffix_edit(text: str) -> Edit | None:
    """Remove the glued credit(s) at the end of a block ("….Crédits photos : Bestimage").

    Repeated until none is left, so that removing one never reveals another for a second run.
    """
    cut: int | None = None
    while (start := _suffix_start(text if cut is None else text[:cut])) is not None:
        cut = start
    return None if cut is None else Edit(cut, len(text), "", "CL-BOILERPLATE")


def step_boilerplate(blocks: tuple[Block, ...], settings: Settings) -> StepOutput:
    return run_plans(blocks, furniture_plans(blocks))


def furniture_plans(blocks: tuple[Block, ...]) -> list[Plan]:
    """One plan per block: dropped when it is furniture, kept without a glued credit else."""
    n = len(blocks)
    drop = [is_boilerplate(b.text) for b in blocks]
    boxes = data.alternation("clean_boilerplate_boxes.txt")
    for i, b in enumerate(blocks[:-1]):
        if (
            drop[i]
            and boxes.fullmatch(canonical(b.text))
            and _DANGLING.search(canonical(b.text)[-12:])
            and _alnum_runs(canonical(blocks[i + 1].text)) <= BOX_CONTINUATION_MAX_WORDS
        ):
            drop[i + 1] = True
    suffixes = [None if drop[i] else _suffix_edit(b.text) for i, b in enumerate(blocks)]
    # Prose is judged without a glued credit: "…en perspective.Crédits photos : Bestimage" is
    # the article's last paragraph.
    texts = [b.text[: e.start] if e else b.text for b, e in zip(blocks, suffixes, strict=True)]
    tail = _tail_start(texts)
    # Once the tail goes, a marker before it may end the text in turn ("Tag" then
    # "Tags : …"): taken now, as a second cleaning would (cleaning is idempotent).
    while tail is not None and (earlier := _tail_start(texts[:tail])) is not None:
        tail = earlier
    if tail is not None:
        for i in range(tail, n):
            drop[i] = True
        run: list[int] = []
        j = tail - 1
        while j >= 0 and (drop[j] or _is_label(blocks[j].text)):
            if not drop[j]:
                run.append(j)
            j -= 1
        if len(run) >= LABEL_RUN_MIN:
            for j in run:
                drop[j] = True
    plans: list[Plan] = []
    for i in range(n):
        if drop[i]:
            plans.append(Drop("CL-BOILERPLATE"))
            continue
        edit = suffixes[i]
        plans.append(Keep([edit] if edit else []))
    return plans
