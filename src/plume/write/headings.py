"""Deterministic headings (the ``--no-model`` path, and the fallback when no model candidate
passes the checks).

A section's heading says what the section says: its *key sentence* — among its first sentences,
the one that best covers the section's most frequent content words — shortened by removing
words (:mod:`plume.write.compress`: subject, verb, negation, hedges and objects kept), or the
headline "X, Y" of an "X est Y" sentence; every candidate must be supported by the section
(:func:`plume.verify.support.check_support`). When no sentence can be shortened, a noun phrase
copied from the key sentence. Never two noun groups glued by "et": a label says nothing.
French conventions for headings (Imprimerie nationale; Yoast's title guidance for length):
sentence case — capital on the first word and on proper nouns only —, no final full stop,
at most ``MAX_HEADING_CHARS`` characters, and unique within the article (near-duplicates too).

:func:`deterministic_heading` (noun phrases joined by "et") stays for the article's title
fallback, which another stage owns.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from functools import lru_cache

from plume.analyse.keyphrase import KeyphraseMatcher
from plume.analyse.researches import Research
from plume.analyse.suggest import suggest_keyphrases
from plume.document import Block, BlockKind, Document, Source
from plume.lang.fr import fold, load_french
from plume.text import sentences, strip_accents
from plume.write.compress import compressions, noun_phrases, parse
from plume.write.sections import content_lemmas

#: Issue 3 and common newsroom practice: a heading that fits one line on a phone.
MAX_HEADING_CHARS = 70
#: An author's heading with no clean cut is kept whole up to this length (as a headline is,
#: plume.write.titles.MAX_HEADLINE_CHARS): a longer line is a paragraph taken for a heading.
MAX_WHOLE_HEADING_CHARS = 90

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
    the author's and the phrase stays whole. Never after a verb, whose complement the cut
    would take ("… d’une désinformation venant | d’une source…"): without such a cut, kept
    whole up to :data:`MAX_WHOLE_HEADING_CHARS`. Unchanged when it fits."""
    if len(heading) <= max_chars:
        return heading
    words = heading.replace("'", "’").split(" ")
    text = " ".join(words)
    verb_ends = {t.idx + len(t.text) for t in parse(text) if t.pos_ in ("VERB", "AUX")}
    best = ""
    for k in range(2, len(words)):
        nxt = words[k].casefold()
        head = " ".join(words[:k]).rstrip(" ,;:–—-")
        if len(head) > max_chars:
            break
        cut_here = nxt in _CUT_BEFORE or nxt.startswith(("d’", "l’", "qu’"))
        after_verb = len(" ".join(words[:k])) in verb_ends
        if cut_here and not after_verb and fold(words[k - 1]) not in load_french().dangling_words:
            best = head
    if not best and len(heading) <= MAX_WHOLE_HEADING_CHARS:
        return heading
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


# ============================================================================================
# Section headings from the key sentence
# ============================================================================================

#: Sentences of a section read for its key sentence: a section says what it is about in its
#: opening (news writing's inverted pyramid), and each candidate costs a parse.
OPENING_SENTENCES = 10
#: Key sentences tried, best first, before falling back to a noun phrase.
KEY_SENTENCES = 6
#: Further sentences naming the keyphrase tried when a heading holding it is wanted.
KEYPHRASE_SENTENCES = 6
#: The section's most frequent content lemmas a key sentence should cover.
TOP_LEMMAS = 10
#: Headings up to this length are preferred to longer ones from the same sentence (a phone
#: line; 70 is the hard limit).
PREFERRED_MAX_CHARS = 60
#: Two headings whose content words overlap this much (Jaccard, on 5-letter stems) say the same
#: thing ("Microsoft a joué un rôle" and "Microsoft a joué un rôle de premier plan").
NEAR_DUPLICATE = 0.6

_BAD_ELISION = re.compile(
    r"(?i)(?<![\w’'])(le|la|de|que|ne|se|je|me|te|ce)\s+(?=[aeiouyàâäéèêëîïôöûüœ]\w)"
)
_CONTENT_WORD = re.compile(r"[\w-]+")


