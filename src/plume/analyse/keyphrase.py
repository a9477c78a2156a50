"""Keyphrase matching with French word forms, and keyphrase suggestion (PLACEHOLDER)."""

from __future__ import annotations

from plume.analyse.researches import Research
from plume.report import KeyphraseSuggestion


def suggest_keyphrases(research: Research, n: int = 5) -> list[KeyphraseSuggestion]:
    return []
