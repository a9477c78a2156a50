"""The one conductor every shell calls: ingest → clean → analyse (→ write → verify → render).

:func:`optimise` runs one :class:`OptimiseRequest` — faithful or rewrite mode, with a model or
not — and is the only place that picks the mode's steps and builds the backend (through
:func:`plume.backends.backend_for`). The CLI, the batch worker and the studio build a request
and render the :class:`~plume.optimisation.OptimiseReport`. :func:`analyse` is the public API's
audit of a file or a text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from plume.analyse.audit import analyse_cleaned, analyse_document
from plume.analyse.synonyms import suggest_synonyms
from plume.article import Article, SourceRef
from plume.backends import backend_for, backend_settings_for, model_label
from plume.backends.base import Backend
from plume.clean import CleanResult, clean
from plume.document import Document, EditorFields
from plume.errors import ConfigError, EmptyInput
from plume.ingest import read_path, read_stdin, read_text
from plume.optimisation import (
    Correction,
    Generated,
    InlineMarks,
    OptimiseReport,
    SentenceEdit,
    SourceMeta,
    Unsupported,
)
from plume.report import Msg, Report
from plume.settings import Mode, Settings, load_settings
from plume.verify import verify
from plume.verify.facts import preload_entities
from plume.verify.stage import check_claims as judge_claims
from plume.verify.stage import check_statements, check_text
from plume.verify.support import SupportVerdict
from plume.write.split import split_document
from plume.write.structure import build_article
from plume.write.withdraw import withdraw_unsupported

__all__ = [
    "Mode",
    "OptimiseRequest",
    "analyse",
    "check_claims",
    "check_field",
    "clean_input",
    "optimise",
    "publication_time",
]


def analyse(
    text_or_path: str | Path,
    *,
    settings: Settings | None = None,
    keyphrase: str | None = None,
    synonyms: tuple[str, ...] = (),
    title: str | None = None,
    meta: str | None = None,
    slug: str | None = None,
    min_words: int | None = None,
) -> Report:
    """Public API: analyse a file (``Path`` or an existing path string) or a text.

    >>> report = analyse("Le chat dort. Il fait beau.")  # doctest: +SKIP
    """
    settings = settings or load_settings()
    if isinstance(text_or_path, Path) or (
        "\n" not in text_or_path and len(text_or_path) < 4096 and Path(text_or_path).is_file()
    ):
        doc = read_path(text_or_path, settings)
    else:
        doc = read_text(str(text_or_path), settings)
    fields = EditorFields(
        keyphrase=keyphrase,
        synonyms=synonyms,
        min_words=min_words,
        title=title,
        meta=meta,
        slug=slug,
    )
    return analyse_document(doc, settings, fields)


def publication_time() -> datetime:
    """Now, in UTC, to the second: the publication date a run writes when none is given."""
    return datetime.now(UTC).replace(microsecond=0)


@dataclass(frozen=True)
class OptimiseRequest:
    """One ``optimise`` run, as every shell asks for it.

    ``sources`` are ingested documents: one in faithful mode, one or more in rewrite mode (the
    first is the reference for the "before" audit and the brief). ``fields`` are the editor's
    (keyphrase, synonyms, word target…; ``None`` lets the brief or plume decide). ``use_model``
    False is ``--no-model``. ``published`` is the run's date, written in the article as its
    publication date — or, in faithful mode on a source that has its own publication date (an
    HTML page's), as its modification date: passing it makes two runs byte-identical. ``model_name`` is the model named in the report; ``None``: the
    name of the backend :func:`plume.backends.backend_settings_for` picks for ``mode``.
    """

    sources: tuple[Document, ...]
    settings: Settings
    fields: EditorFields = field(default_factory=EditorFields)
    mode: Mode = Mode.FAITHFUL
    use_model: bool = True
    published: datetime = field(default_factory=publication_time)
    check_entities: bool = True
    #: Faithful mode: keep the author's sentences (no split of long ones; ``--keep-sentences``).
    keep_sentences: bool = False
    #: Rewrite mode: repair rounds, and the share of 8-word sequences that may be copied.
    max_rounds: int = 3
    originality_ceiling: float = 0.20
    model_name: str | None = None

    def __post_init__(self) -> None:
        # A shell may pass the mode's name ("rewrite", from a form or a manifest column).
        object.__setattr__(self, "mode", Mode(self.mode))


_FAITHFUL_ONE_SOURCE = Msg(
    "Le mode fidèle prend un seul fichier ; pour plusieurs sources, ajoutez --rewrite.",
    "Faithful mode takes one file; for several sources, add --rewrite.",
)
_REWRITE_NEEDS_MODEL = Msg(
    "Le mode réécriture demande un modèle : retirez --no-model ou choisissez --backend.",
    "Rewrite mode needs a model: drop --no-model or choose --backend.",
)
_NO_SOURCE = Msg("Aucune source à réécrire.", "No source to rewrite.")
_NO_KEYPHRASE = Msg(
    "Aucune expression clé trouvée : donnez-la avec --keyphrase.",
    "No keyphrase found: pass one with --keyphrase.",
)


def optimise(request: OptimiseRequest, *, backend: Backend | None = None) -> OptimiseReport:
    """Run ``request``: clean, audit, write (restructure or rewrite), verify.

    The backend is built here for the request's mode (and closed after) unless the caller
    lends one: the batch and the studio keep a loaded model per process. Pure apart from the
    clock (``request.published``) and the backend, which is seeded.
    """
    if not request.sources:
        raise EmptyInput(_NO_SOURCE)
    if request.mode is Mode.FAITHFUL and len(request.sources) > 1:
        raise ConfigError(_FAITHFUL_ONE_SOURCE)
    if request.mode is Mode.REWRITE and backend is None and not request.use_model:
        raise ConfigError(_REWRITE_NEEDS_MODEL)
    if backend is not None:
        return _run(request, backend)
    built = backend_for(request.settings.backend, request.mode, use_model=request.use_model)
    try:
        return _run(request, built)
    finally:
        if built is not None:
            built.close()


def _run(request: OptimiseRequest, backend: Backend | None) -> OptimiseReport:
    model = None
    if backend is not None:
        model = request.model_name or model_label(
            backend_settings_for(request.settings.backend, request.mode)
        )
    if request.mode is Mode.REWRITE:
        assert backend is not None  # optimise() refuses rewrite mode without a model
        return _rewrite(request, backend, model)
    return _faithful(request, backend, model)


def _before_fields(given: EditorFields) -> EditorFields:
    """What the "before" audit of the source takes from the editor: the keyphrase and the word
    target only — the synonyms and the SEO fields are for plume's article, audited after."""
    return EditorFields(keyphrase=given.keyphrase, min_words=given.min_words)


def _no_keyphrase() -> EmptyInput:
    return EmptyInput(_NO_KEYPHRASE)


def _synonyms(
    given: tuple[str, ...], text: str, keyphrase: str
) -> tuple[tuple[str, ...], str | None]:
    """The synonyms to use and where they come from: the editor's ("flag"), else the
    analyser's choice ("suggested") — only synonyms the text itself establishes (acronym
    definitions, a name's short form), so that no synonym changes the subject."""
    if given:
        return given, "flag"
    found = tuple(suggest_synonyms(text, keyphrase))
    return found, "suggested" if found else None


def _faithful(
    request: OptimiseRequest, backend: Backend | None, model: str | None
) -> OptimiseReport:
    """Faithful mode: clean, audit, restructure, audit again, check the facts. With a backend
    the headings plume creates come from the model (checked candidates, deterministic
    fallback)."""
    doc, settings, given = request.sources[0], request.settings, request.fields
    if request.check_entities or not request.keep_sentences:
        # spaCy (one model for the parser and the entities) loads in the background while
        # the text is cleaned and audited, and the model writes.
        preload_entities()
    cleaning = clean(doc, settings)
    before = analyse_cleaned(cleaning, settings, _before_fields(given))
    if not before.keyphrase:
        raise _no_keyphrase()
    cleaned = cleaning.document
    synonyms, synonyms_source = _synonyms(given.synonyms, cleaned.text, before.keyphrase)
    target = before.brief.min_words if before.brief else None
    fields = replace(given, keyphrase=before.keyphrase, synonyms=synonyms, min_words=target)
    generated: list[Generated] = []
    # The editor's pass: long sentences split at verified seams (write/split.py); the sources
    # the article is checked against stay the author's text.
    written, splits = (
        (cleaned, [])
        if request.keep_sentences
        else split_document(cleaned, settings.grammar, settings.refused_edits)
    )
    edits = [
        SentenceEdit(
            kind=x.kind, before=x.before, after=list(x.after), applied=x.applied, refused=x.refused
        )
        for x in splits
    ]
    # The source's publication date when it has one (an HTML page's): the article is the
    # source's, edited now (dateModified). Else the run's date.
    published = doc.meta.published or request.published
    article = build_article(
        written, fields, published=published, backend=backend, generated=generated
    )
    if (
        published is not request.published
        and request.published.tzinfo
        and request.published > published
    ):
        article = article.model_copy(update={"date_modified": request.published})
    verification = verify(
        article, [cleaned], settings, fields=fields, check_entities=request.check_entities
    )
    unsupported = _unsupported(article, [cleaned])
    if unsupported:
        # Never published: the source's own words replace them, and the article is verified
        # again as it will be published.
        article = withdraw_unsupported(article, cleaned, {u.field for u in unsupported})
        verification = verify(
            article, [cleaned], settings, fields=fields, check_entities=request.check_entities
        )
        unsupported = [u.model_copy(update={"withdrawn": True}) for u in unsupported]
        unsupported += _unsupported(article, [cleaned])
    words = article.word_count
    return OptimiseReport(
        source=doc.source.name,
        brief=before.brief,
        keyphrase=before.keyphrase,
        keyphrase_source=before.keyphrase_source,
        synonyms=list(synonyms),
        synonyms_source=synonyms_source,
        min_words=target,
        words=words,
        words_missing=max(0, (target or 0) - words),
        article=article,
        before=before,
        after=verification.report,
        fact_check=verification.facts,
        model=model,
        generated=generated,
        unsupported=unsupported,
        source_meta=SourceMeta.of(doc.meta),
        inline=InlineMarks.of(cleaned.marks, article),
        edits=edits,
        corrections=Correction.grouped(
            [(c, run.text_before) for run in cleaning.steps for c in run.changes]
        ),
        refused_edits=sorted(settings.refused_edits),
    )


def _rewrite(request: OptimiseRequest, backend: Backend, model: str | None) -> OptimiseReport:
    """Rewrite mode: one French article written by ``backend`` from the sources, verified and
    repaired (:func:`plume.write.rewrite.rewrite_article`). The keyphrase is the editor's, else
    the brief's, else the one the analyser suggests for the first source. A source in another
    language is translated by the writer (the brief asks for French)."""
    # Imported here: the rewrite loop and the contradiction finder are heavy imports that
    # faithful mode (and ``import plume``) never needs.
    from plume.verify.sources import find_contradictions
    from plume.write.rewrite import rewrite_article

    docs, settings, given = request.sources, request.settings, request.fields
    cleanings = [clean(d, settings) for d in docs]
    cleaned = [c.document for c in cleanings]
    before = analyse_cleaned(cleanings[0], settings, _before_fields(given))
    kp = before.keyphrase
    if not kp:
        raise _no_keyphrase()
    synonyms, synonyms_source = _synonyms(given.synonyms, "\n\n".join(d.text for d in cleaned), kp)
    target = before.brief.min_words if before.brief else given.min_words
    fields = replace(given, keyphrase=kp, synonyms=synonyms, min_words=target)
    result = rewrite_article(
        cleaned,
        settings,
        backend=backend,
        fields=fields,
        published=request.published,
        max_rounds=request.max_rounds,
        originality_ceiling=request.originality_ceiling,
        check_entities=request.check_entities,
    )
    contradictions = (
        find_contradictions([(d.source.name, d.text) for d in cleaned]) if len(cleaned) > 1 else []
    )
    words = result.article.word_count
    return OptimiseReport(
        mode="rewrite",
        model=model,
        source=docs[0].source.name,
        sources=[d.source.name for d in docs],
        brief=before.brief,
        keyphrase=kp,
        keyphrase_source=before.keyphrase_source,
        synonyms=list(synonyms),
        synonyms_source=synonyms_source,
        min_words=target,
        words=words,
        words_missing=max(0, (target or 0) - words),
        # The published "Sources" list: each source's outlet, title, date and link (render).
        article=result.article.model_copy(
            update={"source_refs": [SourceRef.of(d.meta) for d in docs]}
        ),
        before=before,
        after=result.after,
        fact_check=result.facts,
        guards=result.guards,
        rewrite=result.outcome,
        contradictions=contradictions,
        unsupported=_unsupported(result.article, cleaned),
        source_meta=SourceMeta.of(docs[0].meta),
        inline=InlineMarks.of([m for d in cleaned for m in d.marks], result.article),
        notes=[
            f"Source en langue étrangère, traduite : {name}." for name in result.outcome.translated
        ],
    )


def _unsupported(article: Article, sources: Sequence[Document]) -> list[Unsupported]:
    """The report's list of the generated statements no source supports (the verify stage's
    SUPPORT findings, whose verdicts are memoised: no second check)."""
    return [
        Unsupported(
            field=where,
            text=v.claim,
            reason=v.reason.fr,
            reason_en=v.reason.en,
            evidence=v.evidence,
        )
        for where, v in check_statements(article, [d.text for d in sources])
        if not v.supported
    ]


_NO_SOURCE_TO_CHECK = Msg(
    "Aucune source : donnez le fichier qui doit étayer les affirmations.",
    "No source: give the file that must support the claims.",
)
_NO_CLAIM = Msg(
    "Aucune affirmation à vérifier : donnez-en avec --claim ou --claims FICHIER.",
    "No claim to check: give some with --claim or --claims FILE.",
)


def check_claims(
    sources: Sequence[Document], claims: Sequence[str], settings: Settings
) -> list[SupportVerdict]:
    """``plume verify``: is each claim said by the sources? The sources are cleaned as every
    run cleans them; a claim is supported when one source supports it (the evidence is that
    source's sentence). Raises :class:`~plume.errors.EmptyInput` without a source or a claim."""
    kept = [c.strip() for c in claims if c.strip()]
    if not sources:
        raise EmptyInput(_NO_SOURCE_TO_CHECK)
    if not kept:
        raise EmptyInput(_NO_CLAIM)
    texts = [clean(d, settings).document.text for d in sources]
    return judge_claims(kept, texts)


def check_field(sources: Sequence[Document], text: str, settings: Settings) -> list[SupportVerdict]:
    """The studio's « Vérifier »: each sentence of a field (title, SEO title, meta description)
    against the cleaned sources, as the verify stage judges it (a source's own sentence is
    supported as it stands)."""
    if not text.strip():
        raise EmptyInput(_NO_CLAIM)
    return check_text(text, [clean(d, settings).document.text for d in sources])


def clean_input(source: str | Path, settings: Settings) -> CleanResult:
    """``plume clean``: read ``source`` (a path, or ``-`` for standard input) as every run reads
    it and clean it as every run cleans it; the result carries the change log and findings."""
    doc = read_stdin(settings) if str(source) == "-" else read_path(Path(source), settings)
    return clean(doc, settings)
