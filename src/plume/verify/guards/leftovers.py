"""The leftovers guard: no chat leftovers, notes to the editor, placeholders, markup, English
scaffolding or recited instructions in any field."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from plume.article import Article
from plume.lang.fr import read_list, rewrite_prompts
from plume.report import Msg
from plume.verification import GuardViolation
from plume.verify.guards.fields import article_fields, cap, context, label, quote, trim
from plume.verify.guards.words import find_phrases, fold_offsets, in_quote, phrase_list

__all__ = ["RECITED_MIN_WORDS", "find_leftovers"]

#: "[Insérer …]", "[Nom de l’entreprise]", "[…]", "[XX]": brackets holding a placeholder word,
#: capitals, or nothing but an ellipsis. Real articles use "[…]" only inside a quotation, which
#: in_quote lets through.
_BRACKETS = re.compile(
    r"\[\s*(?:(?i:ins[ée]r|ajout|compl[ée]t|insert|add|placeholder|nom|name|date|lien|link|"
    r"url|source|titre|title|chiffre|nombre|number|ville|city|entreprise|company|image|photo|"
    r"citation|quote|mot|keyword|todo|tbd|x{2,})[^\]\n]{0,80}"
    r"|[A-ZÀ-Ý0-9]+(?:[ _’'-]+[A-ZÀ-Ý0-9]+)+|…|\.{3}|)\s*\]"
)

#: Markup and placeholders a model leaves in its answer: what each is called, and its pattern.
_LEFTOVER_PATTERNS: tuple[tuple[Msg, re.Pattern[str]], ...] = (
    (Msg("un bloc de code Markdown", "a Markdown code fence"), re.compile(r"```|~~~")),
    (
        Msg("un titre Markdown", "a Markdown heading"),
        re.compile(r"(?:^|\n)[ \t]{0,3}#{1,6}[ \t]+[^\n]+|(?<=\s)#{2,6}[ \t]+[^\n]+"),
    ),
    (
        Msg("du gras ou de l’italique Markdown", "Markdown bold or italics"),
        re.compile(r"\*\*[^*\n]+\*\*|__[^_\n]+__|(?:^|\n)\s*\*[^*\n]+\*\s*(?:\n|$)"),
    ),
    (
        # Two bullet lines at least: one "* " opening a paragraph is a footnote mark in real
        # articles (corpus 09: "* Cet article, initialement publié en avril 2017…").
        Msg("une liste Markdown", "a Markdown list"),
        re.compile(r"(?:^|\n)[ \t]*[-*+][ \t]+[^\n]+\n[ \t]*[-*+][ \t]+\S"),
    ),
    (
        Msg("une formule de réponse en anglais", "an English reply opener"),
        re.compile(r"(?<!\w)(?:sure|certainly|of course|absolutely)\s*!", re.IGNORECASE),
    ),
    (Msg("un lien Markdown", "a Markdown link"), re.compile(r"\[[^\]\n]+\]\([^)\s]*\)")),
    (
        Msg("une balise HTML", "an HTML tag"),
        re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s+[^<>]*)?/?>|&(?:nbsp|amp|lt|gt|quot);"),
    ),
    (Msg("une accolade (JSON ou gabarit)", "a brace (JSON or template)"), re.compile(r"[{}]")),
    (Msg("un espace réservé entre crochets", "a bracketed placeholder"), _BRACKETS),
    (
        Msg("une marque de travail (TODO, XXX)", "a work marker (TODO, XXX)"),
        re.compile(r"(?<![\w-])(?:TODO|FIXME|TBD|XXX+)(?![\w-])"),
    ),
    (
        Msg("un espace réservé", "a placeholder"),
        re.compile(r"\{\{[^}]*\}\}|<[^<>\n]{1,40}>|(?<!\w)X{2,}(?:[ ,.]X{2,})*(?!\w)"),
    ),
)
_CHAT_LEFTOVER = Msg("un reste de réponse de l’assistant", "a chat leftover")
_FIELD_LABEL = Msg("une étiquette de champ", "a field label")
_RECITED = Msg("une consigne récitée", "a recited instruction")


@cache
def _labels_re() -> re.Pattern[str]:
    labels = sorted(read_list("guard_leftover_labels.txt"), key=len, reverse=True)
    alts = "|".join(
        re.escape(lb).replace("’", "['’]").replace(r"\ ", r"\s+").replace("é", "[ée]")
        for lb in labels
    )
    # At the start of the field, of a line or of a sentence, possibly after Markdown emphasis.
    return re.compile(
        rf"(?:^|\n|(?<=[.!?]\s))[ \t]*[*_]*(?:{alts})[*_]*[ \t\u00a0\u202f]*:",
        re.IGNORECASE,
    )


#: Words in a row shared with plume's own rewrite prompts that make a recited instruction: a
#: small model asked to write sometimes recites its instructions instead. 6 words: the prompts'
#: phrases are longer, and French prose shares no 6-word run with them (docs/calibration.md).
RECITED_MIN_WORDS = 6
_FOLDED_WORD = re.compile(r"[a-z0-9]+")


@cache
def _prompt_ngrams() -> frozenset[tuple[str, ...]]:
    """Every :data:`RECITED_MIN_WORDS`-word run of the rewrite prompts' fixed text."""
    n = RECITED_MIN_WORDS
    grams: set[tuple[str, ...]] = set()
    for value in rewrite_prompts().values():
        for piece in re.split(r"\{[^}]*\}", str(value)):  # placeholders break a run
            words = _FOLDED_WORD.findall(fold_offsets(piece))
            grams.update(tuple(words[i : i + n]) for i in range(len(words) - n + 1))
    return frozenset(grams)


