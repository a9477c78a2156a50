"""Deterministic headings (the ``--no-model`` path, and the fallback when no model candidate
passes the checks).

A section's heading says what the section says: its *key sentence* — among its first sentences,
the one that best covers the section's most frequent content words — shortened by removing
words (:mod:`plume.write.compress`: subject, verb, negation, hedges and objects kept), or the
headline "X, Y" of an "X est Y" sentence; every candidate must be supported by the section
(:func:`plume.verify.support.check_support`). When no sentence can be shortened, a noun phrase
copied from the key sentence. Never two noun groups glued by "et": a label says nothing.
When the keyphrase is wanted in a heading (Yoast's SubHeadingsKeywordAssessment, planned in
:mod:`plume.write.structure`) and no shortened sentence holds it, still the section's own words:
a short sentence whole, a sentence whose "Selon X," moves to its end, one whose bare subject "la
société" is put back to the keyphrase's name (only when unambiguous), a noun phrase ending on
the keyphrase, or a framing noun of the section before it ("Le bilan des trottinettes…").
French conventions for headings (Imprimerie nationale; Yoast's title guidance for length):
sentence case — capital on the first word and on proper nouns only —, no final full stop,
at most ``MAX_HEADING_CHARS`` characters, and unique within the article (near-duplicates too).

:func:`deterministic_heading` (noun phrases joined by "et") stays for the article's title
fallback, which another stage owns.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Sequence
from functools import lru_cache
from typing import Any

from plume.analyse.keyphrase import KeyphraseMatcher
from plume.analyse.researches import Research
from plume.analyse.suggest import suggest_keyphrases
from plume.document import Block, BlockKind, Document, Source
from plume.lang.fr import fold, load_french, with_de
from plume.lang.fr.lexicon import load_lexicon
from plume.text import sentences, strip_accents
from plume.write.compress import POINTING, Compression, compressions, noun_phrases, parse
from plume.write.labels import is_label, names_only, time_only
from plume.write.sections import content_lemmas, points_back
from plume.write.titles import opens_on_transition

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


def holds_keyphrase(heading: str, keyphrase: str, synonyms: Sequence[str] = ()) -> bool:
    """Yoast's test for a subheading (``matchKeywordInSubheadings``): more than half the content
    words of the keyphrase, or of one synonym, in the *exact form* written (yoastseo 3.6 has no
    French word forms without Premium: "Les trottinettes" does not hold "trottinette")."""
    return any(_holds_exactly(heading, p) for p in (keyphrase, *synonyms) if p.strip())


def _holds_exactly(text: str, phrase: str) -> bool:
    words = _exact_words(phrase)
    if not words:  # a phrase of function words only: Yoast looks for all of them
        return _matcher(phrase).covers_most(text)
    return sum(w.in_text(text) for w in words) * 2 > len(words)


@lru_cache(maxsize=64)
def _exact_words(phrase: str) -> tuple[KeyphraseMatcher, ...]:
    """One exact-form matcher per content word (a quoted phrase is matched word for word)."""
    return tuple(KeyphraseMatcher(f"«{w}»") for w in _matcher(phrase).content_words)


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
    article: str = "",
) -> str:
    """A heading saying what the section made of ``paragraphs`` says (see the module doc),
    unlike every ``used`` heading.

    ``want_keyphrase``: a heading holding the keyphrase (or a synonym) is preferred, taken from
    a sentence of the section that holds it; ``avoid_keyphrase``: one without it is preferred.
    Neither is forced: a section that never names the keyphrase gets a heading without it.
    When no shortened sentence holds it, in this order: a sentence whose bare subject "la
    société" is the keyphrase's company (:func:`coreferent_sentences`), a noun phrase of the
    section ending on the keyphrase (:func:`keyphrase_phrases`), a framing noun of the section
    before the keyphrase (:func:`framing_headings`). ``article``: the whole text, where the
    keyphrase's determiner and what "la société" stands for are read.
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
    options: list[tuple[tuple[int, ...], str]] = []

    def shorten(sents: Sequence[str], first_rank: int, attributed: bool = False) -> None:
        """Options from the sentences, best first; stops at the first sentence giving a heading
        of the wanted kind (each sentence costs a parse). ``attributed``: a sentence whose
        source was moved to its end keeps it in every heading cut from it."""
        for rank, sent in enumerate(sents, first_rank):
            found = [c for c in compressions(sent, max_chars) if fresh(c.text)]
            source = _ATTRIBUTION_END.search(sent.rstrip(" .!…")) if attributed else None
            if source:
                # What "selon X" says is X's claim, not the article's: never cut without it.
                tail = source.group(0)
                found = [
                    Compression(
                        c.text.removesuffix(tail.lstrip(", ")).rstrip(" ,") + tail,
                        c.rounds,
                        c.pointing,
                        c.headline,
                    )
                    for c in found
                    if c.text.endswith(tail.lstrip(", "))
                ]
                found = [c for c in found if len(c.text) <= max_chars and fresh(c.text)]
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
                return

    def settled() -> bool:
        return bool(options) and min(o[0] for o, _ in options) == 0

    shorten(keys, 0)
    if want_keyphrase and keyphrase and not settled():
        # No sentence naming the keyphrase could be shortened: one whose subject "la société"
        # is the keyphrase's company, with the name put back (see coreferent_sentences).
        # Then one opening on its source ("Selon Paul Collier, l’immigration…"), the source
        # moved to the end as headlines put it.
        moved = [m for m in (attribution_last(k) for k in keys) if m]
        moved = [m for m in moved if holds_keyphrase(m, keyphrase, synonyms)]
        shorten(
            [*coreferent_sentences(paragraphs, keyphrase, article or text), *moved],
            len(keys),
            attributed=True,
        )
    if want_keyphrase and keyphrase and not settled():
        # A short sentence of the section holding the keyphrase, whole ("Coup dur pour Lorient
        # avec la sortie sur blessure de Grbic"): the author's own line, nothing cut.
        for rank, sent in enumerate(short_sentences(paragraphs, keyphrase, synonyms, max_chars)):
            if fresh(sent):
                options.append(((0, 1, -1, rank), sent))
    if not settled():
        # A noun phrase copied from a key sentence states nothing the section does not: after
        # every shortened sentence, but before one without the keyphrase when it is wanted.
        for rank, sent in enumerate(keys):
            for phrase in noun_phrases(sent, max_chars):
                # The keyphrase is the article's subject: a phrase holding it says enough — with
                # a word of its own ("La préfecture" alone, read blind, said nothing).
                topical = (
                    want_keyphrase
                    and kp_rank(phrase) == 0
                    and bool(set(content_lemmas(phrase)) - set(content_lemmas(keyphrase or "")))
                )
                if fresh(phrase) and (topical or informative_phrase(phrase, text)):
                    options.append(((kp_rank(phrase), 1, rank), phrase))
    if want_keyphrase and keyphrase and not settled():
        # Still none holding it: a noun phrase of the section that ends on the keyphrase ("La
        # magie de la plume de Hwang Sok-yong"), else a framing noun the section uses put
        # before it ("Le bilan des trottinettes en libre-service"); copied or framed, never
        # before a heading the section states.
        for rank, sent in enumerate(keys):
            for phrase in keyphrase_phrases(sent, keyphrase, synonyms, max_chars):
                if fresh(phrase):
                    options.append(((0, 2, rank), phrase))
        if not settled():
            framed = framing_headings(paragraphs, keyphrase, article or text, max_chars)
            options += [((0, 3, n), h) for n, h in enumerate(framed) if fresh(h)]
    if options:
        return min(options)[1]
    prefer = (keyphrase, *synonyms) if want_keyphrase and keyphrase else ()
    return _single_phrase(paragraphs, used, prefer, max_chars)


