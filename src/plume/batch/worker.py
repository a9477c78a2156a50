"""One article, start to finish, isolated: read → :func:`plume.pipeline.optimise` → render →
write.

:func:`execute_job` never raises for a bad article: every exception becomes a ``failed``
result with an exit-code-like ``error_code`` and a French and an English message, so one bad
article cannot stop the batch. It runs in a worker process (CPU work, the local model) or in a
thread of the scheduler process (remote backends), and never touches the job store: the
scheduler alone writes it.

The spec names the mode (:data:`MODES`); :func:`run_job` turns the spec into an
:class:`~plume.pipeline.OptimiseRequest`, and the pipeline runs the mode. A test or a plugin
may pass its own picklable ``(document, spec, backend) -> OptimiseReport`` instead.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plume.backends import backend_from_settings
from plume.backends.base import Backend
from plume.batch.limiter import CountingBackend
from plume.batch.names import inside
from plume.document import Document
from plume.errors import PlumeError
from plume.optimisation import OptimiseReport
from plume.settings import Mode, Settings

__all__ = [
    "MODES",
    "JobResult",
    "JobSpec",
    "ModeFn",
    "execute_job",
    "process_job",
    "run_job",
]

#: Mode names, as ``--mode`` and the manifest's ``mode`` column give them.
MODES: tuple[str, ...] = tuple(m.value for m in Mode)


@dataclass(frozen=True, slots=True)
class JobSpec:
    """Everything a worker needs for one article (pickled to the worker process)."""

    name: str
    source: str
    outdir: str
    settings: Settings
    mode: str = "faithful"
    keyphrase: str | None = None
    synonyms: tuple[str, ...] = ()
    min_words: int | None = None
    check_entities: bool = True
    #: ``None``: no model (deterministic path); ``"local"``: the embedded model, one per worker
    #: process; a remote backend is not built by the worker but passed to :func:`execute_job`.
    backend: str | None = None
    model_name: str | None = None


@dataclass(slots=True)
class JobResult:
    name: str
    status: str  # done | done_short | failed
    duration_s: float = 0.0
    keyphrase: str | None = None
    words: int | None = None
    min_words: int | None = None
    words_missing: int | None = None
    seo_before: int | None = None
    seo_after: int | None = None
    readability_before: int | None = None
    readability_after: int | None = None
    backend_calls: int = 0
    backend_seconds: float = 0.0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    error_code: int | None = None
    error_fr: str | None = None
    error_en: str | None = None
    #: A traceback for unexpected errors: kept in the job store, never printed.
    error_detail: str | None = None
    files: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "duration_s": round(self.duration_s, 3),
            "keyphrase": self.keyphrase,
            "words": self.words,
            "min_words": self.min_words,
            "words_missing": self.words_missing,
            "scores": {
                "seo": {"before": self.seo_before, "after": self.seo_after},
                "readability": {
                    "before": self.readability_before,
                    "after": self.readability_after,
                },
            },
            "tokens": {"prompt": self.prompt_tokens, "completion": self.completion_tokens},
            "backend": {"calls": self.backend_calls, "seconds": round(self.backend_seconds, 3)},
            "error": (
                None
                if self.error_code is None
                else {
                    "code": self.error_code,
                    "message": self.error_fr,
                    "message_en": self.error_en,
                }
            ),
            "files": self.files,
        }


ModeFn = Callable[[Document, JobSpec, Backend | None], OptimiseReport]


def run_job(doc: Document, spec: JobSpec, backend: Backend | None) -> OptimiseReport:
    """The article in the spec's mode, exactly as ``plume optimise`` runs it. The clock is read
    per article, as ``plume optimise`` does: the publication date."""
    from plume.document import EditorFields
    from plume.pipeline import OptimiseRequest, optimise

    request = OptimiseRequest(
        sources=(doc,),
        settings=spec.settings,
        fields=EditorFields(
            keyphrase=spec.keyphrase, synonyms=spec.synonyms, min_words=spec.min_words
        ),
        mode=Mode(spec.mode),
        use_model=spec.backend is not None,
        check_entities=spec.check_entities,
        model_name=spec.model_name,
    )
    return optimise(request, backend=backend)


def execute_job(spec: JobSpec, backend: Backend | None, mode_fn: ModeFn | None = None) -> JobResult:
    """Process one article; never raises (except ``KeyboardInterrupt``/``SystemExit``)."""
    from plume.ingest import read_path
    from plume.render.files import write_outputs
    from plume.render.outputs import render_outputs

    start = time.perf_counter()
    counting = CountingBackend(backend) if backend is not None else None
    result = JobResult(name=spec.name, status="failed")
    try:
        try:
            target = inside(Path(spec.outdir), spec.name)
        except ValueError:
            raise PlumeError(
                f"Nom de sortie refusé\u00a0: «\u00a0{spec.name}\u00a0» sortirait du dossier de sortie.",
                f"Output name refused: {spec.name!r} would leave the output folder.",
            ) from None
        if mode_fn is None and spec.mode not in MODES:
            raise PlumeError(
                f"Mode inconnu\u00a0: «\u00a0{spec.mode}\u00a0» (disponibles\u00a0: {', '.join(sorted(MODES))}).",
                f"Unknown mode: {spec.mode!r} (available: {', '.join(sorted(MODES))}).",
            )
        doc = read_path(Path(spec.source), spec.settings)
        report = (mode_fn or run_job)(doc, spec, counting)
        files = render_outputs(report)
        written = write_outputs(target, files)
        result.status = "done_short" if report.words_missing else "done"
        if not report.passed:
            # A rewrite that did not meet every hard constraint: its draft and report are
            # written (render_outputs marks them), the article counts as failed.
            from plume.errors import EXIT_REWRITE_FAILED

            failures = report.rewrite.failures if report.rewrite else []
            result.status = "failed"
            result.error_code = EXIT_REWRITE_FAILED
            result.error_fr = "Réécriture en échec : " + " ; ".join(failures[:3])
            result.error_en = "Rewrite failed: " + "; ".join(failures[:3])
        result.keyphrase = report.keyphrase
        result.words = report.words
        result.min_words = report.min_words
        result.words_missing = report.words_missing
        result.seo_before = report.before.seo.value
        result.seo_after = report.after.seo.value
        result.readability_before = report.before.readability.value
        result.readability_after = report.after.readability.value
        result.files = [p.name for p in written]
    except PlumeError as exc:
        result.error_code = exc.exit_code
        result.error_fr = exc.message("fr")
        result.error_en = exc.message("en")
    except Exception as exc:
        result.error_code = 1
        what = f"{type(exc).__name__}: {exc}"[:300]
        result.error_fr = f"Erreur interne de plume ({what}). Signalez-la avec le fichier."
        result.error_en = f"Internal plume error ({what}). Please report it with the file."
        result.error_detail = traceback.format_exc()
    if counting is not None:
        result.backend_calls = counting.calls
        result.backend_seconds = counting.seconds
        result.prompt_tokens = counting.prompt_tokens
        result.completion_tokens = counting.completion_tokens
    result.duration_s = time.perf_counter() - start
    return result


#: The embedded model of this worker process, loaded on its first article (not thread-safe:
#: one per process, which is why the local model runs in processes, never threads).
_PROCESS_BACKEND: Backend | None = None


def _process_backend(spec: JobSpec) -> Backend | None:
    global _PROCESS_BACKEND
    if spec.backend is None:
        return None
    if _PROCESS_BACKEND is None:
        # Only an in-process backend reaches a worker process (a remote one is shared by the
        # scheduler's threads: see plume.backends.is_remote), whatever the article's mode.
        _PROCESS_BACKEND = backend_from_settings(spec.settings.backend)
    return _PROCESS_BACKEND


def process_job(spec: JobSpec, mode_fn: ModeFn | None = None) -> JobResult:
    """Entry point in a worker process."""
    try:
        backend = _process_backend(spec)
    except Exception as exc:
        return JobResult(
            name=spec.name,
            status="failed",
            error_code=getattr(exc, "exit_code", 1),
            error_fr=str(exc),
            error_en=str(exc),
        )
    return execute_job(spec, backend, mode_fn)


def init_worker() -> None:
    """Worker processes ignore Ctrl-C: the scheduler stops them itself, cleanly."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


