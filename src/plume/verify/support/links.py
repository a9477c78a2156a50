"""Whether the source ties a claim's names and numbers to the words the claim ties them to:
in one sentence and near in the parse (or through a pronoun), titles that are this person's,
numbers that count what the claim says they count."""

from __future__ import annotations

from plume.lang.fr import fold, time_nouns
from plume.verify.support.names import titles
from plume.verify.support.parse import Problem, Text, Tok, Window, sent_toks
from plume.verify.support.roles import children_of, subtree_of, unmarked_name
from plume.verify.support.words import FIRST_PERSON, lexicon, plain, word_class

__all__ = ["conjuncts_up", "content_head", "links_check", "role_of"]

#: Largest tree distance, in the source, between a name or number and the word the claim ties
#: it to.
_MAX_LINK = 4
_MAX_NUMBER_LINK = 4
_FAR = 99


def role_of(text: Text, v: int, child: Tok) -> str:
    """ "agent" or "other": the part ``child`` (a dependent of verb ``v``) plays."""
    passive = text.toks[v].passive
    if child.dep == "obl:agent" or (child.dep.startswith("nsubj") and not passive):
        return "agent"
    return "other"


def _path(src: Text, i: int) -> list[int]:
    path = [i]
    cur = i
    for _ in range(60):
        h = src.toks[cur].head
        if h == cur:
            break
        path.append(h)
        cur = h
    return path


def _distance(src: Text, a: int, b: int, *, across: bool = True) -> int:
    if a == b:
        return 0
    pa, pb = _path(src, a), _path(src, b)
    if src.toks[a].sent != src.toks[b].sent:
        if not across:
            return _FAR
        # Two adjacent sentences are joined at their roots.
        near = abs(src.toks[a].sent - src.toks[b].sent) == 1
        return len(pa) + len(pb) - 1 if near else _FAR
    where = {x: n for n, x in enumerate(pa)}
    for n, x in enumerate(pb):
        if x in where:
            return where[x] + n
    return _FAR


def content_head(c: Text, t: Tok) -> Tok | None:
    cur = t
    for _ in range(3):
        if cur.head == cur.i:
            return None
        cur = c.toks[cur.head]
        if cur.content:
            return cur
    return None


#: Relations through which a claim ties a name to what it says of it.
_NAME_TIES = frozenset({"appos", "nsubj", "nsubj:pass", "obj", "obl:agent"})


def links_check(
    c: Text, body: list[Tok], src: Text, w: Window, index: dict[str, set[int]]
) -> Problem | None:
    for t in body:
        if t.pos == "NUM":
            found = _number_link(c, t, src, w)
        elif t.pos == "PROPN":
            found = _name_link(c, t, src, w, index)
        elif (
            t.pos == "NOUN"
            and (t.dep == "nmod" or t.dep.startswith("obl"))
            and t.head != t.i
            and c.toks[t.head].pos == "NOUN"
            and _apart(c.toks[t.head], t, src, w)
        ):
            # "aucun danger pour les intestins" from "aucun danger pour les enfants" and "les
            # intestins" of the next sentence: a noun and its complement in one sentence.
            found = _not_linked(c.toks[t.head], t)
        elif t.pos == "NOUN" and t.dep in ("obj", "nsubj", "nsubj:pass") and t.head != t.i:
            # A verb and its subject or object: in one source sentence too ("Bordeaux interdit
            # les vélos" is not "interdit les trottinettes … les vélos restent").
            h = c.toks[t.head]
            ok = h.pos != "VERB" or not h.content or h.i not in w.align or h.i < c.topic_end
            found = None if ok or _linked(c, t, h, src, w) else _not_linked(t, h)
        else:
            continue
        if found is not None:
            return found
    return None


def _apart(h: Tok, t: Tok, src: Text, w: Window) -> bool:
    """Whether claim words ``h`` and ``t``, both in a window of several sentences, never meet in
    one of its sentences."""
    if len(w.sents) < 2 or h.i not in w.align or t.i not in w.align:
        return False
    mine = {src.toks[a].sent for a in w.align[h.i]}
    theirs = {src.toks[b].sent for b in w.align[t.i]}
    return not mine & theirs


