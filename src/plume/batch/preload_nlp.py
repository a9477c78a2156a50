"""Forkserver preload, as :mod:`plume.batch.preload`, plus spaCy's French model: slow to load
(see docs/calibration.md), so loaded once per batch instead of once per worker."""

from __future__ import annotations

import contextlib

with contextlib.suppress(Exception):
    from plume.batch.worker import warm

    warm(check_entities=True)
