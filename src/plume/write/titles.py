"""The article's title (H1) and SEO title, from the author's headline or the lead's main event.

A title is a headline, not a label ("Microsoft et l’IA" says nothing). With a headline in the
source (its H1, else its HTML title without the site's name), the title is that headline in
French sentence case, its hook kept, shortened at a natural break only when it runs long, and led
by the keyphrase ("Roman Prymula : le ministre…") when it lacks it and the keyphrase is a name.
Without one, the title is the lead's main event — who did what — as one of its sentences
compressed by deletion (:func:`plume.write.trim.trims`): nothing is added, the subject, verb,
negation and hedges stay.

The SEO title is the title fitted to the 400–600 px Google shows (Yoast's
PageTitleWidthAssessment: 600 px; under 400 px the space is wasted): led by the keyphrase when
the title lacks it, extended with the page's own rubric or a clause of the lead when short,
shortened at a natural break when wide.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache

from plume.analyse.keyphrase import KeyphraseMatcher, exact_position, leads_with
from plume.analyse.pixels import SERP_TITLE_MAX_PX, text_width
from plume.document import Document
from plume.lang.fr import fold, load_french, read_list
from plume.lang.fr.lexicon import load_lexicon
from plume.text import sentences
from plume.write.compress import POSSESSIVES, dangling_pronoun, parse
from plume.write.gate import Supported, first_supported
from plume.write.meta import candidate_sentences, lead_paragraphs, poor_start
from plume.write.trim import has_finite_verb, trims

__all__ = [
    "MAX_TITLE_CHARS",
    "SEO_TITLE_MIN_PX",
    "build_seo_title",
    "build_title",
    "fit_title",
    "sentence_case",
    "source_headline",
    "strip_site",
]

#: A title the reader takes in at a glance; Google shows ≈ 60–70 characters of it (issue 16).
MAX_TITLE_CHARS = 70
#: The author's headline is kept whole up to this length (the H1 is not cut by Google; the SEO
#: title is fitted separately); beyond it, it is shortened at a natural break.
MAX_HEADLINE_CHARS = 90
#: A headline led by a place or a name ("Bréval-sur-Orne : le conseil adopte son budget et acte
#: la fermeture de l’école") is kept whole up to two lines: its second half is often the news.
MAX_NAMED_HEADLINE_CHARS = 120
#: A headline's topic before its colon ("Centre aquatique : …", "Crise OpenAI : …").
TOPIC_WORDS = 5
#: Under this width an SEO title wastes the room Google gives it (plume's SEO-TITLE-SHORT; the
#: 600 px maximum is Yoast's).
SEO_TITLE_MIN_PX = 400
#: Paragraphs a title without a headline is looked for in: the lead and the next three.
TITLE_PARAGRAPHS = 4

_WORD = re.compile(r"\w[\w’'-]*")


def sentence_case(heading: str, body: str) -> str:
    """French sentence case for an author's heading written in English Title Case ("Partie 1 :
    Les Acteurs" → "Partie 1 : les acteurs"): capital on the first word and on proper nouns only.

    A word is taken for a common word, and lowered, when the article itself writes it in lower
    case and never capitalised mid-sentence: the text is the evidence ("Paris" stays, "Acteurs"
    goes); only a word the text never uses is judged by the lexicon (a known common word, not a
    name). Acronyms stay, and so does a word that opens a sentence of the heading.
    """
    out: list[str] = []
    pos = 0
    for i, m in enumerate(_WORD.finditer(heading)):
        word = m.group()
        out.append(heading[pos : m.start()])
        pos = m.end()
        # A word opening a sentence of the heading keeps its capital ("…géographie ». Sur…").
        before = heading[: m.start()]
        # A quotation opens on its own capital ("… « Sur nos côtes, … »").
        opens = re.search(r"[.!?…][\s«»“”\u00a0\u202f]*$", before) is not None or (
            re.search(r"[«“]\s*$", before) is not None
        )
        if i == 0 or opens or not word[:1].isupper() or word.isupper():
            out.append(word)
            continue
        previous = heading[: m.start()].split()
        # A name takes no possessive: after one, a word the lexicon knows as a common noun
        # is one ("Mon Avis partisan": "avis", not the company).
        owned = bool(previous) and fold(previous[-1]) in POSSESSIVES
        out.append(_lowered(word, body, owned=owned))
    out.append(heading[pos:])
    return "".join(out)


def _lowered(word: str, body: str, *, owned: bool = False) -> str:
    """``word`` in lower case when the text writes it so and never capitalises it mid-sentence;
    when the text never writes it, when the lexicon knows it as a common word only (Title Case
    "Sommé de Démissionner"), or as a common noun after a possessive (``owned``)."""
    lower = word[:1].lower() + word[1:]
    used_lower = re.search(rf"\b{re.escape(lower)}\b", body) is not None
    used_upper_mid = re.search(rf"[\w,;] {re.escape(word)}\b", body) is not None
    if not used_lower and not used_upper_mid and re.search(rf"\b{re.escape(word)}\b", body) is None:
        entry = load_lexicon().entry(lower)
        common = "PROPN" not in entry.pos or (owned and "NOUN" in entry.pos)
        return lower if not entry.guessed and common else word
    return lower if used_lower and not used_upper_mid else word


def _lower_first(text: str, body: str) -> str:
    """``text`` after a colon: its first word lowered unless it is a name or an acronym."""
    m = _WORD.match(text)
    if not m or (m.group().isupper() and len(m.group()) > 1):
        return text
    word = m.group()
    # "L’Épisode" → "l’Épisode": the elided article is lowered, the word judged on its own.
    head, sep, tail = word.partition("’")
    if sep and len(head) <= 2 and tail:
        return head.lower() + sep + _lowered(tail, body) + text[m.end() :]
    if fold(word) in load_french().function_words:
        return word.lower() + text[m.end() :]  # "La métropole…" → "la métropole…"
    return _lowered(word, body) + text[m.end() :]


# -- the source's headline -----------------------------------------------------------------------

_SITE_SEPARATORS = re.compile(r"\s+[|·•]\s+|\s+[-–—]\s+")
_RUBRIC = re.compile(r"^([\w’'-]+(?: [\w’'-]+)?)\s*:\s*(?=\S)")


def strip_site(title: str) -> str:
    """An HTML title without the site's name and section ("La fin des trottinettes | Le Devoir"
    → "La fin des trottinettes"): its longest segment, which is the headline."""
    parts = [p.strip() for p in _SITE_SEPARATORS.split(title) if p.strip()]
    return max(parts, key=len) if parts else title.strip()


#: A genre label in capitals before the headline ("TRIBUNE. « … »", "ENQUÊTE : …", "VIDÉO -"):
#: the page's shelf, kept in the H1, not in the SEO title.
_GENRE_LABEL = re.compile(r"^[A-ZÀ-ÖØ-Ý]{4,}(?:\s[A-ZÀ-ÖØ-Ý]{2,})?\s*[.:–—-]\s+(?=\S)")


def _tidy_headline(text: str) -> str:
    text = " ".join(text.split())
    text = re.sub(r"\s*:\s*", "\u00a0: ", text)
    return text.rstrip(" .:;,\u00a0\u202f")


def source_headline(doc: Document) -> str | None:
    """The source's own headline: its H1, else its HTML title without the site's name."""
    h1 = next((b.text for b in doc.blocks if b.is_heading and b.level == 1), None)
    if h1 and h1.strip():
        return _tidy_headline(h1)
    if doc.meta.title and doc.meta.title.strip():
        return _tidy_headline(strip_site(doc.meta.title))
    return None


def _rubric_hook(doc: Document, title: str) -> str | None:
    """The HTML title's rubric around the headline ("Agriculture: Berne interdit…"), when it is
    the same headline with a hook in front."""
    if not doc.meta.title:
        return None
    page = _tidy_headline(strip_site(doc.meta.title))
    m = _RUBRIC.match(page)
    if m and fold(page[m.end() :]) == fold(title):
        return page
    return None


# -- the title ----------------------------------------------------------------------------------


def _names_keyphrase(keyphrase: str) -> bool:
    """Whether the keyphrase reads as a name ("Roman Prymula", "OpenAI"): only then can it lead
    a headline as its topic ("Roman Prymula : le ministre…")."""
    words = keyphrase.split()
    return bool(words) and all(w[:1].isupper() for w in words)


def _parts(headline: str) -> list[str]:
    """The natural parts of a headline: around " : ", a dash, or between its sentences."""
    parts = re.split(r"\s*[\u00a0 ]:\s+|\s+[–—]\s+", headline)
    out: list[str] = []
    for p in parts:
        out += [s.text for s in sentences(p)] or [p]
    return [p.strip().rstrip(" .") for p in out if p.strip()]


def _headline_title(headline: str, body: str, keyphrase: str) -> str:
    title = sentence_case(headline, body)
    matcher = KeyphraseMatcher(keyphrase)
    kicker = _RUBRIC.match(title)
    head = re.split(r"[\u00a0 ]:\s", title, maxsplit=1)[0].split()
    # "Bréval-sur-Orne : …", "Léa Fournier, gardienne de refuge : « … »" (an interview's name
    # and its quotation: the quotation is the hook).
    named = (kicker is not None and all(w[:1].isupper() for w in kicker.group(1).split())) or (
        len(head) >= 2 and head[0][:1].isupper() and head[1][:1].isupper() and head[0].isalpha()
    )
    # "PFAS dans l’eau potable : restrictions pour les femmes enceintes…": a short topic in
    # front of the news, which is the part after the colon; cut, only the label would stay.
    topic = len(head) <= TOPIC_WORDS and len(head) < len(title.split()) - 2
    named = named or topic
    if len(title) > (MAX_NAMED_HEADLINE_CHARS if named else MAX_HEADLINE_CHARS):
        # The part that tells the event (a verb), the keyphrase's part first.
        parts = [p for p in _parts(title) if 20 <= len(p) <= MAX_TITLE_CHARS]
        if parts:
            best = max(
                parts,
                key=lambda p: (has_finite_verb(p), matcher.in_text(p), len(p)),
            )
            title = best[:1].upper() + best[1:]
        else:
            short = [
                t.text for t in trims(title, aggressive=True) if len(t.text) <= MAX_TITLE_CHARS
            ]
            title = short[0] if short else title
    if not matcher.in_text(title) and _names_keyphrase(keyphrase):
        led = f"{keyphrase}\u00a0: {_lower_first(title, body)}"
        if len(led) <= MAX_TITLE_CHARS:
            title = led
    return title


_PERSONAL = re.compile(r"(?i)(?<![\w’'])(?:je|j’|nous|vous|tu|mon|ma|mes|notre|nos|votre|vos)\b")


def _no_headline(sentence: str) -> bool:
    """A question, the author's "je"/"vous", or a quotation (its speaker is outside it)."""
    return (
        sentence.rstrip(" »\u00a0\u202f").endswith("?")
        or _PERSONAL.search(sentence) is not None
        or sentence.lstrip().startswith(("«", "“", '"'))
    )


