"""``python -m plume`` runs the CLI."""

from plume.cli.app import main

main()
