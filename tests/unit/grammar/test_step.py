from __future__ import annotations

from plume.clean import apply_changes
from plume.clean.engine import join_blocks
from plume.clean.grammar import GRAMMAR_RULES, step_grammar
from plume.document import Block, BlockKind
from plume.optimisation import edit_id
from plume.settings import ApostrophePolicy, GrammarSettings, Settings


def blocks(*texts: str) -> tuple[Block, ...]:
    return tuple(Block(BlockKind.PARAGRAPH, t) for t in texts)


def test_corrections_are_logged_like_the_cleaners(settings: Settings) -> None:
    before = blocks("Un titre", "Le club dit il était prêt.", "Il a du renoncer, déja.")
    out = step_grammar(before, settings)
    assert [b.text for b in out.blocks] == [
        "Un titre",
        "Le club dit qu’il était prêt.",
        "Il a dû renoncer, déjà.",
    ]
    assert [(c.rule, c.before, c.after) for c in out.changes] == [
        ("COR-DECLARATIVE-QUE", "", "qu’"),
        ("COR-GRAMMAR", "du", "dû"),
        ("COR-SPELLING", "déja", "déjà"),
    ]
    assert {c.rule for c in out.changes} <= set(GRAMMAR_RULES)
    # The log replays onto the input, and a second pass changes nothing.
    assert apply_changes(join_blocks(before), out.changes) == join_blocks(out.blocks)
    assert step_grammar(out.blocks, settings).changes == []


def test_the_texts_apostrophe(grammar_settings: GrammarSettings) -> None:
    straight = Settings(grammar=grammar_settings, apostrophe=ApostrophePolicy.STRAIGHT)
    out = step_grammar(blocks("Le club dit il était prêt."), straight)
    assert out.blocks[0].text == "Le club dit qu'il était prêt."


def test_off_when_fixes_are_off(grammar_settings: GrammarSettings) -> None:
    off = Settings(grammar=grammar_settings.model_copy(update={"fix": False}))
    assert step_grammar(blocks("Il a du renoncer."), off).changes == []


def test_another_language_is_left_alone(settings: Settings) -> None:
    english = blocks("The board said it would publish a resume of the cafe plans next week.")
    assert step_grammar(english, settings).changes == []


def test_a_refused_correction_is_left_as_written(settings: Settings) -> None:
    text = blocks("Il a du renoncer, déja.")
    refused = settings.model_copy(
        update={"refused_edits": frozenset({edit_id("COR-SPELLING", "déja", "déjà")})}
    )
    out = step_grammar(text, refused)
    assert out.blocks[0].text == "Il a dû renoncer, déja."
    assert [(c.rule, c.before, c.after) for c in out.changes] == [("COR-GRAMMAR", "du", "dû")]
