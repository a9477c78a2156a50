"""Split a long sentence into two where French allows it without changing what it says.

Yoast's SentenceLengthInTextAssessment wants at most a quarter of sentences over 20 words; an
editor cuts a long one at its seams (issue 18): two main clauses joined by ", et", ", mais", ";"
or ":", each with its own subject ("…, et la société contrôle…" → "…. La société contrôle…");
a relative clause on a named antecedent that closes the sentence, restarted with the name or an
agreeing pronoun ("…confié à Vinci, qui a remporté…" → "…confié à Vinci. Vinci a remporté…").
Every proposal is verified: each part is a clause of its own (a subject and a finite verb, as
spaCy's parse and the lexicon say), no word is lost but the joining word, no number, name or
quotation is cut; otherwise the sentence stays as the author wrote it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from plume.document import Block, BlockKind, Document
from plume.text import count_words, quotes_balanced, sentences
from plume.write.compress import parse
from plume.write.meta import has_finite_verb, reports_speech

__all__ = [
    "LONG_SENTENCE_WORDS",
    "SentenceSplit",
    "split_document",
    "split_long_sentences",
    "split_sentence",
]

#: Yoast SentenceLengthInTextAssessment: a sentence over 20 words is long (French, as English).
LONG_SENTENCE_WORDS = 20
#: A part shorter than this reads as a fragment ("Il a signé.") more than a sentence.
MIN_PART_WORDS = 5
#: Joining words dropped or kept at a seam: "et" goes, "mais", "or" open the second sentence
#: (they carry its relation to the first); "car" cannot open a French sentence (Grevisse
#: § 1084), so a clause it joins stays.
_DROPPED = frozenset({"et"})
_KEPT = frozenset({"mais", "or", "donc", "puis"})
_SUBJECT_DEPS = ("nsubj", "nsubj:pass", "expl:subj")
_PRONOUNS = {
    ("Masc", "Sing"): "il",
    ("Fem", "Sing"): "elle",
    ("Masc", "Plur"): "ils",
    ("Fem", "Plur"): "elles",
}
#: What may hold both clauses in its scope — a source, a condition, a completive "que", a
#: concession: such a sentence is not split.
_FRAME = re.compile(
    r"(?i)(?<![\w’'])(?:selon|d[’']après|si|s[’']il|s[’']ils|lorsque|lorsqu[’']|quand|bien que|"
    r"quoique|même si|que|qu[’'])(?![\w’'-])"
)
#: Words that open a dependent clause, never a sentence.
_SUBORDINATE = re.compile(
    r"(?i)(?:dont|qui|que|qu[’']|où|lequel|laquelle|lesquels|lesquelles|auquel|auxquels|"
    r"duquel|desquels|quand|lorsque|lorsqu[’']|si|s[’']il|comme|puisque|puisqu[’']|parce|"
    r"tandis|alors que|bien que|afin|pour que|sans que|avant que|après que)(?![\w-])"
)
_WORD = re.compile(r"[\w’'-]+")


@dataclass(frozen=True)
class SentenceSplit:
    """One long sentence of a paragraph, and the sentences it became."""

    before: str
    after: tuple[str, ...]
    #: "clauses" (two main clauses), "relative" (a closing relative clause restarted).
    kind: str


def _clause(text: str) -> bool:
    """``text`` is a clause of its own: a finite verb and a subject that is not a relative
    pronoun, in spaCy's parse."""
    if not has_finite_verb(text):
        return False
    doc = parse(text)
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if len(roots) != 1:
        return False
    root = roots[0]
    heads = [root, *(c for c in root.children if c.dep_ in ("cop", "aux", "aux:pass"))]
    subjects = [c for h in heads for c in h.children if c.dep_ in _SUBJECT_DEPS]
    return any(str(s.text).lower() not in ("qui", "que", "dont", "lequel") for s in subjects)


