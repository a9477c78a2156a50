"""An article with one long sentence plume splits and one typo it corrects (issue 18): what the
CLI's --refuse-edit and the studio's undo are tested on, so both test the same edits."""

from __future__ import annotations

EDITED_LONG = (
    "La métropole a voté un budget de 120 millions d’euros pour les pistes cyclables en 2025, "
    "et la région financera un tiers des travaux prévus sur les quais du Rhône."
)
EDITED = f"""Les pistes cyclables de Lyon

{EDITED_LONG}

Le chantier déja engagé sur la rive gauche doit s’achever au printemps prochain.

Les associations de cyclistes saluent les pistes cyclables mais demandent plus de parkings.
"""
