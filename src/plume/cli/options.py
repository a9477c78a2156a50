"""Command-line options shared by several commands (one definition, one help text)."""

from __future__ import annotations

from typing import Annotated

import typer

FileArg = Annotated[
    str, typer.Argument(help="Fichier (.txt, .md, .html, .docx) ou « - » pour stdin.")
]
KeyphraseOpt = Annotated[str | None, typer.Option("--keyphrase", "-k", help="Expression clé.")]
SynonymOpt = Annotated[list[str] | None, typer.Option("--synonym", help="Synonyme (répétable).")]
MinWordsOpt = Annotated[
    int | None, typer.Option("--min-words", help="Nombre de mots visé (remplace la consigne).")
]
LangOpt = Annotated[str | None, typer.Option("--lang", help="Langue des messages : fr ou en.")]