def _inside_pairs(text: str, at: int) -> bool:
    """Whether ``at`` lies inside « », quotes or parentheses."""
    head = text[:at]
    return (
        head.count("«") > head.count("»")
        or head.count("(") > head.count(")")
        or head.count('"') % 2 == 1
        or head.count("“") > head.count("”")
    )


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _end(text: str) -> str:
    text = text.rstrip(" ,;:")
    return text if text[-1:] in ".!?…" else text + "."


def _content(text: str) -> Counter[str]:
    return Counter(w.lower() for w in _WORD.findall(text))


def _faithful(before: str, parts: Sequence[str], dropped: str, added: str) -> bool:
    """The parts hold the sentence's words, but ``dropped`` (the joining word) and ``added``
    (the restarting subject), its numbers and names intact, each part a long enough clause."""
    original = _content(before)
    got = sum((_content(p) for p in parts), Counter())
    got.subtract(_content(added))
    original.subtract(_content(dropped))
    if +got != +original:
        return False
    if any(count_words(p) < MIN_PART_WORDS or not quotes_balanced(p) for p in parts):
        return False
    if any(_SUBORDINATE.match(p) for p in parts[1:]):
        return False  # "Dont l’État doit…" is no sentence: the seam was inside a clause
    return all(_clause(p) for p in parts)


def _seam_splits(sentence: str) -> list[tuple[str, str, str]]:
    """(left, right, dropped word) for each ", et|mais…", ";" or ":" seam outside quotes."""
    out: list[tuple[str, str, str]] = []
    for m in re.finditer(
        r"\s*(?:,\s+(\w+)\s+|\s*;\s+|\s+:\s+|\u00a0[;:]\s+|\u202f[;:]\s+)", sentence
    ):
        if _inside_pairs(sentence, m.start()):
            continue
        word = (m.group(1) or "").lower()
        left, right = sentence[: m.start()], sentence[m.end() :]
        if m.group(1) is not None:
            if word in _DROPPED:
                out.append((left, right, word))
            elif word in _KEPT:
                out.append((left, f"{m.group(1)} {right}", ""))
        elif not right.lstrip().startswith(("«", "“", '"')):
            # A colon that opens a quotation introduces it: the two are one sentence.
            out.append((left, right, ""))
    return out


#: What a determiner says of its noun's gender and number ("la ministre": feminine, whatever
#: the noun's own default).
_DETERMINERS = {
    "le": ("Masc", "Sing"),
    "un": ("Masc", "Sing"),
    "ce": ("Masc", "Sing"),
    "cet": ("Masc", "Sing"),
    "du": ("Masc", "Sing"),
    "au": ("Masc", "Sing"),
    "la": ("Fem", "Sing"),
    "une": ("Fem", "Sing"),
    "cette": ("Fem", "Sing"),
    "les": ("", "Plur"),
    "des": ("", "Plur"),
    "ces": ("", "Plur"),
    "aux": ("", "Plur"),
}


def _pronoun(noun: Any) -> str | None:
    """The subject pronoun agreeing with ``noun`` (its determiner first, then the parse's
    morphology), or ``None`` when its gender is not known."""
    gender = next(iter(noun.morph.get("Gender")), "")
    number = next(iter(noun.morph.get("Number")), "")
    for c in noun.children:
        if c.dep_ == "det" and (said := _DETERMINERS.get(str(c.text).lower())):
            gender, number = said[0] or gender, said[1]
    return _PRONOUNS.get((gender, number))


def _verb_number(verb: Any) -> str:
    """The grammatical number the finite verb of a clause shows (its auxiliary's, when it has
    one): "" when the parse does not say."""
    for t in [*(c for c in verb.children if c.dep_.startswith("aux")), verb]:
        number = next(iter(t.morph.get("Number")), "")
        if number and ("Fin" in t.morph.get("VerbForm") or t.pos_ == "AUX"):
            return str(number)
    return ""


