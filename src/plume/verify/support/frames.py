"""The frame check: a source sentence said under a view, a topic or a condition ("Pour le
néolibéralisme, …", "Si la loi passe, …") supports only a claim that keeps that frame."""

from __future__ import annotations

import re

from plume.verify.support.parse import Problem, Text, Tok, Window

# A sentence opening on whose view or which topic it states ("Pour le néolibéralisme, la
# retraite est un archaïsme"; "Quant à la participation des femmes, la Tunisie est 67e"):
# without that frame the statement becomes the author's, or about something else. ("Selon X"
# is the speaker check's.)
_FRAME = re.compile(
    r"^\W*(?:pour|quant (?:à|au|aux)|aux yeux d[eu']|du point de vue d[eu']|"
    r"en ce qui concerne|s'agissant d[eu']|concernant)\s+([^,:;]{2,80}?)\s*[,:]",
    re.IGNORECASE,
)
# A condition the whole statement holds under: opening the sentence ("Si la loi passe, …") or
# between the subject and its verb ("Ce projet, s'il devait être mis en œuvre, signerait…"). A
# trailing ", si …" bears on its own clause, not on the sentence's first one.
_CONDITION = re.compile(r"^\W*(?:[^,;:]{1,80},\s*)?(si|s'il|s'ils)\b[^,;.]{3,120},", re.IGNORECASE)


def frame_check(
    c: Text, body: list[Tok], src: Text, w: Window, index: dict[str, set[int]]
) -> Problem | None:
    """The window's sentence is framed (a view, a topic, a condition) and the claim drops the
    frame: what the source says under it, the claim says outright."""
    claim_keys = {k for t in c.toks for k in t.keys}
    claim_text = " ".join(t.text.lower() for t in c.toks)
    for n in w.sents:
        sentence = src.sent_text[n].replace("’", "'")
        m = _FRAME.match(sentence)
        start, end = src.sents[n]
        first = next((t for t in src.toks[start:end] if t.content), None)
        if m and first is not None and first.pos == "VERB":
            m = None  # "Pour sauvegarder : …" is a purpose, not whose view
        if m:
            frame_words = set(m.group(1).lower().split())
            start, end = src.sents[n]
            frame_keys = {
                k
                for t in src.toks[start:end]
                if t.content and t.text.lower() in frame_words
                for k in t.keys
            }
            if frame_keys and not frame_keys & claim_keys:
                return (
                    f"cadre omis : la source dit « {m.group(0).strip(' ,:')} »",
                    f"frame dropped: the source says “{m.group(0).strip(' ,:')}”",
                )
        cond = _CONDITION.search(sentence)
        if cond and not c.hedged and " si " not in f" {claim_text} " and "s'il" not in claim_text:
            return (
                f"condition omise : la source dit « {cond.group(0).strip(' ,;:(—–-')} »",
                f"condition dropped: the source says “{cond.group(0).strip(' ,;:(—–-')}”",
            )
    return None
