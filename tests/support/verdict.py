"""The one property a rewrite by a real model must have, whatever it writes: the verdict is true.

A passing article passes every hard constraint (exit 0, article.md and article.html written); a
failing one is never presented as passing (exit 13, the failures listed, only the draft marked
"échec" beside report.json). Shared by the end-to-end tests where the model is not scripted.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import Result


def assert_truthful_verdict(res: Result, report: dict[str, Any], out: Path) -> None:
    rw = report["rewrite"]
    if rw["passed"]:
        assert res.exit_code == 0, res.output
        assert not [v for v in report["guards"]["violations"] if v["hard"]]
        assert report["fact_check"]["violations"] == []
        assert (out / "article.md").is_file() and (out / "article.html").is_file()
    else:
        assert res.exit_code == 13, res.output
        assert rw["failures"] and "Article en échec" in res.output
        assert not (out / "article.md").exists() and not (out / "article.html").exists()
        draft = (out / "article.draft.md").read_text(encoding="utf-8")
        assert draft.startswith('---\nplume_status: "échec"\n')