def _relative_split(sentence: str) -> tuple[str, str, str, str] | None:
    """(left, right, dropped, added) for a closing non-restrictive "…, qui V…" clause on a noun
    or a name: the name repeated, or a pronoun agreeing with the noun."""
    doc = parse(sentence)
    for t in doc:
        if str(t.text).lower() != "qui" or t.dep_ not in _SUBJECT_DEPS:
            continue
        verb = t.head
        if verb.dep_ != "acl:relcl":
            continue
        antecedent = verb.head
        comma = doc[t.i - 1] if t.i > 0 else None
        if comma is None or comma.text != "," or antecedent.i != t.i - 2:
            continue
        last = max(x.i for x in verb.subtree)
        tail = [x for x in doc[last + 1 :] if not x.is_punct]
        if tail:
            continue  # the main clause goes on after the relative one
        start = t.idx
        left = sentence[: comma.idx]
        right = sentence[start + len(t.text) :].lstrip()
        if antecedent.pos_ == "PROPN":
            first = antecedent.i
            while first > 0 and doc[first - 1].pos_ == "PROPN":
                first -= 1
            subject = sentence[doc[first].idx : antecedent.idx + len(antecedent.text)]
        elif antecedent.pos_ == "NOUN" and (pronoun := _pronoun(antecedent)):
            if _verb_number(verb) not in ("", "Plur" if pronoun.endswith("s") else "Sing"):
                continue  # "taille, qui sont…": the parse took the wrong antecedent
            subject = pronoun
        else:
            continue
        return left, f"{subject} {right}", "qui", subject
    return None


def _framed(left: str, right: str) -> bool:
    """The second part may be in the scope of something the first opens — a source ("Selon
    X"), a condition, a completive "que" — or the sentence's attribution closes the second
    ("…, a affirmé le ministre"): split, it would lose it."""
    return _FRAME.search(left) is not None or reports_speech(right)


def split_sentence(sentence: str) -> SentenceSplit | None:
    """Two sentences for ``sentence`` when it runs over :data:`LONG_SENTENCE_WORDS` words and a
    verified seam exists (see the module doc), the most balanced first; ``None`` otherwise."""
    sentence = " ".join(sentence.split())
    if count_words(sentence) <= LONG_SENTENCE_WORDS or sentence.rstrip().endswith("?"):
        return None
    options: list[tuple[int, SentenceSplit]] = []
    for left, right, dropped in _seam_splits(sentence):
        if _framed(left, right):
            continue
        parts = (_end(left), _end(_capital(right)))
        if _faithful(sentence, parts, dropped, ""):
            balance = abs(count_words(parts[0]) - count_words(parts[1]))
            options.append((balance, SentenceSplit(sentence, parts, "clauses")))
    if not options and (rel := _relative_split(sentence)) and not _framed(*rel[:2]):
        left, right, dropped, added = rel
        parts = (_end(left), _end(_capital(right)))
        if _faithful(sentence, parts, dropped, added):
            options.append((0, SentenceSplit(sentence, parts, "relative")))
    return min(options, key=lambda o: o[0])[1] if options else None


def split_long_sentences(paragraph: str) -> tuple[str, list[SentenceSplit]]:
    """``paragraph`` with its long sentences split where :func:`split_sentence` allows (a part
    still long is split again, once), and the splits made."""
    done: list[SentenceSplit] = []
    out: list[str] = []
    for s in sentences(paragraph):
        text = s.text.strip()
        split = split_sentence(text)
        if split is None:
            out.append(text)
            continue
        parts: list[str] = []
        for part in split.after:
            again = split_sentence(part)
            parts += list(again.after) if again else [part]
        done.append(SentenceSplit(text, tuple(parts), split.kind))
        out += parts
    return " ".join(out), done


def split_document(doc: Document) -> tuple[Document, list[SentenceSplit]]:
    """``doc`` with the long sentences of its paragraphs split (headings, list items and
    quotations as written), and every split made, in text order."""
    blocks: list[Block] = []
    done: list[SentenceSplit] = []
    for block in doc.blocks:
        if block.kind is not BlockKind.PARAGRAPH:
            blocks.append(block)
            continue
        text, splits = split_long_sentences(block.text)
        blocks.append(replace(block, text=text) if splits else block)
        done += splits
    return (replace(doc, blocks=tuple(blocks)) if done else doc), done
