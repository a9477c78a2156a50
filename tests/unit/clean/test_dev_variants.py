"""Hand-written development cases for the cleaner, unlike the bench's generators: furniture
lines in the variants real pages print (punctuation, case, brackets, where they sit), hard wraps
at several widths through quotes and numbers, and the document's own words as evidence for a
repair. Read and cleaned as plain text, as ``plume clean`` does."""

from __future__ import annotations

import textwrap

import pytest

from plume.clean import clean
from plume.ingest import read_text
from plume.settings import GrammarSettings, Settings

#: The grammar checker is another step's business: these cases are about the cleaner's rules.
SETTINGS = Settings(grammar=GrammarSettings(enabled=False))

P1 = (
    "Le conseil municipal a voté jeudi soir le budget de la ville pour l’année prochaine, "
    "après trois heures de débats animés entre la majorité et l’opposition."
)
P2 = (
    "Les travaux de rénovation de la piscine commenceront au printemps et devraient durer "
    "dix-huit mois, selon l’adjoint chargé des sports."
)


def _blocks(text: str) -> list[str]:
    return [b.text for b in clean(read_text(text, SETTINGS), SETTINGS).document.blocks]


def _cleaned(*paragraphs: str) -> list[str]:
    return _blocks("\n\n".join(paragraphs) + "\n")


# --- Furniture lines, wherever they sit -----------------------------------------------------

FURNITURE = [
    "Partager sur Facebook",
    "PARTAGER SUR FACEBOOK",
    "partager sur facebook :",
    "Partager sur Twitter et Facebook",
    "Partager sur Facebook, Twitter",
    "Partager l’article",
    "Publié le 12 mars 2023 à 18h30",
    "Publié le 12/03/2023 à 18:30",
    "Publié le 12 mars 2023 à 18h30, mis à jour le 13 mars 2023 à 9h05",
    "Mis à jour le 3 janvier 2024 à 10h12",
    "Publié le lundi 4 mars 2024 à 07h00",
    "Publié aujourd’hui à 11h45",
    "Publié le 12 mars 2023 à 18h30 par Jean Dupont",
    "Cet article a été publié le 12 mars 2023.",
    "Crédit photo : Jean Dupont",
    "Crédit photo: AFP",
    "CRÉDIT PHOTO : REUTERS",
    "crédit photo - AFP",
    "Abonnez-vous à notre newsletter",
    "ABONNEZ-VOUS À NOTRE NEWSLETTER !",
    "Recevez gratuitement notre newsletter",
    "© AFP",
    "(© AFP)",
    "©AFP",
    "© AFP / Ludovic Marin",
    "Tags : Politique, Économie",
    "Tags: politique; économie",
    "Mots-clés: Sénat, Assemblée nationale",
    "Lire aussi : La réforme passe au Sénat",
    "LIRE AUSSI : La réforme passe au Sénat",
    "Lire aussi – La réforme passe au Sénat",
    "» Lire aussi : La réforme passe au Sénat",
    "[Lire aussi] La réforme passe au Sénat",
    "(Lire aussi : La réforme passe au Sénat)",
    "A lire aussi : La réforme passe au Sénat",
    "À lire également - Les prix repartent",
]


@pytest.mark.parametrize("line", FURNITURE)
@pytest.mark.parametrize(
    "layout",
    [
        "{p1}\n\n{bp}\n\n{p2}\n",  # a block of its own
        "{p1}\n{bp}\n\n{p2}\n",  # attached to the end of a paragraph by one newline
        "{p1}\n\n{bp}\n{p2}\n",  # attached to the start of the next one
        "{p1}\n\n{p2}\n{bp}\n",  # the article's last line
    ],
    ids=["own-block", "after", "before", "last"],
)
def test_furniture_line_goes_and_the_paragraphs_stay(line: str, layout: str) -> None:
    assert _blocks(layout.format(p1=P1, p2=P2, bp=line)) == [P1, P2]


@pytest.mark.parametrize(
    "sentence",
    [
        # A sentence that opens like a dateline or a share button is the article's.
        "Publié le 12 mars, le rapport a fait grand bruit.",
        "Partager sur Facebook et Twitter est devenu un réflexe pour les élus.",
        "Lire aussi les journaux étrangers aide à comprendre ce qui se passe.",
    ],
)
def test_sentences_that_look_like_furniture_stay(sentence: str) -> None:
    assert _cleaned(P1, sentence, P2)[1] == sentence


def test_a_tail_marker_never_takes_the_short_paragraphs_after_it() -> None:
    # A live blog's last entries are short sentences: a tag line between them is furniture,
    # the entries are not.
    entries = [
        "C’était le premier tir cadré de la partie.",
        "7’",
        "Belle opportunité pour Cornet mais Nardi repousse parfaitement !",
        "3’",
        "Les deux équipes se cherchent en ce début de match.",
    ]
    out = _cleaned(P1, "Mots clés : Justice - Prison - Réforme", *entries)
    assert "Mots clés" not in " ".join(out)
    for entry in entries[0], entries[2], entries[4]:
        assert any(entry.replace(" !", "\u202f!") == o or entry == o for o in out), entry


