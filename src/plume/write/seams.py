"""Where a long sentence can be cut in two, and the words that restart its second part.

Each finder gives (left, right, dropped words, added words) for one kind of seam, unverified:
:mod:`plume.write.split` checks the parts and chooses among them (issue 18). The seams: two
main clauses joined by ", et", ", mais", ";" or ":", each with its own subject ("…, et la
société contrôle…" → "…. La société contrôle…"), « mais » without a comma, "car" (with a comma
or without) restarted on « En effet, »; a second verb sharing the main one's subject ("…, et a reporté…" → "…. Il a
reporté…");
a non-restrictive relative clause on a named antecedent, closing the sentence or inside it,
restarted with the name or an agreeing pronoun ("…confié à Vinci, qui a remporté…" → "…confié à
Vinci. Vinci a remporté…"; "Le ministre, qui a démissionné, sera remplacé…" → "Le ministre sera
remplacé…. Il a démissionné."), ", ce qui…" restarted on « Cela », ", dont le siège est…"
on the possessive ("…. Son siège est…"); an apposition to the subject that opens the sentence
("Jean Dupont, ancien ministre, a annoncé…" → "Jean Dupont est ancien ministre. Il a
annoncé…"), or a detached attribute before it ("Membre de la coalition, le ministre a…" → "Le
ministre est membre de la coalition. Il a…"); a participial clause stating a consequence
("…, permettant ainsi de…" → "…. Cela permet ainsi de…", in the main verb's tense).
No seam: ", alors que" and ", tandis que" (contrast or simultaneity: « Pourtant », « En
revanche », « Pendant ce temps » would each choose one meaning), ", puisque" (its clause may
be followed by more of the main one).
The parses come from the document's batch when :func:`parse_batch` made one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from plume.lang.fr import fold, read_list, time_nouns
from plume.lang.fr.lexicon import load_lexicon
from plume.write.active import compound, conjugate, tense_of
from plume.write.compress import parse as _parse_one
from plume.write.compress import parse_many

__all__ = [
    "SUBJECT_DEPS",
    "WORD",
    "apposition_split",
    "capital",
    "ce_qui_split",
    "dont_split",
    "end_sentence",
    "fronted_split",
    "inside_pairs",
    "name_subject",
    "parse",
    "parse_batch",
    "participle_split",
    "relative_split",
    "seam_splits",
    "shared_subject_split",
    "verb_only",
    "word_gender",
]

#: Joining words dropped or kept at a seam: "et" goes, "mais", "or" open the second sentence
#: (they carry its relation to the first); "car" cannot open a French sentence (Grevisse
#: § 1084), so a clause it joins stays.
_DROPPED = frozenset({"et"})
_KEPT = frozenset({"mais", "or", "donc", "puis"})
SUBJECT_DEPS = ("nsubj", "nsubj:pass", "expl:subj")
_PRONOUNS = {
    ("Masc", "Sing"): "il",
    ("Fem", "Sing"): "elle",
    ("Masc", "Plur"): "ils",
    ("Fem", "Plur"): "elles",
}
WORD = re.compile(r"[\w’'-]+")


#: The document's long sentences parsed together (spaCy's pipe: ~40 % faster than one by one).
_PARSED: dict[str, Any] = {}


def parse(text: str) -> Any:
    """spaCy's parse of ``text`` (:func:`plume.write.compress.parse`), from the document's batch
    when it is there."""
    found = _PARSED.get(text)
    return found if found is not None else _parse_one(text)


def parse_batch(texts: Sequence[str]) -> None:
    """Parse ``texts`` in one batch, for :func:`parse` (the previous document's are dropped)."""
    _PARSED.clear()
    todo = list(dict.fromkeys(texts))
    for text, doc in zip(todo, parse_many(todo), strict=True):
        _PARSED[text] = doc


def name_subject(text: str) -> str | None:
    """The name that opens ``text`` as its subject, right before its verb ("Delaplace cherche
    Wissa…", "Enfin, Michael Spencer considère…"), as the lexicon reads the words: the small
    parse takes many a foreign name for a verb."""
    m = _NAME_VERB.match(text)
    if m is None:
        return None
    lexicon = load_lexicon()
    opener = m.group(1)
    if opener and {a.tag for a in lexicon.entry(opener).analyses} != {"R"}:
        return None  # "Selon Spencer, …", not an adverb
    names = m.group(2).split()
    if not all(lexicon.entry(n).has("P") for n in names):
        return None
    if not lexicon.entry(m.group(3)).has("V"):
        return None
    return m.group(2)


_NAME_VERB = re.compile(
    r"(?:(\w+), )?((?:[A-ZÀ-Ý][\w-]+)(?: [A-ZÀ-Ý][\w-]+){0,2}) ([a-zà-ÿ][\w-]+)(?![\w’'-])"
)


def inside_pairs(text: str, at: int) -> bool:
    """Whether ``at`` lies inside « », quotes or parentheses."""
    head = text[:at]
    return (
        head.count("«") > head.count("»")
        or head.count("(") > head.count(")")
        or head.count('"') % 2 == 1
        or head.count("“") > head.count("”")
    )


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def end_sentence(text: str) -> str:
    text = text.rstrip(" ,;:")
    return text if text[-1:] in ".!?…" else text + "."


def seam_splits(sentence: str) -> list[tuple[str, str, str, str]]:
    """(left, right, dropped words, added words) for each ", et|mais…", ";" or ":" seam outside
    quotes; ", car" restarts on « En effet, » (« car » cannot open a sentence, Grevisse § 1084;
    « en effet » can, and says the same: what follows explains what precedes)."""
    out: list[tuple[str, str, str, str]] = []
    for m in re.finditer(
        r"\s*(?:,\s+(\w+)\s+|\s*;\s+|\s+:\s+|\u00a0[;:]\s+|\u202f[;:]\s+)",
        sentence,
    ):
        if inside_pairs(sentence, m.start()):
            continue
        word = (m.group(1) or "").lower()
        left, right = sentence[: m.start()], sentence[m.end() :]
        if m.group(1) is not None:
            if word in _DROPPED:
                out.append((left, right, word, ""))
            elif word in _KEPT:
                out.append((left, f"{m.group(1)} {right}", "", ""))
            elif word == "car":
                out.append((left, f"En effet, {right}", word, "en effet"))
        elif not right.lstrip().startswith(("«", "“", '"')):
            # A colon that opens a quotation introduces it: the two are one sentence.
            out.append((left, right, "", ""))
    # "… et il a les liquidités…": « et » without a comma, when a subject pronoun follows it
    # (both parts must still be clauses of their own, as for every seam). Not before a
    # determiner: "…dicter les conditions et les frais et de se protéger…" coordinates nouns,
    # and the small parse lets such a fragment pass for a clause.
    for m in _BARE_ET.finditer(sentence):
        if not inside_pairs(sentence, m.start()):
            out.append((sentence[: m.start()], sentence[m.end() :], "et", ""))
    # "…sur le but de Nardi mais sa frappe est trop écrasée…": « mais » without a comma opens
    # the second sentence as with one, when both parts are clauses; "non seulement X mais
    # aussi Y" and "pas X mais Y" coordinate less than clauses (their right part is none).
    for m in _BARE_MAIS.finditer(sentence):
        left = sentence[: m.start()]
        if not inside_pairs(sentence, m.start()) and not _NOT_ONLY.search(left):
            out.append((left, f"mais {sentence[m.end() :]}", "", ""))
    # "…au niveau mondial car leur participation a baissé…": « car » without a comma joins
    # clauses as with one ("le car", "du car": the coach, after a determiner, is no seam).
    for m in _BARE_CAR.finditer(sentence):
        if not inside_pairs(sentence, m.start()):
            out.append(
                (sentence[: m.start()], f"En effet, {sentence[m.end() :]}", "car", "en effet")
            )
    return out


_BARE_CAR = re.compile(
    r"(?<![,\s])(?<!\b(?:le|un|du|au|ce|en))(?<!\bcet)(?<!\bson)\s+car\s+(?=\w)", re.IGNORECASE
)
_BARE_MAIS = re.compile(
    r"(?<!,)\s+mais\s+(?!(?:aussi|également|encore|surtout|plutôt|bien|non|pas|plus)\b)(?=\w)"
)
_NOT_ONLY = re.compile(r"(?i)\b(?:non|pas) seulement\b")
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


def relative_split(sentence: str) -> tuple[str, str, str, str] | None:
    """(left, right, dropped, added) for a non-restrictive "…, qui V…" clause on a noun or a
    name — closing the sentence, or between commas inside it (the main clause first, then
    the relative restarted): the name repeated, or a pronoun agreeing with the noun."""
    if not re.search(r"(?i),\s+qui\b", sentence):
        return None
    doc = parse(sentence)
    for t in doc:
        if str(t.text).lower() != "qui" or t.dep_ not in SUBJECT_DEPS:
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
        if inside_pairs(sentence, comma.idx):
            continue
        if antecedent.pos_ == "PROPN":
            first = antecedent.i
            while first > 0 and doc[first - 1].pos_ == "PROPN":
                first -= 1
            subject = sentence[doc[first].idx : doc[comma.i - 1].idx + len(doc[comma.i - 1].text)]
        elif antecedent.pos_ == "NOUN" and (pronoun := _pronoun(antecedent)):
            if _verb_number(verb) not in ("", "Plur" if pronoun.endswith("s") else "Sing"):
                continue  # "taille, qui sont…": the parse took the wrong antecedent
            if tail and _rival_after(doc, last, pronoun):
                # "…prolonger la période d’observation ou prononcer la liquidation. Elle
                # court…": the pronoun, read after the main clause, would take its last noun.
                continue
            subject = pronoun
            if _rival_subject(doc, antecedent, pronoun):
                # "La commission a rendu son rapport à la ministre. Elle l’a transmis…": the
                # pronoun reads as the main clause's subject; the noun, said again, does not.
                named = _definite_phrase(sentence, doc, antecedent, comma.i)
                if named is None:
                    continue
                subject = named
        else:
            continue
        return left, f"{subject} {right}", "qui", subject
    return None


def _rival_subject(doc: Any, antecedent: Any, pronoun: str) -> bool:
    """The main clause's subject could be what ``pronoun`` stands for: a noun it agrees with,
    a name, or a pronoun of its own."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return False
    for c in root.children:
        if c.dep_ not in SUBJECT_DEPS or c.i == antecedent.i:
            continue
        if c.pos_ == "PROPN" or str(c.text).lower() == pronoun.lower():
            return True
        if c.pos_ == "NOUN" and _pronoun(c) == pronoun:
            return True
    return False


def _definite_phrase(sentence: str, doc: Any, antecedent: Any, comma: int) -> str | None:
    """The antecedent's noun phrase up to ``comma``, opened by its definite determiner ("la
    ministre"), capitalised; ``None`` for an indefinite one ("une ministre" is not "la")."""
    det = next((c for c in antecedent.children if c.dep_ == "det" and c.i < antecedent.i), None)
    if det is None or str(det.text).lower() not in ("le", "la", "les", "l’", "l'"):
        return None
    end = doc[comma - 1]
    return capital(sentence[det.idx : end.idx + len(end.text)])


def _rival_after(doc: Any, last: int, pronoun: str) -> bool:
    """A noun the restarting ``pronoun`` agrees with in the main clause after the relative one
    (a word of time aside: "jeudi", "soir"): the pronoun would be read as standing for it."""
    gender, number = next(k for k, v in _PRONOUNS.items() if v == pronoun)
    return any(
        t.pos_ == "NOUN"
        and gender in t.morph.get("Gender")
        and number in t.morph.get("Number")
        and fold(str(t.text)) not in time_nouns()
        for t in doc[last + 1 :]
    )


_DONT = re.compile(r",\s+dont\s+(?:(les|le|la)\s+|(l[’']))(?=\w)")
#: The possessive restarting « dont le|la|les|l’ N » for a singular / plural antecedent.
_POSSESSIVES = {
    "le": ("son", "leur"),
    "la": ("sa", "leur"),
    "l’": ("son", "leur"),
    "l'": ("son", "leur"),
    "les": ("ses", "leurs"),
}


def _antecedent_number(left: str) -> str | None:
    """ "s" or "p": what every determiner of the noun phrase closing ``left`` says ("les
    représentants des salariés": "p"; "la société Dupont", "Miloš Zeman": "s"), ``None`` when
    they disagree ("le président des associations": whose?) or a coordination makes it unsure."""
    numbers: set[str] = set()
    tail = left.split()
    for word in reversed(tail):
        low = word.lower()
        if low in ("et", "ou", "ni") or word.endswith((",", ";", ":", ")", "»")):
            return None
        if verb_only(word):
            break  # the verb whose object the noun phrase is ("président": a noun too)
        if said := _DETERMINERS.get(low):
            numbers.add("p" if said[1] == "Plur" else "s")
        elif low.startswith(("l’", "l'", "d’", "d'")) and low[2:3].isalpha():
            continue  # "l’entreprise": singular, but "d’entreprises" is not: the others decide
        elif low in ("de", "à", "en"):
            continue
    else:
        return None
    if not numbers and tail and tail[-1][:1].isupper():
        numbers.add("s")  # a name alone
    return numbers.pop() if len(numbers) == 1 else None


@cache
def _dont_verbs() -> frozenset[str]:
    return frozenset(read_list("split_dont_verbs.txt"))


_COPULAS = frozenset({"être", "devenir", "rester", "sembler", "paraître", "demeurer"})
_DEFINITE = frozenset({"le", "la", "les", "l’", "l'", "ce", "cet", "cette", "ces"})


def _dont_of_the_noun(words: Sequence[str]) -> bool:
    """Whether the « dont » before ``words`` (what follows its noun: "est installé à Lyon",
    "ont pesé dans la balance") can only complete that noun: the verb takes no « de »
    complement (``split_dont_verbs.txt``: "dont le maire parle"), a copula is followed by a
    preposition or a participle, not by an adjective or a noun that could take one ("dont le
    président est fier", "…est membre"), and no definite object follows that could be its
    noun ("dont les habitants connaissent l’histoire")."""
    lexicon = load_lexicon()
    i = 0
    while i < len(words) and {a.tag for a in lexicon.entry(words[i]).analyses} == {"R"}:
        i += 1
    if i >= len(words) or not verb_only(words[i].strip(",;:.")):
        return False
    verb = words[i].strip(",;:.")
    lemmas = {a.lemma for a in lexicon.entry(verb).analyses if a.tag in "VX"}
    i += 1
    while i < len(words) and {a.tag for a in lexicon.entry(words[i]).analyses} == {"R"}:
        i += 1
    nxt = words[i].strip(",;:.") if i < len(words) else ""
    if lexicon.entry(verb).has("X") and lexicon.entry(nxt).has("K"):
        lemmas = {a.lemma for a in lexicon.entry(nxt).analyses if a.tag == "K"}
        i += 1
        nxt = words[i].strip(",;:.") if i < len(words) else ""
    elif lemmas & _COPULAS:
        tags = {a.tag for a in lexicon.entry(nxt).analyses}
        if "S" not in tags and "K" not in tags:
            return False
    if not lemmas or lemmas & _dont_verbs():
        return False
    return nxt.lower() not in _DEFINITE and not nxt.lower().startswith(("l’", "l'"))


def dont_split(sentence: str) -> tuple[str, str, str, str] | None:
    """ "…la société Dupont, dont le siège est à Lyon." → "…la société Dupont. Son siège est à
    Lyon.": a relative « dont » completing the subject of its clause, closing the sentence,
    restarted on the possessive agreeing with the antecedent (its number only: « son », « sa »,
    « ses » / « leur », « leurs »). The left part must be a clause of its own: a relative
    inside the sentence ("La société, dont le siège…, a annoncé") leaves none."""
    m = _DONT.search(sentence)
    if m is None or inside_pairs(sentence, m.start()):
        return None
    written = m.group(1) or m.group(2)
    left, det = sentence[: m.start()], written.lower()
    number = _antecedent_number(left)
    if number is None:
        return None
    possessive = _POSSESSIVES[det][0 if number == "s" else 1]
    rest = sentence[m.end() :]
    if not _dont_of_the_noun(rest.split()[1:]):
        return None
    if det in ("l’", "l'"):
        noun = WORD.match(rest)
        if noun is None:
            return None
        return (
            left,
            f"{possessive} {rest}",
            f"dont {written}{noun.group(0)}",
            (f"{possessive} {noun.group(0)}"),
        )
    return left, f"{possessive} {rest}", f"dont {written}", possessive


_CE_QUI = re.compile(r",\s+ce qui\s+")


def ce_qui_split(sentence: str) -> tuple[str, str, str, str] | None:
    """ "…, ce qui rend X coûteux" → "…. Cela rend X coûteux": « ce qui » takes up the whole
    preceding clause, as « Cela » does."""
    for m in _CE_QUI.finditer(sentence):
        if inside_pairs(sentence, m.start()):
            continue
        return sentence[: m.start()], "Cela " + sentence[m.end() :], "ce qui", "cela"
    return None


@cache
def _impersonal_verbs() -> frozenset[str]:
    """Verbs before which « il » is often impersonal ("il faut", "il semble", "il s’agit")."""
    return frozenset(read_list("split_impersonal_verbs.txt"))


@cache
def _consequence_verbs() -> frozenset[str]:
    return frozenset(read_list("split_consequence_verbs.txt"))


#: A detached present participle, after the object pronoun it may take ("…, nous brossant").
_PARTICIPLE = re.compile(r",\s+(?:(nous|vous|lui|leur)\s+)?(\w+ant)\s+")


@cache
def _etre_verbs() -> frozenset[str]:
    return frozenset(read_list("etre_verbs.txt"))


_SUBJECT_PRONOUNS = frozenset({"il", "elle", "ils", "elles", "on", "nous"})


def _main_subject(left: str) -> tuple[str, str] | None:
    """(the words restarting a participle on the main clause's subject, its number "s"/"p")
    for ``left``: a name repeated, a subject pronoun kept, a noun's agreeing pronoun."""
    if (name := name_subject(left)) is not None:
        return name, "s"
    doc = parse(end_sentence(left))
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if len(roots) != 1:
        return None
    subject = next((c for c in roots[0].children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if subject is None:
        # "Il conclut en évoquant…": the small parse reads many a personal « il » as
        # impersonal; it is one only before the verbs of ``split_impersonal_verbs.txt``.
        subject = next((c for c in roots[0].children if c.dep_ == "expl:subj"), None)
        if (
            subject is None
            or str(subject.text).lower() not in ("il", "elle")
            or any(
                a.lemma in _impersonal_verbs()
                for t in (roots[0], *roots[0].children)
                for a in load_lexicon().entry(str(t.text)).analyses
            )
        ):
            return None
        if roots[0].pos_ not in ("VERB", "AUX") or subject.i > roots[0].i:
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


def _surface_tense(left: str) -> tuple[str, bool] | None:
    """The present ("Spencer exprime", "il conclut") or passé composé ("il a souligné") of
    the verb right after a singular subject pronoun or a name opening ``left``, as the lexicon
    and the conjugation tables say — where the small parse gave no tense (it takes "Spencer"
    for a verb, "conclut" for a passé simple)."""
    m = _PRONOUN_VERB.match(left)
    name = name_subject(left)
    if m is None and name is None:
        return None
    after = (left[m.end(2) :] if m else left[left.index(name or "") + len(name or "") :]).split()
    if not after:
        return None
    verb = after[0]
    if verb == "a" and len(after) > 1 and load_lexicon().entry(after[1]).has("K"):
        return "présent", True
    lemmas = {a.lemma for a in load_lexicon().entry(verb).analyses if a.tag == "V"}
    if any(conjugate(lemma, "présent", "s") == verb for lemma in lemmas):
        return "présent", False
    return None


_PRONOUN_VERB = re.compile(r"(?:(\w+), )?(il|elle|on|Il|Elle|On)(?= )")


def participle_split(sentence: str) -> tuple[str, str, str, str] | None:
    """ "…, permettant ainsi de…" → "…. Cela permet ainsi de…" for a verb of consequence
    (``split_consequence_verbs.txt``); "Les auteurs ont répertorié les tweets, trouvant plus de
    800 000 messages" → "…. Ils ont trouvé plus de 800 000 messages" for another verb (the
    detached participle's subject is the main clause's, Grevisse § 911) — in the tense of the
    main clause's verb, with avoir only (a verb taking être, "passant de…", stays)."""
    lexicon = load_lexicon()
    for m in _PARTICIPLE.finditer(sentence):
        word, clitic = m.group(2), f"{m.group(1)} " if m.group(1) else ""
        lemma = next((a.lemma for a in lexicon.entry(word).analyses if a.tag == "G"), None)
        if lemma is None or lemma in ("être", "avoir") or inside_pairs(sentence, m.start()):
            continue
        left = sentence[: m.start()]
        roots = [t for t in parse(end_sentence(left)) if t.dep_ == "ROOT"]
        tense = _tense(roots[0]) if len(roots) == 1 else None
        tense = tense or _surface_tense(left)
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
        return left, f"{subject} {clitic}{verb} {rest}", word, added
    return None


_SHARED = re.compile(r"(?:,\s+(et|mais)|\s+(et))\s+(?=\w)")


def shared_subject_split(sentence: str) -> tuple[str, str, str, str] | None:
    """ "Le conseil a voté le budget, et a reporté la décision…" → "…. Il a reporté la
    décision…": a second verb coordinated with the main one, without its own subject, restarted
    on the main subject (name, pronoun, agreeing pronoun). Only when the parse makes that verb
    a conjunct of the sentence's root ("…le maire, qui a signé X et a promis Y": « promis » is
    the relative's, and stays)."""
    if not _SHARED.search(sentence):
        return None
    doc = parse(sentence)
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if len(roots) != 1:
        return None
    root = roots[0]
    for m in _SHARED.finditer(sentence):
        if inside_pairs(sentence, m.start()):
            continue
        after = next((t for t in doc if t.idx >= m.end()), None)
        if after is None or after.pos_ not in ("AUX", "VERB"):
            continue
        verb = after if after.dep_ == "conj" else after.head
        if verb.dep_ != "conj" or verb.head != root or verb.i < after.i:
            continue
        if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            continue  # its own subject: an ordinary seam
        if any(
            c.dep_ in ("conj", "parataxis") and c.pos_ in ("VERB", "AUX") and c.i < verb.i
            for c in root.children
        ):
            continue  # "a investi X, a émis Y et a augmenté Z": a list, whose last item alone
            # would leave "a investi X, a émis Y." behind
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


def _feminine_of(word: str) -> list[str]:
    """Feminine forms a masculine noun or adjective may have ("expert" → "experte",
    "directeur" → "directrice", "ancien" → "ancienne")."""
    out = [word + "e", word + "ne", word + "le", word + "te"]
    if word.endswith("eur"):
        out += [word[:-3] + "rice", word[:-3] + "euse", word + "e"]
    if word.endswith("er"):
        out.append(word[:-2] + "ère")
    if word.endswith("f"):
        out.append(word[:-1] + "ve")
    return out


def word_gender(word: str) -> str:
    """ "m" or "f" when ``word`` (a noun or an adjective) shows its gender — a feminine form whose
    lemma is another word ("présidente", "ancienne"), a masculine one with such a feminine
    ("président", "haut") — "" when it is epicene ("ministre", "maire") or unknown."""
    lexicon = load_lexicon()
    low = word.lower()
    entry = lexicon.entry(low)
    if entry.guessed:
        return ""
    readings = [a for a in entry.analyses if a.tag in "AN"]
    if not readings:
        return ""
    if low.endswith("e") and any(a.lemma != low for a in readings):
        return "f"  # "présidente" (président), "ancienne", "directrice"
    if low.endswith(("s", "x")):
        return ""  # a plural: a name's apposition is singular
    for feminine in _feminine_of(low):
        other = lexicon.entry(feminine)
        if not other.guessed and any(a.lemma == low and a.tag in "AN" for a in other.analyses):
            return "m"
    return ""


_COPULA = {"présent": "est", "imparfait": "était", "futur": "est"}


def apposition_split(sentence: str) -> tuple[str, str, str, str] | None:
    """ "Jean Dupont, ancien ministre de l'Économie, a annoncé…" → "Jean Dupont est ancien
    ministre de l'Économie." + "Il a annoncé…": the apposition to the subject that opens the
    sentence, stated with « être » (« était » in a past narrative), the main clause restarted
    with the pronoun agreeing with the apposition's noun."""
    if sentence.count(",") < 2:
        return None
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
    if not any(
        c.dep_ == "det" and str(c.text).lower() in _DETERMINERS for c in apposition.children
    ):
        # No determiner says it: the words must ("ancien ministre"), not the parse's default
        # for an epicene noun ("Anne Morel, maire de…": « il »).
        words = [re.split("[’']", w)[-1] for w in WORD.findall(sentence[doc[span[0]].idx :])[:2]]
        shown = next((g for w in words for p in w.split("-") if (g := word_gender(p))), "")
        if {"m": "il", "f": "elle"}.get(shown) != pronoun.rstrip("s"):
            return None
    copula = _COPULA.get(tense[0], "est")
    if pronoun.endswith("s"):
        copula = {"est": "sont", "était": "étaient"}[copula]
    name = sentence[: doc[span[0] - 1].idx]
    appos_text = sentence[doc[span[0]].idx : close.idx]
    rest = sentence[close.idx + 1 :].lstrip()
    left = f"{name} {copula} {appos_text}"
    return left, f"{pronoun} {rest}", "", f"{copula} {pronoun}"


@cache
def _not_attributes() -> frozenset[str]:
    return frozenset(read_list("split_fronted_not_attributes.txt"))


@cache
def _fronted_nouns() -> frozenset[str]:
    return frozenset(read_list("split_fronted_nouns.txt"))


def _fronted_opening(words: Sequence[str]) -> bool:
    """The detached attribute opens on an adjective (after adverbs: "Pleinement conscient") or
    a noun of ``split_fronted_nouns.txt`` ("Membre de…"); never a past participle ("Qualifié
    de… par…", "Loué pour…": an event, whose tense « être » would change), nor a word that
    may be a preposition ("Sur un long une-deux…": « sur » is an adjective too), nor a
    comment on the whole clause (``split_fronted_not_attributes.txt``: "Plus grave encore,
    …"); an adjective that is an adverb too needs its complement ("Proche de…", "Fort de…":
    not "Juste avant le match")."""
    lexicon = load_lexicon()
    for i, word in enumerate(words):
        if word.lower() in _not_attributes():
            return False
        entry = lexicon.entry(word)
        tags = {a.tag for a in entry.analyses}
        if tags == {"R"}:
            continue
        after = words[i + 1].lower() if i + 1 < len(words) else ""
        if "R" in tags and not (after in ("de", "à") or after.startswith(("d’", "d'"))):
            return False
        if word.lower() in _fronted_nouns():
            return True
        return "A" in tags and tags <= {"A", "N", "R"} and not entry.guessed
    return False


def verb_only(word: str) -> bool:
    """The lexicon reads ``word`` as a conjugated verb and nothing else ("avait", "sait"; not
    "groupe", "note", which are nouns too)."""
    if word in _ETRE_TENSE:
        return True  # "est" is a noun (the east) too
    entry = load_lexicon().entry(word)
    return (
        word[:1].islower()
        and entry.has("V")
        and not entry.guessed
        and all(a.tag in "VX" for a in entry.analyses)
    )


def fronted_split(sentence: str) -> tuple[str, str, str, str] | None:
    """ "Membre de la coalition, le ministre avait estimé…" → "Le ministre est membre de la
    coalition." + "Il avait estimé…": a detached attribute opening the sentence says something
    of its subject (Grevisse § 333), stated with « être » as for an apposition. The subject is
    a pronoun, or a determiner and its noun phrase up to the verb (a name alone is left: its
    gender is not known; so is a coordination, "le ministre et la présidente").
    The small parse misreads these sentences ("Blesk note": two names): words and the
    lexicon decide, the parts are verified as clauses as usual."""
    comma = sentence.find(", ")
    if comma < 0 or inside_pairs(sentence, comma):
        return None
    front, rest = sentence[:comma], sentence[comma + 2 :]
    words = WORD.findall(front)
    # Four words at least: a short opening is a comment more often than an attribute
    # ("Plus grave encore", "Fait rare").
    if len(words) < 4 or not _fronted_opening(words[:3]) or any(verb_only(w) for w in words):
        return None
    tokens = rest.split()
    first = tokens[0].lower() if tokens else ""
    if first in _PRONOUNS.values():
        pronoun, size = first, 1
    else:
        said = _DETERMINERS.get(first)
        size = next((i for i, w in enumerate(tokens) if verb_only(w.strip(",;:"))), 0)
        np = tokens[:size]
        if said is None or not said[0] or size < 2:
            return None
        if any(w in _NOT_IN_SUBJECT or w.endswith((",", ";", ":")) for w in np):
            return None  # a coordination, an aside, a clause: whose gender, which verb?
        found = _PRONOUNS.get(said)
        if found is None:
            return None
        pronoun = found
    if len(tokens) <= size:
        return None
    verb = tokens[size]
    tense = _ETRE_TENSE.get(verb) or _AUX_TENSE.get(verb) or ("présent", False)
    copula = _COPULA.get(tense[0], "est")
    if pronoun.endswith("s"):
        copula = {"est": "sont", "était": "étaient"}[copula]
    subject = " ".join(tokens[:size])
    left = f"{capital(subject)} {copula} {front[:1].lower()}{front[1:]}"
    right = f"{pronoun} {' '.join(tokens[size:])}"
    return left, right, "", f"{copula} {pronoun}"


_NOT_IN_SUBJECT = frozenset({"et", "ou", "ni", "qui", "que", "qu’", "dont", "où", "(", "–", "—"})
#: A past narrative's auxiliary: the attribute is stated with « était ».
_AUX_TENSE = {"avait": ("imparfait", True), "avaient": ("imparfait", True)}


def _tense(verb: Any) -> tuple[str, bool] | None:
    """:func:`plume.write.active.tense_of`, and a passive's tense read on its auxiliary ("est
    admiré": the present; "a été admiré": the passé composé)."""
    found = tense_of(verb)
    if found is not None:
        return found
    passive = [c for c in verb.children if c.dep_ == "aux:pass"]
    auxes = [c for c in verb.children if c.dep_ in ("aux", "aux:tense")]
    if len(passive) != 1 or auxes:
        return found
    return _ETRE_TENSE.get(str(passive[0].text).lower())


#: What may stand between a subject and its verb.
_ETRE_TENSE = {
    "est": ("présent", False),
    "sont": ("présent", False),
    "était": ("imparfait", False),
    "étaient": ("imparfait", False),
    "sera": ("futur", False),
    "seront": ("futur", False),
}
