"""The checks a source window must pass to support a claim: names and numbers present and
attached to the same words, the claim's events there, same polarity, no hedge dropped."""

from __future__ import annotations

from plume.lang.fr import fold
from plume.verify.support.names import titles
from plume.verify.support.parse import Problem, Text, Tok, Window, sent_toks
from plume.verify.support.roles import children_of, main_sentence, subtree_of
from plume.verify.support.words import FIRST_PERSON, antonyms, negative_prefix, plain, word_class

#: Largest tree distance, in the source, between a name or number and the word the claim ties
#: it to.
_MAX_LINK = 4
_MAX_NUMBER_LINK = 4
_FAR = 99


def names_check(
    c: Text, body: list[Tok], src: Text, w: Window, index: dict[str, set[int]]
) -> Problem | None:
    for t in body:
        if t.pos in ("PROPN", "NUM") and t.i not in w.align and t.i not in w.context:
            if any(k in index for k in t.keys):
                return (
                    f"« {t.text} » vient d'une autre partie de la source",
                    f"“{t.text}” comes from another part of the source",
                )
            kind = ("nombre", "number") if t.pos == "NUM" else ("nom", "name")
            return (
                f"{kind[0]} absent de la source : « {t.text} »",
                f"{kind[1]} not in the source: “{t.text}”",
            )
    return None


def verbs_check(
    c: Text, body: list[Tok], src: Text, w: Window, index: dict[str, set[int]]
) -> Problem | None:
    """The claim's verbs are its events: each must be in the window (or its opposite, which
    :func:`polarity_check` then judges)."""
    # In a verbless headline ("L'ibuprofène déconseillé par X") the participle is the event.
    main = any(t.pos == "VERB" and t.dep == "ROOT" for t in c.toks)
    for t in body:
        # A predicate ("les carnets sont radioactifs") is what the claim says: it must be
        # there, or its opposite.
        if (
            t.pos in ("ADJ", "NOUN")
            and t.i not in w.align
            and any(x.dep == "cop" for x in children_of(c, t.i))
            and not _antonym_hits(t, src, w)
        ):
            return (
                f"la source ne dit pas « {t.text} »",
                f"the source does not say “{t.text}”",
            )
        # Who said it is speaker_check's business; what was said is the claim's other words.
        reporting = t.keys & word_class("speech") and not t.keys & word_class("stance")
        # A frame verb frames another verb ("refuse de partir"); with a noun ("refuse le prix")
        # it is the event.
        framing = t.keys & word_class("frame") and not any(
            x.dep == "obj" and x.pos in ("NOUN", "PROPN") for x in children_of(c, t.i)
        )
        if t.pos != "VERB" or framing or reporting:
            continue
        if main and t.dep in ("acl", "acl:relcl", "amod"):
            continue
        if t.i not in w.align and not _antonym_hits(t, src, w) and not _same_frame(c, t, src, w):
            return (
                f"la source ne dit pas « {t.text} »",
                f"the source does not say “{t.text}”",
            )
    return None


def _role_of(text: Text, v: int, child: Tok) -> str:
    """ "agent" or "other": the part ``child`` (a dependent of verb ``v``) plays."""
    passive = text.toks[v].passive
    if child.dep == "obl:agent" or (child.dep.startswith("nsubj") and not passive):
        return "agent"
    return "other"


