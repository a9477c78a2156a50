"""spaCy's small French model, loaded once; every stage that parses runs the components it needs.

Its French tokenizer is not built (compiling its exception regexes takes ~3.5 s): a light French
class — spaCy's base punctuation rules plus plume's elisions as prefixes ("l’", "qu’", "jusqu’")
— tokenises instead, with the model's own weights (docs/calibration.md, « Vérification »).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from plume.lang.fr import load_french

#: Registering the light class and loading with it must not interleave with another load.
_LOCK = threading.Lock()


def elision_prefix() -> str:
    """The tokenizer prefix for an elided word, from plume's list of elision prefixes."""
    prefixes = "|".join(sorted(load_french().elision_prefixes, key=len, reverse=True))
    return f"(?i:(?:{prefixes})['’])"


@cache
def _load() -> Any:
    import spacy
    from spacy.lang.punctuation import TOKENIZER_INFIXES, TOKENIZER_PREFIXES, TOKENIZER_SUFFIXES
    from spacy.language import BaseDefaults, Language
    from spacy.util import registry

    class _Defaults(BaseDefaults):
        prefixes = (elision_prefix(), *TOKENIZER_PREFIXES)
        infixes = TOKENIZER_INFIXES
        suffixes = TOKENIZER_SUFFIXES

    class _LightFrench(Language):  # type: ignore[no-untyped-call]  # spaCy's own hook
        lang = "fr"
        Defaults = _Defaults

    registry.languages.register("fr", func=_LightFrench)
    # No caller reads spaCy's lemmas (plume's lexicon lemmatises).
    return spacy.load("fr_core_news_sm", exclude=["lemmatizer", "tokenizer"])


class FrenchView:
    """The one loaded model, run without the components a caller does not need: loading the
    model once for the parser and once for NER cost a second load (≈ 0.4 s of a 3 s run)."""

    def __init__(self, nlp: Any, disable: tuple[str, ...]) -> None:
        self._nlp = nlp
        self._disable = [n for n in disable if n in nlp.pipe_names]
        self.pipeline = [(n, p) for n, p in nlp.pipeline if n not in self._disable]
        self.vocab = nlp.vocab

    def __call__(self, text: str) -> Any:
        return self._nlp(text, disable=self._disable)

    def pipe(self, texts: Iterable[str], **kwargs: Any) -> Iterator[Any]:
        return iter(self._nlp.pipe(texts, disable=self._disable, **kwargs))

    def make_doc(self, text: str) -> Any:
        return self._nlp.make_doc(text)


@cache
def _view(exclude: tuple[str, ...]) -> FrenchView:
    return FrenchView(_load(), exclude)


def light_french(*exclude: str) -> FrenchView:
    """``fr_core_news_sm`` without the components ``exclude`` names, light tokenizer; one
    model for every caller, loaded once (thread-safe)."""
    with _LOCK:
        return _view(tuple(sorted(exclude)))
