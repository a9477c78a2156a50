"""Runs: one ``analyse`` or ``optimise`` request, executed in a worker thread, saved in the history.

The event loop never runs the pipeline: :class:`RunManager` hands each run to a small thread
pool and the page polls ``GET /api/runs/{id}`` for its stage. Every run has its own id, its own
input and its own result; nothing is shared between runs but the warm model, which is not
thread-safe (llama.cpp's server object), so :class:`ModelHolder` keeps *one* instance per process
behind a lock: a second model run waits for the first, a run without the model does not wait.

An optimise run is one :class:`~plume.pipeline.OptimiseRequest` built from the form: the
pipeline runs its mode.
"""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from plume.backends import backend_from_settings, backend_settings_for, is_remote
from plume.backends.base import Backend, CountingBackend
from plume.document import Document, EditorFields
from plume.errors import ConfigError, InputNotFound, PlumeError
from plume.optimisation import OptimiseReport
from plume.report import Msg, Report
from plume.settings import Mode, Settings
from plume.studio.store import RefusedEdit, RunRecord, RunSummary, Store

__all__ = [
    "ErrorInfo",
    "ModelHolder",
    "RunManager",
    "RunOptions",
    "RunStatus",
]

#: Worker threads for optimise runs. Two: the reference machine has two cores, and the model is
#: lent to one run at a time anyway (the other proceeds with its own work).
WORKERS = 2
#: Worker threads for analyses, apart: an analysis (≈ 0.1 s) never queues behind optimise runs
#: (seconds each; issue 20: four at once kept the analyses waiting).
ANALYSE_WORKERS = 2

#: Finished runs kept in memory for status polling; older ones are still in the history file.
KEEP_FINISHED = 200

Action = Literal["analyse", "optimise"]
Stage = Literal["queued", "reading", "analysing", "optimising", "model", "saving", "done", "failed"]


class RunOptions(BaseModel):
    """What the editor chose in the form (or the API caller sent). Never holds a backend key."""

    keyphrase: str | None = Field(default=None, max_length=200)
    synonyms: list[str] = Field(default_factory=list, max_length=20)
    min_words: int | None = Field(default=None, ge=1, le=100_000)
    title: str | None = Field(default=None, max_length=500)
    meta: str | None = Field(default=None, max_length=1000)
    slug: str | None = Field(default=None, max_length=300)
    mode: Literal["faithful", "rewrite"] = "faithful"
    #: Registered backend name: "local" (the embedded model) or, in rewrite mode, "openai".
    backend: str = "local"
    #: ``--no-model``: deterministic headings, no model loaded.
    no_model: bool = False
    #: Publication date written in the article; default: now (UTC, to the second), as the CLI.
    #: Passing it makes two runs byte-identical.
    published: datetime | None = None


class ErrorInfo(BaseModel):
    """A run or request that failed: the error's class, the CLI's exit code, one line."""

    type: str
    exit_code: int
    message: str


class RunStatus(BaseModel):
    """``GET /api/runs/{id}``: where a run is; ``report_url`` once it is done."""

    id: str
    action: Action
    status: Literal["queued", "running", "done", "failed"]
    stage: Stage
    #: The stage in words, in the page's language.
    message: str
    created_at: str
    model_calls: int = 0
    error: ErrorInfo | None = None
    report_url: str | None = None
    page_url: str | None = None


_STAGES: dict[str, Msg] = {
    "queued": Msg("En attente d’un poste de travail…", "Waiting for a worker…"),
    "reading": Msg("Lecture du texte…", "Reading the text…"),
    "analysing": Msg("Nettoyage et audit SEO…", "Cleaning and SEO audit…"),
    "optimising": Msg(
        "Optimisation : nettoyage, structure, audit, vérification des faits…",
        "Optimising: cleaning, structure, audit, fact check…",
    ),
    "model": Msg("Modèle embarqué : chargement…", "Embedded model: loading…"),
    "saving": Msg("Enregistrement dans l’historique…", "Saving to the history…"),
    "done": Msg("Terminé.", "Done."),
    "failed": Msg("Échec.", "Failed."),
}