def _lead_clauses(paragraphs: Sequence[str]) -> Iterator[tuple[int, int, int, str]]:
    """(paragraph, sentence index, words deleted, clause) for each shortening of each sentence
    of the lead that a headline can be made of: the sentence is no question, quotation or
    "je"/"vous", the clause keeps a finite verb."""
    for index, (paragraph, sentence) in enumerate(
        candidate_sentences(lead_paragraphs(paragraphs, TITLE_PARAGRAPHS))
    ):
        if _no_headline(sentence):
            continue
        for t in trims(sentence, aggressive=True):
            text = t.text.rstrip(" .…")
            if has_finite_verb(text):
                yield paragraph, index, t.deletions, text


def _lead_title(
    paragraphs: Sequence[str],
    keyphrase: str,
    *,
    max_px: float | None = None,
    supported: Supported | None = None,
) -> str | None:
    """The lead's main event as a headline: a sentence of the first paragraphs, compressed by
    deletion to a title's length (or to ``max_px`` pixels), holding the keyphrase when one can."""
    matcher = KeyphraseMatcher(keyphrase)
    options: list[tuple[tuple[int, ...], str]] = []
    for paragraph, index, deletions, text in _lead_clauses(paragraphs):
        if len(text) < 20:
            continue
        if max_px is not None:
            over = 0 if SEO_TITLE_MIN_PX <= text_width(text) <= max_px else 3
        else:
            over = (
                0 if len(text) <= MAX_TITLE_CHARS else 1 if len(text) <= MAX_HEADLINE_CHARS else 3
            )
        if over < 3:
            # "Certaines ont été…" names no one: last resort only.
            poor = int(poor_start(text, strict=True) or opens_on_transition(text))
            key = (poor, over, -int(matcher.in_text(text)), paragraph, index, deletions)
            options.append((key, text))
    ranked = [text for _, text in sorted(options)]
    verbatim = " ".join(" ".join(p.split()) for p in paragraphs)
    return first_supported(ranked, verbatim, supported, usable=stands_alone)


