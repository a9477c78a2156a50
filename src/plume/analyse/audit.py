"""The audit: clean and analyse a document as Yoast does for French, into a ``Report``.

Pure (no globals), but for one question asked of another process: the French grammar checker
(:func:`plume.grammar.check_grammar`, Grammalecte over HTTP), once per French text. The pipeline
and the verify stage both call it, so ``plume analyse`` and ``plume optimise`` (the source before,
the article after) both report its errors.
"""

from __future__ import annotations

from plume.analyse.checks.grammar import GrammarContext
from plume.analyse.language import detect_language
from plume.analyse.researches import Research
from plume.analyse.runner import run_checks
from plume.analyse.suggest import search_keyphrases
from plume.clean import CleanResult, clean
from plume.document import Brief, Document, EditorFields, Meta
from plume.grammar import check_grammar, warm_up
from plume.report import Msg, Report, Stats
from plume.settings import Settings
from plume.text import french_spacing

#: The default: the editor imposes nothing (the brief, the source or plume decides).
_NOTHING_IMPOSED = EditorFields()


def analyse_document(
    doc: Document, settings: Settings, fields: EditorFields = _NOTHING_IMPOSED
) -> Report:
    """Clean and analyse ``doc``. The editor's ``fields`` override the brief (keyphrase, word
    target) and the source's own metadata (SEO title, description, slug)."""
    warm_up(settings.grammar)  # the checker's server starts while the cleaner works
    return analyse_cleaned(clean(doc, settings), settings, fields)


def analyse_cleaned(
    cleaned: CleanResult, settings: Settings, fields: EditorFields = _NOTHING_IMPOSED
) -> Report:
    """``analyse_document`` on an already cleaned document (its cleaning log goes in the report)."""
    doc = cleaned.document
    keyphrase, min_words = fields.keyphrase, fields.min_words
    brief = (doc.brief or Brief()).merged(keyphrase=keyphrase, min_words=min_words)
    research = Research(doc)
    lang_code = detect_language(doc.text)
    is_french = lang_code in (None, "fr")

    source_meta = doc.meta
    h1 = next((h.text for h in research.headings if h.level == 1), None)
    effective_meta = Meta(
        title=fields.title or source_meta.title,
        description=fields.meta or source_meta.description,
        slug=fields.slug or source_meta.slug,
        url=source_meta.url,
    )

    kp_source: str | None = None
    kp = keyphrase
    suggestions = []
    if kp:
        kp_source = "flag"
    elif brief.keyphrase:
        kp, kp_source = brief.keyphrase, "brief"
    elif is_french:
        # Only when the editor named none: suggesting costs a third of a warm analysis.
        # The first suggestion is the one plume adopts (search_keyphrases ranks it first).
        suggestions = search_keyphrases(research, n=8)
        adopted = suggestions[0] if suggestions else None
        if adopted is not None:
            kp, kp_source = adopted.phrase, "suggested"

    grammar = check_grammar(doc.text, settings.grammar) if is_french else None
    ctx = GrammarContext(
        grammar=grammar,
        keyphrase=kp,
        keyphrase_source=kp_source,
        synonyms=fields.synonyms,
        meta=effective_meta,
        brief=brief,
        is_french=is_french,
    )
    result = run_checks(research, ctx, lang=settings.lang)
    notes = list(doc.notes)
    if not is_french:
        note = Msg(
            french_spacing(
                f"Texte détecté en « {lang_code} » : seuls les contrôles indépendants de la langue "
                "ont été faits."
            ),
            f"Text detected as '{lang_code}': only language-independent checks ran.",
        )
        notes.append(note.get(settings.lang))
    if grammar is not None and grammar.notice is not None:
        notes.append(grammar.notice.get(settings.lang))
    return Report(
        source=doc.source.name,
        format=doc.source.format,
        lang=settings.lang,
        detected_language=lang_code,
        full_analysis=is_french,
        # The brief understood: the input's, with the flags applied; none when neither exists.
        brief=brief if (doc.brief or keyphrase or min_words) else None,
        keyphrase=kp,
        keyphrase_source=kp_source,
        suggestions=suggestions,
        title=h1,
        seo_title=effective_meta.title,
        meta_description=effective_meta.description,
        slug=effective_meta.slug,
        seo=result.seo,
        readability=result.readability,
        typography=result.typography,
        checks=result.checks,
        cleaning=cleaned.changes,
        cleaning_findings=cleaned.findings,
        stats=Stats(
            words=research.word_count,
            sentences=len(research.sentences),
            paragraphs=len(research.paragraphs),
            headings=len(research.headings),
            characters=len(doc.text),
        ),
        notes=notes,
        text=doc.text,
    )
