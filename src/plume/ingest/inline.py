"""A block's bold, italics and links as :class:`~plume.document.Mark` phrases (issue 17).

The readers (Markdown, HTML, docx, Markdown in a ``.txt``) note each mark's kind, visible text
and target while they build a block's text; once the text is known, each phrase is found in it
and given the words around it, which is how the renderers find it again after the cleaner and
the writer have reworked the sentences (:func:`plume.document.place_marks`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from plume.document import Block, Mark, MarkKind

__all__ = ["CONTEXT_WORDS", "drop_heading_marks", "marks_in"]

#: Words kept on each side of a phrase: enough to tell two occurrences of a phrase apart
#: (a name, a figure), short enough to survive a sentence split around it.
CONTEXT_WORDS = 4

_WORD = re.compile(r"\S+")


def marks_in(text: str, found: Iterable[tuple[MarkKind, str, str]]) -> list[Mark]:
    """``found`` (kind, visible text, target) as marks of the block ``text``, in its reading
    order: each phrase is looked for after the previous one, else anywhere; a phrase that is not
    in the text (an empty link around an image) is dropped."""
    flat = text.replace("\n", " ")
    out: list[Mark] = []
    cursor = 0
    for kind, raw, href in found:
        phrase = " ".join(raw.split())
        if not phrase or (kind is MarkKind.LINK and not href):
            continue
        start = flat.find(phrase, cursor)
        if start < 0:
            start = flat.find(phrase)
        if start < 0:
            continue
        end = start + len(phrase)
        before = " ".join(_WORD.findall(flat[:start])[-CONTEXT_WORDS:])
        after = " ".join(_WORD.findall(flat[end:])[:CONTEXT_WORDS])
        out.append(Mark(kind, phrase, href, before, after))
        cursor = start
    return out


def drop_heading_marks(marks: Sequence[Mark], blocks: Sequence[Block]) -> list[Mark]:
    """Without the bold or italics that only styled a heading (``## **Titre**``, a bold line
    read as a subheading): a heading is rendered as a heading, there is nothing to keep."""
    headings = {" ".join(b.text.split()) for b in blocks if b.is_heading}
    return [
        m for m in marks if m.kind is MarkKind.LINK or m.before or m.after or m.text not in headings
    ]
