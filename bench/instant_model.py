"""A scripted "instruction model" for the batch benchmarks: answers rewrite mode's prompts the
way a compliant model would, instantly and deterministically, from the prompt alone.

``bench/batch_overhead.py`` measures plume's own time around the backend. With a server that
answers every prompt with the same short line, every article fails its plan, falls back to the
deterministic one and spends its calls on repairs that never succeed: the work per article
varies (6 to 10 calls) and is not what a real run does. This responder answers like a model
that follows the instructions: a JSON plan over the passages it was given (three sections, fewer
for fewer passages), and for the lead and each section the passages' own words with every fifth
word left out — so the text stays French and keeps the sources' facts, but has no 8-word run
copied (originality guard) —, quotations, numbers and names kept whole, whole sentences up to the
length asked. Articles then pass or fail on their own merits, as they would with a real model,
and every article costs about the same number of calls. ``bench/rewrite_corpus.py --instant``
uses it to measure plume's own share of the generated tokens.
"""

from __future__ import annotations

import json
import re
from typing import Any

_PASSAGE = re.compile(r"\[P(\d+)\] (.+)")
_KEYPHRASE = re.compile(r"expression(?: clé)?(?: est)? « (.+?) »")
_WORDS = re.compile(r"(\d+) mots environ")
_PART = re.compile(r"la partie « (.+?) »")
HEADINGS = ("Les faits essentiels", "Le contexte et les enjeux", "Ce qu’il faut retenir")


def _user(body: dict[str, Any]) -> str:
    if "messages" in body:
        return str(body["messages"][-1]["content"])
    return str(body.get("prompt", ""))


def _reword(sentence: str) -> str:
    """One sentence with every fifth word left out, except what a model following the prompt
    keeps word for word: quotations, numbers and names (any word with a digit or a capital)."""
    kept: list[str] = []
    quoting = False
    for i, w in enumerate(sentence.split()):
        quoting = quoting or "«" in w
        if quoting or i % 5 != 4 or any(c.isdigit() or c.isupper() for c in w):
            kept.append(w)
        if "»" in w:
            quoting = False
    return " ".join(kept)


def _paraphrase(sentences: list[str], words: int) -> str:
    """Whole sentences reworded (:func:`_reword`) until ``words`` words (at least one)."""
    out: list[str] = []
    count = 0
    for sentence in sentences:
        if out and count >= words:
            break
        text = _reword(sentence)
        out.append(text)
        count += len(text.split())
    text = " ".join(out).rstrip(",;:")
    text = text if text.endswith((".", "!", "?", "»")) else text + "."
    # Two paragraphs when long, as the prompt asks (split at the sentence end nearest the middle).
    ends = [m.end() for m in re.finditer(r"[.!?] (?=[A-ZÀ-Ý])", text)]
    if count > 120 and ends:
        cut = min(ends, key=lambda e: abs(e - len(text) // 2))
        text = text[:cut].rstrip() + "\n\n" + text[cut:].lstrip()
    return text


def _whole_sentences(passages: list[str]) -> list[str]:
    """The passages' sentences, a quotation never split between two (its sentences joined)."""
    out: list[str] = []
    buf = ""
    for passage in passages:
        for piece in _SENTENCE.split(passage):
            buf = f"{buf} {piece}".strip()
            if buf and buf.count("«") <= buf.count("»"):
                out.append(buf)
                buf = ""
    if buf:
        out.append(buf)
    return out


def respond(body: dict[str, Any]) -> str:
    user = _user(body)
    m = _KEYPHRASE.search(user)
    keyphrase = m.group(1) if m else "le sujet"
    passages = {int(i): t.strip() for i, t in _PASSAGE.findall(user)}
    if "Prépare le plan" in user:
        ids = sorted(passages)
        k = max(1, len(ids) // 3)
        # Fewer than three passages: fewer sections (an empty one would be refused).
        groups = [g for g in (ids[:k], ids[k : 2 * k], ids[2 * k :]) if g]
        kp = keyphrase[:1].upper() + keyphrase[1:]
        return json.dumps(
            {
                "title": f"{kp} : ce qu’il faut savoir aujourd’hui",
                "seo_title": f"{kp} : l’essentiel à savoir",
                "meta_description": (
                    f"{kp} : les faits, le contexte et les enjeux, expliqués simplement à partir "
                    "des sources, pour comprendre ce qui se joue."
                ),
                "sections": [
                    {"heading": h, "passages": g} for h, g in zip(HEADINGS, groups, strict=False)
                ],
            },
            ensure_ascii=False,
        )
    m = _WORDS.search(user)
    words = int(m.group(1)) if m else 80
    # The lead is written from the first section's passages: it takes their first two
    # sentences, and that section the rest, so the two do not repeat each other.
    sentences = _whole_sentences(list(passages.values()))
    kp = keyphrase[:1].upper() + keyphrase[1:]
    if "Écris le chapô" in user:
        return f"{kp} : {_paraphrase(sentences[:2], words)}"
    if "Réécris" in user:  # a field repair: title, SEO title or description
        return f"{kp} : {_paraphrase(sentences, words)}"[:150]
    m = _PART.search(user)
    part = HEADINGS.index(m.group(1)) if m and m.group(1) in HEADINGS else 0
    body_text = _paraphrase(sentences[2:] if part == 0 else sentences, words)
    if "Emploie une fois" in user:
        return f"{body_text} {_KEYPHRASE_SENTENCES[part].format(kp=keyphrase)}"
    return body_text


_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý«])")
_KEYPHRASE_SENTENCES = (
    "Voilà ce qui change pour {kp}.",
    "Le débat sur {kp} reste ouvert.",
    "Pour {kp}, la suite se jouera dans les prochains mois.",
)
