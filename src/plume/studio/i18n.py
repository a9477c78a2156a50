"""The studio's words, French first, English with ``?lang=en``.

French strings are written with ordinary spaces and quotes and passed once through
:func:`french_typography`, so the page always gets the no-break spaces French typography asks
for (U+00A0 before « : », U+202F before ; ! ? and inside « », typographic apostrophe) without
anyone typing invisible characters.
"""

from __future__ import annotations

import re

__all__ = ["CATALOG", "french_typography", "number", "translate"]

_RULES = (
    (re.compile(r" ([;!?])(?=$|[\s)»])"), "\u202f\\1"),
    (re.compile(r" :(?=$|\s)"), "\u00a0:"),
    (re.compile(r"« "), "«\u202f"),
    (re.compile(r" »"), "\u202f»"),
    (re.compile(r"(\w)'(\w)"), "\\1’\\2"),
    (re.compile(r" %"), "\u202f%"),
)


def french_typography(text: str) -> str:
    for pattern, repl in _RULES:
        text = pattern.sub(repl, text)
    return text


_FR_EN: dict[str, tuple[str, str]] = {
    "app.tagline": (
        "Articles français prêts pour le web : audit SEO et lisibilité, optimisation fidèle.",
        "French articles ready for the web: SEO and readability audit, faithful optimisation.",
    ),
    "nav.new": ("Nouvel article", "New article"),
    "nav.history": ("Historique", "History"),
    "nav.other_lang": ("English", "Français"),
    "form.title": ("Votre article", "Your article"),
    "form.paste": (
        "Collez le texte (la consigne en première ligne est comprise)",
        "Paste the text (a brief on the first line is understood)",
    ),
    "form.format": ("Format du texte collé", "Format of the pasted text"),
    "form.format_auto": ("Détecté automatiquement", "Detected automatically"),
    "form.format_txt": ("Texte brut", "Plain text"),
    "form.pasted_name": ("texte collé", "pasted text"),
    "form.or_upload": (
        "ou envoyez un fichier .txt, .md, .html ou .docx",
        "or upload a .txt, .md, .html or .docx file",
    ),
    "form.limit": ("Limite : {size}.", "Limit: {size}."),
    "form.brief": ("Consigne", "Brief"),
    "form.brief_found": ("Consigne comprise : {brief}", "Brief understood: {brief}"),
    "form.keyphrase": ("Expression clé", "Keyphrase"),
    "form.keyphrase_help": (
        "Vide : celle de la consigne, sinon une suggestion.",
        "Empty: the brief's, else a suggestion.",
    ),
    "form.synonyms": ("Synonymes (séparés par des virgules)", "Synonyms (comma-separated)"),
    "form.min_words": ("Nombre de mots visé", "Word target"),
    "form.seo_title": ("Titre SEO (analyse)", "SEO title (analysis)"),
    "form.meta": ("Méta-description (analyse)", "Meta description (analysis)"),
    "form.slug": ("Slug (analyse)", "Slug (analysis)"),
    "form.mode": ("Mode", "Mode"),
    "form.faithful": (
        "Fidèle : garde les phrases de l'auteur",
        "Faithful: keeps the author's sentences",
    ),
    "form.rewrite": ("Réécriture", "Rewrite"),
    "form.backend": ("Moteur", "Backend"),
    "form.backend_local": (
        "Modèle embarqué (Gemma 3 270M, sans réseau)",
        "Embedded model (Gemma 3 270M, offline)",
    ),
    "form.backend_remote": (
        "Compatible OpenAI (point d’accès configuré sur le serveur)",
        "OpenAI-compatible (endpoint configured on the server)",
    ),
    "form.no_model": (
        "Sans modèle (intertitres déterministes, plus rapide)",
        "No model (deterministic headings, faster)",
    ),
    "form.analyse": ("Analyser", "Analyse"),
    "form.optimise": ("Optimiser", "Optimise"),
    "form.options": ("Options", "Options"),
    "run.progress": ("Travail en cours", "Working"),
    "run.elapsed": ("{s} s écoulées", "{s} s elapsed"),
    "run.failed": ("Échec", "Failed"),
    "run.network": (
        "Le studio ne répond pas : est-il toujours lancé ?",
        "The studio does not answer: is it still running?",
    ),
    "run.empty": ("Collez un texte ou choisissez un fichier.", "Paste a text or choose a file."),
    "run.too_large": (
        "Fichier trop volumineux : {size} pour une limite de {limit}. Réduisez-le ou augmentez la limite (PLUME_STUDIO__MAX_UPLOAD_BYTES).",
        "File too large: {size} for a limit of {limit}. Make it smaller or raise the limit (PLUME_STUDIO__MAX_UPLOAD_BYTES).",
    ),
    "res.title_analyse": ("Analyse", "Analysis"),
    "res.title_optimise": ("Optimisation", "Optimisation"),
    "res.scores": ("Scores", "Scores"),
    "res.seo": ("SEO", "SEO"),
    "res.readability": ("Lisibilité", "Readability"),
    "res.typography": ("Typographie", "Typography"),
    "res.before": ("avant", "before"),
    "res.after": ("après", "after"),
    "res.checks": ("Contrôles", "Checks"),
    "res.checks_help": (
        "Les problèmes d'abord. Cliquez un contrôle pour surligner ses passages dans le texte.",
        "Problems first. Click a check to highlight its passages in the text.",
    ),
    "res.no_span": ("(rien à surligner)", "(nothing to highlight)"),
    "res.was": ("avant : {rating}", "before: {rating}"),
    "res.serp": ("Aperçu dans Google", "Google preview"),
    "res.desktop": ("Ordinateur", "Desktop"),
    "res.mobile": ("Mobile", "Mobile"),
    "res.serp_note": (
        "Coupé à la largeur en pixels de Google : titre {tmax} px, description {dmax} px. Les largeurs mobiles sont des estimations.",
        "Cut at Google's pixel width: title {tmax} px, description {dmax} px. Mobile widths are estimates.",
    ),
    "res.no_title": ("(pas de titre SEO)", "(no SEO title)"),
    "res.no_meta": (
        "(pas de méta-description : Google en choisira une dans le texte)",
        "(no meta description: Google will pick one from the text)",
    ),
    "res.original": ("Original (nettoyé)", "Original (cleaned)"),
    "res.optimised": ("Optimisé", "Optimised"),
    "res.text": ("Texte analysé (nettoyé)", "Analysed text (cleaned)"),
    "res.cleaning": ("Journal de nettoyage", "Cleaning log"),
    "res.cleaning_legend": (
        "␣ espace, ⍽ espace insécable, ⁿ⍽ espace fine insécable, ↵ saut de ligne, ∅ rien.",
        "␣ space, ⍽ no-break space, ⁿ⍽ narrow no-break space, ↵ line break, ∅ nothing.",
    ),
    "res.cleaning_none": ("Aucune correction.", "No fix."),
    "res.cleaning_findings": ("À vérifier (non corrigé)", "To check (not fixed)"),
    "res.facts": ("Vérification des faits", "Fact check"),
    "res.facts_ok": (
        "{n} faits (nombres, dates, noms, citations), tous présents dans la source.",
        "{n} facts (numbers, dates, names, quotations), all in the source.",
    ),
    "res.facts_bad": ("{n} faits absents de la source :", "{n} facts missing from the source:"),
    "res.downloads": ("Téléchargements", "Downloads"),
    "res.downloads_label": ("Téléchargements :", "Downloads:"),
    "res.reasons": (" : {reasons}", ": {reasons}"),
    "res.copy_html": ("Copier le HTML", "Copy the HTML"),
    "res.copied": ("HTML copié.", "HTML copied."),
    "res.copy_failed": (
        "Copie impossible : téléchargez le fichier.",
        "Copy failed: download the file.",
    ),
    "res.words": ("{words} mots", "{words} words"),
    "res.words_target": (
        "{words} mots pour {target} visés",
        "{words} words for a target of {target}",
    ),
    "res.words_missing": (
        "Il manque {n} mots : le mode fidèle n'invente rien. Ajoutez des sources ou utilisez le mode réécriture.",
        "{n} words missing: faithful mode invents nothing. Add sources or use rewrite mode.",
    ),
    "res.keyphrase": ("Expression clé : « {kp} » ({source})", "Keyphrase: '{kp}' ({source})"),
    "res.kp.flag": ("donnée", "given"),
    "res.kp.brief": ("consigne", "brief"),
    "res.kp.suggested": ("suggérée", "suggested"),
    "res.generated": ("Propositions du modèle", "Model proposals"),
    "res.accepted": ("retenue", "kept"),
    "res.rejected": ("écartée", "rejected"),
    "res.notes": ("Remarques", "Notes"),
    "res.again": ("Reprendre ce texte", "Start again from this text"),
    "res.run": ("Passage {id}, {date}", "Run {id}, {date}"),
    "res.model": ("Modèle : {model}", "Model: {model}"),
    "res.no_model": ("Sans modèle", "No model"),
    "rw.title": ("Réécriture : le verdict", "Rewrite: the verdict"),
    "rw.passed": (
        "Toutes les contraintes sont tenues : l'article peut être publié.",
        "Every hard constraint holds: the article can be published.",
    ),
    "rw.failed": (
        "Article en échec : à ne pas publier tel quel. Le dernier brouillon est gardé (article.draft.md), marqué en échec.",
        "Failing article: do not publish as is. The last draft is kept (article.draft.md), marked as failing.",
    ),
    "rw.failures": ("Contraintes non tenues :", "Constraints not met:"),
    "rw.plan_model": ("plan du modèle", "model's plan"),
    "rw.plan_deterministic": ("plan déterministe", "deterministic plan"),
    "rw.rounds": (
        "{plan}, {rounds} tour(s) de réparation, {repairs} reprise(s)",
        "{plan}, {rounds} repair round(s), {repairs} redo(s)",
    ),
    "rw.tokens": (
        "Jetons : {prompt} lus, {completion} générés, {calls} appels, {seconds} s",
        "Tokens: {prompt} read, {completion} generated, {calls} calls, {seconds} s",
    ),
    "rw.cost": ("coût : {cost}", "cost: {cost}"),
    "rw.ratio": (
        "générés / article : {ratio} (objectif ≤ 1,5)",
        "generated / article: {ratio} (target ≤ 1.5)",
    ),
    "rw.originality": (
        "Originalité : {share} % de suites de 8 mots copiées des sources (plafond : {ceiling} %)",
        "Originality: {share}% of 8-word sequences copied from the sources (ceiling: {ceiling}%)",
    ),
    "rw.quoted": (
        "{n} suites dans des citations des sources, non comptées : la vérification des faits "
        "les veut mot pour mot",
        "{n} sequences in quotations of the sources, not counted: the fact check wants them "
        "word for word",
    ),
    "rw.to_check": (
        "À vérifier (n'empêche pas la publication)",
        "To check (does not block publishing)",
    ),
    "rw.removed": ("Phrases retirées", "Sentences removed"),
    "rw.translated": ("Sources traduites : {names}", "Sources translated: {names}"),
    "rw.contradictions": ("Contradictions entre les sources", "Contradictions between the sources"),
    "rating.good": ("bon", "good"),
    "rating.ok": ("à améliorer", "needs work"),
    "rating.bad": ("problème", "problem"),
    "rating.na": ("sans objet", "not applicable"),
    "hist.title": ("Historique des passages", "Run history"),
    "hist.empty": ("Aucun passage pour l'instant.", "No run yet."),
    "hist.date": ("Date", "Date"),
    "hist.source": ("Source", "Source"),
    "hist.action": ("Action", "Action"),
    "hist.open": ("Ouvrir", "Open"),
    "hist.delete": ("Supprimer", "Delete"),
    "hist.confirm": ("Supprimer ce passage et ses données ?", "Delete this run and its data?"),
    "hist.compare": ("Comparer les deux passages cochés", "Compare the two ticked runs"),
    "hist.pick_two": ("Cochez exactement deux passages.", "Tick exactly two runs."),
    "hist.where": ("Fichier : {path}", "File: {path}"),
    "cmp.title": ("Comparaison de deux passages", "Comparing two runs"),
    "cmp.check": ("Contrôle", "Check"),
    "cmp.final": ("score final", "final score"),
    "action.analyse": ("analyse", "analysis"),
    "action.optimise": ("optimisation", "optimisation"),
    "hist.rewrite": ("réécriture", "rewrite"),
    "hist.failing": ("en échec", "failing"),
    "err.title": ("Erreur", "Error"),
    "err.not_found": (
        "Passage introuvable : il a peut-être été supprimé.",
        "Run not found: it may have been deleted.",
    ),
    "err.token": (
        "Accès refusé : ouvrez l'adresse affichée par « plume serve » (elle contient le jeton ?token=…) ou envoyez l'en-tête Authorization: Bearer.",
        "Access denied: open the address printed by 'plume serve' (it carries ?token=…) or send an Authorization: Bearer header.",
    ),
    "err.host": (
        "Hôte refusé : le studio n'accepte que les adresses locales (127.0.0.1, localhost).",
        "Host refused: the studio only accepts local addresses (127.0.0.1, localhost).",
    ),
    "err.origin": ("Requête d'une autre origine refusée.", "Cross-origin request refused."),
    "err.bad_file": ("Nom de fichier inconnu : {name}.", "Unknown file name: {name}."),
    "err.compare": (
        "Indiquez deux passages à comparer (a et b).",
        "Give two runs to compare (a and b).",
    ),
    "err.form": ("Formulaire illisible : {detail}.", "Unreadable form: {detail}."),
    "err.field": ("Champ invalide « {field} » : {detail}.", "Invalid field '{field}': {detail}."),
}

CATALOG: dict[str, dict[str, str]] = {
    "fr": {k: french_typography(fr) for k, (fr, _) in _FR_EN.items()},
    "en": {k: en for k, (_, en) in _FR_EN.items()},
}


def translate(lang: str, key: str, **values: object) -> str:
    """The text for ``key`` in ``lang`` (fr when unknown), with ``{name}`` values filled in."""
    text = CATALOG.get(lang, CATALOG["fr"])[key]
    return text.format(**values) if values else text


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