def informative_phrase(phrase: str, section: str) -> bool:
    """A noun phrase worth a heading: two content words or more, one of them among the
    section's most frequent ("Une fois", "Les startups" say nothing of it)."""
    top = {k for k, _ in content_lemmas(section).most_common(TOP_LEMMAS)}
    own = content_lemmas(phrase)
    return (
        len(own) >= 2 and bool(top & set(own)) and not names_only(phrase) and not time_only(phrase)
    )


def _supported(candidates: list[str], source: str) -> set[str]:
    """The candidates :func:`plume.verify.support.check_support` accepts against the section."""
    if not candidates:
        return set()
    from plume.verify.support import check_support  # spaCy's parser: loaded on first use

    return {v.claim for v in check_support(candidates, source) if v.supported}


_ATTRIBUTION_START = re.compile(r"^(Selon|D[’']après)\s+([^,;:«»]{2,60}),\s+(\S.*)$")
#: Sources that point at the text before them: a heading read alone cannot say who they are.
_LEANING_SOURCES = (
    frozenset(["lui", "elle", "eux", "elles", "moi", "nous", "vous", "celui-ci", "celle-ci"])
    | POINTING
)
_ATTRIBUTION_END = re.compile(r",\s+(?:selon|d[’']après)\s+[^,;:«»]{2,60}$")


