"""Deterministic headings from a section's key noun phrases (the ``--no-model`` path, and the
fallback when no model candidate passes the checks).

Faithful by construction: a heading is made of noun phrases taken from the section itself, with
the determiner the author used before them ("le conseil d’administration"), joined by "et".
French conventions for headings (Imprimerie nationale; Yoast's title guidance for length):
sentence case — capital on the first word and on proper nouns only —, no final full stop,
at most ``MAX_HEADING_CHARS`` characters, and unique within the article.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from plume.analyse.researches import Research
from plume.analyse.suggest import suggest_keyphrases
from plume.document import Block, BlockKind, Document, Source
from plume.lang.fr import fold, load_french

#: Issue 3 and common newsroom practice: a heading that fits one line on a phone.
MAX_HEADING_CHARS = 70

# The determiner the author put before a phrase, as it reads at the start of a heading:
# "du conseil" → "le conseil", "aux employés" → "les employés".
_DETERMINERS = {
    "le": "le",
    "la": "la",
    "les": "les",
    "l’": "l’",
    "l'": "l’",
    "du": "le",
    "au": "le",
    "aux": "les",
    "des": "les",
}
_DET_RE = r"\b((?i:le|la|les|l[’']|du|au|aux|des))\s*"


def _is_name(phrase: str) -> bool:
    """A proper name ("Microsoft", "Sam Altman") takes no article; an acronym ("IA") may."""
    return phrase[:1].isupper() and not phrase.isupper()


def _with_determiner(phrase: str, text: str) -> str | None:
    """``phrase`` preceded by the determiner it has in ``text``; names as they are; ``None``
    for a common noun the author never used with a definite article (a bare "dollars" reads
    as a fragment, not a heading)."""
    if _is_name(phrase):
        return phrase
    m = re.search(_DET_RE + re.escape(phrase) + r"\b", text)
    if not m:
        return None
    det = _DETERMINERS[m.group(1).lower().replace("'", "’")]
    return f"{det}{phrase}" if det.endswith("’") else f"{det} {phrase}"


def _key(heading: str) -> frozenset[str]:
    """What makes two headings the same: their phrases, in any order, determiners aside."""
    parts = heading.casefold().replace("'", "’").split(" et ")
    return frozenset(re.sub(r"^(le |la |les |l’)", "", p.strip()) for p in parts)


#: Words a long heading can be cut before: prepositions and conjunctions open a complement
#: that can go without breaking the phrase ("… du partenariat | avec OpenAI").
_CUT_BEFORE = frozenset(
    [
        "de",
        "du",
        "des",
        "d’",
        "à",
        "au",
        "aux",
        "avec",
        "après",
        "avant",
        "pour",
        "par",
        "sur",
        "sous",
        "vers",
        "dans",
        "entre",
        "chez",
        "sans",
        "contre",
        "depuis",
        "pendant",
        "selon",
        "et",
        "ou",
        "mais",
        "car",
        "qui",
        "que",
        "dont",
        "où",
    ]
)


def shorten_heading(heading: str, max_chars: int = MAX_HEADING_CHARS) -> str:
    """An author's heading over ``max_chars`` cut back to its longest head that fits and ends
    before a preposition or conjunction ("Les implications financières et technologiques du
    départ d’Altman d’OpenAI vers Microsoft" → "… du départ d’Altman"), so the words kept are
    the author's and the phrase stays whole. Unchanged when it fits."""
    if len(heading) <= max_chars:
        return heading
    words = heading.replace("'", "’").split(" ")
    best = ""
    for k in range(2, len(words)):
        nxt = words[k].casefold()
        head = " ".join(words[:k]).rstrip(" ,;:–—-")
        if len(head) > max_chars:
            break
        cut_here = nxt in _CUT_BEFORE or nxt.startswith(("d’", "l’", "qu’"))
        if cut_here and fold(words[k - 1]) not in load_french().dangling_words:
            best = head
    if not best:
        kept = heading[: max_chars + 1].rsplit(" ", 1)[0].split(" ")
        while len(kept) > 1 and fold(kept[-1]) in load_french().dangling_words:
            kept.pop()
        best = " ".join(kept).rstrip(" ,;:–—-")
    return best


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def deterministic_heading(
    paragraphs: Sequence[str],
    used: Collection[str] = (),
    *,
    prefer: str | None = None,
    avoid: str | None = None,
    max_chars: int = MAX_HEADING_CHARS,
) -> str:
    """A heading for the section made of ``paragraphs``, different from the ``used`` ones
    (also in another order: "A et B" and "B et A" are the same heading).

    ``prefer``: a phrase (the keyphrase) to put first when the section contains it.
    ``avoid``: a phrase to leave out (the keyphrase, when enough headings already carry it).
    """
    text = "\n".join(paragraphs)
    doc = Document(
        blocks=tuple(Block(BlockKind.PARAGRAPH, p) for p in paragraphs if p.strip()),
        source=Source("<section>", "txt"),
    )
    if not doc.blocks:
        return ""
    research = Research(doc)
    phrases = [s.phrase for s in suggest_keyphrases(research, n=6)]
    if prefer and research.matcher(prefer).in_text(text):
        phrases = [prefer, *(p for p in phrases if p.casefold() != prefer.casefold())]
    if avoid:
        avoided = research.matcher(avoid)
        phrases = [p for p in phrases if not avoided.in_text(p)] or phrases
    taken = {_key(u) for u in used}
    ready = [(p, _with_determiner(p, text)) for p in phrases]
    usable = [(p, a) for p, a in ready if a is not None]
    options: list[str] = []
    for i, (first, a) in enumerate(usable):
        for second, b in usable[i + 1 :]:
            if second.casefold() in first.casefold() or first.casefold() in second.casefold():
                continue
            options.append(f"{a} et {b}")
        options.append(a)
    for option in options:
        heading = _sentence_case(option)
        if len(heading) <= max_chars and _key(heading) not in taken:
            return heading
    # Every combination is taken or too long: the first phrase cut on a word, still unique.
    base = _sentence_case(phrases[0] if phrases else paragraphs[0].split(".")[0])
    base = base[:max_chars].rsplit(" ", 1)[0] if len(base) > max_chars else base
    n = 2
    heading = base
    while _key(heading) in taken:
        heading = f"{base} ({n})"
        n += 1
    return heading
