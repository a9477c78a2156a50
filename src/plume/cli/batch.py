"""``plume batch``: many articles at once, in parallel, resumable.

The shell only parses options and shows progress; :mod:`plume.batch.runner` does the work.
"""

from __future__ import annotations

import os
import shlex
import sys
import time
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from plume.cli.options import KeyphraseOpt, LangOpt, MinWordsOpt, SynonymOpt
from plume.errors import EXIT_CODES, PlumeError
from plume.report import Msg
from plume.settings import load_settings

#: Why the plan runs or skips an article (``plume.batch.runner``'s reasons).
_REASONS = {
    "new": Msg("nouveau", "new"),
    "changed": Msg("modifié (contenu ou réglages)", "changed (content or settings)"),
    "resume": Msg("interrompu, à refaire", "interrupted, to redo"),
    "retry": Msg("en échec, à réessayer", "failed, to retry"),
    "force": Msg("--force", "--force"),
    "unchanged": Msg("inchangé depuis un lot précédent", "unchanged since a previous batch"),
    "missing": Msg("fichiers de sortie manquants", "output files missing"),
}
_STATUS = {
    "done": Msg("fait", "done"),
    "done_short": Msg("fait, mots manquants", "done, words missing"),
    "failed": Msg("échec", "failed"),
}
#: A label's colon: a no-break space before it in French.
_COLON = Msg("\u00a0: ", ": ")


def _num(x: float, lang: str, digits: int = 1) -> str:
    text = f"{x:.{digits}f}"
    return text.replace(".", ",") if lang == "fr" else text