def _name_link(c: Text, t: Tok, src: Text, w: Window, index: dict[str, set[int]]) -> Problem | None:
    """A name and the word the claim ties it to (its verb, its apposition) must be close in the
    source, and that word must not be another name's apposition there."""
    for x in children_of(c, t.i):
        if not (x.dep == "appos" and x.pos == "NOUN" and x.content):
            continue
        if x.i in w.align:
            found = [src.toks[s] for s in w.align[x.i]]
        else:
            # "Yosra Frawes, ministre de la Femme": the title is elsewhere in the source.
            found = [
                s
                for n in sorted({n for k in x.keys for n in index.get(k, ())})
                for s in sent_toks(src, n)
                if s.content and s.keys & x.keys
            ]
        if found and all(_other_name(src, s.i, t.keys) for s in found):
            return _not_linked(t, x)
        # "Kristen Falc'hon, sociologue" when the source's sociologist is someone else: the
        # title must be tied to this name somewhere in the source.
        comma = any(y.text == "," for y in c.toks[min(t.i, x.i) : max(t.i, x.i)])
        if comma and found and not any(_titles(src, s, t.keys, index) for s in found):
            return _not_linked(t, x)
    h = _predicate(c, t)
    if (
        h is not None
        and h.i >= c.topic_end
        and h.i in w.align
        and (t.dep in _NAME_TIES or (h.dep == "appos" and h.head == t.i))
    ):
        # "Mira Murati, fondatrice de Twitch" when the source's "fondateur" is someone else's.
        appos = h.pos == "NOUN" and (t.dep == "appos" or h.dep == "appos")
        if appos and all(_other_name(src, s, t.keys) for s in w.align[h.i]):
            return _not_linked(t, h)
        if not _linked(c, t, h, src, w):
            return _not_linked(t, h)
    # "Bruno Le Maire appelle à la grève" read with the verb as the name's clause (acl).
    for v in _clauses_of(c, t):
        if v.i in w.align and not _linked(c, t, v, src, w):
            return _not_linked(t, v)
    return None


#: Tokens between a name and its title in "X, ministre de…" or "le ministre X" (a line break,
#: a comma, a determiner, an adjective).
_TITLE_GAP = 6


def _titles(src: Text, s: Tok, name: frozenset[str], index: dict[str, set[int]]) -> bool:
    """Whether source noun ``s`` may be the title of the person called ``name``: next to it
    with no other name between ("X, ministre", "le sociologue X", "X\n\nPhilosophe"), close
    to it in the parse of one sentence, or said of a pronoun ("il est ministre") — then who
    the pronoun is, is left to the other checks."""
    if any(x.dep == "det" and plain(x.text) in _POSSESSIVE for x in children_of(src, s.i)):
        return True
    cur = s
    for _ in range(3):  # "C'est l'un des fondateurs": the pronoun is the subject of "un"
        if any(x.dep.startswith("nsubj") and x.pos == "PRON" for x in children_of(src, cur.i)):
            return True
        if cur.head == cur.i:
            break
        cur = src.toks[cur.head]
    named = {n for k in name for n in index.get(k, ())}
    for n in range(max(0, s.sent - 1), min(len(src.sents), s.sent + 2)):
        if n not in named:
            continue
        for a in sent_toks(src, n):
            if a.pos != "PROPN" or not a.keys & name:
                continue
            lo, hi = sorted((a.i, s.i))
            between = src.toks[lo + 1 : hi]
            # (A name that complements the title is not another person: "le président
            # d'OpenAI, Greg Brockman".)
            others = [
                b
                for b in between
                if b.pos == "PROPN" and not b.keys & name and not _complements_title(src, b, s)
            ]
            if hi - lo <= _TITLE_GAP and not others:
                return True
            if a.sent == s.sent and _distance(src, a.i, s.i, across=False) <= 3:
                return True
    return False


