"""Split a long sentence into two where French allows it without changing what it says.

Yoast's SentenceLengthInTextAssessment wants at most a quarter of sentences over 20 words; an
editor cuts a long one at its seams (issue 18), which :mod:`plume.write.seams` finds: two main
clauses joined by ", et", ", mais", ";" or ":", a relative clause, ", ce qui" or ", dont"
restarted on its antecedent, an apposition or a detached attribute stated with « être », a
participial clause stating a consequence; and, read from the words where the small parse
errs (:mod:`plume.write.seams_more`), « et » before a subject of its own, an apposition to a
name, a relative closing on a determiner and its noun. A sentence of a quotation running over
several is not split; a split never adds a passive sentence, nor three sentences in a row
opening on the same word.
Every proposal is verified: each part is a clause of its own (a subject and a finite verb, as
spaCy's parse and the lexicon say), no word is lost but the joining words, no number, name or
quotation is cut, Grammalecte finds no more errors in the parts than in the sentence; otherwise
the sentence stays as the author wrote it. Before splitting, a main passive with an agent is
turned active where verified (:mod:`plume.write.active`), else offered as a suggestion.
A document's long sentences are parsed in one spaCy batch, and the texts its edits would make
checked by Grammalecte in one request (:func:`split_document`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from plume.analyse.passive import passive_clauses
from plume.document import Block, BlockKind, Document
from plume.grammar import check_grammar
from plume.optimisation import edit_id
from plume.settings import GrammarSettings
from plume.text import Sentence, count_words, quotes_balanced, sentences
from plume.write.active import active_voice
from plume.write.seams import (
    SUBJECT_DEPS,
    WORD,
    apposition_split,
    capital,
    ce_qui_split,
    dont_split,
    end_sentence,
    fronted_split,
    inside_pairs,
    name_subject,
    parse,
    parse_batch,
    participle_split,
    relative_split,
    seam_splits,
    shared_subject_split,
    verb_only,
)
from plume.write.seams_more import (
    bare_et_seams,
    closing_apposition_split,
    closing_relative_split,
    name_apposition_split,
    name_relative_split,
)
from plume.write.trim import has_finite_verb, reports_speech

__all__ = [
    "LONG_SENTENCE_WORDS",
    "SentenceSplit",
    "edit_sentence",
    "split_document",
    "split_long_sentences",
    "split_sentence",
]

#: Yoast SentenceLengthInTextAssessment: a sentence over 20 words is long (French, as English).
LONG_SENTENCE_WORDS = 20
#: A part shorter than this reads as a fragment ("Il a signé.") more than a sentence.
MIN_PART_WORDS = 5
#: What may hold both clauses in its scope — a source, a condition, a completive "que", a
#: concession: such a sentence is not split.
#: The elided forms ("qu’il", "lorsqu’on") are followed by a letter: no word-end check for them.
_FRAME = re.compile(
    r"(?i)(?<![\w’'])(?:(?:selon|d[’']après|si|s[’']il|s[’']ils|lorsque|quand|bien que|"
    r"quoique|même si|que)(?![\w’'-])|(?:lorsqu|quoiqu|qu)[’'])"
)
#: Adjectives whose « que » opens a completive ("plus probable que…"): still a frame.
_COMPLETIVE_ADJ = (
    r"(?:probable|improbable|possible|impossible|sûr|certain|vrai|faux|clair|évident|"
    r"nécessaire|important|vraisemblable|juste|normal|étonnant|grave)\b"
)
#: A « que » of comparison ("plus pauvres que la moyenne", "bien plus que") or of cause
#: ("parce qu’ils"): it opens no completive holding what follows.
_NOT_FRAME = re.compile(
    r"(?i)\b(?:parce|(?:plus|moins|aussi|autant|davantage)(?:\s+(?!" + _COMPLETIVE_ADJ + r")"
    r"[\w’'-]+)?)\s+qu(?:e\b|[’'])"
    # "les avertissements selon lesquels…" (a relative: no source), "coûte que coûte".
    r"|\bselon\s+(?:lequel|laquelle|lesquels|lesquelles)\b|\bcoûte que coûte\b"
)


#: A sentence opening on the scope of what it says ("Pour les huit autres, …", "Dans les
#: quatorze autres communes, …", "Parmi eux, …"): a clause cut off from it says it of all.
_SCOPE_OPENING = re.compile(
    r"(?i)^\s*(?:pour|dans|chez|parmi|sur|hors|sauf|excepté|concernant|quant\s+(?:à|au|aux)|"
    r"à\s+part|en\s+dehors)\b[^,;:]{0,80},"
)


#: A sentence opening on its cause ("Car A, et B"): both clauses give the reason; split, the
#: second loses it (read blind on an unseen review: "the causal link is lost").
_CAUSE_OPENING = re.compile(r"(?i)^\s*(?:car|puisque|puisqu[’']|parce\s+que|parce\s+qu[’'])")


#: « ne … que » (restriction: "n’a rencontré que les syndicats"), « celui que » (a relative):
#: no completive.
_RESTRICTIVE_QUE = re.compile(
    r"(?i)\b(?:n(?:e\s+|[’'])[\w’'-]+(?:\s+[\w’'-]+)?|celui|celle|ceux|celles)\s+qu(?:e\b|[’'])"
)
#: A subordinate of time, purpose, concession… ("avant que", "pour que", "lorsque"): after the
#: main verb, its scope closes before ", et" + a subject of its own (continuing it would take
#: "et que", "et lorsque"); opening the sentence, it holds every clause that follows.
_SUBORDINATE_FRAME = re.compile(
    r"(?i)(?:\b(?:pour|afin|avant|sans|dès|après|depuis|pendant|tandis|alors|bien|mesure|"
    r"sorte|jusqu[’']à ce)\s+qu(?:e\b|[’'])|\b(?:lorsque\b|lorsqu[’']|quand\b|quoique\b|quoiqu[’']))"
)


def _frames(text: str) -> bool:
    """``text`` opens a source, a condition, a completive, a scope… (:data:`_FRAME`,
    :data:`_SCOPE_OPENING`); a restrictive « ne … que », or a subordinate of time or purpose
    after a main verb (:data:`_SUBORDINATE_FRAME`), frames nothing."""
    if _SCOPE_OPENING.match(text) is not None or _CAUSE_OPENING.match(text) is not None:
        return True
    text = _RESTRICTIVE_QUE.sub(" ", _NOT_FRAME.sub(" ", text))
    for m in _SUBORDINATE_FRAME.finditer(text):
        if any(verb_only(w) for w in WORD.findall(text[: m.start()])):
            text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() :]
    return _FRAME.search(text) is not None


#: Words that open a dependent clause, never a sentence.
_SUBORDINATE = re.compile(
    r"(?i)(?:dont|qui|que|qu[’']|où|lequel|laquelle|lesquels|lesquelles|auquel|auxquels|"
    r"duquel|desquels|quand|lorsque|lorsqu[’']|si|s[’']il|comme|puisque|puisqu[’']|parce|"
    r"tandis|alors que|bien que|afin|pour que|sans que|avant que|après que)(?![\w-])"
)
#: An elided word and the verb it leans on ("n’est", "l’a", "s’est", "m’a").
_ELIDED = re.compile(r"(?i)\b([nlsmtdcj][’'])(?=\w)")


@dataclass(frozen=True)
class SentenceSplit:
    """One long sentence of a paragraph, and the sentences it became."""

    before: str
    after: tuple[str, ...]
    #: "clauses" (two main clauses), "relative" (a relative clause restarted), "apposition",
    #: "participle"; "active" (one sentence, passive → active).
    kind: str
    #: False: an active sentence built but not verified, offered and not applied.
    applied: bool = True
    #: The editor refused it (its id in ``refused``): the sentence stays as it was.
    refused: bool = False

    @property
    def id(self) -> str:
        """:func:`plume.optimisation.edit_id` of its kind and the sentence before it."""
        return edit_id(self.kind, self.before)


def _clause(text: str) -> bool:
    """``text`` is a clause of its own: a finite verb and a subject that is not a relative
    pronoun, in spaCy's parse (or a name and its verb, as the lexicon reads them)."""
    # The lexicon reads words: "n’est" is none, "n’ est" holds « est ».
    if not has_finite_verb(_ELIDED.sub(r"\1 ", text)):
        return False
    if name_subject(text.removeprefix("Mais ")) is not None:
        return True
    # "En effet, " (a restarted « car »), "Non, " (an answer after a colon) are no part of
    # the clause the parse should find: it reads the rest better alone.
    doc = parse(_clause_text(text))
    # A full stop the parse leaves hanging is a root of its own, not a second clause.
    roots = [t for t in doc if t.dep_ == "ROOT" and not t.is_punct]
    if len(roots) != 1:
        return False
    root = roots[0]
    heads = [root, *(c for c in root.children if c.dep_ in ("cop", "aux", "aux:pass"))]
    subjects = [c for h in heads for c in h.children if c.dep_ in SUBJECT_DEPS]
    return any(str(s.text).lower() not in ("qui", "que", "dont", "lequel") for s in subjects)


