"""Meta descriptions built from the author's own sentences (faithful mode: nothing invented).

Yoast's MetaDescriptionLengthAssessment recommends 120–156 characters; Google cuts longer
snippets, and a description that stops mid-sentence reads as broken, so a description here is
always whole sentences: one of the lead's sentences, or two adjacent ones, that fit the window and
hold the keyphrase (Yoast's MetaDescriptionKeywordAssessment). A description summarises: given the
headline, the lead's sentence that states its event (who did what) comes before a later detail
that holds the keyphrase, and nothing misleading out of the article serves (a question, the
author's "je", "une artiste" unnamed). When none fits, a sentence is *compressed by deletion*
(:func:`plume.write.trim.trims`): parentheticals, asides, appositions, opening adverbials,
trailing clauses are removed, never a word added, and never what
carries the claim's truth — the subject and verb, a negation, a condition ("si"), an attribution
("selon", "a assuré une source") or a hedge. Nothing fits even so: the best whole sentence, never
a cut one (plume's SEO-META-CUT check would say so). The verify stage re-checks the result.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from plume.analyse.keyphrase import KeyphraseMatcher
from plume.lang.fr import agency_dateline, fold, load_french, read_list
from plume.lang.fr.lexicon import load_lexicon
from plume.text import sentences
from plume.write.compress import dangling_pronoun, has_finite_clause
from plume.write.gate import Supported, first_supported
from plume.write.trim import (
    CONNECTORS,
    SUBJECT_PRONOUNS,
    Trim,
    first_word,
    has_certain_verb,
    has_finite_verb,
    reports_speech,
    trims,
)

#: Yoast SEO MetaDescriptionLengthAssessment: recommended maximum 156; "too short" at 120 or
#: fewer (``recommendedMaximumLength`` 120, tested with ``<=``: 120 itself is orange), so 121.
MIN_CHARS = 121
MAX_CHARS = 156
#: When no whole sentence reaches the window, the best one at least this long is used rather
#: than a cut one (issue 16: a 109-character summary beats "…pour récupérer…").
FALLBACK_MIN_CHARS = 100
#: Paragraphs read for the description: the lead and the two after it (the summary of a news
#: text is at its top; deeper sentences only when the lead lacks the keyphrase).
LEAD_PARAGRAPHS = 3
#: Options of the paragraphs read after the lead are numbered from this on: any index below it
#: is the lead's.
LATER = 1000


#: An agency dateline opening the lead ("LYON (AFP) – ", "PARIS – "): the wire's, not the
#: story's; a description or a title starts after it (as after "Lons-le-Saunier, 7 déc 2026
#: (AFP) - ": :func:`plume.lang.fr.agency_dateline`).
_DATELINE = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý'’ -]{1,30}(?:\s*\([^)]{1,30}\))?\s*[–—-]\s+(?=[A-ZÀ-Ý])")


def _undated(sentence: str) -> str:
    """``sentence`` without the agency dateline it opens on."""
    return agency_dateline().sub("", _DATELINE.sub("", sentence))


#: A byline paragraph ("Par Marion Kerhervé, sociologue…", "Propos recueillis par…"): who wrote
#: the text, not what it says.
_BYLINE = re.compile(r"^\W*(?:Par|Propos recueillis par|Texte de) [A-ZÀ-Ý]")
#: A byline is a line or two; a longer paragraph opening "Par …" is prose.
BYLINE_MAX_CHARS = 250


def _byline(paragraph: str) -> bool:
    return len(paragraph) <= BYLINE_MAX_CHARS and _BYLINE.match(paragraph) is not None


def candidate_sentences(paragraphs: Sequence[str]) -> list[tuple[int, str]]:
    """(paragraph index, sentence) for the sentences that can open or make a description or a
    title: whole, prose, not inside a quotation."""
    return whole_sentences(paragraphs, openers=True)


def whole_sentences(paragraphs: Sequence[str], *, openers: bool = False) -> list[tuple[int, str]]:
    """(paragraph index, sentence) for the whole prose sentences outside quotations; with
    ``openers``, only those that can open a text. Without, those that point back to the one
    before ("Il a vu…") are in: one can follow its antecedent in a description, never open
    one."""
    # A "sentence" starting in lower case is the tail of a cut one: it cannot open a
    # description.
    found = [
        (i, _undated(s.text))
        for i, p in enumerate(paragraphs)
        # An interviewer's question ("Votre texte a été partagé. Vous attendiez-vous… ?")
        # asks; its sentences are the asker's, not the story.
        if not p.rstrip(" *»\u00a0\u202f").endswith("?") and not _byline(p)
        for s in sentences(p)
        if not s.text[:1].islower()
        and not _quoted(p, s.start)
        and _balanced(s.text)
        and not (openers and _leans_back(s.text))
    ]
    # Prose first: a live-blog page opens on its scoreboard, which is no description and
    # which the fact check then reads as one long unknown name (see docs/calibration.md).
    # Other text only when a page has no prose at all.
    prose = [(i, t) for i, t in found if _is_prose(t) and _is_sentence(t)]
    return prose or found


#: Subjects that point back to the sentence before: out of the article, in a search snippet
#: or a title, "Il oppose deux visions…" says nothing of who (held-out corpus 10).
_BACK_POINTERS = frozenset(
    ["il", "elle", "ils", "elles", "cela", "ça", "ceci", "celui-ci", "celle-ci"]
)


def _leans_back(sentence: str) -> bool:
    first = sentence.split(maxsplit=1)[0].strip(",;:").lower() if sentence.split() else ""
    return first in _BACK_POINTERS


def lead_paragraphs(paragraphs: Sequence[str], n: int) -> list[str]:
    """The first ``n`` paragraphs that hold prose (a live page's scoreboard and fact box
    aside)."""
    return [p for p in paragraphs if any(_is_prose(s.text) for s in sentences(p))][:n]


def _quoted(paragraph: str, start: int) -> bool:
    """Whether ``start`` is inside a quotation: a quoted sentence, alone, reads as the
    description's own claim (its speaker is outside it)."""
    before = paragraph[:start]
    return before.count("«") > before.count("»")


