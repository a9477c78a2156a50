"""``plume optimise``: write the SEO-ready article package (faithful or rewrite mode)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from plume.cli.options import KeyphraseOpt, LangOpt, MinWordsOpt, SynonymOpt
from plume.cli.view import print_unsupported
from plume.errors import EXIT_REWRITE_FAILED, EXIT_WORDS_MISSING, ConfigError, PlumeError
from plume.optimisation import OptimiseReport
from plume.report import Msg, Rating
from plume.settings import load_settings


def _summary(result: OptimiseReport, files: list[Path], console: Console, lang: str) -> None:
    """The terminal's account of a run: the article's fields, the model's part, the audit
    before → after, the fact check and the files written."""
    from plume.analyse.pixels import text_width

    colon = Msg("\u00a0: ", ": ").get(lang)
    b, a = result.before, result.after
    art = result.article

    def line(label: Msg, value: str) -> None:
        console.print(f"[bold]{label.get(lang)}[/]{colon}{value}", highlight=False)

    console.rule(Msg("Article optimisé", "Optimised article").get(lang), style="cyan")
    line(Msg("Titre (H1)", "Title (H1)"), art.title)
    line(
        Msg("Titre SEO", "SEO title"),
        f"{art.seo_title} [dim]({text_width(art.seo_title):.0f} px / 600)[/]",
    )
    line(
        Msg("Méta-description", "Meta description"),
        f"{art.meta_description} [dim]({len(art.meta_description)} car. / 121–156)[/]",
    )
    line(Msg("Slug", "Slug"), art.slug)
    kp_from = _KEYPHRASE_FROM.get(result.keyphrase_source or "", Msg("", ""))
    kp_line = f"{result.keyphrase} [dim]({kp_from.get(lang)})[/]"
    if result.synonyms:
        kp_line += Msg(" ; synonymes : ", "; synonyms: ").get(lang) + ", ".join(result.synonyms)
    line(Msg("Expression clé", "Keyphrase"), kp_line)
    target = f" / {result.min_words}" if result.min_words else ""
    h2 = sum(1 for s_ in art.sections if s_.level == 2)
    h3 = len(art.sections) - h2
    line(
        Msg("Longueur", "Length"),
        f"{result.words}{target} {Msg('mots', 'words').get(lang)}, {h2} H2"
        + (f", {h3} H3" if h3 else "")
        + (f", FAQ {len(art.faq)}" if art.faq else ""),
    )
    for s_ in art.sections:
        indent = "  " if s_.level == 2 else "    "
        console.print(f"{indent}[dim]H{s_.level}[/] {s_.heading}", highlight=False)
    split = sum(e.applied and e.kind != "active" for e in result.edits)
    active = sum(e.applied and e.kind == "active" for e in result.edits)
    offered = sum(not e.applied and not e.refused for e in result.edits)
    if split or active or offered:
        said: list[str] = []
        if split:
            x = "s" if split > 1 else ""
            said.append(
                Msg(
                    f"{split} phrase{x} longue{x} coupée{x}", f"{split} long sentence{x} split"
                ).get(lang)
            )
        if active:
            said.append(
                Msg(
                    f"{active} passée{'s' if active > 1 else ''} à la voix active",
                    f"{active} turned active",
                ).get(lang)
            )
        if offered:
            said.append(
                Msg(
                    f"{offered} proposée{'s' if offered > 1 else ''}, non appliquée"
                    + ("s" if offered > 1 else ""),
                    f"{offered} suggested, not applied",
                ).get(lang)
            )
        line(
            Msg("Phrases", "Sentences"),
            ", ".join(said)
            + Msg(
                " (report.json : edits ; --keep-sentences pour les garder)",
                " (report.json: edits; --keep-sentences keeps them)",
            ).get(lang),
        )
    if result.refused_edits:
        n = len(result.refused_edits)
        line(
            Msg("Refusées", "Refused"),
            Msg(
                f"{n} modification{'s' if n > 1 else ''} refusée{'s' if n > 1 else ''} "
                "(--refuse-edit)\u00a0: le texte de l’auteur reste",
                f"{n} edit{'s' if n > 1 else ''} refused (--refuse-edit): the author's text stays",
            ).get(lang),
        )
    if result.model:
        proposed = len(result.generated)
        used = sum(int(g.accepted) for g in result.generated)
        line(
            Msg("Modèle", "Model"),
            Msg(
                f"{result.model} — {proposed} propositions vérifiées, {used} "
                + ("retenue" if used < 2 else "retenues"),
                f"{result.model} — {proposed} checked proposals, {used} used",
            ).get(lang),
        )
    rw = result.rewrite
    if rw is not None:
        u = rw.usage
        cost = f", {u.cost:.4f} (coût)" if u.cost is not None else ""
        line(
            Msg("Réécriture", "Rewrite"),
            Msg(
                f"plan {'du modèle' if rw.plan_source == 'model' else 'déterministe'}, "
                f"{rw.rounds} tour(s) de réparation, {len(rw.repairs)} reprise(s)",
                f"{rw.plan_source} plan, {rw.rounds} repair round(s), {len(rw.repairs)} redo(s)",
            ).get(lang),
        )
        line(
            Msg("Jetons", "Tokens"),
            f"{u.prompt_tokens} → {u.completion_tokens} ({u.calls} appels, {u.seconds:.1f} s{cost})"
            + (
                f" ; générés / article : {rw.generation_ratio:.2f}"
                if rw.generation_ratio is not None
                else ""
            ),
        )
        if result.guards is not None:
            o = result.guards.originality
            share, ceiling = f"{o.share * 100:.0f}", f"{o.ceiling * 100:.0f}"
            text = Msg(
                # A narrow no-break space before "%" in French.
                f"{share}\u202f% de suites de 8 mots copiées (≤ {ceiling}\u202f%)",
                f"{share}% of 8-word sequences copied (≤ {ceiling}%)",
            ).get(lang)
            if o.quoted:
                text += Msg(
                    f" ; {o.quoted} dans des citations des sources, non comptées",
                    f"; {o.quoted} in quotations of the sources, not counted",
                ).get(lang)
            line(Msg("Originalité", "Originality"), text)
            # Soft findings: they do not fail the article, but an editor should read them.
            to_check = Msg("à vérifier", "to check").get(lang)
            for soft in result.guards.violations:
                if not soft.hard:
                    quoted = (
                        Msg(f" «\u202f{soft.excerpt}\u202f»", f" “{soft.excerpt}”").get(lang)
                        if soft.excerpt
                        else ""
                    )
                    console.print(
                        f"  [yellow]?[/] {to_check}{colon}"
                        + escape(f"{soft.message(lang)}{quoted}"),
                        highlight=False,
                    )
        for contradiction in result.contradictions:
            console.print(f"  [yellow]≠[/] {escape(contradiction.message(lang))}", highlight=False)
        removed = Msg("retiré", "removed").get(lang)
        for r in rw.removed:
            console.print(f"  [yellow]−[/] {removed}{colon}{escape(r)}", highlight=False)
        if rw.passed:
            console.print(_PASSED.get(lang))
        else:
            console.print(_FAILING.get(lang))
            for failure in rw.failures:
                console.print(f"  [red]✗[/] {escape(failure)}", highlight=False)
    console.rule(style="cyan")
    console.print(
        f"[bold]{Msg('Score SEO', 'SEO score').get(lang)}[/]{colon}{b.seo.value} → {a.seo.value}   "
        f"[bold]{Msg('Lisibilité', 'Readability').get(lang)}[/]{colon}"
        f"{b.readability.value} → {a.readability.value}",
        highlight=False,
    )
    before = {c.code: c for c in b.checks}
    fixed = [
        c.code
        for c in a.checks
        if c.rating is Rating.GOOD
        and c.code in before
        and before[c.code].rating in (Rating.BAD, Rating.OK)
    ]
    if fixed:
        console.print(
            Msg("Corrigés", "Fixed").get(lang) + colon + ", ".join(fixed), highlight=False
        )
    for c in a.failing():
        if c.rating in (Rating.BAD, Rating.OK) and c.category.value != "info":
            console.print(f"  [red]●[/] {c.code}{colon}{c.message}", highlight=False)
            if c.hint:
                console.print(f"    [dim]→ {c.hint}[/]", highlight=False)
    fc = result.fact_check
    if fc.ok:
        console.print(
            Msg(
                f"Vérification des faits{colon}{len(fc.facts)} faits, tous présents dans la source.",
                f"Fact check{colon}{len(fc.facts)} facts, all in the source.",
            ).get(lang),
            highlight=False,
        )
    else:
        for v in fc.violations:
            console.print(
                f"  [red]✗[/] {escape(v.fact.text)}{colon}{v.reason(lang)}", highlight=False
            )
    print_unsupported(result.unsupported, console, lang)
    # In rewrite mode a shortfall is one of the failing constraints listed above.
    if result.words_missing and result.mode != "rewrite":
        console.print(
            Msg(
                f"[yellow]{result.words} mots pour {result.min_words} visés : il en manque "
                f"{result.words_missing}. Le mode fidèle n’invente rien : ajoutez des sources ou "
                "utilisez le mode réécriture.[/]",
                f"[yellow]{result.words} words for a target of {result.min_words}: "
                f"{result.words_missing} missing. Faithful mode invents nothing: add sources or "
                "use rewrite mode.[/]",
            ).get(lang),
            highlight=False,
        )
    for path in files:
        console.print(f"  → {path}", highlight=False)


#: An edit id (``plume.optimisation.edit_id``): 12 lowercase hex digits.
_EDIT_ID = re.compile(r"[0-9a-f]{12}")


def _refused_ids(given: list[str]) -> frozenset[str]:
    """The ``--refuse-edit`` ids, checked: a mistyped id would refuse nothing, silently."""
    ids = frozenset(g.strip().lower() for g in given)
    for bad in sorted(i for i in ids if not _EDIT_ID.fullmatch(i)):
        raise ConfigError(
            f"--refuse-edit « {bad} » : un identifiant de modification a 12 chiffres "
            "hexadécimaux (champ « id » de report.json).",
            f"--refuse-edit '{bad}': an edit id has 12 hex digits (the 'id' field of report.json).",
        )
    return ids


_KEYPHRASE_FROM = {
    "flag": Msg("donnée", "given"),
    "brief": Msg("de la consigne", "from the brief"),
    "suggested": Msg("choisie par plume", "chosen by plume"),
}
_PASSED = Msg(
    "[green]✓ Toutes les contraintes sont tenues.[/]", "[green]✓ Every hard constraint holds.[/]"
)
_FAILING = Msg(
    "[bold red]✗ Article en échec : contraintes non tenues (dernier brouillon gardé, "
    "marqué en échec).[/]",
    "[bold red]✗ Failing article: hard constraints not met (last draft kept, "
    "marked as failing).[/]",
)


def optimise_cmd(
    files: Annotated[
        list[str],
        typer.Argument(
            help="Fichier(s) (.txt, .md, .html, .docx) ou « - » pour stdin ; plusieurs sources "
            "avec --rewrite."
        ),
    ],
    outdir: Annotated[
        Path | None, typer.Option("--output", "-o", help="Dossier de sortie (défaut : NOM-plume).")
    ] = None,
    keyphrase: KeyphraseOpt = None,
    synonym: SynonymOpt = None,
    min_words: MinWordsOpt = None,
    no_model: Annotated[
        bool, typer.Option("--no-model", help="Sans modèle de langue : chemin déterministe.")
    ] = False,
    rewrite: Annotated[
        bool,
        typer.Option(
            "--rewrite", help="Mode réécriture : un nouvel article écrit par le modèle, vérifié."
        ),
    ] = False,
    backend_name: Annotated[
        str | None,
        typer.Option("--backend", help="Moteur : local (embarqué) ou openai (API compatible)."),
    ] = None,
    model: Annotated[str | None, typer.Option("--model", help="Modèle du moteur distant.")] = None,
    base_url: Annotated[
        str | None, typer.Option("--base-url", help="URL de l’API compatible OpenAI.")
    ] = None,
    model_path: Annotated[
        Path | None, typer.Option("--model-path", help="Fichier GGUF pour le moteur local.")
    ] = None,
    allow_partial: Annotated[
        bool,
        typer.Option(
            "--allow-partial",
            help="Réécriture en échec : écrire quand même l’article, marqué en échec.",
        ),
    ] = False,
    max_repairs: Annotated[
        int, typer.Option("--max-repairs", min=0, max=10, help="Tours de réparation (réécriture).")
    ] = 3,
    originality: Annotated[
        float,
        typer.Option(
            "--originality-ceiling",
            min=0.0,
            max=1.0,
            help="Part maximale de suites de 8 mots copiées des sources (réécriture).",
        ),
    ] = 0.20,
    keep_sentences: Annotated[
        bool,
        typer.Option(
            "--keep-sentences",
            help="Mode fidèle : garder les phrases longues de l’auteur (pas de coupe).",
        ),
    ] = False,
    refuse_edit: Annotated[
        list[str] | None,
        typer.Option(
            "--refuse-edit",
            metavar="ID",
            help="Refuser une modification (l’« id » d’une entrée de edits ou de corrections "
            "dans report.json) : le texte de l’auteur reste. Répétable.",
        ),
    ] = None,
    lang: LangOpt = None,
) -> None:
    """Écrit l’article optimisé : article.md, article.html et report.json (mode fidèle, ou
    réécriture avec --rewrite)."""
    from plume.document import EditorFields
    from plume.grammar import warm_up
    from plume.ingest import read_path, read_stdin
    from plume.pipeline import Mode, OptimiseRequest, optimise
    from plume.render.files import write_outputs
    from plume.render.outputs import render_outputs

    ui = lang or "fr"
    err = Console(stderr=True, soft_wrap=True)
    try:
        refused = _refused_ids(refuse_edit or [])
        settings = load_settings(
            {
                "lang": lang,
                "refused_edits": refused or None,
                "backend": {
                    "name": backend_name,
                    "model": model,
                    "base_url": base_url,
                    "model_path": model_path,
                },
            }
        )
        ui = settings.lang
        # The grammar checker's server (≈ 0.6 s to start) boots while the files are read.
        warm_up(settings.grammar)
        docs = [read_stdin(settings) if f == "-" else read_path(Path(f), settings) for f in files]
        request = OptimiseRequest(
            sources=tuple(docs),
            settings=settings,
            fields=EditorFields(
                keyphrase=keyphrase, synonyms=tuple(synonym or ()), min_words=min_words
            ),
            mode=Mode.REWRITE if rewrite else Mode.FAITHFUL,
            use_model=not no_model,
            max_rounds=max_repairs,
            originality_ceiling=originality,
            keep_sentences=keep_sentences,
        )
        result = optimise(request)
        target = outdir or Path(f"{Path(docs[0].source.name).stem or 'article'}-plume")
        written = write_outputs(target, render_outputs(result, allow_partial=allow_partial))
    except PlumeError as exc:
        err.print(f"[bold red]plume :[/] {exc.message(ui)}", highlight=False)
        raise typer.Exit(exc.exit_code) from None
    _summary(result, written, Console(), ui)
    if not result.passed:
        raise typer.Exit(EXIT_REWRITE_FAILED)
    if result.words_missing:
        raise typer.Exit(EXIT_WORDS_MISSING)
