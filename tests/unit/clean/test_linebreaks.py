"""Step 4: line breaks inside blocks (joined, hyphen repaired, or turned into block breaks)."""

from __future__ import annotations

from plume.clean import clean
from plume.document import BlockKind
from plume.settings import Settings
from tests.unit.clean.helpers import doc, run

RAW = Settings(fix_typography=False)


def _blocks(text: str) -> list[str]:
    return [b.text for b in run(text, settings=RAW).document.blocks]


def test_a_line_that_cuts_a_sentence_is_joined() -> None:
    assert _blocks("Le conseil municipal a voté\nle budget de la ville.") == [
        "Le conseil municipal a voté le budget de la ville."
    ]


def test_a_line_after_a_sentence_end_becomes_a_block() -> None:
    assert _blocks("Le budget est voté.\nLes travaux commencent lundi.") == [
        "Le budget est voté.",
        "Les travaux commencent lundi.",
    ]


def test_a_capitalised_next_line_becomes_a_block() -> None:
    # seed 004: "Introduction :" then the paragraph
    assert _blocks("Introduction :\nPour mieux comprendre ce qui se passe.") == [
        "Introduction :",
        "Pour mieux comprendre ce qui se passe.",
    ]


def test_hyphenated_word_split_at_line_end_is_rejoined() -> None:
    assert _blocks("Un dévelop-\npement rapide.") == ["Un développement rapide."]


def test_compound_words_keep_their_hyphen() -> None:
    assert _blocks("Le porte-\nparole du week-\nend.") == ["Le porte-parole du week-end."]
    assert _blocks("Jean-\nPaul Delevoye arrive.") == ["Jean-Paul Delevoye arrive."]


def test_furniture_lines_are_not_joined_into_a_sentence() -> None:
    # corpus 01 (Gala): two buttons, one under the other
    blocks = _blocks("Mettre en favori\najouté")
    assert blocks == []  # both then removed as furniture
    result = run("Mettre en favori\najouté", settings=RAW)
    linebreaks = [c for c in result.changes if c.rule == "CL-LINEBREAK"]
    assert [c.after for c in linebreaks] == ["\n\n"]


def test_lettered_list_items_are_not_joined() -> None:
    assert _blocks("Deux options :\na) partir ;\nb) rester.") == [
        "Deux options :",
        "a) partir ;",
        "b) rester.",
    ]


def test_blank_lines_split_and_empty_blocks_are_dropped() -> None:
    result = run("Un.\n\n\nDeux.", "", "   ", "Trois.", settings=RAW)
    assert [b.text for b in result.document.blocks] == ["Un.", "Deux.", "Trois."]
    assert "CL-EMPTY-BLOCK" in {c.rule for c in result.changes}


def test_headings_are_one_line() -> None:
    d = doc("Les enjeux\nde la réforme", kind=BlockKind.HEADING)
    out = clean(d, RAW).document
    assert [(b.kind, b.text) for b in out.blocks] == [
        (BlockKind.HEADING, "Les enjeux de la réforme")
    ]


# --- Hard wraps (lines of a near-constant width) ----------------------------------------------

WRAPPED = (
    "La ligne B du tramway de Brest sera prolongée de trois kilomètres d’ici\n"
    "2027. Les travaux commenceront au printemps, a confirmé la présidente de\n"
    "Brest Métropole lors du conseil communautaire réuni jeudi soir à la\n"
    "mairie. « Nous tiendrons les délais », a-t-elle promis devant les élus."
)


def test_a_hard_wrap_is_joined_even_before_a_number_a_name_or_a_new_sentence() -> None:
    assert _blocks(WRAPPED) == [
        "La ligne B du tramway de Brest sera prolongée de trois kilomètres d’ici 2027. Les "
        "travaux commenceront au printemps, a confirmé la présidente de Brest Métropole lors "
        "du conseil communautaire réuni jeudi soir à la mairie. « Nous tiendrons les délais », "
        "a-t-elle promis devant les élus."
    ]


def test_a_short_last_line_still_ends_its_paragraph() -> None:
    text = (
        "Le conseil municipal a adopté le budget de la ville après trois heures\n"
        "de débats animés.\n"
        "Les travaux de la piscine commenceront en mars, selon le maire de la\n"
        "commune, qui promet une ouverture pour l’été suivant."
    )
    assert _blocks(text) == [
        "Le conseil municipal a adopté le budget de la ville après trois heures de débats animés.",
        "Les travaux de la piscine commenceront en mars, selon le maire de la commune, qui "
        "promet une ouverture pour l’été suivant.",
    ]


def test_a_heading_line_above_a_sentence_is_not_joined() -> None:
    text = (
        "Une réforme des retraites contestée par tous les syndicats\n"
        "Le gouvernement a présenté mardi son projet de réforme des retraites aux\n"
        "partenaires sociaux, qui l’ont rejeté en bloc dès la sortie de la réunion."
    )
    blocks = _blocks(text)
    assert blocks[0] == "Une réforme des retraites contestée par tous les syndicats"
    assert blocks[1].startswith("Le gouvernement a présenté mardi")


def test_a_title_and_its_subtitle_are_not_joined() -> None:
    # corpus 04 (Le Monde diplomatique): two lines, the second without a final full stop.
    assert _blocks("Construction pour la démocratie sud-coréenne\nTurpitude et architecture") == [
        "Construction pour la démocratie sud-coréenne",
        "Turpitude et architecture",
    ]


def test_furniture_and_list_items_inside_a_wrap_stay_apart() -> None:
    text = (
        "Le chantier coûtera douze millions d’euros selon les calculs du cabinet\n"
        "mandaté par l’opposition municipale, qui dénonce un projet bien trop cher.\n"
        "Partager sur Facebook\n"
        "- premier point de la liste des griefs présentés par l’opposition locale"
    )
    blocks = _blocks(text)
    assert blocks[0].endswith("qui dénonce un projet bien trop cher.")
    assert "Partager sur Facebook" not in " ".join(blocks)
    assert blocks[-1].startswith("- premier point")


def test_a_list_of_capitalised_lines_is_not_joined() -> None:
    text = (
        "Les mesures annoncées mardi par le gouvernement sont les suivantes :\n"
        "La baisse de la TVA sur l’énergie pour tous les ménages du pays\n"
        "Baisse des loyers dans les grandes villes pendant une année entière\n"
        "Une prime exceptionnelle pour les salariés les plus modestes"
    )
    assert len(_blocks(text)) == 4