def _balanced(text: str) -> bool:
    return text.count("«") == text.count("»")


#: How a sentence ends; a line without it is a title, a kicker or a menu entry, never a
#: sentence of the description: joined to the next, it runs on into a name no source holds
#: (see docs/calibration.md).
_TERMINAL = tuple('.!?…»”")')


def _is_sentence(text: str) -> bool:
    return text.rstrip().endswith(_TERMINAL)


#: A sentence reads as prose when at least this share of its words are lower-case (articles,
#: verbs, common nouns); scoreboards, line-ups, datelines and bylines score far lower
#: (calibrated: see docs/calibration.md).
PROSE_MIN = 1 / 3


def _is_prose(sentence: str) -> bool:
    words = [w for w in sentence.split() if any(c.isalpha() for c in w)]
    lower = sum(1 for w in words if w[:1].islower())
    return bool(words) and lower / len(words) >= PROSE_MIN


# -- compression by deletion -------------------------------------------------------------------

_PRONOUN_START = frozenset(
    [
        "il",
        "elle",
        "ils",
        "elles",
        "on",
        "ce",
        "cela",
        "ça",
        "cette",
        "ces",
        "celui",
        "celle",
        "c’",
        "ceci",
        "je",
        "nous",
        "vous",
        "tu",
        "et",
        "mais",
        "or",
        "donc",
        "son",
        "sa",
        "ses",
        "leur",
        "leurs",
    ]
)


#: "Il semble que…", "Il y a…": impersonal, no one to name.
#: "Il aura fallu attendre… pour qu’Odile Ferrand…": the event, no one pointed at either.
_IMPERSONAL = re.compile(r"^Il (?:semble|y a|faut|paraît|reste|(?:aura|avait|a) fallu)\b")
_QUANTIFIERS = frozenset(
    ["certains", "certaines", "plusieurs", "beaucoup", "tous", "toutes", "d’autres"]
)


def poor_start(text: str, *, strict: bool = False) -> bool:
    """Opens on a pronoun or a demonstrative — "Il…", "Certaines ont…", or "Tout d’abord, il…"
    after an opening phrase: the reader of a snippet cannot tell who."""
    first = first_word(text).replace("'", "’")
    if _IMPERSONAL.match(text) or _settled(text):
        return strict  # fine in a description, weak as a headline
    if first in _PRONOUN_START:
        return True
    rest = text[len(first) :].lstrip()
    if first in _QUANTIFIERS and rest and has_finite_verb(rest.split()[0]):
        return True
    if re.match(r"(?i)(?:d[’']autres|les autres|cet autre|cette autre)\b", text):
        return True  # "D’autres confrères…": others than whom?
    head, sep, after = text.partition(", ")
    return bool(sep) and len(head.split()) <= 6 and first_word(after) in SUBJECT_PRONOUNS


