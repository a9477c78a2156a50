"""One error hierarchy for plume (after httpx's ``_exceptions.py``).

Content problems are *findings*, never exceptions; exceptions are for what stops a run. Every
error carries a French and an English message saying what to do next, and its exit code
(:data:`EXIT_CODES`). The hierarchy and the codes: docs/exit-codes.md.
"""

from __future__ import annotations

from plume.report import Msg


class PlumeError(Exception):
    """Base class. ``message_fr`` / ``message_en`` are one line, with the next step to take."""

    exit_code = 1

    def __init__(self, message_fr: str | Msg, message_en: str | None = None) -> None:
        if isinstance(message_fr, Msg):  # the one bilingual type, both languages at once
            msg = message_fr
            message_fr, message_en = msg.fr, message_en or msg.en
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


class BackendError(PlumeError):
    """A generation backend could not give an answer. Messages never contain an API key."""

    exit_code = 12


#: Exit code when the text is not French: only language-independent checks ran.
EXIT_PARTIAL_NOT_FRENCH = 10
#: ``plume optimise`` in faithful mode: the article was written, but the source has fewer words
#: than the target and faithful mode does not invent (more sources, or rewrite mode, close the gap).
EXIT_WORDS_MISSING = 11
#: ``plume optimise --rewrite``: no draft met every hard constraint within the repair budget
#: (the last draft is kept beside the report, marked as failing; ``--allow-partial`` writes it).
EXIT_REWRITE_FAILED = 13
#: ``plume batch``: at least one article failed, but no more than the allowed share.
EXIT_BATCH_SOME_FAILED = 14
#: ``plume batch``: more articles failed than ``--max-failure-ratio`` allows.
EXIT_BATCH_FAILED = 15

#: What each exit code means, as the README's table "Codes de sortie" says.
EXIT_CODES: dict[int, Msg] = {
    0: Msg("analyse complète", "full analysis"),
    2: Msg("usage incorrect de la ligne de commande", "command-line usage error"),
    3: Msg("fichier introuvable", "file not found"),
    4: Msg(
        "format non pris en charge (binaire, PDF, image…)",
        "unsupported format (binary, PDF, image…)",
    ),
    5: Msg("entrée vide : aucun texte à analyser", "empty input: no text to analyse"),
    6: Msg("entrée trop volumineuse", "input too large"),
    7: Msg("encodage illisible", "undecodable encoding"),
    8: Msg("configuration invalide", "invalid configuration"),
    10: Msg("texte non français : analyse partielle", "text not in French: partial analysis"),
    11: Msg(
        "article écrit, mais il manque des mots pour atteindre la cible (mode fidèle)",
        "article written, but words are missing to reach the target (faithful mode)",
    ),
    12: Msg(
        "moteur de génération indisponible ou en échec",
        "generation backend unavailable or failing",
    ),
    13: Msg(
        "mode réécriture : contraintes non satisfaites (brouillon gardé, marqué en échec)",
        "rewrite mode: hard constraints not met (draft kept, marked as failing)",
    ),
    14: Msg("lot terminé, avec des articles en échec", "batch finished with some articles failed"),
    15: Msg(
        "lot en échec : trop d’articles en échec",
        "batch failed: too many articles failed",
    ),
}
