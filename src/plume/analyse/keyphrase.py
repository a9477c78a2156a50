"""Keyphrase matching with French word forms: the one matcher every stage uses.

:class:`KeyphraseMatcher` finds a keyphrase and its synonyms in any inflected form, the way
yoastseo counts occurrences (its docstring gives the rules); :func:`transliterate` folds words as
slugs write them. Keyphrase *suggestion* is :mod:`plume.analyse.suggest`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property

from plume import text as T
from plume.lang.fr import load_french
from plume.lang.fr.lexicon import Lexicon, load_lexicon, normalise
from plume.report import Span

__all__ = ["KeyphraseMatcher", "exact_position", "leads_with", "transliterate"]

# Lemmas never used to match: every form of être/avoir would otherwise match "été" (summer) or
# "eu" through their participle readings.
_AUXILIARY_LEMMAS = frozenset({"être", "avoir"})
_EXACT_QUOTES = {'"': '"', "“": "”", "«": "»"}
_SLUG_SPLIT = re.compile(r"[^a-z0-9]+")
_NO_APOSTROPHES = str.maketrans({"’": "", "'": ""})


def transliterate(text: str) -> str:
    """Lower case without accents, ligatures or apostrophes, as slugs write words: "Électrique
    œuvre d’été" → "electrique oeuvre dete" (:func:`plume.text.strip_accents`, cached)."""
    return T.strip_accents(text.lower().translate(_NO_APOSTROPHES))


@cache
def _function_words() -> frozenset[str]:
    return load_french().function_words


def _key_lemmas(lex: Lexicon, written: str) -> frozenset[str]:
    """The lemmas through which a keyphrase word matches (see the module docstring)."""
    entry = lex.entry(written)
    if written[:1].isupper() and entry.has("P"):
        readings = [a for a in entry.analyses if a.tag == "P"]
    else:
        readings = [a for a in entry.analyses if a.tag in "NAP"]
        if not entry.has("N"):
            readings += [a for a in entry.analyses if a.tag == "K"]
        if not readings:
            readings = list(entry.analyses)
    return frozenset(a.lemma for a in readings) - _AUXILIARY_LEMMAS


@dataclass(frozen=True, slots=True)
class _Target:
    """One content word of a keyphrase."""

    written: str
    form: str
    lemmas: frozenset[str]


@dataclass(slots=True)
class _Phrase:
    """A keyphrase or a synonym, ready to be matched."""

    text: str
    exact: bool
    tokens: list[str]  # every token, normalised
    targets: list[_Target]  # the words to find: content words, or all words if none
    content: list[str]  # the content words as written (empty for "de la")
    function_tokens: frozenset[str]  # the phrase's own function words (they may join matches)
    memo: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def hits(self, lex: Lexicon, form: str) -> tuple[int, ...]:
        """Indices of the targets a text token (normalised form) matches."""
        found = self.memo.get(form)
        if found is None:
            lemmas = lex.lemmas(form) if not self.exact else frozenset()
            found = tuple(
                i
                for i, t in enumerate(self.targets)
                if form == t.form or (not self.exact and not lemmas.isdisjoint(t.lemmas))
            )
            self.memo[form] = found
        return found


def _parse_phrase(phrase: str, lex: Lexicon) -> _Phrase:
    stripped = phrase.strip()
    exact = len(stripped) > 2 and _EXACT_QUOTES.get(stripped[0]) == stripped[-1]
    if exact:
        stripped = stripped[1:-1]
    words = [w.text for w in T.words(stripped)]
    norms = [normalise(w) for w in words]
    fw = _function_words()
    content = [(w, n) for w, n in zip(words, norms, strict=True) if n not in fw]
    # yoastseo looks for every word when there is no content word, or when quoted.
    looked_for = list(zip(words, norms, strict=True)) if exact or not content else content
    return _Phrase(
        text=stripped,
        exact=exact,
        tokens=norms,
        targets=[_Target(w, n, _key_lemmas(lex, w)) for w, n in looked_for],
        content=[w for w, _ in content],
        function_tokens=frozenset(n for n in norms if n in fw and not exact),
    )