def _settled(text: str) -> bool:
    """ "C’est terminé au Moustoir !", "C’est fait": the event announced, no one pointed at
    ("C’est le cas de…", "C’est grave" lean on the sentence before)."""
    m = _CEST.match(text)
    return m is not None and load_lexicon().entry(m.group(1)).has("K")


_CEST = re.compile(r"C[’']est ([\w-]+)")


def _fragment(sentence: str) -> bool:
    """No finite verb, or a short line whose only verb reading is doubtful."""
    if _CEST.match(sentence):
        return False  # "C’est terminé…": the lexicon reads no verb in "C’est"
    # "Il n’était pourtant pas…": the lexicon reads no "n’était"; the auxiliary is certain.
    if not has_finite_verb(sentence) and not has_certain_verb(sentence):
        return True
    return len(sentence.split()) <= FRAGMENT_WORDS and not has_certain_verb(sentence)


#: Up to this many words, a line must hold a verb no other reading explains to be a sentence.
FRAGMENT_WORDS = 6


@dataclass(frozen=True)
class _Option:
    text: str
    paragraph: int
    index: int
    deletions: int


#: Adjacent sentences joined at most in one description: a lead's short first sentences tell
#: the story together ("C’est terminé au Moustoir ! Lorient a tenu tête à l’OL…").
MAX_JOINED = 3
#: Shortened forms of each sentence tried in a join of two, of three (the variants multiply).
_JOIN_VARIANTS = {2: 12, 3: 4}


def _options(paragraphs: Sequence[str]) -> list[_Option]:
    # A verbless line ("Le « siège des émotions ».": "siège" is a verb only by accident) is no
    # part of a summary; a page without any sentence keeps what it has (a scoreboard).
    # "Il y a des pays d’immigration…" points at nothing before it: it can open.
    found = [
        (i, t) for i, t in whole_sentences(paragraphs) if not _leans_back(t) or _IMPERSONAL.match(t)
    ] or candidate_sentences(paragraphs)
    sents = [(i, t) for i, t in found if not _fragment(t)] or found
    every = [trims(t, description=True)[:40] for _, t in sents]
    per = [[c for c in cs if not _fragment(c.text)] for cs in every]
    per = per if any(per) else every
    # Where each sentence stands in the text: two sentences are adjacent only when no other
    # sentence (a quotation, say) stands between them — "Il a vu cette dernière tomber" after a
    # sentence two further back points at nothing (corpus 04).
    position: dict[tuple[int, str], int] = {}
    for k, (i, s) in enumerate((i, s) for i, p in enumerate(paragraphs) for s in sentences(p)):
        position.setdefault((i, _undated(s.text)), k)
    # What can follow: any whole sentence, one pointing back to the one before included ("Il
    # prépare…" after "Hwang Sok-yong est…" says who); the publishable check reads the pair.
    at = {
        position[(i, t)]: (i, t)
        for i, t in whole_sentences(paragraphs)
        if (i, t) in position and not _fragment(t)
    }
    shortened = {x: cs for x, cs in zip(sents, per, strict=True)}

    def forms(x: tuple[int, str]) -> list[Trim]:
        if x not in shortened:
            shortened[x] = [c for c in trims(x[1], description=True)[:40] if not _fragment(c.text)]
        return shortened[x]

    out: list[_Option] = []
    for x in sents:
        p = x[0]
        k = position.get(x, -1)
        # A shortened sentence can come to open on a pronoun ("Composé de …, il représente"
        # → "Il représente"): it cannot open a description either.
        heads = [c for c in shortened[x] if not _leans_back(c.text) or _IMPERSONAL.match(c.text)]
        out += [_Option(c.text, p, k, c.deletions) for c in heads]
        if k < 0:
            continue
        chain = [x]
        # Two or three adjacent sentences (across a paragraph break too: the lead often ends
        # where its second sentence starts a paragraph).
        while len(chain) < MAX_JOINED and (nxt := at.get(k + len(chain))) is not None:
            chain.append(nxt)
            cap = _JOIN_VARIANTS[len(chain)]
            variants = [heads[:cap], *(forms(y)[:cap] for y in chain[1:])]
            for combo in itertools.product(*variants):
                if sum(len(c.text) for c in combo) + len(combo) - 1 <= MAX_CHARS:
                    text = " ".join(c.text for c in combo)
                    cost = sum(c.deletions for c in combo) + len(combo) - 1
                    out.append(_Option(text, p, k, cost))
    return out


