"""Who does what in a claim and in its source: agents and patients (active and passive),
their complements, and the speakers words are attributed to."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from plume.lang.fr import fold
from plume.verify.support.names import titles
from plume.verify.support.parse import Problem, Text, Tok, Window, sent_toks
from plume.verify.support.words import FIRST_PERSON, plain, word_class, word_keys

#: Sentences before a window where the name a pronoun stands for is looked for.
CONTEXT = 5
_SPEAKER_CASES = frozenset({"selon", "d'apres", "pour"})


_AUTHOR = frozenset({"@author"})


@cache
def _author_nouns() -> frozenset[str]:
    return word_keys("auteur", "NOUN")


def _author() -> frozenset[str]:
    """The key of the author ("je", "nous", "l'auteur", "l'autrice")."""
    return _AUTHOR


def children_of(text: Text, i: int) -> list[Tok]:
    t = text.toks[i]
    a, b = text.sents[t.sent]
    return [x for x in text.toks[a:b] if x.head == i and x.i != i]


def _phrase_keys(text: Text, i: int) -> frozenset[str]:
    """Keys of a noun phrase: its head and its names, titles and complements."""
    t = text.toks[i]
    if fold(t.text) in FIRST_PERSON:
        return _author()
    out = set(t.keys) if t.content else set()
    if t.pos == "PROPN":
        # "Jean-Paul Delevoye" is one name, however the parse cut it ("Jean" one argument,
        # "Paul Delevoye" another): the whole run of name words around it.
        out |= _name_run(text, i)
    if (
        t.number_gram != "Plur"
        and t.keys & _author_nouns()
        and plain(t.text) in ("auteur", "autrice", "auteure")
    ):
        # "l'auteur" is the writer; "les auteurs" of a study are not.
        out |= _author()
    for ch in children_of(text, i):
        if ch.content and ch.dep in ("flat:name", "nmod", "appos", "compound", "amod", "conj"):
            out |= ch.keys
            if ch.pos == "PROPN":
                # "l'épidémiologiste Roman Prymula": the name's own words ("Prymula") too.
                out |= {k for x in children_of(text, ch.i) if x.dep == "flat:name" for k in x.keys}
    return frozenset(out)


def _name_run(text: Text, i: int) -> set[str]:
    """Keys of the name words next to token ``i`` (joined by nothing or by hyphens)."""
    a, b = text.sents[text.toks[i].sent]
    lo = hi = i
    while lo > a and (text.toks[lo - 1].pos == "PROPN" or text.toks[lo - 1].text == "-"):
        lo -= 1
    while hi < b - 1 and (text.toks[hi + 1].pos == "PROPN" or text.toks[hi + 1].text == "-"):
        hi += 1
    return {k for x in text.toks[lo : hi + 1] if x.content for k in x.keys}


def _actor(text: Text, i: int, *, resolve: bool = True) -> frozenset[str] | None:
    """Keys of the actor at token ``i``: a relative pronoun is its antecedent, "il"/"elle" the
    last subject named before it (same or previous sentence), "je"/"nous" the author."""
    t = text.toks[i]
    word = fold(t.text)
    if t.pos == "PRON" and word in ("qui", "que", "qu'", "lequel", "laquelle"):
        v = text.toks[t.head]
        if v.dep.startswith("acl") and v.head != v.i:
            return _phrase_keys(text, v.head)
        return None
    if t.pos == "PRON" and word in ("il", "elle", "ils", "elles") and resolve:
        start = text.sents[max(0, t.sent - 1)][0]
        plural = word in ("ils", "elles")
        for kinds in (("PROPN",), ("PROPN", "NOUN")):
            for j in range(i - 1, start - 1, -1):
                x = text.toks[j]
                many = x.number_gram == "Plur" or any(y.dep == "conj" for y in children_of(text, j))
                agrees = many == plural
                if x.dep.startswith("nsubj") and x.pos in kinds and x.content and agrees:
                    return _phrase_keys(text, j)
        return None
    if t.pos == "PRON" and word not in FIRST_PERSON:
        return None
    keys = _phrase_keys(text, i)
    return keys or None


def _roles(
    text: Text, v: int, *, resolve: bool = True, infer: bool = True
) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    """(agent, patient) of verb ``v``: active and passive subjects mapped to their roles; a verb
    without a subject ("désireux de détruire X") takes its governor's."""
    agent = patient = None
    kids = children_of(text, v)
    passive = text.toks[v].passive and not any(k.dep.startswith("expl") for k in kids)
    for k in kids:
        by = passive and any(
            plain(x.text) == "par" and x.dep == "case" for x in children_of(text, k.i)
        )
        if k.dep == "obl:agent" or by or (k.dep.startswith("nsubj") and not passive):
            agent = agent or _actor(text, k.i, resolve=resolve)
        elif k.dep == "obj" or (k.dep.startswith("nsubj") and passive):
            patient = patient or _actor(text, k.i, resolve=resolve)
    t = text.toks[v]
    if passive and patient is None and t.dep in ("acl", "amod") and t.head != v:
        patient = _phrase_keys(text, t.head) or None
    if (
        infer
        and agent is None
        and not passive
        and t.dep in ("xcomp", "acl", "amod")
        and t.head != v
    ):
        h = text.toks[t.head]
        if h.pos in ("NOUN", "PROPN"):
            agent = _phrase_keys(text, h.i) or None
        elif h.pos in ("VERB", "ADJ"):
            agent = _roles(text, h.i, resolve=resolve)[0]
    return agent, patient