def attribution_last(sentence: str) -> str | None:
    """``sentence`` with its opening source moved to its end ("Selon Paul Collier, l’immigration
    peut constituer une menace…" → "L’immigration peut constituer une menace…, selon Paul
    Collier"), as headlines attribute a claim; the words are the author's. ``None`` for a
    sentence that does not open on "Selon X," or "D’après X,"."""
    m = _ATTRIBUTION_START.match(sentence.strip())
    if not m:
        return None
    rest = m.group(3).rstrip(" .!…")
    if not rest or rest.endswith("?"):
        return None
    if fold(m.group(2).split()[0]) in _LEANING_SOURCES:
        return None  # "selon lui", "selon ce rapport": who, which, the heading cannot say
    lead = m.group(1)
    return f"{_sentence_case(rest)}, {lead[:1].lower()}{lead[1:]} {m.group(2).strip()}."


# ============================================================================================
# The keyphrase in a heading when no shortened sentence holds it
# ============================================================================================

#: Parts of speech a noun phrase copied for a heading never holds: a clause or a list inside it
#: ("Les entreprises de trottinettes et de vélos…" reads as an "X et Y" label).
_NOT_IN_PHRASE = frozenset(["VERB", "AUX", "PRON", "SCONJ", "CCONJ", "PUNCT"])
_DEFINITE = frozenset(["le", "la", "les", "l'", "l’"])


def _kp_spans(text: str, keyphrase: str, synonyms: Sequence[str]) -> list[tuple[int, int]]:
    """Character spans of the keyphrase's (and synonyms') content words, exact forms."""
    spans: list[tuple[int, int]] = []
    for phrase in (keyphrase, *synonyms):
        for word in _exact_words(phrase):
            spans += [(s.start, s.end) for s in word.find(text)]
    return sorted(spans)


def keyphrase_phrases(
    sentence: str, keyphrase: str, synonyms: Sequence[str] = (), max_chars: int = MAX_HEADING_CHARS
) -> list[str]:
    """Noun phrases of ``sentence`` that end on the keyphrase, copied as one stretch of it
    ("… par la magie de la plume de Hwang Sok-yong dans son roman" → "La magie de la plume de
    Hwang Sok-yong", "La plume de Hwang Sok-yong"), the widest first: a determiner (not a
    demonstrative or possessive, which point outside the heading), the noun, its complements
    down to the keyphrase, and no verb, pronoun, conjunction or punctuation in between. Each
    holds the keyphrase as Yoast counts it and one word of its own (the name alone says
    nothing of the section)."""
    sentence = sentence.strip()
    spans = _kp_spans(sentence, keyphrase, synonyms)
    if not spans:
        return []
    doc = parse(sentence)
    out: list[tuple[int, str]] = []
    for head in doc:
        if head.pos_ != "NOUN":
            continue
        # The noun's own preposition ("par la magie") stays out.
        tree = sorted(
            (t for t in head.subtree if not (t.dep_ == "case" and t.head.i == head.i)),
            key=lambda t: t.i,
        )
        det = tree[0]
        low = det.text.lower().replace("’", "'")
        # Not a demonstrative or a possessive: it points outside the heading.
        if det.dep_ != "det" or det.head.i != head.i or low in POINTING:
            continue
        inside = {t.i for t in tree}
        start = det.idx
        # The phrase ends with the last keyphrase word inside the noun's own subtree.
        ends = [
            e
            for s, e in spans
            if s > head.idx
            and all(t.i in inside for t in doc if s <= t.idx < e)
            and any(s <= t.idx < e for t in doc)
        ]
        if not ends:
            continue
        end = max(ends)
        stretch = [t for t in doc if start <= t.idx < end]
        if any(t.i not in inside for t in stretch):
            continue
        if any(t.pos_ in _NOT_IN_PHRASE and t.text not in "-" for t in stretch):
            continue
        if not _whole_phrase(head, stretch):
            continue
        phrase = _sentence_case(sentence[start:end])
        if len(phrase) > max_chars or not holds_keyphrase(phrase, keyphrase, synonyms):
            continue
        own = content_lemmas(phrase)
        kp_own = content_lemmas(" ".join([keyphrase, *synonyms]))
        if not set(own) - set(kp_own):
            continue
        out.append((len(phrase), phrase))
    out.sort(key=lambda x: (x[0] > PREFERRED_MAX_CHARS, -x[0]))
    return [phrase for _, phrase in out]


