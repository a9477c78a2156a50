"""Which source mention a claim's name may stand for: "Altman" is "Sam Altman", but "Marie
Curie" is not the "Curie" of "Pierre Curie" — a name word matches a source word unless the
words beside them are names that differ (another first name, another surname)."""

from __future__ import annotations

from plume.verify.support.parse import Text, Tok


def name_like(t: Tok) -> bool:
    """A word of a name: tagged as one, or capitalised (the small model tags many surnames as
    nouns: "Pierre Curie")."""
    return t.content and (t.pos == "PROPN" or t.text[:1].isupper())


def _neighbour(text: Text, t: Tok, step: int) -> Tok | None:
    """The name word next to ``t`` (``step`` -1 before, +1 after) in its sentence, a hyphen
    skipped ("Jean-Paul"), or ``None``."""
    j = t.i + step
    a, b = text.sents[t.sent]
    if a <= j < b and text.toks[j].text == "-":
        j += step
    if not a <= j < b:
        return None
    x = text.toks[j]
    return x if name_like(x) else None


def same_entity(c: Text, t: Tok, src: Text, s: Tok) -> bool:
    """Whether source word ``s`` may be the claim's name word ``t``: on each side where both
    have a name word next to them, those words must match too."""
    for step in (-1, 1):
        mine = _neighbour(c, t, step)
        theirs = _neighbour(src, s, step)
        if mine is not None and theirs is not None and not mine.keys & theirs.keys:
            return False
    return True