def _named(text: Text, keys: frozenset[str] | None) -> bool:
    if not keys:
        return False
    return any(t.pos == "PROPN" and t.keys <= keys for t in text.toks if t.content)


def _arguments(text: Text, v: int) -> frozenset[str]:
    """Keys of the names among the complements of verb ``v`` (objects, obliques)."""
    out: set[str] = set()
    for k in children_of(text, v):
        if k.dep in ("obj", "iobj") or k.dep.startswith("obl") or k.dep == "nmod":
            cases = {plain(x.text) for x in children_of(text, k.i) if x.dep == "case"}
            # Agents ("par X") and speakers ("selon X") are not complements.
            if (
                _is_name(text, k)
                and not cases & (_SPEAKER_CASES | {"par"})
                and k.dep != "obl:agent"
            ):
                out |= _phrase_keys(text, k.i)
    return frozenset(out)


def _is_name(text: Text, t: Tok) -> bool:
    """A name, or a capitalised institution ("la Confédération", "l'État") mid-sentence."""
    return t.pos == "PROPN" or (
        t.pos == "NOUN" and t.text[:1].isupper() and t.i != text.sents[t.sent][0]
    )


def _reflexive(text: Text, v: int) -> bool:
    return any(k.dep.startswith("expl") for k in children_of(text, v))


def _others(text: Text, v: int) -> frozenset[str]:
    """Keys of everything verb ``v`` governs besides its agent: objects, obliques, and the
    passive subject."""
    out: set[str] = set()
    passive = text.toks[v].passive
    for k in children_of(text, v):
        by = any(plain(x.text) == "par" for x in children_of(text, k.i))
        if (
            k.dep in ("obj", "iobj")
            or (k.dep.startswith("obl") and k.dep != "obl:agent" and not by)
            or (k.dep.startswith("nsubj") and passive)
        ):
            # "qu'il compare à un gourou": a relative pronoun is its antecedent
            out |= _actor(text, k.i) or _phrase_keys(text, k.i)
    return frozenset(out)


def _subject_and_rest(text: Text, v: int) -> tuple[frozenset[str], frozenset[str]]:
    """Keys of verb ``v``'s subject phrase, and of the rest of what it governs (speakers
    aside)."""
    subj: set[str] = set()
    rest: set[str] = set()
    t = text.toks[v]
    if t.dep in ("acl", "amod") and t.head != v:
        subj |= _phrase_keys(text, t.head)  # "le public sauvé par…": the noun is the subject
    for k in children_of(text, v):
        if k.dep.startswith("nsubj"):
            subj |= _phrase_keys(text, k.i)
            continue
        cases = {plain(x.text) for x in children_of(text, k.i) if x.dep == "case"}
        if k.dep in ("punct", "aux", "aux:tense", "aux:pass", "cop") or cases & _SPEAKER_CASES:
            continue
        for x in (k, *subtree_of(text, k.i)):
            if x.content and x.pos in ("NOUN", "PROPN"):
                rest |= x.keys
    return frozenset(subj), frozenset(rest - subj)


