"""The web studio: ``create_app(settings) -> FastAPI``, a thin shell over :mod:`plume.pipeline`.

Every page has a JSON twin (datasette's habit): the form posts to ``POST /api/runs``, the page
polls ``GET /api/runs/{id}``, the results come from ``GET /api/runs/{id}/report`` — the same JSON
the CLI prints (``plume analyse --format json``) or writes (``report.json`` of
``plume optimise``). ``POST /api/analyse`` and ``POST /api/optimise`` do a whole run in one call
for scripts. The OpenAPI document is ``/openapi.json`` (no Swagger page: it would load scripts
from a CDN, which the Content-Security-Policy and the offline rule both forbid).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from functools import partial
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from pydantic import BaseModel, Field, ValidationError
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException

from plume.backends.base import Backend
from plume.document import Brief
from plume.errors import (
    ConfigError,
    EmptyInput,
    InputNotFound,
    InputTooLarge,
    PlumeError,
    UndecodableInput,
    UnsupportedInput,
)
from plume.optimisation import OptimiseReport
from plume.render.outputs import DRAFT_FILE, OUTPUT_FILES
from plume.report import Rating, Report, Score
from plume.settings import Settings, load_settings
from plume.studio import views
from plume.studio.i18n import edit_kind, number, size_text, translate
from plume.studio.runs import (
    ErrorInfo,
    Job,
    ModelHolder,
    RunManager,
    RunOptions,
    RunStatus,
    error_info,
    local_backend_factory,
)
from plume.studio.security import FORM_OVERHEAD_BYTES, BodyTooLarge, Guard, too_large_message
from plume.studio.store import RefusedEdit, RunRecord, RunSummary, Store, default_db_path

__all__ = ["create_app"]

HERE = Path(__file__).parent

#: HTTP status for each error of :mod:`plume.errors` (the CLI's exit code travels in the body).
_STATUS: tuple[tuple[type[PlumeError], int], ...] = (
    (InputTooLarge, 413),
    (UnsupportedInput, 415),
    (EmptyInput, 422),
    (UndecodableInput, 422),
    (InputNotFound, 404),
    (ConfigError, 422),
)

_MEDIA = {
    "article.md": "text/markdown; charset=utf-8",
    # A failing rewrite's last draft (marked as failing), written instead of article.md.
    DRAFT_FILE: "text/markdown; charset=utf-8",
    "article.html": "text/html; charset=utf-8",
    "report.json": "application/json",
}


class ErrorBody(BaseModel):
    """Every refusal: ``{"error": {"type", "exit_code", "message"}}`` (message in the page's
    language; ``exit_code`` is the CLI's for the same problem, 0 when the CLI has none)."""

    error: ErrorInfo


class RunRequest(RunOptions):
    """``POST /api/analyse`` and ``POST /api/optimise``: a text and the run's options."""

    text: str
    #: Name shown in the report (``source``); its extension chooses the reader when ``format``
    #: is not given.
    name: str = Field(default="texte", max_length=200)
    format: Literal["txt", "md", "html"] | None = None


class BriefInfo(BaseModel):
    """``POST /api/brief``: the brief understood in a text's first line (``null`` if none)."""

    brief: Brief | None = None


class CompareSide(BaseModel):
    run: RunSummary
    seo: Score
    readability: Score
    #: Final rating of each check (after optimisation for an optimise run).
    checks: dict[str, Rating]


class Comparison(BaseModel):
    """``GET /api/compare?a=…&b=…``: two runs' scores and check ratings side by side."""

    a: CompareSide
    b: CompareSide
    codes: list[str]


class VerifyRequest(BaseModel):
    """``POST /api/verify``: a field of an optimisation run, checked against the run's source.
    ``text`` checks an edited version instead of the one plume wrote."""

    run: str = Field(max_length=64)
    field: Literal["title", "seo_title", "meta_description"]
    text: str | None = Field(default=None, max_length=1000)


class ClaimVerdict(BaseModel):
    """One sentence's verdict: ``plume verify --format json``'s shape."""

    claim: str
    supported: bool
    #: The source sentence that says it, or the closest one when it is not supported.
    evidence: str | None = None
    reason: str


class VerifyResult(BaseModel):
    """The field's verdict: supported when every sentence of it is."""

    run: str
    field: str
    text: str
    supported: bool
    verdicts: list[ClaimVerdict]


class EditDecision(BaseModel):
    """``PUT /api/runs/{id}/edits/{edit}``: ``refused`` true undoes the edit, false restores it."""

    refused: bool


class ApiError(Exception):
    def __init__(self, status: int, info: ErrorInfo) -> None:
        super().__init__(info.message)
        self.status = status
        self.info = info


def _status_for(err: BaseException) -> int:
    for cls, status in _STATUS:
        if isinstance(err, cls):
            return status
    return 502 if isinstance(err, PlumeError) else 500


def _api_error(status: int, kind: str, message: str, exit_code: int = 0) -> ApiError:
    return ApiError(status, ErrorInfo(type=kind, exit_code=exit_code, message=message))


_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (401, 403, 404, 413, 415, 422)
}