def has_bad_elision(heading: str) -> bool:
    """A missing elision ("la IA", "de OpenAI"), which removing a word can create ("la nouvelle
    entreprise" without its adjective): French elides these words before a vowel (Grevisse
    § 44). Words before an *h* are not judged (h aspiré or muet needs a dictionary)."""
    return bool(_BAD_ELISION.search(heading))


def _stems(heading: str) -> frozenset[str]:
    function_words = load_french().function_words
    return frozenset(
        strip_accents(w)[:5]
        for w in _CONTENT_WORD.findall(fold(heading).replace("’", " ").replace("'", " "))
        if w not in function_words and len(w) > 1
    )


def same_heading(a: str, b: str) -> bool:
    """``a`` and ``b`` say the same thing: equal case and accents aside, or their content words
    (5-letter stems, accents aside) overlap by :data:`NEAR_DUPLICATE` or more, or one's are all
    in the other's ("OpenAI et Microsoft" repeats "Microsoft et OpenAI")."""
    if strip_accents(fold(a)).strip() == strip_accents(fold(b)).strip():
        return True
    sa, sb = _stems(a), _stems(b)
    if not sa or not sb:
        return False
    return len(sa & sb) / len(sa | sb) >= NEAR_DUPLICATE or sa <= sb or sb <= sa


def is_label(heading: str) -> bool:
    """Two noun groups joined by "et" and no verb ("Microsoft et OpenAI", "L’IA et les
    données"): a label that says nothing of what the section says."""
    groups = heading.split(" et ")
    if len(groups) != 2 or any(len(g.split()) > 5 or "," in g for g in groups):
        return False
    return not any(t.pos_ in ("VERB", "AUX") for t in parse(heading))


def holds_keyphrase(heading: str, keyphrase: str, synonyms: Sequence[str] = ()) -> bool:
    """Yoast's test for a subheading (``matchKeywordInSubheadings``): more than half the content
    words of the keyphrase, or of one synonym, in any form."""
    return any(_matcher(p).covers_most(heading) for p in (keyphrase, *synonyms))


@lru_cache(maxsize=64)
def _matcher(phrase: str) -> KeyphraseMatcher:
    return KeyphraseMatcher(phrase)


def key_sentences(paragraphs: Sequence[str], n: int = KEY_SENTENCES) -> list[str]:
    """The section's key sentences, best first: among its first :data:`OPENING_SENTENCES`, those
    whose content lemmas cover most of the section's :data:`TOP_LEMMAS` most frequent ones
    (weighted by frequency), an earlier sentence winning a near tie (a section opens on its
    subject)."""
    text = "\n".join(paragraphs)
    freq = content_lemmas(text)
    top = dict(freq.most_common(TOP_LEMMAS))
    total = sum(top.values()) or 1
    opening = [s.text for p in paragraphs for s in sentences(p)][:OPENING_SENTENCES]
    scored = []
    for i, sent in enumerate(opening):
        own = content_lemmas(sent)
        cover = sum(v for k, v in top.items() if k in own) / total
        scored.append((cover / (1 + 0.15 * i), -i, sent))
    scored.sort(reverse=True)
    return [sent for _, _, sent in scored[:n]]


