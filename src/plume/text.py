"""French text layer: words, sentences and syllables, with absolute character offsets.

Regular expressions plus the plain data of :mod:`plume.lang.fr` (no spaCy: its French tokenizer
alone costs ~3 s to build). Decisions — elisions split only after a listed prefix (``l’``,
``lorsqu’``; ``aujourd’hui`` stays whole), hyphenated compounds and numbers with their digit groups
are one token, and words are counted as Yoast counts them but with ``1 000`` as one word and a lone
symbol as none — are documented on each function; the word-count comparison with Yoast is in
``docs/calibration.md``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from plume.lang.fr import fold, load_french

__all__ = [
    "Sentence",
    "Word",
    "balanced_breaks",
    "count_words",
    "french_spacing",
    "orphan_quotes",
    "quotations",
    "quotations_intact",
    "quotes_balanced",
    "sentences",
    "slugify",
    "strip_accents",
    "syllables",
    "words",
]

#: Apostrophes accepted in elisions: typographic ’ (U+2019), ASCII ', modifier letter ʼ (U+02BC).
APOSTROPHES = "’'ʼ"
#: Hyphens joining compounds: ASCII hyphen-minus, hyphen (U+2010), non-breaking hyphen (U+2011).
HYPHENS = "-\u2010\u2011"
#: Spaces allowed between digit groups ("1 000") and before "%": space, no-break space, narrow
#: no-break space (the French typographic standard, Imprimerie nationale), thin space.
_NUM_SPACES = " \u00a0\u202f\u2009"

_A = f"[{APOSTROPHES}]"
_H = f"[{HYPHENS}]"
_NS = f"[{_NUM_SPACES}]"

# Top-level domains recognised in bare domains ("lemonde.fr", "X.com"). The domain must end with
# one of them in lower case, so a glued sentence such as "interrogations.Greg" is never taken for
# a domain.
_TLDS = "com|fr|org|net|io|ai|eu|be|ch|ca|info|gouv|co|uk|de|es|it|app|dev|tv|news|ly|me|qc"


@dataclass(frozen=True, slots=True)
class Word:
    """One token: ``text`` as written, ``[start, end)`` absolute offsets."""

    text: str
    start: int
    end: int

    @property
    def norm(self) -> str:
        """Matching form: lower case, typographic apostrophes folded to ASCII ``'``."""
        return self.text.lower().replace("’", "'").replace("ʼ", "'")

    @property
    def is_elision(self) -> bool:
        """An elided word split off its host: ``l’``, ``qu'``, ``jusqu’``."""
        return self.text[-1] in APOSTROPHES

    @property
    def is_number(self) -> bool:
        """A number token: ``12``, ``3,5``, ``1 000``, ``12 %``."""
        return self.text[0].isdecimal() and _NUMBER_FULL.fullmatch(self.text) is not None

    @property
    def is_url(self) -> bool:
        """A URL, a bare domain or an e-mail address."""
        return (
            "://" in self.text or "@" in self.text or _DOMAIN_FULL.fullmatch(self.text) is not None
        )

    @property
    def is_capitalised(self) -> bool:
        """Starts with an upper-case letter (``Paris``, ``OpenAI``, ``L’``)."""
        return self.text[0].isupper()


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its text (stripped), absolute ``[start, end)``, and its tokens."""

    text: str
    start: int
    end: int
    words: tuple[Word, ...]


# --------------------------------------------------------------------------------------------
# Tokeniser
# --------------------------------------------------------------------------------------------

_NUMBER = (
    # Grouped thousands "1 000", "12 000 000,5": groups of exactly three digits.
    rf"\d{{1,3}}(?:{_NS}\d{{3}})+(?:[.,]\d+)?(?:{_NS}?%)?(?!\w|{_H}\w)"
    # Plain "12", "3,5", "3.5", "12%", "12 %".
    rf"|\d+(?:[.,]\d+)*(?:{_NS}?%)?(?!\w|{_H}\w)"
)
_NUMBER_FULL = re.compile(_NUMBER)
_DOMAIN = rf"[A-Za-z0-9](?:[\w-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[\w-]*[A-Za-z0-9])?)*\.(?:{_TLDS})(?![\w.]*\w)"
_DOMAIN_FULL = re.compile(_DOMAIN)
_URL = r"(?:https?://|www\.)[^\s<>«»\"]*[^\s<>«»\".,;:!?)\]’']"
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"


@cache
def _token_re(urls: bool = True, emails: bool = True, domains: bool = True) -> re.Pattern[str]:
    """The token regex. The URL, e-mail and domain branches are costly (each is tried at every
    word start), so :func:`words` drops those a text cannot contain (cheap substring tests).
    Elisions are split afterwards, in :func:`_split_elisions`, only for the few tokens that
    contain an apostrophe."""
    branches = [
        rf"(?P<url>{_URL})" if urls else "",
        rf"(?P<email>{_EMAIL})" if emails else "",
        rf"(?P<num>{_NUMBER})",
        rf"(?P<dom>(?<![\w.@]){_DOMAIN})" if domains else "",
        # A word, with its hyphens and apostrophes, and a final apostrophe when one follows
        # (an elided word before a quote or a space: "l’« IA »", "jusqu’ à").
        rf"(?P<word>\w+(?:(?:{_H}|{_A})\w+)*{_A}?)",
    ]
    return re.compile("|".join(b for b in branches if b))


_HAS_DOMAIN = re.compile(rf"[A-Za-z0-9]\.(?:{_TLDS})(?!\w)")


@cache
def _elision_data() -> tuple[frozenset[str], frozenset[str]]:
    """(folded elision prefixes without apostrophe, folded exception words)."""
    fr = load_french()
    return frozenset(fold(p) for p in fr.elision_prefixes), frozenset(
        fold(e) for e in fr.elision_exceptions
    )


def _split_elisions(tok: str, start: int, out: list[Word]) -> None:
    """Append the tokens of ``tok`` (a word containing an apostrophe) to ``out``: elided words
    split off ("l’OpenAI", "qu’aujourd’hui" → "qu’" + "aujourd’hui"), the rest whole."""
    prefixes, exceptions = _elision_data()
    while True:
        i = next(k for k, c in enumerate(tok) if c in APOSTROPHES)
        if tok[:i].lower() not in prefixes or fold(tok) in exceptions:
            break
        out.append(Word(tok[: i + 1], start, start + i + 1))
        tok, start = tok[i + 1 :], start + i + 1
        if not tok or not any(c in APOSTROPHES for c in tok):
            break
    if tok and tok[-1] in APOSTROPHES:
        tok = tok[:-1]  # a closing quote after a word ("students’"), not an elision
    if tok:  # a lone "ʼ" (a letter for \w, U+02BC) is no word: found by the fuzz test
        out.append(Word(tok, start, start + len(tok)))


@lru_cache(maxsize=256)
def _words(text: str, offset: int) -> tuple[Word, ...]:
    # Cached: researches tokenise each paragraph for its words and again for its sentences.
    pattern = _token_re(
        "://" in text or "www." in text,
        "@" in text,
        _HAS_DOMAIN.search(text) is not None,
    )
    out: list[Word] = []
    for m in pattern.finditer(text):
        tok = m.group()
        start = m.start() + offset
        if m.lastgroup == "word" and ("’" in tok or "'" in tok or "ʼ" in tok):
            _split_elisions(tok, start, out)
        else:
            out.append(Word(tok, start, start + len(tok)))
    return tuple(out)


def words(text: str, offset: int = 0) -> list[Word]:
    """Tokens of ``text``, offsets shifted by ``offset``.

    Elided words are separate tokens with either apostrophe (``l’OpenAI`` → ``l’`` + ``OpenAI``),
    split only when the part before the apostrophe is a listed elision prefix, so ``aujourd’hui``,
    ``prud’homme``, ``O’Neill`` stay whole (``presqu’île``, ``quelqu’un``: listed exceptions);
    ``c’est-à-dire`` is ``c’`` + ``est-à-dire``. Hyphenated compounds are one token (``peut-être``,
    ``GPT-4``, ``a-t-il``); so are numbers with their digit groups, decimals and percent sign
    (``3,5``, ``1 000``, ``12 %``), URLs, bare domains and e-mail addresses. Punctuation and symbols
    are not tokens."""
    return list(_words(text, offset))


# Pieces as Yoast splits them (white space), except that digit groups separated by a space stay
# together ("1 000"); a piece is a word when it contains a letter or a digit.
# The second branch matches exactly the white-space pieces that hold a letter or digit: the lazy
# prefix reaches the piece's first alphanumeric character (a piece without one never matches), so
# counting is one C-level ``findall`` instead of a Python loop over pieces (a hot path: every
# sentence and paragraph is counted).
_COUNT_RE = re.compile(rf"\d{{1,3}}(?:{_NS}\d{{3}})+(?!\d)\S*|\S*?[^\W_]\S*")


def count_words(text: str) -> int:
    """Words as Yoast and editors count them: white-space pieces holding a letter or digit, a
    number with space-separated digit groups (``1 000``) being one (docs/calibration.md)."""
    return len(_COUNT_RE.findall(text))


# --------------------------------------------------------------------------------------------
# Sentence splitter
# --------------------------------------------------------------------------------------------

# A candidate end: a run of terminators, closing quotes/brackets (French puts a no-break space
# before »), then white space or the end of the line.
_END_RE = re.compile(
    rf"(?P<term>[.!?…]+)(?P<close>(?:{_NS}?[»”\"’')\]])*)(?=\s|$)"
    # A glued sentence, a common scraping artefact ("interrogations.Greg"): two lower-case
    # letters, a terminator, then a capitalised word.
    r"|(?<=[^\W\d_A-ZÀ-Ý]{2})(?P<glued>[.!?])(?=[A-ZÀ-ÝŒ][a-zà-ÿœ])"
)
# What may come before the first letter of a sentence: opening quotes, brackets, dashes.
_OPENERS = "«“\"‘'([—–-¿¡ \u00a0\u202f"
_NEXT_WORD_RE = re.compile(rf"[{re.escape(_OPENERS)}]*(\w+)")
_LINE_RE = re.compile(r"[^\n]+")
# A single capital letter and its dot: an initial ("F. Hollande").
_INITIAL_END = re.compile(r"(?<![\w.])[A-ZÀ-Ý]\.\Z")


@cache
def _abbreviations() -> tuple[dict[str, str], frozenset[str]]:
    """(compact spelling → abbreviation, abbreviations before names). The compact spelling has
    no spaces, so "p.ex." finds "p. ex."; a lower-case entry is also reachable capitalised
    ("Cf." → "cf.", "Etc." → "etc."), never the reverse ("m." is not "M.")."""
    fr = load_french()
    compact: dict[str, str] = {}
    for a in fr.abbreviations:
        key = a.replace(" ", "")
        compact[key] = a
        if a == a.lower() and a[0].isalpha():
            compact.setdefault(key[0].upper() + key[1:], a)
    return compact, frozenset(fr.abbreviations_before_names)


_LEADING_PUNCT = "([{«“\"‘'—–-"


def _abbreviation_ending_at(line: str, dot: int) -> str | None:
    """The abbreviation whose final dot is ``line[dot]``, if any (looks at the last one or two
    space-separated chunks: abbreviations have at most one inner space, "av. J.-C.")."""
    compact, _ = _abbreviations()
    chunks = line[max(0, dot - 24) : dot + 1].split()
    for k in (2, 1):
        if len(chunks) >= k:
            found = compact.get("".join(chunks[-k:]).lstrip(_LEADING_PUNCT))
            if found is not None:
                return found
    return None


@cache
def _capitalised_sentence_openers() -> frozenset[str]:
    """Folded words that, capitalised after "X.", show that a new sentence starts ("Elle",
    "Mais", "Cependant"): function words and single-word transition words."""
    fr = load_french()
    singles = {fold(t) for t in fr.transition_words if " " not in t and t[-1] not in APOSTROPHES}
    return frozenset(fr.function_words | singles)


def _is_split(line: str, m: re.Match[str]) -> bool:
    """Whether the terminator matched by ``m`` ends a sentence."""
    if m.group("glued"):
        # Not inside a URL, a domain or an address ("exemple.fr/Page", "prenom.Nom@…").
        chunk_start = max(line.rfind(" ", 0, m.start()), line.rfind("\n", 0, m.start())) + 1
        chunk = line[chunk_start : m.end() + 40].split(" ", 1)[0]
        return not ("://" in chunk or "@" in chunk or chunk.startswith("www."))
    term = m.group("term")
    nxt = _NEXT_WORD_RE.match(line, m.end())
    if nxt is None:
        # End of the line, or only symbols follow.
        return True
    next_word = nxt.group(1)
    next_lower = next_word[0].islower()
    if "?" in term or "!" in term:
        # « Tu viens ? » demanda-t-il. / Qui sait ? peut-être demain. — in French a question or
        # exclamation mark followed by a lower-case word (an incise, a continued sentence) does
        # not end the sentence.
        return not next_lower
    if term != ".":
        # Ellipsis ("…", "...", ".."): ends the sentence only before a capital or a digit.
        return not next_lower
    abbr = _abbreviation_ending_at(line, m.start())
    if abbr is not None:
        if abbr in _abbreviations()[1]:
            return False  # "M. Dupont", "av. J.-C.", "p. 12"
        # "… des poires, etc. Ensuite" ends; "etc. et", "env. 300" continue.
        return next_word[0].isupper()
    prev = _INITIAL_END.search(line, max(0, m.start() - 2), m.start() + 1)
    if prev is not None:
        # An initial ("J. R. R. Tolkien", "F. Hollande", "Emmanuel M. a été condamné"), unless
        # the next word is one that opens sentences ("la vitamine C. Elle …").
        return next_word[0].isupper() and fold(next_word) in _capitalised_sentence_openers()
    # A full stop ends the sentence, even before a lower-case word: the typography check
    # (TY-LOWERCASE-START) reports that start.
    return True


def _sentence_spans(line: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in _END_RE.finditer(line):
        if _is_split(line, m):
            yield start, m.end()
            start = m.end()
    yield start, len(line)


def sentences(text: str, offset: int = 0) -> list[Sentence]:
    """Sentences of one paragraph (see :func:`_sentences`)."""
    return list(_sentences(text, offset))


# Cached: the research splits every paragraph once, and the keyphrase matcher, the typography
# checks and the passive detector ask for the same (text, offset) again.
@lru_cache(maxsize=256)
def _sentences(text: str, offset: int) -> tuple[Sentence, ...]:
    """Sentences of one paragraph (``text``), offsets shifted by ``offset``.

    Rules (French): a line break ends a sentence (headings, list items and paragraphs are
    separate blocks: the caller passes one block). ``.`` ends a sentence unless it closes an
    abbreviation (``abbreviations.txt``: ``M. Dupont``, ``p. ex. le``, ``av. J.-C.``; after
    ``etc.`` and the like only a capitalised word starts a new sentence) or an initial
    (``J. R. R. Tolkien``, ``F. Hollande``); decimals (``3.5``) and URLs never split. A full stop
    followed by a lower-case word still splits (TY-LOWERCASE-START reports it). ``?``, ``!`` and
    ``…`` followed by a lower-case word do not split (« Tu viens ? » demanda-t-il). Closing
    quotes and brackets stay with the sentence they close. Glued sentences
    (``interrogations.Greg``) are split. Sentences without any word are dropped.

    Compared with yoastseo's sentence tokenizer: Yoast uses its English abbreviation list for
    every language (so "M. Dupont" and "Mme. Durand" end a sentence there), and it never splits
    before a lower-case start ("fin. début" is one sentence for Yoast, two here, on purpose).
    """
    toks = _words(text, offset)
    out: list[Sentence] = []
    ti = 0
    n = len(toks)
    for lm in _LINE_RE.finditer(text):
        line = lm.group()
        for s, e in _sentence_spans(line):
            chunk = line[s:e]
            stripped = chunk.strip()
            if not stripped:
                continue
            lead = len(chunk) - len(chunk.lstrip())
            a = lm.start() + s + lead + offset
            b = a + len(stripped)
            while ti < n and toks[ti].start < a:
                ti += 1
            tj = ti
            while tj < n and toks[tj].end <= b:
                tj += 1
            if tj > ti:
                out.append(Sentence(stripped, a, b, tuple(toks[ti:tj])))
            ti = tj
    return tuple(out)


# --------------------------------------------------------------------------------------------
# Syllables
# --------------------------------------------------------------------------------------------

_VOWELS = "aeiouyàâäéèêëîïôöûüùÿæœ"
_V = f"[{_VOWELS}]"
_C = f"[^{_VOWELS}]"
_VOWEL_RUN = re.compile(f"{_V}+")

# +1 corrections: vowel letters that are adjacent in writing but pronounced as two syllables
# (hiatus). Each fragment is counted once per occurrence. Calibrated on the hand-labelled list
# tests/unit/analyse/data/syllables_fr.tsv; several fragments follow Yoast's French
# syllables.json (tréma, "coe", "[aeéuo]y + vowel", consonant + r/l + i/u/ou + vowel).
_HIATUS = re.compile(
    # Every branch starts by consuming a letter (no leading look-behind), so ``re`` can skip
    # positions quickly: this regex runs on every new word.
    "|".join(
        [
            "[aeioyàâäéèêîôöûùæœ][ëïüÿ]|(?<!o)u[ëïüÿ]",  # tréma: naïf, Noël, maïs (not ouï [wi])
            "é(?=[aàâéèêiîïoôuûy]|e(?![s]?$|nt$))",  # é + vowel: réunion, créer, réel, agréé
            "[ao][éèê]",  # a/o + é/è/ê: aéroport, poème, poète, Noé
            "a(?<![eé]a)o(?![uûn])",  # chaos, cacao, aorte (not paon, août, Saône)
            "o(?<![ou]o)a",  # koala, oasis, croate (not ouate)
            f"[aeéuo]y(?={_V})",  # payer, voyage, crayon, essuyer
            "pays|abbaye",  # pays, paysage, paysan, abbaye
        ]
    )
)
# Words starting with a hiatus: coopérer, coordonner, zoo; coexister, coefficient (not coeur).
_HIATUS_START = ("coop", "coor", "zoo")
# Consonant + r/l + i/u/ou before a vowel: the i/u is a full vowel, not a glide (cri-er, cli-ent,
# cru-el, bri-oche, ou-bli-er; but nuit, bruit, pluie stay one syllable). Yoast: same fragment.
_CLUSTER = re.compile(f"[bcdfgkptv][rl](?:ou|u|i)(?={_V})")
# Adverbs and nouns in -ement, -ément, -amment, -emment: the -ent is pronounced.
_ENT_NOUN_ADVERB = ("ement", "ément", "amment", "emment")
_GU = re.compile("gu(?=[eéèêiîy])")
_APOSTROPHE_RE = re.compile(f"[{APOSTROPHES}]")
_PART_SPLIT = re.compile(f"[{HYPHENS}.]")
_ALNUM_RUN = re.compile(r"[^\W_]+")
_THREE_CONSONANTS = re.compile(f"{_C}{{3}}")

# Spoken French number words, for numbers written in digits.
_UNITS = [
    "zéro",
    "un",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
    "dix-sept",
    "dix-huit",
    "dix-neuf",
]
# Written without its hyphen so that the e of "quatre", pronounced in this compound
# ([ka.tʁə.vɛ̃], 3 syllables), is not taken for a final mute e.
_QUATRE_VINGT = "quatrevingt"
_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def _french_below_100(n: int) -> str:
    if n < 20:
        return _UNITS[n]
    tens, unit = divmod(n, 10)
    if tens in (7, 9):  # soixante-dix…, quatre-vingt-dix…
        base = "soixante" if tens == 7 else _QUATRE_VINGT
        return f"{base}{' et ' if n == 71 else '-'}{_UNITS[10 + unit]}"
    base = _QUATRE_VINGT if tens == 8 else _TENS[tens]
    if unit == 0:
        return f"{_QUATRE_VINGT}s" if tens == 8 else base
    return f"{base}{' et ' if unit == 1 and tens != 8 else '-'}{_UNITS[unit]}"


def _french_below_1000(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    parts = []
    if hundreds:
        parts.append("cent" if hundreds == 1 else f"{_UNITS[hundreds]} cent")
    if rest or not hundreds:
        parts.append(_french_below_100(rest))
    return " ".join(parts)


def _french_number(n: int) -> str:
    """French words for ``0 <= n < 10**12`` (spelling only matters for the syllable count)."""
    if n < 1000:
        return _french_below_1000(n)
    parts = []
    for value, name in ((10**9, "milliard"), (10**6, "million"), (10**3, "mille")):
        q, n = divmod(n, value)
        if q:
            if name == "mille":
                parts.append("mille" if q == 1 else f"{_french_below_1000(q)} mille")
            else:
                parts.append(f"{_french_below_1000(q)} {name}")
    if n:
        parts.append(_french_below_1000(n))
    return " ".join(parts)


def _read_digits(digits: str) -> int:
    """Syllables of a run of digits read as a number (digit by digit when it has a leading zero
    or more than twelve digits: "007", serial numbers)."""
    if not digits.isdecimal():  # superscripts, circled digits…: isdigit() but not int()-able
        return len(digits)
    if len(digits) > 12 or (len(digits) > 1 and digits[0] == "0"):
        return sum(_read_digits(d) for d in digits)
    return sum(_word_syllables(w) for w in re.split(r"[ -]", _french_number(int(digits))))


def _number_syllables(token: str) -> int:
    """Syllables of a number read aloud: ``2023`` → deux mille vingt-trois → 4,
    ``3,5`` → trois virgule cinq → 4, ``12 %`` → douze pour cent → 3."""
    total = 0
    s = token
    if s.endswith("%"):
        total += 2  # "pour cent"
        s = s[:-1]
    parts = re.split(r"[.,]", re.sub(_NS, "", s))
    # "virgule" (2) for a decimal separator; "point" (1) between the parts of "1.2.3".
    total += (2 if len(parts) == 2 else 1) * (len(parts) - 1)
    return total + sum(_read_digits(p) for p in parts if p)


# Letters of the alphabet that are not one syllable when spelled out: W "double vé", Y "i grec".
_SPELLED = {"w": 3, "y": 2}


def _spelled(letters: str) -> int:
    return sum(_SPELLED.get(c, 1) for c in letters.lower())


def _is_pronounceable_acronym(s: str) -> bool:
    """Acronyms read as a word (OTAN, UNESCO, COVID, INSEE) rather than spelled (SNCF, GPT)."""
    low = s.lower()
    return len(s) >= 4 and len(_VOWEL_RUN.findall(low)) >= 2 and not _THREE_CONSONANTS.search(low)


@lru_cache(maxsize=4096)
def _word_syllables(w: str, spoken: bool = True) -> int:
    """Syllables of one lower-case alphabetic French word (no hyphen, no apostrophe, no digit)."""
    # Silent u: qu → q (que, quand, politique); gu before e/i/y → g (guerre, langue, guide);
    # aiguë / aigüe: the tréma marks a pronounced u and a mute e.
    w = w.replace("guë", "gu").replace("güe", "gu")
    w = _GU.sub("g", w.replace("qu", "q"))
    runs = len(_VOWEL_RUN.findall(w))
    if runs == 0:
        return 0
    count = runs + len(_HIATUS.findall(w))
    if w.startswith(_HIATUS_START) or (w.startswith("coe") and w[3:4] not in ("", "u")):
        count += 1
    fr = load_french()
    ent_end = w.endswith("ent")
    ent_pronounced = ent_end and (w in fr.ent_non_verbs or w.endswith(_ENT_NOUN_ADVERB))
    for m in _CLUSTER.finditer(w):
        rest = w[m.end() :]
        if rest[0] == "i" or (
            rest[0] == "e" and (rest in ("e", "es") or (rest == "ent" and not ent_pronounced))
        ):
            continue  # bruit, pluie; crie, cries, crient: the i/u + mute e is one syllable
        count += 1
    if spoken:
        # The letter before the ending must be a consonant: "vie", "rue", "jouent" have no
        # extra syllable to remove (the e is already part of the vowel group).
        if (w[-1] == "e" and len(w) > 1 and w[-2] not in _VOWELS) or (
            w.endswith("es") and len(w) > 2 and w[-3] not in _VOWELS
        ):
            count -= 1  # table, monde, parles
        elif ent_end and not ent_pronounced and len(w) > 3 and w[-4] not in _VOWELS:
            count -= 1  # parlent, aiment (third-person plural verbs)
    return max(count, 1)


_CAMEL = re.compile(r"[A-ZÀ-Ý]+(?![a-zà-ÿ])|[A-ZÀ-Ý]?[a-zà-ÿœæ]+|\d+|[^\W\d_]+")


def _part_syllables(part: str, spoken: bool, in_compound: bool) -> int:
    """One hyphen-free, apostrophe-free piece: a word, a camel-case name, an acronym, digits."""
    total = 0
    for m in _CAMEL.finditer(part):
        piece = m.group()
        if piece.isdecimal():
            total += _number_syllables(piece)
        elif piece.isupper() and len(piece) > 1:
            low = piece.lower()
            whole = piece == part  # not a piece of a camel-case name (OpenAI: "AI" is spelled)
            if (whole and low in load_french().function_words) or _is_pronounceable_acronym(piece):
                total += _word_syllables(low, spoken)  # LE, DE (shouting), OTAN, UNESCO
            else:
                total += _spelled(piece)  # SNCF, GPT, IA
        else:
            low = piece.lower()
            n = _word_syllables(low, spoken)
            if n == 0 and not in_compound:
                n = _spelled(low)  # a lone consonant sequence: "M" (an initial), "km"
            total += n
    return total


@lru_cache(maxsize=65536)
def _syllables(token: str, spoken: bool) -> int:
    if not token or token[-1] in APOSTROPHES:
        return 0  # elided word: its vowel is not pronounced (l’, d’, qu’)
    if token[0].isdecimal() and _NUMBER_FULL.fullmatch(token):
        return _number_syllables(token)
    if "://" in token or "@" in token or "www." in token:
        # URLs and addresses: one syllable per alphanumeric run (rare in body text; a rough
        # figure is enough for a readability average).
        return len(_ALNUM_RUN.findall(token))
    parts = [p for p in _PART_SPLIT.split(_APOSTROPHE_RE.sub("", token)) if p]
    compound = len(parts) > 1
    return sum(_part_syllables(p, spoken, compound) for p in parts)


def syllables(word: str, *, spoken: bool = True) -> int:
    """Syllables of one token from :func:`words`, in spoken French.

    Convention (``spoken=True``, the default): syllables as pronounced in standard French, the
    convention of Yoast's French syllable counter behind its Flesch–Kandel & Moles score:
    a final mute e is not a syllable (``table`` 1, ``monde`` 1, ``tables`` 1), nor is the -ent
    of third-person plural verbs (``parlent`` 1, ``aiment`` 1); other -ent endings are
    (``moment`` 2, ``client`` 2, ``souvent`` 2: rules for -ement/-amment/-emment plus the list
    ``ent_non_verbs.txt``; homographs such as ``président`` take the noun reading). Inner
    mute e's are counted (``samedi`` 3), as in careful speech and dictionaries. Vowel digraphs and
    trigraphs are one vowel (ai, ei, au, eau, ou, oi, eu, œu, ui…); ``y`` is a vowel; a tréma
    splits (``naïf`` 2, ``Noël`` 2, ``maïs`` 2); i/u/ou before a vowel are glides (``nation`` 2,
    ``nuit`` 1) except after consonant + r/l (``crier`` 2).

    ``spoken=False`` counts written syllables instead (school syllabification: the final mute e
    and verb -ent are syllables: ``table`` 2, ``parlent`` 2).

    Special tokens: an elided word (``l’``) is 0; a number is read aloud (``2023`` → 4,
    ``3,5`` → 4, ``12 %`` → 3); acronyms are spelled (``SNCF`` 4, ``GPT`` 3) unless readable as
    a word (``OTAN`` 2, ``UNESCO`` 3); camel-case names are split (``OpenAI`` → open + A + I = 4);
    hyphenated compounds are summed (``peut-être`` 2, ``GPT-4`` 4, euphonic ``-t-`` 0); URLs
    count one per alphanumeric run. Results are cached per token.
    """
    return _syllables(word, spoken)


# Quotation marks

_QUOTE_PAIRS = {"«": "»", "“": "”"}
_CLOSERS = {v: k for k, v in _QUOTE_PAIRS.items()}


def orphan_quotes(text: str) -> list[int]:
    """Offsets of the quotation marks of ``text`` (« », “ ”) without their pair: a closing
    mark with no quotation open, an opening mark never closed. Straight quotes are left out:
    the same mark opens and closes, and inches or a stray one are common in real copy."""
    open_: list[tuple[str, int]] = []
    orphans: list[int] = []
    for i, ch in enumerate(text):
        if ch in _QUOTE_PAIRS:
            open_.append((ch, i))
        elif ch in _CLOSERS:
            if open_ and open_[-1][0] == _CLOSERS[ch]:
                open_.pop()
            else:
                orphans.append(i)
    return sorted(orphans + [i for _, i in open_])


def quotes_balanced(text: str) -> bool:
    """Whether every French or English curly quotation mark of ``text`` has its pair."""
    return not orphan_quotes(text)


_QUOTED = re.compile(r"«([^«»]*)»|“([^“”]*)”")


def _quoted_spans(text: str) -> list[str]:
    return [" ".join((a or b).split()) for a, b in _QUOTED.findall(text)]


def quotations_intact(shortened: str, original: str) -> bool:
    """Every quotation of ``shortened`` is one of ``original``'s, word for word: a shortening
    may drop a whole quotation, never words inside one (that would put words in a speaker's
    mouth)."""
    kept = _quoted_spans(original)
    return all(q in kept for q in _quoted_spans(shortened))


# --------------------------------------------------------------------------------------------
# Accents, slugs, message spacing: one helper per question, for every stage.

#: Letters NFKD leaves whole: ligatures spelt out ("œuvre" → "oeuvre", "Œuvre" → "Oeuvre") and
#: barred or slashed letters given their base ("Søren" → "Soren", "Łódź" → "Lodz").
_LIGATURES = str.maketrans(
    {
        "œ": "oe",
        "Œ": "Oe",
        "æ": "ae",
        "Æ": "Ae",
        "ß": "ss",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ı": "i",
    }
)


@lru_cache(maxsize=1 << 15)
def strip_accents(text: str) -> str:
    """``text`` without its diacritics and ligatures, case kept: "Œuvre d’été" → "Oeuvre d’ete".

    Cached: keyphrase matching and grounding fold the same few thousand words over and over."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def slugify(text: str) -> str:
    """URL slug: lower-case ASCII words joined by hyphens ("L’été à Noël" → "l-ete-a-noel")."""
    s = strip_accents(text.replace("’", " ").replace("'", " ")).lower()
    s = s.encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


