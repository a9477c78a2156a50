"""``plume backends``: list the generation backends; ``plume backends check NAME``: try one.

``check`` sends one tiny chat request (a few tokens), then one with a two-field JSON schema to
learn whether the endpoint constrains its output (structured output) or plume will have to parse
tolerantly. It reports latency, tokens and the answer, and fails like any run would: a French
line and exit 12. API keys are shown only as "définie" / "absente", never their value.
"""

from __future__ import annotations

import json
import sys
import time
from typing import Annotated, Any

import typer
from rich.console import Console

from plume.backends import (
    Message,
    available_backends,
    backend_from_settings,
    factory_of,
    parse_json_tolerant,
)
from plume.backends.structured import JSONParseError
from plume.cli.options import LangOpt
from plume.errors import PlumeError
from plume.report import Msg
from plume.settings import Settings, load_settings

backends_app = typer.Typer(
    name="backends",
    help="Moteurs de génération : liste et essai (plume backends check NOM).",
    invoke_without_command=True,
    no_args_is_help=False,
)

FormatOpt = Annotated[str, typer.Option("--format", help="text ou json.")]

#: What ``check`` sends. Tiny on purpose: a few prompt tokens, at most 16 generated, so a check
#: against a paid API costs a fraction of a cent.
_CHECK_MESSAGES = (
    Message("system", "Tu réponds en français, en un seul mot."),
    Message("user", "Dis bonjour."),
)
_CHECK_SCHEMA: dict[str, Any] = {
    "title": "verification",
    "type": "object",
    "properties": {"ok": {"type": "boolean"}, "mot": {"type": "string"}},
    "required": ["ok", "mot"],
    "additionalProperties": False,
}
_CHECK_JSON_MESSAGES = (
    Message("system", "Tu réponds uniquement en JSON."),
    Message("user", 'Réponds {"ok": true, "mot": "bonjour"}.'),
)
#: Characters of the model's answer shown (one terminal line).
_ANSWER_CHARS = 80


def _fail(err: PlumeError, lang: str) -> None:
    Console(stderr=True, soft_wrap=True).print(
        f"[bold red]plume :[/] {err.message(lang)}", highlight=False
    )
    raise typer.Exit(err.exit_code)


#: A label's colon: a no-break space before it in French.
_COLON = Msg("\u00a0: ", ": ")


def _num(x: float, lang: str, digits: int = 2) -> str:
    """``x`` with a decimal comma in French."""
    text = f"{x:.{digits}f}"
    return text.replace(".", ",") if lang == "fr" else text


def _describe(name: str, settings: Settings) -> list[tuple[str, str]]:
    describe = getattr(factory_of(name), "describe", None)
    if describe is None:
        return [("usage", Msg("tests seulement", "tests only").get(settings.lang))]
    fields: list[tuple[str, str]] = describe(settings.backend, settings.lang)
    return fields


@backends_app.callback()
def backends_cmd(
    ctx: typer.Context,
    fmt: FormatOpt = "text",
    lang: LangOpt = None,
) -> None:
    """Liste les moteurs de génération et leur configuration (la clé : définie ou absente)."""
    if ctx.invoked_subcommand is not None:
        return
    ui = lang or "fr"
    try:
        settings = load_settings({"lang": lang})
        ui = settings.lang
        if fmt not in ("text", "json"):
            raise typer.BadParameter("--format attend text ou json")
        rows = {name: _describe(name, settings) for name in available_backends()}
    except PlumeError as err:
        _fail(err, ui)
        return
    active = settings.backend.name
    if fmt == "json":
        data = {
            "active": active,
            "backends": [
                {"name": name, "active": name == active, "settings": dict(fields)}
                for name, fields in rows.items()
            ],
        }
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    console = Console(soft_wrap=True)
    colon = _COLON.get(ui)
    for name, fields in rows.items():
        mark = Msg(" [green](actif)[/]", " [green](active)[/]").get(ui) if name == active else ""
        console.print(f"[bold]{name}[/]{mark}", highlight=False)
        for label, value in fields:
            console.print(f"  {label}{colon}{value}" if label else f"  {value}", highlight=False)


