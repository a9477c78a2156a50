"""The checks a source window must pass to support a claim: names and numbers present and
attached to the same words, the claim's events there, same polarity, no hedge dropped."""

from __future__ import annotations

import re

from plume.verify.support.parse import Problem, Text, Tok, Window, sent_toks
from plume.verify.support.roles import children_of, main_sentence, subtree_of
from plume.verify.support.words import antonyms, negative_prefix, plain, word_class

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
        # Who said it is speaker_check's business; what was said is the claim's other words.
        reporting = t.keys & word_class("speech") and not t.keys & word_class("stance")
        if t.pos != "VERB" or t.keys & word_class("frame") or reporting:
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
    return any(n >= 2 and n >= len(kids) - 1 for v, n in votes.items() if v not in vetoed)


def _focus(src: Text, w: Window, hits: tuple[int, ...]) -> tuple[int, ...]:
    """Of a claim word's matches, those in the window's main sentence (the one matching most
    of the claim) when there are any: "il ne travaille plus" is not undone by "il travaille
    plus que les autres" in the next sentence."""
    if len(w.sents) == 1:
        return hits
    main = main_sentence(src, w)
    return tuple(i for i in hits if src.toks[i].sent == main) or hits


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
                out.setdefault(plain(case.text), []).append(x)
    return out


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
        if not verbs:
            continue
        for slot, mine in _complements(c, t.i).items():
            if any(x.i in w.align for x in mine):
                continue
            theirs = [_complements(src, s).get(slot, []) for s in verbs]
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
    if t.dep in ("obj", "nsubj", "nsubj:pass") and not c.toks[t.head].content:
        return t.neg
    return None


def polarity_check(
    c: Text, body: list[Tok], src: Text, w: Window, index: dict[str, set[int]]
) -> Problem | None:
    for t in body:
        if t.pos == "NUM" or (t.pos == "PROPN" and not t.own_neg):
            continue
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
    for t in body:
        if t.pos not in ("VERB", "ADJ") or (t.pos == "ADJ" and t.dep == "amod"):
            continue
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
        if same and not c.untensed and all(s.hedge or s.future for s in same):
            return (
                f"temps changé : la source annonce « {t.text} » pour plus tard",
                f"tense changed: the source announces “{t.text}” for later",
            )
    return None


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


def links_check(
    c: Text, body: list[Tok], src: Text, w: Window, index: dict[str, set[int]]
) -> Problem | None:
    for t in body:
        if t.pos == "NUM":
            found = _number_link(c, t, src, w)
        elif t.pos == "PROPN":
            found = _name_link(c, t, src, w, index)
        else:
            continue
        if found is not None:
            return found
    return None


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
    h = _content_head(c, t)
    if h is None or h.i < c.topic_end or h.i not in w.align:
        return None
    if not (t.dep in _NAME_TIES or (h.dep == "appos" and h.head == t.i)):
        return None
    # "Mira Murati, fondatrice de Twitch" when the source's "fondateur" is someone else's.
    appos = h.pos == "NOUN" and (t.dep == "appos" or h.dep == "appos")
    if appos and all(_other_name(src, s, t.keys) for s in w.align[h.i]):
        return _not_linked(t, h)
    if t.i in w.context or t.i not in w.align:
        return None
    if min(_distance(src, a, b) for a in w.align[t.i] for b in w.align[h.i]) <= _MAX_LINK:
        return None
    # "Chirac l'a soutenu … Jean-Paul Delevoye": the verb's argument is a pronoun, which may
    # well stand for the name; who is who is then left to the role checks.
    role = "agent" if _role_of(c, h.i, t) == "agent" else "other"
    for b in w.align[h.i]:
        if src.toks[b].pos == "VERB" and any(
            x.pos == "PRON"
            and plain(x.text) in word_class("pronoun")
            and _role_of(src, b, x) == role
            for x in children_of(src, b)
        ):
            return None
    return _not_linked(t, h)


def _number_link(c: Text, t: Tok, src: Text, w: Window) -> Problem | None:
    """A number must sit, in one source sentence, next to the word the claim ties it to, and
    what it counts must be what the source's number counts ("trois quarts du capital" is not
    "trois quarts des bénéfices")."""
    if t.i not in w.align:
        return None
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
    if unit is not None and (unit.pos == "NOUN" or not unit.content):
        # What the claim says of the counted thing must be said in the number's sentence.
        phrase = [x for x in subtree_of(c, unit.i) if x.content and x.i != t.i and x.i in w.align]
        sents = {src.toks[a].sent for a in w.align[t.i]}
        if phrase and not any(
            all(any(src.toks[b].sent == n for b in w.align[x.i]) for x in phrase) for n in sents
        ):
            return _not_linked(t, phrase[0])
    if _is_date(t):
        return None  # a year or a day dates an event; it does not count anything
    mine = [
        x
        for u in (unit, h)
        if u is not None
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


# ("Selon X" is the speaker check's.) A sentence opening on whose view or which topic it states ("Pour le néolibéralisme, la retraite
# est un archaïsme"; "Quant à la participation des femmes, la Tunisie est 67e"): without that
# frame the statement becomes the author's, or about something else.
_FRAME = re.compile(
    r"^\W*(?:pour|quant (?:à|au|aux)|aux yeux d[eu']|du point de vue d[eu']|"
    r"en ce qui concerne|s'agissant d[eu']|concernant)\s+([^,:;]{2,80}?)\s*[,:]",
    re.IGNORECASE,
)
# A condition the whole statement holds under: opening the sentence ("Si la loi passe, …") or
# between the subject and its verb ("Ce projet, s'il devait être mis en œuvre, signerait…"). A
# trailing ", si …" bears on its own clause, not on the sentence's first one.
_CONDITION = re.compile(r"^\W*(?:[^,;:]{1,80},\s*)?(si|s'il|s'ils)\b[^,;.]{3,120},", re.IGNORECASE)


def frame_check(
    c: Text, body: list[Tok], src: Text, w: Window, index: dict[str, set[int]]
) -> Problem | None:
    """The window's sentence is framed (a view, a topic, a condition) and the claim drops the
    frame: what the source says under it, the claim says outright."""
    claim_keys = {k for t in c.toks for k in t.keys}
    claim_text = " ".join(t.text.lower() for t in c.toks)
    for n in w.sents:
        sentence = src.sent_text[n].replace("’", "'")
        m = _FRAME.match(sentence)
        if m:
            frame_words = set(m.group(1).lower().split())
            start, end = src.sents[n]
            frame_keys = {
                k
                for t in src.toks[start:end]
                if t.content and t.text.lower() in frame_words
                for k in t.keys
            }
            if frame_keys and not frame_keys & claim_keys:
                return (
                    f"cadre omis : la source dit « {m.group(0).strip(' ,:')} »",
                    f"frame dropped: the source says “{m.group(0).strip(' ,:')}”",
                )
        cond = _CONDITION.search(sentence)
        if cond and not c.hedged and " si " not in f" {claim_text} " and "s'il" not in claim_text:
            return (
                f"condition omise : la source dit « {cond.group(0).strip(' ,;:(—–-')} »",
                f"condition dropped: the source says “{cond.group(0).strip(' ,;:(—–-')}”",
            )
    return None
