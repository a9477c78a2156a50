"""Words of the support check: folding, lemmas, derivational stems, synonym and antonym
groups, numbers, and the word classes of ``support_words.txt``."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from plume.lang.fr import fold, read_list
from plume.lang.fr.numbers import MONTHS, SPELLED, SPELLED_ORD, WEEKDAYS

if TYPE_CHECKING:
    from plume.lang.fr.lexicon import Lexicon


@cache
def lexicon() -> Lexicon:
    from plume.lang.fr.lexicon import load_lexicon

    return load_lexicon()


# -- word lists -----------------------------------------------------------------------------


def plain(s: str) -> str:
    """Folded and without accents: the key words are compared on."""
    d = unicodedata.normalize("NFD", fold(s))
    return "".join(c for c in d if not unicodedata.combining(c))


@cache
def _synonyms() -> dict[str, frozenset[str]]:
    """Lemma → the ids of its synonym groups (``support_synonyms.txt``)."""
    out: dict[str, set[str]] = {}
    for n, line in enumerate(read_list("support_synonyms.txt")):
        for w in line.split():
            out.setdefault(plain(w), set()).add(f"={n}")
    return {k: frozenset(v) for k, v in out.items()}


@cache
def negative_prefix(lemma: str) -> str | None:
    """The adjective a negative prefix reverses ("inefficace" → "efficace", "illégal" →
    "légal"), when the lexicon knows it."""
    for prefix in ("in", "im", "il", "ir", "de", "des"):
        rest = lemma[len(prefix) :]
        if lemma.startswith(prefix) and len(rest) >= 4 and lexicon().entry(rest).has("A"):
            return rest
    return None


@cache
def antonyms() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    pairs = [tuple(plain(w) for w in line.split()) for line in read_list("support_antonyms.txt")]
    # Every word of change upwards is the opposite of every word of change downwards.
    pairs += [(a, b) for a in word_class("increase") for b in word_class("decrease")]
    # Their families too: "création" is the opposite of "suppression" as "créer" of "supprimer".
    pairs += [("~" + _stem(a), "~" + _stem(b)) for a, b in list(pairs)]
    for a, b in pairs:
        if a == b:
            continue
        out.setdefault(a, set()).add(b)
        out.setdefault(b, set()).add(a)
    return {k: frozenset(v) for k, v in out.items()}


_SUFFIXES = sorted(
    [
        "issement",
        # "cosignataire" / "cosigner", "destinataire" / "destiner"
        "ataire",
        "ation",
        "ition",
        "ement",
        "ment",
        "ateur",
        "atrice",
        "teur",
        "trice",
        "eur",
        "euse",
        "eux",
        "ence",
        "ance",
        "ite",
        "ion",
        "isme",
        "iste",
        "oire",
        "aissance",
        "aitre",
        "age",
        "ure",
        # adjectives of a noun: "économique", "culturel", "national", "financier",
        # "religieux", "sanitaire", "créatif", "italien"
        "ique",
        "ieux",
        "ier",
        "el",
        "al",
        "aire",
        "if",
        "ien",
        "ant",
        "ent",
        "er",
        "ir",
        "re",
        "e",
        "s",
    ],
    key=len,
    reverse=True,
)
_MIN_STEM = 5
#: Nominalisations whose stem differs from the verb's: "suppression" → "supprimer",
#: "réduction" → "réduire", "soutien" → "soutenir".
_REWRITES = (("ession", "imer"), ("uction", "uire"), ("tien", "tenir"))


#: Noun endings and the verb endings they come from ("interdiction" ← "interdire", "décision"
#: ← "décider", "admission" ← "admettre", "fermeture" ← "fermer", "création" ← "créer"); a
#: rewrite counts only when the lexicon knows the verb it makes.
_NOMINALISATIONS = (
    ("ication", "iquer"),
    ("ation", "er"),
    ("iction", "ire"),
    ("iption", "ire"),
    ("uction", "uire"),
    ("ission", "ettre"),
    ("ession", "imer"),
    ("ision", "ider"),
    ("ition", "ir"),
    ("erture", "rir"),
    ("ture", "r"),
    ("ure", "er"),
    ("ement", "er"),
    ("issement", "ir"),
    ("age", "er"),
    ("ée", "er"),
    ("ion", "er"),
    ("tien", "tenir"),
)


@lru_cache(maxsize=1 << 14)
def verb_of_noun(lemma: str) -> str | None:
    """The verb a noun is made from, when the lexicon knows it ("interdiction" → "interdire",
    "fermeture" → "fermer")."""
    for end, verb in _NOMINALISATIONS:
        if lemma.endswith(end) and len(lemma) > len(end) + 2:
            candidate = lemma[: -len(end)] + verb
            entry = lexicon().entry(candidate)
            if not entry.guessed and entry.has("W"):
                return candidate
    return None


@lru_cache(maxsize=1 << 14)
def _stem(lemma: str) -> str:
    """A derivational stem, so that "démission" meets "démissionner" and "présidence" meets
    "président": suffixes are cut while at least five letters remain."""
    s = lemma
    for end, verb in _REWRITES:
        if s.endswith(end) and len(s) > len(end) + 2:
            s = s[: -len(end)] + verb
            break
    changed = True
    while changed:
        changed = False
        for suf in _SUFFIXES:
            if s.endswith(suf) and len(s) - len(suf) >= _MIN_STEM:
                s = s[: -len(suf)]
                changed = True
                break
        if len(s) > _MIN_STEM and (s[-1] == s[-2] or s[-1] == "i"):
            # "religi(on)" / "relig(ieux)", "économi(e)" / "économ(ique)"
            s = s[:-1]
            changed = True
    return s


CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
NEG_WORDS = frozenset({"ne", "n'", "pas", "aucun", "aucune", "nul", "nulle", "sans"})
#: Words that negate only with "ne" ("il ne travaille plus"; "il travaille plus" is not, nor
#: "plus que jamais").
NEG_WITH_NE = frozenset({"plus", "jamais", "rien", "guère", "personne", "point", "ni"})


@cache
def _word_classes() -> dict[str, frozenset[str]]:
    """The classes of ``support_words.txt`` ("light", "speech", "hedge"…), folded."""
    out: dict[str, frozenset[str]] = {}
    for line in read_list("support_words.txt"):
        name, _, words = line.partition(":")
        out[name.strip()] = frozenset(plain(w) for w in words.split())
    return out


def word_class(name: str) -> frozenset[str]:
    return _word_classes()[name]


FIRST_PERSON = frozenset({"je", "j'", "nous", "moi", "me", "m'"})
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")
_DOTTED_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
#: "4e", "4ème", "4è", "1er", "1re", "1ère": ranks, written as "4e" whatever the spelling.
_ORDINAL = re.compile(r"^(\d+)(?:e|ème|eme|è|ᵉ|er|re|ère|ers|res|ères|es|èmes)$")
#: Spelled ranks ("quatrième" is "4e"). "Premier" is one too, except in "Premier ministre"
#: (see parse.analyse).
_SPELLED_RANKS = {
    **{plain(w): n for w, n in SPELLED_ORD.items()},
    "premier": 1,
    "premiere": 1,
    "premiers": 1,
    "premieres": 1,
}
#: Spelled numbers the shared table lacks ("seize ans" is "16 ans").
_MORE_SPELLED = {
    "treize": 13,
    "quatorze": 14,
    "quinze": 15,
    "seize": 16,
    "dix-sept": 17,
    "dix-huit": 18,
    "dix-neuf": 19,
    "mille": 1000,
}
_CALENDAR = frozenset(plain(w) for w in (*MONTHS, *WEEKDAYS))
ETRE_FORMS = frozenset(
    [
        "est",
        "sont",
        "était",
        "étaient",
        "été",
        "être",
        "sera",
        "seront",
        "serait",
        "seraient",
        "soit",
        "soient",
        "fut",
        "furent",
    ]
)


@cache
def etre_verbs() -> frozenset[str]:
    return frozenset(plain(w) for w in read_list("etre_verbs.txt"))


def number_value(word: str) -> str | None:
    w = word.lower()
    if _DOTTED_THOUSANDS.match(w):
        return w.replace(".", "")
    if _NUMBER.match(w):
        return w.replace(",", ".").removesuffix(".0")
    # A rank is not a count: "la 4e place" is not "4 places", but is "la quatrième place".
    if m := _ORDINAL.match(w):
        return f"{int(m.group(1))}e"
    if (rank := _SPELLED_RANKS.get(plain(w).removesuffix("s"))) is not None:
        return f"{rank}e"
    if w in SPELLED:
        return str(SPELLED[w])
    if w in _MORE_SPELLED:
        return str(_MORE_SPELLED[w])
    if plain(w) in _CALENDAR:
        return plain(w)
    return None


@lru_cache(maxsize=1 << 15)
def word_keys(word: str, pos: str) -> frozenset[str]:
    """Every key a word can match on: its lemmas, their stems and synonym groups."""
    lex = lexicon()
    base = {plain(word)}
    if pos != "PROPN":
        base |= {plain(lemma) for lemma in lex.lemmas(word)}
    if word.isupper() and 2 <= len(word) <= 6:
        base.add("^" + plain(word))  # an acronym, spelled out in the source (parse.py)
    if word[:1].isupper():
        # "Twitch.tv" is Twitch, "Gates-Musk" names both.
        base |= {plain(p) for p in re.split(r"[.\-]", word) if len(p) > 1}
    syn = _synonyms()
    if pos == "PROPN":
        return frozenset(base.union(*(syn.get(b, frozenset()) for b in base)))
    # "cofondateur" is a "fondateur", "cosignataire" a "signataire".
    for b in list(base):
        if b.startswith("co") and len(b) > 6 and lex.known(b[2:]):
            base |= {plain(lemma) for lemma in lex.lemmas(b[2:])}
    if pos != "VERB":
        # A noun meets the verb it is made from ("l'interdiction" / "interdit").
        for lemma in lex.lemmas(word):
            verb = verb_of_noun(fold(lemma))
            if verb is not None:
                base.add(plain(verb))
    out = set(base)
    for b in base:
        out.add("~" + _stem(b))
        out |= syn.get(b, frozenset())
    # Words of one direction of change say the same thing ("reculer", "décliner", "baisser").
    for direction in ("increase", "decrease"):
        if base & word_class(direction):
            out.add("=" + direction)
    return frozenset(out)