# --- Hard wraps ------------------------------------------------------------------------------

WRAPPED_SOURCE = (
    "Le Premier ministre a fait savoir qu’il allait demander au ministre de la Santé de "
    "démissionner – sinon qu’il le révoquerait – et qu’il allait en discuter avec le chef de "
    "l’État. « Les règles sont valables pour tout le monde sans exception », a-t-il déclaré "
    "devant 1 500 personnes réunies à 18h30, avant d’annoncer une hausse de 3,5 % du budget "
    "de la santé, soit 2,35 milliards d’euros, et la COP28 comme priorité. L’Université PSL "
    "délivre l’ensemble des diplômes de son périmètre — diplômes nationaux et d’établissement "
    "—, définit et met en œuvre une stratégie globale. Cette évolution stratégique chez Open "
    "AI, avec le soutien de Microsoft, est un exemple fascinant. Le thème du « tourisme "
    "social », cette idée que les migrants choisissent leur destination, est infirmé."
)


@pytest.mark.parametrize("width", [45, 55, 60, 64, 68, 72, 76, 80, 90])
def test_a_hard_wrapped_paragraph_comes_back_whole(width: int) -> None:
    expected = _cleaned(P1, WRAPPED_SOURCE, P2)
    wrapped = textwrap.fill(WRAPPED_SOURCE, width, break_long_words=False)
    assert _cleaned(P1, wrapped, P2) == expected


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        # A dash opening a line inside a sentence is an aside, not a dialogue line.
        (
            "L’Université PSL délivre l’ensemble des diplômes de son périmètre\n"
            "— diplômes nationaux et d’établissement —, définit et met en\n"
            "œuvre une stratégie globale en matière de recherche et de formation.",
            "L’Université PSL délivre l’ensemble des diplômes de son périmètre — diplômes "
            "nationaux et d’établissement —, définit et met en œuvre une stratégie globale en "
            "matière de recherche et de formation.",
        ),
        # An acronym opening a line is no capitalised function word ("AI" is not "Ai").
        (
            "Le fait marquant ici est que Microsoft occupe une place plus grande chez Open\n"
            "AI, avec le soutien de ses investisseurs, ce qui indique une influence accrue.",
            "Le fait marquant ici est que Microsoft occupe une place plus grande chez Open AI, "
            "avec le soutien de ses investisseurs, ce qui indique une influence accrue.",
        ),
        # Two lines, the first stopping on a function word: one sentence.
        (
            "Photos à l’appui, le tabloïd Blesk révèle ce vendredi que le ministre de la\n"
            "Santé Roman Prymula s’est retrouvé tard mercredi soir dans un restaurant",
            "Photos à l’appui, le tabloïd Blesk révèle ce vendredi que le ministre de la Santé "
            "Roman Prymula s’est retrouvé tard mercredi soir dans un restaurant",
        ),
        # A line opening like a tag line inside a sentence is the sentence going on.
        (
            "L’idée d’une incompatibilité n’a jamais été démontrée. Le\n"
            "thème du « tourisme social », cette idée que les migrants\n"
            "choisissent leur destination, est infirmé par les faits.",
            "L’idée d’une incompatibilité n’a jamais été démontrée. Le thème du « tourisme "
            "social », cette idée que les migrants choisissent leur destination, est infirmé "
            "par les faits.",
        ),
    ],
)
def test_wrap_cases_seen_in_the_dev_texts(lines: str, joined: str) -> None:
    assert _cleaned(P1, lines) == _cleaned(P1, joined)


def test_dash_lines_after_a_colon_stay_items() -> None:
    text = "Deux options sont sur la table :\n– partir avant l’hiver\n– rester jusqu’au printemps"
    assert len(_cleaned(P1, text)) == 4


# --- The document's own words as evidence ---------------------------------------------------


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # A drop cap before a name the word list does not know, written plain elsewhere.
        (
            ("TSoona, elle, n’a pas changé.", "Arrivée au crépuscule, Soona écrit."),
            "Soona, elle, n’a pas changé.",
        ),
        (
            ("VMonconduit cherche Hamel dans la surface.", "Monconduit tente sa chance."),
            "Monconduit cherche Hamel dans la surface.",
        ),
        # A function word glued to a word the document uses on its own.
        (
            ("Les mesures dereconfinement entrent en vigueur.", "Le reconfinement commence."),
            "Les mesures de reconfinement entrent en vigueur.",
        ),
        (
            ("Belle opportunité pour Cornetsur coup-franc.", "Cornet frappe au but."),
            "Belle opportunité pour Cornet sur coup-franc.",
        ),
    ],
)
def test_a_repair_the_document_attests(paragraphs: tuple[str, str], expected: str) -> None:
    assert _cleaned(*paragraphs)[0] == expected


