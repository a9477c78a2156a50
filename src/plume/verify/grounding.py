"""How much of a sentence's content its source holds: the share of its content words whose
stem appears in the source.

The fact check (:mod:`plume.verify.facts`) catches invented numbers, dates, names and quotations,
but not invented *statements* made of common words ("Le maire a décidé d’enrayer le freinage des
taxis en utilisant de la pluie", written by the embedded 270M from a passage on scooters). A
paraphrase keeps most of what its source says, so most of its content words, or words of the
same family, are in the source; a sentence made up is not.

Content words: letters-only words of 4 letters or more that are not French function words
(``lang/fr/data/function_words.txt``), compared as slugs write them (lower case, no accents) by
their first :data:`STEM` letters — a crude stem that joins a word family ("rénovation"/"rénovée",
"municipal"/"municipaux") without a lemmatiser's cost. Numbers are left to the fact check.
"""

from __future__ import annotations

import re
from functools import cache

from plume.analyse.keyphrase import transliterate
from plume.lang.fr import load_french

__all__ = ["STEM", "content_stems", "grounded_share"]

#: Letters compared: 5 joins the families of the calibration (see :func:`grounded_share`)
#: while keeping "porter"/"portrait" or "santé"/"sanction" apart.
STEM = 5
_WORD = re.compile(r"[^\W\d_]{4,}")


@cache
def _function_words() -> frozenset[str]:
    return frozenset(transliterate(w) for w in load_french().function_words)


def content_stems(text: str) -> list[str]:
    """The stems of ``text``'s content words, in order (repeats kept)."""
    function = _function_words()
    out = []
    for m in _WORD.finditer(text):
        w = transliterate(m.group())
        if w not in function:
            out.append(w[:STEM])
    return out


def grounded_share(sentence: str, source: str | frozenset[str]) -> float | None:
    """Share of ``sentence``'s content words whose stem is in ``source`` (a text, or its
    :func:`content_stems` as a set); None when the sentence has no content word."""
    stems = content_stems(sentence)
    if not stems:
        return None
    known = source if isinstance(source, frozenset) else frozenset(content_stems(source))
    return sum(s in known for s in stems) / len(stems)
