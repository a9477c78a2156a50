"""Plain text → blocks: the two layouts, list items, and conservative heading inference."""

from __future__ import annotations

from pathlib import Path

import pytest

from plume.document import Block, BlockKind
from plume.ingest import read_path, read_text
from plume.ingest.text import text_to_blocks
from plume.settings import Settings
from tests.unit.ingest.helpers import corpus_files, seed

H = BlockKind.HEADING
P = BlockKind.PARAGRAPH
LI = BlockKind.LIST_ITEM
LONG = (
    "Le conseil municipal a voté jeudi soir le budget de la ville pour l’année prochaine, "
    "après trois heures de débats animés entre la majorité et l’opposition."
)


def kinds(blocks: list[Block]) -> list[tuple[BlockKind, int]]:
    return [(b.kind, b.level) for b in blocks]


def test_one_paragraph_per_line() -> None:
    blocks = text_to_blocks("Première phrase du texte.\nDeuxième paragraphe.\n\n")
    assert [b.text for b in blocks] == ["Première phrase du texte.", "Deuxième paragraphe."]


def test_blank_line_paragraphs_keep_their_hard_wraps() -> None:
    text = "Un paragraphe coupé\nà la main en deux lignes.\n\n  Un second,\n  indenté.  \n"
    blocks = text_to_blocks(text)
    assert [b.text for b in blocks] == [
        "Un paragraphe coupé\nà la main en deux lignes.",
        "Un second,\nindenté.",
    ]
    assert all(b.kind is P for b in blocks)


def test_list_items() -> None:
    text = (
        f"{LONG}\n- premier point\n* deuxième point\n• troisième point\n1. quatrième\n2) cinquième"
    )
    blocks = text_to_blocks(text)
    assert [b.kind for b in blocks] == [P, LI, LI, LI, LI, LI]
    assert [b.text for b in blocks[1:]] == [
        "premier point",
        "deuxième point",
        "troisième point",
        "quatrième",
        "cinquième",
    ]


def test_dialogue_dashes_are_not_bullets() -> None:
    blocks = text_to_blocks("— Vous venez ? demanda-t-il.\n– Oui, tout de suite.")
    assert [b.kind for b in blocks] == [P, P]


def test_list_in_a_blank_line_chunk_with_wrapped_item() -> None:
    text = f"{LONG}\n\nVoici les points :\n- un point qui\n  continue ici\n- un autre\n"
    blocks = text_to_blocks(text)
    assert [b.kind for b in blocks] == [P, P, LI, LI]
    assert blocks[2].text == "un point qui\ncontinue ici"


def test_markdown_headings_in_txt_are_taken_as_written() -> None:
    blocks = text_to_blocks(f"# Le budget\n{LONG}\n## Les dépenses\n{LONG}\nCourt titre\n{LONG}")
    assert kinds(blocks) == [(H, 1), (P, 0), (H, 2), (P, 0), (P, 0), (P, 0)]
    assert blocks[0].text == "Le budget"


def test_title_then_subheadings() -> None:
    text = f"Le budget de la ville adopté\n{LONG}\nDes dépenses en hausse\n{LONG}\n"
    assert kinds(text_to_blocks(text)) == [(H, 1), (P, 0), (H, 2), (P, 0)]


@pytest.mark.parametrize(
    "line",
    [
        "Le budget est adopté.",  # a short sentence with a full stop
        "Il a déclaré :",  # a lead-in, not "Introduction :"
        "Voici ce qu’il explique :",
        "mardi",  # lower case
        "10.12.19",  # no word
        "Lire aussi Martine Bulard &",  # cut mid-sentence
        "C’est terminé !",
        "Une question posée ? Et une autre ?",
        "https://example.com/une-page",
    ],
)
def test_not_headings(line: str) -> None:
    blocks = text_to_blocks(f"{LONG}\n{line}\n{LONG}")
    assert blocks[1].kind is P, line


def test_heading_needs_body_text_after_it() -> None:
    # A short line followed by another short line, or by a lower-case continuation, or at the
    # end, is not a heading.
    assert text_to_blocks(f"{LONG}\nLes dépenses\nEn hausse\nEncore")[1].kind is P
    assert (
        text_to_blocks(
            f"{LONG}\nLe ministre a dit que\nla réforme passera au printemps prochain, malgré les critiques."
        )[1].kind
        is P
    )
    assert text_to_blocks(f"{LONG}\nConclusion")[1].kind is P