def _complements_title(src: Text, b: Tok, s: Tok) -> bool:
    """Whether name ``b`` is the "de" complement of title ``s`` ("président d'OpenAI")."""
    cased = any(
        y.dep == "case" and plain(y.text) in ("de", "d'", "du", "des")
        for y in children_of(src, b.i)
    )
    return cased and (b.head == s.i or src.toks[b.i - 2 : b.i].count(s) > 0)


def _predicate(c: Text, t: Tok) -> Tok | None:
    """What the claim says of ``t``: its content head, or — under a verb with no content of its
    own ("Lyon n'avait pas été à la hauteur") — that verb's content complement."""
    if t.head != t.i:
        v = c.toks[t.head]
        if v.pos in ("VERB", "AUX") and not v.content and t.dep.startswith("nsubj"):
            for x in children_of(c, v.i):
                if x.content and x.i != t.i and x.dep in ("obl:arg", "obl", "obj"):
                    return x
    return content_head(c, t)


def _clauses_of(c: Text, t: Tok) -> list[Tok]:
    """The verbs the parser hung on noun ``t`` (or the name it is part of) that say something
    of it: "Mira Murati nommée…", "Le Maire appelle…" read as a relative."""
    top = t
    while top.dep == "flat:name" and top.head != top.i:
        top = c.toks[top.head]
    heads = [top.i, *(x.i for x in children_of(c, top.i) if x.dep == "flat:name")]
    return [
        x
        for i in heads
        for x in children_of(c, i)
        # (a headline verb the small model read as part of the name: "Paul Martin dénonce…")
        if x.pos == "VERB"
        and x.content
        and x.dep in ("acl", "acl:relcl", "flat:name")
        and x.i >= c.topic_end
    ]


def _linked(c: Text, t: Tok, h: Tok, src: Text, w: Window) -> bool:
    """Whether the source ties claim word ``t`` to its predicate ``h`` in one sentence, near in
    the parse — or through a pronoun in the predicate's sentence."""
    if t.i not in w.align and t.i not in w.context:
        return True
    context = t.i in w.context  # named before the window: only a word standing for it will do
    # In one sentence: across two, the word may be another's (merged facts); a pronoun for it
    # in the verb's sentence is judged below.
    # (Words side by side are linked whatever the parse: "a embauché | Altman" cut in two.)
    # A conjunct is tied as the first of its list is ("embauché Altman et Brockman", the parse
    # cut after "Altman").
    if not context and any(
        (abs(x - b) <= 2 or _distance(src, x, b, across=False) <= _MAX_LINK) and _ties(src, h, x, b)
        for a in w.align[t.i]
        for x in conjuncts_up(src, a)
        for b in w.align[h.i]
    ):
        return True
    # A verbless sentence ("But de Léo Dubois !") is the topic of the next one, which says what
    # happened ("L'OL égalise grâce à …").
    if not context and any(
        src.toks[b].sent == src.toks[a].sent + 1 and _verbless(src, src.toks[a].sent)
        for a in w.align[t.i]
        for b in w.align[h.i]
    ):
        return True
    # "Chirac l'a soutenu … Jean-Paul Delevoye": the verb's argument is a pronoun, which may
    # well stand for the name; who is who is then left to the role checks.
    role = "agent" if role_of(c, h.i, t) == "agent" else "other"
    claim_keys = {k for x in c.toks for k in x.keys}
    for b in w.align[h.i]:
        v = src.toks[b]
        # A verb without a subject of its own ("recruté … avant de revenir") has its governor's.
        while (
            v.pos == "VERB"
            and v.dep in ("xcomp", "advcl")
            and v.head != v.i
            and not any(x.dep.startswith("nsubj") for x in children_of(src, v.i))
            and role == "agent"
        ):
            v = src.toks[v.head]
        climbed = v.i != b  # then the governor's surface subject is the infinitive's
        if src.toks[b].pos == "VERB" and any(
            (x.dep.startswith("nsubj") if climbed else role_of(src, v.i, x) == role)
            and _may_refer(src, x, t, claim_keys)
            and (x.pos != "PRON" or _named_before(src, w, t, x.i))
            for x in children_of(src, v.i)
        ):
            return True
        # "Condamné à sept ans de prison, il voit…": a fronted participle is said of the
        # subject of the clause it opens onto, its patient.
        # (a headline's bare participle with no object is passive: "X inscrit sur une liste
        # par Y", not "X inscrit Y sur une liste")
        bare = not any(y.dep.startswith("aux") or y.dep == "obj" for y in children_of(c, h.i))
        patient = role != "agent" or (bare and lexicon().is_past_participle(h.text))
        x = _fronted_subject(src, b) if patient else None
        if x is not None and (
            x.i in w.align.get(t.i, ()) or (x.pos == "PRON" and t.keys & _antecedent(src, x.i))
        ):
            return True
        # "Ses carnets" for "les carnets de Marie Curie".
        if src.toks[b].pos == "NOUN" and any(
            x.dep == "det" and plain(x.text) in _POSSESSIVE and _named_before(src, w, t, x.i)
            for x in children_of(src, b)
        ):
            return True
    return False