def _same_frame(c: Text, t: Tok, src: Text, w: Window) -> bool:
    """Whether one source verb of the window governs what the claim verb governs, in the same
    roles (at least two of its words, all but one): then the claim verb rewords it ("évincé
    vendredi de son poste" for "contraint de quitter son poste vendredi")."""
    if t.keys & (word_class("reversal") | word_class("increase") | word_class("decrease")):
        return False
    kids = [(x, _role_of(c, t.i, x)) for x in children_of(c, t.i) if x.content and x.i in w.align]
    if t.dep in ("acl", "amod") and t.head != t.i and c.toks[t.head].i in w.align:
        kids.append((c.toks[t.head], "other" if t.passive else "agent"))
    if len(kids) < 2:
        return False
    votes: dict[int, int] = {}
    vetoed: set[int] = set()
    for x, role in kids:
        seen: set[int] = set()
        for a in w.align[x.i]:
            cur = src.toks[a]
            for _ in range(4):
                if cur.head == cur.i:
                    break
                parent = src.toks[cur.head]
                if parent.pos == "VERB":
                    # "contraint de quitter" is one event: vote for the top of the chain.
                    top = parent
                    while top.dep == "xcomp" and top.head != top.i:
                        top = src.toks[top.head]
                    if top.i in seen:
                        break
                    seen.add(top.i)
                    theirs = _role_of(src, parent.i, cur)
                    if theirs == role:
                        votes[top.i] = votes.get(top.i, 0) + 1
                    elif "agent" in (role, theirs):
                        # "Microsoft dépend d'OpenAI" for "OpenAI s'appuie sur Microsoft"
                        vetoed.add(top.i)
                    break
                cur = parent
    # The reworded verb keeps the source's polarity ("a promis" is not "n'a pas exclu").
    return any(
        n >= 2 and n >= len(kids) - 1 and src.toks[v].neg == t.neg
        for v, n in votes.items()
        if v not in vetoed
    )


def _focus(src: Text, w: Window, hits: tuple[int, ...]) -> tuple[int, ...]:
    """Of a claim word's matches, those in the window's main sentence (the one matching most
    of the claim) when there are any: "il ne travaille plus" is not undone by "il travaille
    plus que les autres" in the next sentence."""
    if len(w.sents) == 1:
        return hits
    main = main_sentence(src, w)
    return tuple(i for i in hits if src.toks[i].sent == main) or hits


#: "au changement" fills the slot of "à l'usage".
_CONTRACTED = {"au": "a", "aux": "a", "du": "de", "des": "de", "d'": "de"}


def _complements(text: Text, v: int) -> dict[str, list[Tok]]:
    """Verb ``v``'s object and prepositional complements, by slot ("obj", "chez", "dans"…)."""
    out: dict[str, list[Tok]] = {}
    for x in children_of(text, v):
        if not (x.content and x.pos == "NOUN"):
            continue
        if x.dep == "obj":
            out.setdefault("obj", []).append(x)
        elif x.dep.startswith("obl") and x.dep != "obl:agent":
            for case in (y for y in children_of(text, x.i) if y.dep == "case"):
                slot = plain(case.text)
                out.setdefault(_CONTRACTED.get(slot, slot), []).append(x)
    return out


def _of_complements(text: Text, n: int) -> list[Tok]:
    """The "de" complements of noun ``n`` ("l'interdiction des trottinettes")."""
    return [
        x
        for x in children_of(text, n)
        if x.content
        and x.pos == "NOUN"
        and x.dep == "nmod"
        and any(
            y.dep == "case" and plain(y.text) in ("de", "des", "du", "d'")
            for y in children_of(text, x.i)
        )
    ]


def objects_check(
    c: Text, body: list[Tok], src: Text, w: Window, index: dict[str, set[int]]
) -> Problem | None:
    """The same verb with another complement in the same slot ("dure une heure" for "dure une
    vingtaine de minutes", "chez l'enfant" for "chez l'adulte"): the claim's is nowhere in the
    window and the source's is not in the claim."""
    claimed = {s for found in w.align.values() for s in found}
    for t in body:
        if t.pos != "VERB" or t.i not in w.align:
            continue
        verbs = [s for s in w.align[t.i] if src.toks[s].pos == "VERB"]
        # Met as its noun ("l'interdiction des trottinettes"), the verb's object is the noun's
        # "de" complement.
        nouns = [s for s in w.align[t.i] if src.toks[s].pos == "NOUN"] if not verbs else []
        if not verbs and not nouns:
            continue
        for slot, mine in _complements(c, t.i).items():
            if any(x.i in w.align for x in mine):
                continue
            if verbs:
                theirs = [_complements(src, s).get(slot, []) for s in verbs]
            elif slot == "obj":
                theirs = [_of_complements(src, s) for s in nouns]
            else:
                continue
            if all(o and not any(x.i in claimed for x in o) for o in theirs):
                return (
                    f"complément différent : « {mine[0].text} » contre « {theirs[0][0].text} »",
                    f"another complement: “{mine[0].text}” against “{theirs[0][0].text}”",
                )
    return None