def stage_message(stage: str, lang: str, model_calls: int = 0) -> str:
    """Where a run is, in words, in ``lang``."""
    if stage == "model" and model_calls:
        return Msg(
            f"Modèle embarqué : proposition d’intertitre n° {model_calls}…",
            f"Embedded model: heading proposal #{model_calls}…",
        ).get(lang)
    return _STAGES[stage].get(lang)


@dataclass
class Job:
    """One run's input. ``data`` (an upload) or ``text`` (pasted), never both."""

    action: Action
    name: str
    options: RunOptions
    lang: str
    data: bytes | None = None
    text: str | None = None
    fmt: str | None = None


@dataclass
class _State:
    id: str
    job: Job
    created_at: str
    stage: Stage = "queued"
    model_calls: int = 0
    error: ErrorInfo | None = None
    future: Future[None] | None = field(default=None, repr=False)

    def status(self) -> RunStatus:
        done = self.stage == "done"
        return RunStatus(
            id=self.id,
            action=self.job.action,
            status=(
                "done"
                if done
                else "failed"
                if self.stage == "failed"
                else "queued"
                if self.stage == "queued"
                else "running"
            ),
            stage=self.stage,
            message=(
                self.error.message
                if self.error
                else stage_message(self.stage, self.job.lang, self.model_calls)
            ),
            created_at=self.created_at,
            model_calls=self.model_calls,
            error=self.error,
            report_url=f"/api/runs/{self.id}/report" if done else None,
            page_url=f"/runs/{self.id}" if done else None,
        )


class ModelHolder:
    """One warm backend per server process, shared by the runs: its completions take turns
    (:func:`plume.backends.machine.model_turn`), so one run's own work (cleaning, checks,
    rendering) proceeds while another's completion runs (issue 20)."""

    def __init__(self, factory: Callable[[], Backend]) -> None:
        self._factory = factory
        self._backend: Backend | None = None
        self._lock = threading.Lock()

    @contextmanager
    def borrow(self, on_call: Callable[[], None]) -> Iterator[Backend]:
        with self._lock:
            if self._backend is None:
                self._backend = self._factory()
            backend = self._backend
        yield CountingBackend(backend, on_call)

    def close(self) -> None:
        with self._lock:
            if self._backend is not None:
                self._backend.close()
                self._backend = None


def local_backend_factory(settings: Settings) -> Callable[[], Backend]:
    """Builds the warm model on the first model run: the in-process backend a run borrows (the
    one faithful mode uses, see :func:`plume.backends.backend_settings_for`)."""

    def make() -> Backend:
        return backend_from_settings(backend_settings_for(settings.backend, Mode.FAITHFUL))

    return make


# --- the pipeline call, one place ------------------------------------------------------------

Progress = Callable[[Stage], None]


@dataclass
class _Context:
    settings: Settings
    models: ModelHolder
    progress: Progress
    on_model_call: Callable[[], None]


#: Backends the studio can lend to a run; others are refused with a clear message.
BACKENDS = ("local", "openai")

_REWRITE_NEEDS_MODEL = Msg(
    "Le mode réécriture demande un modèle : décochez « sans modèle ».",
    "Rewrite mode needs a model: untick 'no model'.",
)


def _optimise(doc: Document, opts: RunOptions, ctx: _Context) -> OptimiseReport:
    """The form as an :class:`~plume.pipeline.OptimiseRequest`, run by the pipeline. The model
    is the warm one, lent; a remote backend (rewrite mode's ``openai``) is configured on the
    server side (``[backend]``, ``PLUME_BACKEND__*`` — the browser names the backend, never a
    URL or a key) and built for the run."""
    from plume.pipeline import OptimiseRequest, optimise, publication_time

    backend = ctx.settings.backend.model_copy(update={"name": opts.backend})
    request = OptimiseRequest(
        sources=(doc,),
        settings=ctx.settings.model_copy(update={"backend": backend}),
        fields=EditorFields(
            keyphrase=opts.keyphrase, synonyms=tuple(opts.synonyms), min_words=opts.min_words
        ),
        mode=Mode(opts.mode),
        use_model=not opts.no_model,
        published=opts.published or publication_time(),
    )
    if opts.no_model and request.mode is Mode.REWRITE:
        raise ConfigError(_REWRITE_NEEDS_MODEL)
    if opts.no_model:
        ctx.progress("optimising")
        return optimise(request)
    ctx.progress("model")
    chosen = backend_settings_for(backend, request.mode)
    if is_remote(chosen.name):
        remote = backend_from_settings(chosen)
        try:
            return optimise(request, backend=CountingBackend(remote, ctx.on_model_call))
        finally:
            remote.close()
    with ctx.models.borrow(ctx.on_model_call) as lent:
        return optimise(request, backend=lent)