@cache
def _transition_opening() -> re.Pattern[str]:
    entries = sorted(read_list("transition_words.txt"), key=len, reverse=True)
    alternation = "|".join(re.escape(e).replace("’", "[’']") for e in entries)
    return re.compile(rf"^(?:{alternation})\s*,", re.IGNORECASE)


def opens_on_transition(text: str) -> bool:
    """ "Tout d’abord, …", "Par ailleurs, …": a sentence placed in a sequence, no headline."""
    return _transition_opening().match(text) is not None


def stands_alone(text: str) -> bool:
    """A field read on its own names whom its pronouns stand for (no "…prêt à le prendre en
    charge": whom?)."""
    return not dangling_pronoun(text)


def build_title(
    doc: Document,
    paragraphs: Sequence[str],
    keyphrase: str,
    *,
    supported: Supported | None = None,
) -> str | None:
    """The article's H1 (see the module doc); ``None`` when the text gives none. With
    ``supported``, a title compressed from the lead is used only when it accepts it."""
    body = "\n".join(paragraphs)
    headline = source_headline(doc)
    if headline:
        return _headline_title(headline, body, keyphrase)
    return _lead_title(paragraphs, keyphrase, supported=supported)


# -- the SEO title ------------------------------------------------------------------------------


def build_seo_title(
    title: str,
    keyphrase: str,
    *,
    doc: Document | None = None,
    paragraphs: Sequence[str] = (),
    supported: Supported | None = None,
) -> str:
    """An SEO title of 400–600 px holding the keyphrase, at its start when it can (Yoast
    keyphraseInSEOTitle), from ``title`` (see the module doc)."""
    matcher = KeyphraseMatcher(keyphrase)
    body = "\n".join(paragraphs)
    # The H1 keeps the column's label ("TRIBUNE. « … »": whose words they are); a search
    # result has no room for it.
    title = _GENRE_LABEL.sub("", title)

    def led(text: str) -> str:
        return f"{keyphrase[:1].upper()}{keyphrase[1:]}\u00a0: {_lower_first(text, body)}"

    def leadable(text: str) -> bool:
        # A part that has its own topic ("National : Lorvenne renverse…") takes no second one.
        return _TOPIC_COLON.search(text) is None

    # A part of one or two words ("IA") is a topic, not a title.
    parts = [p[:1].upper() + p[1:] for p in _parts(title) if len(p.split()) > 2]
    candidates: list[str] = []
    hook = _rubric_hook(doc, title) if doc is not None else None
    if hook:
        candidates += [hook] if matcher.in_text(hook) or not leadable(hook) else [led(hook), hook]
    candidates += [title] if matcher.in_text(title) or not leadable(title) else [led(title), title]
    # A later part led by the keyphrase only when the keyphrase is a name ("OpenAI : Sam
    # Altman retourne à la maison"): a common noun in front of it replaces the part's own topic
    # ("Parité … en Tunisie : au-dessous de la moyenne" became "Participation des femmes :
    # au-dessous de la moyenne", held-out corpus 08).
    for part in parts[1:] if len(parts) > 1 else []:
        if matcher.in_text(part):
            candidates.append(part)
        elif _names_keyphrase(keyphrase):
            candidates.append(led(part))
    if len(parts) > 1:
        # The keyphrase in front of a verbless first part makes a label with a prefix
        # ("Participation des femmes : parité hommes-femmes en Tunisie"): the part alone, then.
        head = parts[0]
        said = has_finite_verb(head) or _names_keyphrase(keyphrase)
        candidates += [head] if matcher.in_text(head) or not said else [led(head), head]
    title_trims = [t.text.rstrip(" .") for t in trims(title, aggressive=True)[1:]]
    # Its heads at a natural break or before a last coordinated verb: the author's words, as
    # far as they make a whole headline ("… lève 18 millions d’euros | pour surveiller…").
    # Not at a comma, which may cut an enumeration ("… de Sam Altman | , Microsoft et OpenAI
    # est important"), nor without a verb — but after a topic's colon, the comma parts a
    # headline's own facts ("Incendie à Lyon : un enfant sauvé par un voisin | , trois blessés").
    heads = [
        h
        for h in _break_heads(title)
        if (title[len(h) : len(h) + 1] != "," and has_finite_verb(h)) or _told_after_topic(h)
    ] + _coordination_heads(title)
    title_trims += [h for h in heads if h not in title_trims]
    candidates += title_trims + [
        led(t) for t in title_trims if not matcher.in_text(t) and leadable(t)
    ]
    # The lead's sentences, compressed (checked for support below), alone or led by the
    # keyphrase: what the title cannot hold within 600 px, the lead's main event may.
    lead = _lead_titles(paragraphs)
    trusted = set(candidates)
    candidates += lead
    # No keyphrase put in front of a sentence of the lead that does not name it: "Franck
    # Delorme : Yanis Belkacem a été l’homme du match" reads as the coach's words (the
    # reporter's, on an unseen match report), "Nazis : pourtant, la violence me manque" as
    # its topic (held-out corpus 06).
    # A keyphrase that closes a candidate as its last complement ("… son poste de PDG
    # d’OpenAI") moves to the front as its topic ("OpenAI : … son poste de PDG"): the same
    # words, the complement said once.
    lifted = {
        c: led(t)
        for c in list(candidates)
        if (t := _without_closing(c, keyphrase) or _apposition_lifted(c, keyphrase))
    }
    candidates += lifted.values()
    # The title's own words with its keyphrase moved to the front are still the title's words.
    lifted_own = {v for c, v in lifted.items() if c in trusted}
    # What the story is: the title's words, the first paragraph's main event, or a sentence
    # saying what the title says. A later sentence opening on the keyphrase ("Pistes
    # cyclables : les riverains ont été consultés") says a detail; it leads only when nothing
    # else can.
    opening, own = set(_lead_titles(paragraphs[:1])), _content(title)
    told = {t for t in lead if t in opening or 2 * len(_content(t) & own) >= len(_content(t))}
    main = (
        trusted
        | told
        | {led(t) for t in told}
        | {v for c, v in lifted.items() if c in trusted or c in told}
    )

    def key(c: str) -> tuple[int, int, int, int]:
        # Yoast keyphraseInSEOTitle: the keyphrase in it; then the title's own words; then the
        # 400–600 px Google shows; then the exact keyphrase at the start (function words aside)
        # of the story's main event. Width before the keyphrase's place: a title cut short to
        # put the keyphrase first loses the headline's news, or its hook (issue 16: "SEO title
        # 400–600 px"; Yoast only asks the keyphrase to come first).
        has_kp = matcher.in_text(c)
        wide = text_width(c) >= SEO_TITLE_MIN_PX
        at_start = leads_with(c, keyphrase)
        # The headline's own words before a body sentence, even one that opens on the
        # keyphrase: read blind, an SEO title lifted from the body was "a random sentence"
        # (docs/calibration.md).
        own_words = c in trusted or c in lifted_own
        return (-int(has_kp), int(not own_words), -int(wide), -int(at_start and c in main))

    fitting = [c for c in dict.fromkeys(candidates) if text_width(c) <= SERP_TITLE_MAX_PX]
    ranked = sorted(fitting, key=key)  # stable: the title's candidates first among equals
    verbatim = "\n".join([*trusted, *lifted_own, " ".join(" ".join(p.split()) for p in paragraphs)])
    best = first_supported(ranked, verbatim, supported, usable=stands_alone) if ranked else None
    if best is not None and not matcher.in_text(best) and best not in main:
        # A lead sentence that neither holds the keyphrase nor says what the title says ("L’étude
        # a été soumise au journal…" for a headline on water found by a telescope, read blind):
        # the title itself, even a little wider than Google shows, tells the story.
        best = None
    if best is None:
        # Never a label (the old fallback, "Microsoft et l’IA"): the title, cut at a natural
        # break when it is wider than Google shows.
        return fit_title(title)
    # Short: extend it with a clause of the lead that it does not already say.
    if text_width(best) < SEO_TITLE_MIN_PX and (ext := _extend(best, paragraphs, supported)):
        return ext
    return best