def _antonym_hits(t: Tok, src: Text, w: Window) -> list[Tok]:
    ants = antonyms()
    opposite: set[str] = set()
    for k in t.keys:
        opposite |= ants.get(k, frozenset())
        if t.pos == "ADJ" and k[:1].isalpha():
            # "inefficace" / "efficace", "illégal" / "légal"
            opposite |= {p + k for p in ("in", "im", "il", "ir", "de", "des")}
            if (rest := negative_prefix(k)) is not None:
                opposite.add(plain(rest))
    if not opposite:
        return []
    return [s for n in w.sents for s in sent_toks(src, n) if s.content and s.keys & opposite]


def _polarity_of(c: Text, t: Tok) -> bool | None:
    """Whether ``t`` is negated, when that can be told (predicates, arguments of "être" or
    "avoir", words with their own negation); ``None`` for the rest, whose attachment the parse
    often gets wrong."""
    if t.own_neg:
        return True
    if t.pos == "ADJ" and t.dep == "amod":
        return t.neg  # compared with the source's predicates only (see polarity_check)
    if t.pos == "ADJ" and t.dep != "ROOT":
        # Only a predicate adjective ("le système n'est pas viable") carries the clause's
        # polarity; an epithet does not ("les économistes néolibéraux" in a negated clause).
        kids = [x for x in c.toks if x.head == t.i and x.i != t.i]
        return t.neg if any(x.dep in ("nsubj", "cop") for x in kids) else None
    if t.pos in ("VERB", "ADJ"):
        return t.neg
    if t.pos == "NOUN" and any(x.dep == "cop" for x in children_of(c, t.i)):
        return t.neg  # a noun predicate: "la réforme n'est pas un échec"
    if t.dep in ("obj", "nsubj", "nsubj:pass") and not c.toks[t.head].content:
        return t.neg
    return None


def polarity_check(
    c: Text, body: list[Tok], src: Text, w: Window, index: dict[str, set[int]]
) -> Problem | None:
    for t in body:
        if t.pos == "NUM" or (t.pos == "PROPN" and not t.own_neg):
            continue
        if t.i not in w.align and t.own_neg and t.pos == "NOUN":
            # "Aucun risque pour X", "sans danger": saying that something is absent needs that
            # thing in the source, there said to be absent.
            return (
                f"la source ne dit pas « {t.text} » (nié par l'affirmation)",
                f"the source does not say “{t.text}” (negated by the claim)",
            )
        if t.i not in w.align:
            # A word the window does not have, whose opposite it has ("la création de postes"
            # for "la suppression de postes"), unless one of the two is negated.
            opp = [s for s in _antonym_hits(t, src, w) if s.neg == t.neg]
            if opp:
                return (
                    f"sens inversé : « {t.text} » contre « {opp[0].text} »",
                    f"opposite meaning: “{t.text}” against “{opp[0].text}”",
                )
        mine = _polarity_of(c, t)
        if mine is None:
            continue
        # A verb is judged on the source's verb, not on a noun of the same family.
        hits = w.align.get(t.i, ())
        hits = tuple(i for i in hits if src.toks[i].pos == t.pos) or hits
        same = [src.toks[i] for i in _focus(src, w, hits)]
        opp = _antonym_hits(t, src, w)
        if t.pos == "ADJ" and t.dep == "amod":
            # An epithet ("une étude danoise") is only held against a predicate of the source
            # ("une hypothèse qui n'est pas irréaliste").
            same = [s for s in same if s.dep != "amod"]
            opp = [s for s in opp if s.dep != "amod"]
            if not same and not opp:
                continue
        if any(s.neg == mine for s in same) or any(s.neg != mine for s in opp):
            continue
        if same:
            return (f"négation inversée : « {t.text} »", f"negation reversed: “{t.text}”")
        if opp:
            return (
                f"sens inversé : « {t.text} » contre « {opp[0].text} »",
                f"opposite meaning: “{t.text}” against “{opp[0].text}”",
            )
    return None


