"""The sources as numbered passages, and as prompt text within a token budget."""

from __future__ import annotations

from plume.backends.base import count_tokens_estimate
from plume.document import Block, BlockKind, Document, Source
from plume.write.rewrite.passages import fit_passages, passages_of


def _doc(*blocks: Block, name: str = "a.txt") -> Document:
    return Document(blocks=blocks, source=Source(name, "txt"))


def _para(text: str) -> Block:
    return Block(BlockKind.PARAGRAPH, text)


def test_passages_are_numbered_across_sources_headings_left_out() -> None:
    first = _doc(Block(BlockKind.HEADING, "Titre", level=1), _para("Un."), _para("Deux."))
    second = _doc(_para("Trois."), name="b.txt")
    passages = passages_of([first, second])
    assert [(p.id, p.source, p.text) for p in passages] == [
        (1, 0, "Un."),
        (2, 0, "Deux."),
        (3, 1, "Trois."),
    ]


def test_passages_that_fit_are_given_whole_in_their_source() -> None:
    passages = passages_of([_doc(_para("Un chat dort.")), _doc(_para("Il pleut."), name="b")])
    text = fit_passages(passages, 1000, summary=False)
    assert text == (
        '<source id="1">\n[P1] Un chat dort.\n</source>\n\n<source id="2">\n[P2] Il pleut.\n</source>'
    )


def test_passages_over_the_budget_are_shrunk_alike_to_whole_sentences() -> None:
    sentence = "La mairie a voté le budget du port de pêche mardi soir. "
    passages = passages_of([_doc(*[_para(sentence * 6) for _ in range(4)])])
    whole = fit_passages(passages, 100_000, summary=False)
    section = fit_passages(passages, 200, summary=False)
    plan = fit_passages(passages, 200, summary=True)
    assert count_tokens_estimate(section) < count_tokens_estimate(whole)
    # Each passage still cited.
    assert all(f"[P{p.id}]" in section and f"[P{p.id}]" in plan for p in passages)
    # A plan's summary is the passage's first sentences.
    assert plan.count("mardi soir.") == len(passages) * 2


def test_a_passage_is_never_cut_inside_a_sentence() -> None:
    """Issue 19: a quotation cut mid-sentence ("…garantir qu’OpenAI continue de") misled a
    capable model. Over the budget, a passage keeps whole sentences — its first one at least,
    however long."""
    long = (
        "Le conseil d’administration a expliqué dans un communiqué publié vendredi soir qu’il "
        "voulait « garantir qu’OpenAI continue de servir sa mission au bénéfice de toute "
        "l’humanité », sans donner d’autre détail sur les raisons de sa décision."
    )
    passages = passages_of([_doc(_para(long + " Il n’a pas répondu aux questions."))] * 3)
    text = fit_passages(passages, 40, summary=False)
    for line in text.splitlines():
        if line.startswith("[P"):
            assert line.endswith(
                "humanité », sans donner d’autre détail sur les raisons de sa décision."
            )


def test_sources_are_named_and_context_marked() -> None:
    passages = passages_of([_doc(_para("Un chat dort."), _para("Il ronfle."))])
    text = fit_passages(
        passages[1:],
        1000,
        summary=False,
        heads={0: "Source 1 : média Le Chat, publié le 3 mars 2024."},
        context=passages[:1],
    )
    assert text == (
        '<source id="1">\nSource 1 : média Le Chat, publié le 3 mars 2024.\n'
        "[contexte, avant P2] Un chat dort.\n[P2] Il ronfle.\n</source>"
    )
