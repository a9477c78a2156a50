"""The README stays true: its table of checks is generated from the rules."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_readme_rules_table_is_up_to_date() -> None:
    res = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "readme_rules.py"), "--check"], check=False
    )
    assert res.returncode == 0, "run: .venv/bin/python scripts/readme_rules.py"


def test_readme_quick_start_has_the_two_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "bash scripts/setup.sh" in text and "bash scripts/test.sh" in text
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "scripts/test.sh" in ci


def test_report_schema_document_is_up_to_date() -> None:
    res = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "report_schema.py"), "--check"], check=False
    )
    assert res.returncode == 0, "run: .venv/bin/python scripts/report_schema.py"
