"""More seams for the editor's pass, read from the words and the lexicon where the small parse
misreads the sentence (issue 18): :mod:`plume.write.seams` holds the others.

- An apposition to a name that is the sentence's subject, after an optional opening phrase:
  "Face à la grève, Jean Dupont, ancien ministre, maintient…" → "Jean Dupont est ancien
  ministre." + "Face à la grève, il maintient…" (the pronoun's gender read on the apposition's
  words: "ancien", "présidente"; an epicene one, "maire", "ministre", is refused).
- A relative clause closing the sentence on a determiner and its noun right after the verb
  ("…, a constaté la Ville, qui a dressé le bilan." → "…. Elle a dressé le bilan."), when no
  other noun, pronoun or name of the main clause could be read as the restarting pronoun's.

Each finder gives (left, right, dropped words, added words), unverified, as those of
:mod:`plume.write.seams`: :mod:`plume.write.split` checks the parts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from plume.lang.fr import fold, read_list, time_nouns
from plume.lang.fr.lexicon import load_lexicon
from plume.write.seams import WORD, end_sentence, inside_pairs, parse, verb_only, word_gender

__all__ = [
    "closing_relative_split",
    "name_apposition_split",
]

_NAME = r"[A-ZÀ-Ý][\w-]+(?: [A-ZÀ-Ý][\w-]+){0,2}"
_APPOSITION = re.compile(rf"^(?:(?P<front>[^,;:«»()\"“”]+), )?(?P<name>{_NAME}), (?P<rest>.+)$")
_ELIDED_DET = ("l’", "l'", "L’", "L'")
_GENDER_DETERMINERS = {"le": "m", "un": "m", "la": "f", "une": "f"}
_PRONOUN = {"m": "il", "f": "elle"}
#: Words that cannot be a subject's clause's first: the apposition would be closed too early.
_CLAUSE_CLITICS = ("ne ", "n’", "n'", "s’", "s'", "se ", "l’", "l'", "lui ", "y ")
#: A relative, a completive, a coordination of names: no apposition stated with « être ».
_NOT_IN_APPOSITION = frozenset({"qui", "que", "qu", "dont", "où", "lequel", "laquelle"})
_PLURAL_VERBS = frozenset({"ont", "sont", "avaient", "étaient", "seront", "auront", "font"})
_PAST = frozenset({"était", "avait", "fut", "eut"})


@cache
def _not_nouns() -> frozenset[str]:
    return frozenset(fold(w) for w in read_list("split_apposition_not_nouns.txt"))


def _apposition_gender(words: list[str]) -> str:
    """The gender an apposition's opening words show ("l’ancien ministre": "m"; "présidente
    du conseil": "f"): a determiner, else the first of its two first words that shows one."""
    first = words[0].lower()
    if first in _GENDER_DETERMINERS:
        return _GENDER_DETERMINERS[first]
    if first.startswith(("l’", "l'")):
        words = [first[2:], *words[1:]]
    for word in words[:2]:
        for part in word.split("-"):
            if gender := word_gender(part):
                return gender
    return ""


def _opens_clause(text: str) -> bool:
    """``text`` starts with a finite verb, after clitics if any ("a annoncé", "ne veut",
    "s’est", "l’a"): the main clause after an apposition ("l’informatique" is none)."""
    while True:
        clitic = next((c for c in _CLAUSE_CLITICS if text.startswith(c)), None)
        if clitic is None:
            break
        text = text[len(clitic) :]
    first = WORD.match(text)
    if first is None or not first.group(0)[:1].islower():
        return False
    entry = load_lexicon().entry(first.group(0))
    return not entry.guessed and entry.has("VX") and not entry.has("DSOK")