_CLOSING_DE = re.compile(r"\s+(?:de|du|des|d[’']|à|au|aux)\s*$", re.IGNORECASE)
_CHEZ = re.compile(r"\s+chez\s*$", re.IGNORECASE)
#: A noun before the complement: "fin" in "La fin des trottinettes…" (its determiner just
#: before it), not a verb's object ("interdit des trottinettes").
_NOUN_END = re.compile(
    r"(?i)(?:^|\s)(?:l[’']|(?:le|la|les|un|une|ce|cette|ces|son|sa|ses|leur|leurs)\s)[\w-]+$"
)


def _coordination_heads(title: str) -> list[str]:
    """``title`` without its last coordinated verb phrase ("Les clés pour donner les bonnes
    bactéries à son intestin | et aller bien", "Lorvenne renverse Castelneuf | et s’installe
    sur le podium"): the first one stays whole, and says the headline's first point. Only
    before a verb: "et" between nouns ("Microsoft et OpenAI") is no break."""
    if " et " not in title:
        return []
    doc = parse(title)
    out: list[str] = []
    for t in doc:
        nxt = t.nbor() if t.i + 1 < len(doc) else None
        if t.lower_ != "et" or nxt is None:
            continue
        # The verb itself, or its clitic ("et s’installe", "et le remplace").
        verb = nxt if nxt.pos_ in ("VERB", "AUX") else None
        if verb is None and nxt.pos_ == "PRON" and nxt.i + 1 < len(doc):
            verb = doc[nxt.i + 1] if doc[nxt.i + 1].pos_ in ("VERB", "AUX") else None
        head = title[: t.idx].rstrip(" ,")
        if verb is not None and len(head.split()) >= 4 and _quotes_closed(head):
            out.append(head)
    return out