_SPACING_RULES = (
    (re.compile(r" ([;!?»])(?=$|[\s).,»])"), "\u202f\\1"),
    (re.compile(r" :(?=$|\s)"), "\u00a0:"),
    (re.compile(r"« "), "«\u202f"),
    # After a digit, or after a "{placeholder}" of a template spaced before it is formatted.
    (re.compile(r"([\d}]) %"), "\\1\u202f%"),
)


def quotations(text: str) -> list[tuple[int, int]]:
    """The ``[start, end)`` spans of the outermost « … » pairs of ``text``, nested pairs inside
    them; an unmatched « or » opens or closes nothing."""
    opened: list[int] = []
    pairs: list[tuple[int, int]] = []
    for i, c in enumerate(text):
        if c == "«":
            opened.append(i)
        elif c == "»" and opened:
            pairs.append((opened.pop(), i + 1))
    outer: list[tuple[int, int]] = []
    for start, end in sorted(pairs):
        if not outer or start >= outer[-1][1]:
            outer.append((start, end))
    return outer


def _space_marks(text: str) -> str:
    for pattern, repl in _SPACING_RULES:
        text = pattern.sub(repl, text)
    return text


def _space_quotation(quoted: str) -> str:
    """« x » → «\u202fx\u202f»: only the spaces just inside the guillemets."""
    if quoted[1:2] == " ":
        quoted = "«\u202f" + quoted[2:]
    if len(quoted) > 2 and quoted[-2] == " ":
        quoted = quoted[:-2] + "\u202f»"
    return quoted