_POSSESSIVE = frozenset({"son", "sa", "ses", "leur", "leurs"})


def _named_before(src: Text, w: Window, t: Tok, pronoun: int) -> bool:
    """Whether the claim's name ``t`` is named before the sentence of source pronoun
    ``pronoun``, or in it: a pronoun stands for someone already named ("il vient de recevoir le
    prix. par Didier Roy" is not Roy's), save in its own sentence ("Chirac l'a soutenu », dit-on
    de Delevoye")."""
    n = src.toks[pronoun].sent
    return t.i in w.context or any(src.toks[a].sent <= n for a in w.align.get(t.i, ()))


def _fronted_subject(src: Text, b: int) -> Tok | None:
    """The subject of the clause a sentence-opening past participle is detached onto
    ("Inscrit sur une liste noire par X, il a vu…": "il"), or ``None``."""
    p = src.toks[b]
    start, end = src.sents[p.sent]
    if b > start + 1 or not lexicon().is_past_participle(p.text):
        return None
    # (the first subject just after a comma: the participle's phrase ends there)
    for x in src.toks[b + 2 : end]:
        if x.dep.startswith("nsubj") and x.pos in ("PRON", "PROPN", "NOUN"):
            return x if src.toks[x.i - 1].text == "," else None
    return None


#: Sentences looked back for a subject pronoun's antecedent.
_BACK = 4


def _antecedent(src: Text, i: int) -> frozenset[str]:
    """Keys of the name a subject pronoun most likely stands for: the last name of its number
    in the sentences before it, not under a preposition ("par la présidente Park" is no
    antecedent of the next sentence's "il")."""
    p = src.toks[i]
    lo, hi = src.sents[max(0, p.sent - _BACK)][0], src.sents[p.sent][0]
    for j in range(hi - 1, lo - 1, -1):
        x = src.toks[j]
        if x.pos != "PROPN" or not x.content or x.dep == "flat:name":
            continue
        if not unmarked_name(src, j) or (x.number_gram == "Plur") != (p.number_gram == "Plur"):
            continue
        run = [y for y in src.toks[j - 3 : j + 4] if y.pos == "PROPN" and y.sent == x.sent]
        return frozenset(k for y in run for k in y.keys)
    return frozenset()


def conjuncts_up(src: Text, a: int) -> list[int]:
    """``a`` and the words it is coordinated under, in its sentence ("Brockman" in "Altman et
    Brockman": "Altman" too)."""
    out = [a]
    cur = src.toks[a]
    # (a conjunct may hang on the first name's last word: "Clara Ferrand et Hugo")
    while cur.dep in ("conj", "flat:name") and cur.head != cur.i and len(out) < 6:
        cur = src.toks[cur.head]
        out.append(cur.i)
    return out