def name_apposition_split(
    sentence: str, framed: Callable[[str], bool]
) -> tuple[str, str, str, str] | None:
    """ "Jean Dupont, ancien ministre, a annoncé…" → "Jean Dupont est ancien ministre." + "Il a
    annoncé…": the apposition to the name that opens the sentence (after an opening phrase
    with no verb, name nor frame — ``framed`` says which open a frame — moved to the second
    part), stated with « être » (« était » in a past narrative), the main clause restarted on
    the pronoun the apposition's words show."""
    m = _APPOSITION.match(sentence)
    if m is None:
        return None
    front, name, rest = m.group("front"), m.group("name"), m.group("rest")
    lexicon = load_lexicon()
    if any(lexicon.entry(w).has("DOSRCU") and not lexicon.entry(w).has("P") for w in name.split()):
        return None  # "Le", "Pour", "Mais": no name
    if front is not None:
        words = WORD.findall(front)
        if (
            len(words) > 15
            or framed(front + ",")
            or any(verb_only(w) or w[:1].isupper() for w in words[1:])
        ):
            return None  # a clause, a frame, a name the pronoun could be read as standing for
    for comma in (i for i, c in enumerate(rest) if c == ","):
        if inside_pairs(rest, comma) or rest[comma + 1 : comma + 2] != " ":
            continue
        appos, main = rest[:comma], rest[comma + 2 :]
        if not _opens_clause(main):
            continue
        words = WORD.findall(appos)
        first = words[0] if words else ""
        if (
            not first[:1].islower()
            or fold(first) in _not_nouns()
            or lexicon.entry(first).has("KGWVX")
            or any(fold(w) in _NOT_IN_APPOSITION for w in words)
            or any(verb_only(w) for w in words)
        ):
            return None
        gender = _apposition_gender(words)
        verb = WORD.match(main)
        if not gender or verb is None or verb.group(0) in _PLURAL_VERBS:
            return None
        copula = "était" if verb.group(0) in _PAST else "est"
        pronoun = _PRONOUN[gender]
        right = f"{front}, {pronoun} {main}" if front else f"{pronoun} {main}"
        return f"{name} {copula} {appos}", right, "", f"{copula} {pronoun}"
    return None


_CLOSING_QUI = re.compile(r",\s+qui\s+(?=\w)")
_CLOSING_NP = re.compile(r"(?:^|\s)(\S+)\s+(le|la|Le|La)\s+([\w-]+)$")


def closing_relative_split(sentence: str) -> tuple[str, str, str, str] | None:
    """ "…, a constaté la Ville, qui a dressé le bilan." → "…, a constaté la Ville." + "Elle a
    dressé le bilan.": a relative clause closing the sentence, with no comma of its own, on a
    singular determiner and its noun right after a verb; restarted on the pronoun the
    determiner gives, unless a noun, pronoun or name of that gender and number in the main
    clause could be read as the pronoun's."""
    found = list(_CLOSING_QUI.finditer(sentence))
    if len(found) != 1 or inside_pairs(sentence, found[0].start()):
        return None
    m = found[0]
    left, relative = sentence[: m.start()], sentence[m.end() :]
    if "," in relative or ";" in relative or ":" in relative:
        return None
    np = _CLOSING_NP.search(left)
    if np is None:
        return None
    lexicon = load_lexicon()
    verb, det, noun = np.group(1), np.group(2).lower(), np.group(3)
    entry = lexicon.entry(verb)
    if entry.guessed or not entry.has("VK") or entry.has("NDSA"):
        return None
    if not lexicon.entry(noun).has("N") or lexicon.entry(noun).has("V"):
        return None
    first = WORD.match(relative)
    if first is None or first.group(0) in _PLURAL_VERBS or first.group(0).endswith("ent"):
        return None
    pronoun = "il" if det == "le" else "elle"
    gender, number = ("Masc" if pronoun == "il" else "Fem"), "Sing"
    doc = parse(end_sentence(left))
    antecedent = np.start(2) + (1 if np.group(0)[:1].isspace() else 0)
    for t in doc:
        if t.idx >= antecedent:
            break
        if t.pos_ == "PROPN" or (t.pos_ == "PRON" and str(t.text).lower() in ("il", "elle")):
            return None
        if (
            t.pos_ == "NOUN"
            and gender in t.morph.get("Gender")
            and number in t.morph.get("Number")
            and fold(str(t.text)) not in time_nouns()
        ):
            return None
    return left, f"{pronoun} {relative}", "qui", pronoun


_BARE_ET_NP = re.compile(
    r"(?<![,\s])\s+et\s+(?=(?:le|la|les|l’|l'|son|sa|ses|leur|leurs|ce|cet|cette|ces|un|une)\b)"
)
#: What a subject noun phrase after « et » may not hold: another coordination, a relative,
#: a preposition opening an infinitive ("et de se protéger").
_NOT_IN_NP = frozenset({"et", "ou", "ni", "qui", "que", "qu", "dont", "où", "de", "d", "à"})