#: The author speaking ("Nous aimons…", "mon avis"): a heading in the first or second person
#: is the author's voice, not what the section says.
_FIRST_PERSON = re.compile(r"(?i)(?<![\w’'])(je|j[’']|nous|vous|tu|mon|ma|mes|notre|nos)(?![\w’'])")


def short_sentences(
    paragraphs: Sequence[str],
    keyphrase: str,
    synonyms: Sequence[str] = (),
    max_chars: int = MAX_HEADING_CHARS,
) -> list[str]:
    """The section's sentences holding the keyphrase that are short enough to be a heading as
    they are, without their final stop: often a verbless line the shortener cannot read
    ("Incroyable opportunité pour Lorient !"). Never a question, a sentence opening on a
    connector, a demonstrative or a pronoun (it leans on the sentence before), one in the first
    or second person, or one whose quotation marks do not pair."""
    out: list[str] = []
    for p in paragraphs:
        for sent in sentences(p):
            line = sent.text.strip().rstrip(" .!…\u00a0\u202f")
            if not line or line.endswith("?") or "?" in line or len(line) > max_chars:
                continue
            words = line.split()
            if len(words) < 3 or points_back(line) or _FIRST_PERSON.search(line):
                continue
            # "Essentiellement, OpenAI est…", "Par ailleurs, …": a sentence placed in an
            # argument, no heading.
            if opens_on_transition(line) or _ADVERB_OPENING.match(line):
                continue
            if line.count("«") != line.count("»") or line.count("(") != line.count(")"):
                continue
            if holds_keyphrase(line, keyphrase, synonyms) and not is_label(line):
                out.append(_sentence_case(line))
    return out


_ADVERB_OPENING = re.compile(r"^[\w-]+ment\s*,", re.IGNORECASE)

#: What may be left after a copied noun phrase: a complement of its own, introduced by a
#: preposition ("la plume de Hwang Sok-yong [dans son dernier roman]").
_DROPPABLE = frozenset(["nmod", "obl", "obl:mod", "acl", "acl:relcl"])


def _whole_phrase(head: Any, stretch: list[Any]) -> bool:
    """The stretch leaves out no part of what it holds: no second member of a pair ("les liens
    entre intestin [et cerveau]"), no adjective ("la politique [européenne] de l’immigration"),
    only whole complements of its nouns; and no "entre", which needs the pair."""
    kept = {t.i for t in stretch}
    if any(t.text.lower() == "entre" for t in stretch):
        return False
    for t in head.subtree:
        if t.i in kept:
            continue
        # The word just below the stretch on the way to t says what was cut off.
        link = t
        while link.head.i not in kept and link.head.i != link.i:
            link = link.head
        if link.head.i in kept and link.i > max(kept) and link.dep_ not in _DROPPABLE:
            return False
        if link.head.i in kept and link.i > max(kept) and link.pos_ in ("ADJ", "CCONJ"):
            return False
    return True


@lru_cache(maxsize=1)
def _framing_of_subject() -> frozenset[str]:
    from plume.lang.fr import read_list

    return frozenset(read_list("heading_framing_of_subject.txt"))


def framing_headings(
    paragraphs: Sequence[str], keyphrase: str, article: str = "", max_chars: int = MAX_HEADING_CHARS
) -> list[str]:
    """Headings made of a framing noun the section itself uses and the keyphrase, as the text
    writes it ("Le bilan du projet-pilote … les utilisateurs de trottinettes" → "Le bilan des
    trottinettes en libre-service"): the one word not the keyphrase's is the section's, taken
    with its determiner from a sentence that also names one of the keyphrase's words, among
    the nouns that read "about X" before a complement (``heading_framing_of_subject.txt``).
    Only what :func:`plume.verify.support.check_support` accepts against the section (the two
    must be linked there); first use in the section first. Empty when the text never writes the
    keyphrase with its determiner (a keyphrase that is no phrase of the text, "Lyon incendie",
    cannot be framed)."""
    text = "\n".join(paragraphs)
    # The keyphrase as one phrase of the text ("OpenAI et IA" is a list, not a subject).
    whole = article or text
    if " et " in keyphrase or keyphrase.casefold() not in whole.replace("'", "’").casefold():
        return []
    subject = _with_determiner(keyphrase, text) or _with_determiner(keyphrase, whole)
    if not subject:
        return []
    words = _matcher(keyphrase).content_words
    word_matchers = [_matcher(w) for w in words]
    lexicon = load_lexicon()
    framing = _framing_of_subject()
    own_words = {w.lower() for w in words}
    out: list[str] = []
    for p in paragraphs:
        for sent in sentences(p):
            if not any(m.in_text(sent.text) for m in word_matchers):
                continue
            for m in re.finditer(r"(?i)\b(les|le|la|l[’'])\s*([\w-]+)", sent.text):
                noun = m.group(2)
                if noun.lower() in own_words:
                    continue
                if not lexicon.lemmas(noun.lower()) & framing:
                    continue
                det = _DETERMINERS[m.group(1).lower().replace("'", "’")]
                head = f"{det}{noun}" if det.endswith("’") else f"{det} {noun}"
                heading = _sentence_case(f"{head} {with_de(subject)}")
                if len(heading) <= max_chars and heading not in out:
                    out.append(heading)
    supported = _supported(out, text)
    return [h for h in out if h in supported]


