"""Regenerate the README's table of checks from the rules themselves (the docs live on the rule).

.venv/bin/python scripts/readme_rules.py          # rewrite README.md in place
.venv/bin/python scripts/readme_rules.py --check  # exit 1 if the README is out of date
"""

from __future__ import annotations

import sys
from pathlib import Path

from plume.analyse.checks.base import REGISTRY

README = Path(__file__).resolve().parents[1] / "README.md"
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


def render(readme: str) -> str:
    head, rest = readme.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{table()}\n{END}{tail}"


def main() -> int:
    current = README.read_text(encoding="utf-8")
    new = render(current)
    if "--check" in sys.argv:
        return 0 if new == current else 1
    README.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
