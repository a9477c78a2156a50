"""The editor's brief: an instruction line at the top of the input, taken out of the article.

A line counts as a brief only when it *instructs* and makes a demand only a brief makes
(:func:`_is_brief`), so a real first line ("Les 700 mots qui ont changé la France") is never
eaten. The cues (``imp``, ``inf``, ``wc_min``, ``deictic``…): docs/brief.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from plume.document import Brief
from plume.lang.fr import read_list
from plume.text import strip_accents

#: A brief is one instruction line; a first line longer than this is a paragraph (room for
#: detailed briefs: see docs/calibration.md).
MAX_BRIEF_WORDS = 80
#: A verbless brief is a list of demands ("Au moins 800 mots, en français, avec des
#: intertitres": 9 words); a longer verbless line ending with a full stop is prose.
NO_VERB_MAX_WORDS = 20
#: A keyphrase is a few words (Yoast advises at most 4 content words); more means we
#: probably captured a sentence, not a keyphrase.
MAX_KEYPHRASE_WORDS = 6

_FLAGS = re.IGNORECASE

_POLITE = re.compile(
    r"^(?:please|kindly|merci\s+de|merci\s+d['’]|veuillez|pourrais-tu|pourriez-vous|"
    r"peux-tu|pouvez-vous|tu\s+dois|vous\s+devez|il\s+faut|je\s+veux\s+que\s+tu|"
    r"i\s+want\s+you\s+to|i\s+need\s+you\s+to|can\s+you|could\s+you)\s*",
    _FLAGS,
)
#: "Consigne : …", "Brief: …" — a label that announces an instruction.
_LABEL = re.compile(
    r"^\W*(?:consignes?|brief|instructions?|prompt|task|tâche|commande)\s*[:：–-]\s*", _FLAGS
)
#: Clause boundaries for finding clause-initial imperatives: punctuation, or "and/et/then".
_CLAUSE = re.compile(r"[,;!?:]\s*|\.\s+|\s+(?:and|et|then|puis|ensuite)\s+", _FLAGS)
_TOKEN = re.compile(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*")

_NUM = r"\d{1,3}(?:[ \u00a0\u202f.,’']\d{3})+(?!\d)|\d+"
_WORDS = r"(?:words?|mots?)\b"
_WORD_COUNT = re.compile(
    rf"(?<![\w.,])(?P<n>{_NUM})(?P<k>\s?k)?\s*(?P<plus>\+)?\s*(?:de\s+)?{_WORDS}", _FLAGS
)
_RANGE_BEFORE = re.compile(
    rf"(?:entre|between|from|de)?\s*(?P<lo>{_NUM})\s*(?:-|–|à|to|and|et)\s*$", _FLAGS
)
_MIN_BEFORE = re.compile(
    r"(?:at\s+least|a\s+minimum\s+of|minimum(?:\s+of)?|min\.?|no\s+(?:less|fewer)\s+than|"
    r"not\s+(?:less|fewer)\s+than|more\s+than|over|au\s+moins|au\s+minimum|"
    r"un\s+minimum\s+de|minimum\s+de|pas\s+moins\s+de|plus\s+de)\s*$",
    _FLAGS,
)
_MAX_BEFORE = re.compile(
    r"(?:at\s+most|maximum(?:\s+of)?|max\.?|no\s+more\s+than|not\s+more\s+than|less\s+than|"
    r"fewer\s+than|under|au\s+plus|au\s+maximum|maximum\s+de|pas\s+plus\s+de|moins\s+de|"
    r"jusqu['’]à|up\s+to)\s*$",
    _FLAGS,
)
_MIN_AFTER = re.compile(
    r"^\s*(?:minimum|min\b\.?|at\s+least|au\s+moins|au\s+minimum|ou\s+plus|or\s+more|"
    r"et\s+plus)",
    _FLAGS,
)
_MAX_AFTER = re.compile(
    r"^\s*(?:maximum|max\b\.?|au\s+plus|at\s+most|or\s+less|ou\s+moins)", _FLAGS
)
_DEICTIC = re.compile(
    r"\b(?:this|the|that|my|our)\s+(?:article|text|post|piece|content|blog\s*post|draft)\b|"
    r"(?:\b(?:cet|ce|le|mon|notre)\s+|\bl['’])(?:article|texte|billet|contenu|papier|brouillon)\b|"
    r"\b(?:ci-dessous|ci-après|suivant|below|following)\b",
    _FLAGS,
)
_LANGUAGES: dict[str, str] = {
    "french": "fr",
    "français": "fr",
    "francais": "fr",
    "english": "en",
    "anglais": "en",
    "spanish": "es",
    "espagnol": "es",
    "german": "de",
    "allemand": "de",
    "italian": "it",
    "italien": "it",
}
_LANG_NAMES = "|".join(_LANGUAGES)
_LANG = re.compile(
    rf"\b(?:in|into|be|en|langue|language)\s*[:=]?\s*(?P<name>{_LANG_NAMES})\b", _FLAGS
)
_SUB = re.compile(
    r"\b(?:sub-?\s?headings?|sub-?\s?titles?|subheads?|headings?|headers?|inter-?titres?|"
    r"sous-?titres?|h[2-6]s?|(?:des|de|avec|en)\s+titres|sections?\s+titrées?)\b",
    _FLAGS,
)
_NEGATION_BEFORE = re.compile(
    r"\b(?:no|without|sans|pas\s+de|pas\s+d['’]|aucun|aucune|ni)\s+(?:\w+\s+){0,2}$", _FLAGS
)
_SEO = re.compile(r"\b(?:seo|référencement|search\s+engines?|yoast)\b", _FLAGS)

_KP_LABEL = (
    r"(?:focus\s+)?(?:key\s*-?\s*phrase|key\s*-?\s*word|mot[-\s]?cl[ée]s?|mots[-\s]cl[ée]s|"
    r"expressions?[-\s]cl[ée]s?|requ[êe]te)"
    r"(?:\s+(?:principale?|cible|visée?|focus|target|principal))?"
)
_KEYPHRASE = re.compile(
    rf"(?:^|[,;.(]\s*|\b(?:avec|with|using|sur|on|use|utilise|utilisez)\s+(?:(?:le|la|the)\s+)?)"
    rf"(?P<label>{_KP_LABEL})\s*(?:[:=：]\s*|(?=[«\"“]))"
    r"(?P<kp>«[^»]+»|\"[^\"]+\"|“[^”]+”|[^,;.\n|()]+)",
    _FLAGS,
)
#: A keyphrase value stops before "and at least 800 words", "et des intertitres"…
_KP_TAIL = re.compile(
    r"\s+(?:and|et|with|avec)\s+(?=(?:at\s+least|au\s+moins|\d|sub|inter|sous|des\s|in\s|en\s))",
    _FLAGS,
)
#: Plural labels ("Mots-clés : …") title articles about keywords; only singular ones stand alone.
_KP_SINGULAR = re.compile(r"(?:mots|expressions|keywords|keyphrases)\b", _FLAGS)


@dataclass(frozen=True, slots=True)
class _Cues:
    imp: bool
    inf: bool
    wc_min: bool
    wc: bool
    deictic: bool
    lang: bool
    sub: bool
    seo: bool
    kp_alone: bool


def _load(name: str) -> frozenset[str]:
    words = {w.lower() for w in read_list(name)}
    # Briefs are typed fast: accept "redige" for "rédige". Only for tokens written without any
    # accent, so "Créé en 1990, …" (a past participle) never matches "crée".
    return frozenset(words | {strip_accents(w) for w in words})


@cache
def _imperatives() -> frozenset[str]:
    return _load("brief_imperatives.txt")


@cache
def _infinitives() -> frozenset[str]:
    return _load("brief_infinitives.txt")


def _clause_verbs(line: str) -> tuple[bool, bool]:
    """(imperative, infinitive) found at the start of some clause of ``line``."""
    imperatives, infinitives = _imperatives(), _infinitives()
    imp = inf = False
    for clause in _CLAUSE.split(line):
        clause = clause.strip(" \t\"'«»“”()[]-–—*•")
        polite = _POLITE.match(clause)
        if polite:
            clause = clause[polite.end() :]
        token = _TOKEN.match(clause)
        if not token:
            continue
        word = token.group(0).lower()
        if word in imperatives or (polite and word in infinitives):
            imp = True
        elif word in infinitives:
            inf = True
    return imp, inf


def _parse_number(raw: str, k: str | None) -> int:
    value = int(re.sub(r"\D", "", raw))
    return value * 1000 if k else value


def _min_words(line: str) -> tuple[int | None, bool]:
    """(minimum word count, whether it was explicitly a minimum or a range)."""
    bare: int | None = None
    for m in _WORD_COUNT.finditer(line):
        before = line[: m.start()]
        rng = _RANGE_BEFORE.search(before)
        if rng:
            return _parse_number(rng.group("lo"), m.group("k")), True
        after = line[m.end() :]
        if _MAX_BEFORE.search(before) or _MAX_AFTER.match(after):
            continue  # a ceiling ("au plus 800 mots", "800 mots maximum") is not a minimum
        n = _parse_number(m.group("n"), m.group("k"))
        if m.group("plus") or _MIN_BEFORE.search(before) or _MIN_AFTER.match(after):
            return n, True
        if bare is None:
            bare = n
    return bare, False


def _keyphrase(line: str) -> tuple[str | None, bool]:
    """(keyphrase, whether the line *starts* with a singular keyphrase label)."""
    m = _KEYPHRASE.search(line)
    if not m:
        return None, False
    value = _KP_TAIL.split(m.group("kp"), maxsplit=1)[0]
    value = value.strip().strip("«»\"“”'’ \u00a0\u202f").strip()
    if not value or len(value.split()) > MAX_KEYPHRASE_WORDS:
        return None, False
    at_start = m.start() == 0 and not _KP_SINGULAR.match(m.group("label"))
    return value, at_start


def _cues(line: str) -> _Cues:
    imp, inf = _clause_verbs(line)
    n, explicit = _min_words(line)
    _, kp_alone = _keyphrase(line)
    return _Cues(
        imp=imp,
        inf=inf,
        wc_min=explicit,
        wc=n is not None,
        deictic=bool(_DEICTIC.search(line)),
        lang=bool(_LANG.search(line)),
        sub=_subheadings(line) is not None,
        seo=bool(_SEO.search(line)),
        kp_alone=kp_alone,
    )


def _is_brief(c: _Cues, labelled: bool, sentence: bool) -> bool:
    if c.kp_alone:
        return True  # "mot-clé : voiture électrique"
    others = sum((c.wc, c.deictic, c.lang, c.sub, c.seo))
    if labelled:
        return others >= 1  # "Consigne : 800 mots"
    if c.imp:
        # "Rédige 800 mots…", "Make this article seo compatible", "Écris en français avec des
        # intertitres". An imperative with only SEO or only subheadings is a how-to title
        # ("Optimisez vos articles pour le SEO").
        return c.wc or (c.deictic and others >= 2) or (c.lang and (c.sub or c.seo))
    if c.inf:
        # "Rédiger cet article en français", "Rédiger au moins 800 mots avec des intertitres";
        # not "Écrire en français au XVIIe siècle" nor "Écrire 700 mots par jour".
        return (c.deictic or c.wc_min) and others >= 2
    # No verb: "Au moins 800 mots, en français, avec des intertitres" — three demands, and
    # not a prose sentence ("Le référencement en français demande au moins 1 000 mots et…").
    return c.wc_min and others >= 3 and not sentence


def _subheadings(line: str) -> bool | None:
    m = _SUB.search(line)
    if not m:
        return None
    return not _NEGATION_BEFORE.search(line[: m.start()])


def parse_brief(line: str) -> Brief | None:
    """Parse one line as an editor's brief; ``None`` when it is not one."""
    raw = line.strip()
    if not raw or raw.endswith("?") or len(raw.split()) > MAX_BRIEF_WORDS:
        return None
    label = _LABEL.match(raw)
    body = raw[label.end() :] if label else raw
    cues = _cues(body)
    sentence = body.endswith(".") or len(body.split()) > NO_VERB_MAX_WORDS
    if not _is_brief(cues, labelled=label is not None, sentence=sentence):
        return None
    lang = _LANG.search(body)
    min_words, _ = _min_words(body)
    keyphrase, _ = _keyphrase(body)
    return Brief(
        raw=raw,
        language=_LANGUAGES[lang.group("name").lower()] if lang else None,
        min_words=min_words,
        subheadings=_subheadings(body),
        keyphrase=keyphrase,
        seo=True if cues.seo else None,
    )


def split_brief(text: str) -> tuple[Brief | None, str]:
    """Take a brief off the first non-empty line of ``text``: ``(brief, rest)``.

    Without a brief, ``text`` comes back unchanged.
    """
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    first = text[start:] if end < 0 else text[start:end]
    brief = parse_brief(first)
    if brief is None:
        return None, text
    return brief, "" if end < 0 else text[end + 1 :]