def _recited(text: str) -> Iterator[tuple[int, int]]:
    """Spans of ``text`` recited from the rewrite prompts (overlapping runs merged)."""
    n = RECITED_MIN_WORDS
    grams = _prompt_ngrams()
    words = list(_FOLDED_WORD.finditer(fold_offsets(text)))
    span: tuple[int, int] | None = None
    for i in range(len(words) - n + 1):
        if tuple(w.group() for w in words[i : i + n]) in grams:
            start, end = words[i].start(), words[i + n - 1].end()
            if span is not None and start <= span[1]:
                span = (span[0], end)
            else:
                if span is not None:
                    yield span
                span = (start, end)
    if span is not None:
        yield span


def _leftover_hits(text: str) -> list[tuple[int, int, Msg]]:
    """(start, end, what) of every leftover in ``text``, without overlaps (at one place, the
    phrase lists win over the patterns, and the patterns in their order)."""
    hits: list[tuple[int, int, int, Msg]] = []
    for h in find_phrases(text, phrase_list("guard_leftovers.txt")):
        hits.append((h.start, -h.end, 0, _CHAT_LEFTOVER))
    for m in _labels_re().finditer(text):
        s = m.start() + (len(m.group()) - len(m.group().lstrip()))
        hits.append((s, -m.end(), 1, _FIELD_LABEL))
    for start, end in _recited(text):
        hits.append((start, -end, 1, _RECITED))
    for rank, (name, pattern) in enumerate(_LEFTOVER_PATTERNS, 2):
        for m in pattern.finditer(text):
            if pattern is _BRACKETS and in_quote(text, m.start(), m.end()):
                continue  # "[…]" cutting a quotation is French editorial practice
            hits.append((m.start(), -m.end(), rank, name))
    hits.sort(key=lambda h: (h[0], h[1], h[2], h[3].fr, h[3].en))
    kept: list[tuple[int, int, Msg]] = []
    for start, neg_end, _, name in hits:
        if not kept or start >= kept[-1][1]:
            kept.append((start, -neg_end, name))
    return kept


def find_leftovers(article: Article) -> list[GuardViolation]:
    """Chat leftovers, notes to the editor, placeholders, markup, English scaffolding and
    instructions copied from a source, in any field (hard). One violation per kind of leftover
    and paragraph (a fenced block's two fences are one violation)."""
    out: list[GuardViolation] = []
    for f in article_fields(article):
        text = f.text.replace("-", " ") if f.kind == "slug" else f.text
        where = label(f.field, f.paragraph)
        grouped: dict[str, list[tuple[int, int, Msg]]] = {}
        for hit in _leftover_hits(text):
            grouped.setdefault(hit[2].fr, []).append(hit)
        for hits in grouped.values():
            start, end, what = hits[0]
            pieces = [
                quote(p) for p in dict.fromkeys(trim(text[s:e].strip(), 60) for s, e, _ in hits)
            ]
            shown = Msg(", ".join(p.fr for p in pieces), ", ".join(p.en for p in pieces))
            out.append(
                GuardViolation.of(
                    "leftover",
                    f.field,
                    paragraph=f.paragraph,
                    hard=True,
                    message=Msg(
                        f"{cap(what.fr)} dans {where.fr} : {shown.fr}.",
                        f"{cap(what.en)} in {where.en}: {shown.en}.",
                    ),
                    excerpt=context(text, start, end),
                    hint=Msg(
                        f"Réécris {where.fr} sans {shown.fr} : donne seulement le texte final "
                        "de l’article, sans commentaire, balise, consigne ni espace réservé.",
                        f"Rewrite {where.en} without {shown.en}: give only the article's "
                        "final text, with no comment, markup, instruction or placeholder.",
                    ),
                )
            )
    return out
