"""The filler guard: empty phrases ("Il est important de noter que") count against their
section; a section with too many is a hard violation, a single one is soft."""

from __future__ import annotations

from plume.article import Article
from plume.report import Msg
from plume.verification import GuardViolation
from plume.verify.guards.fields import article_fields, cap, context, label, quote, trim
from plume.verify.guards.words import find_phrases, phrase_list, sentences

__all__ = ["find_filler"]

#: A section is a hard violation when at least this many of its sentences hold an empty phrase…
_FILLER_MIN_HITS = 2
#: …and they are more than this share of its sentences (one sentence in five: a judgement call,
#: the point where a section reads as padding rather than as one tic; see docs/calibration.md).
_FILLER_SHARE = 0.2


def find_filler(article: Article) -> list[GuardViolation]:
    """Empty phrases (``guard_empty_phrases.txt``): every hit is a soft violation located in its
    field; a section (intro, section, FAQ answer) where the sentences holding one exceed
    ``_FILLER_SHARE`` is a hard violation."""
    phrases = phrase_list("guard_empty_phrases.txt")
    out: list[GuardViolation] = []
    per_section: dict[str, tuple[int, int, list[str]]] = {}
    order: list[str] = []
    for f in article_fields(article):
        if f.kind == "slug":
            continue
        sents = sentences(f.text) if f.body else []
        hits = find_phrases(f.text, phrases)
        if f.body:
            n_sent, n_hit, found = per_section.get(f.field, (0, 0, []))
            if f.field not in per_section:
                order.append(f.field)
            hit_sentences = {
                k for k, s in enumerate(sents) for h in hits if s.start <= h.start < s.end
            }
            per_section[f.field] = (n_sent + len(sents), n_hit + len(hit_sentences), found)
            found.extend(h.phrase for h in hits)
        where = label(f.field, f.paragraph)
        for h in hits:
            phrase = quote(f.text[h.start : h.end])
            out.append(
                GuardViolation.of(
                    "filler",
                    f.field,
                    paragraph=f.paragraph,
                    hard=False,
                    message=Msg(
                        f"Formule creuse {phrase.fr} dans {where.fr}.",
                        f"Empty phrase {phrase.en} in {where.en}.",
                    ),
                    excerpt=context(f.text, h.start, h.end),
                    hint=Msg(
                        f"Réécris cette phrase sans la formule creuse {phrase.fr} : "
                        "énonce directement le fait.",
                        f"Rewrite this sentence without the empty phrase {phrase.en}: "
                        "state the fact directly.",
                    ),
                )
            )
    for field in order:
        n_sent, n_hit, found = per_section[field]
        if n_hit < _FILLER_MIN_HITS or n_sent == 0 or n_hit / n_sent <= _FILLER_SHARE:
            continue
        where = label(field)
        quoted = [quote(p) for p in dict.fromkeys(found)]
        listed = Msg(", ".join(q.fr for q in quoted), ", ".join(q.en for q in quoted))
        out.append(
            GuardViolation.of(
                "filler",
                field,
                hard=True,
                message=Msg(
                    f"{cap(where.fr)} est du remplissage : {n_hit} phrases sur {n_sent} "
                    "contiennent une formule creuse.",
                    f"{cap(where.en)} is padding: {n_hit} of {n_sent} sentences hold an "
                    "empty phrase.",
                ),
                excerpt=trim(listed.fr, 120),
                hint=Msg(
                    f"Réécris {where.fr} sans formules creuses ({listed.fr}) : chaque phrase "
                    "doit apporter un fait des sources.",
                    f"Rewrite {where.en} without empty phrases ({listed.en}): every "
                    "sentence must carry a fact from the sources.",
                ),
            )
        )
    return out
