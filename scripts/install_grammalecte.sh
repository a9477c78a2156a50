#!/usr/bin/env bash
# Installs Grammalecte, the French grammar checker plume runs as its own process (GPL-3, so
# never imported: plume talks to Debian's grammalecte-server over HTTP on 127.0.0.1). From
# Debian/Ubuntu's packages, as root (or with password-less sudo); elsewhere it says what to do
# and plume reports "checker not installed" in every audit. Re-running it is safe and fast.
set -uo pipefail
if command -v grammalecte-server >/dev/null 2>&1; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "plume : Grammalecte non installé (pas d’apt-get ici) ; installez grammalecte-server" \
    "ou réglez [grammar] url — voir docs/grammar.md." >&2
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo"
  else
    echo "plume : Grammalecte non installé (il faut être root) ; lancez en root :" \
      "apt-get install grammalecte-cli — voir docs/grammar.md." >&2
    exit 0
  fi
fi
echo "plume : installation du correcteur Grammalecte (apt-get install grammalecte-cli)…" >&2
if ! { $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends grammalecte-cli >/dev/null; }; then
  echo "plume : l’installation de Grammalecte a échoué ; plume le signalera dans ses rapports." >&2
fi
exit 0
