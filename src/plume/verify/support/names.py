"""Which source mention a claim's name may stand for: "Altman" is "Sam Altman", but "Marie
Curie" is not the "Curie" of "Pierre Curie" — a name word matches a source word unless the
words beside them are names that differ (another first name, another surname)."""

from __future__ import annotations

from dataclasses import dataclass

from plume.verify.support.parse import Text, Tok
from plume.verify.support.words import plain


def name_like(t: Tok) -> bool:
    """A word of a name: tagged as one, or capitalised (the small model tags many surnames as
    nouns: "Pierre Curie")."""
    return t.content and (t.pos == "PROPN" or t.text[:1].isupper())


def _neighbour(text: Text, t: Tok, step: int) -> Tok | None:
    """The name word next to ``t`` (``step`` -1 before, +1 after) in its sentence, a hyphen
    skipped ("Jean-Paul"), or ``None``."""
    j = t.i + step
    a, b = text.sents[t.sent]
    if a <= j < b and text.toks[j].text == "-":
        j += step
    if not a <= j < b:
        return None
    x = text.toks[j]
    return x if name_like(x) else None


def same_entity(c: Text, t: Tok, src: Text, s: Tok) -> bool:
    """Whether source word ``s`` may be the claim's name word ``t``: on each side where both
    have a name word next to them, those words must match too."""
    for step in (-1, 1):
        mine = _neighbour(c, t, step)
        theirs = _neighbour(src, s, step)
        if mine is not None and theirs is not None and not mine.keys & theirs.keys:
            return False
    return True


# -- titles -----------------------------------------------------------------------------------

_DEFINITE = frozenset({"le", "la", "l'", "ce", "cet", "cette"})


@dataclass(frozen=True)
class Titles:
    """The titles a source gives people right beside their names: "le Premier ministre Andrej
    Babiš", "Roman Prymula, ministre de la Santé"."""

    text: Text
    #: name word key → titles (as :func:`title_of` writes them)
    of_name: dict[str, frozenset[str]]
    #: title → the surnames it is given to
    holders: dict[str, frozenset[str]]
    #: noun index → its title, for the source's definite nouns ("le Premier ministre")
    definite: dict[int, str]

    def stands_for(self, s: Tok, t: Tok) -> bool:
        """Whether source noun ``s`` is a definite title ("le Premier ministre") the source
        gives the claim's name ``t`` and no one else."""
        title = self.definite.get(s.i)
        if title is None:
            return False
        # (an adjective after the noun says the same title, "le Premier ministre tchèque"; one
        # before it another, "le Premier ministre" is not "le ministre")
        end = self.text.sents[s.sent][1]
        after = {
            plain(x.text)
            for x in self.text.toks[s.i + 1 : end]
            if x.head == s.i and x.dep == "amod"
        }
        words = set(title.split())
        return any(
            (mine == title or (set(mine.split()) < words and words - set(mine.split()) <= after))
            and len(self.holders.get(mine, ())) == 1
            for k in t.keys
            for mine in self.of_name.get(k, ())
        )

    def someone_else(self, s: Tok, t: Tok) -> bool:
        """Whether source noun ``s``, definite, is a title the source gives other people than
        the claim's name ``t`` ("le ministre de la Santé" is not "Andrej Babiš")."""
        title = self.definite.get(s.i)
        if title is None:
            return False
        return bool(self.holders.get(title)) and not any(
            title in self.of_name.get(k, ()) for k in t.keys
        )


_TITLES_CACHE: dict[int, Titles] = {}


