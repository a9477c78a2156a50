"""Imported by the forkserver before it forks workers (``set_forkserver_preload``): everything
an article needs is loaded once there, and every worker (a rebuilt one too, after a crash) starts
warm by fork, sharing those pages copy-on-write. Errors are swallowed: a worker that starts
cold still works, it only loads what it needs itself.
"""

from __future__ import annotations

import contextlib

with contextlib.suppress(Exception):
    from plume.batch.worker import warm

    warm(check_entities=False)
