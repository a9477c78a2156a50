"""Named entities of a text: spaCy's French NER plus the runs of capitalised words it misses,
trimmed of what is not a name (sentence-initial common words, elisions, titles)."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from plume.lang.fr import fold, load_french, read_list
from plume.lang.fr.numbers import MONTHS, WEEKDAYS
from plume.verification import FactKind
from plume.verify.facts.folding import RawFact, fold_words, strip_marks
from plume.verify.nlp import light_french

if TYPE_CHECKING:
    from plume.lang.fr.lexicon import Lexicon

__all__ = ["find_entities", "is_title", "preload_entities"]


_ELISION = re.compile(
    r"^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu|presqu|quelqu)['’]", re.IGNORECASE
)
#: Capitalised words (a letter upper case, then anything word-like) in a run. Particles ("de",
#: "van") are not allowed inside a run: on the seeds they mostly glued a title to a name ("PDG de
#: Sam Altman"), and "Banque de France" split in two is still checked word by word.
_CAP = r"[A-ZÀ-ÖØ-Þ][\w\-.&]*[\w&]|[A-ZÀ-ÖØ-Þ]"
#: Words of a run are separated by spaces on one line: a line break ends a name (headings).
_CAP_RUN = re.compile(rf"(?<![\w’'])(?:{_CAP})(?:[ \u00a0\u202f]+(?:{_CAP}))+(?![\w])")
#: Where a candidate must be cut: a line break, or a sentence glued to the next by scraping
#: ("Sam Altman.Le départ"), but not a dotted name ("Character.AI", "Twitch.tv").
_ENTITY_CUT = re.compile(r"\n|\.(?=[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ])")
#: An elided word left at the end of a candidate ("Altman n’", "Gates m’interpelle").
_TRAILING_ELISION = re.compile(r"(?:\s+(?:[cdjlmnst]|qu))+['’]?\s*$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?:^|[.!?…:;\n]|^\s*[-–•*])\s*[«“\"(\[]?\s*$")
_ENTITY_LABELS = frozenset({"PER", "ORG", "LOC", "MISC"})


def _nlp() -> Any:
    """The NER pipeline: tok2vec and NER only (the parser is the support check's)."""
    return light_french("morphologizer", "parser", "attribute_ruler", "lemmatizer")


def preload_entities() -> None:
    """Start loading spaCy in a background thread, so that its load overlaps other work (the
    model's generation in ``plume optimise``, during which llama.cpp releases the GIL)."""
    threading.Thread(target=_nlp, name="plume-spacy-load", daemon=True).start()


@cache
def _lexicon() -> Lexicon:
    from plume.lang.fr.lexicon import load_lexicon

    return load_lexicon()


@cache
def _not_entities() -> frozenset[str]:
    """Capitalised words that are never names on their own (``facts_not_entities.txt``)."""
    return frozenset(fold_words(w).text for w in read_list("facts_not_entities.txt"))


def _sentence_initial(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return _SENTENCE_END.search(text[max(line_start, start - 40) : start]) is not None or (
        text[line_start:start].strip() == ""
    )


def _common_word(word: str) -> bool:
    """A word an ordinary sentence could start with: known to the lexicon, not a proper noun."""
    f = fold(word)
    if f in load_french().function_words or fold_words(word).text in _not_entities():
        return True
    lex = _lexicon()
    return lex.known(f) and "PROPN" not in lex.pos(f)


def _drop_first_word(start: int, piece: str) -> tuple[int, str]:
    """``piece`` (starting at ``start``) without its first word: new start, new piece."""
    first = piece.split()[0]
    cut = piece.index(first) + len(first)
    rest = piece[cut:]
    return start + cut + (len(rest) - len(rest.lstrip())), rest.strip()


def _clean_entity(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim an entity candidate; ``None`` when what is left is not a name."""
    piece = text[start:end]
    if brk := _ENTITY_CUT.search(piece):
        end = start + brk.start()
        piece = piece[: brk.start()]
    if end < len(text) and text[end : end + 1] in "’'" and len(piece) == 1:
        return None  # "C’est" split by the tokenizer
    if m := _TRAILING_ELISION.search(piece):
        piece = piece[: m.start()]
        end = start + len(piece)
    if m := _ELISION.match(piece):
        start += m.end()
        piece = piece[m.end() :]
    stripped = piece.rstrip(" .,;:!?’'-–")
    end = start + len(stripped)
    piece = stripped
    lead = len(piece) - len(piece.lstrip(' -–«“"('))
    start += lead
    piece = piece[lead:]
    tokens = piece.split()
    if not tokens or not any(c.isupper() for c in piece):
        return None
    # A sentence-initial ordinary word is not a name ("Vendredi", "Sinon", "Les"): drop it.
    while tokens and _sentence_initial(text, start) and _common_word(tokens[0]):
        start, piece = _drop_first_word(start, piece)
        tokens = piece.split()
        if tokens:
            break
    # Leading function words are not part of a name ("Les actions", "La Silicon Valley").
    while len(tokens) > 1 and fold(tokens[0]) in load_french().function_words:
        start, piece = _drop_first_word(start, piece)
        tokens = piece.split()
    if not tokens or not tokens[0][:1].isupper():
        return None
    if len(tokens) == 1 and fold(tokens[0]) in load_french().function_words:
        return None  # "Les actions" capitalised by mistake, tagged by the model
    if all(fold_words(t).text in _not_entities() or is_title(fold_words(t).text) for t in tokens):
        return None
    if len(tokens) == 1 and (
        strip_marks(fold(tokens[0])) in WEEKDAYS or strip_marks(fold(tokens[0])) in MONTHS
    ):
        return None  # a date, checked as such
    if not any(c.isalpha() for c in piece):
        return None
    return start, end


#: Blank lines: the boundaries between an article's fields and paragraphs.
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


#: Paragraph → the NER's entity spans in it: rewrite mode checks the whole article again after
#: each repair, where only the repaired part changed (docs/calibration.md). Bounded: 4,096
#: paragraphs are the articles of a batch's 64 concurrent slots; past that it starts again.
_NER_CACHE: dict[str, tuple[tuple[int, int], ...]] = {}
_NER_CACHE_MAX = 4096


def _ner(text: str) -> Iterator[tuple[int, int]]:
    """The NER's entity spans in ``text``, paragraph by paragraph (spaCy's NER reads a window
    of a few words: a blank line is a hard boundary for it anyway). The paragraphs not seen
    before go through ``nlp.pipe`` together: one call per paragraph cost ≈ 30 ms each."""
    pieces: list[tuple[int, str]] = []
    start = 0
    for m in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = m.start() if m is not None else len(text)
        if text[start:end].strip():
            pieces.append((start, text[start:end]))
        if m is not None:
            start = m.end()
    todo = list(dict.fromkeys(p for _, p in pieces if p not in _NER_CACHE))
    if todo:
        if len(_NER_CACHE) + len(todo) > _NER_CACHE_MAX:
            _NER_CACHE.clear()
        for paragraph, doc in zip(todo, _nlp().pipe(todo), strict=True):
            _NER_CACHE[paragraph] = tuple(
                (e.start_char, e.end_char) for e in doc.ents if e.label_ in _ENTITY_LABELS
            )
    for offset, paragraph in pieces:
        spans = _NER_CACHE.get(paragraph)
        if spans is None:  # evicted meanwhile by another thread
            doc = _nlp()(paragraph)
            spans = tuple(
                (e.start_char, e.end_char) for e in doc.ents if e.label_ in _ENTITY_LABELS
            )
        for s_, e_ in spans:
            yield offset + s_, offset + e_


def find_entities(text: str) -> Iterator[RawFact]:
    candidates: list[tuple[int, int]] = list(_ner(text))
    for m in _CAP_RUN.finditer(text):
        candidates.append((m.start(), m.end()))
    # Single capitalised words inside a sentence the model missed ("Brockman" after a comma).
    for m in re.finditer(rf"(?<![\w’'])(?:{_CAP})(?![\w])", text):
        if not _sentence_initial(text, m.start()):
            candidates.append((m.start(), m.end()))
    kept: list[tuple[int, int]] = []
    for s, e in candidates:
        cleaned = _clean_entity(text, s, e)
        if cleaned is not None:
            kept.append(cleaned)
    # Longest first; drop candidates overlapping a longer one.
    kept.sort(key=lambda se: (se[0] - se[1], se[0]))
    chosen: list[tuple[int, int]] = []
    for s, e in kept:
        if all(e <= cs or s >= ce for cs, ce in chosen):
            chosen.append((s, e))
    for s, e in sorted(chosen):
        value = fold_words(text[s:e]).text.strip()
        if value:
            # Its capitalised part, tried when the whole is not found: the model sometimes
            # tags a name with the common words after it ("IA générative").
            words = text[s:e].split()
            while len(words) > 1 and not (words[-1][:1].isupper() or words[-1][:1].isdigit()):
                words.pop()
            yield RawFact(FactKind.ENTITY, s, e, value, (fold_words(" ".join(words)).text.strip(),))


@cache
def _titles() -> frozenset[str]:
    return frozenset(fold_words(w).text for w in read_list("facts_titles.txt"))


def is_title(folded_word: str) -> bool:
    return folded_word in _titles()
