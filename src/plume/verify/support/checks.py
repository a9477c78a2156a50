"""The checks a source window must pass to support a claim: names and numbers present, the
claim's events there with the same complements, same polarity, no hedge dropped, no kind or
quantity overstated. Whether names and numbers are attached to the same words is
:mod:`plume.verify.support.links`'s."""

from __future__ import annotations

from plume.lang.fr import fold
from plume.verify.support.links import content_head, role_of
from plume.verify.support.parse import Problem, Text, Tok, Window, sent_toks
from plume.verify.support.roles import children_of, main_sentence
from plume.verify.support.words import (
    antonyms,
    lexicon,
    negative_prefix,
    plain,
    verb_of_noun,
    word_class,
)

__all__ = [
    "modality_check",
    "modifiers_check",
    "names_check",
    "objects_check",
    "polarity_check",
    "quantity_check",
    "verbs_check",
]


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


def _same_frame(c: Text, t: Tok, src: Text, w: Window) -> bool:
    """Whether one source verb of the window governs what the claim verb governs, in the same
    roles (at least two of its words, all but one): then the claim verb rewords it ("évincé
    vendredi de son poste" for "contraint de quitter son poste vendredi")."""
    if t.keys & (word_class("reversal") | word_class("increase") | word_class("decrease")):
        return False
    kids = [(x, role_of(c, t.i, x)) for x in children_of(c, t.i) if x.content and x.i in w.align]
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
                    theirs = role_of(src, parent.i, cur)
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


def _event_neg(src: Text, s: Tok) -> bool:
    """Whether source word ``s`` says its event did not happen. A noun subject is what a
    negated predicate speaks of, not denied ("ce départ n'a pas été facile": he did leave),
    unless that predicate is a light verb ("le départ n'a pas eu lieu")."""
    if s.pos != "NOUN" or s.own_neg or not s.dep.startswith("nsubj"):
        return s.neg
    return s.neg and not src.toks[s.head].content


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
        if any(_event_neg(src, s) == mine for s in same) or any(s.neg != mine for s in opp):
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
    light = _light_root_hedged(c, src, w)
    if light is not None:
        return light
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
            # A purpose ("pour consulter les carnets") is not asserted, unless the source
            # hedges that very purpose with an adverb ("pour « probablement » spéculer").
            if any(_adverb_hedged(src, i) for i in w.align.get(t.i, ())):
                return (
                    f"modalité renforcée : la source reste prudente sur « {t.text} »",
                    f"modality strengthened: the source hedges “{t.text}”",
                )
            continue
        # A verb is judged on the source's verb; reworded (or only met as a noun of its
        # family), on the source words its complements stand on.
        same = [
            src.toks[i] for i in _focus(src, w, w.align.get(t.i, ())) if src.toks[i].pos == t.pos
        ]
        if not same and t.pos == "VERB":
            # Met as its noun ("un facteur d'aggravation" for "aggrave"): the noun's clause.
            # (Not a subject, which a hedged predicate speaks of: "ce départ n'a probablement
            # pas été facile"; nor a homograph, "ses réserves" for "réserve".)
            same = [
                src.toks[i]
                for i in _focus(src, w, w.align.get(t.i, ()))
                if src.toks[i].pos == "NOUN"
                and not src.toks[i].dep.startswith("nsubj")
                and any(verb_of_noun(fold(x)) for x in lexicon().lemmas(src.toks[i].text))
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


def _light_root_hedged(c: Text, src: Text, w: Window) -> Problem | None:
    """A claim whose main verb has no content of its own ("l'acquisition se fait sans coût")
    says what its complements say: the source hedging all of them ("semble se faire sans
    coût") is a hedge dropped."""
    for t in c.toks:
        if t.dep != "ROOT" or t.pos not in ("VERB", "AUX") or t.content:
            continue
        same = [
            src.toks[i]
            for x in children_of(c, t.i)
            if x.content and x.pos in ("NOUN", "ADJ") and x.dep != "nsubj"
            for i in w.align.get(x.i, ())
        ]
        if same and all(s.hedge for s in same):
            return (
                f"modalité renforcée : la source reste prudente sur « {t.text} »",
                f"modality strengthened: the source hedges “{t.text}”",
            )
    return None


def _adverb_hedged(src: Text, i: int) -> bool:
    """Whether source word ``i`` has a hedging adverb right before it ("probablement")."""
    a = src.sents[src.toks[i].sent][0]
    return any(
        x.pos == "ADV" and plain(x.text) in word_class("hedge") for x in src.toks[max(a, i - 3) : i]
    )


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


#: Tokens between a universal ("tous") and the word it bears on in the source ("tous les
#: employés", "l'ensemble des diplômes").
_QUANTIFIER_GAP = 3


def quantity_check(
    c: Text, body: list[Tok], src: Text, w: Window, index: dict[str, set[int]]
) -> Problem | None:
    """A universal of the claim ("tous les employés", "toujours") must be the source's, on the
    same word and unrestricted: "tous" for "presque tous", or for a plain "les employés", says
    more than the source."""
    claim_words = word_class("universal")
    for q in c.toks:
        if plain(q.text) not in claim_words or _restricted(c, q):
            continue
        # What it bears on: its head, or the words beside it (the parse of "pour tous",
        # "tous les deux ans" varies).
        h = content_head(c, q) if q.head != q.i else None
        near = [x for x in c.toks[max(0, q.i - _QUANTIFIER_GAP) : q.i + _QUANTIFIER_GAP + 1]]
        targets = {a for x in (h, *near) if x is not None for a in w.align.get(x.i, ())}
        source_words = word_class("universal_source")
        found = [
            s
            for n in w.sents
            for s in sent_toks(src, n)
            if plain(s.text) in source_words
            and not _gerund_tout(src, s)
            and (
                not targets
                or any(
                    abs(s.i - a) <= _QUANTIFIER_GAP or s.head == a or src.toks[a].head == s.i
                    for a in targets
                )
            )
        ]
        if not any(not _restricted(src, s) for s in found):
            return (
                f"quantité exagérée : la source ne dit pas « {q.text} »",
                f"overstated quantity: the source does not say “{q.text}”",
            )
    return None


def _gerund_tout(text: Text, s: Tok) -> bool:
    """Whether "tout" opens a gerund ("tout en envoyant"): it quantifies nothing."""
    nxt = text.toks[s.i + 1 : s.i + 3]
    return (
        plain(s.text) == "tout"
        and len(nxt) == 2
        and plain(nxt[0].text) == "en"
        and plain(nxt[1].text).endswith("ant")
    )


def _restricted(text: Text, q: Tok) -> bool:
    """Whether universal ``q`` is taken back ("presque tous", "pas toujours")."""
    a = text.sents[q.sent][0]
    before = [plain(x.text) for x in text.toks[max(a, q.i - 2) : q.i]]
    return bool(set(before) & (word_class("restrictor") | {"pas", "non"}))
