"""What the grammar checker found in one text: its errors, or why it could not run."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from plume.report import Msg


class ErrorKind(StrEnum):
    GRAMMAR = "grammar"  # Grammalecte's grammar rules (agreement, confusions, conjugation…)
    SPELLING = "spelling"  # a word its dictionary does not know


@dataclass(frozen=True, slots=True)
class GrammarError:
    """One error, located by ``[start, end)`` offsets into the checked text."""

    kind: ErrorKind
    start: int
    end: int
    #: The flagged text, as written.
    text: str
    #: Grammalecte's rule id ("gv1__ppas_avoir_dû_vinfi__b1_a1_1") or "spelling".
    rule: str
    #: Grammalecte's option group ("ppas", "conf", "gn"…; "spelling" for spelling errors).
    group: str
    #: Grammalecte's message, in French (it has no other language).
    message: str
    suggestions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GrammarResult:
    """The errors of one text. ``notice`` says why the checker did not run (not installed,
    disabled, no answer): ``available`` is then False and ``errors`` empty."""

    errors: tuple[GrammarError, ...] = ()
    notice: Msg | None = None
    #: "Grammalecte 2.1.2" when it ran.
    checker: str = ""

    @property
    def available(self) -> bool:
        return self.notice is None

    def of_kind(self, kind: ErrorKind) -> tuple[GrammarError, ...]:
        return tuple(e for e in self.errors if e.kind is kind)


@dataclass(frozen=True, slots=True)
class Correction:
    """Replace ``text[start:end]`` (``before``) by ``after``; ``rule`` is the stable code of the
    check it answers ("COR-SPELLING", "COR-DOUBLED-AUX"…)."""

    rule: str
    start: int
    end: int
    before: str
    after: str
