"""Readability checks: yoastseo's readability assessments, with their French configuration.

Each reproduces one yoastseo 3.6 assessment (``scoring/assessments/readability/``): same measure,
same bands, same 0–9 scores, so the aggregate (``analyse.scoring``) follows Yoast's method. The
measurements come from :mod:`plume.analyse.researches`; where a check deliberately differs from
yoastseo, its docstring says so and why.

Importing this package registers the checks, in this order: indices, lengths, style.
"""

from __future__ import annotations

# The import order is the registration order, hence the order of the checks in every report.
# isort: off
from plume.analyse.checks.readability import indices
from plume.analyse.checks.readability import lengths
from plume.analyse.checks.readability import style

# isort: on

__all__ = ["indices", "lengths", "style"]