def _apposition_lifted(text: str, keyphrase: str) -> str | None:
    """``text`` without a name that follows the noun standing for it ("La start-up bordelaise
    Sylvéa lève…" → "La start-up bordelaise lève…"), for the name to lead as the topic: the
    same words, the name said once. Only a determiner and up to three lowercase words before
    the name, so the noun is the name's own apposition, not another actor."""
    if not _names_keyphrase(keyphrase):
        return None
    pos = exact_position(text, keyphrase)
    if pos is None or pos[0] == 0:
        return None
    before, after = text[: pos[0]], text[pos[1] :]
    if not _APPOSED.match(before) or not after.startswith(" ") or len(after.split()) < 2:
        return None
    return f"{before.rstrip()}{after}"


_TOPIC_COLON = re.compile(r"[\s\u00a0\u202f]:\s")
#: "La start-up bordelaise ", "Le ministre ", "L’écrivain sud-coréen ": a determiner and a
#: common noun with its adjectives, nothing else.
_APPOSED = re.compile(r"^(?:L[’']|(?:Le|La|Les|Un|Une)\s)[a-zà-ÿœ’'-]+(?:\s[a-zà-ÿœ’'-]+){0,2}\s$")


def _without_closing(text: str, keyphrase: str) -> str | None:
    """``text`` without the keyphrase where the topic prefix says it again: its last complement
    ("… de PDG d’OpenAI", "… aux compagnies pétrolières") or an apposition between commas ("L’un
    des écrivains les plus célèbres, Hwang Sok-yong, est…"); ``None`` otherwise."""
    pos = exact_position(text, keyphrase)
    if pos is None or pos[0] == 0:
        return None
    before, after = text[: pos[0]], text[pos[1] :]
    if before.endswith(", ") and after.startswith(", "):
        head = f"{before[:-2]} {after[2:]}"
        return head if len(head.split()) >= 3 else None
    if _CHEZ.search(before) and _names_keyphrase(keyphrase):
        # "… retourne à la maison chez OpenAI mais avec Microsoft" → "OpenAI : … à la maison
        # mais avec Microsoft": « chez » + a name is where, never what the verb acts on.
        head = f"{_CHEZ.sub('', before)}{after}"
        return head if len(head.split()) >= 3 else None
    if after.strip(" .…!?"):
        # A noun's complement inside the title ("La fin des trottinettes en libre-service à
        # Montréal" → "La fin à Montréal"): the prefix says what the complement said.
        head = _CLOSING_DE.sub("", before)
        if head == before or not _NOUN_END.search(head) or not after.startswith(" "):
            return None
        head = f"{head}{after}"
        return head if len(head.split()) >= 3 else None
    head = _CLOSING_DE.sub("", before)
    if head == before or len(head.split()) < 3:
        return None
    return head


