"""What the model needs beside a section's own passages (issue 19, "whole context"): who the
people of the sources are, what each source is, and the sentences a passage depends on.

- :func:`whos_who`: the people the sources name — spaCy's PER entities, full names only — with
  the role an apposition gives them ("Mira Murati, directrice technique d’OpenAI", "l’analyste
  Ben Thompson", "le PDG de Microsoft, Satya Nadella"). Every writing prompt carries it, so a
  section whose passages say "Mira" still names Mira Murati and her role.
- :func:`source_heads`: each source's outlet, title, author and date from its metadata
  (:class:`plume.document.Meta`, read by ``plume.ingest.page_meta``), so opinions can be
  attributed; a source without metadata is "Source 2" — never its file name.
- :func:`context_sentences`: for a section's passages, the neighbouring sentences they lean on:
  the sentence before a passage that opens on a pronoun or connector ("Il…", "Cette décision…",
  "Mais…", :func:`plume.write.sections.points_back`), and the sentence that gives the unit of a
  bare amount ("10 millions" whose currency the previous sentence names).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from plume.document import Document
from plume.lang.fr import fold, load_french, read_list, rewrite_prompts
from plume.lang.fr.lexicon import load_lexicon
from plume.text import count_words, sentences
from plume.verify.nlp import light_french
from plume.write.rewrite.passages import Passage
from plume.write.rewrite.requirements import french_date
from plume.write.sections import points_back

__all__ = [
    "MAX_PEOPLE",
    "Person",
    "context_sentences",
    "source_heads",
    "source_label",
    "whos_who",
    "whos_who_block",
]

#: People listed in a prompt: the most mentioned first. A who's-who longer than this costs
#: tokens for names a section will not use (the seeds name 4–11 people each).
MAX_PEOPLE = 15
#: Words of a role: "directrice technique d’OpenAI" (4), "ancien directeur scientifique de la
#: start-up" (6); longer runs are clauses, not roles.
_ROLE_MAX_WORDS = 9
_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w’'\-]+"
#: "Name, role," — the role after the name, closed by a comma, a full stop or a bracket.
_ROLE_AFTER = re.compile(r"^\s*,\s*(?P<role>[^,.;:!?()«»\n]{3,90}?)\s*[,.;)]")
#: "le PDG de Microsoft, Name", "l’analyste Name": the role before the name, opened by a
#: determiner or a possessive.
_ROLE_BEFORE = re.compile(
    r"(?:^|[\s(«,])(?:le|la|l’|l'|son|sa|leur|du|de\s+la|de\s+l’|de\s+l')\s*"
    r"(?P<role>[\w’'\-]+(?:\s+[\w’'\-]+){0,8}?)\s*,?\s*$",
    re.IGNORECASE,
)
#: A bare amount: a number and a magnitude with no unit after it ("10 millions." but not
#: "10 millions de dollars").
_BARE_AMOUNT = re.compile(
    r"\d[\d\s\u00a0\u202f,.]*\s*(?:millions?|milliards?|mille|k|M|Md)\b(?!\s*(?:de|d’|d'|€|\$|£))",
    re.IGNORECASE,
)
#: A demonstrative determiner opening a passage ("Cette décision", "Ces mesures"): its noun
#: names something the text before said. Not in ``section_openers.txt``, which decides where a
#: section may start ("Ce matin" may open one); as context, a sentence too many costs little.
_DEMONSTRATIVE = re.compile(r"^[\s«\"“(—–-]*(?:ce|cet|cette|ces)\s+\w", re.IGNORECASE)
#: Words of context taken from the end of the passage before: its last sentences up to this
#: (a short passage whole: the referent of "Cette dépense" may be in its first sentence).
_CONTEXT_WORDS = 80
#: What gives an amount its unit in a nearby sentence.
_UNIT = re.compile(r"€|\$|£|\b(?:euros?|dollars?|livres?|francs?|yens?|yuans?)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Person:
    """A person the sources name: full name, the role they give (or None), mentions."""

    name: str
    role: str | None
    mentions: int

    def line(self) -> str:
        return f"{self.name}, {self.role}" if self.role else self.name


@cache
def _titles() -> frozenset[str]:
    """Titles written before a name ("PDG", "Mme") and role nouns the endings miss ("chef",
    "ministre"): a role opens on one of them."""
    words = read_list("facts_titles.txt") + read_list("rewrite_role_nouns.txt")
    return frozenset(fold(t) for t in words)


#: Agent nouns by their ending ("directrice", "analyste", "fondateur", "économiste",
#: "politicien", "consultant", "fonctionnaire", "sociologue", "banquier"); not "-ment"
#: ("licenciement" ends in -ent too).
_AGENT = re.compile(
    r"(?:eur|euse|rice|[iy]ste|ien|ienne|ant|ante|ent|ente|aire|logue|ier|ière|ate)$"
)
#: Words that may come before the role noun ("ancienne directrice", "ex-PDG").
_ROLE_MODIFIERS = frozenset(
    {
        "ancien",
        "ancienne",
        "nouveau",
        "nouvelle",
        "actuel",
        "actuelle",
        "futur",
        "future",
        "premier",
        "première",
        "ex",
        "co",
        "vice",
        "jeune",
        "célèbre",
        "influent",
        "influente",
    }
)


def _role_noun(word: str) -> bool:
    """``word`` names a role: a title, a listed role noun, or a noun with an agent ending
    (compounds by their last part: "co-fondateur", "vice-président", "ex-PDG")."""
    w = fold(word)
    if w in _titles():
        return True
    head = w.rsplit("-", 1)[-1]
    if head in _titles():
        return True
    pos = load_lexicon().pos(w)
    return "NOUN" in pos and not head.endswith("ment") and _AGENT.search(head) is not None


def _role_ok(role: str, *, before: bool) -> str | None:
    """``role`` when it reads as a role: it opens on a role noun (after "ancien", "ex-"…), has
    no verb, does not end on a function word, and is short. ``before``: written before the
    name ("l’analyste Ben Thompson"), where a capitalised first word must be a title."""
    words = role.split()
    if not words or len(words) > _ROLE_MAX_WORDS:
        return None
    lex = load_lexicon()
    function_words = load_french().function_words
    k = 0
    while k < len(words) - 1 and fold(words[k]).strip("-") in _ROLE_MODIFIERS:
        k += 1
    head = re.sub(r"^(?:l|d)['’]", "", words[k])
    if not head or not head[0].isalpha() or not _role_noun(head):
        return None
    if before and head[0].isupper() and fold(head) not in _titles():
        return None
    for w in words[k + 1 :]:
        pos = lex.pos(fold(w))
        if pos and pos <= {"VERB", "AUX"}:
            return None  # "le départ affaiblit": a clause, not a role
    last = fold(words[-1])
    if last in function_words or last.endswith(("'", "’")):
        return None
    return role.strip()


#: An elided word glued to the end of an entity ("Altman n’").
_TRAILING_ELISION = re.compile(r"\s+\w{1,3}['’]$")


def _full_name(text: str, *, trusted: bool = True) -> str | None:
    """The capitalised words ending ``text`` when there are two or more: a full name. A name
    spaCy tagged PER is ``trusted`` ("Marc Le Du": "marc" is also a noun); in a run it did not
    tag so, leading common words are left out ("Rachida Dati" at the end of "ministre de la
    Culture Rachida Dati"). Never a run opening on a function word ("Ma Vision")."""
    m = re.search(rf"(?:{_NAME_WORD})(?:\s+{_NAME_WORD})+$", text.strip())
    if not m:
        return None
    words = m.group(0).split()
    if not trusted:
        while len(words) > 2 and _common(words[0]):
            words = words[1:]
        if _common(words[0]) or _common(words[-1]):
            return None
    if fold(words[0]) in load_french().function_words:
        return None
    return " ".join(words)


def _common(word: str) -> bool:
    """A capitalised word that is a French common word ("Culture", "Vision", "Ma"), not a
    name."""
    w = fold(word)
    if w in load_french().function_words:
        return True
    lex = load_lexicon()
    return lex.known(w) and "PROPN" not in lex.pos(w) and not lex.entry(w).guessed


def _people_in(text: str) -> Iterable[tuple[str, str | None]]:
    """(full name, role or None) for each mention of a person in ``text``."""
    nlp = light_french("morphologizer", "parser", "attribute_ruler", "lemmatizer")
    doc = nlp(text)
    for ent in doc.ents:
        name = _TRAILING_ELISION.sub("", ent.text.strip())
        start, end = ent.start_char, ent.start_char + len(name)
        lead = ""
        if ent.label_ != "PER":
            # spaCy reads "ministre de la Culture Rachida Dati" as one ORG: the name at its end,
            # the role before it.
            tail = _full_name(name, trusted=False)
            if tail is None or name[:1].isupper():
                continue
            lead = name[: len(name) - len(tail)]
            start, name = end - len(tail), tail
        if _full_name(name) != name:
            # One word ("Mira", "M. Caldwell"), or not a name: a mention of a full name at most.
            yield name.split()[-1], None
            continue
        role = _role_ok(lead.strip(" ,"), before=True) if lead else None
        after = _ROLE_AFTER.match(text[end : end + 120])
        if role is None and after:
            role = _role_ok(after.group("role"), before=False)
        if role is None:
            line_start = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start)) + 1
            m = _ROLE_BEFORE.search(text[line_start:start])
            if m:
                role = _role_ok(m.group("role"), before=True)
        yield name, role


