"""The ``plume`` command: a thin shell over :mod:`plume.pipeline`.

Errors never show a traceback: a one-line message (French by default) and the exit code
documented in :mod:`plume.errors`.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from plume.cli.options import FileArg, KeyphraseOpt, LangOpt, MinWordsOpt, SynonymOpt
from plume.errors import EXIT_PARTIAL_NOT_FRENCH, PlumeError
from plume.settings import load_settings

app = typer.Typer(
    name="plume",
    help="Articles français prêts pour le SEO : nettoyage, audit SEO et lisibilité.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _fail(err: PlumeError, lang: str) -> None:
    # soft_wrap: one line whatever the terminal width (file paths make messages long).
    Console(stderr=True, soft_wrap=True).print(
        f"[bold red]plume :[/] {err.message(lang)}", highlight=False
    )
    raise typer.Exit(err.exit_code)


@app.command("analyse")
def analyse_cmd(
    file: FileArg,
    keyphrase: KeyphraseOpt = None,
    synonym: SynonymOpt = None,
    title: Annotated[
        str | None, typer.Option("--title", help="Titre SEO (balise <title>).")
    ] = None,
    meta: Annotated[str | None, typer.Option("--meta", help="Méta-description.")] = None,
    slug: Annotated[str | None, typer.Option("--slug", help="Slug de l’URL.")] = None,
    min_words: MinWordsOpt = None,
    fmt: Annotated[str, typer.Option("--format", help="text ou json.")] = "text",
    lang: LangOpt = None,
) -> None:
    """Audit SEO et lisibilité d’un article, à la manière de Yoast pour le français."""
    from plume.analyse.audit import analyse_document
    from plume.cli.view import print_report
    from plume.document import EditorFields
    from plume.ingest import read_path, read_stdin

    ui = lang or "fr"
    try:
        settings = load_settings({"lang": lang})
        ui = settings.lang
        if fmt not in ("text", "json"):
            raise typer.BadParameter("--format attend text ou json")
        doc = read_stdin(settings) if file == "-" else read_path(Path(file), settings)
        fields = EditorFields(
            keyphrase=keyphrase,
            synonyms=tuple(synonym or ()),
            min_words=min_words,
            title=title,
            meta=meta,
            slug=slug,
        )
        report = analyse_document(doc, settings, fields)
    except PlumeError as err:
        _fail(err, ui)
        return
    if fmt == "json":
        sys.stdout.write(report.model_dump_json(indent=2) + "\n")
    else:
        print_report(report, Console())
    if not report.full_analysis:
        warning = (
            f"texte détecté en « {report.detected_language} », pas en français : seuls les "
            "contrôles indépendants de la langue ont été faits (code 10)."
            if ui == "fr"
            else f"text detected as '{report.detected_language}', not French: only the "
            "language-independent checks ran (exit 10)."
        )
        Console(stderr=True, soft_wrap=True).print(
            f"[bold yellow]plume :[/] {warning}", highlight=False
        )
        raise typer.Exit(EXIT_PARTIAL_NOT_FRENCH)


@app.command("rules")
def rules_cmd(
    code: Annotated[
        str | None, typer.Argument(help="Code d’un contrôle, ex. SEO-KP-DENSITY.")
    ] = None,
    lang: LangOpt = None,
) -> None:
    """Liste les contrôles, ou détaille l’un d’eux : ce qu’il vérifie, pourquoi, seuil et source."""
    from plume.cli.view import print_rule, print_rules

    ui = lang or "fr"
    try:
        ui = load_settings({"lang": lang}).lang
        if code:
            print_rule(code, ui, Console())
        else:
            print_rules(ui, Console())
    except PlumeError as err:
        _fail(err, ui)


def _register() -> None:
    from plume.cli.optimise import optimise_cmd
    from plume.cli.serve import serve_cmd
    from plume.cli.verify import verify_cmd

    app.command("optimise")(optimise_cmd)
    app.command("verify")(verify_cmd)
    app.command("clean")(importlib.import_module("plume.cli.clean").clean_cmd)
    app.command("serve")(serve_cmd)
    from plume.cli.backends import backends_app

    app.add_typer(backends_app, name="backends")
    app.command("batch")(importlib.import_module("plume.cli.batch").batch_cmd)


_register()


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        Console(stderr=True).print("plume : interrompu.")
        sys.exit(130)