def section_heading(
    paragraphs: Sequence[str],
    used: Collection[str] = (),
    *,
    keyphrase: str | None = None,
    synonyms: Sequence[str] = (),
    want_keyphrase: bool = False,
    avoid_keyphrase: bool = False,
    max_chars: int = MAX_HEADING_CHARS,
) -> str:
    """A heading saying what the section made of ``paragraphs`` says (see the module doc),
    unlike every ``used`` heading.

    ``want_keyphrase``: a heading holding the keyphrase (or a synonym) is preferred, taken from
    a sentence of the section that holds it; ``avoid_keyphrase``: one without it is preferred.
    Neither is forced: a section that never names the keyphrase gets a heading without it.
    """
    paragraphs = [p for p in paragraphs if p.strip()]
    if not paragraphs:
        return ""
    text = "\n".join(paragraphs)

    def fresh(h: str) -> bool:
        return not has_bad_elision(h) and not any(same_heading(h, u) for u in used)

    def kp_rank(h: str) -> int:
        if keyphrase is None or not (want_keyphrase or avoid_keyphrase):
            return 0
        return int(holds_keyphrase(h, keyphrase, synonyms) != want_keyphrase)

    keys = key_sentences(paragraphs)
    if want_keyphrase and keyphrase:
        # The key sentence of the section that names the keyphrase, even a later one.
        named = [
            s.text
            for p in paragraphs
            for s in sentences(p)
            if s.text not in keys and holds_keyphrase(s.text, keyphrase, synonyms)
        ]
        keys += named[:KEYPHRASE_SENTENCES]
    # Sentences are tried best first; the search stops at the first one giving a heading of the
    # wanted kind (each sentence costs a parse).
    options: list[tuple[tuple[int, ...], str]] = []
    for rank, sent in enumerate(keys):
        found = [c for c in compressions(sent, max_chars) if fresh(c.text)]
        # Checked against the sentence it was cut from: what a deletion keeps, that sentence
        # says (and parsing one sentence, not the section, keeps plume within its 3 s).
        supported = _supported([c.text for c in found], sent)
        for c in found:
            if c.text in supported:
                long = int(len(c.text) > PREFERRED_MAX_CHARS)
                kind = 0 if c.headline else 1
                order = (kp_rank(c.text), 0, rank, c.pointing, long, kind, c.rounds)
                options.append((order, c.text))
        if any(o[0] == 0 for o, _ in options):
            break
    if not options or min(o[0] for o, _ in options) > 0:
        # A noun phrase copied from a key sentence states nothing the section does not: after
        # every shortened sentence, but before one without the keyphrase when it is wanted.
        for rank, sent in enumerate(keys):
            for phrase in noun_phrases(sent, max_chars):
                # The keyphrase is the article's subject: a phrase holding it says enough.
                topical = want_keyphrase and kp_rank(phrase) == 0
                if fresh(phrase) and (topical or _informative(phrase, text)):
                    options.append(((kp_rank(phrase), 1, rank), phrase))
    if options:
        return min(options)[1]
    return _single_phrase(paragraphs, used, keyphrase if want_keyphrase else None, max_chars)


def _informative(phrase: str, section: str) -> bool:
    """A noun phrase worth a heading: two content words or more, one of them among the
    section's most frequent ("Une fois", "Les startups" say nothing of it)."""
    top = {k for k, _ in content_lemmas(section).most_common(TOP_LEMMAS)}
    own = content_lemmas(phrase)
    return len(own) >= 2 and bool(top & set(own))


def _supported(candidates: list[str], source: str) -> set[str]:
    """The candidates :func:`plume.verify.support.check_support` accepts against the section."""
    if not candidates:
        return set()
    from plume.verify.support import check_support  # spaCy's parser: loaded on first use

    return {v.claim for v in check_support(candidates, source) if v.supported}


def _single_phrase(
    paragraphs: Sequence[str], used: Collection[str], prefer: str | None, max_chars: int
) -> str:
    """Last resort: one of the section's key noun phrases with the author's determiner ("Le
    conseil d’administration"), unique; the first words of the section when none is left."""
    text = "\n".join(paragraphs)
    doc = Document(
        blocks=tuple(Block(BlockKind.PARAGRAPH, p) for p in paragraphs),
        source=Source("<section>", "txt"),
    )
    research = Research(doc)
    phrases = [s.phrase for s in suggest_keyphrases(research, n=6)]
    if prefer and research.matcher(prefer).in_text(text):
        phrases = [prefer, *(p for p in phrases if p.casefold() != prefer.casefold())]
    for phrase in phrases:
        with_det = _with_determiner(phrase, text)
        if with_det and len(with_det) <= max_chars:
            heading = _sentence_case(with_det)
            if not any(same_heading(heading, u) for u in used):
                return heading
    base = shorten_heading(sentences(paragraphs[0])[0].text.rstrip(" .!…"), max_chars)
    heading, n = base, 2
    while any(strip_accents(fold(heading)) == strip_accents(fold(u)) for u in used):
        heading = f"{base} ({n})"
        n += 1
    return heading
