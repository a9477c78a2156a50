"""Split a long sentence into two where French allows it without changing what it says.

Yoast's SentenceLengthInTextAssessment wants at most a quarter of sentences over 20 words; an
editor cuts a long one at its seams (issue 18): two main clauses joined by ", et", ", mais", ";"
or ":", each with its own subject ("…, et la société contrôle…" → "…. La société contrôle…");
a non-restrictive relative clause on a named antecedent, closing the sentence or inside it,
restarted with the name or an agreeing pronoun ("…confié à Vinci, qui a remporté…" → "…confié à
Vinci. Vinci a remporté…"; "Le ministre, qui a démissionné, sera remplacé…" → "Le ministre sera
remplacé…. Il a démissionné."), and ", ce qui…" restarted on « Cela »; an apposition to the
subject that opens the sentence ("Jean Dupont, ancien ministre, a annoncé…" → "Jean Dupont est
ancien ministre. Il a annoncé…"); a participial clause stating a consequence ("…, permettant
ainsi de…" → "…. Cela permet ainsi de…", in the main verb's tense).
Every proposal is verified: each part is a clause of its own (a subject and a finite verb, as
spaCy's parse and the lexicon say), no word is lost but the joining words, no number, name or
quotation is cut, Grammalecte finds no more errors in the parts than in the sentence; otherwise
the sentence stays as the author wrote it. Before splitting, a main passive with an agent is
turned active where verified (:mod:`plume.write.active`), else offered as a suggestion.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from plume.document import Block, BlockKind, Document
from plume.grammar import check_grammar
from plume.lang.fr import read_list
from plume.lang.fr.lexicon import load_lexicon
from plume.optimisation import edit_id
from plume.settings import GrammarSettings
from plume.text import count_words, quotes_balanced, sentences
from plume.write.active import active_voice, compound, conjugate, tense_of
from plume.write.compress import parse
from plume.write.meta import has_finite_verb, reports_speech

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
#: The elided forms ("qu’il", "lorsqu’on") are followed by a letter: no word-end check for them.
_FRAME = re.compile(
    r"(?i)(?<![\w’'])(?:(?:selon|d[’']après|si|s[’']il|s[’']ils|lorsque|quand|bien que|"
    r"quoique|même si|que)(?![\w’'-])|(?:lorsqu|quoiqu|qu)[’'])"
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
    # "… et il a les liquidités…": « et » without a comma, when a subject pronoun follows it
    # (both parts must still be clauses of their own, as for every seam). Not before a
    # determiner: "…dicter les conditions et les frais et de se protéger…" coordinates nouns,
    # and the small parse lets such a fragment pass for a clause.
    for m in _BARE_ET.finditer(sentence):
        if not _inside_pairs(sentence, m.start()):
            out.append((sentence[: m.start()], sentence[m.end() :], "et"))
    return out


_BARE_ET = re.compile(r"(?<!,)\s+et\s+(?=(?:il|elle|ils|elles|on)\s)")


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


def _antecedent_end(doc: Any, antecedent: Any, comma: int) -> bool:
    """Whether the antecedent's noun phrase ends right before the comma at ``comma``: the noun
    itself, the last part of a name ("Emmanuel Macron, qui…"), or a complement whose nouns all
    have the antecedent's gender and number ("le président du conseil, qui…": « il » either
    way). "la part de Microsoft, qui…" is refused: the pronoun would depend on the antecedent
    the parse chose."""
    last = doc[comma - 1]
    if antecedent.pos_ == "NOUN" and antecedent.i < last.i:
        inner = [x for x in doc[antecedent.i + 1 : comma] if x.pos_ in ("NOUN", "PROPN")]
        said = _pronoun(antecedent)
        return (
            said is not None
            and all(x.head.i < comma for x in doc[antecedent.i + 1 : comma])
            and all(x.pos_ == "NOUN" and _pronoun(x) == said for x in inner)
        )
    return bool(
        last.i == antecedent.i or (last.dep_.startswith("flat") and last.head == antecedent)
    )


def _relative_split(sentence: str) -> tuple[str, str, str, str] | None:
    """(left, right, dropped, added) for a non-restrictive "…, qui V…" clause on a noun or a
    name — closing the sentence, or between commas inside it (the main clause first, then
    the relative restarted): the name repeated, or a pronoun agreeing with the noun."""
    doc = parse(sentence)
    for t in doc:
        if str(t.text).lower() != "qui" or t.dep_ not in _SUBJECT_DEPS:
            continue
        verb = t.head
        if verb.dep_ != "acl:relcl":
            continue
        antecedent = verb.head
        comma = doc[t.i - 1] if t.i > 0 else None
        if comma is None or comma.text != "," or not _antecedent_end(doc, antecedent, comma.i):
            continue
        last = max(x.i for x in verb.subtree)
        tail = [x for x in doc[last + 1 :] if not x.is_punct]
        close = doc[last + 1] if last + 1 < len(doc) else None
        if tail and (close is None or close.text != "," or antecedent.i > verb.i):
            continue  # the main clause goes on after the relative one, not after a comma
        start = t.idx
        if tail:
            assert close is not None
            rel_end = close.idx
            left = sentence[: comma.idx] + " " + sentence[close.idx + 1 :].lstrip()
            right = sentence[start + len(t.text) : rel_end].strip()
        else:
            left = sentence[: comma.idx]
            right = sentence[start + len(t.text) :].lstrip()
        if _inside_pairs(sentence, comma.idx):
            continue
        if antecedent.pos_ == "PROPN":
            first = antecedent.i
            while first > 0 and doc[first - 1].pos_ == "PROPN":
                first -= 1
            subject = sentence[doc[first].idx : doc[comma.i - 1].idx + len(doc[comma.i - 1].text)]
        elif antecedent.pos_ == "NOUN" and (pronoun := _pronoun(antecedent)):
            if _verb_number(verb) not in ("", "Plur" if pronoun.endswith("s") else "Sing"):
                continue  # "taille, qui sont…": the parse took the wrong antecedent
            subject = pronoun
        else:
            continue
        return left, f"{subject} {right}", "qui", subject
    return None


_CE_QUI = re.compile(r",\s+ce qui\s+")


def _ce_qui_split(sentence: str) -> tuple[str, str, str, str] | None:
    """ "…, ce qui rend X coûteux" → "…. Cela rend X coûteux": « ce qui » takes up the whole
    preceding clause, as « Cela » does."""
    for m in _CE_QUI.finditer(sentence):
        if _inside_pairs(sentence, m.start()):
            continue
        return sentence[: m.start()], "Cela " + sentence[m.end() :], "ce qui", "cela"
    return None


@cache
def _consequence_verbs() -> frozenset[str]:
    return frozenset(read_list("split_consequence_verbs.txt"))


_PARTICIPLE = re.compile(r",\s+(\w+ant)\s+")


@cache
def _etre_verbs() -> frozenset[str]:
    return frozenset(read_list("etre_verbs.txt"))


_SUBJECT_PRONOUNS = frozenset({"il", "elle", "ils", "elles", "on", "nous"})


def _main_subject(left: str) -> tuple[str, str] | None:
    """(the words restarting a participle on the main clause's subject, its number "s"/"p")
    for ``left``: a name repeated, a subject pronoun kept, a noun's agreeing pronoun."""
    doc = parse(_end(left))
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if len(roots) != 1:
        return None
    subject = next((c for c in roots[0].children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if subject is None:
        return None
    text = str(subject.text)
    if subject.pos_ == "PRON" and text.lower() in _SUBJECT_PRONOUNS:
        return text.lower(), "p" if text.lower() in ("ils", "elles", "nous") else "s"
    if subject.pos_ == "PROPN":
        tokens = [subject, *(c for c in subject.children if c.dep_.startswith("flat"))]
        if any(c.dep_ not in ("flat:name", "flat", "punct") for c in subject.children):
            return None  # "le groupe Lagardère, dont…": more than a name
        first, last = min(t.i for t in tokens), max(t.i for t in tokens)
        if last - first + 1 != len(tokens):
            return None
        return doc[first : last + 1].text, "s"
    if subject.pos_ == "NOUN" and (pronoun := _pronoun(subject)):
        return pronoun, "p" if pronoun.endswith("s") else "s"
    return None


def _participle_split(sentence: str) -> tuple[str, str, str, str] | None:
    """ "…, permettant ainsi de…" → "…. Cela permet ainsi de…" for a verb of consequence
    (``split_consequence_verbs.txt``); "Les auteurs ont répertorié les tweets, trouvant plus de
    800 000 messages" → "…. Ils ont trouvé plus de 800 000 messages" for another verb (the
    detached participle's subject is the main clause's, Grevisse § 911) — in the tense of the
    main clause's verb, with avoir only (a verb taking être, "passant de…", stays)."""
    lexicon = load_lexicon()
    for m in _PARTICIPLE.finditer(sentence):
        word = m.group(1)
        lemma = next((a.lemma for a in lexicon.entry(word).analyses if a.tag == "G"), None)
        if lemma is None or lemma in ("être", "avoir") or _inside_pairs(sentence, m.start()):
            continue
        left = sentence[: m.start()]
        roots = [t for t in parse(_end(left)) if t.dep_ == "ROOT"]
        tense = tense_of(roots[0]) if len(roots) == 1 else None
        if tense is None:
            continue
        if lemma in _consequence_verbs():
            subject, number = "Cela", "s"
        elif lemma not in _etre_verbs() and (found := _main_subject(left)):
            subject, number = found
        else:
            continue
        verb = compound(lemma, tense[0], number) if tense[1] else conjugate(lemma, tense[0], number)
        if verb is None:
            continue
        rest, added = sentence[m.end() :], f"{subject} {verb}"
        if tense[1] and rest.startswith("ainsi "):  # "Cela a ainsi permis", not "a permis ainsi"
            aux, part = verb.split()
            verb, rest = f"{aux} ainsi {part}", rest[len("ainsi ") :]
        return left, f"{subject} {verb} {rest}", word, added
    return None


_SHARED = re.compile(r"(?:,\s+(et|mais)|\s+(et))\s+(?=\w)")


def _shared_subject_split(sentence: str) -> tuple[str, str, str, str] | None:
    """ "Le conseil a voté le budget, et a reporté la décision…" → "…. Il a reporté la
    décision…": a second verb coordinated with the main one, without its own subject, restarted
    on the main subject (name, pronoun, agreeing pronoun). Only when the parse makes that verb
    a conjunct of the sentence's root ("…le maire, qui a signé X et a promis Y": « promis » is
    the relative's, and stays)."""
    doc = parse(sentence)
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if len(roots) != 1:
        return None
    root = roots[0]
    for m in _SHARED.finditer(sentence):
        if _inside_pairs(sentence, m.start()):
            continue
        after = next((t for t in doc if t.idx >= m.end()), None)
        if after is None or after.pos_ not in ("AUX", "VERB"):
            continue
        verb = after if after.dep_ == "conj" else after.head
        if verb.dep_ != "conj" or verb.head != root or verb.i < after.i:
            continue
        if any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
            continue  # its own subject: an ordinary seam
        before = [t for t in doc if t.idx + len(t.text) <= m.start()]
        if before and before[-1].pos_ in ("VERB", "AUX"):
            continue  # "définit et met en œuvre une stratégie": the two verbs share it
        left = sentence[: m.start()]
        found = _main_subject(left)
        if found is None:
            continue
        subject, number = found
        if _verb_number(verb) not in ("", "Plur" if number == "p" else "Sing"):
            continue
        word = m.group(1) or m.group(2)
        kept = "Mais " if word.lower() == "mais" else ""
        return left, f"{kept}{subject} {sentence[m.end() :]}", "" if kept else "et", subject
    return None


_COPULA = {"présent": "est", "imparfait": "était", "futur": "est"}


def _apposition_split(sentence: str) -> tuple[str, str, str, str] | None:
    """ "Jean Dupont, ancien ministre de l'Économie, a annoncé…" → "Jean Dupont est ancien
    ministre de l'Économie." + "Il a annoncé…": the apposition to the subject that opens the
    sentence, stated with « être » (« était » in a past narrative), the main clause restarted
    with the pronoun agreeing with the apposition's noun."""
    doc = parse(sentence)
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if len(roots) != 1 or roots[0].pos_ not in ("VERB", "AUX"):
        return None
    root = roots[0]
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if subject is None or subject.pos_ not in ("PROPN", "NOUN"):
        return None
    apposition = next((c for c in subject.children if c.dep_ == "appos"), None)
    if apposition is None or apposition.pos_ != "NOUN":
        return None
    span = sorted(x.i for x in apposition.subtree)
    head = [x for x in subject.subtree if x.i < span[0]]
    if not head or head[0].i != 0 or doc[span[0] - 1].text != ",":
        return None
    if span != list(range(span[0], span[-1] + 1)) or span[-1] + 1 >= len(doc):
        return None
    close = doc[span[-1] + 1]
    if close.text != "," or any(x.i > close.i for x in subject.subtree):
        return None
    if doc[span[0]].pos_ not in ("DET", "ADJ", "NOUN"):
        return None
    tense = tense_of(root)
    pronoun = _pronoun(apposition)
    if tense is None or pronoun is None:
        return None
    copula = _COPULA.get(tense[0], "est")
    if pronoun.endswith("s"):
        copula = {"est": "sont", "était": "étaient"}[copula]
    name = sentence[: doc[span[0] - 1].idx]
    appos_text = sentence[doc[span[0]].idx : close.idx]
    rest = sentence[close.idx + 1 :].lstrip()
    left = f"{name} {copula} {appos_text}"
    return left, f"{pronoun} {rest}", "", f"{copula} {pronoun}"


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
    return _FRAME.search(left) is not None or reports_speech(right)


def split_sentence(sentence: str, grammar: GrammarSettings | None = None) -> SentenceSplit | None:
    """Two sentences for ``sentence`` when it runs over :data:`LONG_SENTENCE_WORDS` words and a
    verified seam exists (see the module doc), the most balanced first; ``None`` otherwise.
    ``grammar``: Grammalecte's settings, for the no-new-error check (``None``: not checked)."""
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
    if not options:
        # Restarted clauses, in order of confidence: each is tried only when the one before
        # gave nothing verified.
        for kind, find in (
            ("clauses", _shared_subject_split),
            ("relative", _ce_qui_split),
            ("relative", _relative_split),
            ("apposition", _apposition_split),
            ("participle", _participle_split),
        ):
            found = find(sentence)
            # The restarted part is a clause of its own ("Il avait annoncé sa démission"): a
            # speech verb in it frames nothing; a source or condition opening the sentence, or
            # an attribution closing it ("…, a affirmé le ministre"), would be lost.
            # An apposition's last part is the main clause itself, not an attribution.
            if found is None or _FRAME.search(found[0]):
                continue
            if kind != "apposition" and _closing_attribution(sentence):
                continue
            left, right, dropped, added = found
            parts = (_end(left), _end(_capital(right)))
            if _faithful(sentence, parts, dropped, added):
                options.append((0, SentenceSplit(sentence, parts, kind)))
                break
    options.sort(key=lambda o: o[0])
    return next(
        (o[1] for o in options if _grammar_ok(sentence, o[1].after, grammar)),
        None,
    )


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


def split_long_sentences(
    paragraph: str, grammar: GrammarSettings | None = None, refused: Collection[str] = ()
) -> tuple[str, list[SentenceSplit]]:
    """``paragraph`` after the editor's pass on each sentence (:func:`edit_sentence`), and
    the edits made or offered."""
    done: list[SentenceSplit] = []
    out: list[str] = []
    for s in sentences(paragraph):
        parts, edits = edit_sentence(s.text.strip(), grammar, refused)
        out += parts
        done += edits
    return " ".join(out), done


def split_document(
    doc: Document, grammar: GrammarSettings | None = None, refused: Collection[str] = ()
) -> tuple[Document, list[SentenceSplit]]:
    """``doc`` after the editor's pass on its paragraphs (headings, list items and quotations
    as written), and every edit made or offered, in text order."""
    blocks: list[Block] = []
    done: list[SentenceSplit] = []
    for block in doc.blocks:
        if block.kind is not BlockKind.PARAGRAPH:
            blocks.append(block)
            continue
        text, edits = split_long_sentences(block.text, grammar, refused)
        changed = any(e.applied for e in edits)
        blocks.append(replace(block, text=text) if changed else block)
        done += edits
    return (replace(doc, blocks=tuple(blocks)) if any(e.applied for e in done) else doc), done