def _read(job: Job, settings: Settings) -> Document:
    from plume.ingest import read_bytes, read_text

    if job.data is not None:
        return read_bytes(job.data, settings, job.name, job.fmt)
    return read_text(job.text or "", settings, job.name, job.fmt or "txt")


def execute(job: Job, ctx: _Context) -> tuple[RunSummary, dict[str, str]]:
    """Run ``job``; return the history line and the files (report JSON, rendered article)."""
    from plume.analyse.audit import analyse_document
    from plume.render.outputs import DRAFT_FILE, render_outputs

    opts = job.options
    ctx.progress("reading")
    doc = _read(job, ctx.settings)
    base: dict[str, Any] = {"source": job.name, "keyphrase": opts.keyphrase}
    if job.action == "analyse":
        ctx.progress("analysing")
        fields = EditorFields(
            keyphrase=opts.keyphrase,
            synonyms=tuple(opts.synonyms),
            min_words=opts.min_words,
            title=opts.title,
            meta=opts.meta,
            slug=opts.slug,
        )
        report: Report = analyse_document(doc, ctx.settings, fields)
        files = {"report.json": report.model_dump_json(indent=2) + "\n"}
        base |= {
            "keyphrase": report.keyphrase,
            "seo_before": report.seo.value,
            "readability_before": report.readability.value,
        }
        return RunSummary(id="", created_at="", action="analyse", **base), files
    if opts.backend not in BACKENDS and not opts.no_model:
        raise ConfigError(
            f"Moteur « {opts.backend} » pas encore disponible dans le studio : "
            "utilisez le modèle embarqué (local) ou « sans modèle ».",
            f"Backend '{opts.backend}' is not available in the studio yet: use the embedded "
            "model (local) or 'no model'.",
        )
    if opts.published is None:
        from plume.pipeline import publication_time

        # Kept with the run's options: undoing an edit runs it again at the same date, so that
        # the edit is the only difference.
        job.options = opts = opts.model_copy(update={"published": publication_time()})
    result = _optimise(doc, opts, ctx)
    base |= {
        "keyphrase": result.keyphrase,
        "seo_before": result.before.seo.value,
        "seo_after": result.after.seo.value,
        "readability_before": result.before.readability.value,
        "readability_after": result.after.readability.value,
    }
    files = render_outputs(result)
    summary = RunSummary(
        id="",
        created_at="",
        action="optimise",
        mode=result.mode,
        failing=DRAFT_FILE in files,
        **base,
    )
    return summary, files


def error_info(err: BaseException, lang: str) -> ErrorInfo:
    if isinstance(err, PlumeError):
        return ErrorInfo(
            type=type(err).__name__, exit_code=err.exit_code, message=err.message(lang)
        )
    kind = type(err).__name__
    return ErrorInfo(
        type="InternalError",
        exit_code=1,
        message=Msg(
            f"Erreur interne ({kind}) : le texte est gardé, réessayez ou signalez-la.",
            f"Internal error ({kind}): your text is kept; retry or report it.",
        ).get(lang),
    )


