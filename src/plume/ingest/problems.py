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

#: What to give plume instead, quoted in refusals.
_ACCEPTED_FR = "un fichier .txt, .md, .html ou .docx"
_ACCEPTED_EN = "a .txt, .md, .html or .docx file"


def human_size(n: int, lang: str) -> str:
    """``1234567`` → ``1,2 Mo`` / ``1.2 MB`` (decimal units, as file managers show them)."""
    if n < 10_000:
        return f"{n} octets" if lang == "fr" else f"{n} bytes"
    if n < 1_000_000:
        value, unit_fr, unit_en = n / 1_000, "ko", "kB"
    else:
        value, unit_fr, unit_en = n / 1_000_000, "Mo", "MB"
    if lang == "fr":
        return f"{value:.1f}".replace(".", ",") + f" {unit_fr}"
    return f"{value:.1f} {unit_en}"


def not_found(name: str) -> InputNotFound:
    return InputNotFound(
        f"Fichier introuvable : {name}. Vérifiez le chemin.",
        f"File not found: {name}. Check the path.",
    )


def unreadable(name: str, exc: OSError) -> InputNotFound:
    if isinstance(exc, PermissionError):
        reason_fr, reason_en = "accès refusé", "permission denied"
    else:
        reason_fr = reason_en = exc.strerror or type(exc).__name__
    return InputNotFound(
        f"Impossible de lire {name} ({reason_fr}). Vérifiez les droits d’accès au fichier.",
        f"Cannot read {name} ({reason_en}). Check the file's permissions.",
    )


def is_directory(name: str) -> UnsupportedInput:
    return UnsupportedInput(
        f"{name} est un dossier : indiquez {_ACCEPTED_FR}.",
        f"{name} is a directory: give {_ACCEPTED_EN}.",
    )


def unsupported(
    name: str, what_fr: str, what_en: str, fix_fr: str, fix_en: str
) -> UnsupportedInput:
    return UnsupportedInput(f"{name} : {what_fr} ; {fix_fr}.", f"{name}: {what_en}; {fix_en}.")


def binary(
    name: str, what_fr: str = "fichier binaire", what_en: str = "binary file"
) -> UnsupportedInput:
    return unsupported(
        name,
        f"{what_fr}, pas du texte",
        f"{what_en}, not text",
        f"fournissez {_ACCEPTED_FR}",
        f"give {_ACCEPTED_EN}",
    )


def corrupt_docx(name: str, detail_fr: str, detail_en: str | None = None) -> UnsupportedInput:
    return unsupported(
        name,
        f"document Word (.docx) illisible ou endommagé ({detail_fr})",
        f"unreadable or damaged Word document (.docx) ({detail_en or detail_fr})",
        "ouvrez-le dans Word ou LibreOffice et enregistrez-le à nouveau en .docx",
        "open it in Word or LibreOffice and save it again as .docx",
    )


def too_large(name: str, size: int, limit: int) -> InputTooLarge:
    return InputTooLarge(
        f"{name} est trop volumineux ({human_size(size, 'fr')} ; limite "
        f"{human_size(limit, 'fr')}) : découpez le texte ou relevez max_input_bytes "
        "(PLUME_MAX_INPUT_BYTES).",
        f"{name} is too large ({human_size(size, 'en')}; limit {human_size(limit, 'en')}): "
        "split the text or raise max_input_bytes (PLUME_MAX_INPUT_BYTES).",
    )


def docx_bomb(name: str, size: int, limit: int) -> InputTooLarge:
    return InputTooLarge(
        f"{name} : une fois décompressé, ce .docx ferait {human_size(size, 'fr')} (limite "
        f"{human_size(limit, 'fr')}) ; fichier suspect refusé, enregistrez le texte en .txt.",
        f"{name}: this .docx would expand to {human_size(size, 'en')} (limit "
        f"{human_size(limit, 'en')}); suspicious file refused, save the text as .txt.",
    )


def empty(name: str, why_fr: str = "vide", why_en: str = "empty") -> EmptyInput:
    return EmptyInput(
        f"{name} est {why_fr} : rien à analyser. Vérifiez que c’est le bon fichier.",
        f"{name} is {why_en}: nothing to analyse. Check that it is the right file.",
    )


def no_text(name: str, kind_fr: str, kind_en: str) -> EmptyInput:
    return EmptyInput(
        f"{name} : aucun texte exploitable dans {kind_fr}. Vérifiez que c’est le bon fichier "
        "ou copiez l’article dans un .txt.",
        f"{name}: no usable text in {kind_en}. Check that it is the right file or paste the "
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