def modality_check(
    c: Text, body: list[Tok], src: Text, w: Window, index: dict[str, set[int]]
) -> Problem | None:
    if c.hedged:
        return None
    attributed = _attributed(c)
    for t in body:
        # A noun predicate too, the claim's main one: "les prolongations sont hors la loi" for
        # "peut-être hors la loi" (its hedge only: a noun has no tense of its own).
        noun_predicate = (
            t.pos == "NOUN" and t.dep == "ROOT" and any(x.dep == "cop" for x in children_of(c, t.i))
        )
        if not noun_predicate and (
            t.pos not in ("VERB", "ADJ") or (t.pos == "ADJ" and t.dep == "amod")
        ):
            continue
        if any(
            plain(x.text) in ("pour", "afin") and x.dep in ("mark", "case")
            for x in children_of(c, t.i)
        ):
            continue  # a purpose ("pour consulter les carnets") is not asserted
        # A verb is judged on the source's verb; reworded (or only met as a noun of its
        # family), on the source words its complements stand on.
        same = [
            src.toks[i] for i in _focus(src, w, w.align.get(t.i, ())) if src.toks[i].pos == t.pos
        ]
        if not same:
            same = [
                src.toks[i]
                for x in children_of(c, t.i)
                if x.content and x.pos != "PROPN"
                for i in w.align.get(x.i, ())
            ]
        if same and all(s.hedge for s in same):
            return (
                f"modalité renforcée : la source reste prudente sur « {t.text} »",
                f"modality strengthened: the source hedges “{t.text}”",
            )
        if noun_predicate:
            continue
        if same and not attributed and all(s.believed for s in same):
            return (
                f"attribution omise : la source donne « {t.text} » comme l'avis de quelqu'un",
                f"attribution dropped: the source gives “{t.text}” as someone's view",
            )
        if same and not c.untensed and all(s.hedge or s.future for s in same):
            return (
                f"temps changé : la source annonce « {t.text} » pour plus tard",
                f"tense changed: the source announces “{t.text}” for later",
            )
    return None


def _attributed(c: Text) -> bool:
    """Whether the claim ascribes what it says to someone: a verb of speech or opinion,
    "selon X", "Pour X, …", "X : « … »" or a headline's "X : …" label."""
    if c.quoted_by or c.topic_end:
        return True
    speech = word_class("speech") | word_class("belief")
    for t in c.toks:
        if t.pos == "VERB" and t.keys & speech:
            return True
        if plain(t.text) in ("selon", "d'apres") or (t.i == 0 and plain(t.text) == "pour"):
            return True
    return False


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


def _content_head(c: Text, t: Tok) -> Tok | None:
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


def modifiers_check(
    c: Text, body: list[Tok], src: Text, w: Window, index: dict[str, set[int]]
) -> Problem | None:
    """A claim noun's adjective ("les abeilles domestiques") that the window lacks, where the
    window's same noun has an adjective of its own the claim lacks ("les abeilles sauvages"):
    another kind of the thing."""
    claim_keys = {k for t in c.toks if t.content for k in t.keys}
    for t in body:
        if t.pos != "ADJ" or t.dep != "amod" or t.i in w.align or t.head == t.i:
            continue
        noun = c.toks[t.head]
        if noun.pos not in ("NOUN", "ADJ") or noun.i not in w.align:
            continue
        found = [
            [x for x in _modifiers(src, s) if not x.keys & claim_keys] for s in w.align[noun.i]
        ]
        if all(found):
            theirs = found[0]
            return (
                f"« {noun.text} {t.text} » : la source dit « {noun.text} {theirs[0].text} »",
                f"“{noun.text} {t.text}”: the source says “{noun.text} {theirs[0].text}”",
            )
    return None


