"""Fact check: every number, date, named entity and quotation of an output must come from a source.

:func:`check_facts` extracts those facts from the output, looks each one up in the sources and
returns a :class:`FactCheck`; the unsupported ones are :class:`FactViolation`. Parts:
:mod:`.folding`, :mod:`.extract`, :mod:`.entities` (spaCy, loaded lazily), :mod:`.check`.
Normalisation rules (numbers, dates, names, quotations, English sources): docs/verification.md.
"""

from plume.verification import Fact, FactCheck, FactKind, FactViolation, SourceMatch
from plume.verify.facts.check import check_facts, extract_facts
from plume.verify.facts.entities import preload_entities
from plume.verify.facts.extract import ENGLISH_MIN_WORDS, reading_of

__all__ = [
    "ENGLISH_MIN_WORDS",
    "Fact",
    "FactCheck",
    "FactKind",
    "FactViolation",
    "SourceMatch",
    "check_facts",
    "extract_facts",
    "preload_entities",
    "reading_of",
]