def test_long_runs_of_short_lines_are_not_headings() -> None:
    tags = "\n".join(["Asie", "Censure", "Littérature", "Corée du Sud"])
    blocks = text_to_blocks(f"{LONG}\n{tags}\n{LONG}")
    assert all(b.kind is P for b in blocks)


def test_question_subheading() -> None:
    blocks = text_to_blocks(f"{LONG}\nQuelles limites pour le vélo en ville ?\n{LONG}")
    assert (blocks[1].kind, blocks[1].level) == (H, 2)


def test_numbered_heading_alone_keeps_its_number() -> None:
    blocks = text_to_blocks(f"{LONG}\n1. Les acteurs\n{LONG}\n2. Les intérêts\n{LONG}")
    assert [(b.kind, b.text) for b in blocks if b.kind is H] == [
        (H, "1. Les acteurs"),
        (H, "2. Les intérêts"),
    ]


def test_seed_003_opening_lines(settings: Settings) -> None:
    doc = read_path(seed("003"), settings)
    assert kinds(list(doc.blocks)) == [(H, 1), (H, 2), (H, 2), (P, 0)]
    assert (
        doc.blocks[0].text
        == "Consolidation de l'IA générative : les inquiétudes pour l'avenir d'OpenAI"
    )
    assert doc.blocks[3].text.startswith("Pour résumer brièvement")


def test_seed_004_structure(settings: Settings) -> None:
    doc = read_path(seed("004"), settings)
    headings = [(b.level, b.text) for b in doc.blocks if b.is_heading]
    assert headings[0][0] == 1 and headings[0][1].startswith("L’Épisode 3 de la Télénovela")
    assert headings[1:] == [
        (2, "Introduction :"),
        (2, "Partie 1 : Les Acteurs"),
        (2, "Partie 2: Leurs Intérêts"),
        (2, "Partie 3 : Mon Avis partisan"),
    ]
    # "La rivalité … promet d’être intense." is short but a sentence; the conclusion stays a paragraph.
    assert not any(
        b.text.startswith(("La rivalité", "Conclusion")) for b in doc.blocks if b.is_heading
    )


def test_seed_002_title_and_bullets(settings: Settings) -> None:
    doc = read_path(seed("002"), settings)
    assert (doc.blocks[0].kind, doc.blocks[0].level) == (H, 1)
    assert [b.kind for b in doc.blocks[1:4]] == [LI, LI, LI]
    assert doc.blocks[1].text.startswith("Sam Altman a été contraint")
    assert sum(b.is_heading for b in doc.blocks) == 1


def test_seed_001_has_no_headings(settings: Settings) -> None:
    doc = read_path(seed("001"), settings)
    assert not any(b.is_heading for b in doc.blocks) and len(doc.blocks) == 21


EXPECTED_CORPUS_HEADINGS = {
    "01-gala-delevoye-surnom-chirac.txt": [],
    "03-lenouvelliste-penurie-carburant-haiti.txt": [1],
    "04-mondediplo-hwang-sok-yong-turpitude.txt": [],
    "06-dalloz-libre-cours-raoult.txt": [1],
    "07-sciencesetavenir-covid-infox-ibuprofene.txt": [2, 2],
    "08-lapresse-tn-parite-hommes-femmes.txt": [1, 2],
    "10-aoc-retraite-neoliberalisme.txt": [1],  # under its page header (date, byline)
    "11-psl-universite-grandes-ecoles.txt": [1],
    "12-radio-prague-ministre-sante-demission.txt": [1],
    "14-arteradio-la-voix-des-nuls.txt": [],
    "15-mesopinions-choeur-radio-france.txt": [1],
    "16-legrandcontinent-heran-migrations.txt": [1, 2],
}