class _Display:
    """Plain lines on stderr (logs, CI); a rich progress bar when stderr is a terminal."""

    def __init__(self, console: Console, lang: str) -> None:
        self.console = console
        self.lang = lang
        self.total = 0
        self.count = 0
        self.started = time.perf_counter()
        self.progress: Progress | None = None
        self.task: TaskID | None = None

    def start(self, to_run: int, skipped: int, workers: int) -> None:
        self.total = to_run
        self.started = time.perf_counter()
        self.console.print(
            Msg(
                f"Lot\u00a0: {to_run} article(s) à traiter, {skipped} inchangé(s) ignoré(s), "
                f"{workers} en parallèle.",
                f"Batch: {to_run} article(s) to process, {skipped} unchanged skipped, "
                f"{workers} in parallel.",
            ).get(self.lang),
            highlight=False,
        )
        if self.console.is_terminal and to_run:
            self.progress = Progress(
                TextColumn("[bold]plume[/]"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"),
                TimeElapsedColumn(),
                TextColumn(Msg("reste", "ETA").get(self.lang)),
                TimeRemainingColumn(),
                console=self.console,
                transient=False,
            )
            self.task = self.progress.add_task("lot", total=to_run, rate="")
            self.progress.start()

    def advance(self, planned: Any, result: Any, attempts: int) -> None:
        self.count += 1
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        rate = self.count / elapsed
        label = _STATUS.get(result.status, Msg(result.status, result.status)).get(self.lang)
        error = Msg(result.error_fr or "", result.error_en or "").get(self.lang)
        if self.progress is not None and self.task is not None:
            self.progress.update(
                self.task,
                advance=1,
                rate=Msg(f"{_num(rate, self.lang)} art./s", f"{rate:.1f} art/s").get(self.lang),
            )
            if result.status == "failed":
                self.progress.console.print(
                    f"[red]✗[/] {planned.name}{_COLON.get(self.lang)}{error}", highlight=False
                )
            return
        detail = error if result.status == "failed" else f"{_num(result.duration_s, self.lang)} s"
        self.console.print(
            f"[{self.count}/{self.total}] {label} — {planned.name} — {detail}",
            highlight=False,
            markup=False,
        )

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None


def _print_plan(planned: list[Any], console: Console, lang: str) -> None:
    table = Table(title=Msg("Ce que le lot ferait", "What the batch would do").get(lang))
    for col in ("Action", "Article", "Source", Msg("Raison", "Reason").get(lang)):
        table.add_column(col)
    for p in planned:
        action = (Msg("à traiter", "process") if p.action == "run" else Msg("ignoré", "skip")).get(
            lang
        )
        reason = _REASONS.get(p.reason, Msg(p.reason, p.reason)).get(lang)
        table.add_row(action, p.name, p.spec.source, reason)
    console.print(table)
    n = sum(1 for p in planned if p.action == "run")
    console.print(
        Msg(
            f"{n} article(s) à traiter, {len(planned) - n} ignoré(s). Rien n’a été écrit.",
            f"{n} article(s) to process, {len(planned) - n} skipped. Nothing was written.",
        ).get(lang),
        highlight=False,
    )


def _print_summary(summary: Any, console: Console, lang: str, ratio: float) -> None:
    c = _COLON.get(lang)
    table = Table(title=Msg("Bilan du lot", "Batch summary").get(lang))
    table.add_column(Msg("Statut", "Status").get(lang))
    table.add_column("Articles", justify="right")
    rows = [
        (Msg("faits", "done"), summary.done),
        (Msg("faits, mots manquants (mode fidèle)", "done, words missing"), summary.done_short),
        (Msg("en échec", "failed"), summary.failed),
        (Msg("ignorés (inchangés)", "skipped (unchanged)"), summary.skipped),
    ]
    if summary.interrupted:
        rows.append((Msg("restants (interrompu)", "remaining (interrupted)"), summary.pending))
    rows.append((Msg("total", "total"), summary.total))
    for label, n in rows:
        table.add_row(label.get(lang), str(n))
    console.print(table)
    rate = summary.processed / summary.seconds if summary.seconds > 0 else 0.0
    line = Msg(
        f"Durée{c}{_num(summary.seconds, lang)} s — {_num(rate, lang, 2)} article(s)/s — "
        f"{summary.workers} en parallèle",
        f"Duration{c}{summary.seconds:.1f} s — {rate:.2f} article(s)/s — "
        f"{summary.workers} in parallel",
    ).get(lang)
    if summary.prompt_tokens or summary.completion_tokens:
        line += Msg(
            f" — jetons{c}{summary.prompt_tokens} envoyés, {summary.completion_tokens} reçus",
            f" — tokens{c}{summary.prompt_tokens} in, {summary.completion_tokens} out",
        ).get(lang)
    console.print(line, highlight=False)
    if summary.failures:
        failed = Table(title=Msg("Articles en échec", "Failed articles").get(lang))
        failed.add_column("Article")
        failed.add_column("Code", justify="right")
        failed.add_column("Message")
        shown = 20  # a screenful; the manifest lists them all
        for name, code, message_fr, message_en in summary.failures[:shown]:
            failed.add_row(name, str(code), Msg(message_fr, message_en).get(lang))
        console.print(failed)
        if len(summary.failures) > shown:
            more = len(summary.failures) - shown
            console.print(
                Msg(
                    f"… et {more} autre(s)\u00a0: voir manifest.jsonl.",
                    f"… and {more} more: see manifest.jsonl.",
                ).get(lang),
                highlight=False,
            )
    if summary.manifest is not None:
        console.print(
            f"{Msg('Manifeste', 'Manifest').get(lang)}{c}{summary.manifest}", highlight=False
        )
    if summary.exit_code in (14, 15):
        share = _num(100 * summary.failed / summary.total, lang, 0)
        limit = _num(100 * ratio, lang, 0)
        meaning = EXIT_CODES[summary.exit_code].get(lang)
        console.print(
            Msg(
                f"Code de sortie {summary.exit_code}{c}{meaning} ({summary.failed} sur "
                f"{summary.total}, soit {share}\u00a0%, seuil {limit}\u00a0%).",
                f"Exit code {summary.exit_code}: {meaning} ({summary.failed} of "
                f"{summary.total}, {share}%, threshold {limit}%).",
            ).get(lang),
            highlight=False,
        )


def batch_cmd(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Fichiers, dossiers, motifs (« articles/*.md ») ou manifeste .csv/.jsonl."
        ),
    ],
    outdir: Annotated[Path, typer.Option("--output", "-o", help="Dossier de sortie du lot.")],
    keyphrase: KeyphraseOpt = None,
    synonym: SynonymOpt = None,
    min_words: MinWordsOpt = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            "-j",
            min=1,
            help=(
                "Processus en parallèle (défaut : un par cœur ; avec un moteur distant, un par "
                "tranche de 16 requêtes simultanées, au plus un par cœur)."
            ),
        ),
    ] = None,
    no_model: Annotated[
        bool, typer.Option("--no-model", help="Sans modèle de langue : chemin déterministe.")
    ] = False,
    no_entities: Annotated[
        bool,
        typer.Option(
            "--no-entities",
            help="Vérification des faits sans les noms propres (spaCy non chargé, ~5 s de moins).",
        ),
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Refaire tous les articles, même inchangés.")
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Montrer ce qui serait fait, sans rien écrire.")
    ] = False,
    max_failure_ratio: Annotated[
        float | None,
        typer.Option(
            "--max-failure-ratio",
            min=0.0,
            max=1.0,
            help="Part d’échecs au-delà de laquelle le lot sort avec le code 15 (défaut 0,5).",
        ),
    ] = None,
    mode: Annotated[
        str,
        typer.Option("--mode", help="Mode d’écriture : faithful (fidèle) ou rewrite (réécriture)."),
    ] = "faithful",
    backend: Annotated[
        str | None, typer.Option("--backend", help="Moteur : local (défaut) ou openai.")
    ] = None,
    base_url: Annotated[
        str | None, typer.Option("--base-url", help="Adresse d’un serveur compatible OpenAI.")
    ] = None,
    model: Annotated[str | None, typer.Option("--model", help="Modèle du serveur distant.")] = None,
    concurrency: Annotated[
        int | None,
        typer.Option("--concurrency", min=1, help="Requêtes simultanées vers un moteur distant."),
    ] = None,
    rpm: Annotated[
        int | None, typer.Option("--rpm", min=0, help="Requêtes par minute au plus (0 : illimité).")
    ] = None,
    tpm: Annotated[
        int | None, typer.Option("--tpm", min=0, help="Jetons par minute au plus (0 : illimité).")
    ] = None,
    lang: LangOpt = None,
) -> None:
    """Traite un lot d’articles en parallèle : reprise après arrêt, un échec n’arrête rien."""
    from plume.batch.runner import BatchOptions, run_batch
    from plume.batch.runner import dry_run as plan_only

    ui = lang or "fr"
    err = Console(stderr=True, soft_wrap=True)
    out = Console(soft_wrap=True)
    try:
        settings = load_settings(
            {
                "lang": lang,
                "backend": {
                    "name": backend,
                    "base_url": base_url,
                    "model": model,
                    "concurrency": concurrency,
                    "requests_per_minute": rpm,
                    "tokens_per_minute": tpm,
                },
                "batch": {"workers": workers, "max_failure_ratio": max_failure_ratio},
            }
        )
        ui = settings.lang
        options = BatchOptions(
            inputs=list(inputs),
            outdir=outdir,
            settings=settings,
            mode=mode,
            keyphrase=keyphrase,
            synonyms=tuple(synonym or ()),
            min_words=min_words,
            use_model=not no_model,
            check_entities=not no_entities,
            workers=workers,
            force=force,
            max_failure_ratio=max_failure_ratio,
        )
        if dry_run:
            _print_plan(plan_only(options), out, ui)
            return
        summary = run_batch(options, _Display(err, ui))
    except PlumeError as exc:
        err.print(f"[bold red]plume :[/] {exc.message(ui)}", highlight=False)
        raise typer.Exit(exc.exit_code) from None
    ratio = settings.batch.max_failure_ratio
    _print_summary(summary, out, ui, ratio)
    if summary.interrupted:
        command = shlex.join(["plume", *sys.argv[1:]])
        err.print(
            Msg(
                f"Lot interrompu\u00a0: {summary.processed} article(s) traité(s), "
                f"{summary.pending} restant(s). Pour reprendre, relancez la même "
                f"commande\u00a0:\n  {command}",
                f"Batch interrupted: {summary.processed} article(s) processed, "
                f"{summary.pending} remaining. To resume, run the same command again:\n  {command}",
            ).get(ui),
            highlight=False,
        )
        sys.stdout.flush()
        sys.stderr.flush()
        # Threads still waiting on a remote backend would hold the interpreter's exit until
        # their timeout: everything worth keeping is committed and written, so leave now.
        os._exit(summary.exit_code)
    if summary.exit_code:
        raise typer.Exit(summary.exit_code)
