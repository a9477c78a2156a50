"""The author's outline: relative heading levels, label lines, lists and quotations."""

from __future__ import annotations

from plume.article import BulletList, Quote
from plume.document import Block, BlockKind, Document, Source, list_item_level
from plume.write.outline import (
    build_lists,
    heading_label,
    heading_ranks,
    inline_label,
    quotation,
    segments,
)

H, P, LI, Q = BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.QUOTE
LONG = (
    "La pâte brisée se prépare la veille, au frais, pour qu’elle se tienne bien au moment de "
    "l’étaler sur le plan de travail fariné."
)


def _doc(*blocks: Block) -> Document:
    return Document(blocks=blocks, source=Source("t", "md"))


def _item(text: str, depth: int = 1, ordered: bool = False) -> Block:
    return Block(LI, text, list_item_level(depth, ordered))


def test_labels_give_their_own_words_or_nothing() -> None:
    assert heading_label("Partie 3 : mon avis partisan") == "mon avis partisan"
    assert heading_label("Partie 2: Leurs Intérêts") == "Leurs Intérêts"
    assert heading_label("Introduction :") == ""
    assert heading_label("Conclusion") == ""
    assert heading_label("Deuxième partie – le procès") == "le procès"
    assert heading_label("Chapitre IV. La fuite") == "La fuite"
    # Subjects, not labels.
    assert heading_label("Introduction à la physique quantique") is None
    assert heading_label("Les parties prenantes") is None
    assert heading_label("Partie de campagne") is None


def test_an_inline_label_is_taken_out_of_its_paragraph() -> None:
    assert inline_label("Conclusion : Initialement employé par OpenAI, il revient.") == (
        "",
        "Initialement employé par OpenAI, il revient.",
    )
    assert inline_label("En conclusion : tout va bien.") == ("", "tout va bien.")
    # A sentence with a colon is not a label.
    assert inline_label("Il a déclaré : « Nous partons. »") is None
    assert inline_label("Conclusion de l’enquête : rien.") is None


def test_heading_levels_are_relative() -> None:
    doc = _doc(Block(H, "Titre", 1), Block(H, "A", 3), Block(H, "B", 4), Block(H, "C", 6))
    assert heading_ranks(doc) == {3: 2, 4: 3, 6: 4}


def test_nested_lists_keep_items_order_and_numbering() -> None:
    lists = build_lists(
        [
            _item("250 g de farine"),
            _item("de blé", 2),
            _item("ou d’épeautre", 2),
            _item("sel, poivre"),
            _item("Mélanger", ordered=True),
            _item("Cuire", ordered=True),
            _item("180 degrés", 2),
        ]
    )
    assert [x.ordered for x in lists] == [False, True]
    bullets, steps = lists
    assert [i.text for i in bullets.items] == ["250 g de farine", "sel, poivre"]
    sub = bullets.items[0].sublist
    assert sub is not None and [i.text for i in sub.items] == ["de blé", "ou d’épeautre"]
    assert bullets.texts() == ["250 g de farine", "de blé", "ou d’épeautre", "sel, poivre"]
    assert steps.texts() == ["Mélanger", "Cuire", "180 degrés"]


def test_an_embedded_post_keeps_its_attribution() -> None:
    q = quotation("Quelle journée ! — Ville de Genève (@VilledeGeneve) 3 juin 2021")
    assert q == Quote(
        text="Quelle journée !", attribution="Ville de Genève (@VilledeGeneve) 3 juin 2021"
    )
    # A dash inside a long quotation is not an attribution.
    long_tail = "Il part — et avec lui toute une époque de la politique française qui s’achève enfin ce soir dans la nuit froide de décembre."
    assert quotation(long_tail).attribution is None
    # An attribution on its own line joins the quotation before it.
    seg = segments(
        _doc(Block(P, LONG), Block(Q, "Nous partons."), Block(Q, "— Elon Musk (@elonmusk)"))
    )
    assert seg[0].pieces[1:] == [Quote(text="Nous partons.", attribution="Elon Musk (@elonmusk)")]


def test_segments_keep_relative_levels_and_parents_with_only_subsections() -> None:
    """Issue 21's recipe: "### Ingrédients" with only "#### pour la pâte :" under it."""
    doc = _doc(
        Block(H, "La tarte", 1),
        Block(P, LONG),
        Block(H, "Ingrédients", 3),
        Block(H, "pour la pâte :", 4),
        _item("250 g de farine"),
        _item("sel, poivre"),
        Block(H, "pour la garniture :", 4),
        _item("6 pommes"),
        Block(H, "Préparation", 3),
        Block(P, LONG),
    )
    segs = segments(doc)
    assert [(s.heading, s.level) for s in segs] == [
        (None, 2),
        ("Ingrédients", 2),
        ("pour la pâte", 3),
        ("pour la garniture", 3),
        ("Préparation", 2),
    ]
    assert segs[1].pieces == []  # a parent: not empty
    assert segs[2].pieces == [
        BulletList(items=build_lists([_item("250 g de farine"), _item("sel, poivre")])[0].items)
    ]


def test_stacked_empty_headings_become_text_and_labels_go() -> None:
    """Seeds 003 and 004: no empty heading, no heading stacked on another, no label inline."""
    doc = _doc(
        Block(H, "Le titre", 1),
        Block(H, "Introduction :", 2),
        Block(P, LONG),
        Block(H, "Un sous-titre sans texte", 2),
        Block(H, "Partie 1 : Les Acteurs", 2),
        Block(P, LONG),
        Block(H, "Partie 2 :", 2),
        Block(H, "Conclusion :", 2),
        Block(P, "Conclusion : " + LONG),
    )
    segs = segments(doc)
    assert segs[0].pieces == [LONG, "Un sous-titre sans texte"]
    assert [(s.heading, s.label) for s in segs[1:]] == [("Les Acteurs", True), (None, True)]
    assert segs[2].pieces == [LONG]  # "Conclusion :" taken out, a boundary kept
    assert all(s.pieces for s in segs)


def test_a_post_split_at_its_line_breaks_is_one_quotation() -> None:
    """Corpus 07: the cleaner splits Olivier Véran's post at its line break; the two quotation
    blocks and the attribution ending the second are one quotation."""
    seg = segments(
        _doc(
            Block(P, LONG),
            Block(Q, "La prise d’anti-inflammatoires pourrait aggraver l’infection."),
            Block(
                Q,
                "Demandez conseil à votre médecin. — Olivier Véran (@olivierveran) March 14, 2020",
            ),
            Block(Q, "Un autre post. — Elon Musk (@elonmusk)"),
        )
    )
    assert seg[0].pieces[1:] == [
        Quote(
            text="La prise d’anti-inflammatoires pourrait aggraver l’infection.\n"
            "Demandez conseil à votre médecin.",
            attribution="Olivier Véran (@olivierveran) March 14, 2020",
        ),
        Quote(text="Un autre post.", attribution="Elon Musk (@elonmusk)"),
    ]
