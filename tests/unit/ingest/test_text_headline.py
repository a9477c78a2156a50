"""A headline typed right above the standfirst, with no blank line between, is the title."""

from __future__ import annotations

from plume.document import BlockKind, Document, Source
from plume.ingest.text import text_to_blocks
from plume.write.titles import build_title

HEADLINE = (
    "Bréval-sur-Orne : le conseil municipal adopte son budget 2027 et acte la fermeture de "
    "l’école Jules-Ferry"
)
STANDFIRST = (
    "Après plus de quatre heures de débats tendus jeudi soir, la majorité a fait voter un budget "
    "de 14,2 millions d’euros et la fermeture de la plus petite école de la commune."
)
BODY = (
    "La salle des fêtes avait été réquisitionnée pour l’occasion. Près de deux cents personnes "
    "se sont pressées dans les gradins pour assister à la séance du conseil municipal."
)


def test_a_headline_glued_to_its_standfirst_is_the_title() -> None:
    blocks = text_to_blocks(f"{HEADLINE}\n{STANDFIRST}\n\n{BODY}\n")
    assert blocks[0].kind is BlockKind.HEADING and blocks[0].level == 1
    assert blocks[0].text == HEADLINE
    assert blocks[1].kind is BlockKind.PARAGRAPH and blocks[1].text.startswith("Après plus")


def test_a_hard_wrapped_first_paragraph_stays_one() -> None:
    wrapped = (
        "Après plus de quatre heures de débats tendus jeudi soir, la majorité de\n"
        "la maire a fait voter un budget de 14,2 millions d’euros et la fermeture\n"
        "de la plus petite école de la commune.\n\n" + BODY
    )
    blocks = text_to_blocks(wrapped)
    assert blocks[0].kind is BlockKind.PARAGRAPH and "budget" in blocks[0].text


def test_a_headline_led_by_a_place_keeps_its_news() -> None:
    """Cut at 90 characters it lost "et acte la fermeture de l’école Jules-Ferry"."""
    blocks = text_to_blocks(f"{HEADLINE}\n{STANDFIRST}\n\n{BODY}\n")
    doc = Document(tuple(blocks), Source("<t>", "txt"))
    paragraphs = [b.text for b in blocks if not b.is_heading]
    title = build_title(doc, paragraphs, "école Jules-Ferry")
    assert title is not None and title.replace("\u00a0", " ") == HEADLINE


def test_a_credit_line_is_metadata_not_a_heading() -> None:
    from plume.ingest.text import read_text_page

    text = (
        "Léa Fournier, gardienne de refuge : « La montagne que j’ai connue n’existe plus »\n\n"
        "Guide de haute montagne depuis quinze ans, Léa Fournier garde le refuge des "
        "Aiguillettes, en Savoie.\n\n"
        "Propos recueillis par Claire Dumoulin\n\n"
        "Qu’est-ce qui a changé autour du refuge ?\n\n"
        "Tout. Les itinéraires ont bougé, les chutes de pierres sont devenues quotidiennes, et les "
        "guides ont renoncé à certaines courses que l’on faisait encore il y a dix ans.\n"
    )
    blocks, header = read_text_page(text)
    assert header.author == "Claire Dumoulin"
    credit = [b for b in blocks if b.text.startswith("Propos recueillis")]
    assert [b.kind for b in credit] == [BlockKind.PARAGRAPH]  # shown, never a heading