class KeyphraseMatcher:
    """Finds a keyphrase (and its synonyms) in any text, in any inflected form.

    Cheap to build; :meth:`plume.analyse.researches.Research.matcher` caches one per phrase.

    **What counts as an occurrence** — yoastseo's definition (``researches/keywordCount.js``,
    ``countKeyphraseInText``), applied to word forms. The keyphrase is reduced to its *content
    words* (function words from ``lang/fr/data/function_words.txt`` removed; a keyphrase of function
    words only, "de la", is looked for word for word, as yoastseo's morphology research does). Text
    is split into sentences; in each sentence every content word is looked for, *in any order*, and
    the sentence holds ``min(matches of each content word)`` occurrences when all of them are found,
    none otherwise ("La voiture électrique… une voiture" holds one occurrence of "voiture
    électrique"). The density is ``occurrences / words × 100`` (``getKeyphraseDensity.js``): use
    :meth:`count_in` for the occurrences; :meth:`find` returns the *spans of the matched words*, one
    span per group of adjacent matched words, so ``len(find())`` is not the count when the words are
    apart. A keyphrase between double quotes (``"…"``, ``“…”``, ``«…»``) is matched exactly, word
    for word and in order, as yoastseo does.

    **When a word matches** — case-insensitively, a text word matches a keyphrase word when both are
    the same form, or when their lemmas meet in the Lefff lexicon (:mod:`plume.lang.fr.lexicon`):

    * "dirigeant" ↔ "dirigeants", "intelligence artificielle" ↔ "intelligences artificielles";
    * the keyphrase word's lemmas are its noun, adjective and proper-noun readings when it has any,
      otherwise its verb readings: "licencier" matches "licencié", "licenciés", "licencie";
      "licenciement" is another word; "dirigeant" does not match "dirige" (the present participle
      reading of "dirigeant" is ignored); "marché" does not match "marcher". A past-participle
      reading counts only when the word has no noun reading ("autorisé" matches "autoriser");
    * a capitalised keyphrase word with a proper-noun reading keeps only it ("Paris" is not "pari");
    * elided articles are separate tokens (the tokenizer's job): "OpenAI" is found in "l’OpenAI",
      "l'OpenAI", "d’OpenAI";
    * accents must match: "electrique" is not "électrique" in the text (a missing accent is a
      spelling mistake the editor should see), but slugs are compared transliterated
      (:meth:`slug_match`);
    * unknown words (brands, neologisms) match their plural in -s/-x ("chatbot" ↔ "chatbots").
    """

    def __init__(self, phrase: str, synonyms: tuple[str, ...] = ()) -> None:
        self.phrase = phrase
        self.synonyms = synonyms
        self._lex = load_lexicon()
        self._memo: dict[tuple[str, int, bool], tuple[int, list[Span]]] = {}

    @cached_property
    def _variants(self) -> list[_Phrase]:
        return [_parse_phrase(p, self._lex) for p in (self.phrase, *self.synonyms) if p.strip()]

    @cached_property
    def content_words(self) -> list[str]:
        """The keyphrase's content words (function words removed), as written:
        "conseil d’administration" → ["conseil", "administration"]; [] for "de la" (which is
        still matched, word for word, as yoastseo does)."""
        return self._variants[0].content if self._variants else []

    # -- matching ---------------------------------------------------------------------------

    def occurrences(
        self, text: str, offset: int = 0, *, synonyms: bool = False
    ) -> tuple[int, list[Span]]:
        """(Yoast occurrence count, spans of the matched words), offsets shifted by ``offset``.

        Memoised per (text, offset): the checks ask about the same paragraphs, title and
        description several times (density, intro, distribution…), and a matcher lives as long
        as one document's ``Research``. The sentences come from ``text.sentences``, itself cached,
        so a paragraph the research already split is not split again."""
        key = (text, offset, synonyms)
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = self._occurrences(text, offset, synonyms)
        return found[0], list(found[1])

    def _occurrences(self, text: str, offset: int, synonyms: bool) -> tuple[int, list[Span]]:
        variants = self._variants if synonyms else self._variants[:1]
        if not variants or not any(v.targets for v in variants):
            return 0, []
        count = 0
        spans: list[Span] = []
        for sentence in T.sentences(text, offset):
            words = sentence.words
            if not words:
                continue
            norms = [normalise(w.text) for w in words]
            used: set[int] = set()
            for variant in variants:
                if not variant.targets:
                    continue
                n, marked = (
                    self._exact(variant, norms, used)
                    if variant.exact
                    else self._any_order(variant, norms, used)
                )
                if n:
                    count += n
                    used.update(marked)
                    spans.extend(self._spans(sentence, norms, sorted(marked), variant))
        spans.sort(key=lambda s: s.start)
        return count, spans

    def _any_order(
        self, variant: _Phrase, norms: list[str], used: set[int]
    ) -> tuple[int, list[int]]:
        per_target: list[list[int]] = [[] for _ in variant.targets]
        for i, form in enumerate(norms):
            if i not in used:
                for t in variant.hits(self._lex, form):
                    per_target[t].append(i)
        n = min(len(idx) for idx in per_target)
        if not n:
            return 0, []
        # Each occurrence uses one match of every content word: the first n of each are marked
        # (and consumed, so that a synonym cannot count the same words again).
        return n, sorted({i for idx in per_target for i in idx[:n]})

    def _exact(self, variant: _Phrase, norms: list[str], used: set[int]) -> tuple[int, list[int]]:
        size = len(variant.tokens)
        n, i = 0, 0
        marked: list[int] = []
        while i + size <= len(norms):
            window = range(i, i + size)
            if norms[i : i + size] == variant.tokens and used.isdisjoint(window):
                n += 1
                marked.extend(window)
                i += size
            else:
                i += 1
        return n, marked

    def _spans(
        self, sentence: T.Sentence, norms: list[str], marked: list[int], variant: _Phrase
    ) -> list[Span]:
        """Spans of the marked words, adjacent ones merged: "conseil d’administration" is one
        span (only white space and the phrase's own function words may join two words)."""
        words, s0 = sentence.words, sentence.start

        def spaced(k: int) -> bool:  # only white space between word k and word k + 1
            return not sentence.text[words[k].end - s0 : words[k + 1].start - s0].strip()

        groups: list[list[int]] = [[marked[0]]]
        for i in marked[1:]:
            prev = groups[-1][-1]
            if all(norms[k] in variant.function_tokens for k in range(prev + 1, i)) and all(
                spaced(k) for k in range(prev, i)
            ):
                groups[-1].append(i)
            else:
                groups.append([i])
        return [Span(start=words[g[0]].start, end=words[g[-1]].end) for g in groups]

    def find(self, text: str, offset: int = 0, *, synonyms: bool = False) -> list[Span]:
        """Spans of the matched words of each occurrence (see the module docstring), offsets
        shifted by ``offset``; with ``synonyms``, occurrences of the synonyms too."""
        return self.occurrences(text, offset, synonyms=synonyms)[1]

    def count_in(self, text: str, *, synonyms: bool = False) -> int:
        """Number of occurrences, yoastseo's definition (the numerator of the density)."""
        return self.occurrences(text, synonyms=synonyms)[0]

    def in_text(self, text: str, *, synonyms: bool = False) -> bool:
        return self.count_in(text, synonyms=synonyms) > 0

    @cached_property
    def _word_matchers(self) -> list[KeyphraseMatcher]:
        return [KeyphraseMatcher(w) for w in self.content_words]

    def covers_most(self, text: str) -> bool:
        """More than half the keyphrase's content words in ``text``, in any form: Yoast's test
        for a subheading (``matchKeywordInSubheadings``); False without content words."""
        found = sum(m.in_text(text) for m in self._word_matchers)
        return bool(self._word_matchers) and found * 2 > len(self._word_matchers)

    def position_in(self, text: str) -> int | None:
        """Character index of the first matched word of the first occurrence in ``text`` (for
        "keyphrase at the start of the SEO title"), or None."""
        found = self.find(text)
        return found[0].start if found else None

    # -- slugs ------------------------------------------------------------------------------

    def _slug_forms(self, word: str) -> frozenset[str]:
        """Transliterated forms a slug word may stand for: itself, its lemmas, and for words
        unknown without their accents ("electriques") the plural/feminine-stripped forms."""
        entry = self._lex.entry(word)
        out = {word, *(transliterate(lemma) for lemma in entry.lemmas)}
        if entry.guessed:
            for cut in ("s", "x", "es", "e"):
                if word.endswith(cut) and len(word) > len(cut) + 2:
                    out.add(word[: -len(cut)])
        return frozenset(out)

    def slug_coverage(self, slug: str) -> float:
        """Share (0–1) of the keyphrase's content words found in ``slug`` (yoastseo's
        ``keywordCountInSlug`` percentWordMatches): words are split on anything but a–z and
        0–9, and compared transliterated, in any form ("dirigeants-openai" covers "dirigeant
        OpenAI")."""
        if not self._variants or not self._variants[0].targets:
            return 0.0
        slug_words = [w for w in _SLUG_SPLIT.split(transliterate(slug)) if w]
        forms: set[str] = set()
        for w in slug_words:
            forms |= self._slug_forms(w)
        targets = self._variants[0].targets
        found = 0
        for t in targets:
            wanted = {transliterate(t.form), *(transliterate(lemma) for lemma in t.lemmas)}
            # A hyphenated keyphrase word ("Dall-E") is split in the slug like everything else.
            parts = [p for p in _SLUG_SPLIT.split(transliterate(t.form)) if p]
            if not wanted.isdisjoint(forms) or (len(parts) > 1 and set(parts) <= forms):
                found += 1
        return found / len(targets)

    def slug_match(self, slug: str) -> bool:
        """Every content word of the keyphrase is in the slug ("voiture-electrique" matches
        "voiture électrique")."""
        return self.slug_coverage(slug) == 1.0


_EXACT_FOLD = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "\u00a0": " ", "\u202f": " "})


def exact_position(title: str, phrase: str) -> tuple[int, int] | None:
    """Start and end of ``phrase`` written as is in ``title`` (case, apostrophe and no-break
    space variants aside), on word boundaries — Yoast's "exact match"
    (``findKeyphraseInSEOTitle``)."""
    t = title.translate(_EXACT_FOLD)
    words = phrase.translate(_EXACT_FOLD).strip().strip('"«»“” ').split()
    if not words:
        return None
    pattern = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)"
    m = re.search(pattern, t, re.IGNORECASE)
    return (m.start(), m.end()) if m else None


def leads_with(title: str, phrase: str) -> bool:
    """``title`` opens on the exact ``phrase``, function words aside ("Les trottinettes…"):
    Yoast's best KeyphraseInSEOTitle score."""
    pos = exact_position(title, phrase)
    if pos is None:
        return False
    before = title[: pos[0]]
    return not before.strip() or not KeyphraseMatcher(before).content_words
