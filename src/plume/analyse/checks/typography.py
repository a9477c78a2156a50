"""French typography checks (ours: Yoast has none), after the *Lexique des règles typographiques
en usage à l’Imprimerie nationale* (2002; "Lexique" below).

They make their own score (``Report.typography``, averaged like Yoast's SEO score, on Yoast's 0–9
scale), kept apart from the readability score so that one stays comparable with Yoast's. Scans
run over ``Research.text`` (headings included), except TY-LOWERCASE-START (body blocks) and
TY-REPEATED-SENTENCE (body sentences).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache

from plume import text as T
from plume.analyse.checks.base import (
    Context,
    Rule,
    Threshold,
    Verdict,
    bad,
    check,
    good,
    na,
    ok,
)
from plume.analyse.checks.wording import NBSP, NNBSP, plural_en, plural_fr
from plume.analyse.researches import Research
from plume.report import Category, Msg, Span

_NO_BREAK = frozenset({NBSP, NNBSP})

_LEXIQUE = "Lexique des règles typographiques en usage à l’Imprimerie nationale (2002), "

#: Our severity policy: up to this many occurrences a defect the reader notices once is an
#: isolated slip (orange), above it a habit or a systematic conversion problem (red). No-break
#: spaces are judged as a share of the places that need one instead (a long article offers
#: hundreds), and a sentence repeated word for word is always red (a copy or scraping error).
ISOLATED = 2

_NOTHING = Msg("Non évalué : texte vide.", "Not assessed: empty text.")


def _grade(
    count: int,
    isolated: int,
    msg: Msg,
    hint: Msg,
    spans: tuple[Span, ...],
    value: dict[str, object],
) -> Verdict:
    """Orange up to ``isolated`` occurrences, red above (``count`` > 0)."""
    verdict = ok if count <= isolated else bad
    return verdict(msg, hint, spans=spans, value=value)


# URLs and e-mail addresses: their ":", "?" and "..." are not French punctuation.
_URL_RE = re.compile(r"(?:https?://|ftp://|www\.)[^\s«»<>\"“”]+", re.IGNORECASE)
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


@lru_cache(maxsize=4)
def url_mask(text: str) -> list[tuple[int, int]]:
    """(start, end) of every URL and e-mail address; cached, as three checks need it."""
    out = [(m.start(), m.end()) for m in _URL_RE.finditer(text)]
    if "@" in text:  # the e-mail pattern is slow to fail, run it only when it can match
        out += [(m.start(), m.end()) for m in _EMAIL_RE.finditer(text)]
    return out


def _inside(pos: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in ranges)


# --- TY-NBSP ---------------------------------------------------------------------------------

_NBSP_MARKS_RE = re.compile(r"[;:!?«»]")
_HTML_ENTITY_END_RE = re.compile(r"&#?\w+$")


def nbsp_places(text: str) -> Iterator[tuple[str, Span]]:
    """Each place that needs a no-break space, with its state: "ok", "missing" or "wrong".

    Needs one: before ; : ! ? and », after «. "wrong" means an ordinary (breaking) space where a
    no-break one belongs, so the mark can be thrown to the start of the next line. Not checked:
    URLs and e-mail addresses, times and ratios ("10:30", "16:9"), the second mark of "?!" or
    "!!", a mark after an ellipsis, emoticons (":)"), HTML entities ("&amp;") and marks at the
    very start of a line (nothing to attach them to).

    The span covers the mark and the space to fix (or the mark alone when the space is missing).
    """
    urls = url_mask(text)
    n = len(text)
    for m in _NBSP_MARKS_RE.finditer(text):
        i = m.start()
        c = text[i]
        if urls and _inside(i, urls):
            continue
        if c == "«":
            nxt = text[i + 1] if i + 1 < n else ""
            if nxt in ("", "\n"):
                continue
            if nxt in _NO_BREAK:
                yield "ok", Span(start=i, end=i + 2)
            elif nxt.isspace():
                j = i + 1
                while j < n and text[j].isspace() and text[j] != "\n":
                    j += 1
                yield "wrong", Span(start=i, end=j)
            else:
                yield "missing", Span(start=i, end=i + 1)
            continue
        prev = text[i - 1] if i > 0 else ""
        nxt = text[i + 1] if i + 1 < n else ""
        if prev in ("", "\n"):
            continue
        if c == ":" and prev.isdigit() and nxt.isdigit():
            continue  # 10:30, 16:9
        if c in ":;" and (nxt in ("(", ")") or text[i + 1 : i + 3] in ("-)", "-(")):
            continue  # emoticons :) ;) :-(
        if c in "!?" and prev in "!?….":
            continue  # ?! !! …? : one space before the group only
        if c == ":" and (prev == ":" or nxt == ":"):
            continue  # "::" is code, not prose
        if c == ";" and _HTML_ENTITY_END_RE.search(text, max(0, i - 12), i):
            continue  # &amp; &#8217;
        if prev in _NO_BREAK:
            yield "ok", Span(start=i - 1, end=i + 1)
        elif prev.isspace():
            j = i - 1
            while j > 0 and text[j - 1].isspace() and text[j - 1] != "\n":
                j -= 1
            yield "wrong", Span(start=j, end=i + 1)
        else:
            yield "missing", Span(start=i, end=i + 1)


@check(
    Rule(
        code="TY-NBSP",
        category=Category.TYPOGRAPHY,
        name=Msg("Espaces insécables", "No-break spaces"),
        what=Msg(
            "Vérifie l’espace insécable avant ; : ! ? et à l’intérieur des guillemets « ». "
            "L’espace fine insécable (U+202F) et l’espace insécable (U+00A0) sont acceptées ; "
            "une espace ordinaire ou une absence d’espace est signalée.",
            "Checks the no-break space before ; : ! ? and inside « » quotes. The narrow "
            "no-break space (U+202F) and the no-break space (U+00A0) are both accepted; an "
            "ordinary space or no space is flagged.",
        ),
        why=Msg(
            "En français, ces signes sont précédés d’une espace ; si elle est sécable, le signe "
            "peut se retrouver seul en début de ligne. Sans espace, le texte paraît traduit ou "
            "mal converti.",
            "In French these marks are preceded by a space; a breaking one can leave the mark "
            "alone at the start of a line. With no space, the text looks translated or badly "
            "converted.",
        ),
        thresholds={
            "ok_share": Threshold(
                10,
                "plume : jusqu’à 10 % de places fautives = oubli ponctuel (orange), au-delà = "
                "habitude (rouge). Règle : " + _LEXIQUE + "« Espacement de la ponctuation » "
                "(espace fine insécable avant ; ! ?, espace-mot insécable avant : et dans « »)",
            ),
        },
        example_bad="Il a demandé : « Pourquoi ? » Réponse: «non»!",
        example_good=f"Il a demandé{NBSP}: «{NBSP}Pourquoi{NNBSP}?{NBSP}» "
        f"Réponse{NBSP}: «{NBSP}non{NBSP}»{NNBSP}!",
    )
)
def nbsp(r: Research, ctx: Context, rule: Rule) -> Verdict:
    """Share of the places needing a no-break space that lack one (missing or ordinary space).

    A narrow no-break space before ":" is accepted although the Lexique prefers a full one:
    both keep the colon on its line, which is what the reader sees.
    """
    places = list(nbsp_places(r.text))
    if not places:
        return na(
            Msg(
                "Non évalué : aucun signe ; : ! ? « » dans le texte.",
                "Not assessed: no ; : ! ? « » in the text.",
            )
        )
    missing = [sp for state, sp in places if state == "missing"]
    wrong = [sp for state, sp in places if state == "wrong"]
    faults = sorted(missing + wrong, key=lambda sp: sp.start)
    share = round(100.0 * len(faults) / len(places), 1)
    value: dict[str, object] = {
        "places": len(places),
        "faults": len(faults),
        "missing": len(missing),
        "wrong_space": len(wrong),
        "share": share,
    }
    if not faults:
        return good(
            Msg(
                f"Les {len(places)} signes ; : ! ? « » ont leur espace insécable : bien.",
                f"All {len(places)} ; : ! ? « » marks have their no-break space: good.",
            ),
            value=value,
        )
    share_txt = f"{share:g}".replace(".", ",")
    detail_fr = ", ".join(
        part
        for part in (
            f"{len(wrong)} avec une espace ordinaire" if wrong else "",
            f"{len(missing)} sans espace" if missing else "",
        )
        if part
    )
    detail_en = ", ".join(
        part
        for part in (
            f"{len(wrong)} with an ordinary space" if wrong else "",
            f"{len(missing)} with none" if missing else "",
        )
        if part
    )
    message = Msg(
        f"{len(faults)} {plural_fr(len(faults), 'signe', 'signes')} sur {len(places)} sans "
        f"espace insécable ({detail_fr}), soit {share_txt} %.",
        f"{len(faults)} of {len(places)} marks lack a no-break space ({detail_en}), i.e. "
        f"{share:g}%.",
    )
    hint = Msg(
        "Mettez une espace insécable avant ; : ! ? et après « / avant » aux endroits surlignés "
        "(fine U+202F de préférence, U+00A0 avant les deux-points). Le nettoyage de plume les "
        "corrige automatiquement (réglage fix_typography).",
        "Put a no-break space before ; : ! ? and after « / before » where highlighted (narrow "
        "U+202F preferably, U+00A0 before colons). plume's cleaner fixes them automatically "
        "(fix_typography setting).",
    )
    verdict = ok if share <= rule.t(ctx, "ok_share") else bad
    return verdict(message, hint, spans=tuple(faults), value=value)


# --- TY-QUOTES -------------------------------------------------------------------------------


_QUOTE_EVENTS_RE = re.compile(r'\n\n|[«»“”"]')


def english_quotes(text: str) -> list[Span]:
    """English quotations ("…" or “…”) outside French guillemets, one span per quotation.

    English quotes *inside* « » are the French second-level quotes (Lexique: « … “…” … »), so
    they are fine. A straight quote after a digit is an inch mark (27"), not a quote. Guillemet
    depth restarts at each block (blank line).
    """
    out: list[Span] = []
    depth = 0
    open_curly: int | None = None
    open_straight: int | None = None

    def close_block() -> None:
        nonlocal open_curly, open_straight, depth
        for pos in (open_curly, open_straight):
            if pos is not None:
                out.append(Span(start=pos, end=pos + 1))
        open_curly = open_straight = None
        depth = 0

    for m in _QUOTE_EVENTS_RE.finditer(text):
        i, c = m.start(), m.group()
        if c == "\n\n":
            close_block()
        elif c == "«":
            depth += 1
        elif c == "»":
            depth = max(0, depth - 1)
        elif depth == 0:
            if c == "“":
                if open_curly is not None:
                    out.append(Span(start=open_curly, end=open_curly + 1))
                open_curly = i
            elif c == "”":
                out.append(Span(start=open_curly if open_curly is not None else i, end=i + 1))
                open_curly = None
            elif c == '"' and not (i > 0 and text[i - 1].isdigit() and open_straight is None):
                if open_straight is None:
                    open_straight = i
                else:
                    out.append(Span(start=open_straight, end=i + 1))
                    open_straight = None
    close_block()
    return sorted(out, key=lambda sp: sp.start)


@check(
    Rule(
        code="TY-QUOTES",
        category=Category.TYPOGRAPHY,
        name=Msg("Guillemets français", "French quotation marks"),
        what=Msg(
            'Repère les guillemets anglais ("…" ou “…”) employés à la place des guillemets '
            "français « ». Les guillemets anglais à l’intérieur de « » (citation dans la "
            "citation) sont corrects.",
            'Finds English quotes ("…" or “…”) used instead of French « » quotes. English '
            "quotes inside « » (a quote within a quote) are correct.",
        ),
        why=Msg(
            "Le français cite entre « » ; les guillemets droits trahissent un copier-coller ou "
            "une conversion ratée et donnent un texte d’aspect négligé.",
            "French quotes with « »; straight quotes betray a copy-paste or a failed conversion "
            "and make the text look careless.",
        ),
        thresholds={
            "isolated": Threshold(
                ISOLATED,
                "plume : 1 ou 2 citations = oubli (orange), au-delà = habitude (rouge). Règle : "
                + _LEXIQUE
                + "« Guillemets » (« » ; “ ” pour une citation dans une citation)",
            ),
        },
        example_bad='Le ministre a parlé d\'un "plan ambitieux".',
        example_good=f"Le ministre a parlé d’un «{NBSP}plan ambitieux{NBSP}».",
    )
)
def quotes(r: Research, ctx: Context, rule: Rule) -> Verdict:
    """Each English quotation outside « » counts once; orange up to 2, red above."""
    if not r.text.strip():
        return na(_NOTHING)
    spans = tuple(english_quotes(r.text))
    value: dict[str, object] = {"english_quotes": len(spans)}
    if not spans:
        return good(
            Msg(
                "Pas de guillemets anglais hors citation : bien.", "No stray English quotes: good."
            ),
            value=value,
        )
    k = len(spans)
    message = Msg(
        f"{k} {plural_fr(k, 'citation', 'citations')} entre guillemets anglais au lieu de « ».",
        f"{k} {plural_en(k, 'quotation', 'quotations')} in English quotes instead of « ».",
    )
    hint = Msg(
        "Remplacez les guillemets surlignés par « » (avec une espace insécable à l’intérieur) ; "
        "gardez “ ” seulement pour une citation à l’intérieur d’une autre.",
        "Replace the highlighted quotes with « » (with a no-break space inside); keep “ ” only "
        "for a quote within a quote.",
    )
    return _grade(k, int(rule.t(ctx, "isolated")), message, hint, spans, value)


# --- TY-LOWERCASE-START ----------------------------------------------------------------------


@cache
def _abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    """Abbreviations from the French data: (exact spellings, lower-case ones matched folded)."""
    from plume.lang.fr import read_list

    abbr = read_list("abbreviations.txt")  # the list FrenchData.abbreviations is read from
    exact = frozenset(a for a in abbr if any(c.isupper() for c in a))
    folded = frozenset(a.lower() for a in abbr if not any(c.isupper() for c in a))
    return exact, folded


def _ends_with_abbreviation(text: str) -> bool:
    """Does ``text`` end with a known abbreviation ("etc.", "cf.", "av. J.-C.")?"""
    exact, folded = _abbreviations()
    tokens = text[-40:].split()  # the longest entries are three short tokens
    for k in (1, 2, 3):
        if len(tokens) < k:
            break
        tail = " ".join(tokens[-k:]).lstrip('(«"“')
        if tail in exact or tail.lower() in folded:
            return True
    return False


#: A single full stop (not "..", not "…"), optional closing quotes or brackets, spaces, optional
#: opening quotes or brackets, then a word.
_CUT_RE = re.compile(
    r"(?<![.…])\.[»\"”’')\]]*[ \t\u00a0\u202f]+[«\"“(\u00a0\u202f ]*(?P<word>\w[\w’'-]*)"
)


def lowercase_starts(r: Research) -> list[Span]:
    """Places where a sentence starts in lower case after a full stop: from the stop to the end
    of the lower-case word.

    Scans each body block's text rather than ``Research.sentences``, so the result does not
    depend on whether the sentence splitter cuts before a lower-case word. Only within a block (a
    list item may start in lower case) and only after a single "." (after "?", "!" or "…",
    French goes on in lower case: « Qui vient ? demanda-t-il. »). Not when the word carries a
    capital inside (iPhone, eBay, iOS), nor after an abbreviation ("etc.", "cf."), nor in a URL.
    """
    out: list[Span] = []
    for p in r.paragraphs:
        text = p.text
        if "." not in text:
            continue
        for m in _CUT_RE.finditer(text):
            word = m.group("word")
            if not word[0].isalpha() or not word[0].islower():
                continue
            if any(c.isupper() for c in word[1:]):
                continue
            dot = m.start()
            if _inside(dot, url_mask(text)):  # rare candidates: mask computed only for them
                continue
            if _ends_with_abbreviation(text[max(0, dot - 40) : dot + 1]):
                continue
            out.append(Span(start=p.start + dot, end=p.start + m.end("word")))
    return out


@check(
    Rule(
        code="TY-LOWERCASE-START",
        category=Category.TYPOGRAPHY,
        name=Msg("Phrase commençant par une minuscule", "Sentence starting in lower case"),
        what=Msg(
            "Repère les phrases qui commencent par une minuscule juste après un point, signe "
            "d’une phrase coupée en deux (« … liés à l’IA. conversation à l’heure du dîner »).",
            "Finds sentences starting in lower case right after a full stop, the mark of a "
            "sentence cut in two (“… linked to AI. conversation at dinner time”).",
        ),
        why=Msg(
            "Une phrase coupée par un point parasite se lit comme deux fragments incompréhensibles ; "
            "c’est souvent un reste de copier-coller ou de mise en page.",
            "A sentence cut by a stray full stop reads as two meaningless fragments; it is often "
            "a leftover from copy-paste or layout.",
        ),
        thresholds={
            "isolated": Threshold(
                ISOLATED,
                "plume : 1 ou 2 cas = orange, au-delà = rouge. Règle : "
                + _LEXIQUE
                + "« Majuscules » (capitale initiale en début de phrase)",
            ),
        },
        example_bad="Les parents s’inquiètent des risques liés à l’IA. conversation à "
        "l’heure du dîner.",
        example_good="Les parents s’inquiètent des risques liés à l’IA, sujet de "
        "conversation à l’heure du dîner.",
        needs_french=False,
    )
)
def lowercase_start(r: Research, ctx: Context, rule: Rule) -> Verdict:
    """Spans run from the suspicious full stop to the end of the lower-case word, so the editor
    sees both sides of the cut."""
    if not r.paragraphs:
        return na(_NOTHING)
    spans = lowercase_starts(r)
    value: dict[str, object] = {"count": len(spans)}
    if not spans:
        return good(
            Msg(
                "Aucune phrase ne commence par une minuscule après un point : bien.",
                "No sentence starts in lower case after a full stop: good.",
            ),
            value=value,
        )
    k = len(spans)
    message = Msg(
        f"{k} {plural_fr(k, 'phrase commence', 'phrases commencent')} par une minuscule après "
        "un point : phrase coupée en deux ?",
        f"{k} {plural_en(k, 'sentence starts', 'sentences start')} in lower case after a full "
        "stop: a sentence cut in two?",
    )
    hint = Msg(
        "À chaque endroit surligné, remplacez le point par une virgule (ou supprimez-le) si la "
        "phrase continue ; sinon mettez une majuscule au mot qui suit.",
        "At each highlighted place, replace the full stop with a comma (or delete it) if the "
        "sentence goes on; otherwise capitalise the next word.",
    )
    return _grade(k, int(rule.t(ctx, "isolated")), message, hint, tuple(spans), value)


# --- TY-REPEATED-SENTENCE --------------------------------------------------------------------

_NON_WORD_RE = re.compile(r"[\W_]+")


def normalise_sentence(s: str) -> str:
    """Case, apostrophes, punctuation and spacing folded: the sentence's comparison key."""
    return _NON_WORD_RE.sub(" ", s.lower()).strip()


@check(
    Rule(
        code="TY-REPEATED-SENTENCE",
        category=Category.TYPOGRAPHY,
        name=Msg("Phrase répétée", "Repeated sentence"),
        what=Msg(
            "Repère les phrases d’au moins 5 mots présentes deux fois ou plus (à la casse, aux "
            "espaces et à la ponctuation près).",
            "Finds sentences of 5 words or more that occur twice or more (ignoring case, "
            "spacing and punctuation).",
        ),
        why=Msg(
            "Une phrase en double est presque toujours une erreur de copier-coller ou "
            "d’extraction ; le lecteur croit à une faute de relecture.",
            "A duplicated sentence is almost always a copy-paste or extraction error; readers "
            "see it as sloppy proofreading.",
        ),
        thresholds={
            "min_words": Threshold(
                5,
                "plume : les phrases plus courtes (« Oui, bien sûr. ») se répètent "
                "légitimement ; dès 5 mots, une répétition exacte n’est plus un hasard",
            ),
        },
        example_bad="Le projet sera présenté en mars. (…) Le projet sera présenté en mars.",
        example_good="Le projet sera présenté en mars. (…) Sa présentation, en mars, "
        "attirera les élus.",
        needs_french=False,
    )
)
def repeated_sentence(r: Research, ctx: Context, rule: Rule) -> Verdict:
    """Always red when found. Spans: every occurrence, the first included, so the editor can
    choose which one to keep."""
    if not r.sentences:
        return na(_NOTHING)
    min_words = int(rule.t(ctx, "min_words"))
    # Identical sentences have the same word count: bucket by count first, so only sentences
    # sharing a length with another get normalised (the costly part).
    by_length: dict[int, list[T.Sentence]] = {}
    for s, n in zip(r.sentences, r.sentence_lengths, strict=True):
        if n >= min_words:
            by_length.setdefault(n, []).append(s)
    groups: dict[str, list[T.Sentence]] = {}
    for bucket in by_length.values():
        if len(bucket) > 1:
            for s in bucket:
                groups.setdefault(normalise_sentence(s.text), []).append(s)
    repeated = sorted((g for g in groups.values() if len(g) > 1), key=lambda g: g[0].start)
    spans = tuple(
        sorted(
            (Span(start=s.start, end=s.end) for g in repeated for s in g),
            key=lambda sp: sp.start,
        )
    )
    value: dict[str, object] = {
        "groups": len(repeated),
        "extra_copies": sum(len(g) - 1 for g in repeated),
        "sentences": [g[0].text[:120] for g in repeated],
    }
    if not repeated:
        return good(
            Msg("Aucune phrase répétée : bien.", "No repeated sentence: good."), value=value
        )
    k = len(repeated)
    first = repeated[0][0].text.strip('«»"“” \u00a0\u202f')
    excerpt = first if len(first) <= 80 else first[:79] + "…"
    message = Msg(
        f"{k} {plural_fr(k, 'phrase apparaît', 'phrases apparaissent')} plusieurs fois, "
        f"par exemple « {excerpt} ».",
        f"{k} {plural_en(k, 'sentence appears', 'sentences appear')} more than once, e.g. "
        f"“{excerpt}”.",
    )
    hint = Msg(
        "Supprimez les doublons surlignés (gardez l’occurrence la mieux placée) ou reformulez "
        "si la reprise est voulue.",
        "Delete the highlighted duplicates (keep the best-placed one), or rephrase if the "
        "repetition is intended.",
    )
    return bad(message, hint, spans=spans, value=value)


# --- TY-ELLIPSIS -----------------------------------------------------------------------------

#: Three or more dots, possibly spaced (". . ."), instead of the single character "…".
_DOTS_RE = re.compile(r"\.{3,}|\.(?:[ \u00a0\u202f]\.){2,}")


@check(
    Rule(
        code="TY-ELLIPSIS",
        category=Category.TYPOGRAPHY,
        name=Msg("Points de suspension", "Ellipsis"),
        what=Msg(
            "Repère les points de suspension tapés avec trois points (...) au lieu du caractère "
            "« … ».",
            "Finds ellipses typed as three dots (...) instead of the “…” character.",
        ),
        why=Msg(
            "Le caractère … ne se coupe pas en fin de ligne et garde un espacement régulier ; "
            "trois points trahissent une saisie non relue.",
            "The … character never breaks across lines and keeps even spacing; three dots "
            "betray unrevised typing.",
        ),
        thresholds={
            "isolated": Threshold(
                ISOLATED,
                "plume : 1 ou 2 = orange, au-delà = rouge. Règle : "
                + _LEXIQUE
                + "« Points de suspension » (toujours trois, caractère Unicode U+2026)",
            ),
        },
        example_bad="Et puis... plus rien.",
        example_good="Et puis… plus rien.",
        needs_french=False,
    )
)
def ellipsis(r: Research, ctx: Context, rule: Rule) -> Verdict:
    if not r.text.strip():
        return na(_NOTHING)
    urls = url_mask(r.text)
    spans = tuple(
        Span(start=m.start(), end=m.end())
        for m in _DOTS_RE.finditer(r.text)
        if not (urls and _inside(m.start(), urls))
    )
    value: dict[str, object] = {"count": len(spans)}
    if not spans:
        return good(
            Msg("Pas de « ... » à la place de « … » : bien.", "No “...” instead of “…”: good."),
            value=value,
        )
    k = len(spans)
    message = Msg(
        f"{k} {plural_fr(k, 'point', 'points')} de suspension {plural_fr(k, 'tapé', 'tapés')} "
        "avec trois points (...).",
        f"{k} {plural_en(k, 'ellipsis', 'ellipses')} typed as three dots (...).",
    )
    hint = Msg(
        "Remplacez chaque « ... » surligné par le caractère « … » (U+2026).",
        "Replace each highlighted “...” with the “…” character (U+2026).",
    )
    return _grade(k, int(rule.t(ctx, "isolated")), message, hint, spans, value)


# --- TY-APOSTROPHES --------------------------------------------------------------------------

_APOSTROPHE_RE = re.compile(r"['’]")


def apostrophe_spans(text: str) -> tuple[list[Span], list[Span]]:
    """(straight, typographic) apostrophes: those between two letters (l’eau, aujourd’hui).

    A quote mark next to a space or punctuation ('mot') is a single quote, not an apostrophe.
    """
    straight: list[Span] = []
    curly: list[Span] = []
    n = len(text)
    for m in _APOSTROPHE_RE.finditer(text):
        i = m.start()
        if 0 < i < n - 1 and text[i - 1].isalpha() and text[i + 1].isalpha():
            (straight if text[i] == "'" else curly).append(Span(start=i, end=i + 1))
    return straight, curly


@check(
    Rule(
        code="TY-APOSTROPHES",
        category=Category.TYPOGRAPHY,
        name=Msg("Apostrophes homogènes", "Consistent apostrophes"),
        what=Msg(
            "Vérifie que le texte n’emploie qu’un seul type d’apostrophe : typographique (’) "
            "ou droite (').",
            "Checks that the text uses one kind of apostrophe only: typographic (’) or "
            "straight (').",
        ),
        why=Msg(
            "Un mélange d’apostrophes trahit des sources collées bout à bout et gêne la "
            "recherche dans le texte (« l’État » ne trouve pas « l'État »).",
            "Mixed apostrophes betray pasted-together sources and break text search "
            "(“l’État” does not find “l'État”).",
        ),
        thresholds={
            "isolated": Threshold(
                ISOLATED,
                "plume : 1 ou 2 apostrophes minoritaires = orange, au-delà = rouge. Usage : "
                + _LEXIQUE
                + "« Apostrophe » (l’apostrophe typographique ’ est la forme soignée)",
            ),
        },
        example_bad="L'entreprise a réuni l’équipe aujourd'hui.",
        example_good="L’entreprise a réuni l’équipe aujourd’hui.",
        needs_french=False,
    )
)
def apostrophes(r: Research, ctx: Context, rule: Rule) -> Verdict:
    """Consistency only: all ’ or all ' is green. When mixed, the minority style is highlighted
    (ties point at the straight ones: ’ is the typographic norm)."""
    if not r.text.strip():
        return na(_NOTHING)
    straight, curly = apostrophe_spans(r.text)
    value: dict[str, object] = {"straight": len(straight), "typographic": len(curly)}
    if not straight or not curly:
        kind_fr = "typographiques (’)" if curly else "droites (')"
        kind_en = "typographic (’)" if curly else "straight (')"
        if not straight and not curly:
            msg = Msg("Aucune apostrophe dans le texte.", "No apostrophe in the text.")
        else:
            msg = Msg(
                f"Apostrophes homogènes : toutes {kind_fr}.",
                f"Consistent apostrophes: all {kind_en}.",
            )
        return good(msg, value=value)
    minority, minority_key = (
        (straight, "straight") if len(straight) <= len(curly) else (curly, "typographic")
    )
    value["minority"] = minority_key
    k = len(minority)
    if minority_key == "straight":
        message = Msg(
            f"Apostrophes mélangées : {k} {plural_fr(k, 'droite', 'droites')} (') parmi "
            f"{len(curly)} typographiques (’).",
            f"Mixed apostrophes: {k} straight (') among {len(curly)} typographic (’).",
        )
        which = (
            "l’apostrophe droite surlignée" if k == 1 else f"les {k} apostrophes droites surlignées"
        )
        hint = Msg(
            f"Remplacez {which} par l’apostrophe typographique ’ (le nettoyage de plume le fait "
            "avec fix_typography).",
            f"Replace the {k} highlighted straight {plural_en(k, 'apostrophe', 'apostrophes')} "
            "with the typographic ’ (plume's cleaner does it with fix_typography).",
        )
    else:
        message = Msg(
            f"Apostrophes mélangées : {k} {plural_fr(k, 'typographique', 'typographiques')} (’) "
            f"parmi {len(straight)} droites (').",
            f"Mixed apostrophes: {k} typographic (’) among {len(straight)} straight (').",
        )
        hint = Msg(
            "Uniformisez : de préférence, passez tout le texte en apostrophes typographiques ’ "
            "(nettoyage de plume, fix_typography) ; à défaut, remplacez les ’ surlignées par '.",
            "Make them consistent: preferably switch the whole text to typographic ’ (plume's "
            "cleaner, fix_typography); otherwise replace the highlighted ’ with '.",
        )
    return _grade(k, int(rule.t(ctx, "isolated")), message, hint, tuple(minority), value)
