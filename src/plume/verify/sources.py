"""Several sources on one story: the facts they share, and the facts they state differently.

:func:`shared_facts` finds the facts several sources state (merged once by the writer);
:func:`find_contradictions` the facts they state differently ("plus de 700 employés" / "près de
500 employés"). Precision first: a false contradiction costs the editor more than a missed one.
Pairing rules (subject, clause, intervals, one voice per source): docs/verification.md.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from itertools import combinations
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from plume.lang.fr import fold, load_french, read_list
from plume.report import Msg
from plume.text import Word, sentences
from plume.verification import Contradiction, Fact, FactKind, SourceValue
from plume.verify.facts import extract_facts

if TYPE_CHECKING:
    from plume.lang.fr.lexicon import Lexicon

__all__ = [
    "Contradiction",
    "SharedFact",
    "SourceValue",
    "find_contradictions",
    "shared_facts",
]

#: Words either side of a fact that make its clause (its context), within its sentence.
WINDOW = 10
#: Context words two dates must share to be about the same event.
DATE_CONTEXT = 2
#: Context words two numbers with the same subject must share.
NUMBER_CONTEXT = 1
#: Widening of an approximate value ("près de", "environ"): ± 10 %.
APPROX = Decimal("0.1")


class SharedFact(BaseModel):
    """A fact several sources state (compatibly): to be written once."""

    model_config = ConfigDict(frozen=True)
    kind: str  # "number" | "date" | "quote"
    subject: str  # the quantified noun for a number, "" otherwise
    value: str
    values: list[SourceValue] = Field(default_factory=list)

    @property
    def sources(self) -> list[str]:
        return list(dict.fromkeys(v.source for v in self.values))


# --------------------------------------------------------------------------------------------
# Facts in context


@cache
def _lexicon() -> Lexicon:
    from plume.lang.fr.lexicon import load_lexicon

    return load_lexicon()


@cache
def _generic() -> frozenset[str]:
    """Nouns too broad to identify what a number counts, or durations (``lexicon_generic_nouns``
    plus the scale words)."""
    return frozenset(fold(w) for w in read_list("lexicon_generic_nouns.txt")) | frozenset(
        {"milliard", "million", "millier", "centaine", "dizaine", "dollar", "euro", "pour", "cent"}
    )


#: Durations: "cinq ans", "trois jours" measure time, and two sources' durations are rarely the
#: same span ("il y a deux ans" / "depuis cinq ans").
_DURATIONS = frozenset(
    {"an", "année", "mois", "semaine", "jour", "heure", "minute", "seconde", "siècle", "décennie"}
)

#: Qualifiers before a number: how they turn it into an interval.
_QUALIFIERS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"(?:plus\s+de|au\s+moins|pas\s+moins\s+de|d[ée]passant(?:\s+les)?|sup[ée]rieur\s+"
            r"[àa]|au-del[àa]\s+de|over|more\s+than)\s*$",
            re.IGNORECASE,
        ),
        "min",
    ),
    (
        re.compile(
            r"(?:moins\s+de|jusqu['’][àa]|au\s+plus|pas\s+plus\s+de|inf[ée]rieur\s+[àa]|"
            r"less\s+than|up\s+to)\s*$",
            re.IGNORECASE,
        ),
        "max",
    ),
    (
        re.compile(
            r"(?:pr[èe]s\s+de|environ|quelque|quelques|presque|autour\s+de|approximativement|"
            r"grosso\s+modo|around|about|nearly|almost|some)\s*$",
            re.IGNORECASE,
        ),
        "approx",
    ),
)


@dataclass(frozen=True, slots=True)
class _Stated:
    """One fact of one source, with what it is about."""

    source: int
    fact: Fact
    unit: str  # numbers: "", "%", "EUR", "USD"; dates: ""
    amount: Decimal | None  # numbers: the value
    qualifier: str  # "", "min", "max", "approx"
    subject: str  # lemma of the quantified noun ("" if none)
    context: frozenset[str]  # content lemmas and names of the clause, subject and fact aside
    names: frozenset[str]  # the names among them
    text: str  # qualifier + fact + subject, as written
    excerpt: str


def _content(word: Word, lex: Lexicon) -> tuple[str, bool] | None:
    """The matching form of a context word and whether it is a name: a name (capitalised and
    unknown to the lexicon or a proper noun there) folded, or the lemma of a content word;
    ``None`` for function words, numbers and short words."""
    w = word.norm
    if word.is_number or len(w) < 3 or not any(c.isalpha() for c in w):
        return None
    if w in load_french().function_words or w in _generic():
        return None
    if word.is_capitalised and (not lex.known(w) or "PROPN" in lex.pos(w)):
        return w, True
    lemma = lex.lemma(w)
    return None if lemma in _generic() else (lemma, False)


def _trim(text: str, limit: int = 160) -> str:
    one = " ".join(text.split())
    return one if len(one) <= limit else one[:limit].rsplit(" ", 1)[0] + " …"


def _decimal(value: str) -> Decimal | None:
    try:
        return Decimal(value.split()[0])
    except (ArithmeticError, ValueError, IndexError):
        return None


#: Words before "de" that are not what a number counts ("plus de 10 millions", "à hauteur de").
_NOT_SUBJECTS = frozenset(
    {"plus", "moins", "près", "environ", "hauteur", "autour", "total", "lieu"}
)


def _glued(text: str, left: Word, right: Word) -> bool:
    """No punctuation between two tokens (a comma or a bracket breaks the link)."""
    return re.search(r"[^\w\s'’]", text[left.end : right.start]) is None


def _noun(w: Word, lex: Lexicon) -> str:
    """Lemma of ``w`` when it is a common noun fit to be a subject, else ""."""
    f = load_french().function_words
    if w.is_number or w.is_capitalised or w.norm in f or w.norm in _NOT_SUBJECTS:
        return ""
    if "NOUN" not in lex.pos(w.norm):
        return ""
    lemma = lex.lemma(w.norm)
    return "" if lemma in _generic() else lemma


def _subject(
    text: str, tokens: Sequence[Word], after: int, before: int, unit: str, lex: Lexicon
) -> str:
    """Lemma of the noun a number quantifies: ``tokens[after]`` is the first token after the
    number (its unit included), ``tokens[before]`` the last one before it (-1: none).

    After the number: the next noun, possibly after one adjective ("cinq prochaines années");
    after an amount or a percentage, only through "de" ("13 milliards de dollars
    d’investissement", not "0 dollar symbolique"). Before it, for an amount or a percentage:
    the noun before "de" ("une participation de 49 %"). Punctuation in between breaks the link
    ("80 milliards de dollars, offrant").
    """
    i = after
    prev = tokens[after - 1] if after > 0 else None
    if i < len(tokens) and tokens[i].norm in ("de", "d'"):
        i += 1
    elif unit:
        i = len(tokens)  # an amount is linked to its noun by "de"
    if i < len(tokens) and (prev is None or _glued(text, prev, tokens[i])):
        w = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if (
            "ADJ" in lex.pos(w.norm)
            and nxt
            and _glued(text, w, nxt)
            and "NOUN" in lex.pos(nxt.norm)
        ):
            return _noun(nxt, lex)  # "cinq prochaines années": the noun, even a generic one
        if noun := _noun(w, lex):
            return noun
    if unit and before >= 1 and tokens[before].norm in ("de", "d'"):
        w = tokens[before - 1]
        if before >= 2 and "ADJ" in lex.pos(w.norm) and (noun := _noun(tokens[before - 2], lex)):
            return noun  # "un coût symbolique de 0 dollar"
        return _noun(w, lex)
    return ""


def _stated(index: int, text: str, *, loose: bool = False) -> list[_Stated]:
    """The numbers and dates of one source that can be compared with another source's.

    ``loose`` (for :func:`shared_facts`, where a wrong pairing costs little: a fact written
    once instead of twice) also keeps bare years and amounts or percentages without a subject.
    """
    lex = _lexicon()
    out: list[_Stated] = []
    facts = [
        f for f in extract_facts(text, entities=False) if f.kind in (FactKind.NUMBER, FactKind.DATE)
    ]
    if not facts:
        return out
    for sent in sentences(text):
        inside = [f for f in facts if sent.start <= f.span.start < sent.end]
        if not inside:
            continue
        tokens = list(sent.words)
        for f in inside:
            first = next((k for k, t in enumerate(tokens) if t.end > f.span.start), len(tokens))
            after = next((k for k, t in enumerate(tokens) if t.start >= f.span.end), len(tokens))
            lo, hi = max(0, first - WINDOW), min(len(tokens), after + WINDOW)
            if f.kind is FactKind.DATE:
                year, month, day, weekday = _date_key(f)
                if not (day and month) and not (loose and year and not weekday):
                    continue  # weekdays, months alone and bare years: relative to each story
                unit, amount, qualifier, subject = "", None, "", ""
            else:
                if f.value.endswith("e") or f.value.startswith("-"):
                    continue  # ordinals
                unit = f.value.split()[1] if " " in f.value else ""
                amount = _decimal(f.value)
                if amount is None:
                    continue
                subject = _subject(text, tokens, after, first - 1, unit, lex)
                if subject in _DURATIONS or not (subject or (loose and unit)):
                    continue
                head = text[max(sent.start, f.span.start - 40) : f.span.start]
                qualifier = next((q for p, q in _QUALIFIERS if p.search(head)), "")
            found = [_content(t, lex) for t in tokens[lo:first] + tokens[after:hi]]
            context = {c for c, _ in filter(None, found) if c != subject}
            names = {c for c, is_name in filter(None, found) if is_name}
            start = tokens[lo].start if lo < len(tokens) else f.span.start
            end = tokens[hi - 1].end if hi > 0 else f.span.end
            shown_end = f.span.end
            if subject:
                subj_tok = next(
                    (t for t in tokens[after : after + 2] if lex.lemma(t.norm) == subject), None
                )
                shown_end = subj_tok.end if subj_tok else f.span.end
            shown_start = f.span.start
            if f.kind is FactKind.NUMBER and qualifier:
                head = text[max(sent.start, f.span.start - 40) : f.span.start]
                for p, q in _QUALIFIERS:
                    if q == qualifier and (m := p.search(head)):
                        shown_start = f.span.start - (len(head) - m.start())
                        break
            out.append(
                _Stated(
                    source=index,
                    fact=f,
                    unit=unit,
                    amount=amount,
                    qualifier=qualifier,
                    subject=subject,
                    context=frozenset(context),
                    names=frozenset(names),
                    text=" ".join(text[shown_start:shown_end].split()),
                    excerpt=_trim(text[start:end]),
                )
            )
    return out


def _date_key(f: Fact) -> tuple[str, str, str, str]:
    """(year, month, day, weekday) of a date fact from its normalised value."""
    value = f.value
    weekday = ""
    if " " in value:
        weekday, value = value.split(" ", 1)
    if re.fullmatch(r"[a-z]+", value):
        return "", "", "", value
    m = re.fullmatch(r"(\d{4}|-)?-?(\d{2})?-?(\d{2})?", value)
    if value.isdigit():
        return value, "", "", weekday
    if m is None:
        return "", "", "", weekday
    year = m.group(1) if m.group(1) and m.group(1) != "-" else ""
    return year, str(int(m.group(2))) if m.group(2) else "", m.group(3) or "", weekday


# --------------------------------------------------------------------------------------------
# Comparison


def _interval(s: _Stated) -> tuple[Decimal, Decimal]:
    """The values ``s`` allows (see the module docstring)."""
    assert s.amount is not None
    v = s.amount
    if v == 0:
        return v, v
    # Rounding: half a unit of the last significant digit ("700" → ± 50, "13 milliards" → ±
    # 0.5 milliard, "49,5 %" → ± 0.05).
    exponent = v.normalize().as_tuple().exponent
    step = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0) / 2
    lo, hi = v - step, v + step
    if s.qualifier == "min":
        return v, Decimal("Infinity")
    if s.qualifier == "max":
        return Decimal(0), v
    if s.qualifier == "approx":
        return min(lo, v * (1 - APPROX)), max(hi, v * (1 + APPROX))
    return lo, hi


def _compatible(a: _Stated, b: _Stated) -> bool:
    if a.fact.kind is FactKind.DATE:
        ka, kb = _date_key(a.fact), _date_key(b.fact)
        return all(not x or not y or x == y for x, y in zip(ka[:3], kb[:3], strict=True))
    (alo, ahi), (blo, bhi) = _interval(a), _interval(b)
    return alo <= bhi and blo <= ahi


def _same_thing(a: _Stated, b: _Stated) -> bool:
    """Whether ``a`` and ``b`` state the same quantity or the same event's date."""
    if a.fact.kind is not b.fact.kind:
        return False
    common = a.context & b.context
    shared = len(common)
    if a.fact.kind is FactKind.DATE:
        # The same event: at least one shared word that is not a name (the story's names are
        # in every clause: "Sam Altman" fired on the 17th, back on the 22nd).
        return shared >= DATE_CONTEXT and bool(common - a.names - b.names)
    # Without a subject (loose mode only), the clause must say more of what is counted.
    needed = NUMBER_CONTEXT if a.subject else DATE_CONTEXT
    return a.unit == b.unit and a.subject == b.subject and shared >= needed


def _subject_label(group: Sequence[_Stated]) -> str:
    first = group[0]
    if first.fact.kind is FactKind.NUMBER:
        return first.subject
    shared = frozenset.intersection(*(s.context for s in group))
    return " ".join(sorted(shared)) or "date"


def _value(s: _Stated, names: Sequence[str], text: str | None = None) -> SourceValue:
    return SourceValue(
        source=names[s.source], text=text or s.text, value=s.fact.value, excerpt=s.excerpt
    )


def _all_stated(sources: Sequence[tuple[str, str]], *, loose: bool = False) -> list[list[_Stated]]:
    return [_stated(i, text, loose=loose) for i, (_, text) in enumerate(sources)]


def find_contradictions(sources: Sequence[tuple[str, str]]) -> list[Contradiction]:
    """Facts two or more sources (``(name, text)`` pairs) state differently."""
    names = [n for n, _ in sources]
    stated = _all_stated(sources)
    # Pairs (a, b) of facts from two sources about the same thing, by incompatibility.
    found: dict[tuple[str, str], dict[int, list[_Stated]]] = {}
    for sa, sb in combinations(range(len(sources)), 2):
        for a in stated[sa]:
            for b in stated[sb]:
                if not _same_thing(a, b) or _compatible(a, b):
                    continue
                # One voice per source: a source giving an incompatible value of its own for
                # the same thing tells a time line, not a figure.
                if _self_disagrees(a, stated[sa]) or _self_disagrees(b, stated[sb]):
                    continue
                # The other source agreeing elsewhere with this value: not a contradiction.
                if any(_same_thing(a, c) and _compatible(a, c) for c in stated[sb]) or any(
                    _same_thing(b, c) and _compatible(b, c) for c in stated[sa]
                ):
                    continue
                key = (a.fact.kind.value, _subject_label([a, b]))
                group = found.setdefault(key, {})
                group.setdefault(sa, []).append(a)
                group.setdefault(sb, []).append(b)
    out: list[Contradiction] = []
    for (kind, subject), by_source in found.items():
        values: list[SourceValue] = []
        for src in sorted(by_source):
            seen: set[str] = set()
            for s in by_source[src]:
                if s.fact.value not in seen:
                    seen.add(s.fact.value)
                    values.append(_value(s, names))
        listed = Msg(
            " ; ".join(f"« {v.text} » ({v.source})" for v in values),
            "; ".join(f"“{v.text}” ({v.source})" for v in values),
        )
        what = (
            Msg(f"« {subject} »", f"“{subject}”") if kind == "number" else Msg("une date", "a date")
        )
        message = Msg(
            f"Les sources se contredisent sur {what.fr} : {listed.fr}.",
            f"The sources disagree on {what.en}: {listed.en}.",
        )
        out.append(
            Contradiction(
                kind=kind,
                subject=subject,
                values=values,
                message_fr=message.fr,
                message_en=message.en,
            )
        )
    return out


def _self_disagrees(s: _Stated, own: Sequence[_Stated]) -> bool:
    return any(o is not s and _same_thing(s, o) and not _compatible(s, o) for o in own)


def shared_facts(sources: Sequence[tuple[str, str]], *, quotes: bool = True) -> list[SharedFact]:
    """Numbers (with their subject), dates (day and month) and quotations stated by at least
    two sources, compatibly: each to be written once."""
    names = [n for n, _ in sources]
    stated = _all_stated(sources, loose=True)
    groups: list[list[_Stated]] = []
    for sa, sb in combinations(range(len(sources)), 2):
        for a in stated[sa]:
            for b in stated[sb]:
                if not _same_thing(a, b) or not _compatible(a, b):
                    continue
                for g in groups:
                    if a in g or b in g:
                        g.extend(x for x in (a, b) if x not in g)
                        break
                else:
                    groups.append([a, b])
    out = [
        SharedFact(
            kind=g[0].fact.kind.value,
            subject=g[0].subject,
            value=g[0].fact.value,
            values=[_value(s, names) for s in sorted(g, key=lambda s: s.source)],
        )
        for g in groups
    ]
    if quotes:
        out += _shared_quotes(sources)
    return out


def _shared_quotes(sources: Sequence[tuple[str, str]]) -> list[SharedFact]:
    """Quotations (≥ 4 words) found in several sources, modulo typography."""
    by_value: dict[str, list[SourceValue]] = {}
    for name, text in sources:
        for f in extract_facts(text, entities=False):
            if f.kind is not FactKind.QUOTE or len(f.value.split()) < 4:
                continue
            group = by_value.setdefault(f.value, [])
            if all(v.source != name for v in group):
                group.append(
                    SourceValue(source=name, text=f.text, value=f.value, excerpt=_trim(f.text))
                )
    return [
        SharedFact(kind="quote", subject="", value=value, values=vals)
        for value, vals in by_value.items()
        if len(vals) >= 2
    ]
