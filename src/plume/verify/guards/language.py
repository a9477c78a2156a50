"""The language guard: every field of the article in French, and the one place that decides
whether an article's *field* (a title, a heading, a paragraph, the slug) is French.

:func:`plume.analyse.language.detect_language` names a document's language; a field is judged
differently: short fields by a lexical vote (each word's frequency in French and in the other
languages lingua knows), longer ones by lingua with its confidence in French and the same vote as
a second opinion (lingua alone gives names-only headings to Spanish or English).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from plume.analyse.language import french_confidences
from plume.article import Article
from plume.lang.fr import fold, load_french
from plume.lang.fr.wordfreq import zipf_table
from plume.report import Msg
from plume.text import count_words
from plume.verification import GuardViolation
from plume.verify.facts.folding import strip_marks
from plume.verify.guards.fields import article_fields, cap, label, trim

__all__ = ["check_language", "language_of", "languages_of"]

#: Languages whose word frequencies vote against French for short texts: lingua's set
#: (plume.analyse.language.LANGUAGES) minus the non-Latin scripts, which lingua rules out alone.
_VOTE_LANGUAGES = ("en", "es", "de", "it", "pt", "nl")
_LANGUAGE_NAMES = {
    "en": Msg("anglais", "English"),
    "es": Msg("espagnol", "Spanish"),
    "de": Msg("allemand", "German"),
    "it": Msg("italien", "Italian"),
    "pt": Msg("portugais", "Portuguese"),
    "nl": Msg("néerlandais", "Dutch"),
    "ar": Msg("arabe", "Arabic"),
    "ru": Msg("russe", "Russian"),
    "zh": Msg("chinois", "Chinese"),
}
#: A word votes for a language when its Zipf frequency there is at least this much higher than
#: in French (1.6 ≈ 40 times more frequent), and at least ``_VOTE_MIN_ZIPF`` (once per million
#: words): "the", "board" vote against French, "news" or "match" do not (calibrated on the 22
#: real texts: docs/calibration.md, « Vérification »).
_VOTE_MARGIN = 1.6
_VOTE_MIN_ZIPF = 3.0
#: Texts of fewer than this many words are judged by the lexical vote alone: lingua needs five
#: words to be reliable (plume.analyse.language.MIN_WORDS); below that a French heading such as
#: "Effectifs" or "Match en direct" is a coin toss for it.
_LINGUA_MIN_WORDS = 5
#: From five words, a text lingua does not give to French is still French when lingua's own
#: confidence in French is at least ``_FRENCH_CONFIDENCE``, or when at least ``_FRENCH_SHARE``
#: of its voting words are French and none is foreign: lingua gives names-only headings to
#: other languages (calibrated on the 22 real texts: docs/calibration.md, « Vérification »).
_FRENCH_CONFIDENCE = 0.25
_FRENCH_SHARE = 0.5


def _zipf_table(lang: str) -> dict[str, float]:
    """Zipf frequencies of wordfreq's list for ``lang`` (French: the large list, others: the
    small one, which holds every word of Zipf ≥ 3, all the vote needs)."""
    return zipf_table(f"{'large' if lang == 'fr' else 'small'}_{lang}")


def _zipf(word: str, lang: str) -> float:
    return _zipf_table(lang).get(word, 0.0)


@cache
def _fr_unaccented() -> dict[str, float]:
    """French Zipf frequencies keyed by the word without accents (a slug's form: "episode" is
    "épisode"), from wordfreq's small list (Zipf ≥ 3, ≈ 0.1 s to build); the most frequent
    accented form wins."""
    table: dict[str, float] = {}
    for word, value in zipf_table("small_fr").items():
        table.setdefault(word if word.isascii() else strip_marks(word), value)
    return table


_LETTERS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@dataclass(frozen=True, slots=True)
class _Vote:
    french: int  # words more French than anything else (or function words)
    foreign: dict[str, int]  # language → words clearly of that language, not French
    total: int  # words that could vote (lower-case words of two letters or more)

    @property
    def top_foreign(self) -> tuple[str, int]:
        if not self.foreign:
            return "", 0
        lang = max(self.foreign, key=lambda k: self.foreign[k])
        return lang, self.foreign[lang]


@lru_cache(maxsize=1 << 15)
def _word_language(word: str, slug: bool) -> str:
    """ "fr" when ``word`` (folded) is French, a language code when it is clearly of that
    language and not French, "" when it says nothing (unknown everywhere)."""
    if word in load_french().function_words:
        return "fr"
    fr = _zipf(word, "fr")
    if slug:
        fr = max(fr, _fr_unaccented().get(word, 0.0))
    best, best_lang = 0.0, ""
    for lang in _VOTE_LANGUAGES:
        z = _zipf(word, lang)
        if z > best:
            best, best_lang = z, lang
    if best >= _VOTE_MIN_ZIPF and best >= fr + _VOTE_MARGIN:
        return best_lang
    return "fr" if fr > 0 else ""


def _vote(text: str, *, slug: bool = False) -> _Vote:
    """Lexical vote of the words of ``text``. Capitalised words (names) and acronyms do not
    vote, except the first word of the text; a slug's words are all lower case and all vote."""
    french = 0
    total = 0
    foreign: dict[str, int] = defaultdict(int)
    for k, m in enumerate(_LETTERS.finditer(text)):
        raw = m.group()
        if not slug and ((k > 0 and raw[:1].isupper()) or (len(raw) > 1 and raw.isupper())):
            continue  # a name or an acronym ("IA", "PDG") says nothing of the language
        word = fold(raw)
        if len(word) < 2:
            continue
        parts = [p for p in word.split("'") if p]
        word = parts[-1] if parts else word
        total += 1
        lang = _word_language(word, slug)
        if lang == "fr":
            french += 1
        elif lang:
            foreign[lang] += 1
    return _Vote(french, dict(foreign), total)


