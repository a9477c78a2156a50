"""The change log machinery: plans → blocks + changes, and the replay of a log."""

from __future__ import annotations

import pytest

from plume.clean.engine import Drop, Edit, Keep, SpanSet, apply_changes, join_blocks, run_plans
from plume.document import Block, BlockKind
from plume.report import Change

P = BlockKind.PARAGRAPH


def _blocks(*texts: str) -> tuple[Block, ...]:
    return tuple(Block(P, t) for t in texts)


def test_local_edits_get_offsets_into_the_joined_text() -> None:
    blocks = _blocks("Le chat.", "Il dort.Bien")
    out = run_plans(blocks, [Keep(), Keep([Edit(8, 8, " ", "CL-GLUED-SENTENCE")])])
    assert [b.text for b in out.blocks] == ["Le chat.", "Il dort. Bien"]
    assert out.changes == [Change(rule="CL-GLUED-SENTENCE", offset=18, before="", after=" ")]
    assert apply_changes(join_blocks(blocks), out.changes) == join_blocks(out.blocks)


@pytest.mark.parametrize(
    ("texts", "dropped"),
    [
        (("A", "Partager", "B"), {1}),
        (("Partager", "A"), {0}),
        (("A", "Partager", "sur Facebook"), {1, 2}),
        (("Partager", "sur Facebook"), {0, 1}),
        (("Partager",), {0}),
        (("Tags : x", "A", "Publicité"), {0, 2}),
    ],
)
def test_dropped_blocks_take_exactly_one_separator(
    texts: tuple[str, ...], dropped: set[int]
) -> None:
    blocks = _blocks(*texts)
    plans = [Drop("CL-BOILERPLATE") if i in dropped else Keep() for i in range(len(blocks))]
    out = run_plans(blocks, plans)
    assert [b.text for b in out.blocks] == [t for i, t in enumerate(texts) if i not in dropped]
    assert apply_changes(join_blocks(blocks), out.changes) == join_blocks(out.blocks)
    for c in out.changes:
        assert c.after == "" and c.before.strip("\n") in texts


def test_split_turns_a_double_newline_into_blocks_of_the_same_kind() -> None:
    blocks = (Block(BlockKind.QUOTE, "Un.\nDeux."),)
    out = run_plans(blocks, [Keep([Edit(3, 4, "\n\n", "CL-LINEBREAK")], split=True)])
    assert out.blocks == (Block(BlockKind.QUOTE, "Un."), Block(BlockKind.QUOTE, "Deux."))


def test_overlapping_and_no_op_edits_are_neither_applied_nor_logged() -> None:
    blocks = _blocks("abcdef")
    edits = [Edit(1, 3, "X", "R1"), Edit(2, 4, "Y", "R2"), Edit(5, 6, "f", "R3")]
    out = run_plans(blocks, [Keep(edits)])
    assert out.blocks[0].text == "aXdef"
    assert [c.rule for c in out.changes] == ["R1"]


def test_apply_changes_refuses_a_log_that_does_not_match() -> None:
    with pytest.raises(ValueError, match="does not match"):
        apply_changes("Le chat", [Change(rule="R", offset=0, before="La", after="Le")])
    with pytest.raises(ValueError, match="overlapping"):
        apply_changes(
            "abcdef",
            [
                Change(rule="R", offset=0, before="abc", after=""),
                Change(rule="R", offset=1, before="b", after=""),
            ],
        )


def test_insertion_before_a_replacement_at_the_same_offset() -> None:
    changes = [
        Change(rule="DROP", offset=3, before="\n\nB", after=""),
        Change(rule="INS", offset=3, before="", after="!"),
    ]
    assert apply_changes("A.A\n\nB", changes) == "A.A!"


def test_span_set() -> None:
    spans = SpanSet([(10, 20), (15, 25), (40, 41)])
    assert spans.overlaps(24, 30) and spans.overlaps(10, 10) and spans.overlaps(40, 41)
    assert not spans.overlaps(25, 40) and not spans.overlaps(0, 10) and not spans.overlaps(41, 50)
    assert not SpanSet([])


def test_a_join_replays_across_a_dropped_block_and_turns_a_heading_into_a_paragraph() -> None:
    blocks = (
        Block(BlockKind.HEADING, "Le virus circule en Europe selon le"),
        Block(BlockKind.PARAGRAPH, "Partager"),
        Block(BlockKind.PARAGRAPH, "ministère de la Santé."),
        Block(BlockKind.PARAGRAPH, "Fin."),
    )
    out = run_plans(
        blocks,
        [Keep(join=" ", join_rule="CL-CUT-PARAGRAPH"), Drop("CL-BOILERPLATE"), Keep(), Keep()],
    )
    assert [(b.kind, b.text) for b in out.blocks] == [
        (BlockKind.PARAGRAPH, "Le virus circule en Europe selon le ministère de la Santé."),
        (BlockKind.PARAGRAPH, "Fin."),
    ]
    assert apply_changes(join_blocks(blocks), out.changes) == join_blocks(out.blocks)
    assert [c.rule for c in out.changes] == ["CL-CUT-PARAGRAPH", "CL-BOILERPLATE"]
