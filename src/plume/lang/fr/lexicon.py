"""French morphological lexicon: lemma, coarse part of speech, past participles.

Data: ``data/lexicon.tsv.gz``, derived from Lefff 3.4 (LGPL-LR, see ``data/LEFFF-LICENSE.txt``)
by ``scripts/build_lexicon.py``. Unknown words get a guessed entry (:attr:`Entry.guessed`).
Format, loading, guessing and matching convention: docs/architecture.md, « Le lexique ».
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from plume.lang.fr import fold

__all__ = [
    "Analysis",
    "Entry",
    "Lexicon",
    "load_lexicon",
    "normalise",
]

DATA_FILE = "lexicon.tsv.gz"

# Tag letters of the data file → coarse parts of speech (Universal Dependencies names).
_POS: dict[str, str] = {
    "N": "NOUN",
    "A": "ADJ",
    "P": "PROPN",
    "V": "VERB",
    "W": "VERB",
    "G": "VERB",
    "K": "VERB",
    "X": "AUX",
    "R": "ADV",
    "D": "DET",
    "S": "ADP",
    "O": "PRON",
    "C": "CCONJ",
    "U": "SCONJ",
}
# Order in which :meth:`Lexicon.lemma` picks the lemma of an ambiguous form. Closed-class and
# auxiliary readings first ("est" → "être", not the noun "est"; "a" → "avoir"), then the content
# readings most useful for keyphrases (nouns, adjectives), then verbs; proper nouns last unless
# the word is capitalised.
_LEMMA_PRIORITY = "XDSOCUNAKWVGRP"
_LEMMA_PRIORITY_CAPITALISED = "P" + _LEMMA_PRIORITY[:-1]
_NOMINAL = frozenset("NAKP")


# Memoised: the analysers normalise every token of an article, mostly the same few hundred forms.
@lru_cache(maxsize=1 << 16)
def normalise(word: str) -> str:
    """Matching form: :func:`plume.lang.fr.fold` (NFC, lower case, ’ → ') and ʼ → ' too."""
    return fold(word).replace("ʼ", "'")


@dataclass(frozen=True, slots=True)
class Analysis:
    """One reading of a form: ``tag`` is the data file's letter, ``pos`` its UD name."""

    tag: str
    lemma: str
    #: Past participles only: "m"/"f" and "s"/"p" when Lefff marks them ("fp", "ms", "m", "").
    features: str = ""

    @property
    def pos(self) -> str:
        return _POS[self.tag]

    @property
    def is_past_participle(self) -> bool:
        return self.tag == "K"

    @property
    def is_infinitive(self) -> bool:
        return self.tag == "W"

    @property
    def gender(self) -> str:
        """ "m", "f" or "" (unmarked) — past participles only."""
        return next((c for c in self.features if c in "mf"), "")

    @property
    def number(self) -> str:
        """ "s", "p" or "" (unmarked) — past participles only."""
        return next((c for c in self.features if c in "sp"), "")


@dataclass(frozen=True, slots=True)
class Entry:
    form: str
    analyses: tuple[Analysis, ...]
    #: True when the form is not in Lefff and the analyses were guessed from its ending.
    guessed: bool = False

    @property
    def pos(self) -> frozenset[str]:
        return frozenset(a.pos for a in self.analyses)

    @property
    def lemmas(self) -> frozenset[str]:
        return frozenset(a.lemma for a in self.analyses)

    def has(self, tags: str) -> bool:
        """Whether any analysis has one of the tag letters in ``tags``."""
        return any(a.tag in tags for a in self.analyses)


def _parse(form: str, payload: str) -> tuple[Analysis, ...]:
    out: list[Analysis] = []
    for item in payload.split("|"):
        tag = item[0]
        i = 1
        while i < len(item) and item[i] in "mfsp":
            i += 1
        features = item[1:i]
        j = i
        while j < len(item) and item[j].isdigit():
            j += 1
        strip = int(item[i:j])
        lemma = (form[:-strip] if strip else form) + item[j:]
        out.append(Analysis(tag, lemma, features))
    return tuple(out)


class Lexicon:
    """Look-ups in the derived Lefff data. Use :func:`load_lexicon` (cached) to get one."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        # Skip the "#" header: data lines start at the first line not starting with "#".
        pos = 0
        while data.startswith(b"#", pos):
            pos = data.index(b"\n", pos) + 1
        self._start = pos
        self._memo: dict[str, Entry] = {}

    @classmethod
    def from_package(cls) -> Lexicon:
        raw = resources.files("plume.lang.fr").joinpath("data", DATA_FILE).read_bytes()
        return cls(gzip.decompress(raw))

    # -- raw search -------------------------------------------------------------------------

    def _payload(self, form: str) -> str | None:
        """The analyses field of ``form``'s line, by binary search over the sorted lines."""
        data = self._data
        key = form.replace("'", "’").encode("utf-8") + b"\t"
        lo, hi = self._start, len(data)  # both are line starts (or the end)
        while lo < hi:
            mid = (lo + hi) // 2
            start = data.rfind(b"\n", lo, mid) + 1 or lo
            end = data.find(b"\n", start)
            if data.startswith(key, start):
                return data[start + len(key) : end].decode("utf-8").replace("’", "'")
            if data[start:end] < key:
                lo = end + 1
            else:
                hi = start
        return None

    def known(self, word: str) -> bool:
        """Whether the form is in Lefff (no guessing)."""
        return not self.entry(word).guessed

    def entry(self, word: str) -> Entry:
        """All analyses of ``word`` (case and apostrophe insensitive), guessed when unknown."""
        form = normalise(word)
        capitalised = word[:1].isupper()
        hit = self._memo.get(form)
        if hit is not None and not hit.guessed:
            return hit
        # A guess depends on the capital ("Delaplace" a name, "delaplace" a noun): the memo
        # keeps both, or the first caller's casing would decide for every later one.
        key = f"{form}\x00" if capitalised else form
        hit = self._memo.get(key)
        if hit is not None:
            return hit
        payload = self._payload(form)
        if payload is not None:
            entry = Entry(form, _parse(form, payload))
            self._memo[form] = entry
            return entry
        entry = self._guess(form, capitalised=capitalised)
        self._memo[key] = entry
        return entry

    def _known_nominal(self, form: str) -> tuple[Analysis, ...]:
        payload = self._payload(form) if len(form) > 1 else None
        if payload is None:
            return ()
        return tuple(a for a in _parse(form, payload) if a.tag in _NOMINAL)

    def _guess(self, form: str, *, capitalised: bool) -> Entry:
        # 1. Inflected form of a known noun/adjective/participle that Lefff lacks: strip the
        #    plural, then the feminine ("ubérisées" → "ubérisée" → "ubérisé").
        for cut in ("s", "x", "es", "e"):
            if form.endswith(cut) and len(form) > len(cut) + 2:
                found = self._known_nominal(form[: -len(cut)])
                if found:
                    return Entry(form, found, guessed=True)
        # 2. Really unknown: its own lemma, plural -s/-x dropped for lower-case words
        #    ("chatbots" → "chatbot"); names keep theirs ("Lucas", "Andreessen").
        lemma = form
        if not capitalised and len(form) > 3 and form[-1] in "sx" and not form.endswith("ss"):
            lemma = form[:-1]
        return Entry(form, (Analysis("P" if capitalised else "N", lemma),), guessed=True)

    # -- the public queries -----------------------------------------------------------------

    def lemma(self, word: str) -> str:
        """The most plausible lemma (see ``_LEMMA_PRIORITY``); the form itself if unknown."""
        entry = self.entry(word)
        order = _LEMMA_PRIORITY_CAPITALISED if word[:1].isupper() else _LEMMA_PRIORITY
        return min(entry.analyses, key=lambda a: order.index(a.tag)).lemma

    def lemmas(self, word: str) -> frozenset[str]:
        """Every lemma the form can have ("est" → {"être", "est"})."""
        return self.entry(word).lemmas

    def pos(self, word: str) -> frozenset[str]:
        """Every coarse part of speech (UD names: NOUN, ADJ, PROPN, VERB, AUX, ADV, DET, ADP,
        PRON, CCONJ, SCONJ) the form can have."""
        return self.entry(word).pos

    def is_past_participle(self, word: str) -> bool:
        return self.entry(word).has("K")

    def participle_infinitive(self, word: str) -> str | None:
        """The infinitive of a past participle ("abandonnées" → "abandonner"), else None."""
        return next((a.lemma for a in self.entry(word).analyses if a.tag == "K"), None)

    def participles(self, word: str) -> tuple[Analysis, ...]:
        """The past-participle readings of the form (with their agreement features)."""
        return tuple(a for a in self.entry(word).analyses if a.tag == "K")


@cache
def load_lexicon() -> Lexicon:
    """The packaged lexicon, loaded on first use (30–90 ms) and shared afterwards."""
    return Lexicon.from_package()
