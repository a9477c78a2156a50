"""What makes a phrase a label rather than a heading: two noun groups joined by "et" ("Microsoft
et OpenAI"), a name alone ("Jacques Chirac"), a time alone ("L’année dernière"). Read blind,
each was judged a heading that says nothing of its section (issue 16)."""

from __future__ import annotations

import re

from plume.lang.fr import load_french
from plume.write.compress import parse

__all__ = ["is_label", "names_only", "time_only"]


def is_label(heading: str) -> bool:
    """Two noun groups joined by "et" and no verb ("Microsoft et OpenAI", "L’IA et les
    données"): a label that says nothing of what the section says."""
    groups = heading.split(" et ")
    if len(groups) != 2 or any(len(g.split()) > 5 or "," in g for g in groups):
        return False
    return not any(t.pos_ in ("VERB", "AUX") for t in parse(heading))


def names_only(phrase: str) -> bool:
    """A name and nothing else ("Jacques Chirac", "Claire Dumoulin"): a label, however often
    its section names them; a heading says what the section says of them."""
    fw = load_french().function_words
    # (an elided article is not the word: "L’ascension" is "ascension")
    words = [re.split(r"[’']", w)[-1] for w in re.findall(r"[^\W\d_][\w’'-]*", phrase)]
    words = [w for w in words if w and w.lower() not in fw]
    return bool(words) and all(w[:1].isupper() for w in words)


#: "L’année dernière", "Le mois prochain", "Jeudi soir": when, not what (read blind, a heading).
_TIME_ONLY = re.compile(
    r"(?i)^(?:l[’']|les?\s|la\s|ce\s|cette\s|cet\s)?(?:année|an|mois|semaine|jour|journée|"
    r"soir|soirée|matin|matinée|week-end|veille|lendemain|trimestre|saison|lundi|mardi|mercredi|"
    r"jeudi|vendredi|samedi|dimanche)s?(?:\s(?:dernière?s?|prochaine?s?|suivante?s?|passée?s?|"
    r"précédente?s?|même|soir|matin|midi|après-midi))?$"
)


def time_only(phrase: str) -> bool:
    """ "L’année dernière", "Jeudi soir": when, not what."""
    return _TIME_ONLY.match(phrase) is not None
