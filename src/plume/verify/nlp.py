"""spaCy's small French model, loaded once per set of components for every stage that parses.

Its French tokenizer is not built (compiling its exception regexes takes ~3.5 s): a light French
class — spaCy's base punctuation rules plus plume's elisions as prefixes ("l’", "qu’", "jusqu’")
— tokenises instead, with the model's own weights (docs/calibration.md, « Vérification »).
"""

from __future__ import annotations

import threading
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
def _load(exclude: tuple[str, ...]) -> Any:
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
    return spacy.load("fr_core_news_sm", exclude=[*exclude, "tokenizer"])


def light_french(*exclude: str) -> Any:
    """``fr_core_news_sm`` without the components ``exclude`` names, light tokenizer; one
    instance per set of components, shared by every caller (thread-safe)."""
    with _LOCK:
        return _load(tuple(sorted(exclude)))