@pytest.mark.parametrize("path", corpus_files(".txt"), ids=lambda p: p.name)
def test_corpus_heading_levels(path, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    doc = read_path(path, settings)
    assert [b.level for b in doc.blocks if b.is_heading] == EXPECTED_CORPUS_HEADINGS[path.name]


def test_corpus_08_numbered_recommendations(settings: Settings) -> None:
    doc = read_path(next(p for p in corpus_files(".txt") if p.name.startswith("08-")), settings)
    items = [b for b in doc.blocks if b.kind is LI]
    assert len(items) == 7 and items[0].text.startswith("prendre en considération")


def test_read_text_matches_read_path(settings: Settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = seed("004").read_text(encoding="utf-8")
    f = tmp_path / "a.txt"
    f.write_text(text, encoding="utf-8")
    assert read_text(text, settings).blocks == read_path(f, settings).blocks


def test_crlf_and_unicode_separators(settings: Settings) -> None:
    doc = read_text(f"{LONG}\r\nSecond paragraphe ici.\rTroisième.", settings)
    assert [b.text for b in doc.blocks] == [LONG, "Second paragraphe ici.", "Troisième."]
    doc = read_text(f"{LONG}\u2029Un autre paragraphe,\u2028coupé.", settings)
    assert [b.text for b in doc.blocks] == [LONG, "Un autre paragraphe,\ncoupé."]


def test_heading_over_a_lower_case_list() -> None:
    blocks = text_to_blocks(
        f"{LONG}\nDes actions à entreprendre\n1-prendre le bus\n2-marcher\n{LONG}"
    )
    assert [b.kind for b in blocks] == [P, H, LI, LI, P]
    blocks = text_to_blocks(f"{LONG}\nVoici :\n- prendre le bus\n- marcher")
    assert blocks[1].kind is P


def test_list_lines_keep_their_numbering_and_nesting() -> None:
    blocks = text_to_blocks(
        "Voici ce qu’il faut pour la pâte brisée de ce soir, dans l’ordre :\n"
        "- 250 g de farine\n"
        "  • de blé\n"
        "  • ou d’épeautre\n"
        "* sel, poivre\n"
        "1. Mélanger\n"
        "2. Cuire"
    )
    got = [(b.kind, b.text, b.list_depth, b.ordered) for b in blocks[1:]]
    assert got == [
        (LI, "250 g de farine", 1, False),
        (LI, "de blé", 2, False),
        (LI, "ou d’épeautre", 2, False),
        (LI, "sel, poivre", 1, False),
        (LI, "Mélanger", 1, True),
        (LI, "Cuire", 1, True),
    ]


def test_an_embedded_post_and_its_attribution_are_one_quotation() -> None:
    """Corpus 07: a tweet copied as text ends on "— Name (@handle) date"."""
    blocks = text_to_blocks(
        "Le ministre a tweeté un avertissement sur l’ibuprofène, repris partout en France.\n\n"
        "La prise d’anti-inflammatoires pourrait être un facteur d’aggravation.\n"
        "En cas de fièvre, prenez du paracétamol.\n"
        "— Olivier Véran (@olivierveran) March 14, 2020\n\n"
        "— Non, répondit-elle, je ne viendrai pas ce soir."
    )
    assert [b.kind for b in blocks] == [BlockKind.PARAGRAPH, BlockKind.QUOTE, BlockKind.PARAGRAPH]
    assert blocks[1].text.endswith(
        "prenez du paracétamol. — Olivier Véran (@olivierveran) March 14, 2020"
    )


def test_a_page_header_above_the_title_is_metadata_not_text() -> None:
    # A page copied as text (held-out corpus 10): "Opinion / mardi / 10.12.19" above the title,
    # the byline glued under it. Read blind, they were printed as paragraphs and the title lost.
    from datetime import UTC, datetime

    from plume.ingest.text import read_text_page

    text = (
        "Opinion\n\n mardi \n\n 10.12.19 \n\n"
        " Le vélo gagne la ville, même en hiver\n Par Léa Martin\n\n"
        " Les pistes cyclables de Lyon ont accueilli deux fois plus de cyclistes cet hiver que "
        "l’an dernier, selon les comptages de la métropole publiés lundi.\n"
    )
    blocks, header = read_text_page(text)
    assert header.published == datetime(2019, 12, 10, tzinfo=UTC) and header.author == "Léa Martin"
    assert header.kicker == "Opinion"
    assert blocks[0].kind is BlockKind.HEADING and blocks[0].level == 1
    assert blocks[0].text == "Le vélo gagne la ville, même en hiver"
    assert not any("10.12.19" in b.text or "Par Léa" in b.text for b in blocks)


def test_short_opening_lines_without_a_date_are_left_alone() -> None:
    from plume.ingest.text import read_text_page

    text = (
        "Vélo\n\nLe vélo gagne la ville\n\nLes pistes cyclables de Lyon ont accueilli deux fois "
        "plus de cyclistes cet hiver que l’an dernier, selon la métropole.\n"
    )
    blocks, header = read_text_page(text)
    assert header.removed == [] and blocks[0].text == "Vélo"


def test_a_line_cut_inside_a_sentence_continues_its_paragraph() -> None:
    # One paragraph a line, but one of them hard-wrapped: the next line opens in lower case.
    text = (
        "Le conseil municipal a voté mardi un budget de 120 millions d’euros pour les\n"
        "pistes cyclables de la ville, une hausse de 20 % sur un an.\n"
        "La région financera un tiers des travaux prévus sur les quais du Rhône en 2025.\n"
        "farine\nbeurre\n"
    )
    blocks = text_to_blocks(text)
    assert [b.text.split("\n")[0][:20] for b in blocks][:2] == [
        "Le conseil municipal",
        "La région financera ",
    ]
    assert "\npistes cyclables" in blocks[0].text
    # Short lines in lower case (a list typed without bullets) stay apart.
    assert [b.text for b in blocks[-2:]] == ["farine", "beurre"]


def test_a_text_wrapped_at_a_column_without_blank_lines_is_read_by_paragraph() -> None:
    text = (
        "Le vélo gagne la ville\n"
        "Les pistes cyclables de Lyon ont accueilli deux fois plus de cyclistes cet\n"
        "hiver que l’an dernier, selon les comptages de la métropole publiés lundi\n"
        "par les services de la voirie.\n"
        "La région financera un tiers des travaux prévus sur les quais du Rhône, a\n"
        "indiqué son président, qui veut doubler le réseau avant la fin du mandat.\n"
    )
    blocks = text_to_blocks(text)
    assert [b.kind for b in blocks] == [BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]
    assert blocks[1].text.count("\n") == 2 and blocks[2].text.startswith("La région")


def test_a_label_in_capitals_over_the_headline_is_the_pages_not_the_title() -> None:
    # Written blind (unseen2): "LESCURE-D'OULME" over the headline became the article's title,
    # and the headline a paragraph.
    from plume.ingest.text import read_text_page

    text = (
        "LESCURE-D'OULME\nCentre aquatique : le conseil municipal dit oui, l'opposition crie au "
        "« gouffre financier »\n\nAprès plus de trois heures de débats, les élus ont approuvé "
        "jeudi soir le lancement du futur centre aquatique.\n"
    )
    blocks, header = read_text_page(text)
    assert header.kicker == "LESCURE-D'OULME" and header.removed == ["LESCURE-D'OULME"]
    assert blocks[0].kind is BlockKind.HEADING and blocks[0].text.startswith("Centre aquatique")
    # A headline in capitals over its standfirst is still the title.
    blocks, header = read_text_page(
        "LA FIN DES TROTTINETTES\n\nLa Ville de Montréal a annoncé mardi la fin du projet-pilote "
        "des trottinettes en libre-service, qui avait commencé en juin.\n"
    )
    assert header.kicker is None and blocks[0].text == "LA FIN DES TROTTINETTES"


def test_a_publication_line_under_the_standfirst_gives_the_date() -> None:
    # Written blind (unseen2): "Publié le 7 décembre 2026 à 08h12" was dropped as furniture and
    # the article dated the day plume ran.
    from datetime import UTC, datetime

    from plume.ingest.text import read_text_page

    text = (
        "Écrans le soir : une heure sans écran ferait gagner vingt minutes de sommeil\n\n"
        "Une étude menée auprès de plus d'un millier d'élèves suggère un effet modeste.\n\n"
        "Par Hélène Garnier\nPublié le 7 décembre 2026 à 08h12 - Mis à jour à 11h40\n\n"
        "Vingt et une minutes. C'est le temps de sommeil gagné chaque soir de semaine.\n"
    )
    blocks, header = read_text_page(text)
    assert header.published == datetime(2026, 12, 7, tzinfo=UTC)
    assert header.author == "Hélène Garnier"
    assert not any("Publié le" in b.text for b in blocks)
    assert any(b.text == "Par Hélène Garnier" for b in blocks)  # the byline stays, as shown


def test_a_byline_with_its_date_gives_author_and_date_in_any_format(tmp_path: Path) -> None:
    # Written blind (unseen2): a Markdown review's "Par … · 5 décembre 2026 · Arts" stayed in the
    # text and the article was dated the day plume ran.
    from datetime import UTC, datetime

    from plume.ingest import read_path
    from plume.ingest.text import dated_byline
    from plume.settings import Settings

    page = tmp_path / "critique.md"
    page.write_text(
        "# Odile Ferrand, la peintre qui regardait la lumière\n\n"
        "**Par Mathieu Lescure** · 5 décembre 2026 · Arts & expositions\n\n"
        "Il aura fallu attendre quarante ans pour qu’Odile Ferrand ait droit à une rétrospective "
        "digne de ce nom, à la Halle aux grains.\n",
        encoding="utf-8",
    )
    doc = read_path(page, Settings())
    assert doc.meta.author == "Mathieu Lescure"
    assert doc.meta.published == datetime(2026, 12, 5, tzinfo=UTC)
    assert not any("Mathieu Lescure" in b.text for b in doc.blocks)
    assert dated_byline("Par Léa Roy | 12/03/2025") == (
        "Léa Roy",
        datetime(2025, 3, 12, tzinfo=UTC),
    )
    # A sentence opening on "Par" is text.
    assert dated_byline("Par ailleurs, le 5 décembre 2026, la ville a voté.") is None
    assert dated_byline("Par Jean Dupont") is None


def test_a_byline_with_a_date_without_its_year_gives_the_author_only(tmp_path: Path) -> None:
    # "Par X — publié le 3 mars": a byline (its line leaves the text, which had been given a
    # heading of its own above it), but no year, so no publication date.
    from plume.ingest import read_path
    from plume.ingest.text import dated_byline
    from plume.settings import Settings

    page = tmp_path / "club.md"
    page.write_text(
        "# Le club de kayak-polo de Plouzec rêve de la première division\n\n"
        "*Par Anne Le Goff — publié le 3 mars*\n\n"
        "Le club de kayak-polo de Plouzec compte trente licenciés et un bassin trop petit pour "
        "la compétition.\n",
        encoding="utf-8",
    )
    doc = read_path(page, Settings())
    assert doc.meta.author == "Anne Le Goff"
    assert doc.meta.published is None
    assert not any("Anne Le Goff" in b.text for b in doc.blocks)
    assert dated_byline("Par Léa Roux · 5 déc. · Sport") == ("Léa Roux", None)
    assert dated_byline("Par Jean Roux — Rennes") is None


def test_an_agency_dateline_gives_the_wires_date(tmp_path: Path) -> None:
    # Read blind: a wire of 12 February 2025 had been dated the day plume ran.
    from datetime import UTC, datetime

    from plume.ingest import read_path
    from plume.settings import Settings

    page = tmp_path / "depeche.txt"
    page.write_text(
        "Grève des contrôleurs : le trafic des trains régionaux perturbé jeudi\n\n"
        "Rennes, 12 févr 2025 (AFP) - Les contrôleurs des trains régionaux ont déposé un préavis "
        "de grève pour jeudi, a annoncé mardi le syndicat majoritaire.\n\n"
        "La direction régionale prévoit un train sur deux sur les principales lignes.\n",
        encoding="utf-8",
    )
    doc = read_path(page, Settings())
    assert doc.meta.published == datetime(2025, 2, 12, tzinfo=UTC)
    assert doc.blocks[1].text.startswith("Rennes, 12 févr 2025 (AFP)")  # the wire's own words
    # A sentence that only looks like one is no dateline.
    other = tmp_path / "texte.txt"
    other.write_text(
        "Un titre\n\nÀ Rennes, le syndicat a parlé (AFP) hier soir - sans date.\n", encoding="utf-8"
    )
    assert read_path(other, Settings()).meta.published is None


def test_a_long_headline_under_an_editors_brief_is_the_title(tmp_path: Path) -> None:
    # 23 words, no final stop: a headline (read blind, one of 21 words had become a paragraph).
    from plume.ingest import read_path
    from plume.settings import Settings
    from plume.text import count_words

    title = (
        "Le télescope Kepler-X aurait détecté de la vapeur sur une planète lointaine et rocheuse, "
        "mais les chercheurs demandent encore de rester très prudents"
    )
    assert count_words(title) > 20
    page = tmp_path / "science.txt"
    page.write_text(
        "Rends cet article SEO, avec des intertitres, au moins 800 mots\n\n"
        f"{title}\n\n"
        "Une équipe d’astronomes affirme avoir repéré des traces de vapeur d’eau dans "
        "l’atmosphère d’une exoplanète rocheuse, à une centaine d’années-lumière de la Terre. Le "
        "résultat, qui n’a pas encore été relu par d’autres chercheurs, doit être confirmé.\n",
        encoding="utf-8",
    )
    doc = read_path(page, Settings())
    assert doc.brief is not None and doc.brief.min_words == 800
    assert doc.blocks[0].is_heading and doc.blocks[0].level == 1
    assert doc.blocks[0].text == title
