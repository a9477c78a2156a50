"""Steps 5–9: scraping artefacts inside blocks.

``CL-DOUBLED``, ``CL-STRAY-CAPITAL``, ``CL-GLUED-SENTENCE`` / ``CL-MISSING-SPACE``,
``CL-RUN-TOGETHER``, ``CL-STRAY-STOP``, in that order (coarsest first; the order matters).
Each rule, its examples and why this order: docs/cleaning.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from plume.clean import data
from plume.clean.boilerplate import credit_suffix_start
from plume.clean.engine import Edit, Keep, Plan, StepOutput, run_plans
from plume.clean.protect import protected
from plume.document import Block
from plume.lang.fr import read_list
from plume.lang.fr.wordfreq import zipf
from plume.settings import Settings

__all__ = [
    "Split",
    "best_split",
    "is_doubled",
    "step_doubled",
    "step_glued",
    "step_run_together",
    "step_stray_capital",
    "step_stray_stop",
]

_UP = "A-ZÀ-ÖØ-Þ"
#: Every character the apostrophe step (11) may turn into the configured apostrophe. Patterns
#: here accept them all, so that step 11 never reveals work for these steps (idempotence).
_APOS = "'’‘`´"
_LOW = "a-zß-öø-ÿœæ"

# --- Step 5: doubled blocks -----------------------------------------------------------------

#: Shortest half for which "XX" is taken as a doubled extraction: clear of legitimate
#: reduplications ("bonbon", "Bora-Bora", "chuchu"). Calibrated: see docs/calibration.md.
DOUBLED_MIN_HALF = 8


#: The halves are compared as the later steps may leave them: spaces and full stops out (steps
#: 7–9 insert spaces and drop stray stops, step 14 takes spaces out: "Salut ( Salut" becomes
#: "Salut (Salut"), one apostrophe, one quote sign, "…" out too. Cleaning twice must change
#: nothing.
_DOUBLED_FOLD = {"’": "'", "‘": "'", "`": "'", "´": "'", "«": '"', "»": '"', "“": '"', "”": '"'}


def _doubled_edit(text: str) -> Edit | None:
    """Remove the second half of a block written twice, again while what is left is doubled
    (four copies give one, as a second cleaning would). A credit glued to the end, which step
    10 removes, does not hide the doubling: it goes with the second half."""
    credit = credit_suffix_start(text) if _CREDIT_HINT.search(text) else None
    end = len(text)
    if credit is not None and _doubled_cut(text[:credit]) is not None:
        end = credit
    while (cut := _doubled_cut(text[:end])) is not None:
        end = cut
    return Edit(end, len(text), "", "CL-DOUBLED") if end < len(text) else None


_CREDIT_HINT = re.compile(r"crédit|photo|illustration|©", re.IGNORECASE)


def _doubled_cut(text: str) -> int | None:
    folded: list[tuple[str, int]] = []  # (folded character, index in text)
    for i, c in enumerate(text):
        if c.isspace() or c in ".…":
            continue
        folded.append((_DOUBLED_FOLD.get(c, c), i))
    n = len(folded)
    if n % 2 or n < 2 * DOUBLED_MIN_HALF:
        return None
    half = n // 2
    first = "".join(f for f, _ in folded[:half])
    if first != "".join(f for f, _ in folded[half:]) or not any(c.isalpha() for c in first):
        return None
    # The first half keeps its own stops ("Fin du match. Fin du match." → "Fin du match.").
    cut = folded[half][1]
    while cut > 0 and text[cut - 1].isspace():
        cut -= 1
    return cut


def is_doubled(text: str) -> bool:
    """``text`` is one text written twice (step 5 would halve it)."""
    return _doubled_edit(text) is not None


def step_doubled(blocks: tuple[Block, ...], settings: Settings) -> StepOutput:
    plans: list[Plan] = []
    for b in blocks:
        e = _doubled_edit(b.text)
        plans.append(Keep([e] if e else []))
    return run_plans(blocks, plans)


# --- The document as evidence ----------------------------------------------------------------


class _Usage:
    """How often the document writes a word, counted so that no later step can change the
    count: an occurrence is bounded by a non-letter on one side only (``"Soona"`` counts in
    ``"avecSoona"`` and in ``"TSoona"``), so inserting a space never adds or removes one.

    A glued or capped form is repaired on this evidence only when the part kept occurs more
    often than the whole form: the document writes the part on its own somewhere.
    """

    __slots__ = ("_counts", "_text")

    def __init__(self, blocks: tuple[Block, ...]) -> None:
        self._text = "\n".join(b.text for b in blocks)
        self._counts: dict[tuple[str, str], int] = {}

    def count(self, word: str, bounded: str) -> int:
        """Occurrences of ``word`` with a non-letter (or the text's edge) on its ``bounded``
        side: ``"left"`` or ``"right"``."""
        key = (word, bounded)
        if key not in self._counts:
            w = re.escape(word)
            pattern = f"(?<![^\\W\\d_]){w}" if bounded == "left" else f"{w}(?![^\\W\\d_])"
            self._counts[key] = len(re.findall(pattern, self._text))
        return self._counts[key]

    def attests(self, part: str, whole: str, bounded: str) -> bool:
        """The document writes ``part`` outside ``whole`` (both bounded on the same side)."""
        return self.count(part, bounded) > self.count(whole, bounded)


# --- Step 6: stray capital ------------------------------------------------------------------

_STRAY_WORD = re.compile(f"([{_UP}])([{_UP}][{_LOW}{_UP}0-9]*)([{_APOS}-][\\w{_APOS}-]*)?(?![\\w])")
# "DL’implosion", "IL’Office": a stray capital before an elided article or pronoun.
_STRAY_ELISION = re.compile(f"([{_UP}])([LDJCNSMT])[{_APOS}]([{_LOW}{_UP}])")
# "L Le gouvernement": the drop cap kept apart by a space, then the same letter again. Never
# for the one-letter words A (an unaccented À: "A Alger"), Y and O.
_STRAY_SPACED = re.compile(f"([{_UP}]) (?=\\1[{_LOW}{_APOS}])")
_ONE_LETTER_WORDS = frozenset("AYOÀ")
#: A drop cap before a word of two letters ("TLa", "GIl"): the word must be at least this
#: frequent, so that plurals and units of acronyms ("DJs", "TVs", "MHz") stay as written.
STRAY_SHORT_REST_MIN_ZIPF = 4.5
#: A drop cap before a longer word ("ASalesforce", "JAu-delà"): the word must be known to the
#: French word list (zipf 2: about one in ten million words) or a protected name.
STRAY_LONG_REST_MIN_ZIPF = 2.0
#: A rarer word after a drop cap needs the document's own evidence (:class:`_Usage`) and at
#: least this many letters: short capitalised tokens are acronyms' territory ("QAnon").
STRAY_EVIDENCE_MIN_LEN = 5


def _stray_edit(text: str, usage: _Usage | None = None) -> Edit | None:
    m = _STRAY_ELISION.match(text)
    if m and text[: m.end(2)] not in data.protected_tokens():
        return Edit(0, 1, "", "CL-STRAY-CAPITAL")
    m = _STRAY_SPACED.match(text)
    if m and m.group(1) not in _ONE_LETTER_WORDS:
        return Edit(0, 2, "", "CL-STRAY-CAPITAL")
    m = _STRAY_WORD.match(text)
    if not m:
        return None
    token, rest = m.group(1) + m.group(2), m.group(2)
    if token in data.protected_tokens() or m.group() in data.protected_tokens():
        return None
    if rest in data.protected_tokens() or rest == "À":  # "NOpenAI", "SÀ l’origine", "ÀÀ"
        return Edit(0, 1, "", "CL-STRAY-CAPITAL")
    if not rest[1:].islower():  # "SNCF", "PCs"-like acronyms, "BlaBlaCar": not a drop cap
        return None
    # "LLe", "AAujourd’hui": a doubled capital before a lower-case letter is no French word.
    if token[0] == token[1]:
        return Edit(0, 1, "", "CL-STRAY-CAPITAL")
    floor = STRAY_SHORT_REST_MIN_ZIPF if len(rest) <= 2 else STRAY_LONG_REST_MIN_ZIPF
    # "FRance": a word typed with two capitals, more frequent as written than without its first
    # letter ("france" 5.5, "rance" 3.3), is a typo for the editor, not a drop cap.
    if zipf(rest) >= floor and zipf(token) < zipf(rest):
        return Edit(0, 1, "", "CL-STRAY-CAPITAL")
    # "TSoona", "VMonconduit": a name the word list hardly knows, which the document writes
    # without the extra capital elsewhere. Only rare words: "CNews" beside "Fox News" stays.
    if (
        usage is not None
        and len(rest) >= STRAY_EVIDENCE_MIN_LEN
        and zipf(rest) < STRAY_LONG_REST_MIN_ZIPF
        and usage.attests(rest, token, "right")
    ):
        return Edit(0, 1, "", "CL-STRAY-CAPITAL")
    return None


def step_stray_capital(blocks: tuple[Block, ...], settings: Settings) -> StepOutput:
    """Only at a block start: that is where drop caps are, and nowhere else is it safe."""
    usage = _Usage(blocks)
    plans: list[Plan] = []
    for b in blocks:
        e = _stray_edit(b.text, usage)
        # Never a drop cap removed into a block written twice ("LLe début Le début"): step 5,
        # before this one, would halve it only on a second cleaning.
        if e is not None and _doubled_edit(b.text[: e.start] + e.after + b.text[e.end :]):
            e = None
        plans.append(Keep([e] if e else []))
    return run_plans(blocks, plans)


# --- Steps 7 and 9: glued sentences, missing spaces, stray stops ------------------------------

# A sentence-final mark, an optional quote, then a capitalised word ("Greg", "L’action").
# The second letter must be lower case (or an apostrophe), so acronyms and names such as
# "Character.AI" or "ASP.NET" never match.
# A space is allowed before a closing » or ” ("viande. »La revanche"), never before an opening
# quote ('apprécié. "Vachement' is already spaced).
_GLUED = re.compile(
    f'(?P<punct>[.!?…]+)(?P<quote>[ \u00a0\u202f]?[»”]|«[ \u00a0\u202f]?|[»"”“]?)'
    f"(?P<next>[{_UP}])(?=[{_LOW}{_APOS}])"
)
_CLOSING = frozenset(')]»"”')
_UNIT_SIGNS = frozenset("%€$£°")
# A comma glued to the next word ('impérissable",un'): a letter or closing quote before, two
# letters after. Digits are excluded ("3,5"), code and URLs are protected spans.
_COMMA = re.compile(f'(?:(?<=[^\\W\\d_])|(?<=[»"”)])),(?=[{_LOW}{_UP}][{_LOW}])')


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(data.abbreviations())


def _left_ok(text: str, p: int, punct: str) -> bool:
    """Is the text before the mark at ``p`` the end of a sentence (not an initial, URL…)?"""
    if p > 0 and text[p - 1].isspace():
        # French spacing before ! ? … ("générative ?Dans"), never before a full stop.
        if punct[0] not in "!?…":
            return False
        p -= 1
    if p == 0:
        return False
    before = text[p - 1]
    # "en 2019.Le", "de 12 %.Les", "(OFEV).La": a number, a unit sign or a closing bracket.
    if before.isdigit() or before in _CLOSING or before in _UNIT_SIGNS:
        return True
    k = p
    while k > 0 and text[k - 1].isalpha():
        k -= 1
    word = text[k:p]
    if len(word) < 2:  # "J.R.R.Tolkien", "M.Dupont": initials and titles stay as written
        return False
    # "Dr.House", "etc.Ensuite": a dotted abbreviation is not a sentence end we can trust.
    return not (punct == "." and f"{word}." in _abbreviations())


def _glued_edits(text: str) -> list[Edit]:
    prot = protected(text)
    edits: list[Edit] = []
    for m in _GLUED.finditer(text):
        punct, quote = m.group("punct"), m.group("quote")
        if not _left_ok(text, m.start(), punct):
            continue
        # The mark itself must be outside a protected span: "lemonde.fr.Le" is a domain, then
        # a glued sentence; "https://x.fr/a.Le" is all URL.
        if prot.overlaps(m.start(), m.end()):
            continue
        q = m.start("quote")
        if (
            quote.startswith("«")
            or quote == "“"
            or (quote == '"' and text.count('"', 0, q) % 2 == 0)
        ):
            pos = q  # an opening quote: the space goes before it
        else:
            pos = m.start("next")  # no quote, or a closing one: the space goes after it
        edits.append(Edit(pos, pos, " ", "CL-GLUED-SENTENCE"))
    for m in _COMMA.finditer(text):
        if not prot.overlaps(m.start() - 1, m.end() + 1):
            edits.append(Edit(m.end(), m.end(), " ", "CL-MISSING-SPACE"))
    return edits


@cache
def _stray_stop_next() -> frozenset[str]:
    return frozenset(read_list("clean_stray_stop_next.txt"))


# Spaces before the stop go with it: the typography step (14) would remove them and reveal
# the stray stop to a second cleaning ("parti . de" → "parti. de").
_STRAY_STOP = re.compile(r"(?<=[^\W\d_])[ \u00a0\u202f\t]*\.(?= ([a-zàâéèêîôûç]+)\b)")


def _stray_stop_edits(text: str) -> list[Edit]:
    """Full stops between a word and a lower-case preposition or conjunction (see
    ``clean_stray_stop_next.txt``), when the word is not an abbreviation or an initial."""
    edits: list[Edit] = []
    prot = None
    for m in _STRAY_STOP.finditer(text):
        if m.group(1) not in _stray_stop_next():
            continue
        k = m.start()
        while k > 0 and text[k - 1].isalpha():
            k -= 1
        word = text[k : m.start()]
        if len(word) < 2 or f"{word}." in _abbreviations() or word[-1].isupper():
            continue  # "M. de Villepin", "etc. et", "J. de Souza", "Sciences Po. et"
        if prot is None:
            prot = protected(text)
        if prot.overlaps(m.start() - 1, m.end() + 1):
            continue
        edits.append(Edit(m.start(), m.end(), "", "CL-STRAY-STOP"))
    return edits


def step_glued(blocks: tuple[Block, ...], settings: Settings) -> StepOutput:
    return run_plans(blocks, [Keep(_glued_edits(b.text)) for b in blocks])


#: A footnote call left glued by the copy: digits right after "%" or a closing quotation mark
#: ("dépassé les 40 %1 alors", "« … »2 ."). French never writes a number there (Lexique des
#: règles typographiques de l’Imprimerie nationale: a space before every number after a sign).
#: The sign is a percentage's ("40 %", not the "%20" of an encoded address) or a closing quote.
_NOTE_CALL = re.compile(r"(?:\d[ \u00a0\u202f]?%|[»”])(\d{1,2})(?=[ \u00a0\u202f,.;:)!?]|$)")


def _note_call_edits(text: str) -> list[Edit]:
    prot = protected(text)
    return [
        Edit(m.start(1), m.end(1), "", "CL-NOTE-CALL")
        for m in _NOTE_CALL.finditer(text)
        if not prot.overlaps(m.start(), m.end())
    ]


def step_stray_stop(blocks: tuple[Block, ...], settings: Settings) -> StepOutput:
    """Stray full stops (:func:`_stray_stop_edits`) and footnote calls (:data:`_NOTE_CALL`)."""
    return run_plans(
        blocks,
        [
            Keep(
                sorted(_stray_stop_edits(b.text) + _note_call_edits(b.text), key=lambda e: e.start)
            )
            for b in blocks
        ],
    )


# --- Step 8: run-together words -------------------------------------------------------------

#: Both parts of a split must be at least this frequent (zipf 3: about once per million words).
#: Calibrated: see docs/calibration.md.
PART_MIN_ZIPF = 3.0
#: Two-letter parts must be function words: "le", "la", "de", "en", "un" are above 5.5,
#: the prefixes "re" (4.5), "ré" (4.1), "co" (4.7) are below.
SHORT_PART_MIN_ZIPF = 5.0
#: A rarer word may be split off a very frequent function word glued after it:
#: "surnommaitle" → "surnommait le" ("surnommait" 2.6, "le" 7.4). The function word must be at
#: least this frequent (le, la, les, de, des, et, en, un, une, que, qui, sur, pour, dans…)…
GLUED_FUNCTION_WORD_MIN_ZIPF = 6.0
#: … and the word before it at least this frequent (a real, if rare, word: not a fragment).
GLUED_FUNCTION_WORD_LEFT_MIN_ZIPF = 2.0
#: "Xqui" → "X qui": a capitalised token is split after its first letter only when the rest is
#: a function word at least this frequent. Capitalised tokens are otherwise never split: unknown
#: names are common ("Canva" would give "Can va", "Tapinos" "Tapi nos").
CAPITAL_SPLIT_MIN_ZIPF = 6.0
#: Shortest lower-case token considered; a capitalised one needs 4 letters ("Xqui").
RUN_TOGETHER_MIN_LEN = 5
#: One-letter second parts allowed: "flatteurà" → "flatteur à". Hardly any French word ends in
#: "à" (voilà, déjà, holà, delà: all known to wordfreq, so never candidates).
ONE_LETTER_PARTS = frozenset({"à"})
#: Tokens the word list knows are split only below this frequency (zipf 2: once in 100 million
#: words), into two parts of at least TYPO_PART_MIN_ZIPF that are TYPO_MARGIN more frequent than
#: the token: web typos ("tousles" 1.3, "elleest" 1.4, "dansune" 1.0) are in wordfreq's list,
#: rare words ("portemanteau": "manteau" 3.6) are not split. See docs/calibration.md.
TYPO_MAX_ZIPF = 2.0
#: A token with an é restored at least this frequent is a word typed without accents.
ACCENTLESS_MIN_ZIPF = 2.0
#: "lechatbot" → "le chatbot": the rarer word after the function word has at least 5 letters.
AFTER_FUNCTION_WORD_MIN_LEN = 5
#: "Microsoftsur" → "Microsoft sur": the name before the glued function word is this frequent.
NAME_SPLIT_MIN_ZIPF = 3.5
TYPO_PART_MIN_ZIPF = 4.0
TYPO_MARGIN = 3.0
_LETTERS = re.compile(r"[^\W\d_]{4,}")
#: A token is a candidate only between these: not inside a URL, a handle, a hyphenated compound
#: ("Sok-yong"), an elision ("aujourd’hui") or a domain ("Sports.fr").
_NOT_BEFORE = frozenset("-.@/\x23_")
_NOT_AFTER = frozenset("-@/_" + _APOS)
_LOWER_UPPER = re.compile(f"[{_LOW}][{_UP}]")


@cache
def _prefixes() -> frozenset[str]:
    return data.word_set("clean_prefixes.txt")


@cache
def _suffixes() -> frozenset[str]:
    return data.word_set("clean_suffixes.txt")


@dataclass(frozen=True, slots=True)
class Split:
    left: str
    right: str
    #: min(zipf(left), zipf(right)): the weaker part decides.
    score: float


def _part_ok(part: str, z: float, *, right: bool) -> bool:
    if len(part) == 1:
        # "àmoins": hardly any French word starts with "à" either (à-côté, à-coup: hyphenated).
        return part in ONE_LETTER_PARTS
    if len(part) == 2:
        return z >= SHORT_PART_MIN_ZIPF
    return z >= PART_MIN_ZIPF


def _split_ok(left: str, right: str, zl: float, zr: float) -> bool:
    if right in _suffixes():
        return False
    function_word = right in data.function_words()
    if left in _prefixes() and not function_word:
        return False
    if _part_ok(left, zl, right=False) and _part_ok(right, zr, right=True):
        return True
    return (
        function_word
        and zr >= GLUED_FUNCTION_WORD_MIN_ZIPF
        and len(left) >= 3
        and zl >= GLUED_FUNCTION_WORD_LEFT_MIN_ZIPF
    )


@lru_cache(maxsize=16384)
def best_split(token: str) -> Split | None:
    """The best split of an unknown token into two French words, or None.

    Public so the tests can check splits token by token.
    """
    if token in data.protected_tokens():
        return None
    z_token = zipf(token)
    if z_token >= TYPO_MAX_ZIPF:
        return None
    lower = token.lower()
    if token[0].isupper():
        rest = lower[1:]
        if (
            len(token) >= 4
            and token[1:].islower()
            and rest in data.function_words()
            and zipf(rest) >= CAPITAL_SPLIT_MIN_ZIPF
        ):
            return Split(token[0], token[1:], zipf(rest))
        return _name_split(token) if z_token == 0.0 else None
    if len(token) < RUN_TOGETHER_MIN_LEN or not token.islower() or _accentless(lower):
        return None
    best: Split | None = None
    for i in range(1, len(token)):
        left, right = lower[:i], lower[i:]
        zl, zr = zipf(left), zipf(right)
        if not _split_ok(left, right, zl, zr):
            continue
        # A token the word list knows (a rare word, or a typo seen on the web: "tousles" 1.3)
        # is split only into two frequent words much more frequent than itself.
        if z_token > 0.0 and (
            min(zl, zr) < TYPO_PART_MIN_ZIPF or min(zl, zr) - z_token < TYPO_MARGIN
        ):
            continue
        cand = Split(token[:i], token[i:], min(zl, zr))
        if best is None or cand.score > best.score:
            best = cand
    if best is None and z_token == 0.0:
        best = _after_function_word(token)
    return best


def _accentless(lower: str) -> bool:
    """A word typed without its accents ("desinformation", "detenir", "deconfinement"): one
    of its first e's as é gives a known word. Never split: "de" + "tenir" would be wrong."""
    starts = [i for i, c in enumerate(lower[:6]) if c == "e"]
    return any(zipf(f"{lower[:i]}é{lower[i + 1 :]}") >= ACCENTLESS_MIN_ZIPF for i in starts)


def _after_function_word(token: str) -> Split | None:
    """ "lechatbot", "enembauchant", "duparacétamol": a very frequent article or preposition
    glued before a rarer word (the mirror of the rule for "surnommaitle")."""
    lower = token.lower()
    for i in (2, 3):
        left, right = lower[:i], lower[i:]
        if (
            left in data.function_words()
            and zipf(left) >= GLUED_FUNCTION_WORD_MIN_ZIPF
            and len(right) >= AFTER_FUNCTION_WORD_MIN_LEN
            and zipf(right) >= GLUED_FUNCTION_WORD_LEFT_MIN_ZIPF
            and right not in _suffixes()
        ):
            return Split(token[:i], token[i:], zipf(right))
    return None


#: Function words found glued after a capitalised name ("Microsoftsur", "Franceest"): three
#: letters or more, so that name endings ("Fernandes", "Nilsson") are never cut.
_AFTER_NAME = frozenset({"sur", "est", "les", "des", "que", "qui", "une", "dans", "pour", "avec"})


def _name_split(token: str) -> Split | None:
    """A known name or word with a function word glued after it: "Microsoftsur" → "Microsoft
    sur". The name must be frequent (zipf 3.5: "microsoft" 4.2, "allemagne" 4.9)."""
    if not token[1:].islower():
        return None
    lower = token.lower()
    for word in _AFTER_NAME:
        if lower.endswith(word) and len(lower) - len(word) >= 3:
            cut = len(lower) - len(word)
            if zipf(lower[:cut]) >= NAME_SPLIT_MIN_ZIPF:
                return Split(token[:cut], token[cut:], zipf(lower[:cut]))
    return None


#: Shortest unknown token split on the document's evidence alone (:func:`_attested_split`).
ATTESTED_MIN_LEN = 7


def _attested_split(token: str, usage: _Usage) -> Split | None:
    """A token the word list does not know, made of a frequent function word and a word the
    document writes elsewhere on its own: "dereconfinement" beside "le reconfinement",
    "Cornetsur" beside "Cornet". Never a word typed without its accents ("detenir")."""
    if len(token) < ATTESTED_MIN_LEN or zipf(token) > 0.0 or token in data.protected_tokens():
        return None
    lower = token.lower()
    if token[0].isupper():
        if not token[1:].islower():
            return None
    else:
        if not token.islower() or _accentless(lower):
            return None
        for i in (2, 3):
            left, right = lower[:i], token[i:]
            if (
                left in data.function_words()
                and zipf(left) >= GLUED_FUNCTION_WORD_MIN_ZIPF
                and len(right) >= AFTER_FUNCTION_WORD_MIN_LEN
                and usage.attests(right, token, "right")
            ):
                return Split(token[:i], right, zipf(left))
    for word in _AFTER_NAME:
        cut = len(token) - len(word)
        if lower.endswith(word) and cut >= 4 and usage.attests(token[:cut], token, "left"):
            return Split(token[:cut], token[cut:], zipf(word))
    return None


#: A hyphenated compound: its parts are candidates only in :func:`_compound_edits`.
_COMPOUND = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")


def _compound_edits(text: str) -> list[int]:
    """Insert points inside hyphenated compounds: "enlibre-service", "mi-aoûtque",
    "longune-deux". The compound must be unknown to the word list, and the glued part unknown
    too and split at a function word ("en", "que", "une"), so that names and loanwords written
    with a hyphen ("Sok-yong", "check-list") stay as written."""
    out: list[int] = []
    for m in _COMPOUND.finditer(text):
        if not _token_ok(text, *m.span()) or zipf(m.group()) > 0.0:
            continue
        pos = m.start()
        for part in m.group().split("-"):
            if len(part) >= RUN_TOGETHER_MIN_LEN and part.islower() and zipf(part) == 0.0:
                split = best_split(part)
                if split is not None and (
                    split.left in data.function_words() or split.right in data.function_words()
                ):
                    out.append(pos + len(split.left))
            pos += len(part) + 1
    return out


def _token_ok(text: str, start: int, end: int) -> bool:
    """The letters ``text[start:end]`` form a whole token (see ``_NOT_BEFORE``/``_NOT_AFTER``)."""
    if start > 0:
        c = text[start - 1]
        if c.isalnum() or c in _NOT_BEFORE:
            return False
    if end < len(text):
        c = text[end]
        if c.isalnum() or c in _NOT_AFTER:
            return False
        if c == "." and end + 1 < len(text) and text[end + 1].isalnum():
            return False
    return True


def _run_together_edits(text: str, usage: _Usage | None = None) -> list[Edit]:
    inserts: list[int] = []
    for m in _LETTERS.finditer(text):
        tok = m.group()
        if (tok[0].isupper() and not tok[1:].islower()) or not _token_ok(text, *m.span()):
            continue
        split = best_split(tok)
        if split is None and usage is not None:
            split = _attested_split(tok, usage)
        if split is not None:
            inserts.append(m.start() + len(split.left))
    if "-" in text:
        inserts += _compound_edits(text)
    for m in _LOWER_UPPER.finditer(text):
        # "àJean-Paul": a function word glued to a name. The whole token must be unknown and not
        # a brand written that way ("iPhone", "eBay" are protected).
        cut = m.start() + 1
        start = cut
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        end = cut
        while end < len(text) and text[end].isalpha():
            end += 1
        left, word = text[start:cut], text[start:end]
        if (
            left in data.word_set("clean_glued_before_name.txt")
            and (start == 0 or not (text[start - 1].isalnum() or text[start - 1] in _NOT_AFTER))
            and text[cut + 1 : end].islower()
            and word not in data.protected_tokens()
            and zipf(word) == 0.0
        ):
            inserts.append(cut)
    if not inserts:
        return []
    prot = protected(text)
    return [
        Edit(pos, pos, " ", "CL-RUN-TOGETHER")
        for pos in inserts
        if not prot.overlaps(pos - 1, pos + 1)
    ]


def step_run_together(blocks: tuple[Block, ...], settings: Settings) -> StepOutput:
    usage = _Usage(blocks)
    return run_plans(blocks, [Keep(_run_together_edits(b.text, usage)) for b in blocks])
