"""Highlight markup, Google preview cuts and the French typography of the interface."""

from __future__ import annotations

import re

from markupsafe import Markup

from plume.analyse.pixels import text_width
from plume.report import Category, CheckResult, Rating, Span
from plume.studio.i18n import CATALOG, french_typography, size_text
from plume.studio.views import highlighted, serp


def check(code: str, *spans: tuple[int, int]) -> CheckResult:
    return CheckResult(
        code=code,
        name=code,
        category=Category.SEO,
        rating=Rating.BAD,
        score=3,
        message="m",
        spans=[Span(start=s, end=e) for s, e in spans],
    )


def test_highlight_escapes_every_piece_and_nests_overlaps() -> None:
    text = "a <b>x</b> & \"c\" 'd'"
    out = highlighted(text, [check("K-1", (2, 10)), check("K-2", (5, 14)), check('K 3"', (0, 99))])
    assert isinstance(out, Markup)
    # No tag from the text survives; only the spans we build.
    assert set(re.findall(r"<(\w+)", out)) == {"span"}
    assert "&lt;b&gt;" in out and "&amp;" in out
    # Removing our spans gives back the escaped text, in order.
    assert re.sub(r"</?span[^>]*>", "", out) == str(Markup.escape(text))
    assert 'data-k="K-1 K-2 K3"' in out  # overlap; the odd code reduced to a safe token


def test_highlight_clamps_spans_outside_the_text() -> None:
    assert highlighted("abc", [check("X", (-5, 1), (2, 50), (3, 3))]) == Markup(
        '<span class="seg" data-k="X">a</span>b<span class="seg" data-k="X">c</span>'
    )


def test_serp_cuts_at_google_widths_with_an_ellipsis() -> None:
    title = "Vélo en ville : comment les pistes cyclables ont changé nos trajets quotidiens en 2025"
    desktop, mobile = (
        serp(title, "Une description. " * 20, "u", "desktop"),
        serp(title, "d", "u", "mobile"),
    )
    assert desktop.title_cut and desktop.title.endswith(" …")
    assert text_width(desktop.title) <= 600 and text_width(mobile.title) <= 500
    assert len(mobile.title) < len(desktop.title)
    assert desktop.description_cut and text_width(desktop.description, 14) <= 920
    short = serp("Vélo en ville", "Courte.", "u", "mobile")
    assert (short.title, short.title_cut, short.description_cut) == ("Vélo en ville", False, False)


def test_french_interface_follows_french_typography() -> None:
    assert french_typography("« Bonjour » : oui ? non ; l'IA !") == (
        "«\u202fBonjour\u202f»\u00a0: oui\u202f? non\u202f; l’IA\u202f!"
    )
    for key, text in CATALOG["fr"].items():
        assert not re.search(r" [:;!?](\s|$)|« | »", text), key
        assert "'" not in re.sub(r"'[a-z]+'", "", text) or "Bearer" in text, key
    assert size_text(5_000_000, "fr") == "5\u00a0Mo" and size_text(2_800, "en") == "2.8\u00a0kB"
    assert set(CATALOG["fr"]) == set(CATALOG["en"])


def test_cleaning_log_is_grouped_and_shows_invisible_characters() -> None:
    from plume.report import Change
    from plume.studio.views import CleaningLine, cleaning_lines

    changes = [Change(rule="CL-APOSTROPHE", offset=i, before="'", after="’") for i in range(3)] + [
        Change(rule="CL-NBSP", offset=9, before=" ", after="\u202f"),
        Change(rule="CL-STRAY-CAPITAL", offset=0, before="L", after=""),
    ]
    assert cleaning_lines(changes) == [
        CleaningLine("CL-APOSTROPHE", "'", "’", 3),
        CleaningLine("CL-NBSP", "␣", "ⁿ⍽", 1),
        CleaningLine("CL-STRAY-CAPITAL", "L", "∅", 1),
    ]


def test_edit_lines_list_sentence_edits_corrections_and_undone_ones() -> None:
    from plume.optimisation import Correction, OptimiseReport, SentenceEdit, edit_id
    from plume.report import Change
    from plume.studio.store import RefusedEdit
    from plume.studio.views import edit_lines

    long = "La ville a voté le budget, et la région financera un tiers des travaux."
    split = SentenceEdit(
        kind="clauses",
        before=long,
        after=["La ville a voté le budget.", "La région financera un tiers des travaux."],
    )
    undone = SentenceEdit(kind="relative", before="X, qui…", after=["X.", "Il…"], refused=True)
    offered = SentenceEdit(kind="active", before="Y est fait par Z.", after=["Z fait Y."])
    offered = offered.model_copy(update={"applied": False})
    cleaning = [
        Change(rule="CL-APOSTROPHE", offset=0, before="'", after="’"),
        Change(rule="COR-DECLARATIVE-QUE", offset=5, before="", after="qu’"),
        Change(rule="COR-SPELLING", offset=9, before="déja", after="déjà"),
        Change(rule="COR-SPELLING", offset=30, before="déja", after="déjà"),
    ]
    res = OptimiseReport.model_construct(
        edits=[split, undone, offered], corrections=Correction.grouped([(c, "") for c in cleaning])
    )
    typo = RefusedEdit(edit_id("COR-GRAMMAR", "du", "dû"), "COR-GRAMMAR", "du", "dû")
    lines = edit_lines(res, [typo, RefusedEdit(undone.id, "relative", "X, qui…", "X. Il…")])
    assert [(x.kind, x.state, x.count) for x in lines] == [
        ("clauses", "applied", 1),
        ("relative", "refused", 1),
        ("active", "suggested", 1),
        ("COR-DECLARATIVE-QUE", "applied", 1),
        ("COR-SPELLING", "applied", 2),
        ("COR-GRAMMAR", "refused", 1),
    ]
    assert lines[0].id == edit_id("clauses", long) and lines[0].after == " ".join(split.after)
    assert (lines[3].before, lines[3].after) == ("∅", "qu’")  # an insertion, drawn
    assert lines[4].id == edit_id("COR-SPELLING", "déja", "déjà")
    assert lines[5].correction and not lines[0].correction


def test_an_edit_diff_marks_only_what_changed_and_escapes_the_rest() -> None:
    from plume.studio.views import marked_diff

    before, after = marked_diff(
        "Elle a <b>voté</b>, et la ville paie.", "Elle a <b>voté</b>. La ville paie."
    )
    assert before == Markup(
        "Elle a &lt;b&gt;voté&lt;/b&gt;<mark>,</mark> <mark>et la</mark> ville paie."
    )
    assert after == Markup(
        "Elle a &lt;b&gt;voté&lt;/b&gt;<mark>.</mark> <mark>La</mark> ville paie."
    )
    assert marked_diff("déja", "déjà") == (Markup("<mark>déja</mark>"), Markup("<mark>déjà</mark>"))