#: A short article run once through the whole pipeline before workers fork: the lazy loads
#: (lexicons, the language detector, compiled patterns) then happen once per batch instead of
#: on each worker's first article.
_WARM_TEXT = """Le vélo en ville progresse

À Lyon, le vélo en ville a gagné 12 % d’usagers en 2023, selon la métropole. Les pistes
cyclables relient désormais les quartiers. Les commerçants, d’abord inquiets, constatent que
les cyclistes reviennent plus souvent.

Pourquoi ce succès ? Parce que le trajet est plus court et moins cher. Cependant, les
stationnements manquent encore près des gares.
"""


def warm(check_entities: bool) -> None:
    """Load what every article needs, once (see :data:`_WARM_TEXT`)."""
    from plume.document import EditorFields
    from plume.ingest import read_text
    from plume.pipeline import OptimiseRequest, optimise
    from plume.render.outputs import render_outputs

    settings = Settings()
    request = OptimiseRequest(
        sources=(read_text(_WARM_TEXT, settings),),
        settings=settings,
        fields=EditorFields(keyphrase="vélo en ville"),
        use_model=False,
        check_entities=check_entities,
    )
    render_outputs(optimise(request))


def settings_fingerprint(spec: JobSpec) -> dict[str, Any]:
    """What, besides the input's bytes, decides the output: hashed into the job key."""
    import plume

    s = spec.settings
    return {
        "plume": plume.__version__,
        "mode": spec.mode,
        "keyphrase": spec.keyphrase,
        "synonyms": list(spec.synonyms),
        "min_words": spec.min_words,
        "check_entities": spec.check_entities,
        "backend": spec.backend,
        "model": spec.model_name,
        "lang": s.lang,
        "apostrophe": s.apostrophe.value,
        "fix_typography": s.fix_typography,
        "max_input_bytes": s.max_input_bytes,
        "temperature": s.backend.temperature if spec.backend else None,
        "seed": s.backend.seed if spec.backend else None,
    }
