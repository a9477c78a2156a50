"""Golden full-text cases (after yoastseo's ``fullTextTests``): one folder per case.

``tests/golden/fr/<case>/case.json`` names the input (under ``../shared`` or the repo) and the
flags; ``expected.json`` holds the expected verdicts. Expected files change only deliberately:
``.venv/bin/python scripts/update_golden.py`` rewrites them, and the diff is reviewed in the commit.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from plume.analyse.audit import analyse_document
from plume.document import EditorFields
from plume.ingest import read_path
from plume.settings import load_settings

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SHARED = (ROOT / ".." / "shared").resolve()


def case_dirs() -> list[Path]:
    return sorted(p for p in (HERE / "fr").iterdir() if (p / "case.json").is_file())


def resolve_input(spec: str) -> Path:
    return SHARED / spec[len("shared/") :] if spec.startswith("shared/") else ROOT / spec


def observe(case_dir: Path) -> dict[str, Any]:
    """What the golden file records: verdicts, not prose (messages may be reworded freely)."""
    case = json.loads((case_dir / "case.json").read_text(encoding="utf-8"))
    settings = load_settings({"lang": "fr"}, env={"PLUME_CONFIG": "/nonexistent"})
    doc = read_path(resolve_input(case["input"]), settings)
    fields = EditorFields(
        keyphrase=case.get("keyphrase"),
        title=case.get("title"),
        meta=case.get("meta"),
        slug=case.get("slug"),
    )
    report = analyse_document(doc, settings, fields)
    rules: dict[str, int] = {}
    for ch in report.cleaning:
        rules[ch.rule] = rules.get(ch.rule, 0) + 1
    return {
        "keyphrase": report.keyphrase,
        "keyphrase_source": report.keyphrase_source,
        "brief": report.brief.model_dump(exclude={"raw"}) if report.brief else None,
        "detected_language": report.detected_language,
        "words": report.stats.words,
        "headings": report.stats.headings,
        "seo": report.seo.rating.value,
        "readability": report.readability.rating.value,
        "checks": {c.code: c.rating.value for c in report.checks},
        "cleaning_rules": dict(sorted(rules.items())),
        "cleaning_findings": sorted({f.code for f in report.cleaning_findings}),
    }
