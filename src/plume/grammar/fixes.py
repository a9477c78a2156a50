"""The corrections plume applies without asking: the unambiguous ones.

- a misspelling (``COR-SPELLING``) whose dictionary suggestions leave one choice: the one that
  differs only by accents ("déja" → "déjà"), else the single closest one, at most
  ``MAX_EDITS`` edits away and at least one edit closer than any other ("dévellopement" →
  "développement", where "développements" is one edit further);
- a grammar error (``COR-GRAMMAR``) of a group in ``AUTOFIX_GROUPS`` with one suggestion, a
  message that does not hedge, and no other error in its sentence ("a du s’éloigner" → "a dû s’éloigner"): two errors side by side
  ("en matière de sécurité exprimées") mean Grammalecte hesitates about which word is wrong;
- every hit of plume's own rules (:mod:`plume.grammar.rules`).

Names never: :mod:`plume.grammar.names` removed them from the checker's errors already.
"""

from __future__ import annotations

import re

from plume.grammar.model import Correction, ErrorKind, GrammarError, GrammarResult
from plume.grammar.rules import find_rule_hits
from plume.lang.fr.wordfreq import zipf, zipf_table
from plume.text import strip_accents

__all__ = [
    "AUTOFIX_GROUPS",
    "MAX_EDITS",
    "apply_corrections",
    "plan_corrections",
    "spelling_choice",
    "worth_flagging",
]

#: Grammalecte's option groups whose single suggestion is applied: participles ("ppas": "a du"
#: + infinitive → "a dû"), confusions between homophones ("conf": "d’un coté" → "d’un côté").
#: Not agreement in gender and number ("gn"): which noun an adjective or participle agrees with
#: is an attachment the checker guesses ("docteur en télédétection passé", "pâte pur beurre",
#: "le dernier match de l’année civile" were all "corrected" wrong, read blind on unseen
#: articles); nor a verb mood or a capital, the author's choice as often as a slip.
AUTOFIX_GROUPS = frozenset({"ppas", "conf"})
#: A message that hedges says the checker is not sure: "Si “Les facteurs…” est bien le COD du
#: participe passé…" ("ont cherché" became "ont cherchés"), "Confusion probable".
_HEDGES = re.compile(r"^Si |probable|peut-être|Vérifiez|Possible", re.IGNORECASE)
#: A typo is one or two keystrokes (a letter doubled, left out, swapped or wrong): Damerau
#: (1964) found 80 % of misspellings to be a single such edit; two covers "dévellopement".
MAX_EDITS = 2
#: Words shorter than this are not corrected by edit distance: too many words lie one edit away.
MIN_LENGTH = 4
#: A word French writing uses at least once per million words (wordfreq's zipf 3, Speer et al.)
#: is not a typo but a loanword or a quoted foreign word ("fake", "review", "together"): not
#: flagged, unless only its accents are wrong ("déja", zipf 4.0, beside "déjà").
COMMON_ZIPF = 3.0
#: A correction by edit distance must be this much more frequent than the word (1.5 zipf: about
#: 30 times), so that a rare real word ("chaebols") is not turned into a rarer one ("chabrols").
MORE_FREQUENT = 1.5

#: An English word seen at least about three times per billion words in English (wordfreq's
#: zipf 2.5; "earbuds" 3.1) is not corrected by edit distance; "developement" (2.2), a common
#: English misspelling, still is.
ENGLISH_ZIPF = 2.5

_SENTENCE_END_RE = re.compile(r"[.!?…]\s|\n")