def whos_who(sources: Sequence[Document], limit: int = MAX_PEOPLE) -> list[Person]:
    """The people the ``sources`` name, full names only, each with the first role a source
    gives them; a first name or surname alone counts as a mention of the full name it is part
    of. The most mentioned first, at most ``limit``."""
    roles: dict[str, str | None] = {}
    mentions: Counter[str] = Counter()
    singles: Counter[str] = Counter()
    for doc in sources:
        for name, role in _people_in(doc.text):
            if " " not in name:
                singles[name] += 1
                continue
            mentions[name] += 1
            if roles.get(name) is None:
                roles[name] = role
    for single, n in singles.items():
        owner = next((full for full in mentions if single in full.split()), None)
        if owner is not None:
            mentions[owner] += n
    ranked = sorted(mentions, key=lambda k: (-mentions[k], k))[:limit]
    return [Person(name, roles.get(name), mentions[name]) for name in ranked]


def whos_who_block(people: Sequence[Person]) -> str:
    """The who's-who as a prompt gives it ("" when the sources name nobody)."""
    if not people:
        return ""
    lines = "\n".join(f"- {p.line()}" for p in people)
    return rewrite_prompts()["whos_who"].format(people=lines)


def source_label(k: int) -> str:
    """How prompts name source ``k`` (0-based): "Source 1" — never a file name."""
    return f"Source {k + 1}"


