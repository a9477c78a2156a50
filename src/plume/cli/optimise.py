"""``plume optimise``: write the SEO-ready article package (faithful mode for now)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from plume.cli.options import FileArg, KeyphraseOpt, LangOpt, MinWordsOpt, SynonymOpt
from plume.errors import EXIT_WORDS_MISSING, PlumeError
from plume.optimisation import OptimiseReport
from plume.report import Rating
from plume.settings import load_settings


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
        f"{art.meta_description} [dim]({len(art.meta_description)} car. / 120–156)[/]",
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
            + ("retenues" if fr else "used"),
        )
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
            console.print(f"  [red]✗[/] {v.fact.text}{colon}{v.reason(lang)}", highlight=False)
    if result.words_missing:
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
    for f in files:
        console.print(f"  → {f}", highlight=False)


def optimise_cmd(
    file: FileArg,
    outdir: Annotated[
        Path | None, typer.Option("--output", "-o", help="Dossier de sortie (défaut : NOM-plume).")
    ] = None,
    keyphrase: KeyphraseOpt = None,
    synonym: SynonymOpt = None,
    min_words: MinWordsOpt = None,
    no_model: Annotated[
        bool, typer.Option("--no-model", help="Sans modèle de langue : chemin déterministe.")
    ] = False,
    lang: LangOpt = None,
) -> None:
    """Écrit l’article optimisé : article.md, article.html et report.json (mode fidèle)."""
    from plume.ingest import read_path, read_stdin
    from plume.pipeline import optimise_document
    from plume.render.files import write_outputs
    from plume.render.outputs import render_outputs

    ui = lang or "fr"
    err = Console(stderr=True, soft_wrap=True)
    try:
        settings = load_settings({"lang": lang})
        ui = settings.lang
        doc = read_stdin(settings) if file == "-" else read_path(Path(file), settings)
        backend = None
        if not no_model:
            from plume.backends.local import LocalBackend

            backend = LocalBackend()
        result = optimise_document(
            doc,
            settings,
            published=datetime.now(UTC).replace(microsecond=0),
            keyphrase=keyphrase,
            synonyms=tuple(synonym or ()),
            min_words=min_words,
            backend=backend,
            model_name="gemma-3-270m-q4_k_m (embarqué, llama.cpp)",
        )
        if backend is not None:
            backend.close()
        target = outdir or Path(f"{Path(doc.source.name).stem or 'article'}-plume")
        files = write_outputs(target, render_outputs(result))
    except PlumeError as exc:
        err.print(f"[bold red]plume :[/] {exc.message(ui)}", highlight=False)
        raise typer.Exit(exc.exit_code) from None
    _summary(result, files, Console(), ui)
    if result.words_missing:
        raise typer.Exit(EXIT_WORDS_MISSING)