_DEFINITE = frozenset({"le", "la", "l'", "les", "ce", "cet", "cette", "ces"})


def _verbless(src: Text, n: int) -> bool:
    return not any(x.pos in ("VERB", "AUX") for x in sent_toks(src, n))


def _may_refer(src: Text, x: Tok, t: Tok, claim_keys: set[str]) -> bool:
    """Whether source argument ``x`` may stand for the claim's ``t`` named in another sentence:
    a pronoun ("il", "l'"), or a definite noun phrase the claim does not use, agreeing in number
    ("le fongicide" for "le chlorothalonil"; not "les syndicats" for "Bruno Le Maire")."""
    agrees = not (x.number_gram and t.number_gram) or x.number_gram == t.number_gram
    if x.pos == "PRON":
        # "elles" does not stand for "Catherine Vautrin"; "je" in a quote is its speaker.
        word = plain(x.text)
        return (word in word_class("pronoun") or word in FIRST_PERSON) and agrees
    if x.pos == "NOUN" and titles(src).stands_for(x, t):
        return True  # "le Premier ministre tchèque" for "Andrej Babiš", the source's only one
    if x.pos != "NOUN" or not x.content or x.keys & claim_keys:
        return False
    if titles(src).someone_else(x, t):
        return False  # "le ministre de la Santé" does not stand for the Prime Minister
    definite = any(y.dep == "det" and fold(y.text) in _DEFINITE for y in children_of(src, x.i))
    return agrees and definite


def _ties(src: Text, h: Tok, a: int, b: int) -> bool:
    """Whether source name ``a`` may be what the claim's predicate ``h`` says it of, through
    source word ``b``: a claim verb met as a noun ("X est mort" / "la mort de X") holds only for
    the noun's own complement, not for a name elsewhere in its sentence ("après sa mort, X…")."""
    if h.pos != "VERB" or src.toks[b].pos != "NOUN":
        return True
    if any(x.i == a for x in subtree_of(src, b)):
        return True
    # "La mairie de X a voté l'interdiction": the object noun's event is its verb's subject's.
    noun = src.toks[b]
    if noun.dep != "obj":
        return False
    # Who regrets, hails or asks for a vote did not vote: only a verb that does or announces
    # the event ("voter l'interdiction", "annoncer la suppression") lends it its subject.
    taking_sides = word_class("stance") | word_class("hedge") | word_class("belief")
    # The subject of the verb above it (two steps up: the small model often hangs the object
    # on a word between, "a annoncé jeudi la suppression").
    cur = noun
    for _ in range(2):
        if cur.head == cur.i:
            return False
        cur = src.toks[cur.head]
        if cur.pos == "VERB" and cur.keys & taking_sides:
            return False
        if any(
            x.dep.startswith("nsubj") and (x.i == a or any(y.i == a for y in subtree_of(src, x.i)))
            for x in children_of(src, cur.i)
        ):
            return True
    return False


