"""Language identification ("is this French?"): the one place plume asks lingua.

:func:`detect_language` names a text's language, :func:`is_french` answers the question the stages
ask (a text too short to tell counts as French), :func:`detect_languages_by_paragraph` batches
paragraphs and :func:`french_confidences` gives lingua's confidence in French for short fields.
The detector is built once, lazily, from a fixed set of languages (:data:`LANGUAGES`); see
docs/calibration.md ("Analyse") for how the set and the two accuracy modes were chosen.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from plume.text import count_words

__all__ = [
    "LANGUAGES",
    "MIN_WORDS",
    "SAMPLE_CHARS",
    "detect_language",
    "detect_languages_by_paragraph",
    "french_confidences",
    "is_french",
    "sample",
]

#: Languages the detector chooses from (lingua ``Language`` member names): French, the languages
#: a French newsroom's input is most often in or mixed with, and three other scripts (ruled out of a
#: Latin-script text by lingua's script filter at no cost). Calibrated: see docs/calibration.md.
LANGUAGES: tuple[str, ...] = (
    "FRENCH",
    "ENGLISH",
    "SPANISH",
    "GERMAN",
    "ITALIAN",
    "PORTUGUESE",
    "DUTCH",
    "ARABIC",
    "RUSSIAN",
    "CHINESE",
)
#: Below this many words a text is "too short to tell": None (lingua's accuracy tables drop sharply
#: for one or two words). Calibrated: see docs/calibration.md.
MIN_WORDS = 5
#: Characters sampled from a long text: detection time grows with length, and about 500 words
#: already decide any real article.
SAMPLE_CHARS = 3000


@cache
def _detector(precise: bool) -> Any:
    """lingua's detector; ``precise`` adds the 1- to 5-gram models used on texts under 120
    characters (slower to load, better on short fields such as titles)."""
    # Imported here: the analyser must not pay lingua's import before it needs it.
    from lingua import Language, LanguageDetectorBuilder

    builder = LanguageDetectorBuilder.from_languages(*(getattr(Language, n) for n in LANGUAGES))
    if not precise:
        builder = builder.with_low_accuracy_mode()
    return builder.build()


def sample(text: str) -> str:
    """Up to ``SAMPLE_CHARS`` characters: the beginning, the middle and the end of a long text
    (so a first line in another language, such as an editor's brief, cannot decide alone), cut
    at spaces."""
    text = text.strip()
    if len(text) <= SAMPLE_CHARS:
        return text
    third = SAMPLE_CHARS // 3
    mid = len(text) // 2 - third // 2
    parts = []
    for start in (0, mid, len(text) - third):
        chunk = text[start : start + third]
        # Drop the partial words at both ends of the window.
        if start > 0 and " " in chunk:
            chunk = chunk.split(" ", 1)[1]
        if start + third < len(text) and " " in chunk:
            chunk = chunk.rsplit(" ", 1)[0]
        parts.append(chunk)
    return " ".join(parts)


def _code(language: Any) -> str | None:
    if language is None:
        return None
    code: str = language.iso_code_639_1.name.lower()
    return code


#: Paragraph sample → language, both precisions: rewrite mode and batches ask again and again about
#: the same paragraphs (see docs/calibration.md for the profile).
_CACHE: dict[tuple[str, bool], str | None] = {}
_CACHE_MAX = 1 << 13


def _remember(key: tuple[str, bool], code: str | None) -> None:
    if len(_CACHE) >= _CACHE_MAX:
        _CACHE.clear()  # simple and bounded; a batch's working set refills it at once
    _CACHE[key] = code


def detect_language(text: str, *, precise: bool = False) -> str | None:
    """ISO 639-1 code of the text's language (``"fr"``, ``"en"``…), ``None`` when the text is
    too short to tell (fewer than ``MIN_WORDS`` words) or lingua cannot decide."""
    if count_words(text) < MIN_WORDS:
        return None
    key = (sample(text), precise)
    if key in _CACHE:
        return _CACHE[key]
    code = _code(_detector(precise).detect_language_of(key[0]))
    _remember(key, code)
    return code


def is_french(text: str, *, precise: bool = False) -> bool:
    """True when ``text`` is French or too short to tell: the question every stage asks before
    judging French wording."""
    return detect_language(text, precise=precise) in (None, "fr")


def french_confidences(
    texts: Sequence[str], *, precise: bool = False
) -> list[tuple[str | None, float]]:
    """For each text (read as given, not sampled): the code of lingua's most likely language
    (``None`` when lingua has no answer) and lingua's confidence, 0–1, that the text is French.
    One parallel call; for fields judged one by one (titles, headings)."""
    if not texts:
        return []
    out: list[tuple[str | None, float]] = []
    for values in _detector(precise).compute_language_confidence_values_in_parallel(list(texts)):
        if not values:
            out.append((None, 0.0))
            continue
        french = next((v.value for v in values if _code(v.language) == "fr"), 0.0)
        out.append((_code(values[0].language), float(french)))
    return out


def detect_languages_by_paragraph(
    paragraphs: Sequence[str], *, precise: bool = False
) -> list[str | None]:
    """:func:`detect_language` for each paragraph (same order), batched through lingua's
    parallel API; ``None`` for paragraphs too short to tell."""
    out: list[str | None] = [None] * len(paragraphs)
    todo: list[tuple[int, tuple[str, bool]]] = []
    for i, p in enumerate(paragraphs):
        if count_words(p) < MIN_WORDS:
            continue
        key = (sample(p), precise)
        if key in _CACHE:
            out[i] = _CACHE[key]
        else:
            todo.append((i, key))
    if not todo:
        return out
    found = _detector(precise).detect_languages_in_parallel_of([k[0] for _, k in todo])
    for (i, key), language in zip(todo, found, strict=True):
        out[i] = _code(language)
        _remember(key, out[i])
    return out
