"""The parse the support check reads: spaCy's small French model (parser, morphology), its
tokens reduced to what the checks need (lemma keys, negation, hedging, passive voice), the
source's analysis cached per text."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from plume.lang.fr import fold, load_french
from plume.verify.nlp import light_french
from plume.verify.support.words import (
    CONTENT_POS,
    ETRE_FORMS,
    NEG_WITH_NE,
    NEG_WORDS,
    etre_verbs,
    lexicon,
    number_value,
    plain,
    word_class,
    word_keys,
)

# -- spaCy ----------------------------------------------------------------------------------


def _nlp() -> Any:
    """The parser and the morphologizer (dependencies, mood, polarity), no NER."""
    return light_french("lemmatizer", "ner")


def preload_support() -> None:
    """Load the parser in a background thread (it takes ≈ 2 s)."""
    threading.Thread(target=_nlp, name="plume-support-load", daemon=True).start()


# -- analysed text ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Tok:
    i: int
    text: str
    pos: str
    dep: str
    head: int
    sent: int
    keys: frozenset[str]
    content: bool
    #: Its clause is negated ("n'a pas", "refuse de").
    neg: bool
    #: Negated on its own ("aucun dommage", "sans danger", "et non PSL").
    own_neg: bool
    hedge: bool
    #: A verb in the passive: its subject is the patient.
    passive: bool
    number: str | None
    #: Its clause is in the future ("sera présenté", "va présenter"): not done yet.
    future: bool = False
    #: Grammatical number ("Sing", "Plur" or ""), to match a pronoun with its antecedent.
    number_gram: str = ""
    #: Its clause is someone's view ("il estime que …"); source only.
    believed: bool = False


@dataclass(frozen=True, slots=True)
class Text:
    toks: tuple[Tok, ...]
    #: ``(start, end)`` token ranges of the sentences.
    sents: tuple[tuple[int, int], ...]
    sent_text: tuple[str, ...]
    hedged: bool  # the text as a whole hedges (claims only)
    #: claims: in the future, or with no tense at all (a headline's "présenté en juin")
    untensed: bool
    topic_end: int  # claims: tokens before this index are a headline's topic label
    #: claims: the tokens of a "Name : « quote »" heading's speaker
    quoted_by: tuple[int, ...] = ()


_SPACES = re.compile(r"[\u00a0\u202f\u2009\u2007]")
_DIGIT_GROUP = re.compile(r"(?<=\d) (?=\d{3}\b)")


def prepare(text: str) -> str:
    text = _SPACES.sub(" ", text).replace("’", "'").replace("ʼ", "'")
    # The small model often tags « and » as verbs or pronouns, which wrecks the parse around
    # them; straight quotes do not.
    text = text.replace("«", '"').replace("»", '"')
    return _DIGIT_GROUP.sub("", text)


def _sentences(doc: Any) -> tuple[tuple[int, int], ...]:
    """spaCy's sentences, a stray piece of punctuation (an opening « alone) glued to the next."""
    out: list[tuple[int, int]] = []
    carry: int | None = None
    for s in doc.sents:
        start = s.start if carry is None else carry
        if not any(ch.isalnum() for ch in s.text):
            carry = start
            continue
        carry = None
        if out and _continues(doc, s.start, out[-1][0]):
            out[-1] = (out[-1][0], s.end)
            continue
        out.append((start, s.end))
    if carry is not None:
        if out:
            out[-1] = (out[-1][0], len(doc))
        else:
            out.append((carry, len(doc)))
    return tuple(out)


def _continues(doc: Any, i: int, start: int) -> bool:
    """Whether no sentence can start at token ``i`` (the last one started at ``start``): inside
    a hyphenated name ("Park Geun | -Hye"), on a comma ("Loué pour sa gestion | , il…"), or
    right after an opening quote ("traduit en français, « | Au soleil couchant »")."""
    before = doc[i - 1]
    if doc[i].text in (",", ";", ")"):
        return True
    if not before.whitespace_ and (before.text[-1:].isalnum() or before.text == "-"):
        return True
    return before.text == '"' and str(doc[start:i].text).count('"') % 2 == 1


