"""What makes a phrase a label rather than a heading: two noun groups joined by "et" ("Microsoft
et OpenAI"), a name alone ("Jacques Chirac"), a time alone ("L’année dernière"). Read blind,
each was judged a heading that says nothing of its section (issue 16)."""

from __future__ import annotations

import re

from plume.lang.fr import fold, load_french, time_nouns
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


#: What may follow a time noun in a phrase that only says when: "dernière", "prochain", "soir".
_TIME_AFTER = re.compile(
    r"(?i)^(?:dernière?s?|prochaine?s?|suivante?s?|passée?s?|précédente?s?|même|soir|matin|midi"
    r"|après-midi)$"
)
#: Determiners before it: "L’année", "Ce soir", "Cette semaine".
_TIME_BEFORE = frozenset(["l'", "le", "la", "les", "ce", "cet", "cette"])


def time_only(phrase: str) -> bool:
    """ "L’année dernière", "Jeudi soir", "Le mois prochain": when, not what (read blind, a
    heading). The time nouns are ``lang/fr/data/demonstrative_time_nouns.txt`` and the months."""
    words = re.findall(r"[\w-]+'?", fold(phrase))
    if words and words[0] in _TIME_BEFORE:
        words = words[1:]
    if not words or words[0] not in time_nouns():
        return False
    return len(words) == 1 or (len(words) == 2 and _TIME_AFTER.match(words[1]) is not None)
