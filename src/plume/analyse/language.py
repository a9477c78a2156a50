"""Language identification (PLACEHOLDER: always French)."""

from __future__ import annotations


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, ``None`` when too short to tell."""
    return "fr"