class RunManager:
    """Starts runs in worker threads and answers "where is run X"."""

    def __init__(self, settings: Settings, store: Store, models: ModelHolder) -> None:
        self.settings = settings
        self.store = store
        self.models = models
        self._pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="plume-run")
        self._analyses = ThreadPoolExecutor(
            max_workers=ANALYSE_WORKERS, thread_name_prefix="plume-analyse"
        )
        self._states: OrderedDict[str, _State] = OrderedDict()
        self._lock = threading.Lock()
        #: One revision of a run at a time: each reads the refused edits the last one wrote.
        self._revising: dict[str, threading.Lock] = {}

    def submit(self, job: Job) -> RunStatus:
        run_id = secrets.token_hex(8)
        state = _State(
            id=run_id,
            job=job,
            created_at=datetime.now(UTC).isoformat(timespec="milliseconds"),
        )
        with self._lock:
            self._states[run_id] = state
            self._forget_old()
        pool = self._analyses if job.action == "analyse" else self._pool
        state.future = pool.submit(self._run, state)
        return state.status()

    def future(self, run_id: str) -> Future[None] | None:
        with self._lock:
            state = self._states.get(run_id)
        return state.future if state else None

    def status(self, run_id: str) -> RunStatus | None:
        with self._lock:
            state = self._states.get(run_id)
        if state is not None:
            return state.status()
        return None

    def _forget_old(self) -> None:
        finished = [k for k, s in self._states.items() if s.stage in ("done", "failed")]
        for key in finished[: max(0, len(finished) - KEEP_FINISHED)]:
            del self._states[key]

    def _run(self, state: _State) -> None:
        job = state.job
        settings = self.settings
        if settings.lang != job.lang:
            settings = settings.model_copy(update={"lang": job.lang})

        def progress(stage: Stage) -> None:
            state.stage = stage

        def on_model_call() -> None:
            state.model_calls += 1

        ctx = _Context(settings, self.models, progress, on_model_call)
        try:
            summary, files = execute(job, ctx)
            progress("saving")
            options = job.options.model_dump(mode="json")
            summary = summary.model_copy(update={"id": state.id, "created_at": state.created_at})
            data = job.data if job.data is not None else (job.text or "").encode("utf-8")
            fmt = job.fmt if job.data is not None else (job.fmt or "txt")
            self.store.save(RunRecord(summary, options, job.name, fmt, data, files))
        except Exception as err:  # every failure is shown on the page, the input kept
            state.error = error_info(err, job.lang)
            state.stage = "failed"
            return
        state.stage = "done"

    def revise(self, run_id: str, edit: RefusedEdit, refuse: bool, lang: str) -> Future[None]:
        """Undo (``refuse``) or restore ``edit`` on the optimisation ``run_id``: the run again,
        with the same input, options and date, and the run's refused edits but this one changed
        (:attr:`plume.settings.Settings.refused_edits`); its files, scores and refused edits
        are replaced. In a worker thread, like every run."""
        with self._lock:
            lock = self._revising.setdefault(run_id, threading.Lock())
        return self._pool.submit(self._revise, lock, run_id, edit, refuse, lang)

    def _revise(
        self, lock: threading.Lock, run_id: str, edit: RefusedEdit, refuse: bool, lang: str
    ) -> None:
        with lock:
            record = self.store.get(run_id)
            if record is None:
                raise InputNotFound(f"Passage {run_id} introuvable.", f"Run {run_id} not found.")
            refused = [r for r in self.store.refused(run_id) if r.id != edit.id]
            if refuse:
                refused.append(edit)
            settings = self.settings.model_copy(
                update={"lang": lang, "refused_edits": frozenset(r.id for r in refused)}
            )
            options = RunOptions.model_validate(record.options)
            if options.published is None:
                # A run saved before its date was kept with it: the date its article carries
                # (the run's date is the modification date of a source that has its own).
                article = OptimiseReport.model_validate_json(record.files["report.json"]).article
                published = article.date_modified or article.date_published
                options = options.model_copy(update={"published": published})
            job = Job(
                action="optimise",
                name=record.input_name,
                options=options,
                lang=lang,
                data=record.input_data,
                fmt=record.input_format,
            )
            ctx = _Context(settings, self.models, lambda _: None, lambda: None)
            summary, files = execute(job, ctx)
            self.store.revise(run_id, summary, files, refused)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._analyses.shutdown(wait=True, cancel_futures=True)
        self.models.close()
