"""The studio's words, French first, English with ``?lang=en``.

French strings are written with ordinary spaces and quotes and passed once through
:func:`french_typography`, so the page always gets the no-break spaces French typography asks
for (U+00A0 before « : », U+202F before ; ! ? and inside « », typographic apostrophe) without
anyone typing invisible characters.
"""

from __future__ import annotations

import re

from plume.report import Msg
from plume.text import french_spacing

__all__ = ["CATALOG", "edit_kind", "french_typography", "number", "translate"]

#: Beyond the shared spacing: typographic apostrophes, and a narrow space before "%" after a
#: placeholder too ("{share} %" is filled in later; the shared rule wants a digit).
_EXTRA_RULES = (
    (re.compile(r"(\w)'(\w)"), "\\1’\\2"),
    (re.compile(r" %"), "\u202f%"),
)


def french_typography(text: str) -> str:
    """The interface's French typography: :func:`plume.text.french_spacing` plus
    :data:`_EXTRA_RULES`."""
    text = french_spacing(text)
    for pattern, repl in _EXTRA_RULES:
        text = pattern.sub(repl, text)
    return text


_FR_EN: dict[str, Msg] = {
    "app.tagline": Msg(
        "Articles français prêts pour le web : audit SEO et lisibilité, optimisation fidèle.",
        "French articles ready for the web: SEO and readability audit, faithful optimisation.",
    ),
    "nav.new": Msg("Nouvel article", "New article"),
    "nav.history": Msg("Historique", "History"),
    "nav.other_lang": Msg("English", "Français"),
    "form.title": Msg("Votre article", "Your article"),
    "form.paste": Msg(
        "Collez le texte (la consigne en première ligne est comprise)",
        "Paste the text (a brief on the first line is understood)",
    ),
    "form.format": Msg("Format du texte collé", "Format of the pasted text"),
    "form.format_auto": Msg("Détecté automatiquement", "Detected automatically"),
    "form.format_txt": Msg("Texte brut", "Plain text"),
    "form.pasted_name": Msg("texte collé", "pasted text"),
    "form.or_upload": Msg(
        "ou envoyez un fichier .txt, .md, .html ou .docx",
        "or upload a .txt, .md, .html or .docx file",
    ),
    "form.limit": Msg("Limite : {size}.", "Limit: {size}."),
    "form.brief": Msg("Consigne", "Brief"),
    "form.brief_found": Msg("Consigne comprise : {brief}", "Brief understood: {brief}"),
    "form.keyphrase": Msg("Expression clé", "Keyphrase"),
    "form.keyphrase_help": Msg(
        "Vide : celle de la consigne, sinon une suggestion.",
        "Empty: the brief's, else a suggestion.",
    ),
    "form.synonyms": Msg("Synonymes (séparés par des virgules)", "Synonyms (comma-separated)"),
    "form.min_words": Msg("Nombre de mots visé", "Word target"),
    "form.seo_title": Msg("Titre SEO (analyse)", "SEO title (analysis)"),
    "form.meta": Msg("Méta-description (analyse)", "Meta description (analysis)"),
    "form.slug": Msg("Slug (analyse)", "Slug (analysis)"),
    "form.mode": Msg("Mode", "Mode"),
    "form.faithful": Msg(
        "Fidèle : garde les phrases de l'auteur",
        "Faithful: keeps the author's sentences",
    ),
    "form.rewrite": Msg("Réécriture", "Rewrite"),
    "form.backend": Msg("Moteur", "Backend"),
    "form.backend_local": Msg(
        "Modèle embarqué (Gemma 3 270M, sans réseau)",
        "Embedded model (Gemma 3 270M, offline)",
    ),
    "form.backend_remote": Msg(
        "Compatible OpenAI (point d’accès configuré sur le serveur)",
        "OpenAI-compatible (endpoint configured on the server)",
    ),
    "form.no_model": Msg(
        "Sans modèle (intertitres déterministes, plus rapide)",
        "No model (deterministic headings, faster)",
    ),
    "form.analyse": Msg("Analyser", "Analyse"),
    "form.optimise": Msg("Optimiser", "Optimise"),
    "form.options": Msg("Options", "Options"),
    "run.progress": Msg("Travail en cours", "Working"),
    "run.elapsed": Msg("{s} s écoulées", "{s} s elapsed"),
    "run.failed": Msg("Échec", "Failed"),
    "run.network": Msg(
        "Le studio ne répond pas : est-il toujours lancé ?",
        "The studio does not answer: is it still running?",
    ),
    "run.empty": Msg("Collez un texte ou choisissez un fichier.", "Paste a text or choose a file."),
    "run.too_large": Msg(
        "Fichier trop volumineux : {size} pour une limite de {limit}. Réduisez-le ou augmentez la limite (PLUME_STUDIO__MAX_UPLOAD_BYTES).",
        "File too large: {size} for a limit of {limit}. Make it smaller or raise the limit (PLUME_STUDIO__MAX_UPLOAD_BYTES).",
    ),
    "res.title_analyse": Msg("Analyse", "Analysis"),
    "res.title_optimise": Msg("Optimisation", "Optimisation"),
    "res.scores": Msg("Scores", "Scores"),
    "res.seo": Msg("SEO", "SEO"),
    "res.readability": Msg("Lisibilité", "Readability"),
    "res.typography": Msg("Typographie", "Typography"),
    "res.before": Msg("avant", "before"),
    "res.after": Msg("après", "after"),
    "res.checks": Msg("Contrôles", "Checks"),
    "res.checks_help": Msg(
        "Les problèmes d'abord. Cliquez un contrôle pour surligner ses passages dans le texte.",
        "Problems first. Click a check to highlight its passages in the text.",
    ),
    "res.no_span": Msg("(rien à surligner)", "(nothing to highlight)"),
    "res.was": Msg("avant : {rating}", "before: {rating}"),
    "res.serp": Msg("Aperçu dans Google", "Google preview"),
    "res.desktop": Msg("Ordinateur", "Desktop"),
    "res.mobile": Msg("Mobile", "Mobile"),
    "res.serp_note": Msg(
        "Coupé à la largeur en pixels de Google : titre {tmax} px, description {dmax} px. Les largeurs mobiles sont des estimations.",
        "Cut at Google's pixel width: title {tmax} px, description {dmax} px. Mobile widths are estimates.",
    ),
    "res.no_title": Msg("(pas de titre SEO)", "(no SEO title)"),
    "res.no_meta": Msg(
        "(pas de méta-description : Google en choisira une dans le texte)",
        "(no meta description: Google will pick one from the text)",
    ),
    "res.original": Msg("Original (nettoyé)", "Original (cleaned)"),
    "res.optimised": Msg("Optimisé", "Optimised"),
    "res.text": Msg("Texte analysé (nettoyé)", "Analysed text (cleaned)"),
    "res.cleaning": Msg("Journal de nettoyage", "Cleaning log"),
    "res.cleaning_legend": Msg(
        "␣ espace, ⍽ espace insécable, ⁿ⍽ espace fine insécable, ↵ saut de ligne, ∅ rien.",
        "␣ space, ⍽ no-break space, ⁿ⍽ narrow no-break space, ↵ line break, ∅ nothing.",
    ),
    "res.cleaning_none": Msg("Aucune correction.", "No fix."),
    "res.cleaning_findings": Msg("À vérifier (non corrigé)", "To check (not fixed)"),
    "res.facts": Msg("Vérification des faits", "Fact check"),
    "res.facts_ok": Msg(
        "{n} faits (nombres, dates, noms, citations), tous présents dans la source.",
        "{n} facts (numbers, dates, names, quotations), all in the source.",
    ),
    "res.facts_bad": Msg("{n} faits absents de la source :", "{n} facts missing from the source:"),
    "res.downloads": Msg("Téléchargements", "Downloads"),
    "res.downloads_label": Msg("Téléchargements :", "Downloads:"),
    "res.reasons": Msg(" : {reasons}", ": {reasons}"),
    "res.copy_html": Msg("Copier le HTML", "Copy the HTML"),
    "res.copied": Msg("HTML copié.", "HTML copied."),
    "res.copy_failed": Msg(
        "Copie impossible : téléchargez le fichier.",
        "Copy failed: download the file.",
    ),
    "res.words": Msg("{words} mots", "{words} words"),
    "res.words_target": Msg(
        "{words} mots pour {target} visés",
        "{words} words for a target of {target}",
    ),
    "res.words_missing": Msg(
        "Il manque {n} mots : le mode fidèle n'invente rien. Ajoutez des sources ou utilisez le mode réécriture.",
        "{n} words missing: faithful mode invents nothing. Add sources or use rewrite mode.",
    ),
    "res.keyphrase": Msg("Expression clé : « {kp} » ({source})", "Keyphrase: '{kp}' ({source})"),
    "res.kp.flag": Msg("donnée", "given"),
    "res.kp.brief": Msg("consigne", "brief"),
    "res.kp.suggested": Msg("suggérée", "suggested"),
    "res.generated": Msg("Propositions du modèle", "Model proposals"),
    "res.accepted": Msg("retenue", "kept"),
    "res.rejected": Msg("écartée", "rejected"),
    "res.notes": Msg("Remarques", "Notes"),
    "res.again": Msg("Reprendre ce texte", "Start again from this text"),
    "res.run": Msg("Passage {id}, {date}", "Run {id}, {date}"),
    "res.model": Msg("Modèle : {model}", "Model: {model}"),
    "res.no_model": Msg("Sans modèle", "No model"),
    "rw.title": Msg("Réécriture : le verdict", "Rewrite: the verdict"),
    "rw.passed": Msg(
        "Toutes les contraintes sont tenues : l'article peut être publié.",
        "Every hard constraint holds: the article can be published.",
    ),
    "rw.failed": Msg(
        "Article en échec : à ne pas publier tel quel. Le dernier brouillon est gardé (article.draft.md), marqué en échec.",
        "Failing article: do not publish as is. The last draft is kept (article.draft.md), marked as failing.",
    ),
    "rw.failures": Msg("Contraintes non tenues :", "Constraints not met:"),
    "rw.plan_model": Msg("plan du modèle", "model's plan"),
    "rw.plan_deterministic": Msg("plan déterministe", "deterministic plan"),
    "rw.rounds": Msg(
        "{plan}, {rounds} tour(s) de réparation, {repairs} reprise(s)",
        "{plan}, {rounds} repair round(s), {repairs} redo(s)",
    ),
    "rw.tokens": Msg(
        "Jetons : {prompt} lus, {completion} générés, {calls} appels, {seconds} s",
        "Tokens: {prompt} read, {completion} generated, {calls} calls, {seconds} s",
    ),
    "rw.cost": Msg("coût : {cost}", "cost: {cost}"),
    "rw.ratio": Msg(
        "générés / article : {ratio} (objectif ≤ 1,5)",
        "generated / article: {ratio} (target ≤ 1.5)",
    ),
    "rw.originality": Msg(
        "Originalité : {share} % de suites de 8 mots copiées des sources (plafond : {ceiling} %)",
        "Originality: {share}% of 8-word sequences copied from the sources (ceiling: {ceiling}%)",
    ),
    "rw.quoted": Msg(
        "{n} suites dans des citations des sources, non comptées : la vérification des faits "
        "les veut mot pour mot",
        "{n} sequences in quotations of the sources, not counted: the fact check wants them "
        "word for word",
    ),
    "rw.to_check": Msg(
        "À vérifier (n'empêche pas la publication)",
        "To check (does not block publishing)",
    ),
    "rw.removed": Msg("Phrases retirées", "Sentences removed"),
    "rw.translated": Msg("Sources traduites : {names}", "Sources translated: {names}"),
    "rw.contradictions": Msg(
        "Contradictions entre les sources", "Contradictions between the sources"
    ),
    "res.fields": Msg("Champs écrits par plume", "Fields written by plume"),
    "res.field.title": Msg("Titre (H1)", "Title (H1)"),
    "res.field.seo_title": Msg("Titre SEO", "SEO title"),
    "res.field.meta_description": Msg("Méta-description", "Meta description"),
    "res.verify": Msg("Vérifier", "Check"),
    "res.verify_help": Msg(
        "Vérifier : la source dit-elle ce que dit le champ ? Mêmes acteurs, mêmes rôles, même négation.",
        "Check: does the source say what the field says? Same actors, same roles, same negation.",
    ),
    "res.verifying": Msg("Vérification…", "Checking…"),
    "res.supported": Msg("étayé", "supported"),
    "res.unsupported": Msg("non étayé : {reason}", "not supported: {reason}"),
    "res.evidence": Msg("Source : « {evidence} »", "Source: “{evidence}”"),
    "res.closest": Msg("Phrase la plus proche : « {evidence} »", "Closest sentence: “{evidence}”"),
    "res.unsupported_list": Msg(
        "{n} affirmation(s) non étayée(s) par la source :",
        "{n} statement(s) the source does not support:",
    ),
    "rating.good": Msg("bon", "good"),
    "rating.ok": Msg("à améliorer", "needs work"),
    "rating.bad": Msg("problème", "problem"),
    "rating.na": Msg("sans objet", "not applicable"),
    "hist.title": Msg("Historique des passages", "Run history"),
    "hist.empty": Msg("Aucun passage pour l'instant.", "No run yet."),
    "hist.date": Msg("Date", "Date"),
    "hist.source": Msg("Source", "Source"),
    "hist.action": Msg("Action", "Action"),
    "hist.open": Msg("Ouvrir", "Open"),
    "hist.delete": Msg("Supprimer", "Delete"),
    "hist.confirm": Msg("Supprimer ce passage et ses données ?", "Delete this run and its data?"),
    "hist.compare": Msg("Comparer les deux passages cochés", "Compare the two ticked runs"),
    "hist.pick_two": Msg("Cochez exactement deux passages.", "Tick exactly two runs."),
    "hist.where": Msg("Fichier : {path}", "File: {path}"),
    "cmp.title": Msg("Comparaison de deux passages", "Comparing two runs"),
    "cmp.check": Msg("Contrôle", "Check"),
    "cmp.final": Msg("score final", "final score"),
    "action.analyse": Msg("analyse", "analysis"),
    "action.optimise": Msg("optimisation", "optimisation"),
    "hist.rewrite": Msg("réécriture", "rewrite"),
    "hist.failing": Msg("en échec", "failing"),
    "err.title": Msg("Erreur", "Error"),
    "err.not_found": Msg(
        "Passage introuvable : il a peut-être été supprimé.",
        "Run not found: it may have been deleted.",
    ),
    "err.token": Msg(
        "Accès refusé : ouvrez l'adresse affichée par « plume serve » (elle contient le jeton ?token=…) ou envoyez l'en-tête Authorization: Bearer.",
        "Access denied: open the address printed by 'plume serve' (it carries ?token=…) or send an Authorization: Bearer header.",
    ),
    "err.host": Msg(
        "Hôte refusé : le studio n'accepte que les adresses locales (127.0.0.1, localhost).",
        "Host refused: the studio only accepts local addresses (127.0.0.1, localhost).",
    ),
    "err.origin": Msg("Requête d'une autre origine refusée.", "Cross-origin request refused."),
    "err.bad_file": Msg("Nom de fichier inconnu : {name}.", "Unknown file name: {name}."),
    "err.compare": Msg(
        "Indiquez deux passages à comparer (a et b).",
        "Give two runs to compare (a and b).",
    ),
    "err.verify_analyse": Msg(
        "Ce passage est une analyse : seuls les champs d'une optimisation se vérifient.",
        "This run is an analysis: only an optimisation's fields can be checked.",
    ),
    "err.form": Msg("Formulaire illisible : {detail}.", "Unreadable form: {detail}."),
    "err.edits_mode": Msg(
        "Seule une optimisation fidèle a des modifications à annuler.",
        "Only a faithful optimisation has edits to undo.",
    ),
    "err.edit_not_found": Msg(
        "Modification {id} introuvable dans ce passage.", "Edit {id} not found in this run."
    ),
    # The editor's pass (issue 18): plume's edits of the author's text, each undoable.
    "ed.title": Msg("Modifications du texte de l'auteur", "Edits of the author's text"),
    "ed.help": Msg(
        "Phrases coupées et corrections faites par plume, avant → après. « Annuler » produit "
        "l'article sans la modification (scores et téléchargements suivent) ; « Rétablir » "
        "la remet.",
        "Sentences split and corrections made by plume, before → after. 'Undo' produces the "
        "article without the edit (scores and downloads follow); 'Restore' puts it back.",
    ),
    "ed.none": Msg("Aucune modification du texte de l'auteur.", "No edit of the author's text."),
    "ed.undo": Msg("Annuler", "Undo"),
    "ed.restore": Msg("Rétablir", "Restore"),
    "ed.busy": Msg("L'article est produit à nouveau…", "Producing the article again…"),
    "ed.state.applied": Msg("appliquée", "applied"),
    "ed.state.refused": Msg("annulée", "undone"),
    "ed.state.suggested": Msg("proposée, non appliquée", "suggested, not applied"),
    "ed.kind.clauses": Msg("Phrase coupée (deux propositions)", "Sentence split (two clauses)"),
    "ed.kind.relative": Msg("Phrase coupée (relative)", "Sentence split (relative clause)"),
    "ed.kind.apposition": Msg("Phrase coupée (apposition)", "Sentence split (apposition)"),
    "ed.kind.participle": Msg(
        "Phrase coupée (participiale)", "Sentence split (participial clause)"
    ),
    "ed.kind.active": Msg("Voix active", "Active voice"),
    "ed.kind.COR-SPELLING": Msg("Orthographe", "Spelling"),
    "ed.kind.COR-GRAMMAR": Msg("Grammaire", "Grammar"),
    "ed.kind.COR-DOUBLED-AUX": Msg("Auxiliaire doublé", "Doubled auxiliary"),
    "ed.kind.COR-DECLARATIVE-QUE": Msg(
        "« que » après un verbe déclaratif", "'que' after a declarative verb"
    ),
    "ed.kind.COR-CALQUE": Msg("Calque de traduction", "Translation calque"),
    "err.field": Msg(
        "Champ invalide « {field} » : {detail}.", "Invalid field '{field}': {detail}."
    ),
}

