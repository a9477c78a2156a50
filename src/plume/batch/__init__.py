"""Batch mode: many articles, in parallel, resumable, one failure never stops the rest.

``plume batch INPUTS… -o OUTDIR`` is a thin shell over :func:`run_batch`. See
:mod:`plume.batch.runner` for the scheduler, :mod:`plume.batch.store` for the job store that
makes a batch resumable, and :mod:`plume.batch.names` for the output folder names.
"""

from __future__ import annotations

from plume.batch.runner import BatchOptions, BatchSummary, Planned, exit_code_for, run_batch
from plume.batch.worker import MODES, JobResult, JobSpec

__all__ = [
    "MODES",
    "BatchOptions",
    "BatchSummary",
    "JobResult",
    "JobSpec",
    "Planned",
    "exit_code_for",
    "run_batch",
]
