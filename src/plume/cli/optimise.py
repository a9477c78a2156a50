"""``plume optimise``: write the SEO-ready article package (faithful or rewrite mode)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from plume.cli.options import KeyphraseOpt, LangOpt, MinWordsOpt, SynonymOpt
from plume.errors import EXIT_REWRITE_FAILED, EXIT_WORDS_MISSING, ConfigError, PlumeError
from plume.optimisation import OptimiseReport
from plume.report import Rating
from plume.settings import Settings, load_settings


def _summary(result: OptimiseReport, files: list[Path], console: Console, lang: str) -> None:
    fr = lang == "fr"
    colon = "\u00a0: " if fr else ": "
    b, a = result.before, result.after
    art = result.article
    from plume.analyse.pixels import text_width

    def line(label_fr: str, label_en: str, value: str) -> None:
        console.print(f"[bold]{label_fr if fr else label_en}[/]{colon}{value}", highlight=False)

    console.rule(("Article optimisé" if fr else "Optimised article"), style="cyan")
    line("Titre (H1)", "Title (H1)", art.title)
    line(
        "Titre SEO",
        "SEO title",
        f"{art.seo_title} [dim]({text_width(art.seo_title):.0f} px / 600)[/]",
    )
    line(
        "Méta-description",
        "Meta description",
        f"{art.meta_description} [dim]({len(art.meta_description)} car. / 121–156)[/]",
    )
    line("Slug", "Slug", art.slug)
    kp_from = {
        "flag": ("donnée", "given"),
        "brief": ("de la consigne", "from the brief"),
        "suggested": ("choisie par plume", "chosen by plume"),
    }.get(result.keyphrase_source or "", ("", ""))
    kp_line = f"{result.keyphrase} [dim]({kp_from[0] if fr else kp_from[1]})[/]"
    if result.synonyms:
        kp_line += (" ; synonymes : " if fr else "; synonyms: ") + ", ".join(result.synonyms)
    line("Expression clé", "Keyphrase", kp_line)
    target = f" / {result.min_words}" if result.min_words else ""
    h2 = sum(1 for s_ in art.sections if s_.level == 2)
    h3 = len(art.sections) - h2
    line(
        "Longueur",
        "Length",
        f"{result.words}{target} {'mots' if fr else 'words'}, {h2} H2"
        + (f", {h3} H3" if h3 else "")
        + (f", FAQ {len(art.faq)}" if art.faq else ""),
    )
    for s_ in art.sections:
        indent = "  " if s_.level == 2 else "    "
        console.print(f"{indent}[dim]H{s_.level}[/] {s_.heading}", highlight=False)
    if result.model:
        accepted = {g.field: 0 for g in result.generated}
        for g in result.generated:
            accepted[g.field] += int(g.accepted)
        line(
            "Modèle",
            "Model",
            f"{result.model} — {len(result.generated)} "
            + ("propositions vérifiées, " if fr else "checked proposals, ")
            + f"{sum(accepted.values())} "
            + (("retenue" if sum(accepted.values()) < 2 else "retenues") if fr else "used"),
        )
    rw = result.rewrite
    if rw is not None:
        u = rw.usage
        cost = f", {u.cost:.4f} (coût)" if u.cost is not None else ""
        line(
            "Réécriture" if fr else "Rewrite",
            "Rewrite",
            (
                f"plan {'du modèle' if rw.plan_source == 'model' else 'déterministe'}, "
                f"{rw.rounds} tour(s) de réparation, {len(rw.repairs)} reprise(s)"
                if fr
                else f"{rw.plan_source} plan, {rw.rounds} repair round(s), {len(rw.repairs)} redo(s)"
            ),
        )
        line(
            "Jetons",
            "Tokens",
            f"{u.prompt_tokens} → {u.completion_tokens} ({u.calls} appels, {u.seconds:.1f} s{cost})"
            + (
                f" ; générés / article : {rw.generation_ratio:.2f}"
                if rw.generation_ratio is not None
                else ""
            ),
        )
        if result.guards is not None:
            o = result.guards.originality
            pct = "\u202f%" if fr else "%"  # French: a narrow no-break space before "%"
            copied = "de suites de 8 mots copiées" if fr else "of 8-word sequences copied"
            text = f"{o.share * 100:.0f}{pct} {copied} (≤ {o.ceiling * 100:.0f}{pct})"
            if o.quoted:
                text += (
                    f" ; {o.quoted} dans des citations des sources, non comptées"
                    if fr
                    else f"; {o.quoted} in quotations of the sources, not counted"
                )
            line("Originalité", "Originality", text)
            # Soft findings: they do not fail the article, but an editor should read them.
            for soft in result.guards.violations:
                if not soft.hard:
                    quoted = f" «\u202f{soft.excerpt}\u202f»" if fr else f" “{soft.excerpt}”"
                    console.print(
                        f"  [yellow]?[/] {'à vérifier' if fr else 'to check'}{colon}"
                        + escape(f"{soft.message(lang)}{quoted if soft.excerpt else ''}"),
                        highlight=False,
                    )
        for contradiction in result.contradictions:
            console.print(f"  [yellow]≠[/] {escape(contradiction.message(lang))}", highlight=False)
        for r in rw.removed:
            console.print(
                f"  [yellow]−[/] {'retiré' if fr else 'removed'}{colon}{escape(r)}", highlight=False
            )
        if rw.passed:
            console.print(
                "[green]✓ Toutes les contraintes sont tenues.[/]"
                if fr
                else "[green]✓ Every hard constraint holds.[/]"
            )
        else:
            console.print(
                "[bold red]✗ Article en échec : contraintes non tenues (dernier brouillon gardé, "
                "marqué en échec).[/]"
                if fr
                else "[bold red]✗ Failing article: hard constraints not met (last draft kept, "
                "marked as failing).[/]"
            )
            for failure in rw.failures:
                console.print(f"  [red]✗[/] {escape(failure)}", highlight=False)
    console.rule(style="cyan")
    console.print(
        f"[bold]{'Score SEO' if fr else 'SEO score'}[/]{colon}{b.seo.value} → {a.seo.value}   "
        f"[bold]{'Lisibilité' if fr else 'Readability'}[/]{colon}"
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
        console.print(("Corrigés" if fr else "Fixed") + colon + ", ".join(fixed), highlight=False)
    for c in a.failing():
        if c.rating in (Rating.BAD, Rating.OK) and c.category.value != "info":
            console.print(f"  [red]●[/] {c.code}{colon}{c.message}", highlight=False)
            if c.hint:
                console.print(f"    [dim]→ {c.hint}[/]", highlight=False)
    fc = result.fact_check
    if fc.ok:
        console.print(
            (f"Vérification des faits{colon}{len(fc.facts)} faits, tous présents dans la source.")
            if fr
            else f"Fact check{colon}{len(fc.facts)} facts, all in the source.",
            highlight=False,
        )
    else:
        for v in fc.violations:
            console.print(
                f"  [red]✗[/] {escape(v.fact.text)}{colon}{v.reason(lang)}", highlight=False
            )
    # In rewrite mode a shortfall is one of the failing constraints listed above.
    if result.words_missing and result.mode != "rewrite":
        console.print(
            (
                f"[yellow]{result.words} mots pour {result.min_words} visés : il en manque "
                f"{result.words_missing}. Le mode fidèle n’invente rien : ajoutez des sources ou "
                "utilisez le mode réécriture.[/]"
            )
            if fr
            else (
                f"[yellow]{result.words} words for a target of {result.min_words}: "
                f"{result.words_missing} missing. Faithful mode invents nothing: add sources or "
                "use rewrite mode.[/]"
            ),
            highlight=False,
        )
    for path in files:
        console.print(f"  → {path}", highlight=False)


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
    lang: LangOpt = None,
) -> None:
    """Écrit l’article optimisé : article.md, article.html et report.json (mode fidèle, ou
    réécriture avec --rewrite)."""
    from plume.ingest import read_path, read_stdin
    from plume.pipeline import optimise_document, rewrite_documents
    from plume.render.files import write_outputs
    from plume.render.outputs import render_outputs

    ui = lang or "fr"
    err = Console(stderr=True, soft_wrap=True)
    try:
        settings = load_settings(
            {
                "lang": lang,
                "backend": {
                    "name": backend_name,
                    "model": model,
                    "base_url": base_url,
                    "model_path": model_path,
                },
            }
        )
        ui = settings.lang
        if len(files) > 1 and not rewrite:
            raise ConfigError(
                "Le mode fidèle prend un seul fichier ; pour plusieurs sources, ajoutez --rewrite.",
                "Faithful mode takes one file; for several sources, add --rewrite.",
            )
        docs = [read_stdin(settings) if f == "-" else read_path(Path(f), settings) for f in files]
        published = datetime.now(UTC).replace(microsecond=0)
        if rewrite:
            from plume.backends import backend_from_settings

            backend = backend_from_settings(settings.backend)
            try:
                result = rewrite_documents(
                    docs,
                    settings,
                    published=published,
                    backend=backend,
                    keyphrase=keyphrase,
                    synonyms=tuple(synonym or ()),
                    min_words=min_words,
                    model_name=_model_label(settings),
                    max_rounds=max_repairs,
                    originality_ceiling=originality,
                )
            finally:
                backend.close()
        else:
            local = None
            if not no_model:
                from plume.backends.local import LocalBackend

                local = LocalBackend.from_settings(settings.backend)
            try:
                result = optimise_document(
                    docs[0],
                    settings,
                    published=published,
                    keyphrase=keyphrase,
                    synonyms=tuple(synonym or ()),
                    min_words=min_words,
                    backend=local,
                    model_name="gemma-3-270m-q4_k_m (embarqué, llama.cpp)"
                    if local is not None and settings.backend.model_path is None
                    else (str(settings.backend.model_path) if local is not None else None),
                )
            finally:
                if local is not None:
                    local.close()
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


def _model_label(settings: Settings) -> str:
    b = settings.backend
    if b.name == "local":
        return str(b.model_path) if b.model_path else "gemma-3-270m-q4_k_m (embarqué, llama.cpp)"
    return f"{b.name}:{b.model or '?'}"