def _number_link(c: Text, t: Tok, src: Text, w: Window) -> Problem | None:
    """A number must sit, in one source sentence, next to the word the claim ties it to, and
    what it counts must be what the source's number counts ("trois quarts du capital" is not
    "trois quarts des bénéfices")."""
    if t.i not in w.align:
        return None
    if t.number and t.number.endswith("e"):
        return None  # a rank ("4e", "premières") ranks; it counts nothing
    adjacent = _adjacent_count(c, t, src, w)
    if adjacent is not None:
        return adjacent
    h = content_head(c, t)
    if h is not None and h.i >= c.topic_end and h.i in w.align and h.pos != "PROPN":
        same_kind = [b for b in w.align[h.i] if (src.toks[b].pos == "VERB") == (h.pos == "VERB")]
        claimed = {s for v in w.align.values() for s in v}
        # The source counts the same thing under another name ("800 000 messages").
        reworded = h.pos == "NOUN" and any(
            (sh := content_head(src, src.toks[a])) is not None
            and sh.pos == "NOUN"
            and sh.i not in claimed
            for a in w.align[t.i]
        )
        counted = [
            b
            for b in same_kind
            if {x.number for x in children_of(src, b) if x.pos == "NUM" and x.dep == "nummod"}
            - {None}
            and t.number
            not in {x.number for x in children_of(src, b) if x.pos == "NUM" and x.dep == "nummod"}
        ]
        if same_kind and len(counted) == len(same_kind) and 0 < h.i - t.i <= 3:
            # "durera 4 mois" where the source's months are counted by another number.
            return (
                f"nombre rattaché à autre chose : « {t.text} {h.text} »",
                f"number attached to something else: “{t.text} {h.text}”",
            )
        if same_kind and not reworded:
            d = min(_distance(src, a, b, across=False) for a in w.align[t.i] for b in same_kind)
            if d > _MAX_NUMBER_LINK and not _dated_back(src, t, w.align[t.i], same_kind):
                return _not_linked(t, h)
    unit = c.toks[t.head] if t.head != t.i else None
    verb_link = _verb_link(c, t, unit, src, w)
    if verb_link is not None:
        return verb_link
    if unit is not None and (unit.pos == "NOUN" or not unit.content):
        # What the claim says of the counted thing must be said in the number's sentence.
        # (A year dates the event, not the thing counted: "1 milliard … en 2019".)
        phrase = [
            x
            for x in subtree_of(c, unit.i)
            if x.content and x.i != t.i and x.i in w.align and not (x.pos == "NUM" and _is_date(x))
        ]
        sents = {src.toks[a].sent for a in w.align[t.i]}
        # "22 % de la population de cette région": a demonstrative there stands for a name
        # of the sentence before ("des Balkans").
        pointing = {n for n in sents if _demonstrative(src, n)}
        if phrase and not any(
            all(
                any(src.toks[b].sent == n for b in w.align[x.i])
                or (n in pointing and x.pos == "PROPN")
                for x in phrase
            )
            for n in sents
        ):
            return _not_linked(t, phrase[0])
        # "22 % de la population subsaharienne" where the source's 22 % are another population
        # and "subsaharienne" is said of the 2 % beside it.
        said = [x for x in _said_of(c, unit.i) if x.i in w.align]
        if (
            said
            and not _is_date(t)
            and not any(
                all(
                    any(
                        src.toks[b].sent == src.toks[a].sent and not _other_count(src, b, a)
                        for b in w.align[x.i]
                    )
                    for x in said
                )
                for a in w.align[t.i]
            )
        ):
            return (
                f"nombre rattaché à autre chose : « {t.text} … {said[0].text} »",
                f"number attached to something else: “{t.text} … {said[0].text}”",
            )
    if _is_date(t):
        return None  # a year or a day dates an event; it does not count anything
    # What the number counts is said on its unit ("12 % chez les femmes"), else on its head —
    # never on a headline's topic label, where the parser hangs stray words ("Chômage :").
    mine: list[Tok] = []
    for u in (unit, h):
        if u is None or mine or u.i < c.topic_end:
            continue
        mine = [
            x
            for x in children_of(c, u.i)
            if x.content and x.dep == "nmod" and x.pos == "NOUN" and x.i != t.i
        ]
    if not mine:
        return None
    claimed = {s for v in w.align.values() for s in v}
    mine_keys = {k for x in mine for k in x.keys}
    moved = any(x.i in w.align for x in mine)
    for a in w.align[t.i]:
        s = src.toks[a]
        sunit = src.toks[s.head] if s.head != s.i else None
        theirs = [
            x
            for u in (sunit, content_head(src, s))
            if u is not None
            for x in children_of(src, u.i)
            if x.content and x.dep == "nmod" and x.pos == "NOUN" and x.i != s.i
        ]
        if not theirs or any(x.keys & mine_keys for x in theirs):
            return None  # this occurrence counts the same thing (or nothing said)
        if any(_topic_of(src, x, mine, w) for x in theirs):
            return None  # "messages sur le sujet", the claim's "ibuprofène" named before
        if not moved and any(x.i in claimed for x in theirs):
            return None  # reworded: the claim's word is a paraphrase of this one
    # "45 % des cadres" where the source's 45 % are "des employés" (and its cadres elsewhere).
    return (
        f"nombre rattaché à autre chose : « {t.text} … {mine[0].text} »",
        f"number attached to something else: “{t.text} … {mine[0].text}”",
    )