def _clause_text(text: str) -> str:
    text = _ANSWER.sub("", text)
    # "Face à la grève, elle maintient…": an opening phrase with no verb is no part of the
    # clause the small parse should find (it takes "elle maintient" for a relative).
    front = _FRONT.match(text)
    if front is not None and not any(verb_only(w) for w in WORD.findall(front.group(1))):
        text = text[front.end() :]
    return capital(text)


_FRONT = re.compile(r"^([^,;:«»()]+), (?=(?:il|elle|ils|elles|on) )")


_ANSWER = re.compile(r"^(?:En effet|Non|Oui|Si), ")


def _content(text: str) -> Counter[str]:
    return Counter(w.lower() for w in WORD.findall(text))


def _faithful(before: str, parts: Sequence[str], dropped: str, added: str) -> bool:
    """The parts hold the sentence's words, but ``dropped`` (the joining word) and ``added``
    (the restarting subject), its numbers and names intact, each part a long enough clause."""
    return _words_kept(before, parts, dropped, added) and all(_clause(p) for p in parts)


def _words_kept(before: str, parts: Sequence[str], dropped: str, added: str) -> bool:
    """:func:`_faithful` but for the parse: the words, the quotes, the parts' length."""
    original = _content(before)
    got = sum((_content(p) for p in parts), Counter())
    got.subtract(_content(added))
    original.subtract(_content(dropped))
    if +got != +original:
        return False
    if any(count_words(p) < MIN_PART_WORDS or not quotes_balanced(p) for p in parts):
        return False
    # "Dont l’État doit…" is no sentence: the seam was inside a clause.
    return not any(_SUBORDINATE.match(p) for p in parts[1:])


