"""Planning a batch: what runs, what is skipped, and on how many workers.

Inputs become items (:mod:`plume.batch.inputs`), items get safe unique output names
(:mod:`plume.batch.names`), each input's bytes are hashed (SHA-256, read once, never beyond
``max_input_bytes``) and the settings that shape the output are hashed. An article whose key
matches a ``done``/``done_short`` row of the job store, with its three files present, is
*skipped*; everything else runs (new, changed, failed before, or in flight when a previous run
was killed).
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from plume.backends import is_remote, model_label
from plume.batch.inputs import Item, collect_inputs, item_key
from plume.batch.names import assign_names
from plume.batch.remote import auto_processes
from plume.batch.store import FINISHED, JobRow, JobStore
from plume.batch.worker import MODES, JobSpec, ModeFn, settings_fingerprint
from plume.errors import ConfigError
from plume.render.outputs import OUTPUT_FILES
from plume.settings import Settings

__all__ = [
    "BatchOptions",
    "Planned",
    "machine_workers",
    "plan_batch",
    "remote_processes",
    "resolve_workers",
    "uses_remote_backend",
]


@dataclass(frozen=True)
class BatchOptions:
    inputs: list[str]
    outdir: Path
    settings: Settings
    mode: str = "faithful"
    keyphrase: str | None = None
    synonyms: tuple[str, ...] = ()
    min_words: int | None = None
    #: False: ``--no-model`` (deterministic path, no backend at all).
    use_model: bool = True
    #: False: the fact check skips named entities (spaCy is not loaded).
    check_entities: bool = True
    #: Worker processes; None = ``settings.batch.workers`` (0 = sized to the machine).
    workers: int | None = None
    force: bool = False
    max_failure_ratio: float | None = None
    #: A mode function overriding :data:`MODES` (plugins, tests); picklable by reference.
    mode_fn: ModeFn | None = None


@dataclass
class Planned:
    index: int
    item: Item
    name: str
    spec: JobSpec
    content_hash: str | None
    settings_hash: str
    #: "run" or "skip"; ``reason``: new, changed, retry, resume, force, unchanged.
    action: str
    reason: str
    row: JobRow | None = None


def machine_workers() -> int:
    """CPUs this process may run on (the affinity mask, as containers and ``taskset`` set it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def _content_hash(path: Path, limit: int) -> str | None:
    """SHA-256 of a regular file of at most ``limit`` bytes; None otherwise (the worker's
    ``read_path`` then gives the precise refusal: missing, too large, a directory…)."""
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode) or st.st_size > limit:
            return None
        digest = hashlib.sha256()
        read = 0
        with path.open("rb") as f:
            while block := f.read(1 << 20):
                read += len(block)
                if read > limit:  # grew since stat
                    return None
                digest.update(block)
        return digest.hexdigest()
    except OSError:
        return None


def _backend_kind(options: BatchOptions) -> str | None:
    """The registered backend name; None without a model (``--no-model``)."""
    return options.settings.backend.name if options.use_model else None


def _local_model(options: BatchOptions) -> bool:
    """A model loaded in-process (not thread-safe): one per worker process."""
    return options.use_model and not is_remote(options.settings.backend.name)


def uses_remote_backend(options: BatchOptions) -> bool:
    """A client of a service, shared by threads: the batch runs in threads, not a process pool."""
    return options.use_model and is_remote(options.settings.backend.name)


def _model_name(options: BatchOptions) -> str | None:
    return model_label(options.settings.backend) if options.use_model else None


def _outputs_present(outdir: Path, name: str) -> bool:
    return all((outdir / name / f).is_file() for f in OUTPUT_FILES)


def plan_batch(options: BatchOptions, store: JobStore | None) -> list[Planned]:
    """What this run will do for each input, in input order."""
    if options.mode not in MODES and options.mode_fn is None:
        raise ConfigError(
            f"Mode «\u00a0{options.mode}\u00a0» indisponible (disponibles\u00a0: {', '.join(sorted(MODES))}).",
            f"Mode {options.mode!r} unavailable (available: {', '.join(sorted(MODES))}).",
        )
    items = collect_inputs(options.inputs, options.outdir)
    names = assign_names([(it.wanted_name, item_key(it)) for it in items])
    rows = store.rows(names) if store is not None else {}
    outdir = options.outdir.resolve()
    limit = options.settings.max_input_bytes
    planned: list[Planned] = []
    for i, (item, name) in enumerate(zip(items, names, strict=True)):
        mode = item.mode or options.mode
        spec = JobSpec(
            name=name,
            source=str(item.source),
            outdir=str(outdir),
            settings=options.settings,
            mode=mode,
            keyphrase=item.keyphrase or options.keyphrase,
            synonyms=options.synonyms,
            min_words=item.min_words if item.min_words is not None else options.min_words,
            check_entities=options.check_entities,
            backend=_backend_kind(options),
            model_name=_model_name(options),
        )
        fingerprint = json.dumps(settings_fingerprint(spec), sort_keys=True, default=str)
        settings_hash = hashlib.sha256(fingerprint.encode()).hexdigest()[:16]
        content_hash = _content_hash(item.source, limit)
        row = rows.get(name)
        if options.force:
            action, reason = "run", "force"
        elif row is None:
            action, reason = "run", "new"
        elif not row.same_key(content_hash, settings_hash):
            action, reason = "run", "changed"
        elif row.status == "running":
            action, reason = "run", "resume"
        elif row.status == "failed":
            action, reason = "run", "retry"
        elif row.status in FINISHED and _outputs_present(outdir, name):
            action, reason = "skip", "unchanged"
        else:
            action, reason = "run", "missing"
        planned.append(
            Planned(i, item, name, spec, content_hash, settings_hash, action, reason, row)
        )
    return planned


def _requested_workers(options: BatchOptions) -> int | None:
    return options.workers if options.workers is not None else options.settings.batch.workers


def resolve_workers(options: BatchOptions) -> int:
    """Worker processes for a process pool: ``--workers`` when given, else sized to the CPUs."""
    requested = _requested_workers(options)
    if requested and requested > 0:
        return requested
    cpus = machine_workers()
    if _local_model(options):
        # Each embedded model already uses ``backend.threads`` cores (all of them by default):
        # more processes than cores / threads would only make them fight over the CPU.
        return max(1, cpus // (options.settings.backend.threads or cpus))
    return cpus


def remote_processes(options: BatchOptions, jobs: int) -> int:
    """Processes sharing a remote backend's concurrency: ``--workers`` when given, else one
    per :data:`plume.batch.remote.SLOTS_PER_PROCESS` concurrent requests, up to one per core;
    never more than there are articles, nor than concurrent requests."""
    concurrency = options.settings.backend.concurrency
    requested = _requested_workers(options)
    n = requested if requested and requested > 0 else auto_processes(concurrency, machine_workers())
    return max(1, min(n, concurrency, jobs))
