"""Forkserver preload, as :mod:`plume.batch._preload`, plus spaCy's French model (≈ 5 s to load
on the 2-core reference machine, measured; loaded once per batch instead of once per worker)."""

from __future__ import annotations

import contextlib

with contextlib.suppress(Exception):
    from plume.batch.worker import warm

    warm(check_entities=True)
