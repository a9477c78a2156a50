"""``plume.errors``: a message in both languages, given as two strings or as one ``Msg``."""

from __future__ import annotations

from plume.errors import EXIT_CODES, ConfigError, PlumeError
from plume.report import Msg


def test_an_error_takes_a_msg_or_two_strings() -> None:
    given = ConfigError(Msg("Réglage invalide.", "Invalid setting."))
    assert (given.message("fr"), given.message("en")) == ("Réglage invalide.", "Invalid setting.")
    assert str(given) == "Réglage invalide." and given.exit_code == 8
    two = PlumeError("Échec.", "Failed.")
    assert (two.message_fr, two.message_en) == ("Échec.", "Failed.")
    assert PlumeError("Seulement en français.").message("en") == "Seulement en français."


def test_every_exit_code_says_what_it_means_in_both_languages() -> None:
    assert EXIT_CODES[8].get("fr") == "configuration invalide"
    assert EXIT_CODES[8].get("en") == "invalid configuration"
    assert all(m.fr and m.en for m in EXIT_CODES.values())
