"""Correct French (ours: Yoast has no grammar check): Grammalecte's grammar and spelling errors
and plume's own rules for translation calques (:mod:`plume.grammar`).

The checker runs as its own process; :func:`plume.analyse.audit.analyse_cleaned` asks it once
per text and hands its answer to the checks in a :class:`GrammarContext`, so the checks stay
pure. Scored with the typography checks (plume's own score, kept apart from Yoast's), with the
same severity policy: up to ``ISOLATED`` errors a slip (orange), above it a habit (red).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plume.analyse.checks.base import Context, Rule, Threshold, Verdict, bad, check, good, na, ok
from plume.analyse.checks.typography import ISOLATED
from plume.analyse.checks.wording import plural_en, plural_fr
from plume.analyse.researches import Research
from plume.grammar import Correction, ErrorKind, GrammarError, GrammarResult, find_rule_hits
from plume.grammar.client import DISABLED, unavailable_notice
from plume.report import Category, Msg, Span

__all__ = ["MAX_LISTED", "GrammarContext"]

#: Errors quoted in a message; the spans locate them all.
MAX_LISTED = 5

_GRAMMALECTE = "Grammalecte 2.1 (Olivier R., GPL-3), serveur local, options typographiques coupées"


@dataclass(frozen=True)
class GrammarContext(Context):
    """A check's context with the grammar checker's answer for the text (``None``: not asked,
    e.g. a text that is not French)."""

    grammar: GrammarResult | None = None


def _grammar(ctx: Context) -> GrammarResult | None:
    return ctx.grammar if isinstance(ctx, GrammarContext) else None


_NOT_ASKED = Msg(
    "Non évalué : le correcteur n’a pas été consulté pour ce texte.",
    "Not assessed: the checker was not consulted for this text.",
)


def _unavailable(found: GrammarResult | None, *, first: bool) -> Verdict | None:
    """The verdict when the checker gave no errors to judge: not asked (n/a), not run (orange
    on COR-GRAMMAR so the editor sees it — the text was not checked — n/a on the others)."""
    if found is None:
        return na(_NOT_ASKED)
    if found.notice is None:
        return None
    if not first:
        return na(Msg("Non évalué : voir COR-GRAMMAR.", "Not assessed: see COR-GRAMMAR."))
    if found.notice == unavailable_notice(DISABLED):
        return na(found.notice)
    hint = Msg(
        "Installez Grammalecte (apt-get install grammalecte-cli, ou bash scripts/setup.sh en "
        "root) ou donnez l’adresse d’un serveur (réglage grammar.url), puis relancez.",
        "Install Grammalecte (apt-get install grammalecte-cli, or bash scripts/setup.sh as "
        "root) or give a server's address (setting grammar.url), then run again.",
    )
    return ok(found.notice, hint)


def _listed(errors: list[GrammarError]) -> Msg:
    def one(e: GrammarError, lang: str) -> str:
        sugg = " / ".join(f"« {s} »" if lang == "fr" else f'"{s}"' for s in e.suggestions[:3])
        word = f"« {e.text} »" if lang == "fr" else f'"{e.text}"'
        return f"{word} → {sugg}" if sugg else word

    shown = errors[:MAX_LISTED]
    more = len(errors) - len(shown)
    fr = " ; ".join(one(e, "fr") for e in shown) + (f" ; … (+{more})" if more else "")
    en = "; ".join(one(e, "en") for e in shown) + (f"; … (+{more})" if more else "")
    return Msg(fr, en)


def _grade(count: int, rule: Rule, ctx: Context, msg: Msg, hint: Msg, **kw: object) -> Verdict:
    verdict = ok if count <= int(rule.t(ctx, "isolated")) else bad
    return verdict(msg, hint, **kw)


def _after_full_stop(text: str, e: GrammarError) -> bool:
    return text[: e.start].rstrip().endswith(".")


@check(
    Rule(
        code="COR-GRAMMAR",
        category=Category.TYPOGRAPHY,
        name=Msg("Grammaire (Grammalecte)", "Grammar (Grammalecte)"),
        what=Msg(
            "Les fautes de grammaire que signale Grammalecte, le correcteur libre du français : "
            "accords, participes, confusions d’homophones, conjugaisons, locutions. Les noms "
            "propres du texte ne sont pas signalés ; les règles de typographie de Grammalecte "
            "sont coupées (les contrôles TY-* et le nettoyage s’en chargent). Les corrections "
            "sans ambiguïté sont appliquées au nettoyage et journalisées.",
            "The grammar errors Grammalecte, the free French checker, reports: agreement, "
            "participles, homophone confusions, conjugation, set phrases. The text's proper "
            "names are not flagged; Grammalecte's typography rules are off (the TY-* checks and "
            "the cleaner handle typography). Unambiguous corrections are applied by the cleaner "
            "and logged.",
        ),
        why=Msg(
            "Une faute d’accord ou de participe se voit et coûte la confiance du lecteur ; les "
            "traductions automatiques en laissent beaucoup (« a du s’éloigner »).",
            "An agreement or participle error shows and costs the reader's trust; machine "
            "translations leave many (« a du s’éloigner »).",
        ),
        thresholds={
            "isolated": Threshold(
                ISOLATED,
                "plume : 1 ou 2 fautes = oubli (orange), au-delà = habitude (rouge), comme les "
                "contrôles typographiques. Règles : " + _GRAMMALECTE,
            ),
        },
        example_bad="Il a du s’éloigner de la tumulte.",
        example_good="Il a dû s’éloigner du tumulte.",
    )
)
def grammar(r: Research, ctx: Context, rule: Rule) -> Verdict:
    """Grammalecte's grammar errors, a capital missing after a full stop left to
    TY-LOWERCASE-START."""
    found = _grammar(ctx)
    verdict = _unavailable(found, first=True)
    if verdict is not None:
        return verdict
    assert found is not None
    errors = [
        e
        for e in found.of_kind(ErrorKind.GRAMMAR)
        if not (e.group == "maj" and _after_full_stop(r.text, e))
    ]
    value: dict[str, object] = {"errors": len(errors), "checker": found.checker}
    if not errors:
        return good(
            Msg("Aucune faute de grammaire signalée : bien.", "No grammar error: good."),
            value=value,
        )
    k = len(errors)
    message = Msg(
        f"{k} {plural_fr(k, 'faute')} de grammaire : {_listed(errors).fr}",
        f"{k} grammar {plural_en(k, 'error', 'errors')}: {_listed(errors).en}",
    )
    hint = Msg(
        "Corrigez les passages surlignés (les suggestions de Grammalecte suivent la flèche).",
        "Fix the highlighted passages (Grammalecte's suggestions follow the arrow).",
    )
    spans = tuple(Span(start=e.start, end=e.end) for e in errors)
    return _grade(k, rule, ctx, message, hint, spans=spans, value=value)


@check(
    Rule(
        code="COR-SPELLING",
        category=Category.TYPOGRAPHY,
        name=Msg("Orthographe (Grammalecte)", "Spelling (Grammalecte)"),
        what=Msg(
            "Les mots que le dictionnaire de Grammalecte ne connaît pas, avec ses suggestions. "
            "Ne sont pas signalés : les noms (un mot écrit avec une majuscule, ici ou ailleurs "
            "dans le texte), les adresses, et les mots que le français écrit couramment "
            "(emprunts, citations en langue étrangère : au moins une fois par million de mots "
            "selon wordfreq). Une faute à une seule correction possible est corrigée au "
            "nettoyage.",
            "The words Grammalecte's dictionary does not know, with its suggestions. Not "
            "flagged: names (a word written with a capital, here or elsewhere in the text), "
            "addresses, and words French commonly writes (loanwords, quotations in a foreign "
            "language: at least once per million words according to wordfreq). A misspelling "
            "with a single possible correction is corrected by the cleaner.",
        ),
        why=Msg(
            "Une faute d’orthographe est la première chose que remarque un lecteur, et la "
            "dernière qu’il pardonne à un site d’information.",
            "A spelling mistake is the first thing a reader notices, and the last one they "
            "forgive a news site.",
        ),
        thresholds={
            "isolated": Threshold(
                ISOLATED,
                "plume : 1 ou 2 fautes = oubli (orange), au-delà = habitude (rouge). "
                "Dictionnaire : " + _GRAMMALECTE,
            ),
        },
        example_bad="Il joue un rôle dans le dévellopement de l’outil, déja utilisé.",
        example_good="Il joue un rôle dans le développement de l’outil, déjà utilisé.",
    )
)
def spelling(r: Research, ctx: Context, rule: Rule) -> Verdict:
    found = _grammar(ctx)
    verdict = _unavailable(found, first=False)
    if verdict is not None:
        return verdict
    assert found is not None
    errors = list(found.of_kind(ErrorKind.SPELLING))
    value: dict[str, object] = {"errors": len(errors), "checker": found.checker}
    if not errors:
        return good(
            Msg("Aucun mot inconnu du dictionnaire : bien.", "No unknown word: good."),
            value=value,
        )
    k = len(errors)
    message = Msg(
        f"{k} {plural_fr(k, 'mot')} inconnu{'s' if k > 1 else ''} du dictionnaire : "
        f"{_listed(errors).fr}",
        f"{k} {plural_en(k, 'word', 'words')} not in the dictionary: {_listed(errors).en}",
    )
    hint = Msg(
        "Corrigez les mots mal orthographiés ; un terme technique ou un nom en minuscules peut "
        "rester tel quel.",
        "Fix the misspelt words; a technical term or a lower-case name may stay as it is.",
    )
    spans = tuple(Span(start=e.start, end=e.end) for e in errors)
    return _grade(k, rule, ctx, message, hint, spans=spans, value=value)


def _before_after(text: str, hit: Correction) -> str:
    """« before » → « after » on the words around the correction (an insertion or a deletion
    alone says nothing: « dit il » → « dit qu’il »)."""
    left = re.search(r"\S+\s*$", text[: hit.start])
    right = re.match(r"\s*\S+", text[hit.end :])
    a = left.start() if left else hit.start
    b = hit.end + (right.end() if right else 0)
    after = text[a : hit.start] + hit.after + text[hit.end : b]
    return f"« {text[a:b].strip()} » → « {after.strip()} »"


@check(
    Rule(
        code="COR-CALQUE",
        category=Category.TYPOGRAPHY,
        name=Msg("Calques de traduction", "Translation calques"),
        what=Msg(
            "Les tournures traduites mot à mot que Grammalecte ne voit pas, d’après les listes "
            "de plume (lang/fr/data/grammar_*.txt) : l’auxiliaire écrit deux fois (« a "
            "également a ouvert »), un verbe de parole sans « que » (« dit il était prêt »), "
            "un calque figé (« modèles de grands langages »). Le nettoyage les corrige ; ce "
            "contrôle montre ceux qui restent.",
            "Word-for-word translations Grammalecte does not see, from plume's lists "
            "(lang/fr/data/grammar_*.txt): the auxiliary written twice (« a également a "
            "ouvert »), a verb of saying without « que » (« dit il était prêt »), a fixed calque "
            "(« modèles de grands langages »). The cleaner corrects them; this check shows those "
            "left.",
        ),
        why=Msg(
            "Ces tournures signalent une traduction automatique non relue.",
            "These turns of phrase give away an unrevised machine translation.",
        ),
        thresholds={
            "isolated": Threshold(
                ISOLATED,
                "plume : 1 ou 2 = oubli (orange), au-delà = habitude (rouge). Termes : "
                "FranceTerme (« grand modèle de langage ») ; discours rapporté : Riegel, Pellat "
                "et Rioul, Grammaire méthodique du français, ch. XXIII",
            ),
        },
        example_bad="Microsoft dit il était prêt et a également a ouvert ses portes.",
        example_good="Microsoft dit qu’il était prêt et a également ouvert ses portes.",
    )
)
def calques(r: Research, ctx: Context, rule: Rule) -> Verdict:
    """plume's own rules, on the text (no checker needed)."""
    if not r.text.strip():
        return na(Msg("Non évalué : texte vide.", "Not assessed: empty text."))
    # « a du » + infinitive is Grammalecte's error too: reported under COR-GRAMMAR.
    hits = [h for h in find_rule_hits(r.text) if h.rule != "COR-GRAMMAR"]
    value: dict[str, object] = {"calques": len(hits)}
    if not hits:
        return good(
            Msg("Aucun calque de traduction repéré : bien.", "No translation calque: good."),
            value=value,
        )
    k = len(hits)
    shown = " ; ".join(
        f"« {r.text[max(0, h.start - 12) : h.end + 12].strip()} »" for h in hits[:MAX_LISTED]
    )
    message = Msg(
        f"{k} {plural_fr(k, 'calque')} de traduction : {shown}",
        f"{k} translation {plural_en(k, 'calque', 'calques')}: {shown}",
    )
    fixes = " ; ".join(_before_after(r.text, h) for h in hits[:MAX_LISTED])
    hint = Msg(f"Corrigez : {fixes}.", f"Fix: {fixes}.")
    spans = tuple(Span(start=h.start, end=max(h.end, h.start + 1)) for h in hits)
    return _grade(k, rule, ctx, message, hint, spans=spans, value=value)