def _seam_parts(sentence: str) -> list[str]:
    """The texts :func:`_clause` will parse for ``sentence``'s seams that pass every check but
    the parse: parsed with the document's batch."""
    out: list[str] = []
    for left, right, dropped, added in _seams(sentence):
        parts = (end_sentence(left), end_sentence(capital(right)))
        if not _framed(left, right) and _words_kept(sentence, parts, dropped, added):
            out += [_clause_text(p) for p in parts]
    return out


def _seams(sentence: str) -> list[tuple[str, str, str, str]]:
    """Every seam between two main clauses: :func:`plume.write.seams.seam_splits`, and « et »
    before a subject of its own (:func:`plume.write.seams_more.bare_et_seams`)."""
    return seam_splits(sentence) + bare_et_seams(sentence)


def _grammar_ok(before: str, parts: Sequence[str], grammar: GrammarSettings | None) -> bool:
    """No more Grammalecte errors in the parts than in the sentence (when it runs)."""
    if grammar is None:
        return True
    old = check_grammar(before, grammar)
    return not old.available or len(check_grammar(" ".join(parts), grammar).errors) <= len(
        old.errors
    )


def _closing_attribution(sentence: str) -> bool:
    """The sentence ends on an attribution after a comma ("…, a affirmé le ministre.")."""
    last = sentence.rsplit(",", 1)[-1]
    # 12 words: "comme l’a souligné l’Open Market Institute dans un récent rapport" (10).
    return "," in sentence and count_words(last) <= 12 and reports_speech(last)


def _framed(left: str, right: str) -> bool:
    """The second part may be in the scope of something the first opens — a source ("Selon
    X"), a condition, a completive "que" — or the sentence's attribution closes the second
    ("…, a affirmé le ministre"): split, it would lose it."""
    return _frames(left) or reports_speech(right)


def split_sentence(sentence: str, grammar: GrammarSettings | None = None) -> SentenceSplit | None:
    """Two sentences for ``sentence`` when it runs over :data:`LONG_SENTENCE_WORDS` words and a
    verified seam exists (see the module doc), the most balanced first; ``None`` otherwise.
    ``grammar``: Grammalecte's settings, for the no-new-error check (``None``: not checked)."""
    sentence = " ".join(sentence.split())
    return next(
        (o for o in _proposals(sentence) if _grammar_ok(sentence, o.after, grammar)),
        None,
    )


