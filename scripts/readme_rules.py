"""Regenerate docs/rules.md's table of checks from the rules themselves (the docs live on the rule).

.venv/bin/python scripts/readme_rules.py          # rewrite docs/rules.md in place
.venv/bin/python scripts/readme_rules.py --check  # exit 1 if docs/rules.md is out of date
"""

from __future__ import annotations

import sys
from pathlib import Path

from plume.analyse.checks.base import REGISTRY

RULES_DOC = Path(__file__).resolve().parents[1] / "docs" / "rules.md"
START, END = "<!-- rules:start -->", "<!-- rules:end -->"


def table() -> str:
    rows = [
        "| Code | Contrôle | Seuils | Source |",
        "|---|---|---|---|",
    ]
    for code in sorted(REGISTRY):
        r = REGISTRY[code]
        th = ", ".join(f"{k} = {v.value:g}" for k, v in r.thresholds.items()) or "—"
        sources = "; ".join(sorted({v.source for v in r.thresholds.values()})) or "—"
        rows.append(f"| `{code}` | {r.name.fr} | {th} | {sources} |")
    return "\n".join(rows)


def render(doc: str) -> str:
    head, rest = doc.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{table()}\n{END}{tail}"


def main() -> int:
    current = RULES_DOC.read_text(encoding="utf-8")
    new = render(current)
    if "--check" in sys.argv:
        return 0 if new == current else 1
    RULES_DOC.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
