"""Spans the cleaner must never touch: URLs, e-mails, domains and file names, code, times,
ratios, handles and emoticons.

Every repair that inserts or replaces characters (glued sentences, typography) first asks
:func:`protected` and skips any match that overlaps one of these spans: "openai.com",
"Twitch.tv", "Node.js", "10:30", "3:1", "https://…", ";)" stay as written.
"""

from __future__ import annotations

import re
from functools import lru_cache

from plume.clean.engine import SpanSet

__all__ = ["protected"]

_URL = r"(?:https?|ftp)://[^\s<>«»\"“”]*[^\s<>«»\"“”.,;:!?)\]’']|www\.[^\s<>«»\"“”]*[^\s<>«»\"“”.,;:!?)\]’']"
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
# Lower-case top-level domains and file extensions only: "Twitch.tv", "openai.com", "Node.js",
# "rapport.pdf". Case-sensitive on purpose: "l’Italie.De nombreux…" is a glued sentence, not a
# German domain.
_DOMAIN = (
    r"\b[\w-]+(?:\.[\w-]+)*\.(?:com|fr|org|net|io|ai|tv|eu|be|ch|ca|de|uk|info|gouv|co|me|app"
    r"|dev|ly|gl|kr|us|html?|php|aspx?|pdf|docx?|odt|xlsx?|pptx?|jpe?g|png|gif|webp|svg|mp[34]"
    r"|zip|txt|csv|json|js|ts|py|md|exe)\b"
)
# A whitespace-delimited token with a code character in it: paths, "et/ou", "a=b", "x_y", "<b>".
_CODE = r"\S*[/\\_={}<>|~^$]\S*|\b\w+\(\)"
_HANDLE = r"(?<!\w)[@\x23]\w+"
_TIME_RATIO = r"\b\d+:\d+\b"
_EMOTICON = r"(?<!\w)[:;=][-'^o]?[()DPpOo3/\\|\]\[*](?!\w)|<3|\^\^|\bx[Dd]\b"

# Applied to one whitespace-delimited token at a time (fast: no backtracking over a whole
# paragraph), and only to tokens holding one of the characters these patterns need.
_IN_TOKEN = re.compile(
    "|".join(f"(?:{p})" for p in (_URL, _EMAIL, _DOMAIN, _CODE, _HANDLE, _TIME_RATIO, _EMOTICON))
)
_TOKEN = re.compile(r"\S+")
_TRIGGER = re.compile(r"[/\\_={}<>|~^$@\x23:;()3xX]|\.\w|www")
_BACKTICKS = re.compile(r"`[^`\n]+`")


@lru_cache(maxsize=512)
def protected(text: str) -> SpanSet:
    """The protected spans of ``text`` (cached: a block is often unchanged between steps)."""
    spans: list[tuple[int, int]] = []
    if "`" in text:
        spans += [m.span() for m in _BACKTICKS.finditer(text)]
    for tok in _TOKEN.finditer(text):
        t = tok.group()
        if not _TRIGGER.search(t):
            continue
        base = tok.start()
        spans += [(base + m.start(), base + m.end()) for m in _IN_TOKEN.finditer(t)]
    return SpanSet(spans)