@lru_cache(maxsize=512)
def _proposals(sentence: str) -> tuple[SentenceSplit, ...]:
    """The splits of ``sentence`` verified but for Grammalecte, the preferred first (cached: the
    document's pass asks for them once to check them all in one request, then again)."""
    if count_words(sentence) <= LONG_SENTENCE_WORDS or sentence.rstrip().endswith("?"):
        return ()
    options: list[tuple[int, SentenceSplit]] = []
    for left, right, dropped, added in _seams(sentence):
        if _framed(left, right):
            continue
        parts = (end_sentence(left), end_sentence(capital(right)))
        if _faithful(sentence, parts, dropped, added):
            balance = abs(count_words(parts[0]) - count_words(parts[1]))
            options.append((balance, SentenceSplit(sentence, parts, "clauses")))
    if not options:
        # Restarted clauses, in order of confidence: each is tried only when the one before
        # gave nothing verified.
        for kind, find in (
            ("clauses", shared_subject_split),
            ("relative", ce_qui_split),
            ("relative", relative_split),
            ("relative", dont_split),
            ("apposition", apposition_split),
            ("apposition", fronted_split),
            ("participle", participle_split),
            ("relative", closing_relative_split),
            ("relative", name_relative_split),
            ("apposition", lambda s: name_apposition_split(s, _frames)),
            ("apposition", closing_apposition_split),
        ):
            found = find(sentence)
            # The restarted part is a clause of its own ("Il avait annoncé sa démission"): a
            # speech verb in it frames nothing; a source or condition opening the sentence, or
            # an attribution closing it ("…, a affirmé le ministre"), would be lost.
            # An apposition's last part is the main clause itself, not an attribution.
            if found is None or _frames(found[0]):
                continue
            if kind != "apposition" and _closing_attribution(sentence):
                continue
            left, right, dropped, added = found
            parts = (end_sentence(left), end_sentence(capital(right)))
            if _faithful(sentence, parts, dropped, added):
                options.append((0, SentenceSplit(sentence, parts, kind)))
                break
    options.sort(key=lambda o: o[0])
    return tuple(o[1] for o in options if not _adds_passive(sentence, o[1].after))


def _passives(text: str) -> int:
    return sum(bool(passive_clauses(s)) for s in sentences(text))


def _adds_passive(before: str, parts: Sequence[str]) -> bool:
    """The parts hold more passive sentences than the sentence did ("Située au cœur de Paris,
    l’Université PSL couvre…" → "L’Université PSL est située au cœur de Paris."): Yoast's
    PassiveVoiceAssessment counts each, and the pass is there to lower it, never to raise it."""
    return sum(_passives(p) for p in parts) > _passives(before)


def _prefetch(paragraphs: Sequence[str], grammar: GrammarSettings | None) -> None:
    """Ask Grammalecte about every sentence the pass may check, and the text each candidate
    edit would make of it, in one request: the checker keeps each line's answer, so the checks
    of :func:`edit_sentence` cost no further round trip (one request per candidate cost ~17 ms
    each, and Grammalecte checks each line on its own: the answers are the same)."""
    if grammar is None:
        return
    lines: list[str] = []
    for paragraph in paragraphs:
        for s in sentences(paragraph):
            if _quoted(paragraph, s):
                continue
            text = " ".join(s.text.split())
            active = active_voice(text)
            if active is not None:
                lines += [text, active.after]
            # The preferred option only: the others are checked when it fails (one request
            # each, rarely), as sending them all costs Grammalecte more than it saves.
            options = _proposals(text)
            if options:
                lines += [text, " ".join(options[0].after)]
                for part in options[0].after:  # the part split again, as edit_sentence does
                    if again := _proposals(part):
                        lines += [part, " ".join(again[0].after)]
    if lines:
        check_grammar("\n".join(dict.fromkeys(lines)), grammar)


_HARD_SPACE_AFTER = re.compile(r"(\S+)([\u00a0\u202f])(?=(\S+))")


def _respace(original: str, text: str) -> str:
    """``text`` (made from ``original`` with its spaces made plain for the parse) with the
    no-break spaces ``original`` has between the same two words put back ("365 000", "20 %",
    « sous peu »): French typography is part of the text (Imprimerie nationale)."""
    for m in _HARD_SPACE_AFTER.finditer(original):
        a, space, b = m.group(1), m.group(2), m.group(3)
        text = text.replace(f"{a} {b}", f"{a}{space}{b}")
    return text


