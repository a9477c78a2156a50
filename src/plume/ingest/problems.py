"""The input errors ingest raises, worded once.

Every message is one line in French and in English and says what to do next (``errors.py``
habit). Keeping them here means the format readers never improvise wording, and the tests can
check that every refusal names the file and a way out.
"""

from __future__ import annotations

from plume.errors import (
    EmptyInput,
    InputNotFound,
    InputTooLarge,
    UndecodableInput,
    UnsupportedInput,
)
from plume.report import Msg

#: What to give plume instead, quoted in refusals.
_ACCEPTED = Msg("un fichier .txt, .md, .html ou .docx", "a .txt, .md, .html or .docx file")
_BINARY = Msg("fichier binaire", "binary file")
_EMPTY = Msg("vide", "empty")


def human_size(n: int) -> Msg:
    """``1234567`` → ``1,2 Mo`` / ``1.2 MB`` (decimal units, as file managers show them)."""
    if n < 10_000:
        return Msg(f"{n} octets", f"{n} bytes")
    if n < 1_000_000:
        value, unit = n / 1_000, Msg("ko", "kB")
    else:
        value, unit = n / 1_000_000, Msg("Mo", "MB")
    return Msg(f"{value:.1f}".replace(".", ",") + f" {unit.fr}", f"{value:.1f} {unit.en}")


def not_found(name: str) -> InputNotFound:
    return InputNotFound(
        f"Fichier introuvable : {name}. Vérifiez le chemin.",
        f"File not found: {name}. Check the path.",
    )


def unreadable(name: str, exc: OSError) -> InputNotFound:
    if isinstance(exc, PermissionError):
        reason = Msg("accès refusé", "permission denied")
    else:
        reason = Msg(exc.strerror or type(exc).__name__, exc.strerror or type(exc).__name__)
    return InputNotFound(
        f"Impossible de lire {name} ({reason.fr}). Vérifiez les droits d’accès au fichier.",
        f"Cannot read {name} ({reason.en}). Check the file's permissions.",
    )


def is_directory(name: str) -> UnsupportedInput:
    return UnsupportedInput(
        f"{name} est un dossier : indiquez {_ACCEPTED.fr}.",
        f"{name} is a directory: give {_ACCEPTED.en}.",
    )


def unsupported(name: str, what: Msg, fix: Msg) -> UnsupportedInput:
    return UnsupportedInput(f"{name} : {what.fr} ; {fix.fr}.", f"{name}: {what.en}; {fix.en}.")


def binary(name: str, what: Msg = _BINARY) -> UnsupportedInput:
    return unsupported(
        name,
        Msg(f"{what.fr}, pas du texte", f"{what.en}, not text"),
        Msg(f"fournissez {_ACCEPTED.fr}", f"give {_ACCEPTED.en}"),
    )


def corrupt_docx(name: str, detail: Msg | str) -> UnsupportedInput:
    """``detail``: why, or a language-neutral name (an exception class)."""
    if isinstance(detail, str):
        detail = Msg(detail, detail)
    return unsupported(
        name,
        Msg(
            f"document Word (.docx) illisible ou endommagé ({detail.fr})",
            f"unreadable or damaged Word document (.docx) ({detail.en})",
        ),
        Msg(
            "ouvrez-le dans Word ou LibreOffice et enregistrez-le à nouveau en .docx",
            "open it in Word or LibreOffice and save it again as .docx",
        ),
    )


def too_large(name: str, size: int, limit: int) -> InputTooLarge:
    size_, limit_ = human_size(size), human_size(limit)
    return InputTooLarge(
        f"{name} est trop volumineux ({size_.fr} ; limite {limit_.fr}) : découpez le texte ou "
        "relevez max_input_bytes (PLUME_MAX_INPUT_BYTES).",
        f"{name} is too large ({size_.en}; limit {limit_.en}): "
        "split the text or raise max_input_bytes (PLUME_MAX_INPUT_BYTES).",
    )


def docx_bomb(name: str, size: int, limit: int) -> InputTooLarge:
    size_, limit_ = human_size(size), human_size(limit)
    return InputTooLarge(
        f"{name} : une fois décompressé, ce .docx ferait {size_.fr} (limite {limit_.fr}) ; "
        "fichier suspect refusé, enregistrez le texte en .txt.",
        f"{name}: this .docx would expand to {size_.en} (limit {limit_.en}); "
        "suspicious file refused, save the text as .txt.",
    )


def empty(name: str, why: Msg = _EMPTY) -> EmptyInput:
    return EmptyInput(
        f"{name} est {why.fr} : rien à analyser. Vérifiez que c’est le bon fichier.",
        f"{name} is {why.en}: nothing to analyse. Check that it is the right file.",
    )


def no_text(name: str, kind: Msg) -> EmptyInput:
    return EmptyInput(
        f"{name} : aucun texte exploitable dans {kind.fr}. Vérifiez que c’est le bon fichier "
        "ou copiez l’article dans un .txt.",
        f"{name}: no usable text in {kind.en}. Check that it is the right file or paste the "
        "article into a .txt.",
    )


def brief_only(name: str) -> EmptyInput:
    return EmptyInput(
        f"{name} ne contient que la consigne, sans article : ajoutez le texte sous la consigne.",
        f"{name} holds only the brief, no article: add the text below the brief.",
    )


def undecodable(name: str) -> UndecodableInput:
    return UndecodableInput(
        f"{name} : encodage des caractères non reconnu. Enregistrez le fichier en UTF-8 "
        "(dans votre éditeur : « Enregistrer sous… », encodage UTF-8).",
        f"{name}: unrecognised character encoding. Save the file as UTF-8.",
    )
