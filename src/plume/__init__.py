"""plume — articles français prêts pour le SEO.

Public API (curated; a test checks ``__all__``)::

    import plume
    report = plume.analyse("article.txt", keyphrase="OpenAI")
    print(report.seo.value, report.readability.value)

    settings = plume.load_settings()
    request = plume.OptimiseRequest(
        sources=(plume.read_path("article.txt", settings),),
        settings=settings,
        fields=plume.EditorFields(keyphrase="OpenAI"),
        mode=plume.Mode.FAITHFUL,
    )
    print(plume.optimise(request).article.title)
"""

from __future__ import annotations

from plume.document import Brief, Document, EditorFields
from plume.errors import PlumeError
from plume.ingest import read_path, read_text
from plume.pipeline import OptimiseRequest, analyse, optimise
from plume.report import CheckResult, Report, Score
from plume.settings import Mode, Settings, load_settings

__version__ = "0.1.0"

__all__ = [
    "Brief",
    "CheckResult",
    "Document",
    "EditorFields",
    "Mode",
    "OptimiseRequest",
    "PlumeError",
    "Report",
    "Score",
    "Settings",
    "__version__",
    "analyse",
    "load_settings",
    "optimise",
    "read_path",
    "read_text",
]
