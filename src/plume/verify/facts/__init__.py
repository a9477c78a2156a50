"""Fact check: every number, date, named entity and quotation of an output must come from a source.

The optimiser writes an article from one or several sources; it must never invent a figure, a date,
a name or a quotation. :func:`check_facts` extracts those facts from the output, looks each one up
in the sources and returns a :class:`FactCheck` listing every fact (with where it was found) and
the unsupported ones as :class:`FactViolation` (reason in French and English).

How each kind is normalised so that equivalent forms match:

* **numbers** — digits with French or English separators (``1,3`` = ``1.3``; ``400 000`` with a
  space, a no-break space U+00A0 or a narrow one U+202F; ``2.500`` with a dot followed by exactly
  three digits is a thousands separator, as French writes it), scales (``milliard(s)``,
  ``million(s)``, ``Md``) folded into the value (``1,3 milliard`` = ``1 300 millions``), units
  (``%`` = ``pour cent``; ``€`` = ``euros``; ``$`` = ``dollars``) and ordinals (``3e`` = ``3ème``
  = ``troisième``). A number with a unit needs the same unit in the source (``37 %`` is not
  supported by ``37 employés``); a bare number is supported by the same value with any unit.
  Spelled-out cardinals (``deux`` … ``douze``, tens, ``cent``) count only when a noun-like word
  (not a function word) follows them: ``deux membres`` is a fact, ``les deux`` / ``deux et`` are
  not — as pronouns or in set phrases they carry no checkable quantity. ``un``/``une`` and
  ``premier`` are never numbers (articles; « de premier plan »). Digits glued to a name
  (``GPT-4``, ``Web3``) belong to the name and are not numbers.
* **dates** — ``18 novembre 2023``, ``novembre 2023``, ``18 novembre``, ``en novembre``, a year
  (an integer from 1800 to 2100 without a unit) and weekdays (``vendredi``, ``lundi matin``: the
  part of the day is ignored). A date is supported when one date of a source agrees on every
  field the output states (``novembre 2023`` is supported by ``18 novembre 2023``, not the reverse:
  the output would add a precision the sources do not give).
* **named entities** — spaCy's ``fr_core_news_sm`` NER plus runs of capitalised words it misses.
  Compared case-, accent- and elision-insensitively (``d’OpenAI`` → ``openai``) as whole words, so
  a surname alone (``Altman``) is supported by the full name (``Sam Altman``); spacing is ignored
  as a fallback (``Open AI`` = ``OpenAI``).
* **quotations** — text between « », “ ” or straight double quotes must appear verbatim in a
  source, modulo typography: apostrophes, every kind of space, ellipsis ``…`` = ``...``.
* **a text in English** (a source that rewrite mode translates) — its numbers and dates are
  read the English way (:func:`.reading_of`): ``12,000`` = 12 000, ``2.5`` = 2,5, ``billion`` =
  milliard (10⁹; a French ``billion`` is 10¹²), ``$40 billion`` = ``40 milliards de dollars``,
  ``4.5 percent`` = ``4,5 %``, ``3rd`` = ``3e``, ``March 3, 2025`` / ``3 March 2025`` /
  ``Feb. 14`` / ``in October`` = ``3 mars 2025`` / ``14 février`` / ``en octobre``, ``Monday``
  = ``lundi``. The French output is then compared value to value. Names are compared as
  written, so a translated place name (London → Londres) is not matched, nor is a translated
  quotation (it is not verbatim): the repair asks for the source's form or indirect speech.

spaCy is imported and its model loaded lazily, once per process, with only the ``tok2vec`` and
``ner`` components (:mod:`.entities`; load time and speed: docs/calibration.md, « Vérification »).

The parts: :mod:`.folding` (folded forms with offsets), :mod:`.extract` (numbers, dates,
quotations), :mod:`.entities` (names), :mod:`.check` (the look-up in the sources); the word
tables are language data (:mod:`plume.lang.fr.numbers`).
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