def _holds_words(words: Sequence[str], sentence: str) -> bool:
    """Each of ``words`` is a word of ``sentence``, case aside ("d’OpenAI" holds "OpenAI")."""
    found = {w.lower() for w in re.findall(r"[\w-]+", sentence.replace("’", " ").replace("'", " "))}
    return all(w.lower() in found for w in words)


def _holds_sentence(paragraph: str) -> bool:
    return any(_is_prose(s.text) and _is_sentence(s.text) for s in sentences(paragraph))


def sentences_publishable(text: str) -> bool:
    """A conjugated verb (spaCy), no pronoun without its antecedent before it in ``text``, and
    each of its sentences a sentence: "Plusieurs leaders des groupes de travail GPT-4 et
    GPT-5." (its verb cut with a tail) cannot ride on the verb of the next. A sentence passes
    on spaCy's verb or on a verb the lexicon reads no other way ("retire": spaCy's small model
    misses some)."""
    parts = [s.text for s in sentences(text)]
    return (
        has_finite_clause(text)
        and (len(parts) < 2 or all(has_finite_clause(t) or has_certain_verb(t) for t in parts))
        and not dangling_pronoun(text)
    )


_FIRST_PERSON = re.compile(r"(?i)(?<![\w’'])(?:je|j’|j')(?![\w’'])")


def lexicon_sentence(text: str) -> bool:
    parts = [s.text for s in sentences(text)] or [text]
    return all(
        has_finite_verb(t) and not _bare_infinitive(t) for t in parts
    ) and not dangling_pronoun(text)


def _bare_infinitive(text: str) -> bool:
    """A name followed by an infinitive: "Les analystes Dylan Patel et Daniel Nishball passer
    en revue…" (a translation's slip for "passent"), where the lexicon finds a verb in "revue"."""
    words = re.findall(r"[\w’'-]+", text)
    lex = load_lexicon()
    return any(
        a[:1].isupper() and b[:1].islower() and {x.tag for x in lex.entry(b).analyses} == {"W"}
        for a, b in itertools.pairwise(words[1:])
    )


def _unattributed_quote(text: str) -> bool:
    """ "« Normalement, ce sont les utilisateurs… »": someone's words, and the description
    does not say whose."""
    return text.lstrip().startswith(("«", "“", '"')) and not reports_speech(text)


#: "(lire « … »)", "(voir …)": the page's pointer to another article, no part of a summary.
_CROSS_REFERENCE = re.compile(r"(?i)\(\s*(?:lire|voir|cf\.)\b[^)]*\)")


# -- what the story is about: the headline's event ------------------------------------------------

#: A name of the headline (who) counts this many of its other content words (issue 16: a reader
#: of the snippet must learn who did what; "une artiste" without her name tells nothing).
NAME_WEIGHT = 2
#: Letters a word is matched on: "peintre" holds "peint", "Castelneuvien" "Castelneuf" (French
#: has no stemmer here; five letters tell the family from the neighbours well enough).
STEM_CHARS = 5
#: A lead option states the headline's event when it shares at least this share of what the
#: lead option sharing most with the headline shares, and at least ``EVENT_MIN``: a later
#: detail holding the keyphrase ("Ferrand a peint…") then never beats the lead's event.
EVENT_SHARE = 0.5
EVENT_MIN = 2
#: …and at least this share of the headline's own weight.
EVENT_HEADLINE_SHARE = 0.3


_QUOTED = re.compile(r"«[^»]*»|“[^”]*”")


def _words(text: str) -> list[str]:
    return re.findall(r"[\w-]+", text.replace("’", " ").replace("'", " "))


def _event_words(reference: str) -> dict[str, int]:
    """The content words of the headline ``reference`` outside its quotations, by their first
    letters, each with its weight: a name counts more."""
    function_words = load_french().function_words
    out: dict[str, int] = {}
    # A quotation in a headline ("Léa Fournier : « La montagne… »") is the speaker's words, not
    # the event: a sentence repeating it out of its interview says nothing of who.
    reference = _QUOTED.sub(" ", reference)
    # Each part of a headline ("TRIBUNE. Sur nos côtes…") opens on a capital.
    for part in re.split(r"[.!?:]", reference):
        for k, w in enumerate(_words(part)):
            if fold(w) in function_words or (len(w) < 3 and not w.isdigit()):
                continue
            entry = load_lexicon().entry(w)
            name = w[:1].isupper() and (k > 0 or entry.guessed or entry.pos == {"PROPN"})
            stem = fold(w)[:STEM_CHARS]
            out[stem] = max(out.get(stem, 0), NAME_WEIGHT if name else 1)
    return out