#: Where a headline can end: a comma, a full stop, a dash, a colon, or before its purpose
#: ("… lève 18 millions d’euros | pour surveiller les forêts"), which says why, not what.
_BREAK = re.compile(r"[,.]\s|\s[–—-]\s|\s:\s|\u00a0:\s|\s(?=pour\s[a-zéè]+(?:er|ir|re)\b)")


def _told_after_topic(head: str) -> bool:
    """``head`` is "topic : a fact" — a verb or a participle said of its own noun phrase
    ("Incendie dans un immeuble de Lyon : un enfant sauvé par un voisin")."""
    topic = _TOPIC_COLON.split(head, maxsplit=1)
    if len(topic) != 2 or "," in topic[1] or len(topic[1].split()) < 3:
        return False
    lex = load_lexicon()
    return has_finite_verb(topic[1]) or any(
        any(a.tag == "K" for a in lex.entry(w).analyses) for w in _WORD.findall(topic[1])[1:]
    )


def _quotes_closed(text: str) -> bool:
    return text.count("«") == text.count("»") and text.count("“") == text.count("”")


def _break_heads(title: str) -> list[str]:
    """``title``'s heads ending at a natural break, of four words or more, no quotation left
    open."""
    heads = [h for m in _BREAK.finditer(title) if _quotes_closed(h := title[: m.start()].rstrip())]
    return [h for h in heads if len(h.split()) >= 4]


