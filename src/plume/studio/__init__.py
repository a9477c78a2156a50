"""The web studio (``plume serve``): paste or upload an article, analyse or optimise it, see the
scores, the checks and their passages, the Google preview, and download the files.

``create_app(settings)`` builds the FastAPI application; :mod:`plume.cli.serve` runs it.
"""

from __future__ import annotations

from plume.studio.app import create_app

__all__ = ["create_app"]