def analyse(doc: Any, *, claim: bool) -> Text:
    words = load_french().function_words
    sents = _sentences(doc)
    sent_of = [0] * len(doc)
    for n, (a, b) in enumerate(sents):
        for k in range(a, b):
            sent_of[k] = n
    toks: list[Tok] = []
    scaled = _scaled_numbers(doc)
    for t in doc:
        numeric = t.pos_ in ("NUM", "DET", "NOUN", "ADJ", "PROPN") or t.text[:1].isdigit()
        number = number_value(t.text) if numeric else None
        if number == "1e" and not t.text[:1].isdigit() and _is_title(doc, t.i):
            number = None  # "le Premier ministre" is a title, not a rank
        number = scaled.get(t.i, number)
        pos = "NUM" if number is not None else _pos(t)
        lemma_keys = word_keys(t.text, pos)
        # ("milliard" after a number is part of it: see _scaled_numbers)
        content = (
            t.i - 1 not in scaled
            and pos in CONTENT_POS
            # "AI" in "Open AI" is a name, not the verb "ai".
            and (fold(t.text) not in words or (pos == "PROPN" and t.text.isupper()))
            and not (lemma_keys & word_class("light"))
            and any(c.isalnum() for c in t.text)
        ) or number is not None
        if number is not None:
            lemma_keys = frozenset({"#" + number})
        toks.append(
            Tok(
                t.i,
                t.text,
                pos,
                t.dep_,
                _head(t),
                sent_of[t.i],
                lemma_keys,
                content,
                _negated(t),
                _own_negation(t),
                # A claim's hedges are read as a whole (``hedged``), its source's word by word.
                not claim and _hedged(t),
                _passive(t),
                number,
                not claim and _future(t),
                "".join(t.morph.get("Number")),
                not claim and _believed(t),
            )
        )
    if not claim:
        _add_acronyms(toks, words)
    else:
        _repair_headline(toks)
    # "Open AI" is "OpenAI": two capitalised words in a row also match as one.
    for k in range(len(toks) - 1):
        first, second = toks[k], toks[k + 1]
        if (
            first.content
            and second.content
            and first.text[:1].isupper()
            and second.text[:1].isupper()
        ):
            glued = plain(first.text + second.text)
            toks[k] = replace(first, keys=first.keys | {glued})
            toks[k + 1] = replace(second, keys=second.keys | {glued})
    # "Selon X" credits what follows to X (the speaker check's business); it hedges nothing
    # the source states with "peut-être".
    # A claim with a condition of its own ("s'il devait être mis en œuvre, …") is hedged too.
    hedged = claim and any(
        (word_keys(t.text, t.pos_) & word_class("hedge") - _CREDIT)
        or _is_hedge_tok(t)
        or (fold(t.text) in ("si", "s'") and t.dep_ == "mark")
        for t in doc
    )
    finite = [t for t in doc if _pos(t) in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm")]
    untensed = claim and (not finite or any(_future(t) for t in doc if t.pos_ == "VERB"))
    topic_end = 0
    quoted_by: tuple[int, ...] = ()
    if claim:
        for t in doc:
            if t.text == ":" and 0 < t.i < len(doc) - 1:
                if doc[t.i + 1].text in ("«", '"'):
                    quoted_by = tuple(range(t.i))
                elif t.i <= 5 and not any(x.pos_ in ("VERB", "AUX") for x in doc[: t.i]):
                    # "Crise OpenAI : …": a headline's label, not part of the statement.
                    topic_end = t.i + 1
                break
    return Text(
        tuple(toks),
        sents,
        tuple(doc[a:b].text for a, b in sents),
        hedged,
        untensed,
        topic_end,
        quoted_by,
    )


_SCALES = {"million": 10**6, "millions": 10**6, "milliard": 10**9, "milliards": 10**9}


def _scaled_numbers(doc: Any) -> dict[int, str]:
    """Numbers followed by "million(s)" or "milliard(s)", as the plain count: "1,3 milliard"
    and "1 300 millions" are one number ("1300000000"). The scale word then carries nothing
    of its own (see :func:`analyse`)."""
    out: dict[int, str] = {}
    for t in doc[:-1]:
        scale = _SCALES.get(fold(doc[t.i + 1].text))
        if scale is None:
            continue
        value = "1" if fold(t.text) in ("un", "une") else number_value(t.text)
        if value is None or not value.replace(".", "").isdigit():
            continue
        count = Decimal(value) * scale
        out[t.i] = str(count.quantize(Decimal(1))) if count == count.to_integral() else str(count)
    return out


def _repair_headline(toks: list[Tok]) -> None:
    """ "Roman Prymula cherche un remplaçant à X": the small model often reads a headline that
    opens on a name and a finite verb as one long name ("cherche" a part of it) or hangs the
    verb under a noun after it. When the claim opens on a name whose next word is a finite
    verb without a subject, the name is made that verb's subject and the verb the root; the
    words the parse hung on the name after the verb become the verb's complements."""
    span = 0
    while span < len(toks) and (toks[span].pos == "PROPN" or toks[span].text == "-"):
        span += 1
    if span == 0 or span >= len(toks) - 1:
        return
    v = toks[span]
    if v.pos != "VERB" or not lexicon().entry(v.text).has("V"):
        return
    if any(x.head == v.i and x.dep.startswith("nsubj") for x in toks):
        return
    name = range(span)
    top = next((i for i in name if toks[i].pos == "PROPN"), 0)
    old_root = next((x.i for x in toks if x.head == x.i), None)
    for i in name:
        if i == top:
            toks[i] = replace(toks[i], dep="nsubj", head=v.i)
        elif (
            toks[i].head not in name
            or toks[i].head == i
            or toks[i].dep not in ("flat:name", "punct")
        ):
            toks[i] = replace(toks[i], dep="flat:name", head=top)
    toks[v.i] = replace(toks[v.i], dep="ROOT", head=v.i)
    for x in toks[v.i + 1 :]:
        if x.head in name or x.head == v.i or (x.i == old_root and x.i != v.i):
            cased = any(y.head == x.i and y.dep == "case" for y in toks)
            dep = x.dep
            if x.pos in ("NOUN", "PROPN"):
                dep = "obl:arg" if cased else "obj"
            toks[x.i] = replace(x, head=v.i, dep=dep)


#: Nouns "premier" / "première" make a title with, not a rank.
_TITLES_AFTER_PREMIER = frozenset({"ministre", "ministres", "secretaire", "secretaires", "dame"})


def _is_title(doc: Any, i: int) -> bool:
    return i + 1 < len(doc) and plain(doc[i + 1].text) in _TITLES_AFTER_PREMIER


_CREDIT = frozenset({"selon", "d'apres", "d’apres"})


def _add_acronyms(toks: list[Tok], words: frozenset[str]) -> None:
    """Let "COR" match "Conseil d'orientation des retraites": a capitalised word and the
    content words after it (up to punctuation) are keyed by their initials."""
    for k, first in enumerate(toks):
        if not (first.content and first.text[:1].isupper()):
            continue
        initials = ""
        for t in toks[k : k + 10]:
            if t.sent != first.sent or t.pos == "PUNCT":
                break
            if fold(t.text) in words or not any(ch.isalpha() for ch in t.text):
                continue
            initials += plain(t.text)[0]
            if len(initials) >= 2:
                toks[k] = replace(toks[k], keys=toks[k].keys | {"^" + initials})


def _head(t: Any) -> int:
    """The token's head, skipping an auxiliary the parser hung arguments on ("Chirac l'a
    soutenu": "Chirac" and "l'" under "a")."""
    h = t.head
    if h.dep_.startswith("aux") and h.head.i != h.i and not t.dep_.startswith("aux"):
        return int(h.head.i)
    return int(h.i)


def _pos(t: Any) -> str:
    """spaCy's part of speech, repaired where the small model trips on headlines: a verb read
    as a noun ("Le conseil réintègre Altman"), a lower-case word read as a name."""
    pos: str = t.pos_
    if pos == "X" and t.text[:1].isupper():
        return "PROPN"
    if pos == "X" and lexicon().entry(t.text).has("V"):
        return "VERB"  # "Musk dirige SpaceX" with "dirige" left untagged
    if pos == "AUX" and not {plain(x) for x in lexicon().lemmas(t.text)} & word_class("auxiliary"):
        return "VERB"  # "nuisent" read as a copula
    doc = t.doc
    if (
        t.i >= 2
        and doc[t.i - 1].text == "-"
        and not doc[t.i - 2].whitespace_
        and not doc[t.i - 1].whitespace_
        and doc[t.i - 2].text[:1].isupper()
    ):
        return "PROPN"  # "Sok-yong", "Alliot-Marie"
    if (
        pos in ("NOUN", "ADJ")
        and t.text[:1].isupper()
        and (
            t.dep_ == "flat:name"
            or any(c.dep_ == "flat:name" and c.text[:1].isupper() for c in t.children)
        )
    ):
        return "PROPN"  # "Alain Fuchs", "Pierre Curie": only names are "flat:name"
    if pos == "ADV":
        # "la mesure a réussi", "Radio France renonce à…" with the verb read as an adverb
        entry = lexicon().entry(t.text)
        clausal = any(c.dep_.startswith(("aux", "nsubj")) for c in t.children)
        if entry.has("VK") and (clausal or not entry.has("R")):
            return "VERB"
        return pos
    if pos == "VERB" and any(c.dep_ in ("case", "det") for c in t.children):
        # "du podcast": a word with an article or a preposition is a noun
        entry = lexicon().entry(t.text)
        return "NOUN" if entry.guessed or entry.has("N") else pos
    with_object = any(c.dep_ == "obj" for c in t.children)
    if pos == "ADJ" and with_object and lexicon().entry(t.text).has("V"):
        return "VERB"  # "dure une heure"
    if pos in ("ADP", "ADV", "DET", "PRON", "CCONJ", "SCONJ"):
        # "trois piscines" with "piscines" read as a preposition: a word the lexicon knows
        # only as a noun or an adjective is one
        entry = lexicon().entry(t.text)
        if not entry.guessed and entry.has("NA") and not entry.has("SDORCUVWKP"):
            return "NOUN" if entry.has("N") else "ADJ"
    if pos not in ("NOUN", "ADJ", "PROPN"):
        return pos
    entry = lexicon().entry(t.text)
    if t.text[:1].isupper() and not t.is_sent_start:
        return "PROPN" if entry.guessed else pos
    if entry.guessed:
        return "PROPN" if t.text[:1].isupper() else pos
    if pos == "PROPN" and t.text[:1].isupper():
        # A sentence's first word: a name if the lexicon has it as one or a name follows.
        after = t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN"
        return "PROPN" if after or entry.has("P") else "NOUN"
    if pos == "PROPN":
        return "VERB" if entry.has("VK") else "NOUN"
    if entry.has("VW") and not entry.has("NA"):
        return "VERB"  # "réintègre", "disparaître" read as nouns
    bare = not any(c.dep_ in ("det", "case") for c in t.children)
    before = t.i > 0 and t.doc[t.i - 1].pos_ == "PROPN"
    if (
        pos == "NOUN"
        and entry.has("V")
        and bare
        and (before or any(c.dep_ == "nsubj" for c in t.children))
    ):
        return "VERB"
    return pos


def _clause(t: Any) -> Any:
    """The predicate whose clause ``t`` belongs to (itself when it is one)."""
    cur = t
    for _ in range(20):
        if cur.pos_ in ("VERB", "AUX") or any(c.dep_ in ("cop", "nsubj") for c in cur.children):
            return cur
        if cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def _not_only(c: Any) -> bool:
    """ "non seulement", "pas seulement", "pas que": a restriction lifted, not a negation."""
    nxt = c.doc[c.i + 1] if c.i + 1 < len(c.doc) else None
    return nxt is not None and fold(nxt.text) in ("seulement", "uniquement", "que", "qu'")


def _own_negation(t: Any) -> bool:
    for c in t.children:
        w = fold(c.text)
        if _not_only(c):
            continue
        if (c.dep_ == "det" and w in ("aucun", "aucune", "nul", "nulle")) or (
            (c.dep_ == "case" and w == "sans") or (c.dep_ in ("advmod", "cc") and w == "non")
        ):
            return True
    # "aucun danger" whatever the parse (the small model may make "aucun" a subject): the word
    # right before a noun, an adjective between at most.
    if t.pos_ == "NOUN" and t.i > 0:
        before = t.doc[t.i - 1]
        if before.pos_ == "ADJ" and t.i > 1:
            before = t.doc[t.i - 2]
        if fold(before.text) in ("aucun", "aucune", "nul", "nulle"):
            return True
    return False


def _negated(t: Any) -> bool:
    if _own_negation(t):
        return True
    if t.head.i != t.i and fold(t.head.text) == "non":
        # "Non à la mutilation…": the small model makes "Non" the head of what it negates.
        return True
    clause = _clause(t)
    # "pas économique mais politique": what follows "mais" escapes the negation.
    cur = t
    while cur.i != clause.i and cur.head.i != cur.i:
        if cur.dep_ == "conj" and any(fold(c.text) == "mais" for c in cur.children):
            return False
        cur = cur.head
    negated = _clause_negated(clause, 0)
    if t.pos_ == "NOUN" and t.dep_ in ("obj", "obl", "obl:arg") and clause.i == t.head.i:
        # "renoncer à la suppression" is "ne pas supprimer"
        negated = negated != bool(word_keys(clause.text, "VERB") & word_class("negator"))
    return negated


_NEG_PRONOUNS = frozenset({"aucun", "aucune", "nul", "nulle"})


def _clause_negated(v: Any, depth: int) -> bool:
    # Negations hung on an auxiliary ("n'a pas") count for its verb.
    near = [*v.children, *(g for c in v.children if c.dep_.startswith("aux") for g in c.children)]
    kids = [c for c in near if c.dep_ in ("advmod", "case", "mark", "det", "cc")]
    found = {fold(c.text) for c in kids if not _not_only(c)}
    words = found & NEG_WORDS
    if words & {"ne", "n'"}:
        words |= found & NEG_WITH_NE
        # "ne vois pas forcément" with "pas" hung on the misread word after it: the second
        # part of the negation right after the verb (or its auxiliary) whatever the parse.
        for x in (v, *(c for c in v.children if c.dep_.startswith("aux"))):
            after = v.doc[x.i + 1 : min(x.i + 2, x.sent.end)]
            words |= {fold(y.text) for y in after} & (NEG_WORDS | NEG_WITH_NE) - {"ne", "n'"}
        # "n'a présenté aucun plan", "rien ne permet": the negation sits on an argument.
        args = [c for c in near if c.dep_ in ("obj", "nsubj", "nsubj:pass", "obl:arg")]
        # ("Aucun n'a récidivé": the pronoun "aucun" is the negation.)
        if any(fold(a.text) in NEG_WITH_NE | _NEG_PRONOUNS or _own_negation(a) for a in args):
            words.add("pas")
    # A lone "ne" is expletive ("je crains qu'il ne parte") or restrictive ("ne … que"), except
    # with the verbs that drop "pas" ("il ne peut", "je ne sais").
    own = bool(words - {"ne", "n'"}) or (
        bool(words)
        and bool(word_keys(v.text, "VERB") & word_class("bare_ne"))
        and not restrictive(v)
    )
    governed = v.dep_ == "xcomp" or (
        v.dep_ == "acl" and any(c.dep_ == "cop" for c in v.head.children)
    )
    if not governed or depth > 3 or v.head.i == v.i:
        return own
    # "refuser de partir" is "ne pas partir"; "ne pas vouloir donner" is "ne pas donner"; "ne
    # pas hésiter à partir" is "partir".
    above = _clause_negated(v.head, depth + 1) != bool(
        word_keys(v.head.text, "VERB") & word_class("negator")
    )
    return own != above


def restrictive(v: Any) -> bool:
    """Whether verb ``v``'s "ne" goes with a restrictive "que" ("ne peut être qu'un archaïsme",
    "ne peut que constater", "ne concerne que les villes"): an assertion, neither negated nor
    hedged. Read on the words, not the parse, which hangs that "que" anywhere: the "que" comes
    right after the verb, past an auxiliary or an adverb."""
    if not any(fold(c.text) in ("ne", "n'") for c in v.children):
        return False
    doc = v.doc
    end = v.sent.end
    for j in range(v.i + 1, min(end, v.i + 5)):
        x = doc[j]
        if fold(x.text) in ("que", "qu'"):
            return True
        if x.pos_ not in ("AUX", "ADV") and fold(x.text) not in ETRE_FORMS:
            return False
    return False


def _passive(t: Any) -> bool:
    if _pos(t) not in ("VERB", "ADJ"):
        return False
    infinitive = lexicon().participle_infinitive(t.text)
    if infinitive is not None and plain(infinitive) in etre_verbs():
        return False  # "il est intervenu" is active
    auxes = [fold(c.text) for c in t.children if c.dep_.startswith("aux")]
    if auxes and not any(a in ETRE_FORMS for a in auxes):
        return False  # "Microsoft a assuré": "avoir" makes an active past
    if "été" not in auxes and any(
        "avoir" in {plain(x) for x in lexicon().lemmas(a)} for a in auxes
    ):
        return False  # "c'est ainsi qu'il a qualifié": the cleft's "est" is not its auxiliary
    if "Pass" in t.morph.get("Voice") or any(c.dep_ == "aux:pass" for c in t.children):
        return True
    if "Part" not in t.morph.get("VerbForm") and infinitive is None:
        return False
    kids = {c.dep_ for c in t.children}
    if "obj" in kids and "nsubj" in kids and lexicon().entry(t.text).has("V"):
        return False  # "Le Danemark interdit le regroupement": a passive has no object
    if t.dep_ in ("acl", "amod") or (
        t.dep_ == "ROOT" and not any(c.dep_.startswith("aux") for c in t.children)
    ):
        # "Mira Murati nommée directrice", "45 tonnes utilisées": the noun is the patient.
        entry = lexicon().entry(t.text)
        if entry.has("K") and not entry.has("V"):
            return True
        return "Pres" not in t.morph.get("Tense")
    return any(fold(c.text) in ETRE_FORMS for c in t.children if c.dep_.startswith("aux"))


def _believed(t: Any) -> bool:
    """Whether ``t``'s clause is the complement of a verb of opinion ("X estime que …"),
    through coordinated clauses."""
    cur = _clause(t)
    for _ in range(6):
        if cur.head.i == cur.i:
            return False
        if cur.dep_ in ("ccomp", "csubj") and word_keys(cur.head.text, "VERB") & word_class(
            "belief"
        ):
            return True
        if cur.dep_ not in ("conj", "ccomp", "xcomp"):
            return False
        cur = _clause(cur.head)
    return False


def _future(t: Any) -> bool:
    """Whether ``t``'s clause is in the future ("sera présenté", "va présenter")."""
    v = _clause(t)
    if v.dep_ == "xcomp" and fold(v.head.text) == "pouvoir":
        v = v.head  # "va pouvoir accueillir": the future is on "pouvoir"
    if any("Fut" in x.morph.get("Tense") for x in (v, *v.children) if x.pos_ in ("VERB", "AUX")):
        return True
    # "va présenter": "aller" in the present with an infinitive
    return v.dep_ == "xcomp" and "aller" in {plain(x) for x in lexicon().lemmas(v.head.text)}


def _notion(t: Any) -> bool:
    """Whether ``t`` is a noun of an idea put forward ("l'idée", "l'hypothèse")."""
    return t.pos_ == "NOUN" and bool(word_keys(t.text, "NOUN") & word_class("notion"))


def _is_hedge_tok(t: Any) -> bool:
    return "Cnd" in t.morph.get("Mood") or t.text == "?"


#: Marks of a clause given as a cause, hence as a fact.
_GIVEN = frozenset({"étant", "puisque", "puisqu'", "parce"})


def _hedged(t: Any) -> bool:
    """Whether what ``t`` says is hedged: a conditional, a modal, a hedging adverb or a question
    on its clause or a clause above it, up to a verb of speech."""
    sent = t.sent
    # (the text first: far cheaper than token by token, for every token of the source)
    if "?" in sent.text and any(x.text == "?" for x in sent):
        return True
    doc = t.doc
    near = doc[max(sent.start, t.i - 3) : t.i]
    if any(plain(x.text) in word_class("hedge") and x.pos_ == "ADV" for x in near):
        return True
    # The tokenizer cuts "peut-être" in three ("peut", "-", "être").
    before = doc[max(sent.start, t.i - 5) : t.i].text
    if "peut" in before and "peut-etre" in plain(before).replace(" ", ""):
        return True
    own = cur = _clause(t)
    for _ in range(10):
        kids = list(cur.children)
        if any(plain(c.text) in word_class("hedge") for c in kids if c.dep_ in ("advmod", "case")):
            return True
        if any(fold(c.text) in ("si", "s'") for c in kids if c.dep_ == "mark"):
            return True  # "si le ministre choisit de révoquer…"
        if any(
            c.dep_ == "mark"
            and fold(c.text) in ("que", "qu'")
            and c.i > 0
            and _notion(doc[c.i - 1])
            for c in kids
        ):
            return True  # "cette idée que les migrants…", whatever the parse made of "idée"
        if (
            cur.i not in (t.i, own.i)  # "elle demande" is said; what she asks for is not
            and fold(cur.text) != "pu"
            # "PSL va pouvoir se concentrer…" announces a means, no mere possibility (not so
            # "va devoir", an obligation)
            and not (fold(cur.text) == "pouvoir" and _future(cur))
            and not restrictive(cur)  # "ne peut être qu'un archaïsme" is certain
            and word_keys(cur.text, cur.pos_) & word_class("hedge")
            # "il n'est plus possible de…" is certain
            and not (cur.pos_ == "ADJ" and _clause_negated(cur, 0))
        ):
            return True
        cnd = any("Cnd" in c.morph.get("Mood") for c in [cur, *kids] if c.pos_ in ("AUX", "VERB"))
        if cnd:
            # The conditional of reported speech is a future in the past, not a hedge.
            return not any(word_keys(a.text, "VERB") & word_class("speech") for a in cur.ancestors)
        if cur.head.i == cur.i:
            return False
        if any(c.dep_ in ("mark", "advmod") and fold(c.text) in _GIVEN for c in kids):
            # "… susceptible de se renforcer étant donné le groupe amené à remplacer…": a cause
            # is given as a fact, whatever hedges what it explains.
            return False
        if cur.dep_ in ("ccomp", "csubj") and _clause_negated(_clause(cur.head), 0):
            return True  # "rien ne permet d'affirmer que…", "il n'a pas dit que…"
        if cur.dep_ in ("acl", "acl:relcl", "ccomp") and _notion(cur.head):
            return True  # "cette idée que les migrants choisissent…"
        if cur.dep_ != "nsubj" and word_keys(cur.head.text, "VERB") & word_class("speech"):
            # What a notion says is put forward, not stated ("l'hypothèse de Smith consiste
            # à dire que…").
            said = cur.head
            return any(
                _notion(x)
                for v in (said, said.head)
                for x in v.children
                if x.dep_.startswith("nsubj") and (v is said or said.dep_ == "xcomp")
            )
        cur = _clause(cur.head)
    return False


# -- caches -----------------------------------------------------------------------------------

_SOURCE_CACHE: dict[str, Text] = {}
_BLOCK_CACHE: dict[str, Text] = {}
#: Paragraphs kept parsed: a few long articles' worth (a batch worker goes from one to the next).
_BLOCK_CACHE_SIZE = 2000
_SOURCE_LOCK = threading.Lock()


def analyse_source(text: str) -> Text:
    with _SOURCE_LOCK:
        hit = _SOURCE_CACHE.get(text)
    if hit is not None:
        return hit
    # Paragraph by paragraph: the lead checked while writing and the whole source checked
    # after share their paragraphs, parsed once.
    blocks = _blocks(text)
    with _SOURCE_LOCK:
        known = {b: _BLOCK_CACHE[b] for b in blocks if b in _BLOCK_CACHE}
    todo = list(dict.fromkeys(b for b in blocks if b not in known))
    for block, doc in zip(todo, _parse_blocks(todo), strict=True):
        known[block] = analyse(doc, claim=False)
    analysed = _merge([known[b] for b in blocks])
    with _SOURCE_LOCK:
        if len(_BLOCK_CACHE) > _BLOCK_CACHE_SIZE:
            _BLOCK_CACHE.clear()
        _BLOCK_CACHE.update((b, known[b]) for b in todo)
        if len(_SOURCE_CACHE) > 8:
            _SOURCE_CACHE.clear()
        _SOURCE_CACHE[text] = analysed
    return analysed


def _parse_blocks(blocks: list[str]) -> list[Any]:
    """The paragraphs parsed, the parser told where no sentence starts (:func:`_continues`):
    it does not always follow, but a parse that does keeps the clauses together."""
    nlp = _nlp()
    docs = [nlp.make_doc(b) for b in blocks]
    for doc in docs:
        start = 0
        for t in doc[1:]:
            if _continues(doc, t.i, start):
                t.is_sent_start = False
            elif doc[t.i - 1].text in (".", "!", "?"):
                start = t.i
    for _, proc in nlp.pipeline:
        docs = list(proc.pipe(docs))
    return docs


def _blocks(text: str) -> list[str]:
    """Paragraphs of the source (a sentence never crosses a blank line)."""
    out = []
    for block in re.split(r"\n\s*\n", prepare(text)):
        if block.strip():
            out.append(" ".join(block.split()))
    return out


def _merge(parts: Iterable[Text]) -> Text:
    """One analysed text from the paragraphs' (indices shifted)."""
    toks: list[Tok] = []
    sents: list[tuple[int, int]] = []
    texts: list[str] = []
    for p in parts:
        off, soff = len(toks), len(sents)
        toks.extend(replace(t, i=t.i + off, head=t.head + off, sent=t.sent + soff) for t in p.toks)
        sents.extend((a + off, b + off) for a, b in p.sents)
        texts.extend(p.sent_text)
    return Text(tuple(toks), tuple(sents), tuple(texts), False, False, 0)


def parse_claims(claims: Sequence[str]) -> list[Any]:
    """Each claim is one statement: the parser is kept from splitting a headline in pieces."""
    nlp = _nlp()
    docs = [nlp.make_doc(prepare(claim)) for claim in claims]
    for doc in docs:
        for t in doc[1:]:
            t.is_sent_start = False
    for _, proc in nlp.pipeline:
        docs = list(proc.pipe(docs))
    return docs


def _parse_claim(claim: str) -> Any:
    return parse_claims([claim])[0]


def sent_toks(src: Text, n: int) -> Sequence[Tok]:
    a, b = src.sents[n]
    return src.toks[a:b]


Problem = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Window:
    sents: tuple[int, ...]
    cover: float
    #: claim token → the source tokens of the window it matches
    align: dict[int, tuple[int, ...]]
    #: claim names matched only in the sentences just before the window (a pronoun's referent)
    context: frozenset[int]