def french_spacing(text: str) -> str:
    """French typography for a message written with plain spaces: no-break space (U+00A0) before
    a colon, narrow no-break space (U+202F) before ; ! ? » and % (after a number or a template's
    ``{placeholder}``), and after « (Imprimerie nationale, *Lexique des règles typographiques*).

    A quotation, « … », is reproduced as written: only the spaces just inside its guillemets
    change, so the user's text a message quotes (a title, a sentence, a fact) is never respaced.
    Spaces already no-break are kept, so the function is idempotent."""
    out: list[str] = []
    last = 0
    for start, end in quotations(text):
        out.append(_space_marks(text[last:start]))
        out.append(_space_quotation(text[start:end]))
        last = end
    out.append(_space_marks(text[last:]))
    return "".join(out)


def balanced_breaks(word_counts: list[int], max_words: int) -> list[int]:
    """Where to cut a paragraph whose sentences have ``word_counts`` words into balanced pieces
    of at most ``max_words`` (Yoast's paragraph limit): the indices of the sentences that open a
    new piece. A sentence longer than the limit stays whole."""
    total = sum(word_counts)
    if total <= max_words:
        return []
    target = total / -(-total // max_words)
    breaks: list[int] = []
    size = 0
    for i, n in enumerate(word_counts):
        # Close the piece when adding this sentence would overshoot the balanced target more
        # than stopping here undershoots it, or would break the hard limit.
        if size and (size + n > max_words or abs(size + n - target) > abs(size - target)):
            breaks.append(i)
            size = 0
        size += n
    return breaks
