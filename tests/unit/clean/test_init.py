"""The cleaner as a whole (``plume.clean``): API, change logs on the real texts, idempotence,
speed."""

from __future__ import annotations

import subprocess
import sys

import pytest

from plume.clean import RULES, CleanResult, apply_changes, clean
from plume.document import Block, BlockKind, Brief, Document, Image, Link, Meta, Source
from plume.settings import ApostrophePolicy, Settings
from tests.unit.clean.helpers import ALL_TEXTS, doc, file_doc, seed

SETTINGS = [
    Settings(),
    Settings(fix_typography=False),
    Settings(apostrophe=ApostrophePolicy.STRAIGHT),
]


def test_the_document_keeps_everything_but_its_blocks() -> None:
    d = Document(
        (Block(BlockKind.HEADING, "TLa réforme", 1), Block(BlockKind.PARAGRAPH, "Partager")),
        Source("a.html", "html", "utf-8", 120),
        meta=Meta(title="Titre", description="Desc", slug="slug", url="https://ex.fr/a"),
        brief=Brief(language="fr", min_words=700),
        links=(Link("https://ex.fr/b", "b"),),
        images=(Image("i.png", "alt"),),
        notes=("note",),
    )
    out = clean(d, Settings()).document
    assert out.blocks == (Block(BlockKind.HEADING, "La réforme", 1),)
    assert (out.source, out.meta, out.brief, out.links, out.images, out.notes) == (
        d.source,
        d.meta,
        d.brief,
        d.links,
        d.images,
        d.notes,
    )


def test_an_empty_document_and_a_clean_one() -> None:
    empty = clean(Document((), Source("<t>", "txt")), Settings())
    assert empty.document.blocks == () and empty.changes == [] and empty.findings == []
    ok = doc("Le chat dort.")
    result = clean(ok, Settings())
    assert result.changes == [] and result.document.text == "Le chat dort."


def test_every_change_has_a_known_rule_and_is_in_the_step_logs() -> None:
    result = clean(file_doc(seed("003")), Settings())
    assert result.changes and {c.rule for c in result.changes} <= set(RULES)
    assert [c for s in result.steps for c in s.changes] == result.changes
    for s in result.steps:
        assert {c.rule for c in s.changes} <= set(s.step.rules)


def _check(result: CleanResult) -> None:
    for s in result.steps:
        assert apply_changes(s.text_before, s.changes) == s.text_after, s.step.name
    assert result.steps[-1].text_after == result.document.text
    for f in result.findings:
        assert all(0 <= sp.start <= sp.end <= len(result.document.text) for sp in f.spans)


@pytest.mark.parametrize("path", ALL_TEXTS, ids=lambda p: p.name[:6])
def test_logs_replay_and_cleaning_is_idempotent_on_the_real_texts(path) -> None:  # type: ignore[no-untyped-def]
    for layout in ("paragraphs", "lines"):
        for cfg in SETTINGS:
            result = clean(file_doc(path, layout), cfg)
            _check(result)
            again = clean(result.document, cfg)
            assert again.changes == [], (layout, cfg, again.changes[:3])


def test_wordfreq_is_loaded_lazily() -> None:
    code = "import sys, plume.clean; print('wordfreq' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
