"""French language data, bound into one typed, frozen object.

Checks and researches receive a :class:`FrenchData` (never a ``"fr"`` string plus globals): the
language is a folder of plain data files (``data/*.txt``, UTF-8, one entry per line, ``#`` starts
a comment) and this module only reads them. :func:`load_french` is cached, so the files are read
once per process, lazily, on first use.

Conventions of the data files (enforced by ``tests/unit/lang/fr/test_init.py``): NFC,
apostrophes as ’ (U+2019), no duplicates, no surrounding spaces. In the sets exposed here, entries
are folded with :func:`fold` (lower case, ’ → ') so they compare directly with
:attr:`plume.text.Word.norm`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

__all__ = ["FrenchData", "fold", "load_french", "read_list", "time_nouns", "with_de"]


def fold(s: str) -> str:
    """Matching form of a token or expression: NFC, lower case, typographic apostrophe → ASCII.

    The same folding as :attr:`plume.text.Word.norm`, so list entries and tokens compare
    with ``==``.
    """
    return unicodedata.normalize("NFC", s).lower().replace("’", "'")


@cache
def rewrite_prompts() -> dict[str, str]:
    """Rewrite mode's prompts (``data/rewrite_prompts.toml``): read by the writer, and by the
    leftover guard to recognise them recited in an answer."""
    import tomllib

    raw = files(__package__).joinpath("data", "rewrite_prompts.toml").read_text("utf-8")
    return {k: str(v) for k, v in tomllib.loads(raw).items()}


@cache
def time_nouns() -> frozenset[str]:
    """Nouns that say when, folded (:func:`fold`): "année", "matin", "jeudi", "printemps"
    (``data/demonstrative_time_nouns.txt``) and the months, as written."""
    from plume.lang.fr.numbers import MONTH_NAMES

    return frozenset(fold(w) for w in (*read_list("demonstrative_time_nouns.txt"), *MONTH_NAMES))


@cache
def agency_dateline() -> re.Pattern[str]:
    """A news agency's dateline opening a wire: town, date, agency, dash ("Rennes, 12 févr 2025
    (AFP) - "), its date in the group ``date``; the agencies in ``data/news_agencies.txt``."""
    agencies = "|".join(re.escape(a) for a in read_list("news_agencies.txt"))
    return re.compile(
        rf"^[A-ZÀ-Ý][^,()\n]{{1,40}},\s+(?P<date>[^()\n]{{6,30}}?)\s+\((?:{agencies})\)\s*[-–—]\s*"
    )


def with_de(phrase: str) -> str:
    """ "de" before ``phrase`` as French contracts and elides it: "les trottinettes" → "des
    trottinettes", "le conseil" → "du conseil", "l’IA" → "de l’IA", "OpenAI" → "d’OpenAI"."""
    low = phrase.lower()
    if low.startswith("les "):
        return "des " + phrase[4:]
    if low.startswith("le "):
        return "du " + phrase[3:]
    if low and low[0] in "aeiouyàâäéèêëîïôöûüœ":
        return "d’" + phrase
    return "de " + phrase


def read_list(name: str) -> tuple[str, ...]:
    """Entries of ``data/<name>``, in file order: ``#`` starts a comment, blank lines skipped.

    Entries are returned as written (NFC, with ’), stripped of surrounding spaces.
    """
    raw = files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    out: list[str] = []
    for line in raw.splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            out.append(unicodedata.normalize("NFC", entry))
    return tuple(out)


def _two_part(entries: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Parse ``first … second`` lines (the separator is `` … ``, U+2026 between spaces)."""
    pairs: list[tuple[str, str]] = []
    for e in entries:
        first, sep, second = e.partition(" … ")
        if not sep or not first.strip() or not second.strip():
            raise ValueError(f"transition_two_part.txt: expected 'first … second', got {e!r}")
        pairs.append((first.strip(), second.strip()))
    return tuple(pairs)


@dataclass(frozen=True, slots=True)
class FrenchData:
    """Everything language-specific the analyser needs for French.

    Every field has a default (empty or neutral) so a test can build a minimal object; the real
    data comes from :func:`load_french`.
    """

    #: Function words (mots-outils), folded with :func:`fold`; tokens as ``text.words`` makes
    #: them (elided forms such as ``l'`` are separate tokens).
    function_words: frozenset[str] = frozenset()
    #: Abbreviations ending with a dot, as written (``"M."``, ``"p. ex."``, ``"av. J.-C."``).
    abbreviations: tuple[str, ...] = ()
    #: Subset of ``abbreviations`` always followed by a name or a number: a capitalised word
    #: after them does not start a new sentence (``"M. Dupont"``).
    abbreviations_before_names: tuple[str, ...] = ()
    #: Transition words and expressions, as written (with ’), single and multi-word.
    transition_words: tuple[str, ...] = ()
    #: Two-part transition expressions, e.g. ``("d’une part", "d’autre part")``.
    transition_two_part: tuple[tuple[str, str], ...] = ()
    #: Elided forms split off as separate tokens, without the apostrophe (``"l"``, ``"qu"``…).
    elision_prefixes: tuple[str, ...] = ()
    #: Words whose apostrophe follows an elision prefix but which are one word (``presqu’île``).
    elision_exceptions: tuple[str, ...] = ()
    #: Words ending in -ent whose ending is pronounced (nouns, adjectives, adverbs: ``moment``,
    #: ``client``), folded; any other word in consonant + -ent is read as a verb whose -ent is
    #: silent (``parlent``). See ``text.syllables``.
    ent_non_verbs: frozenset[str] = field(default_factory=frozenset)
    #: Words a French phrase cannot end on (articles, prepositions, conjunctions, possessive
    #: and demonstrative determiners), folded: a heading, title or cut description ending on
    #: one was cut off (``heading_dangling_words.txt``).
    dangling_words: frozenset[str] = field(default_factory=frozenset)


@cache
def load_french() -> FrenchData:
    """The French data, read from the package's ``data/`` folder once per process."""
    return FrenchData(
        function_words=frozenset(fold(w) for w in read_list("function_words.txt")),
        dangling_words=frozenset(fold(w) for w in read_list("heading_dangling_words.txt")),
        abbreviations=read_list("abbreviations.txt"),
        abbreviations_before_names=read_list("abbreviations_before_names.txt"),
        transition_words=read_list("transition_words.txt"),
        transition_two_part=_two_part(read_list("transition_two_part.txt")),
        elision_prefixes=read_list("elision_prefixes.txt"),
        elision_exceptions=read_list("elision_exceptions.txt"),
        ent_non_verbs=frozenset(fold(w) for w in read_list("ent_non_verbs.txt")),
    )
