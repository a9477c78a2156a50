#!/usr/bin/env bash
# Quick start, command 2: install the test dependencies and run the whole suite
# (ruff, mypy, pytest). `.ci/run` calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade "pip>=24"
.venv/bin/python -m pip install --quiet --disable-pip-version-check \
  -c requirements/constraints.txt -e ".[test]"
# The studio's browser tests drive Debian's Chromium (Playwright's own browser download cannot
# work here: only PyPI, Debian and npm are reachable). Installed once; skipped when present.
if ! command -v chromium >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
# The French grammar checker (Grammalecte, Debian's package): its tests run the real server.
bash scripts/install_grammalecte.sh
echo "== ruff" && .venv/bin/ruff check src tests bench scripts && .venv/bin/ruff format --check src tests bench scripts
echo "== mypy" && .venv/bin/mypy
echo "== pytest" && .venv/bin/pytest --durations=15 "$@"