def _crossed(c: Text, v: int, src: Text, hits: tuple[int, ...]) -> bool:
    """Whether every source predicate ``v`` matches has the claim's subject among its
    complements and its own subject among the claim's."""
    csubj, crest = _subject_and_rest(c, v)
    if not csubj:
        return False
    verdicts = []
    for s in hits:
        if src.toks[s].pos not in ("VERB", "ADJ"):
            continue
        ssubj, srest = _subject_and_rest(src, s)
        verdicts.append(bool(ssubj and not csubj & ssubj and csubj & srest and ssubj & crest))
    return bool(verdicts) and all(verdicts)


def _light_swap(c: Text, src: Text, w: Window) -> Problem | None:
    """Subjects swapped around a verb with no content of its own ("Monaco reste en tête … sur
    le PSG" for "Le PSG reste en tête … sur Monaco"): the content checks skip such verbs."""
    claim_keys = {k for x in c.toks if x.content for k in x.keys}
    for t in c.toks:
        if t.pos != "VERB" or t.content or t.dep.startswith("aux") or t.dep == "cop":
            continue
        hits = [
            s.i
            for n in w.sents
            for s in sent_toks(src, n)
            if s.pos == "VERB" and s.keys & t.keys and not s.dep.startswith("aux")
        ]
        csubj, _ = _subject_and_rest(c, t.i)
        if not hits or not csubj:
            continue
        verdicts = []
        for s in hits:
            ssubj, srest = _subject_and_rest(src, s)
            verdicts.append(
                bool(ssubj and not csubj & ssubj and csubj & srest and ssubj & claim_keys)
            )
        if all(verdicts):
            return (f"rôles inversés autour de « {t.text} »", f"roles swapped around “{t.text}”")
    return None