def source_heads(sources: Sequence[Document]) -> dict[int, str]:
    """Each source's line for the prompts: outlet, title, author and date from its metadata
    ("Source 1 : Le Devoir, « La fin des trottinettes », par Jeanne Corriveau, publié le
    3 mars 2024."), or the label alone with how to refer to it."""
    prompts = rewrite_prompts()
    out: dict[int, str] = {}
    for k, doc in enumerate(sources):
        meta = doc.meta
        details = []
        if meta.site_name:
            details.append(f"média {meta.site_name}")
        title = meta.headline or meta.title
        if title:
            details.append(f"article « {title} »")
        if meta.author:
            details.append(f"par {meta.author}")
        if meta.published:
            details.append(f"publié le {french_date(meta.published)}")
        label = source_label(k)
        if details:
            out[k] = prompts["source_head"].format(label=label, details=", ".join(details))
        else:
            out[k] = prompts["source_anonymous"].format(label=label)
    return out


def _tail(text: str) -> str:
    """The last whole sentences of ``text`` up to :data:`_CONTEXT_WORDS` words (one at least):
    where the referent of the next passage's first words most likely is."""
    kept: list[str] = []
    total = 0
    for s in reversed(sentences(text)):
        n = count_words(s.text)
        if kept and total + n > _CONTEXT_WORDS:
            break
        kept.insert(0, s.text)
        total += n
    return " ".join(kept)


def context_sentences(passages: Sequence[Passage], ids: Iterable[int]) -> list[Passage]:
    """The sentences the passages ``ids`` depend on, outside them, as passages of their own
    (numbered as the passage they come from): the end of the passage before one that points
    back at it (a pronoun, a connector, a demonstrative), or before a bare amount when it names
    the unit."""
    chosen = set(ids)
    by_id = {p.id: p for p in passages}
    out: dict[tuple[int, str], Passage] = {}
    for pid in sorted(chosen):
        p = by_id.get(pid)
        prev = by_id.get(pid - 1)
        if p is None or prev is None or prev.id in chosen or prev.source != p.source:
            continue
        tail = _tail(prev.text)
        first = sentences(p.text)
        if not tail or not first:
            continue
        if (
            points_back(p.text)
            or _DEMONSTRATIVE.match(p.text)
            or (_BARE_AMOUNT.search(first[0].text) and _UNIT.search(tail))
        ):
            out[(prev.id, tail)] = Passage(prev.id, prev.source, tail)
    return [out[k] for k in sorted(out)]