def edit_sentence(
    text: str, grammar: GrammarSettings | None = None, refused: Collection[str] = ()
) -> tuple[list[str], list[SentenceSplit]]:
    """The sentences ``text`` becomes in the editor's pass, and the edits made or offered: a
    main passive with an agent turned active (applied when verified), then a long sentence
    split where :func:`split_sentence` allows (a part still long is split again, once). An edit
    whose id is in ``refused`` is reported as refused and not made."""
    edits: list[SentenceSplit] = []
    original = text
    active = active_voice(text, grammar)
    if active is not None:
        edit = SentenceSplit(original, (_respace(original, active.after),), "active")
        if edit.id in refused:
            edits.append(replace(edit, applied=False, refused=True))
        else:
            edits.append(replace(edit, applied=active.verified))
            if active.verified:
                text = edit.after[0]
    split = split_sentence(text, grammar)
    if split is None:
        return [text], edits
    parts: list[str] = []
    for part in split.after:
        again = split_sentence(part, grammar)
        parts += list(again.after) if again else [part]
    edit = SentenceSplit(text, tuple(_respace(text, p) for p in parts), split.kind)
    if edit.id in refused:
        edits.append(replace(edit, applied=False, refused=True))
        return [text], edits
    edits.append(edit)
    return list(edit.after), edits


def _quoted(paragraph: str, sentence: Sentence) -> bool:
    """A sentence of a quotation that runs over several (« … porte ses fruits : … »): the quoted
    words stay as said, though this sentence holds no quotation mark of its own."""
    return inside_pairs(paragraph, sentence.start) or inside_pairs(paragraph, sentence.end)


def split_long_sentences(
    paragraph: str, grammar: GrammarSettings | None = None, refused: Collection[str] = ()
) -> tuple[str, list[SentenceSplit]]:
    """``paragraph`` after the editor's pass on each sentence (:func:`edit_sentence`), and
    the edits made or offered."""
    done: list[SentenceSplit] = []
    out: list[str] = []
    found = sentences(paragraph)
    for k, s in enumerate(found):
        text = s.text.strip()
        if _quoted(paragraph, s):
            out.append(text)
            continue
        parts, edits = edit_sentence(text, grammar, refused)
        following = [found[k + 1].text] if k + 1 < len(found) else []
        if len(parts) > 1 and _same_openings([*out[-2:], *parts, *following]):
            # Yoast's SentenceBeginningsAssessment: three sentences in a row opening on the
            # same word read as a list ("Elle consacre… Elle contribue… Elle est…"); the split
            # is offered, not made.
            split = next(e for e in edits if e.kind != "active")
            edits = [replace(e, applied=False) if e is split else e for e in edits]
            parts = [split.before]
        out += parts
        done += edits
    return " ".join(out), done


def _same_openings(texts: Sequence[str]) -> bool:
    """Three texts in a row open on the same word."""
    firsts = [(WORD.findall(t)[:1] or [""])[0].lower() for t in texts]
    return any(
        firsts[i] and firsts[i] == firsts[i + 1] == firsts[i + 2] for i in range(len(firsts) - 2)
    )


def split_document(
    doc: Document, grammar: GrammarSettings | None = None, refused: Collection[str] = ()
) -> tuple[Document, list[SentenceSplit]]:
    """``doc`` after the editor's pass on its paragraphs (headings, list items and quotations
    as written), and every edit made or offered, in text order."""
    blocks: list[Block] = []
    done: list[SentenceSplit] = []
    paragraphs = [b.text for b in doc.blocks if b.kind is BlockKind.PARAGRAPH]
    long = [
        " ".join(s.text.split())
        for p in paragraphs
        for s in sentences(p)
        if count_words(s.text) > LONG_SENTENCE_WORDS
    ]
    parse_batch(long + [part for s in long for part in _seam_parts(s)])
    _prefetch(paragraphs, grammar)
    for block in doc.blocks:
        if block.kind is not BlockKind.PARAGRAPH:
            blocks.append(block)
            continue
        text, edits = split_long_sentences(block.text, grammar, refused)
        changed = any(e.applied for e in edits)
        blocks.append(replace(block, text=text) if changed else block)
        done += edits
    return (replace(doc, blocks=tuple(blocks)) if any(e.applied for e in done) else doc), done