#: The form of ``POST /api/runs`` and ``POST /api/brief``, declared by hand because the route
#: parses it itself (Starlette's default caps a text field at 1 MB; the studio allows the upload
#: limit for pasted text too).
_FORM_SCHEMA: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "action": {"type": "string", "enum": ["analyse", "optimise"]},
                        "text": {"type": "string", "description": "Texte collé"},
                        "file": {"type": "string", "format": "binary"},
                        "format": {"type": "string", "enum": ["", "txt", "md", "html"]},
                        "keyphrase": {"type": "string"},
                        "synonyms": {"type": "string", "description": "Séparés par des virgules"},
                        "min_words": {"type": "integer"},
                        "title": {"type": "string"},
                        "meta": {"type": "string"},
                        "slug": {"type": "string"},
                        "mode": {"type": "string", "enum": ["faithful", "rewrite"]},
                        "backend": {"type": "string"},
                        "no_model": {"type": "boolean"},
                        "published": {"type": "string", "format": "date-time"},
                    },
                }
            }
        },
    }
}


def _none_if_blank(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def create_app(
    settings: Settings | None = None, *, backend_factory: Callable[[], Backend] | None = None
) -> FastAPI:
    """The studio for ``settings``; ``backend_factory`` builds the warm model (default: the
    embedded Gemma, created on the first model run)."""
    settings = settings or load_settings()
    store = Store(settings.studio.db_path or default_db_path())
    models = ModelHolder(backend_factory or local_backend_factory(settings))
    runs = RunManager(settings, store, models)
    limit = settings.studio.max_upload_bytes

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        await asyncio.to_thread(runs.close)

    from plume import __version__

    app = FastAPI(
        title="plume studio",
        version=__version__,
        description="Audit SEO et lisibilité, optimisation fidèle : la même chose que la CLI.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.store = store
    app.state.runs = runs
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True)
    templates = Jinja2Templates(env=env)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def lang_of(request: Request) -> str:
        q = request.query_params.get("lang")
        return q if q in ("fr", "en") else settings.lang

    def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        lang = lang_of(request)
        suffix = "?lang=en" if lang == "en" else ""
        other = "?lang=fr" if lang == "en" else "?lang=en"
        return templates.TemplateResponse(
            request,
            name,
            {
                "lang": lang,
                "t": partial(translate, lang),
                "q": suffix,
                "other_lang_url": request.url.path + other,
                "rating_text": lambda r: translate(lang, f"rating.{Rating(r).value}"),
                "number": lambda v, d=0: number(v, d, lang),
                **context,
            },
            status_code=status,
        )

    # --- errors -------------------------------------------------------------------------------

    @app.exception_handler(ApiError)
    async def on_api_error(request: Request, exc: ApiError) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse(
                ErrorBody(error=exc.info).model_dump(mode="json"), status_code=exc.status
            )
        return page(request, "error.html", status=exc.status, message=exc.info.message, title=None)

    @app.exception_handler(BodyTooLarge)
    async def on_too_large(request: Request, exc: BodyTooLarge) -> Response:
        msg = too_large_message(exc.size, exc.limit, lang_of(request))
        info = ErrorInfo(type="InputTooLarge", exit_code=InputTooLarge.exit_code, message=msg)
        return JSONResponse(ErrorBody(error=info).model_dump(mode="json"), status_code=413)

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": ""}
        where = ".".join(str(p) for p in first["loc"] if p != "body") or "body"
        msg = translate(lang_of(request), "err.field", field=where, detail=first["msg"])
        info = ErrorInfo(type="InvalidRequest", exit_code=2, message=msg)
        return JSONResponse(ErrorBody(error=info).model_dump(mode="json"), status_code=422)

    def not_found(request: Request) -> ApiError:
        return _api_error(404, "RunNotFound", translate(lang_of(request), "err.not_found"))

    def raise_for(err: BaseException, lang: str) -> ApiError:
        return ApiError(_status_for(err), error_info(err, lang))

    # --- reading a form -----------------------------------------------------------------------

    async def read_form(request: Request) -> Job:
        lang = lang_of(request)
        try:
            async with request.form(
                max_files=1, max_fields=32, max_part_size=limit + FORM_OVERHEAD_BYTES
            ) as form:
                upload = form.get("file")
                data: bytes | None = None
                name = translate(lang, "form.pasted_name")
                if isinstance(upload, UploadFile) and upload.filename:
                    data = await upload.read(limit + 1)
                    if len(data) > limit:
                        size = upload.size or len(data)
                        raise _api_error(
                            413, "InputTooLarge", too_large_message(size, limit, lang), 6
                        )
                    name = Path(upload.filename).name or "fichier"
                fields = {k: v for k, v in form.multi_items() if isinstance(v, str)}
        except MultiPartException as exc:
            raise _api_error(
                400, "InvalidForm", translate(lang, "err.form", detail=exc.message)
            ) from exc
        text = fields.get("text", "")
        if data is None:
            size = len(text.encode("utf-8", "surrogatepass"))
            if size > limit:
                raise _api_error(413, "InputTooLarge", too_large_message(size, limit, lang), 6)
            if not text.strip():
                raise _api_error(422, "EmptyInput", translate(lang, "run.empty"), 5)
        synonyms = [
            s.strip() for s in fields.get("synonyms", "").replace("\n", ",").split(",") if s.strip()
        ]
        try:
            options = RunOptions(
                keyphrase=_none_if_blank(fields.get("keyphrase")),
                synonyms=synonyms,
                min_words=_none_if_blank(fields.get("min_words")),  # type: ignore[arg-type]
                title=_none_if_blank(fields.get("title")),
                meta=_none_if_blank(fields.get("meta")),
                slug=_none_if_blank(fields.get("slug")),
                mode=fields.get("mode") or "faithful",  # type: ignore[arg-type]
                backend=fields.get("backend") or settings.backend.name,
                no_model=fields.get("no_model", "").lower() in ("1", "on", "true", "yes"),
                published=_none_if_blank(fields.get("published")),  # type: ignore[arg-type]
            )
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise _api_error(
                422,
                "InvalidRequest",
                translate(lang, "err.field", field=where, detail=first["msg"]),
                2,
            ) from exc
        action = fields.get("action", "analyse")
        if action not in ("analyse", "optimise"):
            raise _api_error(
                422,
                "InvalidRequest",
                translate(lang, "err.field", field="action", detail=action),
                2,
            )
        fmt = _none_if_blank(fields.get("format"))
        return Job(
            action=action,  # type: ignore[arg-type]
            name=name,
            options=options,
            lang=lang,
            data=data if data is not None else text.encode("utf-8", "surrogatepass"),
            # The format menu is for pasted text; an upload's extension (or content) decides.
            fmt=fmt if data is None else None,
        )

    # --- API ----------------------------------------------------------------------------------

    @app.post(
        "/api/runs",
        status_code=202,
        response_model=RunStatus,
        responses={400: {"model": ErrorBody}, **_ERRORS},
        openapi_extra=_FORM_SCHEMA,
        summary="Lancer une analyse ou une optimisation (formulaire du studio)",
    )
    async def start_run(request: Request) -> RunStatus:
        return runs.submit(await read_form(request))

    @app.post(
        "/api/brief",
        response_model=BriefInfo,
        responses={400: {"model": ErrorBody}, **_ERRORS},
        openapi_extra=_FORM_SCHEMA,
        summary="La consigne comprise dans la première ligne du texte",
    )
    async def brief(request: Request) -> BriefInfo:
        from plume.ingest import read_bytes

        job = await read_form(request)
        try:
            doc = await asyncio.to_thread(read_bytes, job.data or b"", settings, job.name, job.fmt)
        except PlumeError as err:
            raise raise_for(err, job.lang) from err
        return BriefInfo(brief=doc.brief)

    @app.get(
        "/api/runs/{run_id}",
        response_model=RunStatus,
        responses={404: {"model": ErrorBody}},
        summary="Où en est un passage",
    )
    async def run_status(request: Request, run_id: str) -> RunStatus:
        status = runs.status(run_id)
        if status is not None:
            return status
        summary = store.summary(run_id)
        if summary is None:
            raise not_found(request)
        return RunStatus(
            id=summary.id,
            action=summary.action,  # type: ignore[arg-type]
            status="done",
            stage="done",
            message=translate(lang_of(request), "res.run", id=summary.id, date=summary.created_at),
            created_at=summary.created_at,
            report_url=f"/api/runs/{run_id}/report",
            page_url=f"/runs/{run_id}",
        )

    @app.get(
        "/api/runs/{run_id}/report",
        response_model=Report | OptimiseReport,
        responses={404: {"model": ErrorBody}},
        summary="Le rapport JSON du passage (celui de la CLI)",
    )
    async def run_report(request: Request, run_id: str) -> Response:
        content = store.file(run_id, "report.json")
        if content is None:
            raise not_found(request)
        return Response(content.encode("utf-8"), media_type="application/json")

    @app.get(
        "/api/runs/{run_id}/files/{name}",
        response_class=Response,
        responses={
            200: {"content": {m.split(";")[0]: {} for m in _MEDIA.values()}},
            404: {"model": ErrorBody},
        },
        summary="Télécharger article.md, article.html, report.json ou article.draft.md",
    )
    async def run_file(request: Request, run_id: str, name: str) -> Response:
        if name not in _MEDIA:
            raise _api_error(
                404, "FileNotFound", translate(lang_of(request), "err.bad_file", name=name)
            )
        content = store.file(run_id, name)
        if content is None:
            raise not_found(request)
        return Response(
            content.encode("utf-8"),
            media_type=_MEDIA[name],
            headers={"content-disposition": f'attachment; filename="{name}"'},
        )

    @app.delete(
        "/api/runs/{run_id}",
        status_code=204,
        response_class=Response,
        responses={404: {"model": ErrorBody}},
        summary="Supprimer un passage et ses données",
    )
    async def delete_run(request: Request, run_id: str) -> Response:
        if not store.delete(run_id):
            raise not_found(request)
        return Response(status_code=204)

    @app.get("/api/history", response_model=list[RunSummary], summary="L’historique")
    async def history_api() -> list[RunSummary]:
        return store.list()

    def final(record: RunRecord) -> Report:
        raw = record.files["report.json"]
        if record.summary.action == "optimise":
            return OptimiseReport.model_validate_json(raw).after
        return Report.model_validate_json(raw)

    def comparison(request: Request, a: str, b: str) -> Comparison:
        ra, rb = store.get(a), store.get(b)
        if ra is None or rb is None:
            raise not_found(request)
        fa, fb = final(ra), final(rb)
        sides = [
            CompareSide(
                run=r.summary,
                seo=f.seo,
                readability=f.readability,
                checks={c.code: c.rating for c in f.checks},
            )
            for r, f in ((ra, fa), (rb, fb))
        ]
        codes = sorted(set(sides[0].checks) | set(sides[1].checks))
        return Comparison(a=sides[0], b=sides[1], codes=codes)

    @app.get(
        "/api/compare",
        response_model=Comparison,
        responses={404: {"model": ErrorBody}},
        summary="Comparer deux passages",
    )
    async def compare_api(
        request: Request, a: Annotated[str, Query()], b: Annotated[str, Query()]
    ) -> Comparison:
        return comparison(request, a, b)

    async def run_now(
        request: Request, body: RunRequest, action: Literal["analyse", "optimise"]
    ) -> Response:
        lang = lang_of(request)
        data = body.text.encode("utf-8", "surrogatepass")
        if len(data) > limit:
            raise _api_error(413, "InputTooLarge", too_large_message(len(data), limit, lang), 6)
        options = RunOptions.model_validate(body.model_dump(include=set(RunOptions.model_fields)))
        job = Job(
            action=action, name=body.name, options=options, lang=lang, data=data, fmt=body.format
        )
        status = runs.submit(job)
        future = runs.future(status.id)
        if future is not None:
            await asyncio.wrap_future(future)
        final_status = runs.status(status.id)
        if final_status is not None and final_status.error is not None:
            err = final_status.error
            code = {6: 413, 4: 415, 5: 422, 7: 422, 8: 422, 3: 404}.get(
                err.exit_code, 502 if err.exit_code else 500
            )
            raise ApiError(code, err)
        content = store.file(status.id, "report.json") or ""
        return Response(
            content.encode("utf-8"),
            media_type="application/json",
            headers={"location": f"/api/runs/{status.id}", "x-plume-run": status.id},
        )

    @app.post(
        "/api/analyse",
        response_model=Report,
        responses=_ERRORS,
        summary="Analyser un texte (le JSON de « plume analyse --format json »)",
    )
    async def analyse_api(request: Request, body: RunRequest) -> Response:
        return await run_now(request, body, "analyse")

    @app.post(
        "/api/optimise",
        response_model=OptimiseReport,
        responses=_ERRORS,
        summary="Optimiser un texte (le report.json de « plume optimise »)",
    )
    async def optimise_api(request: Request, body: RunRequest) -> Response:
        return await run_now(request, body, "optimise")

    @app.post(
        "/api/verify",
        response_model=VerifyResult,
        responses=_ERRORS,
        summary="Vérifier qu’un champ (titre, titre SEO, méta-description) est étayé par la source",
    )
    async def verify_api(request: Request, body: VerifyRequest) -> VerifyResult:
        from plume.ingest import read_bytes
        from plume.pipeline import check_field

        lang = lang_of(request)
        record = store.get(body.run)
        if record is None:
            raise not_found(request)
        if record.summary.action != "optimise":
            raise _api_error(422, "InvalidRequest", translate(lang, "err.verify_analyse"), 2)
        article = OptimiseReport.model_validate_json(record.files["report.json"]).article
        text = body.text if body.text is not None else getattr(article, body.field)

        def check() -> list[Any]:
            doc = read_bytes(record.input_data, settings, record.input_name, record.input_format)
            return check_field([doc], text, settings)

        try:
            verdicts = await asyncio.to_thread(check)
        except PlumeError as err:
            raise raise_for(err, lang) from err
        rows = [
            ClaimVerdict(
                claim=v.claim, supported=v.supported, evidence=v.evidence, reason=v.reason.get(lang)
            )
            for v in verdicts
        ]
        return VerifyResult(
            run=body.run,
            field=body.field,
            text=text,
            supported=bool(rows) and all(r.supported for r in rows),
            verdicts=rows,
        )

    # --- the editor's decisions on plume's edits (issue 18) ----------------------------------

    def faithful_run(request: Request, run_id: str) -> tuple[RunRecord, OptimiseReport]:
        record = store.get(run_id)
        if record is None:
            raise not_found(request)
        if record.summary.action != "optimise" or record.summary.mode != "faithful":
            raise _api_error(
                422, "InvalidRequest", translate(lang_of(request), "err.edits_mode"), 2
            )
        return record, OptimiseReport.model_validate_json(record.files["report.json"])

    @app.get(
        "/api/runs/{run_id}/edits",
        response_model=list[views.EditLine],
        responses={404: {"model": ErrorBody}, 422: {"model": ErrorBody}},
        summary="Les modifications de plume (phrases, corrections) et celles refusées",
    )
    async def edits_api(request: Request, run_id: str) -> list[views.EditLine]:
        _, res = faithful_run(request, run_id)
        return views.edit_lines(res, store.refused(run_id))

    @app.put(
        "/api/runs/{run_id}/edits/{edit_id}",
        response_model=OptimiseReport,
        responses=_ERRORS,
        summary="Refuser (annuler) ou rétablir une modification : l’article est produit à nouveau",
    )
    async def decide_edit(
        request: Request, run_id: str, edit_id: str, body: EditDecision
    ) -> Response:
        lang = lang_of(request)
        _, res = faithful_run(request, run_id)
        line = next(
            (e for e in views.edit_lines(res, store.refused(run_id)) if e.id == edit_id), None
        )
        if line is None or line.state == "suggested":
            raise _api_error(404, "EditNotFound", translate(lang, "err.edit_not_found", id=edit_id))
        if (line.state == "refused") != body.refused:
            edit = RefusedEdit(line.id, line.kind, line.before, line.after)
            try:
                await asyncio.wrap_future(runs.revise(run_id, edit, body.refused, lang))
            except Exception as err:  # shown as the run's errors are, never a traceback
                raise ApiError(_status_for(err), error_info(err, lang)) from err
        content = store.file(run_id, "report.json") or ""
        return Response(content.encode("utf-8"), media_type="application/json")

    # --- pages --------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def index(
        request: Request, start: Annotated[str | None, Query(alias="from")] = None
    ) -> HTMLResponse:
        values: dict[str, Any] = {}
        text = ""
        if start:
            record = store.get(start)
            if record is None:
                raise not_found(request)
            values = record.options
            if record.input_format != "docx":
                text = record.input_data.decode("utf-8", "replace")
        return page(
            request,
            "index.html",
            values=values,
            text=text,
            limit_text=size_text(limit, lang_of(request)),
            limit=limit,
        )

    @app.get("/runs/{run_id}", response_class=HTMLResponse, include_in_schema=False)
    async def result_page(request: Request, run_id: str) -> HTMLResponse:
        record = store.get(run_id)
        if record is None:
            raise not_found(request)
        raw = record.files["report.json"]
        ctx: dict[str, Any] = {"record": record, "summary": record.summary}
        if record.summary.action == "optimise":
            res = OptimiseReport.model_validate_json(raw)
            before = {c.code: c.rating for c in res.before.checks}
            art = res.article
            url = f"votre-site.fr › {art.slug}"
            ctx |= {
                "res": res,
                "rep": res.after,
                "first": res.before,
                "checks": views.failing_first(res.after.checks),
                "before_ratings": before,
                "cleaning": views.cleaning_lines(res.before.cleaning),
                "edits": (
                    views.edit_lines(res, store.refused(run_id)) if res.mode == "faithful" else []
                ),
                "edit_kind": partial(edit_kind, lang_of(request)),
                "marked_diff": views.marked_diff,
                "before_html": views.highlighted(res.before.text, res.before.checks),
                "after_html": views.highlighted(res.after.text, res.after.checks),
                "serps": [
                    views.serp(art.seo_title, art.meta_description, url, d)
                    for d in ("desktop", "mobile")
                ],
                # A failing rewrite has its draft instead of the article files.
                "files": [n for n in (DRAFT_FILE, *OUTPUT_FILES) if n in record.files],
            }
        else:
            rep = Report.model_validate_json(raw)
            title = rep.seo_title or rep.title or ""
            url = f"votre-site.fr › {rep.slug or '…'}"
            ctx |= {
                "res": None,
                "rep": rep,
                "first": rep,
                "checks": views.failing_first(rep.checks),
                "before_ratings": {},
                "cleaning": views.cleaning_lines(rep.cleaning),
                "text_html": views.highlighted(rep.text, rep.checks),
                "serps": [
                    views.serp(title, rep.meta_description or "", url, d)
                    for d in ("desktop", "mobile")
                ],
                "files": ["report.json"],
            }
        return page(request, "result.html", **ctx)

    @app.get("/history", response_class=HTMLResponse, include_in_schema=False)
    async def history_page(request: Request) -> HTMLResponse:
        return page(request, "history.html", runs=store.list(), db_path=str(store.path))

    @app.get("/compare", response_class=HTMLResponse, include_in_schema=False)
    async def compare_page(
        request: Request, a: str | None = None, b: str | None = None
    ) -> HTMLResponse:
        if not a or not b:
            raise _api_error(422, "InvalidRequest", translate(lang_of(request), "err.compare"))
        return page(request, "compare.html", cmp=comparison(request, a, b))

    app.add_middleware(Guard, settings=settings)
    return app
