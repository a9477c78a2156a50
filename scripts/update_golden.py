"""Create the golden cases and rewrite their expected verdicts (a deliberate act: review the diff).

.venv/bin/python scripts/update_golden.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.golden.golden import HERE, SHARED, observe  # noqa: E402


def ensure_cases() -> None:
    inputs = [f"shared/seeds/{p.name}" for p in sorted((SHARED / "seeds").glob("*.txt"))]
    inputs += [
        f"shared/corpus/fr-articles/{p.name}"
        for p in sorted((SHARED / "corpus" / "fr-articles").iterdir())
    ]
    inputs.append("examples/article-brief.txt")
    for spec in inputs:
        name = Path(spec).stem
        case_dir = HERE / "fr" / name
        case_dir.mkdir(parents=True, exist_ok=True)
        case_file = case_dir / "case.json"
        if not case_file.exists():
            case_file.write_text(json.dumps({"input": spec}, indent=2) + "\n", encoding="utf-8")


def main() -> None:
    ensure_cases()
    for case_dir in sorted((HERE / "fr").iterdir()):
        got = observe(case_dir)
        (case_dir / "expected.json").write_text(
            json.dumps(got, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8"
        )
        print(case_dir.name, got["seo"], got["readability"], got["words"])


if __name__ == "__main__":
    main()