def _modifiers(text: Text, i: int) -> list[Tok]:
    """The adjectives of noun ``i`` (or the noun the parser made it an adjective of: "les
    abeilles sauvages" read with "abeilles" as the modifier)."""
    t = text.toks[i]
    out = [x for x in children_of(text, i) if x.dep == "amod" and x.content]
    if t.dep == "amod" and t.head != t.i and text.toks[t.head].content:
        out.append(text.toks[t.head])
    return out


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
            others = [b for b in between if b.pos == "PROPN" and not b.keys & name]
            if hi - lo <= _TITLE_GAP and not others:
                return True
            if a.sent == s.sent and _distance(src, a.i, s.i, across=False) <= 3:
                return True
    return False


def _predicate(c: Text, t: Tok) -> Tok | None:
    """What the claim says of ``t``: its content head, or — under a verb with no content of its
    own ("Lyon n'avait pas été à la hauteur") — that verb's content complement."""
    if t.head != t.i:
        v = c.toks[t.head]
        if v.pos in ("VERB", "AUX") and not v.content and t.dep.startswith("nsubj"):
            for x in children_of(c, v.i):
                if x.content and x.i != t.i and x.dep in ("obl:arg", "obl", "obj"):
                    return x
    return _content_head(c, t)


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
    if not context and any(
        (abs(a - b) <= 2 or _distance(src, a, b, across=False) <= _MAX_LINK) and _ties(src, h, a, b)
        for a in w.align[t.i]
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
    role = "agent" if _role_of(c, h.i, t) == "agent" else "other"
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
            (x.dep.startswith("nsubj") if climbed else _role_of(src, v.i, x) == role)
            and _may_refer(src, x, t, claim_keys)
            for x in children_of(src, v.i)
        ):
            return True
        # "Ses carnets" for "les carnets de Marie Curie".
        if src.toks[b].pos == "NOUN" and any(
            x.dep == "det" and plain(x.text) in _POSSESSIVE for x in children_of(src, b)
        ):
            return True
    return False


_POSSESSIVE = frozenset({"son", "sa", "ses", "leur", "leurs"})


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
    h = _content_head(c, t)
    if h is not None and h.i >= c.topic_end and h.i in w.align and h.pos != "PROPN":
        same_kind = [b for b in w.align[h.i] if (src.toks[b].pos == "VERB") == (h.pos == "VERB")]
        claimed = {s for v in w.align.values() for s in v}
        # The source counts the same thing under another name ("800 000 messages").
        reworded = h.pos == "NOUN" and any(
            (sh := _content_head(src, src.toks[a])) is not None
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
            if d > _MAX_NUMBER_LINK:
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
        if phrase and not any(
            all(any(src.toks[b].sent == n for b in w.align[x.i]) for x in phrase) for n in sents
        ):
            return _not_linked(t, phrase[0])
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
            for u in (sunit, _content_head(src, s))
            if u is not None
            for x in children_of(src, u.i)
            if x.content and x.dep == "nmod" and x.pos == "NOUN" and x.i != s.i
        ]
        if not theirs or any(x.keys & mine_keys for x in theirs):
            return None  # this occurrence counts the same thing (or nothing said)
        if not moved and any(x.i in claimed for x in theirs):
            return None  # reworded: the claim's word is a paraphrase of this one
    # "45 % des cadres" where the source's 45 % are "des employés" (and its cadres elsewhere).
    return (
        f"nombre rattaché à autre chose : « {t.text} … {mine[0].text} »",
        f"number attached to something else: “{t.text} … {mine[0].text}”",
    )


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