def _topic_of(src: Text, x: Tok, mine: list[Tok], w: Window) -> bool:
    """Whether source noun ``x`` is a definite topic noun ("le sujet") standing for one of the
    claim's words ``mine``, named before it in its sentence."""
    if not x.keys & word_class("topic") or not any(
        y.dep == "det" and plain(y.text) in _DEFINITE for y in children_of(src, x.i)
    ):
        return False
    start = src.sents[x.sent][0]
    return any(start <= b < x.i for m in mine for b in w.align.get(m.i, ()))


def _said_of(c: Text, unit: int) -> list[Tok]:
    """The claim words that say what is counted: the unit's complements and epithets, and
    theirs ("% de la population subsaharienne"), names aside (they may be said elsewhere)."""
    out: list[Tok] = []
    for x in children_of(c, unit):
        if x.dep in ("nmod", "amod") and x.content and x.pos in ("NOUN", "ADJ"):
            out.append(x)
            out += [
                y for y in children_of(c, x.i) if y.dep == "amod" and y.content and y.pos == "ADJ"
            ]
    return out


def _demonstrative(src: Text, n: int) -> bool:
    """Whether source sentence ``n`` has a noun with a demonstrative ("cette région")."""
    return any(
        x.dep == "det" and plain(x.text) in ("ce", "cet", "cette", "ces") for x in sent_toks(src, n)
    )


def _other_count(src: Text, b: int, a: int) -> bool:
    """Whether source word ``b`` is said of what another number than ``a`` counts: going up
    from it, a word counted by another number comes before the one ``a`` counts."""
    unit = src.toks[a].head
    cur = src.toks[b]
    for _ in range(6):
        if cur.i in (unit, a):
            return False
        if any(
            x.pos == "NUM" and x.dep == "nummod" and x.i != a and not _is_date(x)
            for x in children_of(src, cur.i)
        ):
            return True
        if cur.head == cur.i:
            return False
        cur = src.toks[cur.head]
    return False


def _counted_word(text: Text, t: Tok) -> Tok | None:
    """The word right after number ``t`` ("deux piscines"), whatever the parse says: the small
    model often misreads a headline around a number."""
    b = text.sents[t.sent][1]
    j = t.i + 1
    if j < b and text.toks[j].content and text.toks[j].pos in ("NOUN", "ADJ"):
        return text.toks[j]
    return None


def _adjacent_count(c: Text, t: Tok, src: Text, w: Window) -> Problem | None:
    """ "Deux piscines" where every "piscines" of the window is counted by another number
    ("trois piscines")."""
    mine = _counted_word(c, t)
    if mine is None or _is_date(t) or mine.i not in w.align:
        return None
    theirs = [src.toks[s] for s in w.align[mine.i]]
    counts = [
        src.toks[s.i - 1].number if s.i > 0 and src.toks[s.i - 1].pos == "NUM" else None
        for s in theirs
    ]
    if counts and all(n is not None and n != t.number for n in counts):
        return (
            f"nombre rattaché à autre chose : « {t.text} {mine.text} »",
            f"number attached to something else: “{t.text} {mine.text}”",
        )
    return None