@pytest.mark.parametrize(
    "paragraphs",
    [
        # Without the word elsewhere, a rare token stays as written.
        ("TSoona, elle, n’a pas changé.", "Arrivée au crépuscule, elle écrit."),
        ("Les mesures dereconfinement entrent en vigueur.", "Le confinement commence."),
        # A known word after a capital is the zipf rule's business: "CNews" is no "News".
        ("CNews diffuse le débat.", "Fox News aussi."),
    ],
)
def test_no_repair_without_evidence(paragraphs: tuple[str, str]) -> None:
    assert _cleaned(*paragraphs)[0] == paragraphs[0]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Les vélos enlibre-service sont autorisés.", "Les vélos en libre-service sont autorisés."),
        (
            "Sur uncoup-franc excentré, Lorient attaque.",
            "Sur un coup-franc excentré, Lorient attaque.",
        ),
        (
            "Il a révélé à la mi-aoûtque la substance circule.",
            "Il a révélé à la mi-août que la substance circule.",
        ),
        ("Sur un longune-deux entre Wissa et Hamel.", "Sur un long une-deux entre Wissa et Hamel."),
        # Compounds the word list knows, names and loanwords stay.
        ("Hwang Sok-yong écrit une check-list.", "Hwang Sok-yong écrit une check-list."),
        ("Le porte-parole du week-end.", "Le porte-parole du week-end."),
    ],
)
def test_run_together_inside_a_hyphenated_compound(raw: str, expected: str) -> None:
    assert _cleaned(raw) == [expected]


def test_a_stray_stop_after_a_space_goes_with_its_space() -> None:
    assert _cleaned("Il est parti . de nombreux amis l’attendaient.") == [
        "Il est parti de nombreux amis l’attendaient."
    ]


# --- A paragraph cut in two blocks ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A page break inside a sentence (a PDF copy): the first half stops on a preposition.
        (
            "Le virus circule toujours en Europe et la vigilance reste de mise, selon le\n\n"
            "ministère de la Santé, qui publie un bulletin chaque semaine.",
            [
                "Le virus circule toujours en Europe et la vigilance reste de mise, selon le "
                "ministère de la Santé, qui publie un bulletin chaque semaine."
            ],
        ),
        # A furniture line between the halves: both meet once it is gone.
        (
            "Le virus circule toujours en Europe et la vigilance reste de mise, selon le\n\n"
            "Partager sur Facebook\n\n"
            "ministère de la Santé, qui publie un bulletin chaque semaine.",
            [
                "Le virus circule toujours en Europe et la vigilance reste de mise, selon le "
                "ministère de la Santé, qui publie un bulletin chaque semaine."
            ],
        ),
        # A protected token cut by a hyphen at a block's end keeps its hyphen; a word cut by
        # one loses it.
        (
            "Le ministère publie chaque semaine un bulletin sur le virus SARS-\n\n"
            "CoV-2 et sur le dévelop-\n\npement des nouveaux variants en Europe.",
            [
                "Le ministère publie chaque semaine un bulletin sur le virus SARS-CoV-2 et sur "
                "le développement des nouveaux variants en Europe."
            ],
        ),
    ],
)
def test_a_paragraph_cut_in_two_blocks_is_joined(text: str, expected: list[str]) -> None:
    assert _cleaned(P1, text) == [P1, *expected]


def test_one_paragraph_a_line_with_a_wrap_before_a_capital() -> None:
    # A text of one paragraph a line, one paragraph hard-wrapped: ingest cuts it before "Europe"
    # (a capital), the cleaner joins it back (the line stops on "en").
    wrapped = (
        "Pourtant, au milieu des efforts déployés par les gouvernements, les\n"
        "entreprises avancent vite aux États-Unis comme en Chine et en\n"
        "Europe, où le développement d’une IA responsable reste un slogan."
    )
    out = _blocks(f"{P1}\n{wrapped}\n{P2}\n")
    assert out == [
        P1,
        "Pourtant, au milieu des efforts déployés par les gouvernements, les entreprises "
        "avancent vite aux États-Unis comme en Chine et en Europe, où le développement d’une IA "
        "responsable reste un slogan.",
        P2,
    ]


@pytest.mark.parametrize(
    "blocks",
    [
        ("Didier Roy", "journaliste au service politique"),  # a signature: too short
        ("Ce que la crise sanitaire a changé pour nous", P2),  # a title ending on a pronoun
        ("Deux options sont désormais sur la table du conseil :", "– partir avant l’hiver"),
        (P1, P2),
    ],
)
def test_blocks_that_are_not_one_paragraph_stay_apart(blocks: tuple[str, str]) -> None:
    assert len(_cleaned(*blocks)) == 2


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # Halves compared as the later steps leave them (spaces, stops, quote signs).
        ("Fin du match. Fin du match.", "Fin du match."),
        ("Salut Salut Salut Salut ( Salut Salut Salut Salut (", "Salut Salut Salut Salut ("),
        # Four copies give one, in one cleaning.
        ("Le bilan du jour Le bilan du jour Le bilan du jour Le bilan du jour", "Le bilan du jour"),
    ],
)
def test_a_block_written_twice_is_halved_once_and_for_all(raw: str, expected: str) -> None:
    once = _cleaned(raw)
    assert once == [expected]
    assert _cleaned(*once) == once
