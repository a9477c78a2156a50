"""Analyse: researches measure, checks judge, scoring aggregates."""

from __future__ import annotations

from plume.analyse.runner import AnalysisResult, run_checks

__all__ = ["AnalysisResult", "run_checks"]