def roles_check(
    c: Text, body: list[Tok], src: Text, w: Window, index: dict[str, set[int]]
) -> Problem | None:
    light = _light_swap(c, src, w)
    if light is not None:
        return light
    window_names = {
        k for n in w.sents for s in sent_toks(src, n) if _is_name(src, s) for k in s.keys
    }
    for t in body:
        if t.i not in w.align or t.pos not in ("VERB", "ADJ"):
            continue
        if t.pos == "ADJ":
            # An adjective's subject and complement ("moins payés que…") may be crossed.
            if _crossed(c, t.i, src, w.align[t.i]):
                return (
                    f"rôles inversés autour de « {t.text} »",
                    f"roles swapped around “{t.text}”",
                )
            continue
        # A pronominal verb's subject may be its patient ("se sont construites"): only a
        # different named subject is held against it.
        pronominal = _reflexive(c, t.i)
        # The author ("je", "l'auteur") is the speaker's business (speaker_check), not a role here.
        # Swaps are judged on the claim's explicit subject, not one inferred from a governor.
        ag, pa = (
            None if x is not None and x & _author() else x
            for x in _roles(c, t.i, resolve=False, infer=False)
        )
        rag, _ = _roles(c, t.i)
        topic = {k for x in c.toks[: c.topic_end] for k in x.keys}
        if ag is not None and ag <= topic:
            ag = None  # the parser's agent is the topic label, which names no actor
        csubj, crest = _subject_and_rest(c, t.i)
        # A headline's topic label ("Sylvéa : la start-up lève…") says what the clause is about,
        # not who acts in it.
        claim_keys = {
            k for x in c.toks if x.content and x.i != t.i and x.i >= c.topic_end for k in x.keys
        }
        # (a relative "qui" is its antecedent only as the parser hung it: not enough for a swap)
        clause_keys = claim_keys & {k for x in _clause_toks(c, t.i) if x.content for k in x.keys}
        named_agent = any(
            x.dep == "nsubj" and x.pos in ("NOUN", "PROPN") for x in children_of(c, t.i)
        )
        cnon = _others(c, t.i) | (pa or frozenset())
        args = _arguments(c, t.i) & window_names
        swaps = []
        others = []
        for s in w.align[t.i]:
            if src.toks[s].pos != "VERB":
                continue
            if pronominal or _reflexive(src, s):
                rsag = _roles(src, s, resolve=False)[0]
                others.append(
                    bool(rag and rsag and not rag & rsag and _named(c, rag) and _named(src, rsag))
                )
                continue
            # A pronoun subject is resolved here: a swap needs both names on both sides,
            # which a wrong antecedent rarely fakes ("Ils accusent la direction…").
            sag = _roles(src, s)[0]
            # Two subjects on one verb is a misparse ("« Un choc », c'est ainsi qu'il a
            # qualifié…"): the one next to the verb is its subject.
            subjects = [x for x in children_of(src, s) if x.dep == "nsubj"]
            if len(subjects) > 1:
                # (a pronoun there is the last subject of the sentence before, not the other
                # subjects the parse gave its verb)
                near = min(subjects, key=lambda x: abs(x.i - s))
                sag = (
                    _actor(src, near.i)
                    if near.pos != "PRON"
                    else _main_subject(src, near.sent - 1)
                    if near.sent > 0 and fold(near.text) in ("il", "elle")
                    else None
                )
            if sag is not None and sag & _author():
                sag = None
            if sag is not None and ag and _titled_agent(c, ag, src, s):
                sag = sag | ag  # "le Premier ministre" is the claim's "Andrej Babiš"
            rest = _others(src, s)
            here = {k for x in sent_toks(src, src.toks[s].sent) for k in x.keys}
            ssubj, srest = _subject_and_rest(src, s)
            same_voice = src.toks[s].passive == t.passive
            # No subject in the source's clause (cut off by the parse or the sentence split):
            # the claim's named agent found only inside the verb's complements ("la porte au
            # personnel d'OpenAI" for "OpenAI ouvre la porte") is a swap.
            buried = bool(
                named_agent
                and ag
                and sag is None
                and same_voice
                and not t.passive
                and ag & _complement_names(src, s)
            )
            swaps.append(
                buried
                or bool(
                    (ag and sag and ag & rest and not ag & sag)
                    or (sag and cnon & sag and not (ag and ag & sag))
                    # The claim's agent is in the sentence, the source's agent in the claim.
                    # (in this verb's clause: "une lettre" signed elsewhere in the claim is no
                    # actor of its "revenaient")
                    or (ag and sag and not ag & sag and ag & here and sag & clause_keys)
                    # The claim's agent is the source's patient, whoever acts there ("On
                    # traite les juges de…" for "Les juges traitent…").
                    or (
                        named_agent
                        and ag
                        and ag & _patient(src, s)
                        and not (sag and ag & sag)
                        and same_voice
                    )
                    # Subjects crossed with complements ("les hommes moins payés que les
                    # femmes" for "les femmes moins payées que les hommes").
                    or (
                        same_voice
                        and csubj
                        and ssubj
                        and not csubj & ssubj
                        and csubj & srest
                        and ssubj & crest
                    )
                )
            )
            rsag, spa = _roles(src, s, resolve=False)
            sargs = _others(src, s) | (spa or frozenset())
            # Another name as the agent of the same verb, or the claim's named complement
            # missing where the source verb has named complements of its own.
            others.append(
                bool(rag and rsag and not rag & rsag and _named(c, rag) and _named(src, rsag))
                # (the source may hang that complement lower: "annonce la suppression de
                # postes en France" — anywhere under its verb will do)
                # (an object pronoun may stand for the claim's complement: "Chirac l'a
                # soutenu », dit-on de Delevoye")
                or bool(
                    args
                    and sargs
                    and not args & (sargs | {k for x in subtree_of(src, s) for k in x.keys})
                    and not (
                        any(
                            x.pos == "PRON" and x.dep in ("obj", "iobj")
                            for x in children_of(src, s)
                        )
                        and any(
                            y.keys & args and unmarked_name(src, y.i)
                            for n in w.sents
                            for y in sent_toks(src, n)
                        )
                    )
                )
            )
        if swaps and all(swaps):
            return (f"rôles inversés autour de « {t.text} »", f"roles swapped around “{t.text}”")
        if others and all(others):
            return (
                f"autre acteur pour « {t.text} » dans la source",
                f"another actor for “{t.text}” in the source",
            )
    return None


