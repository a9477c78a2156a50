"""The one pipeline every shell calls: ingest → clean → analyse (→ write → verify → render).

``analyse_document`` is pure (no I/O, no globals); ``analyse`` adds reading the input.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from plume.analyse.audit import analyse_cleaned, analyse_document
from plume.analyse.keyphrase import suggest_synonyms
from plume.article import article_document
from plume.backends.base import Backend
from plume.clean import clean
from plume.document import Document
from plume.errors import EmptyInput
from plume.ingest import read_path, read_text
from plume.optimisation import Generated, OptimiseReport
from plume.report import Report
from plume.settings import Settings, load_settings
from plume.verify.facts import check_facts
from plume.write.structure import build_article


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
    return analyse_document(
        doc,
        settings,
        keyphrase=keyphrase,
        synonyms=synonyms,
        title=title,
        meta=meta,
        slug=slug,
        min_words=min_words,
    )


def _no_keyphrase() -> EmptyInput:
    return EmptyInput(
        "Aucune expression clé trouvée : donnez-la avec --keyphrase.",
        "No keyphrase found: pass one with --keyphrase.",
    )


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


def optimise_document(
    doc: Document,
    settings: Settings,
    *,
    published: datetime,
    keyphrase: str | None = None,
    synonyms: tuple[str, ...] = (),
    min_words: int | None = None,
    check_entities: bool = True,
    backend: Backend | None = None,
    model_name: str | None = None,
) -> OptimiseReport:
    """Faithful mode: clean, audit, restructure, audit again, check the facts.

    With a ``backend`` the headings plume creates come from the model (checked candidates,
    deterministic fallback). Pure apart from the clock, which the caller passes (``published``)
    so runs are repeatable, and the backend, which is seeded.
    """
    if check_entities and backend is not None:
        from plume.verify.facts import preload_entities

        preload_entities()  # spaCy loads while the model writes (≈ 1.7 s hidden)
    cleaning = clean(doc, settings)
    before = analyse_cleaned(cleaning, settings, keyphrase=keyphrase, min_words=min_words)
    if not before.keyphrase:
        raise _no_keyphrase()
    cleaned = cleaning.document
    synonyms, synonyms_source = _synonyms(synonyms, cleaned.text, before.keyphrase)
    generated: list[Generated] = []
    article = build_article(
        cleaned,
        keyphrase=before.keyphrase,
        synonyms=synonyms,
        published=published,
        backend=backend,
        generated=generated,
    )
    target = before.brief.min_words if before.brief else None
    output = article_document(article, cleaned.source)
    after = analyse_document(
        output,
        settings,
        keyphrase=before.keyphrase,
        synonyms=synonyms,
        title=article.seo_title,
        meta=article.meta_description,
        slug=article.slug,
        min_words=target,
    )
    # The whole output is checked, body included: it proves the body is the author's, and the
    # apparatus (titles, description, headings) is where an invention could slip in.
    output_text = "\n\n".join(
        [
            output.text,
            article.seo_title,
            article.meta_description,
        ]
    )
    facts = check_facts(output_text, cleaned.text, entities=check_entities)
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
        after=after,
        fact_check=facts,
        model=model_name if backend is not None else None,
        generated=generated,
    )


def rewrite_documents(
    docs: Sequence[Document],
    settings: Settings,
    *,
    published: datetime,
    backend: Backend,
    keyphrase: str | None = None,
    synonyms: tuple[str, ...] = (),
    min_words: int | None = None,
    check_entities: bool = True,
    model_name: str | None = None,
    max_rounds: int = 3,
    originality_ceiling: float = 0.20,
) -> OptimiseReport:
    """Rewrite mode: one French article written by ``backend`` from one or several sources,
    verified and repaired (:func:`plume.write.rewrite.rewrite_article`).

    The first source is the reference for the "before" audit and the brief; the keyphrase is
    the flag's, else the brief's, else the one the analyser suggests for the first source.
    A source in another language is translated by the writer (the brief asks for French).
    """
    from plume.verify.sources import find_contradictions
    from plume.write.rewrite import rewrite_article

    if not docs:
        raise EmptyInput("Aucune source à réécrire.", "No source to rewrite.")
    cleanings = [clean(d, settings) for d in docs]
    cleaned = [c.document for c in cleanings]
    before = analyse_cleaned(cleanings[0], settings, keyphrase=keyphrase, min_words=min_words)
    kp = before.keyphrase
    if not kp:
        raise _no_keyphrase()
    synonyms, synonyms_source = _synonyms(synonyms, "\n\n".join(d.text for d in cleaned), kp)
    target = before.brief.min_words if before.brief else min_words
    result = rewrite_article(
        cleaned,
        settings,
        backend=backend,
        keyphrase=kp,
        synonyms=synonyms,
        min_words=target,
        published=published,
        max_rounds=max_rounds,
        originality_ceiling=originality_ceiling,
        check_entities=check_entities,
    )
    contradictions = (
        find_contradictions([(d.source.name, d.text) for d in cleaned]) if len(cleaned) > 1 else []
    )
    words = result.article.word_count
    return OptimiseReport(
        mode="rewrite",
        model=model_name,
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
        article=result.article,
        before=before,
        after=result.after,
        fact_check=result.facts,
        guards=result.guards,
        rewrite=result.outcome,
        contradictions=contradictions,
        notes=[
            f"Source en langue étrangère, traduite : {name}." for name in result.outcome.translated
        ],
    )
