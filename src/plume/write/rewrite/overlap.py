"""Two parts of a rewritten article saying the same thing in other words (issue 19: "the
standfirst and the first section repeat each other").

The repetition guard (:mod:`plume.verify.guards.repetition`) catches a sentence repeated word
for word or nearly (shared 3-word runs); a model that restates the standfirst in the first
section rewords it, and shares its *content words* instead: "Le vélo en ville séduit bien
au-delà des militants" and "La bicyclette séduit désormais en ville bien au-delà du cercle
militant". Here each sentence of a later part is compared with those of every earlier part
(the standfirst first) by the stems of their content words (:func:`content_stems`, the
grounding guard's); a pair sharing most of the shorter one's stems is a repeat, and the later
part is the one to rewrite.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from plume.text import sentences
from plume.verify.grounding import content_stems

__all__ = ["MIN_SHARED", "OVERLAP_MIN", "Overlap", "find_overlaps", "part_names"]

#: Share of the shorter sentence's distinct content stems found in the other: from this, the two
#: say the same thing. Calibrated on the human articles of the corpus (sentences of different
#: sections, where an author does not repeat himself) against restated standfirsts of the
#: scripted model: see docs/calibration.md, « Réécriture vue par un modèle capable ».
OVERLAP_MIN = 0.6
#: Distinct content stems the two must share at least: short sentences share a name and a verb
#: by chance ("Sam Altman a démissionné").
MIN_SHARED = 5


@dataclass(frozen=True, slots=True)
class Overlap:
    """A sentence of ``field`` saying what ``earlier`` (a sentence of ``earlier_field``) says."""

    field: str
    sentence: str
    earlier_field: str
    earlier: str
    share: float


def part_names(n_sections: int) -> list[str]:
    """The parts in reading order, as fields: "intro", "sections[0]", …"""
    return ["intro", *(f"sections[{i}]" for i in range(n_sections))]


def find_overlaps(intro: Sequence[str], bodies: Sequence[Sequence[str]]) -> list[Overlap]:
    """The sentences of each part that restate a sentence of an earlier part (one finding per
    later sentence, the most similar earlier one named)."""
    parts = [list(intro), *(list(b) for b in bodies)]
    names = part_names(len(bodies))
    earlier: list[tuple[str, str, frozenset[str]]] = []
    out: list[Overlap] = []
    for name, paragraphs in zip(names, parts, strict=True):
        mine: list[tuple[str, str, frozenset[str]]] = []
        for paragraph in paragraphs:
            for s in sentences(paragraph):
                stems = frozenset(content_stems(s.text))
                if len(stems) < MIN_SHARED:
                    continue
                best: tuple[float, str, str] | None = None
                for field, text, other in earlier:
                    shared = len(stems & other)
                    if shared < MIN_SHARED:
                        continue
                    share = shared / min(len(stems), len(other))
                    if share >= OVERLAP_MIN and (best is None or share > best[0]):
                        best = (share, field, text)
                if best is not None:
                    out.append(Overlap(name, s.text, best[1], best[2], round(best[0], 2)))
                mine.append((name, s.text, stems))
        earlier += mine
    return out