def _main_subject(text: Text, n: int) -> frozenset[str] | None:
    """Keys of sentence ``n``'s main subject (its root's), when a noun or a name."""
    for x in sent_toks(text, n):
        if (
            x.dep.startswith("nsubj")
            and x.pos in ("NOUN", "PROPN")
            and x.head == text.toks[x.head].head
        ):
            return _phrase_keys(text, x.i) or None
    return None


def _titled_agent(c: Text, ag: frozenset[str], src: Text, v: int) -> bool:
    """Whether source verb ``v``'s subject (or its governor's, for an infinitive: "le Premier
    ministre choisit de révoquer") is a title the source gives the claim's agent ``ag`` alone."""
    for _ in range(3):
        subjects = [x for x in children_of(src, v) if x.dep.startswith("nsubj")]
        if subjects:
            return any(
                x.pos == "NOUN" and titles(src).stands_for(x, t)
                for x in subjects
                for t in c.toks
                if t.pos == "PROPN" and t.keys & ag
            )
        t_v = src.toks[v]
        if t_v.dep not in ("xcomp", "advcl") or t_v.head == v:
            break
        v = t_v.head
    return False


def unmarked_name(text: Text, i: int) -> bool:
    """Whether name ``i`` is no preposition's complement, nor part of one ("face à Michèle
    Alliot-Marie", "par la présidente Park"): only such a name is a pronoun's likely referent."""
    cur = text.toks[i]
    while cur.dep == "flat:name" and cur.head != cur.i:
        cur = text.toks[cur.head]
    for _ in range(2):
        if any(y.dep == "case" for y in children_of(text, cur.i)):
            return False
        if cur.head == cur.i or text.toks[cur.head].pos not in ("NOUN", "PROPN"):
            break
        cur = text.toks[cur.head]
    return True


def _clause_toks(text: Text, v: int) -> list[Tok]:
    """Verb ``v``'s clause: what it governs, and the noun it qualifies when it is a relative or
    a participle."""
    out = subtree_of(text, v)
    t = text.toks[v]
    if t.dep.startswith("acl") and t.head != v:
        out.append(text.toks[t.head])
    return out


def _complement_names(text: Text, v: int) -> frozenset[str]:
    """Keys of the names anywhere under verb ``v``'s object and argument complements (not
    under an adjunct: "via son projet xAI" says by what means, not to whom)."""
    out: set[str] = set()
    for k in children_of(text, v):
        if k.dep not in ("obj", "iobj", "obl:arg"):
            continue
        cases = {plain(x.text) for x in children_of(text, k.i) if x.dep == "case"}
        if cases & (_SPEAKER_CASES | {"par"}):
            continue
        out |= {key for x in (k, *subtree_of(text, k.i)) if _is_name(text, x) for key in x.keys}
    return frozenset(out)


def _patient(text: Text, v: int) -> frozenset[str]:
    """Keys of verb ``v``'s patient, read on its object (not an inverted subject, "…, a dit le
    ministre") or its passive subject."""
    passive = text.toks[v].passive
    out: set[str] = set()
    for k in children_of(text, v):
        if (k.dep == "obj" and not _inverted(text, k)) or (k.dep.startswith("nsubj") and passive):
            out |= _actor(text, k.i) or frozenset()
    return frozenset(out)


