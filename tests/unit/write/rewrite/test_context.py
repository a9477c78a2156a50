"""What the model gets beside a section's passages: the who's-who, the sources' metadata, and
the sentences a passage leans on (issue 19, "whole context" and "attribution")."""

from __future__ import annotations

from datetime import UTC, datetime

from plume.document import Block, BlockKind, Document, Meta, Source
from plume.write.rewrite.context import (
    context_sentences,
    source_heads,
    whos_who,
    whos_who_block,
)
from plume.write.rewrite.passages import passages_of


def _doc(*paragraphs: str, meta: Meta | None = None, name: str = "a.txt") -> Document:
    blocks = tuple(Block(BlockKind.PARAGRAPH, p) for p in paragraphs)
    return Document(blocks=blocks, source=Source(name, "txt"), meta=meta or Meta())


def test_whos_who_gives_full_names_and_the_roles_appositions_give() -> None:
    doc = _doc(
        "Claire Fontaine, directrice technique de la société Alvéole, a quitté ses fonctions "
        "lundi. Selon l’analyste Hugo Berthier, ce départ affaiblit Paul Garnier.",
        "Le maire de Nantes, Jules Morvan, a salué son travail. Claire a refusé de commenter.",
        "La ministre de la Culture Rachida Dati était présente. Le salaire de Paul Garnier "
        "reste secret.",
    )
    people = {p.name: p for p in whos_who([doc])}
    assert people["Claire Fontaine"].role == "directrice technique de la société Alvéole"
    assert people["Hugo Berthier"].role == "analyste"
    assert people["Jules Morvan"].role == "maire de Nantes"
    assert people["Rachida Dati"].role == "ministre de la Culture"
    # "ce départ affaiblit Paul Garnier", "Le salaire de Paul Garnier": no role.
    assert people["Paul Garnier"].role is None
    # A first name alone counts as a mention of the full name it belongs to.
    assert people["Claire Fontaine"].mentions == 2
    # Full names only: "Claire" is not a person of its own, "Culture" not part of a name.
    assert "Claire" not in people and not any("Culture" in n for n in people)
    block = whos_who_block(list(people.values()))
    assert "- Claire Fontaine, directrice technique de la société Alvéole" in block
    assert block.startswith("Qui est qui")


def test_no_one_named_no_block() -> None:
    assert whos_who([_doc("La pluie tombe sur la ville depuis trois jours.")]) == []
    assert whos_who_block([]) == ""


def test_each_source_is_named_by_its_metadata_or_as_source_n_never_a_file() -> None:
    page = Meta(
        headline="La fin des trottinettes",
        site_name="Le Devoir",
        author="Jeanne Corriveau",
        published=datetime(2024, 3, 1, 8, 0, tzinfo=UTC),
    )
    heads = source_heads(
        [_doc("Un.", meta=page, name="page.html"), _doc("Deux.", name="/tmp/000_4017.txt")]
    )
    assert heads[0] == (
        "Source 1 : média Le Devoir, article « La fin des trottinettes », par Jeanne Corriveau, "
        "publié le 1er mars 2024."
    )
    assert heads[1].startswith("Source 2 (texte sans auteur ni média connus")
    assert "4017" not in heads[1] and ".txt" not in heads[1]


def test_a_passage_that_points_back_gets_the_sentences_before_it() -> None:
    doc = _doc(
        "Le conseil a voté la fermeture du port de pêche. La séance a duré quatre heures.",
        "Cette décision inquiète les marins, qui craignent pour leurs emplois.",
        "La mairie promet un plan de reconversion.",
    )
    passages = passages_of([doc])
    context = context_sentences(passages, [2])
    assert [(c.id, c.text) for c in context] == [
        (1, "Le conseil a voté la fermeture du port de pêche. La séance a duré quatre heures.")
    ]
    # A passage that stands on its own needs nothing; one already given needs nothing.
    assert context_sentences(passages, [3]) == []
    assert context_sentences(passages, [1, 2]) == []


def test_a_bare_amount_gets_the_sentence_naming_its_currency() -> None:
    doc = _doc(
        "Les dirigeants seront payés en dollars, selon le conseil.",
        "Les rémunérations pourront dépasser 10 millions. Le vote aura lieu en juin.",
        "Le budget atteint 4 millions d’euros cette année.",
    )
    passages = passages_of([doc])
    assert [c.text for c in context_sentences(passages, [2])] == [
        "Les dirigeants seront payés en dollars, selon le conseil."
    ]
    # "4 millions d’euros" carries its unit.
    assert context_sentences(passages, [3]) == []