def _edits(a: str, b: str) -> int:
    """Damerau–Levenshtein distance (optimal string alignment)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def _letters(word: str) -> str:
    """``word`` without accents, ligatures or hyphens, in lower case: what a typist's slip on an
    accent ("déja"), a ligature ("oeil") or a hyphen ("co-fondateur") leaves equal."""
    low = word.lower().replace("œ", "oe").replace("æ", "ae").replace("-", "")
    return strip_accents(low)


def _accent_choice(word: str, suggestions: tuple[str, ...]) -> str | None:
    """The one suggestion with the same letters as ``word`` (and the same case), more frequent
    in French than ``word`` itself ("real" is not "réal")."""
    same = [
        s for s in suggestions if _letters(s) == _letters(word) and s.islower() == word.islower()
    ]
    if len(same) == 1 and zipf(same[0]) > zipf(word):
        return same[0]
    return None


def worth_flagging(word: str, suggestions: tuple[str, ...]) -> bool:
    """Whether a word the dictionary lacks is reported: not when French uses it commonly
    (``COMMON_ZIPF``), unless it is a common word's misspelt accents."""
    return zipf(word) < COMMON_ZIPF or _accent_choice(word, suggestions) is not None


def spelling_choice(word: str, suggestions: tuple[str, ...]) -> str | None:
    """The one suggestion to apply to misspelt ``word``, or None when the choice is the
    editor's: never by edit distance when ``word`` holds a digit or a sign ("at00" is a code,
    not a slip for "atm")."""
    accent = _accent_choice(word, suggestions)
    if accent is not None:
        return accent
    if len(word) < MIN_LENGTH or word.lower() != word or not word.replace("-", "").isalpha():
        return None
    low = word.lower()
    ranked = sorted((_edits(low, s), s) for s in suggestions if " " not in s and s.lower() == s)
    if not ranked or ranked[0][0] > MAX_EDITS:
        return None
    if len(ranked) > 1 and ranked[1][0] <= ranked[0][0]:
        return None
    best = ranked[0][1]
    if zipf(best) < zipf(word) + MORE_FREQUENT:
        return None
    # An English word left in a translated text ("des earbuds" became "des barbus") is the
    # editor's to translate, never a typo for the nearest French word.
    return None if zipf_table("large_en").get(low, 0.0) >= ENGLISH_ZIPF else best


def _sentence(text: str, pos: int) -> tuple[int, int]:
    start = 0
    for m in _SENTENCE_END_RE.finditer(text, 0, pos):
        start = m.end()
    end = _SENTENCE_END_RE.search(text, pos)
    return start, (end.start() + 1 if end else len(text))


def _isolated(error: GrammarError, errors: tuple[GrammarError, ...], text: str) -> bool:
    start, end = _sentence(text, error.start)
    return not any(
        e is not error and e.kind is ErrorKind.GRAMMAR and start <= e.start < end for e in errors
    )


def _checker_corrections(text: str, found: GrammarResult) -> list[Correction]:
    out = []
    for e in found.errors:
        if e.kind is ErrorKind.SPELLING:
            choice = spelling_choice(e.text, e.suggestions)
            if choice is not None and choice != e.text:
                out.append(Correction("COR-SPELLING", e.start, e.end, e.text, choice))
        elif (
            e.group in AUTOFIX_GROUPS
            and not _HEDGES.search(e.message)
            and len(e.suggestions) == 1
            and e.suggestions[0] != e.text
            and _isolated(e, found.errors, text)
        ):
            out.append(Correction("COR-GRAMMAR", e.start, e.end, e.text, e.suggestions[0]))
    return out


def plan_corrections(text: str, found: GrammarResult, apostrophe: str = "’") -> list[Correction]:
    """The corrections to apply to ``text`` (``found``: the checker's errors in it), sorted,
    non-overlapping (the first wins); ``apostrophe`` is the text's (’ or ')."""
    candidates = sorted(
        _checker_corrections(text, found) + find_rule_hits(text), key=lambda c: (c.start, c.end)
    )
    out: list[Correction] = []
    for c in candidates:
        if out and c.start < out[-1].end:
            continue
        if apostrophe != "’":
            c = Correction(c.rule, c.start, c.end, c.before, c.after.replace("’", apostrophe))
        out.append(c)
    return out


def apply_corrections(text: str, corrections: list[Correction]) -> str:
    """``text`` with ``corrections`` (sorted, non-overlapping) applied."""
    parts, pos = [], 0
    for c in corrections:
        parts += [text[pos : c.start], c.after]
        pos = c.end
    parts.append(text[pos:])
    return "".join(parts)
