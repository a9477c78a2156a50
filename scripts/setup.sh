#!/usr/bin/env bash
# Quick start, command 1: install everything into ./.venv and run the main job (plume optimise,
# with the embedded model) on the example shipped in examples/; the article lands in out/.
# Works on a fresh machine with Python ≥ 3.11; reaches only PyPI (pinned versions, see
# requirements/constraints.txt) and, as root, Debian's archive for Grammalecte (the grammar
# checker, scripts/install_grammalecte.sh). Re-running it is safe and fast.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade "pip>=24"
.venv/bin/python -m pip install --quiet --disable-pip-version-check \
  -c requirements/constraints.txt -e .
# The French grammar checker, a separate program (apt, as root; skipped with a message otherwise).
bash scripts/install_grammalecte.sh
echo "plume installé dans .venv — optimisation de l’exemple (premier article, consigne comprise) :" >&2
exec .venv/bin/plume optimise examples/seed-openai.txt -o out/seed-openai "$@"
