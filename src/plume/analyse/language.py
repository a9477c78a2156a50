"""Language identification with lingua (lingua-language-detector 2.1.1), lazily loaded.

lingua's ``from_all_languages()`` detector costs ~10 s on first use (75 languages' models). We
build ours from a fixed set, once, on first call:

* French and the languages a French newsroom's input is most often in, or mixed with: English
  (sources, briefs, quotes), Spanish, German, Italian, Portuguese, Dutch;
* Arabic, Russian and Chinese: different scripts, so lingua's script filter rules them out of a
  Latin-script text before any model is loaded (no cost), and a page in one of them is named as
  such instead of being forced into a Latin-script language.

Catalan, Romanian and Latin were tried and left out: on short French sentences they take most of
the errors (measured on the test corpus: "Non, c’est un échec total." → Latin), and Latin
placeholder text (lorem ipsum) is better caught by a rule than by a language detector.

Two accuracy modes, because lingua's high-accuracy mode differs from its low-accuracy mode only
on texts shorter than 120 characters, where it loads four more n-gram models per language
(3–4 s once, measured on the 2-core build machine): ``precise=False`` (default, trigram models
only) is what the analyser uses on whole documents; ``precise=True`` is for short fields
(titles, meta descriptions) checked one by one, where it is worth the one-off cost (on the
corpus's short French sentences: 96 % right in fast mode, 100 % of the decided ones in precise
mode). First call in fast mode: 0.1–0.2 s on a long text; then 3–8 ms per 3,000-character sample.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from plume.text import count_words

__all__ = ["MIN_WORDS", "SAMPLE_CHARS", "detect_language", "detect_languages_by_paragraph"]

#: Languages the detector chooses from (lingua ``Language`` member names); see the module doc.
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
#: Below this many words a text is "too short to tell": None. lingua's own accuracy tables drop
#: sharply for single words and word pairs; at five words and more it was right on 96 % of the
#: corpus's short French sentences (low-accuracy mode) — see tests/unit/analyse/test_language.py.
MIN_WORDS = 5
#: Characters sampled from a long text: detection time grows with length and 3,000 characters
#: (about 500 words) already decide any real article.
SAMPLE_CHARS = 3000


@cache
def _detector(precise: bool) -> Any:
    # Imported here: the analyser must not pay lingua's import before it needs it.
    from lingua import Language, LanguageDetectorBuilder

    builder = LanguageDetectorBuilder.from_languages(*(getattr(Language, n) for n in LANGUAGES))
    if not precise:
        builder = builder.with_low_accuracy_mode()
    return builder.build()


def _sample(text: str) -> str:
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


#: Paragraph sample → language, both precisions. Rewrite mode verifies the whole article again
#: after each repair, where only the repaired part changed, and a batch verifies many articles
#: in one process: lingua was ≈ 8 % of rewrite mode's CPU time before this cache (profiled).
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
    key = (_sample(text), precise)
    if key in _CACHE:
        return _CACHE[key]
    code = _code(_detector(precise).detect_language_of(key[0]))
    _remember(key, code)
    return code


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
        key = (_sample(p), precise)
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
    found = _detector(precise).detect_languages_in_parallel_of(
        [_sample(paragraphs[i]) for i in todo]
    )
    for i, language in zip(todo, found, strict=True):
        out[i] = _code(language)
    return out