def _overlap(text: str, event: dict[str, int]) -> int:
    """How much of the headline's event ``text`` says: the weights of its words it holds."""
    held = {fold(w)[:STEM_CHARS] for w in _words(text)}
    return sum(weight for stem, weight in event.items() if stem in held)


#: First person outside a quotation: the author's aside ("où je mène des enquêtes"), not the
#: story.
_FIRST_PERSON_ANY = re.compile(
    r"(?i)(?<![\w’'])(?:(?:je|me|moi|mon|ma|mes)(?![\w’'-])|[jm][’'](?=\w))"
)


#: A name right after the role noun: "la société Lumaj", "la start-up bordelaise Sylvéa", "la
#: maire, Catherine…", "le ministre de la Santé Roman Prymula".
_NAME_NEXT = re.compile(r",?\s+(?:[a-zà-ÿ’'-]+\s+){0,3}[A-ZÀ-Ý]")


@cache
def _role_nouns() -> tuple[str, ...]:
    return read_list("meta_role_nouns.txt")


def _misleading(text: str, names: Sequence[str]) -> bool:
    """Out of its article, ``text`` would mislead or say nothing of who: a question, the
    author's first person, or someone named by role alone ("une artiste", "la société") when
    no name of the headline (``names``) is in it and none stands next to the noun."""
    if any(x.text.rstrip(" »”\u00a0\u202f").endswith("?") for x in sentences(text)):
        return True
    if _FIRST_PERSON_ANY.search(_QUOTED.sub("", text)):
        return True
    if any(n.lower() in text.lower() for n in names):
        return False
    for noun in _role_nouns():
        pattern = r"(?i)(?<![\w’'])(?:une?|la|le|l’|l'|cette|cet|ce) " + re.escape(noun)
        for m in re.finditer(pattern + r"(?![\w-])", text):
            if not _NAME_NEXT.match(text[m.end() :]):
                return True
    return False


