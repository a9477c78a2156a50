"""Names are not errors: a dictionary does not know "Altman", "OpenAI" or "Nadella".

A flagged word is taken for a name when it is written with a capital (at a sentence start too:
"Salesforce a…"), or when the text writes it with a capital elsewhere (a lower-case "openai"
beside "OpenAI"). The cost: a misspelt word that opens a sentence is not flagged.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["capitalised_words", "name_like"]

_WORD_RE = re.compile(r"[^\W\d_][\w’'-]*")


@lru_cache(maxsize=8)
def capitalised_words(text: str) -> frozenset[str]:
    """The words ``text`` writes with a capital letter somewhere, in lower case."""
    return frozenset(m.group().lower() for m in _WORD_RE.finditer(text) if not m.group().islower())


def name_like(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is (or holds) a name of the text, or part of an address or a
    code glued to it by a dot or a slash ("Twitch.tv", "ats/nxp")."""
    flagged = text[start:end]
    if any(c.isupper() for c in flagged):
        return True
    before, after = text[start - 1 : start], text[end : end + 2]
    if before in ("/", "@") or after[:1] in ("/", "@"):
        return True
    if before == "." and start > 1 and not text[start - 2].isspace():
        return True
    if after[:1] == "." and after[1:].isalpha():
        return True
    words = [m.group().lower() for m in _WORD_RE.finditer(flagged)]
    names = capitalised_words(text)
    return bool(words) and all(w in names for w in words)
