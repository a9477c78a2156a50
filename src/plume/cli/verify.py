"""``plume verify``: does the source say what a claim says? The support check as a command."""

from __future__ import annotations

import json
import stat
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from plume.cli.options import LangOpt
from plume.errors import EmptyInput, PlumeError, UnsupportedInput
from plume.report import Msg
from plume.settings import Settings, load_settings
from plume.verify.support import SupportVerdict

__all__ = ["parse_claims", "read_claims", "verdicts_json", "verify_cmd"]


def _bad_line(name: str, n: int, what: Msg) -> UnsupportedInput:
    return UnsupportedInput(
        Msg(
            f"{name}, ligne {n} : {what.fr}. Une affirmation par ligne, ou du JSONL "
            '{"claim": "…"} à chaque ligne.',
            f"{name}, line {n}: {what.en}. One claim a line, or JSONL "
            '{"claim": "…"} on every line.',
        )
    )


def parse_claims(text: str, name: str) -> list[str]:
    """The claims of a file: one a line, or — when its first line is a JSON object — JSONL
    with a ``"claim"`` key on every line. Blank lines are skipped."""
    lines = [(n, line.strip()) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    if not lines or not lines[0][1].startswith("{"):
        return [line for _, line in lines]
    claims = []
    for n, line in lines:
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise _bad_line(
                name, n, Msg(f"JSON illisible ({exc.msg})", f"unreadable JSON ({exc.msg})")
            ) from None
        claim = row.get("claim") if isinstance(row, dict) else None
        if not isinstance(claim, str) or not claim.strip():
            raise _bad_line(
                name,
                n,
                Msg(
                    "pas de clé « claim » (un texte non vide)",
                    'no "claim" key (a non-empty text)',
                ),
            )
        claims.append(claim.strip())
    return claims


def read_claims(path: str, settings: Settings) -> list[str]:
    """The claims of the file ``path`` (``-``: standard input), read as plume reads any text
    (size limit, encoding detection): :func:`parse_claims`."""
    from plume.ingest import problems
    from plume.ingest.decode import decode

    if path == "-":
        data = sys.stdin.buffer.read(settings.max_input_bytes + 1)
        name = "<stdin>"
    else:
        name, p = path, Path(path).expanduser()
        try:
            if stat.S_ISDIR(p.stat().st_mode):
                raise problems.is_directory(name)
            with p.open("rb") as f:
                data = f.read(settings.max_input_bytes + 1)
        except (FileNotFoundError, NotADirectoryError) as exc:
            raise problems.not_found(name) from exc
        except OSError as exc:
            raise problems.unreadable(name, exc) from exc
    if len(data) > settings.max_input_bytes:
        raise problems.too_large(name, len(data), settings.max_input_bytes)
    text, _ = decode(data, name)
    return parse_claims(text, name)


def verdicts_json(verdicts: list[SupportVerdict], lang: str) -> str:
    """The ``--format json`` output: a list of ``{claim, supported, evidence, reason}``."""
    rows = [
        {
            "claim": v.claim,
            "supported": v.supported,
            "evidence": v.evidence,
            "reason": v.reason.get(lang),
        }
        for v in verdicts
    ]
    return json.dumps(rows, ensure_ascii=False, indent=2)


def _print_text(verdicts: list[SupportVerdict], console: Console, lang: str) -> None:
    colon = Msg("\u00a0: ", ": ").get(lang)
    ok, no = Msg("étayée", "supported").get(lang), Msg("non étayée", "not supported").get(lang)
    source = Msg("source", "source").get(lang)
    closest = Msg("phrase la plus proche", "closest sentence").get(lang)
    for v in verdicts:
        claim = Msg(f"«\u202f{v.claim}\u202f»", f"“{v.claim}”").get(lang)
        if v.supported:
            console.print(f"[green]✓ {ok}[/]{colon}{escape(claim)}", highlight=False)
        else:
            console.print(
                f"[red]✗ {no}[/]{colon}{escape(claim)} — {escape(v.reason.get(lang))}",
                highlight=False,
            )
        if v.evidence:
            label = source if v.supported else closest
            console.print(f"  [dim]{label}{colon}{escape(v.evidence)}[/]", highlight=False)
    n = sum(v.supported for v in verdicts)
    console.print(
        Msg(
            f"{n} affirmation(s) étayée(s) sur {len(verdicts)}.",
            f"{n} of {len(verdicts)} claim(s) supported.",
        ).get(lang),
        highlight=False,
    )


def verify_cmd(
    sources: Annotated[
        list[str],
        typer.Argument(help="Source(s) (.txt, .md, .html, .docx) ou « - » pour stdin."),
    ],
    claim: Annotated[
        list[str] | None,
        typer.Option("--claim", help="Affirmation à vérifier (répétable)."),
    ] = None,
    claims_files: Annotated[
        list[str] | None,
        typer.Option(
            "--claims",
            help="Fichier d’affirmations (répétable, « - » pour stdin) : une par ligne, ou "
            "JSONL avec une clé « claim ».",
        ),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="text ou json.")] = "text",
    lang: LangOpt = None,
) -> None:
    """Vérifie que les sources disent ce que disent les affirmations (mêmes acteurs, mêmes
    rôles, négation, modalité, nombres)."""
    from plume.ingest import read_path, read_stdin
    from plume.pipeline import check_claims

    ui = lang or "fr"
    try:
        settings = load_settings({"lang": lang})
        ui = settings.lang
        if fmt not in ("text", "json"):
            raise typer.BadParameter("--format attend text ou json")
        files = list(claims_files or [])
        if files.count("-") + sources.count("-") > 1:
            raise typer.BadParameter("l’entrée standard ne peut servir qu’une fois")
        claims = list(claim or [])
        for path in files:
            claims += read_claims(path, settings)
        if not any(c.strip() for c in claims):
            raise EmptyInput(
                Msg(
                    "Aucune affirmation à vérifier : donnez-en avec --claim « … » ou "
                    "--claims FICHIER.",
                    'No claim to check: give some with --claim "…" or --claims FILE.',
                )
            )
        docs = [read_stdin(settings) if f == "-" else read_path(Path(f), settings) for f in sources]
        verdicts = check_claims(docs, claims, settings)
    except PlumeError as err:
        Console(stderr=True, soft_wrap=True).print(
            f"[bold red]plume :[/] {err.message(ui)}", highlight=False
        )
        raise typer.Exit(err.exit_code) from None
    if fmt == "json":
        sys.stdout.write(verdicts_json(verdicts, ui) + "\n")
    else:
        _print_text(verdicts, Console(soft_wrap=True), ui)
