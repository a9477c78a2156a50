"""plume — articles français prêts pour le SEO.

Public API (curated; a test checks ``__all__``)::

    import plume
    report = plume.analyse("article.txt", keyphrase="OpenAI")
    print(report.seo.value, report.readability.value)
"""

from __future__ import annotations

from plume.document import Brief, Document
from plume.errors import PlumeError
from plume.pipeline import analyse
from plume.report import CheckResult, Report, Score
from plume.settings import Settings, load_settings

__version__ = "0.1.0"

__all__ = [
    "Brief",
    "CheckResult",
    "Document",
    "PlumeError",
    "Report",
    "Score",
    "Settings",
    "__version__",
    "analyse",
    "load_settings",
]
