"""Write (or check) ``docs/report.schema.json``: the JSON schema of ``plume analyse --format json``.

.venv/bin/python scripts/report_schema.py          # rewrite
.venv/bin/python scripts/report_schema.py --check  # exit 1 if out of date
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from plume.report import SCHEMA_VERSION, Report

OUT = Path(__file__).resolve().parents[1] / "docs" / "report.schema.json"


def render() -> str:
    schema = Report.model_json_schema()
    schema["$id"] = f"https://plume.invalid/report/{SCHEMA_VERSION}"
    schema["title"] = f"plume report {SCHEMA_VERSION}"
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def main() -> int:
    new = render()
    if "--check" in sys.argv:
        return 0 if OUT.is_file() and OUT.read_text(encoding="utf-8") == new else 1
    OUT.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
