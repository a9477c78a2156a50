"""The cleaner as a whole: API, step order, change logs on the real texts, idempotence, speed."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from importlib.resources import files

import pytest

from plume.clean import RULES, STEPS, CleanResult, apply_changes, clean
from plume.clean.data import patterns
from plume.document import Block, BlockKind, Brief, Document, Image, Link, Meta, Source
from plume.lang.fr import read_list
from plume.settings import ApostrophePolicy, Settings
from tests.unit.clean.helpers import ALL_TEXTS, doc, file_doc, seed

SETTINGS = [
    Settings(),
    Settings(fix_typography=False),
    Settings(apostrophe=ApostrophePolicy.STRAIGHT),
]


def test_steps_are_numbered_in_order_with_unique_rules() -> None:
    assert [s.number for s in STEPS] == list(range(1, len(STEPS) + 1))
    assert len(RULES) == len(set(RULES))
    assert all(r.startswith("CL-") for r in RULES)
    assert [s.number for s in STEPS if s.typography] == [11, 12, 13, 14]


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


_DATA = sorted(
    p.name for p in files("plume.lang.fr").joinpath("data").iterdir() if p.name.startswith("clean_")
)


def test_the_data_files_exist() -> None:
    assert _DATA == [
        "clean_abbreviations_extra.txt",
        "clean_boilerplate.txt",
        "clean_boilerplate_boxes.txt",
        "clean_boilerplate_notices.txt",
        "clean_boilerplate_suffix.txt",
        "clean_boilerplate_tail.txt",
        "clean_glued_before_name.txt",
        "clean_markers_en.txt",
        "clean_markers_fr.txt",
        "clean_prefixes.txt",
        "clean_protected_tokens.txt",
        "clean_stray_stop_next.txt",
        "clean_suffixes.txt",
    ]


@pytest.mark.parametrize("name", _DATA)
def test_data_files_are_clean_lists(name: str) -> None:
    entries = read_list(name)
    assert entries, name
    assert len(entries) == len(set(entries)), f"duplicates in {name}"
    for e in entries:
        assert unicodedata.is_normalized("NFC", e), e
        assert "'" not in e, f"{name}: straight apostrophe in {e!r} (write ’)"
    if "boilerplate" in name:
        assert len(patterns(name)) == len(entries)


def test_shared_abbreviations_are_read_when_present() -> None:
    from plume.clean.data import abbreviations

    abbrs = abbreviations()
    assert "etc." in abbrs and "M." in abbrs and "p. ex." in abbrs and "dir." in abbrs
    assert list(abbrs) == sorted(abbrs, key=len, reverse=True)
