"""The real embedded model (Gemma 3 270M through llama.cpp) writing headings for the example.

Slow by plume's standards (≈ 2 s to load, ≈ 2 s per candidate on 2 cores, ≈ 30 s in all) but the only test
that the packaged model, the bindings and the checks work together.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from plume.backends import LocalBackend
from plume.clean import clean
from plume.document import EditorFields
from plume.ingest import read_path
from plume.settings import Settings
from plume.write.candidates import CANDIDATES, HeadingChoice, check_candidate, model_heading
from plume.write.headings import section_heading
from plume.write.structure import build_article
from tests.conftest import EXAMPLE

pytestmark = pytest.mark.slow

KEYPHRASE = "vélo en ville"


def _sections() -> tuple[str, list[list[str]]]:
    settings = Settings()
    doc = clean(read_path(EXAMPLE, settings), settings).document
    published = datetime(2026, 1, 1, tzinfo=UTC)
    article = build_article(doc, EditorFields(keyphrase=KEYPHRASE), published=published)
    # The two sections with several paragraphs: "Des aménagements…" and "Quelles limites…".
    multi = [s.paragraphs for s in article.sections if len(s.paragraphs) > 1]
    assert len(multi) >= 2
    return article.title, multi[:2]


def _run(backend: LocalBackend, title: str, sections: list[list[str]]) -> list[HeadingChoice]:
    used = [title]
    choices = []
    for i, paragraphs in enumerate(sections):
        choice = model_heading(
            backend, paragraphs, used=used, keyphrase=KEYPHRASE, prefer_keyphrase=i == 0
        )
        choices.append(choice)
        used.append(choice.heading)
    return choices


def test_embedded_model_headings_are_valid_and_reproducible() -> None:
    title, sections = _sections()
    backend = LocalBackend()
    try:
        first = _run(backend, title, sections)
    finally:
        backend.close()
    fresh = LocalBackend()  # a second load of the model: same seeds, same headings
    try:
        second = _run(fresh, title, sections)
    finally:
        fresh.close()
    assert first == second
    used = [title]
    for i, (paragraphs, choice) in enumerate(zip(sections, first, strict=True)):
        assert choice.heading
        # CANDIDATES asked; duplicates are judged once.
        assert 1 <= len(choice.accepted) + len(choice.rejected) <= CANDIDATES
        if choice.source == "model":
            assert choice.heading == choice.accepted[0]
            _, reasons = check_candidate(
                choice.heading,
                "\n".join(paragraphs),
                used=used,
                keyphrase=KEYPHRASE,
                prefer_keyphrase=i == 0,
            )
            assert reasons == []
        else:
            assert choice.accepted == []
            assert choice.heading == section_heading(
                paragraphs,
                used,
                keyphrase=KEYPHRASE,
                want_keyphrase=i == 0,
                avoid_keyphrase=i != 0,
            )
        used.append(choice.heading)