def build_meta_description(
    paragraphs: Sequence[str],
    keyphrase: str | None = None,
    *,
    headline: str | None = None,
    min_chars: int = MIN_CHARS,
    max_chars: int = MAX_CHARS,
    supported: Supported | None = None,
) -> str:
    """The best description the text allows (see the module docstring); "" for an empty text.

    The description says the story's main event: a lead option sharing the ``headline``'s
    words (its names first) comes before any detail, the keyphrase breaking ties among those
    (without a headline, the keyphrase ranks first, as before). With ``supported``, a
    description compressed from the author's sentences is used only when it accepts it (the
    author's sentences as they stand need no check)."""
    if not paragraphs:
        return ""
    matcher = KeyphraseMatcher(keyphrase) if keyphrase else None

    words = matcher.content_words if matcher is not None else []

    def has_kp(text: str) -> bool:
        """As Yoast's MetaDescriptionKeyword counts it: every content word of the keyphrase in
        one sentence, in the keyphrase's own form (the bench's yoastseo has no French
        morphology: "participation de la femme" does not hold "participation des femmes")."""
        if matcher is None:
            return True
        if not words:
            return matcher.in_text(text)
        return any(_holds_words(words, x.text) for x in sentences(text))

    def kp_score(text: str) -> int:
        # In another form (a plural for a singular), the reader still finds the subject.
        return 2 if has_kp(text) else int(matcher is not None and matcher.in_text(text))

    # The lead starts at the first whole sentence of prose: a live page's scoreboard, a
    # kicker or a headline line above it are no part of it (corpus 04, 13).
    start = next((k for k, p in enumerate(paragraphs) if _holds_sentence(p)), 0)
    end = start + LEAD_PARAGRAPHS
    options = _options(list(paragraphs[start:end]))
    if matcher is not None and not any(
        has_kp(o.text) and min_chars <= len(o.text) <= max_chars for o in options
    ):
        # The lead never names the keyphrase: the first paragraphs that do, after it, each
        # on its own (two of them are not adjacent: no sentence of one follows the other's).
        with_kp = [p for p in paragraphs[end:] if matcher.in_text(p)]
        # An essay restates its point at its end ("Microsoft émerge comme le grand gagnant…",
        # seed 003): the last paragraph naming the keyphrase too, after the first two.
        with_kp = with_kp[:2] + with_kp[-1:] if len(with_kp) > 2 else with_kp
        options += [
            _Option(
                o.text, o.paragraph + LEAD_PARAGRAPHS + n, o.index + LATER * (n + 1), o.deletions
            )
            for n, p in enumerate(with_kp)
            for o in _options([p])
        ]
    if not options:
        return ""

    def fits(o: _Option, low: int) -> bool:
        return low <= len(o.text) <= max_chars

    # Without a headline, the keyphrase ranks as before: the lead's first sentence is too often
    # a kicker or a question to stand for the event.
    reference = headline or ""
    event = _event_words(reference)
    names = [w for w in _words(reference) if event.get(fold(w)[:STEM_CHARS]) == NAME_WEIGHT]
    # The headline's first name is its subject (who): "Parla est le premier produit de la
    # compagnie" does not name the company "Lumaj dévoile Parla" is about.
    misleading = {o.text: _misleading(o.text, names[:1]) for o in options}
    overlap = {o.text: _overlap(o.text, event) for o in options}
    in_lead = [o for o in options if o.index < LATER and fits(o, min_chars)]
    best = max((overlap[o.text] for o in in_lead if not misleading[o.text]), default=0)
    # "Le drame qui se déroule…" shares two words of "Microsoft a joué un rôle de premier plan
    # dans le drame qui se déroule", not who did what: a share of the whole headline too.
    total = math.ceil(EVENT_HEADLINE_SHARE * sum(event.values()))
    need = max(EVENT_MIN, math.ceil(EVENT_SHARE * best), total)

    def states_event(o: _Option) -> bool:
        return (
            o.index < LATER
            and overlap[o.text] >= need
            and not misleading[o.text]
            and not _unattributed_quote(o.text)
            and _CROSS_REFERENCE.search(o.text) is None
        )

    def rank(o: _Option) -> tuple[int, ...]:
        return (
            int(_CROSS_REFERENCE.search(o.text) is not None or _unattributed_quote(o.text)),
            # A question, the author's "je", "une artiste" unnamed: misleading in a snippet.
            int(misleading[o.text]),
            # The event before a detail holding the keyphrase (issue 16, point 3).
            -int(states_event(o)),
            -kp_score(o.text),
            # Joined sentences open on the one naming the keyphrase, not on a side detail
            # ("Les actions de Microsoft atteignent un niveau record. Altman dirigera…").
            -int(has_kp(next(iter(sentences(o.text)), o).text)),
            int(poor_start(o.text)),
            # "Enfin il y a…", "Mais…": a sequel to a sentence the reader has not seen.
            int(CONNECTORS.match(o.text) is not None),
            # The story told, not a speaker's "je" (an interviewee's answer, an aside).
            int(_FIRST_PERSON.search(o.text) is not None),
            o.paragraph,
            -overlap[o.text],
            o.index,
            o.deletions,
        )

    # In the window with the keyphrase; else one holding the keyphrase that is long enough
    # (Yoast rates a description without the keyphrase bad, a short one only "ok"); else the
    # best whole sentence in the window, or long enough; else the longest that fits; else the
    # shortest — never a cut one. Before all, the lead's event in the window.
    pools = [
        sorted((o for o in options if fits(o, min_chars) and states_event(o)), key=rank),
        sorted((o for o in options if fits(o, min_chars) and has_kp(o.text)), key=rank),
        sorted((o for o in options if fits(o, FALLBACK_MIN_CHARS) and has_kp(o.text)), key=rank),
        sorted((o for o in options if fits(o, min_chars)), key=rank),
        sorted((o for o in options if fits(o, FALLBACK_MIN_CHARS)), key=rank),
        sorted(
            (o for o in options if len(o.text) < FALLBACK_MIN_CHARS),
            key=lambda o: (*rank(o)[:3], -len(o.text)),
        ),
        sorted(options, key=lambda o: (len(o.text), *rank(o))),
    ]
    verbatim = " ".join(" ".join(p.split()) for p in paragraphs)
    for pool in pools:
        texts = [o.text for o in pool]
        if found := first_supported(texts, verbatim, supported, usable=sentences_publishable):
            return found
        # spaCy's small model misreads some verbs as nouns ("Léa Fournier, 38 ans, garde le
        # refuge"): the lexicon's verb, in this pool, before a worse pool.
        if found := first_supported(texts, verbatim, supported, usable=lexicon_sentence):
            return found
    for pool in pools:  # no sentence spaCy reads as one: the best the lexicon accepts
        if found := first_supported([o.text for o in pool], verbatim, supported):
            return found
    return ""