@backends_app.command("check")
def check_cmd(
    name: Annotated[str, typer.Argument(help="Moteur à essayer : local, openai…")],
    base_url: Annotated[
        str | None, typer.Option("--base-url", help="Adresse du point d’accès compatible OpenAI.")
    ] = None,
    model: Annotated[str | None, typer.Option("--model", help="Nom du modèle.")] = None,
    api_key_env: Annotated[
        str | None,
        typer.Option("--api-key-env", help="Nom de la variable d’environnement de la clé."),
    ] = None,
    timeout: Annotated[
        float | None, typer.Option("--timeout", help="Délai par requête (secondes).")
    ] = None,
    fmt: FormatOpt = "text",
    lang: LangOpt = None,
) -> None:
    """Envoie une toute petite requête au moteur et rend compte : latence, jetons, réponse,
    sortie structurée."""
    ui = lang or "fr"
    try:
        settings = load_settings(
            {
                "lang": lang,
                "backend": {
                    "name": name,
                    "base_url": base_url,
                    "model": model,
                    "api_key_env": api_key_env,
                    "timeout_s": timeout,
                },
            }
        )
        ui = settings.lang
        if fmt not in ("text", "json"):
            raise typer.BadParameter("--format attend text ou json")
        backend = backend_from_settings(settings.backend)
        try:
            # The structured request first: it pays for what happens once (loading a local
            # model, asking a server for its model name, learning that response_format is
            # refused), so the latency reported next is that of an ordinary request.
            started = time.perf_counter()
            structured = backend.chat(
                _CHECK_JSON_MESSAGES,
                max_tokens=32,
                temperature=0.0,
                seed=1,
                json_schema=_CHECK_SCHEMA,
            )
            first_call = time.perf_counter() - started
            started = time.perf_counter()
            answer = backend.chat(_CHECK_MESSAGES, max_tokens=16, temperature=0.0, seed=1)
            latency = time.perf_counter() - started
        finally:
            backend.close()
    except PlumeError as err:
        _fail(err, ui)
        return
    try:
        parse_json_tolerant(structured.text)
        json_ok = True
    except JSONParseError:
        json_ok = False
    text = " ".join(answer.text.split())
    shown = text if len(text) <= _ANSWER_CHARS else text[: _ANSWER_CHARS - 1] + "…"
    used_model = getattr(backend, "model", None)
    if fmt == "json":
        data = {
            "backend": name,
            "model": used_model,
            "ok": True,
            "latency_s": round(latency, 3),
            "first_call_s": round(first_call, 3),
            "prompt_tokens": answer.prompt_tokens,
            "completion_tokens": answer.completion_tokens,
            "estimated_tokens": answer.estimated_tokens,
            "attempts": answer.attempts,
            "answer": text,
            "structured_output": structured.structured,
            "json_answer_valid": json_ok,
        }
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    colon = _COLON.get(ui)
    approx = "≈\u202f" if answer.estimated_tokens else ""
    console = Console(soft_wrap=True)
    title = f"[bold]{name}[/]" + (f" ({used_model})" if used_model else "")
    console.print(f"{title}{colon}{Msg('répond', 'answers').get(ui)} ✓", highlight=False)
    first = Msg("premier appel", "first call").get(ui)
    console.print(
        f"  {Msg('latence', 'latency').get(ui)}{colon}{_num(latency, ui)} s"
        + (f" ({first}{colon}{_num(first_call, ui)} s)" if first_call > 2 * latency else "")
        + (
            f" ({answer.attempts} {Msg('tentatives', 'attempts').get(ui)})"
            if answer.attempts > 1
            else ""
        ),
        highlight=False,
    )
    console.print(
        Msg(
            f"  jetons{colon}{approx}{answer.prompt_tokens} en entrée, "
            f"{approx}{answer.completion_tokens} en sortie",
            f"  tokens{colon}{approx}{answer.prompt_tokens} in, "
            f"{approx}{answer.completion_tokens} out",
        ).get(ui),
        highlight=False,
    )
    quoted = Msg(f"«\u202f{shown}\u202f»", f"“{shown}”").get(ui)
    console.print(f"  {Msg('réponse', 'answer').get(ui)}{colon}{quoted}", highlight=False)
    support = (
        Msg("prise en charge", "supported")
        if structured.structured
        else Msg(
            "non prise en charge (repli : schéma dans la consigne, lecture JSON tolérante)",
            "not supported (fallback: schema in the prompt, tolerant JSON parsing)",
        )
    ).get(ui)
    validity = (
        Msg("JSON valide", "valid JSON") if json_ok else Msg("JSON illisible", "unreadable JSON")
    ).get(ui)
    console.print(
        Msg(
            f"  sortie structurée{colon}{support}\u202f; {validity}",
            f"  structured output{colon}{support}; {validity}",
        ).get(ui),
        highlight=False,
    )
