"""Repair targets beyond the hard constraints (issue 19): what Yoast rates red in readability,
parts that restate an earlier part, and subheadings without the keyphrase.

None of them fails an article; each is repaired like an SEO failure, in the same rounds
(:data:`SOFT_ATTEMPTS` times at most per part), with a hint that quotes what to change in that
part: the analyser rates the whole article, the part is where the long sentences are.
"""

from __future__ import annotations

from collections.abc import Sequence

from plume.analyse.checks import REGISTRY
from plume.analyse.researches import Research
from plume.document import Block, BlockKind, Document, Source
from plume.report import CheckResult, Finding, FindingKind, Msg, Rating, Severity
from plume.text import count_words
from plume.write.rewrite.overlap import find_overlaps, part_names
from plume.write.rewrite.requirements import requirement_for

__all__ = [
    "READABILITY_CODES",
    "SOFT_ATTEMPTS",
    "overlap_targets",
    "readability_targets",
    "subheading_targets",
]

#: The readability checks repaired when red (Yoast's red: issue 19 measured 52–76 % of
#: sentences over 20 words and 27 % passive in articles a capable model wrote).
READABILITY_CODES = ("RD-SENTENCE-LENGTH", "RD-PASSIVE", "RD-PARAGRAPH-LENGTH", "RD-TRANSITIONS")
#: Repairs of one soft target (part and code): one — a capable model fixes what the hint quotes
#: at once; one that cannot would spend the whole budget on it (the benchmark's instant model:
#: 15 calls an article instead of 7 with two attempts), and the finding stays a warning.
SOFT_ATTEMPTS = 1
#: Sentences a part needs before its own share is judged (a three-sentence lead with one long
#: sentence is at 33 %), and before its transition words are (Yoast does not judge texts under
#: 200 words).
_MIN_SENTENCES = 3
_MIN_SENTENCES_TRANSITIONS = 6
#: Sentences quoted in a hint: enough to act on, not the whole part again.
_QUOTED = 4


def _t(code: str, name: str) -> float:
    return REGISTRY[code].thresholds[name].value


def _quote(texts: Sequence[str]) -> str:
    return " ; ".join(f"« {t} »" for t in texts[:_QUOTED])


def _research(paragraphs: Sequence[str]) -> Research:
    blocks = tuple(Block(BlockKind.PARAGRAPH, p) for p in paragraphs)
    return Research(Document(blocks=blocks, source=Source("<partie>", "txt")))


def _finding(code: str, field: str, message: str, hint: str) -> Finding:
    return Finding(
        kind=FindingKind.CHECK,
        code=code,
        severity=Severity.WARNING,
        field=field,
        message=Msg(message, message),
        hint=Msg(hint, hint),
    )


def _rule(code: str, keyphrase: str) -> str:
    r = requirement_for(code, keyphrase, "section")
    return f"Consigne\u00a0: {r.text}. " if r else ""


def readability_targets(
    checks: Sequence[CheckResult],
    intro: Sequence[str],
    bodies: Sequence[Sequence[str]],
    keyphrase: str,
) -> dict[str, list[Finding]]:
    """For each readability check of :data:`READABILITY_CODES` rated red over the article, the
    parts that cause it — their own share over the threshold — with a hint quoting their
    sentences: {field: [finding]}."""
    red = {c.code: c for c in checks if c.code in READABILITY_CODES and c.rating is Rating.BAD}
    out: dict[str, list[Finding]] = {}
    if not red:
        return out
    for field, paragraphs in zip(part_names(len(bodies)), [intro, *bodies], strict=True):
        if not paragraphs:
            continue
        r = _research(paragraphs)
        sents = [s.text for s in r.sentences]
        if not sents:
            continue
        for code, check in red.items():
            hint = _part_hint(code, r, sents, paragraphs)
            if hint:
                found = _finding(code, field, check.message, _rule(code, keyphrase) + hint)
                out.setdefault(field, []).append(found)
    return out