def coreferent_sentences(paragraphs: Sequence[str], keyphrase: str, article: str) -> list[str]:
    """Sentences of the section whose subject is a bare "la société" (or "l’entreprise", "la
    start-up"… — ``heading_coreferent_nouns.txt``) standing for the company the keyphrase
    names, with the name in its place: "La société a levé 3 millions d’euros" → "Sylvéa a levé
    3 millions d’euros", so that the heading cut from it holds the keyphrase and says what the
    section says.

    Only when that is unambiguous: the keyphrase is a name, the article calls it by that noun
    ("la start-up Sylvéa", "Sylvéa, une société…") and calls no other name so; the subject has
    nothing but its article ("la société civile", "la société mère" are something else).
    Then, sentences opening on "Il"/"Elle" right after one whose subject is the keyphrase
    (:func:`_pronoun_sentences`)."""
    if not _is_name(keyphrase) or keyphrase not in article:
        return []
    return _noun_sentences(paragraphs, keyphrase, article) + _pronoun_sentences(
        paragraphs, keyphrase
    )


def _noun_sentences(paragraphs: Sequence[str], keyphrase: str, article: str) -> list[str]:
    nouns = _coreferent_nouns(keyphrase, article)
    if not nouns:
        return []
    out: list[str] = []
    for p in paragraphs:
        for sent in sentences(p):
            if keyphrase in sent.text:
                continue  # the name is there: the sentence was tried as it is
            low = sent.text.lower()
            if not any(n in low for n in nouns):
                continue
            alternation = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
            doc = parse(sent.text)
            for m in re.finditer(rf"(?i)\b(?:la|le|l[’'])\s*(?:{alternation})\b", sent.text):
                inside = [t for t in doc if m.start() <= t.idx < m.end()]
                after = [t for t in doc if t.idx >= m.end()]
                # The subject, and all of it: no adjective or complement after it that makes
                # it another thing ("l’entreprise familiale", "la société de transport"); the
                # small parser's tags of the next word are not trusted further ("vise": NOUN).
                if not any(t.dep_ in ("nsubj", "nsubj:pass") for t in inside):
                    continue
                if not after or (
                    after[0].pos_ in ("ADJ", "ADP", "DET", "PROPN", "NUM")
                    or after[0].dep_ in ("amod", "nmod", "appos", "flat:name", "nummod")
                ):
                    continue
                out.append(sent.text[: m.start()] + keyphrase + sent.text[m.end() :])
                break
    return out


_OPENING_PRONOUN = re.compile(r"(Il|Elle)\s")
_PRONOUN_GENDER = {"Il": "Masc", "Elle": "Fem"}


