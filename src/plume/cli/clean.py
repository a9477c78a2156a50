"""``plume clean``: the cleaned article on its own, and in JSON every change the cleaner logged.

A thin shell over :func:`plume.pipeline.clean_input`: the text (title line, then one paragraph
or heading per line, blank lines between them; the source's bold, italics and links as Markdown)
on standard output or in a file written by temporary file then rename; ``--format json`` adds
the change log and the findings.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from plume.clean import CleanResult
from plume.cli.options import FileArg, LangOpt
from plume.document import BLOCK_SEPARATOR, BlockKind, PlacedMark
from plume.errors import ConfigError, PlumeError
from plume.report import Msg
from plume.settings import load_settings

__all__ = ["clean_cmd", "clean_json", "clean_text"]


def clean_text(result: CleanResult) -> str:
    """The cleaned article as plain text: one block a line, a blank line between blocks.

    The source's bold, italics and links (``Document.marks``, from Markdown, HTML or docx) are
    written back as Markdown where their phrase still is: ``**gras**``, ``*italique*``,
    ``[texte](url)``, as in article.md (a line that holds one is written as Markdown, its other
    special characters escaped; the other lines stay as they are). Headings carry no marks, as
    in the renderers."""
    doc = result.document
    texts = [b.text for b in doc.blocks]
    if doc.marks:
        from plume.document import place_marks
        from plume.render.markdown import marked_markdown

        body = [i for i, b in enumerate(doc.blocks) if b.kind is not BlockKind.HEADING]
        spans: dict[int, list[PlacedMark]] = {}
        for p in place_marks(doc.marks, [texts[i] for i in body]):
            spans.setdefault(body[p.index], []).append(p)
        for i, placed in spans.items():
            # Outer before inner: a bold link is one span inside another.
            texts[i] = marked_markdown(texts[i], sorted(placed, key=lambda p: (p.start, -p.end)))
    text = BLOCK_SEPARATOR.join(texts)
    return text + "\n" if text else ""


def clean_json(result: CleanResult) -> str:
    """The ``--format json`` output: the text, the blocks, every change and every finding.

    A change's ``offset`` is into the text its step received (the blocks joined by a blank
    line), as in :class:`plume.clean.StepRun`: replaying a step's changes on its input gives its
    output.
    """
    doc = result.document
    changes: list[dict[str, Any]] = [
        {"step": run.step.number, "step_name": run.step.name, **change.model_dump()}
        for run in result.steps
        for change in run.changes
    ]
    payload = {
        "source": {"name": doc.source.name, "format": doc.source.format},
        "text": doc.text,
        "blocks": [{"kind": b.kind.value, "level": b.level, "text": b.text} for b in doc.blocks],
        "changes": changes,
        "findings": [f.model_dump() for f in result.findings],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _write(output: Path, content: str) -> None:
    from plume.render.files import write_outputs

    target = output.expanduser()
    if target.is_dir():
        raise ConfigError(
            Msg(
                f"-o {output} est un dossier : donnez un nom de fichier.",
                f"-o {output} is a directory: give a file name.",
            )
        )
    try:
        write_outputs(target.parent if str(target.parent) else Path("."), {target.name: content})
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise ConfigError(
            Msg(
                f"impossible d’écrire {output} ({reason}) : choisissez un autre fichier avec -o.",
                f"cannot write {output} ({reason}): choose another file with -o.",
            )
        ) from exc


def _summary(result: CleanResult, lang: str) -> str:
    n, m = len(result.changes), len(result.findings)
    return Msg(
        f"{n} correction(s), {m} défaut(s) laissé(s) à l’éditeur.",
        f"{n} change(s), {m} defect(s) left to the editor.",
    ).get(lang)


def clean_cmd(
    file: FileArg,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Fichier de sortie (sinon la sortie standard)."),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="text ou json.")] = "text",
    lang: LangOpt = None,
) -> None:
    """Nettoie un article (sauts de ligne, artefacts, habillage de page, typographie) et rend le
    texte nettoyé ; en JSON, avec chaque correction journalisée et les défauts à revoir."""
    from plume.pipeline import clean_input

    ui = lang or "fr"
    err = Console(stderr=True, soft_wrap=True)
    try:
        if fmt not in ("text", "json"):
            raise typer.BadParameter("--format attend text ou json")
        settings = load_settings({"lang": lang})
        ui = settings.lang
        result = clean_input(file, settings)
        content = clean_json(result) if fmt == "json" else clean_text(result)
        if output is not None:
            _write(output, content)
    except PlumeError as exc:
        err.print(f"[bold red]plume :[/] {exc.message(ui)}", highlight=False)
        raise typer.Exit(exc.exit_code) from None
    if output is None:
        sys.stdout.write(content)
        if fmt == "text" and result.findings:
            for f in result.findings:
                err.print(f"[yellow]{f.code}[/] {escape(f.message)}", highlight=False)
        return
    Console(soft_wrap=True).print(
        Msg(f"Écrit : {output}. ", f"Written: {output}. ").get(ui) + _summary(result, ui),
        highlight=False,
        markup=False,
    )