def bare_et_seams(sentence: str) -> list[tuple[str, str, str, str]]:
    """(left, right, "et", "") where « et » without a comma joins a second main clause with its
    own subject — a determiner and at most four more words, then a verb the lexicon reads as
    nothing else ("…a investi 13 milliards et la société contrôle désormais…"). "…dicter les
    conditions et les frais et de se protéger…" coordinates less than clauses: the noun phrase
    is followed by no verb, or holds another « et » or « de »."""
    out: list[tuple[str, str, str, str]] = []
    for m in _BARE_ET_NP.finditer(sentence):
        if inside_pairs(sentence, m.start()):
            continue
        right = sentence[m.end() :]
        tokens = right.split()
        size = next((i for i, w in enumerate(tokens[:6]) if verb_only(w.strip(",;:."))), 0)
        words = [fold(w) for w in WORD.findall(" ".join(tokens[:size]))]
        if size < 2 or any(w in _NOT_IN_NP or w.endswith(("'", "’")) for w in words[1:]):
            continue
        if any(w[-1:] in ",;:()" for w in tokens[:size]):
            continue
        out.append((sentence[: m.start()], right, "et", ""))
    return out


_NAME_RELATIVE = re.compile(rf"^(?P<name>{_NAME}), qui (?P<relative>[^,;:«»()]+), (?P<main>.+)$")


def name_relative_split(sentence: str) -> tuple[str, str, str, str] | None:
    """ "Vinci, qui avait perdu l’appel d’offres, conteste…" → "Vinci conteste…" + "Vinci avait
    perdu l’appel d’offres.": a relative clause between commas after the name that opens the
    sentence as its subject, restarted on the name after the main clause (as
    :func:`plume.write.seams.relative_split` does where the parse reads the sentence). The
    relative has no comma of its own; the main clause opens on its verb."""
    m = _NAME_RELATIVE.match(sentence)
    if m is None:
        return None
    name, relative, main = m.group("name"), m.group("relative"), m.group("main")
    lexicon = load_lexicon()
    if any(lexicon.entry(w).has("DOSRCU") and not lexicon.entry(w).has("P") for w in name.split()):
        return None
    for clause in (relative, main):
        verb = WORD.match(clause)
        if verb is None or verb.group(0) in _PLURAL_VERBS or not _opens_clause(clause):
            return None  # "Lyon, qui…, et Marseille ont…": no clause, or names coordinated
    return f"{name} {main}", f"{name} {relative}", "qui", name


_CLOSING_APPOSITION = re.compile(
    rf"(?P<name>{_NAME}), (?P<appos>(?:le|la|l’|l'|un|une) ?[^,;:«»()\"“”]+)\.$"
)
_YEAR = re.compile(r"\b1\d{3}\b|\b20\d{2}\b")


def closing_apposition_split(sentence: str) -> tuple[str, str, str, str] | None:
    """ "…de son poste de PDG d’OpenAI, la société d’intelligence artificielle derrière
    ChatGPT." → "…de son poste de PDG d’OpenAI." + "OpenAI est la société…": an apposition
    of five words at least closing the sentence on a name, stated with « est » after it. Not
    in a past narrative (a main verb in the imparfait, a year): what the name was then may no
    longer be so."""
    m = _CLOSING_APPOSITION.search(sentence)
    if m is None or m.start() == 0 or inside_pairs(sentence, m.start()):
        return None
    name, appos, left = m.group("name"), m.group("appos"), sentence[: m.end("name")]
    lexicon = load_lexicon()
    if any(not (lexicon.entry(w).has("P") or lexicon.entry(w).guessed) for w in name.split()):
        return None
    words = WORD.findall(appos)
    if len(words) < 5 or any(fold(w) in _NOT_IN_APPOSITION or verb_only(w) for w in words):
        return None
    head = words[0][2:] if words[0].startswith(_ELIDED_DET) else words[1]
    if fold(head) in _not_nouns() or not lexicon.entry(head).has("N"):
        return None  # "le tout pour un coût symbolique": no noun the name is
    if _YEAR.search(left) or any(w in _PAST or w.endswith("ait") for w in WORD.findall(left)):
        return None
    if " et " in f" {appos} " or sentence[m.start() - 1 : m.start()] not in (" ", "’", "'"):
        return None  # "X, le ministre, et Y": a list; "l’OpenAI": no name alone
    return left, f"{name} est {appos}", "", f"{name} est"
