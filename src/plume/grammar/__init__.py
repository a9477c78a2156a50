"""Correct French: Grammalecte's grammar and spelling errors, plume's own rules for the
translation calques it misses, and the unambiguous corrections of both.

Grammalecte is GPL-3 and plume MIT: it runs as its own process (Debian's
``grammalecte-server``, started on 127.0.0.1 by :mod:`plume.grammar.server`, or a server named
in ``[grammar] url``) and plume talks to it over HTTP only (:mod:`plume.grammar.client`).
When it is not installed, every result carries a notice saying so (never silent).
"""

from __future__ import annotations

from plume.grammar.client import (
    GrammarChecker,
    check_grammar,
    checker_for,
    unavailable_notice,
    warm_up,
)
from plume.grammar.fixes import apply_corrections, plan_corrections, spelling_choice
from plume.grammar.model import Correction, ErrorKind, GrammarError, GrammarResult
from plume.grammar.rules import find_rule_hits

__all__ = [
    "Correction",
    "ErrorKind",
    "GrammarChecker",
    "GrammarError",
    "GrammarResult",
    "apply_corrections",
    "check_grammar",
    "checker_for",
    "find_rule_hits",
    "plan_corrections",
    "spelling_choice",
    "unavailable_notice",
    "warm_up",
]
