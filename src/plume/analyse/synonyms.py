"""Synonyms the text itself establishes for a keyphrase (an acronym and its expansion, a name
and its surname), for Yoast's synonym-aware checks."""

from __future__ import annotations

import re

from plume.analyse.keyphrase import transliterate
from plume.lang.fr import load_french

__all__ = ["suggest_synonyms"]


def suggest_synonyms(text: str, keyphrase: str, limit: int = 2) -> list[str]:
    """Synonyms the text itself establishes for ``keyphrase``, for Yoast's synonym-aware checks.

    Only pairs the text proves, so a synonym never changes the subject:

    * an acronym and its expansion, both used in the text: "IA" ↔ "intelligence artificielle"
      (the initials of the expansion's content words spell the acronym);
    * a person's or organisation's multi-word name and its last word used alone at least twice
      ("Sam Altman" → "Altman"), the way French news writes a name after its first mention.
    """
    kp = keyphrase.strip()
    if not kp:
        return []
    function_words = load_french().function_words
    out: list[str] = []
    words = kp.split()
    if len(words) == 1 and kp.isupper() and 2 <= len(kp) <= 6:
        out += [e for e in _acronym_definitions(text, kp) if e not in out]
    elif len(words) >= 2 and all(w[:1].isupper() for w in words):
        last = words[-1]
        alone = len(re.findall(rf"(?<![\w’'-]){re.escape(last)}(?![\w’'-])", text)) - len(
            re.findall(rf"(?<![\w’'-]){re.escape(kp)}(?![\w’'-])", text)
        )
        if alone >= 2 and len(last) > 2:
            out.append(last)
    else:
        # Expansion → acronym, when the text defines it.
        content = [w for w in words if w.lower() not in function_words]
        acronym = "".join(transliterate(w[0]) for w in content).upper()
        if len(content) >= 2 and any(
            e.lower() == kp.lower() for e in _acronym_definitions(text, acronym)
        ):
            out.append(acronym)
    return out[:limit]


def _acronym_definitions(text: str, acronym: str) -> list[str]:
    """Expansions the text defines for ``acronym``, in the two layouts Schwartz & Hearst's
    abbreviation-definition algorithm recognises ("A simple algorithm for identifying
    abbreviation definitions in biomedical text", PSB 2003): "long form (SF)" and
    "SF (long form)". Initials are compared without accents and function words are skipped
    ("vélo à assistance électrique (VAE)")."""
    function_words = load_french().function_words
    n = len(acronym)
    word = r"[^\W\d_][\w’'-]*"

    def spells(run: list[str]) -> bool:
        content = [t.split("’", 1)[-1] for t in run if t.lower() not in function_words]
        return (
            len(content) == n
            and all(t[:1].islower() for t in content)
            and "".join(transliterate(t[0]) for t in content).upper() == acronym
        )

    found: list[str] = []
    esc = re.escape(acronym)
    for m in re.finditer(rf"((?:{word}\s+){{{n},{2 * n}}})\(\s*{esc}\s*\)", text):
        tokens = m.group(1).split()
        for k in range(len(tokens) - n, -1, -1):  # shortest run ending before "(" first
            if tokens[k].lower() not in function_words and spells(tokens[k:]):
                found.append(" ".join(tokens[k:]))
                break
    for m in re.finditer(rf"\b{esc}\s*\(([^()]{{3,80}})\)", text):
        run = m.group(1).split()
        if spells(run):
            found.append(" ".join(run))
    return found
