"""``plume serve``: the web studio on http://127.0.0.1:8765/.

Binds the loopback address by default. Another address exposes the studio to the network, so
it then needs a token (``PLUME_STUDIO__TOKEN`` or ``[studio] token`` in the config file — never a
command-line flag, which other users of the machine could read in the process list): without
one, ``plume serve`` refuses to start (exit 8).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from plume.cli.options import LangOpt
from plume.errors import ConfigError, PlumeError
from plume.report import Msg
from plume.settings import Settings, load_settings


def check_bind(settings: Settings) -> None:
    """Refuse a non-loopback address without a token (``ConfigError``, exit 8)."""
    from plume.studio.security import is_loopback

    host = settings.studio.host
    if not is_loopback(host) and not settings.studio.token:
        raise ConfigError(
            f"Refus d’écouter sur {host} sans jeton : le studio serait ouvert à tout le réseau. "
            "Définissez PLUME_STUDIO__TOKEN (ou [studio] token dans la configuration), ou "
            "gardez --host 127.0.0.1.",
            f"Refusing to listen on {host} without a token: the studio would be open to the "
            "whole network. Set PLUME_STUDIO__TOKEN (or [studio] token in the config file), or "
            "keep --host 127.0.0.1.",
        )


def serve_cmd(
    host: Annotated[
        str | None, typer.Option("--host", help="Adresse d’écoute (défaut : 127.0.0.1).")
    ] = None,
    port: Annotated[
        int | None, typer.Option("--port", help="Port (défaut : 8765 ; 0 = un port libre).")
    ] = None,
    db: Annotated[
        Path | None,
        typer.Option("--db", help="Fichier SQLite de l’historique (défaut : dossier de données)."),
    ] = None,
    lang: LangOpt = None,
) -> None:
    """Lance le studio web : coller un article, l’analyser, l’optimiser, comparer les passages."""
    ui = lang or "fr"
    err = Console(stderr=True, soft_wrap=True)
    try:
        settings = load_settings(
            {"lang": lang, "studio": {"host": host, "port": port, "db_path": db}}
        )
        ui = settings.lang
        check_bind(settings)
        import uvicorn

        from plume.studio import create_app

        app = create_app(settings)
    except PlumeError as exc:
        err.print(f"[bold red]plume :[/] {exc.message(ui)}", highlight=False)
        raise typer.Exit(exc.exit_code) from None
    s = settings.studio
    shown = f"[{s.host}]" if ":" in s.host else s.host
    url = f"http://{shown}:{s.port}/"
    Console(soft_wrap=True).print(
        Msg(f"Studio plume\u00a0: {url}", f"plume studio: {url}").get(ui)
        + (
            Msg(
                " (ouvrez-le avec ?token=<votre jeton> une première fois)",
                " (open it once with ?token=<your token>)",
            ).get(ui)
            if s.token
            else ""
        ),
        highlight=False,
    )
    config = uvicorn.Config(app, host=s.host, port=s.port, log_level="warning", access_log=False)
    uvicorn.Server(config).run()
