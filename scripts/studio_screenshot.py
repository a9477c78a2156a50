"""Refresh ``docs/studio.png``, the studio screenshot the README shows.

Runs the browser test that optimises the first seed in the studio (Debian's Chromium, a real
uvicorn server) with ``PLUME_UPDATE_SCREENSHOT=1``, which makes it copy its screenshot of the
results page over ``docs/studio.png``. Usage: ``.venv/bin/python scripts/studio_screenshot.py``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEST = "tests/studio/test_browser.py::test_optimise_the_seed_scores_highlight_download"


def main() -> int:
    target = ROOT / "docs" / "studio.png"
    before = target.stat().st_mtime_ns if target.exists() else None
    env = {**os.environ, "PLUME_UPDATE_SCREENSHOT": "1"}
    code = subprocess.call(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", TEST], cwd=ROOT, env=env
    )
    if code != 0:
        print("échec du test navigateur : docs/studio.png inchangé", file=sys.stderr)
        return code
    after = target.stat().st_mtime_ns if target.exists() else None
    print(f"docs/studio.png {'mis à jour' if after != before else 'inchangé'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