CATALOG: dict[str, dict[str, str]] = {
    "fr": {k: french_typography(m.fr) for k, m in _FR_EN.items()},
    "en": {k: m.en for k, m in _FR_EN.items()},
}


def translate(lang: str, key: str, **values: object) -> str:
    """The text for ``key`` in ``lang`` (fr when unknown), with ``{name}`` values filled in."""
    text = CATALOG.get(lang, CATALOG["fr"])[key]
    return text.format(**values) if values else text


def edit_kind(lang: str, kind: str) -> str:
    """An edit's kind in words ("clauses" → "Phrase coupée (deux propositions)"); a kind this
    catalogue does not know yet is shown as it is."""
    key = f"ed.kind.{kind}"
    return translate(lang, key) if key in CATALOG["fr"] else kind


def number(value: float, digits: int, lang: str) -> str:
    """``value`` with ``digits`` decimals, a decimal comma in French ("1,53")."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "fr" else text


def size_text(n: int, lang: str) -> str:
    """Bytes in the unit an editor reads: "5 Mo" / "5 MB" (decimal units, as the 5 MB default)."""
    if n >= 1_000_000:
        value, unit = n / 1_000_000, ("Mo" if lang == "fr" else "MB")
    elif n >= 1000:
        value, unit = n / 1000, ("ko" if lang == "fr" else "kB")
    else:
        return f"{n}\u00a0octets" if lang == "fr" else f"{n} bytes"
    number = f"{value:.1f}".rstrip("0").rstrip(".")
    if lang == "fr":
        number = number.replace(".", ",")
    return f"{number}\u00a0{unit}"