def _verb_link(c: Text, t: Tok, unit: Tok | None, src: Text, w: Window) -> Problem | None:
    """A counted thing that is a verb's subject or object ("a perdu 90 chanteurs"): the source's
    number must hang on that verb too, not on another one of the sentence ("pour n'être plus que
    90 chanteurs")."""
    if unit is None or unit.dep not in ("obj", "nsubj", "nsubj:pass") or unit.head == unit.i:
        return None
    v = c.toks[unit.head]
    if v.pos != "VERB" or not v.content or v.i < c.topic_end or v.i not in w.align:
        return None
    verbs = [b for b in w.align[v.i] if src.toks[b].pos == "VERB"]
    if not verbs or _is_date(t):
        return None
    d = min(_distance(src, a, b, across=False) for a in w.align[t.i] for b in verbs)
    if d > _MAX_NUMBER_LINK:
        return _not_linked(t, v)
    # The source's verb has its own counted object ("a perdu 21 % de son effectif"): "a perdu
    # 90 chanteurs" moves the 90 of another clause onto it.
    counted = [_counts(src, b, unit.dep) for b in verbs]
    if all(counted) and not any(t.number in n for n in counted):
        return (
            f"nombre rattaché à autre chose : « {t.text} {unit.text} »",
            f"number attached to something else: “{t.text} {unit.text}”",
        )
    return None


def _counts(src: Text, v: int, dep: str) -> set[str | None]:
    """The numbers that count verb ``v``'s argument ``dep`` ("obj", "nsubj") in the source."""
    out: set[str | None] = set()
    for x in children_of(src, v):
        if x.dep != dep:
            continue
        if x.pos == "NUM":
            out.add(x.number)
        out |= {y.number for y in children_of(src, x.i) if y.pos == "NUM" and y.dep == "nummod"}
    return out - {None}


def _dated_back(src: Text, t: Tok, dates: tuple[int, ...], verbs: list[int]) -> bool:
    """Whether claim year ``t`` (at source ``dates``) dates a source verb of the next sentence
    through an anaphoric demonstrative in its clause ("depuis 2019, … Microsoft a investi
    1 milliard cette année-là"; not "cette année", which is the year of writing)."""
    if not (t.number or "").isdigit() or not _is_date(t):
        return False
    return any(
        src.toks[b].sent == src.toks[a].sent + 1 and _points_back_in_time(src, b)
        for a in dates
        for b in verbs
    )


#: Relations that open another clause: a demonstrative under them dates that clause.
_OTHER_CLAUSE = frozenset({"conj", "advcl", "parataxis", "ccomp", "acl:relcl"})


def _points_back_in_time(src: Text, v: int) -> bool:
    """Whether verb ``v``'s own clause holds "ce/cette <time noun>-là" ("cette année-là")."""
    todo = [v]
    while todo:
        for x in children_of(src, todo.pop()):
            if x.dep in _OTHER_CLAUSE:
                continue
            todo.append(x.i)
            after = " ".join(plain(y.text) for y in src.toks[x.i + 1 : x.i + 3])
            if (
                fold(x.text) in time_nouns()
                and after.replace(" ", "") in ("-la", "la")
                and any(
                    y.dep == "det" and plain(y.text) in ("ce", "cet", "cette")
                    for y in children_of(src, x.i)
                )
            ):
                return True
    return False


def _is_date(t: Tok) -> bool:
    n = t.number or ""
    return not n.replace(".", "").isdigit() or (n.isdigit() and 1800 <= int(n) <= 2100)


def _other_name(src: Text, i: int, name: frozenset[str]) -> bool:
    """Whether source word ``i`` is in apposition to (or the agent of) a name other than
    ``name``, following coordinations up ("Faltýnek, président … et bras droit")."""
    cur = src.toks[i]
    for _ in range(4):
        tied = [
            x
            for x in children_of(src, cur.i)
            if x.pos == "PROPN" and x.dep in ("appos", "obl:agent", "nsubj")
        ]
        if cur.dep == "appos" and src.toks[cur.head].pos == "PROPN":
            tied.append(src.toks[cur.head])
        if tied:
            return not any(x.keys & name for x in tied)
        if cur.dep != "conj" or cur.head == cur.i:
            return False
        cur = src.toks[cur.head]
    return False


def _not_linked(t: Tok, h: Tok) -> Problem:
    return (
        f"« {t.text} » et « {h.text} » ne sont pas liés dans la source",
        f"“{t.text}” and “{h.text}” are not linked in the source",
    )