def _speakers(text: Text, sents: Iterable[int]) -> tuple[list[frozenset[str]], set[int]]:
    """The speakers named in ``sents`` ("selon X", "X a dit", "qualifié par X", "Pour X, …"),
    and the sentences where a speaker is a pronoun."""
    out: list[frozenset[str]] = []
    pronoun: set[int] = set()
    for n in sents:
        first = text.sents[n][0]
        for t in sent_toks(text, n):
            who_i: int | None = None
            extra: frozenset[str] = frozenset()
            if t.dep == "case" and plain(t.text) in _SPEAKER_CASES:
                h = text.toks[t.head]
                if h.pos not in ("PROPN", "NOUN", "PRON"):
                    continue
                # "Pour X, …" opens a sentence; elsewhere "pour" is not about speech.
                if plain(t.text) == "pour" and t.i != first:
                    continue
                who_i = h.i
                # "selon l'adjoint aux sports, Paul Martin, …": the name after the title.
                near = text.toks[h.i + 1 : min(text.sents[n][1], h.i + 7)]
                extra = frozenset(k for x in near if x.pos == "PROPN" for k in x.keys)
            elif t.dep.startswith("nsubj") or t.dep == "obl:agent" or _inverted(text, t):
                v = text.toks[t.head]
                if not v.keys & word_class("speech") or any(
                    k.dep.startswith("expl") for k in children_of(text, v.i)
                ):
                    continue
                if t.dep.startswith("nsubj") and v.passive:
                    continue
                who_i = t.i
            if who_i is None or text.toks[who_i].pos == "NUM":
                continue
            # A pronoun speaker stays unresolved: speaker_check looks for its name just before.
            who = _actor(text, who_i, resolve=False)
            if who and text.toks[who_i].pos != "PRON":
                who = who | _subtree_keys(text, who_i) | extra
            if who:
                out.append(who)
            elif text.toks[who_i].pos == "PRON":
                pronoun.add(n)
    return out, pronoun


def _inverted(text: Text, t: Tok) -> bool:
    """A subject after its verb of speech that the parser took for an object ("», a ajouté un
    ténor de la droite")."""
    if t.dep != "obj" or t.head >= t.i or t.pos not in ("PROPN", "NOUN"):
        return False
    return t.pos == "PROPN" or not any(k.dep.startswith("nsubj") for k in children_of(text, t.head))


def _subtree_keys(text: Text, i: int) -> frozenset[str]:
    """Keys of the names and nouns under token ``i`` ("le vice-Premier ministre et ministre de
    l'Intérieur Jan Hamáček")."""
    out: set[str] = set()
    todo = [i]
    while todo and len(out) < 60:
        j = todo.pop()
        for x in children_of(text, j):
            if x.dep in ("acl", "acl:relcl", "punct"):
                continue
            if x.content and x.pos in ("PROPN", "NOUN"):
                out |= x.keys
            todo.append(x.i)
    return frozenset(out)


def main_sentence(src: Text, w: Window) -> int:
    """The sentence of window ``w`` that matches most of the claim."""
    counts: dict[int, int] = {}
    for found in w.align.values():
        for n in {src.toks[i].sent for i in found}:
            counts[n] = counts.get(n, 0) + 1
    return max(sorted(counts), key=lambda n: counts[n]) if counts else w.sents[0]


def _keys_between(text: Text, start: int, end: int) -> set[str]:
    """Keys of the words of sentences ``start`` to ``end`` (excluded)."""
    return {k for n in range(max(0, start), end) for s in sent_toks(text, n) for k in s.keys}


def speaker_check(
    c: Text, body: list[Tok], src: Text, w: Window, index: dict[str, set[int]]
) -> Problem | None:
    said, _ = _speakers(c, range(len(c.sents)))
    if c.quoted_by and len(c.quoted_by) <= 5:
        said.append(frozenset(k for i in c.quoted_by if c.toks[i].content for k in c.toks[i].keys))
    said = [x for x in said if x and not x & _author()]
    if not said:
        return None
    # The speaker is the one of the sentence that says what the claim says; the other
    # sentence of the window may quote someone else.
    heard, pronoun = _speakers(src, [main_sentence(src, w)])
    window_keys = {k for n in w.sents for s in sent_toks(src, n) for k in s.keys}
    window_keys |= {k for i in w.context for k in c.toks[i].keys}
    for who in said:
        if any(who & h for h in heard):
            continue
        # "a-t-il estimé", "selon eux": the pronoun may be the claim's speaker, named in the
        # sentences just before it (not in its own sentence, where it would be someone else).
        if any(
            who & _keys_between(src, n - CONTEXT, n) and not who & _keys_between(src, n, n + 1)
            for n in pronoun
        ):
            continue
        if not heard and not pronoun and who & window_keys:
            continue
        return (
            "attribution : la source ne prête pas ces propos à cette personne",
            "attribution: the source does not ascribe these words to that person",
        )
    return None


def subtree_of(text: Text, i: int) -> list[Tok]:
    out: list[Tok] = []
    todo = [i]
    while todo:
        j = todo.pop()
        for x in children_of(text, j):
            out.append(x)
            todo.append(x.i)
    return out