def fit_title(title: str) -> str:
    """``title`` as an SEO title: whole when Google shows it whole (600 px), else its longest
    head ending at a natural break (comma, full stop, dash, colon) within it, of four words or
    more — the author's words, as far as Google would show them; whole when it has no such
    break."""
    if text_width(title) <= SERP_TITLE_MAX_PX:
        return title
    # Never inside a quotation ("TRIBUNE. « Sur nos côtes" was one). Narrower than 400 px
    # wastes room; wider than 600 px is cut by Google mid-phrase.
    fitting = [
        h
        for h in _break_heads(title)
        if text_width(h) <= SERP_TITLE_MAX_PX and not _ENUMERATION.match(title[len(h) :])
    ]
    return max(fitting, key=len) if fitting else title


#: A comma opening the rest of an enumeration (", Microsoft et OpenAI"): a head cut there
#: drops some of the actors it lists.
_ENUMERATION = re.compile(
    r",\s+(?:[A-ZÀ-Ý][\w’'-]*|les?|la|l[’']|un|une|des|du)\s*[^,.:;«»]*?\s(?:et|ou)\s"
)


def _lead_titles(paragraphs: Sequence[str], limit: int = 12) -> list[str]:
    """The lead's sentences compressed to at most 600 px, best first (as :func:`_lead_title`
    ranks them), unchecked."""
    out = [
        ((paragraph, index, deletions), text)
        for paragraph, index, deletions, text in _lead_clauses(paragraphs)
        if not poor_start(text, strict=True) and text_width(text) <= SERP_TITLE_MAX_PX
    ]
    return [text for _, text in sorted(out)][:limit]


def _content(text: str) -> set[str]:
    function_words = load_french().function_words
    return {fold(w)[:5] for w in _WORD.findall(text) if fold(w) not in function_words}


def _extend(base: str, paragraphs: Sequence[str], supported: Supported | None = None) -> str | None:
    """``base`` – a clause of the lead (compressed by deletion) that fills the SEO title to
    400–600 px and adds what ``base`` does not say."""
    own = _content(base)
    body = "\n".join(paragraphs)
    options: list[tuple[str, str]] = []
    for _, _, _, clause in _lead_clauses(paragraphs):
        if poor_start(clause, strict=True):
            continue
        new = _content(clause) - own
        if len(new) < 2 or len(new) < len(_content(clause)) / 2:
            continue  # says again what the title says
        if not _content(clause) & own:
            # About something the title does not name: read blind, "Écrans le soir – les
            # établissements ont été tirés au sort" was a random sentence, and "PFAS dans
            # l’eau potable – les résultats sont conformes" a false one.
            continue
        text = f"{base} – {_lower_first(clause, body)}"
        if SEO_TITLE_MIN_PX <= text_width(text) <= SERP_TITLE_MAX_PX:
            options.append((text, clause))
    verbatim = " ".join(" ".join(p.split()) for p in paragraphs)
    chosen = first_supported([c for _, c in options], verbatim, supported, usable=stands_alone)
    return next((t for t, c in options if c == chosen), None)
