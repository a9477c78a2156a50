"""One error hierarchy for plume (after httpx's ``_exceptions.py``).

Content problems (a long sentence, a missing keyphrase, a glued word) are *findings*, never
exceptions. Exceptions are for what stops a run: input that cannot be read, bad settings.
Every error carries a French and an English message that says what to do next, and the exit
code the CLI returns for it (documented in the README, table "Codes de sortie").

    PlumeError
    ├── InputError                      exit 3..9: the input cannot be analysed
    │   ├── InputNotFound               3  the file does not exist
    │   ├── UnsupportedInput            4  binary, PDF, image, unknown format
    │   ├── EmptyInput                  5  nothing but whitespace / no extractable text
    │   ├── InputTooLarge               6  larger than settings.max_input_bytes
    │   └── UndecodableInput            7  no plausible text encoding
    └── ConfigError                     8  a setting, flag or config file is invalid

Exit 10 is not an error: the analysis ran but only partly (text not in French); see cli.
"""

from __future__ import annotations


class PlumeError(Exception):
    """Base class. ``message_fr`` / ``message_en`` are one line, with the next step to take."""

    exit_code = 1

    def __init__(self, message_fr: str, message_en: str | None = None) -> None:
        super().__init__(message_fr)
        self.message_fr = message_fr
        self.message_en = message_en or message_fr

    def message(self, lang: str = "fr") -> str:
        return self.message_en if lang == "en" else self.message_fr


class InputError(PlumeError):
    exit_code = 3


class InputNotFound(InputError):
    exit_code = 3


class UnsupportedInput(InputError):
    exit_code = 4


class EmptyInput(InputError):
    exit_code = 5


class InputTooLarge(InputError):
    exit_code = 6


class UndecodableInput(InputError):
    exit_code = 7


class ConfigError(PlumeError):
    exit_code = 8


#: Exit code when the text is not French: only language-independent checks ran.
EXIT_PARTIAL_NOT_FRENCH = 10
#: ``plume optimise`` in faithful mode: the article was written, but the source has fewer words
#: than the target and faithful mode does not invent (more sources, or rewrite mode, close the gap).
EXIT_WORDS_MISSING = 11

EXIT_CODES: dict[int, tuple[str, str]] = {
    0: ("analyse complète", "full analysis"),
    2: ("usage incorrect de la ligne de commande", "command-line usage error"),
    3: ("fichier introuvable", "file not found"),
    4: (
        "format non pris en charge (binaire, PDF, image…)",
        "unsupported format (binary, PDF, image…)",
    ),
    5: ("entrée vide : aucun texte à analyser", "empty input: no text to analyse"),
    6: ("entrée trop volumineuse", "input too large"),
    7: ("encodage illisible", "undecodable encoding"),
    8: ("configuration invalide", "invalid configuration"),
    10: ("texte non français : analyse partielle", "text not in French: partial analysis"),
    11: (
        "article écrit, mais il manque des mots pour atteindre la cible (mode fidèle)",
        "article written, but words are missing to reach the target (faithful mode)",
    ),
}