def _pronoun_sentences(paragraphs: Sequence[str], keyphrase: str) -> list[str]:
    """Sentences opening on "Il" or "Elle" with the keyphrase in place of the pronoun, when the
    sentence just before, in the same paragraph, has the keyphrase in its subject ("Sylvéa a
    levé 18 millions d’euros. Elle compte recruter…" → "Sylvéa compte recruter…").

    Unambiguous only: a sentence-initial subject pronoun continues the previous sentence's
    subject, unless something else there could be it. So the sentence before names no other
    person or thing by a name, and holds no other noun of the pronoun's gender in the singular
    outside its subject ("Sylvéa a signé avec la région. Elle…": the region, perhaps) — the
    parser's gender is read, never guessed. A pronoun further on, or after a sentence with
    another subject, is left as it is."""
    out: list[str] = []
    for p in paragraphs:
        sents = [x.text for x in sentences(p)]
        for before, sent in itertools.pairwise(sents):
            m = _OPENING_PRONOUN.match(sent)
            if not m or keyphrase not in before or keyphrase in sent:
                continue
            gender = _PRONOUN_GENDER[m.group(1)]
            doc = parse(before)
            roots = [t for t in doc if t.dep_ == "ROOT"]
            subjects = [c for r in roots for c in r.children if c.dep_ in ("nsubj", "nsubj:pass")]
            if len(roots) != 1 or len(subjects) != 1:
                continue
            subject = {t.i for t in subjects[0].subtree}
            start = before.index(keyphrase)
            named = {t.i for t in doc if start <= t.idx < start + len(keyphrase)}
            if not named or not named <= subject:
                continue
            rivals = [
                t
                for t in doc
                if t.i not in subject
                and (
                    t.pos_ == "PROPN"
                    or (
                        t.pos_ == "NOUN"
                        and gender in t.morph.get("Gender")
                        and "Plur" not in t.morph.get("Number")
                    )
                )
            ]
            if rivals:
                continue
            out.append(keyphrase + sent[m.end(1) :])
    return out


@lru_cache(maxsize=8)
def _coreferent_nouns(keyphrase: str, article: str) -> frozenset[str]:
    """The nouns of ``heading_coreferent_nouns.txt`` the article puts right before the name
    ("la start-up Sylvéa") or in apposition after it ("Sylvéa, une jeune société"), less those
    it also gives another name ("la société Bpifrance")."""
    from plume.lang.fr import read_list

    allowed = frozenset(read_list("heading_coreferent_nouns.txt"))
    alternation = "|".join(sorted((re.escape(n) for n in allowed), key=len, reverse=True))
    name = r"[A-ZÀ-Ý][\w-]*(?:\s+[A-ZÀ-Ý][\w-]*)*"
    before = re.compile(
        rf"(?i:\b(?:la|le|les|l[’']|une?|cette|ce)\s*(?:jeune\s+)?({alternation}))"
        # One adjective may come between ("la start-up lyonnaise Sylvéa"), not "de".
        rf"(?:\s+(?!(?:de|du|des|d[’'])\b)[a-zà-ÿ-]+)?\s+({name})"
    )
    after = re.compile(
        rf"({name}),\s+(?i:(?:une?|la|le|l[’'])\s*(?:[\w-]+\s+){{0,2}}?({alternation}))\b"
    )
    named: dict[str, set[str]] = {}
    for m in before.finditer(article):
        named.setdefault(m.group(1).lower(), set()).add(m.group(2))
    for m in after.finditer(article):
        named.setdefault(m.group(2).lower(), set()).add(m.group(1))
    return frozenset(n for n, names in named.items() if names == {keyphrase})


def _single_phrase(
    paragraphs: Sequence[str], used: Collection[str], prefer: Sequence[str], max_chars: int
) -> str:
    """Last resort: one of the section's key noun phrases with the author's determiner ("Le
    conseil d’administration"), unique; the first words of the section when none is left.
    ``prefer``: the keyphrase and its synonyms, when wanted: a phrase holding one comes first."""
    text = "\n".join(paragraphs)
    doc = Document(
        blocks=tuple(Block(BlockKind.PARAGRAPH, p) for p in paragraphs),
        source=Source("<section>", "txt"),
    )
    research = Research(doc)
    # A name alone ("Jacques Chirac", "Claire Dumoulin") says nothing of what its section says:
    # a label, however often the section names them.
    phrases = [s.phrase for s in suggest_keyphrases(research, n=8) if not names_only(s.phrase)]
    if prefer and research.matcher(prefer[0]).in_text(text) and not names_only(prefer[0]):
        phrases = [prefer[0], *(p for p in phrases if p.casefold() != prefer[0].casefold())]
    if prefer:
        # A suggested phrase holding the keyphrase or a synonym ("Hwank Sok-yong", the source's
        # spelling) before the others.
        phrases.sort(key=lambda p: not holds_keyphrase(p, prefer[0], prefer[1:]))
    for phrase in phrases:
        with_det = _with_determiner(phrase, text)
        # A phrase of the section's own words, of two content words one of which the section
        # is about; else none ("Le passé en sachant" was one): the section joins another.
        if with_det and len(with_det) <= max_chars and informative_phrase(with_det, text):
            heading = _sentence_case(with_det)
            if not any(same_heading(heading, u) for u in used) and f" {with_det.lower()}" in (
                f" {text.lower()}"
            ):
                return heading
    return ""