def titles(src: Text) -> Titles:
    """The titles of the people named in ``src`` (computed once per source)."""
    hit = _TITLES_CACHE.get(id(src))
    if hit is not None and hit.text is src:
        return hit
    holders: dict[str, set[str]] = {}
    of_name: dict[str, set[str]] = {}
    for s in src.toks:
        if s.pos != "NOUN" or not s.content:
            continue
        a, b = src.sents[s.sent]
        # "N X": the name right after the title, adjectives between ("Premier").
        j = s.i + 1
        while j < b and src.toks[j].pos == "ADJ" and not src.toks[j].text[:1].isdigit():
            j += 1
        after = j < b and src.toks[j].pos == "PROPN" and j - s.i <= 3
        # "X, N": the title in apposition after the name and a comma.
        before = (
            s.dep == "appos"
            and a <= s.i - 2
            and src.toks[s.i - 1].text == ","
            and src.toks[s.i - 2].pos == "PROPN"
        )
        name_at = j if after else s.i - 2 if before else None
        if name_at is None:
            # "le ministre de la Santé, Roman Prymula": the name in apposition to the title,
            # or the title to the name, as parsed.
            tied = [x.i for x in src.toks[a:b] if x.head == s.i and x.dep == "appos"]
            if s.dep == "appos" and s.head != s.i:
                tied.append(s.head)
            name_at = next((i for i in tied if src.toks[i].pos == "PROPN"), None)
        if name_at is None:
            continue
        start = end = name_at
        while start > a and src.toks[start - 1].pos == "PROPN":
            start -= 1
        while end + 1 < b and src.toks[end + 1].pos == "PROPN":
            end += 1
        title = title_of(src, s)
        holders.setdefault(title, set()).add(plain(src.toks[end].text))
        for k in range(start, end + 1):
            for key in src.toks[k].keys:
                of_name.setdefault(key, set()).add(title)
    found = Titles(
        src,
        {k: frozenset(v) for k, v in of_name.items()},
        {k: frozenset(v) for k, v in holders.items()},
        {s.i: title_of(src, s) for s in src.toks if s.pos == "NOUN" and definite(src, s)},
    )
    if len(_TITLES_CACHE) > 8:
        _TITLES_CACHE.clear()
    _TITLES_CACHE[id(src)] = found
    return found


def title_of(text: Text, s: Tok) -> str:
    """A title noun with its adjectives: "ministre" and "premier ministre" are two titles."""
    a, b = text.sents[s.sent]
    adjectives = sorted(
        plain(x.text) for x in text.toks[a:b] if x.head == s.i and x.dep == "amod" and x.i != s.i
    )
    return " ".join([*adjectives, plain(s.text).removesuffix("s")])


def definite(text: Text, s: Tok) -> bool:
    """A definite noun phrase ("le ministre", "cette ministre"): one that may refer."""
    a, b = text.sents[s.sent]
    return any(
        x.head == s.i and x.dep == "det" and plain(x.text) in _DEFINITE for x in text.toks[a:b]
    )


_PAIRS_CACHE: dict[int, tuple[Text, frozenset[tuple[str, str]]]] = {}


def _name_pairs(src: Text) -> frozenset[tuple[str, str]]:
    """The keys of the source's name words side by side, in reading order ("sam", "altman"),
    computed once per source."""
    hit = _PAIRS_CACHE.get(id(src))
    if hit is not None and hit[0] is src:
        return hit[1]
    pairs = set()
    for s in src.toks:
        if not name_like(s):
            continue
        after = _neighbour(src, s, 1)
        if after is not None:
            pairs |= {(a, b) for a in s.keys for b in after.keys}
    found = frozenset(pairs)
    if len(_PAIRS_CACHE) > 8:
        _PAIRS_CACHE.clear()
    _PAIRS_CACHE[id(src)] = (src, found)
    return found


def name_partner(c: Text, t: Tok, src: Text) -> int | None:
    """The claim's other word of the name ``t`` belongs to ("Altman" for "Sam"), when the source
    writes that full name somewhere: a window that has only "Altman" then speaks of Sam
    Altman too, the source having said who he is."""
    if not name_like(t):
        return None
    pairs = _name_pairs(src)
    for step in (1, -1):
        mine = _neighbour(c, t, step)
        if mine is None:
            continue
        first, second = (t, mine) if step == 1 else (mine, t)
        if any((a, b) in pairs for a in first.keys for b in second.keys):
            return mine.i
    return None