#: lingua reads at most this many characters of a paragraph, its beginning and its end (its
#: time grows with the length; 300 decide as well as the whole on the 22 real texts); a foreign
#: passage in the middle is still seen by the lexical vote, which reads every word.
_LINGUA_CHARS = 300


def _lingua_sample(text: str) -> str:
    if len(text) <= _LINGUA_CHARS:
        return text
    half = _LINGUA_CHARS // 2
    head = text[:half].rsplit(" ", 1)[0]
    tail = text[-half:].split(" ", 1)[-1]
    return f"{head} {tail}"


def _lingua(texts: Sequence[str], *, precise: bool) -> list[tuple[str | None, float]]:
    """lingua's language for each text (sampled) and its confidence that the text is French,
    in one parallel call (lingua spreads the texts over the cores)."""
    return french_confidences([_lingua_sample(t) for t in texts], precise=precise)


def languages_of(texts: Sequence[str]) -> list[tuple[bool, str | None]]:
    """``(is_french, language)`` for each text: ``language`` is the code of the foreign
    language detected, ``None`` when the text is French or too short to tell (judged French).

    Under five words the lexical vote decides alone; from five words lingua decides (precise
    mode under 120 characters, where it differs from the fast mode), and a text it does not
    give to French is still French when lingua's own confidence in French is at least
    ``_FRENCH_CONFIDENCE`` or when most of its words vote French and none votes foreign.
    """
    votes = [_vote(t) for t in texts]
    out: list[tuple[bool, str | None]] = [(True, None)] * len(texts)
    long_texts: dict[bool, list[int]] = {True: [], False: []}
    for i, (text, vote) in enumerate(zip(texts, votes, strict=True)):
        if count_words(text) >= _LINGUA_MIN_WORDS:
            long_texts[len(text) < 120].append(i)
            continue
        # Short text: foreign when foreign words are at least as many as French ones and at
        # least half of the words ("Breaking news", "Who is Sam Altman?"; not "Match en direct",
        # where every word is French by frequency).
        lang, k = vote.top_foreign
        if k and k >= vote.french and 2 * k >= vote.total:
            out[i] = (False, lang)
    for precise, idx in long_texts.items():
        for i, (code, french_conf) in zip(
            idx, _lingua([texts[i] for i in idx], precise=precise), strict=True
        ):
            vote = votes[i]
            if code in (None, "fr") or french_conf >= _FRENCH_CONFIDENCE:
                continue
            if vote.total and vote.french / vote.total >= _FRENCH_SHARE and not vote.foreign:
                continue
            out[i] = (False, code)
    return out


def language_of(text: str) -> tuple[bool, str | None]:
    """:func:`languages_of` for one text."""
    return languages_of([text])[0]


def _slug_language(article: Article) -> tuple[bool, str | None]:
    """The slug's words (no accents, no case) voted one by one. Names are left out: the slug
    words that are capitalised words of the title, SEO title or keyphrase ("heran" from
    "François Héran" reads as German). Foreign when two words or half of them are foreign
    ("openai-board-fires-ceo-sam-altman": "board", "fires")."""
    names: set[str] = set()
    for text in (article.title, article.seo_title, article.keyphrase, *article.synonyms):
        for m in _LETTERS.finditer(text):
            if m.group()[:1].isupper():
                names.update(strip_marks(fold(p)) for p in re.split(r"['’]", m.group()))
    kept = [w for w in article.slug.split("-") if w and w not in names]
    vote = _vote(" ".join(kept), slug=True)
    lang, k = vote.top_foreign
    if k >= 2 or (k and 2 * k >= vote.total):
        return False, lang
    return True, None


def check_language(article: Article) -> list[GuardViolation]:
    """Every field in French: one hard violation per field (or paragraph) in another language."""
    out: list[GuardViolation] = []
    fields = [f for f in article_fields(article) if f.text.strip()]
    texts = [f for f in fields if f.kind != "slug"]
    verdicts = dict(zip((id(f) for f in texts), languages_of([f.text for f in texts]), strict=True))
    for f in fields:
        ok, lang = _slug_language(article) if f.kind == "slug" else verdicts[id(f)]
        if ok:
            continue
        name = _LANGUAGE_NAMES.get(lang or "", Msg("une autre langue", "another language"))
        where = label(f.field, f.paragraph)
        if f.kind == "slug":
            hint = Msg(
                "Réécris le slug avec des mots français (ceux du titre ou de l’expression clé).",
                "Rewrite the slug with French words (those of the title or the keyphrase).",
            )
        else:
            hint = Msg(
                f"Réécris {where.fr} en français (langue détectée : {name.fr}).",
                f"Rewrite {where.en} in French (detected language: {name.en}).",
            )
        out.append(
            GuardViolation.of(
                "language",
                f.field,
                paragraph=f.paragraph,
                hard=True,
                message=Msg(
                    f"{cap(where.fr)} n’est pas en français ({name.fr} détecté).",
                    f"{cap(where.en)} is not in French ({name.en} detected).",
                ),
                excerpt=trim(f.text),
                hint=hint,
            )
        )
    return out