def _part_hint(code: str, r: Research, sents: list[str], paragraphs: Sequence[str]) -> str:
    """What to change in one part for ``code``, or "" when the part is within the bar."""
    if len(sents) < _MIN_SENTENCES:
        return ""
    share = 100 * 1 / len(sents)
    if code == "RD-SENTENCE-LENGTH":
        most = int(_t(code, "max_words"))
        long = [s for s, n in zip(sents, r.sentence_lengths, strict=True) if n > most]
        if share * len(long) <= _t(code, "ok_share"):
            return ""
        return (
            f"Ces phrases dépassent {most} mots\u00a0: {_quote(long)}. Coupe chacune en phrases "
            f"de {most} mots au plus (un point à la place d’une virgule, d’un « et » ou d’un "
            "« qui »), sans rien perdre de leurs faits."
        )
    if code == "RD-PASSIVE":
        passive = [s for s, p in zip(sents, r.sentence_passives, strict=True) if p]
        if share * len(passive) <= _t(code, "ok_share"):
            return ""
        return (
            f"Ces phrases sont au passif\u00a0: {_quote(passive)}. Mets-les à la voix active en "
            "nommant qui agit."
        )
    if code == "RD-PARAGRAPH-LENGTH":
        most = int(_t(code, "max_words"))
        long = [p for p in paragraphs if count_words(p) > most]
        if not long:
            return ""
        return (
            f"{len(long)} paragraphe(s) dépassent {most} mots\u00a0: coupe-les en paragraphes "
            "plus courts, un par idée, séparés par une ligne vide."
        )
    if code == "RD-TRANSITIONS" and len(sents) >= _MIN_SENTENCES_TRANSITIONS:
        linked = sum(1 for t in r.sentence_transitions if t)
        if share * linked >= _t(code, "good_share"):
            return ""
        return (
            "Trop peu de phrases disent comment elles s’enchaînent\u00a0: ajoute des mots de "
            "liaison (mais, ainsi, en effet, pourtant, donc, d’abord, enfin) là où ils "
            "éclairent le raisonnement."
        )
    return ""


def overlap_targets(
    intro: Sequence[str], bodies: Sequence[Sequence[str]]
) -> dict[str, list[Finding]]:
    """The later part of each pair of parts saying the same thing (:func:`find_overlaps`), with
    the sentences to drop or replace."""
    out: dict[str, list[Finding]] = {}
    names = {"intro": "le chapô"} | {
        f"sections[{i}]": f"la partie {i + 1}" for i in range(len(bodies))
    }
    for o in find_overlaps(intro, bodies):
        where = names.get(o.earlier_field, o.earlier_field)
        message = f"Cette phrase redit {where}\u00a0: « {o.sentence} »"
        hint = (
            f"La phrase « {o.sentence} » redit ce que dit déjà {where} (« {o.earlier} »)\u00a0: "
            "supprime-la ou remplace-la par un fait nouveau des passages."
        )
        f = Finding(
            kind=FindingKind.GUARD,
            code="overlap",
            severity=Severity.WARNING,
            field=o.field,
            message=Msg(message, f"This sentence restates {o.earlier_field}: “{o.sentence}”"),
            hint=Msg(hint, hint),
            excerpt=o.sentence,
        )
        out.setdefault(o.field, []).append(f)
    return out


def subheading_targets(
    checks: Sequence[CheckResult],
    headings: Sequence[str],
    matcher_in: Sequence[bool],
    keyphrase: str,
) -> dict[str, list[Finding]]:
    """When too few subheadings hold the keyphrase (SEO-KP-SUBHEADINGS below its lower bound),
    the first ones without it, as many as are missing. ``matcher_in``: whether each heading
    holds the keyphrase or a synonym."""
    check = next((c for c in checks if c.code == "SEO-KP-SUBHEADINGS"), None)
    if check is None or check.rating is Rating.GOOD or not headings:
        return {}
    need = int(check.value.get("min", 0)) - int(check.value.get("matches", 0))
    if need <= 0:
        return {}
    r = requirement_for("SEO-KP-SUBHEADINGS", keyphrase, "heading")
    rule = r.text if r else ""
    out: dict[str, list[Finding]] = {}
    for i, (h, has) in enumerate(zip(headings, matcher_in, strict=True)):
        if need <= 0:
            break
        if has:
            continue
        need -= 1
        hint = f"Consigne\u00a0: {rule}. Reprends « {keyphrase} » dans l’intertitre « {h} »."
        out[f"sections[{i}].heading"] = [
            _finding(check.code, f"sections[{i}].heading", check.message, hint)
        ]
    return out
