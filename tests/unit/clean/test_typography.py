"""Steps 10–13: French typography (Imprimerie nationale, Lexique des règles typographiques)."""

from __future__ import annotations

import pytest

from plume.settings import ApostrophePolicy, Settings
from tests.unit.clean.helpers import NBSP, NNBSP, cleaned, rules, run


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Vraiment !", f"Vraiment{NNBSP}!"),
        ("Vraiment!", f"Vraiment{NNBSP}!"),
        ("Et toi ?", f"Et toi{NNBSP}?"),
        ("Quoi ?!", f"Quoi{NNBSP}?!"),
        ("un point ; un autre", f"un point{NNBSP}; un autre"),
        ("Note : ceci", f"Note{NBSP}: ceci"),
        ("Partie 2: Leurs intérêts", f"Partie 2{NBSP}: Leurs intérêts"),
        (f"Note{NNBSP}: ceci", f"Note{NBSP}: ceci"),
        ("« Bonjour »", f"«{NNBSP}Bonjour{NNBSP}»"),
        ("«Bonjour»", f"«{NNBSP}Bonjour{NNBSP}»"),
        (f"«{NBSP}Bonjour{NBSP}»", f"«{NNBSP}Bonjour{NNBSP}»"),
        ("du chœur de Radio France .", "du chœur de Radio France."),  # corpus 15
        (
            "le jeu de l’IA ( et donc sur le monde entier… )",
            "le jeu de l’IA (et donc sur le monde entier…)",
        ),
    ],
)
def test_spaces_around_punctuation(raw: str, expected: str) -> None:
    assert cleaned(raw) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Rendez-vous à 10:30 ou à 14:00.",
        "Un ratio de 3:1 en faveur des femmes.",
        "Voir https://exemple.fr/page?id=3 pour les détails.",
        "Écrire à contact@exemple.fr pour vous inscrire.",
        "Ce n’est pas une blague ;)",
        "Trop drôle :)",
        "La commande `git status` affiche l’état.",
    ],
)
def test_protected_text_is_untouched(text: str) -> None:
    assert cleaned(text) == text


def test_apostrophes_follow_the_setting() -> None:
    assert cleaned("L'IA d'aujourd'hui et l`État") == "L’IA d’aujourd’hui et l’État"
    straight = Settings(apostrophe=ApostrophePolicy.STRAIGHT)
    assert cleaned("L’IA d’aujourd’hui", settings=straight) == "L'IA d'aujourd'hui"
    # A quote mark is not an apostrophe: only a sign between two letters changes.
    assert "CL-APOSTROPHE" not in rules(run("Le mot 'bio' est partout."))


def test_ellipsis() -> None:
    assert cleaned("Et puis... rien") == "Et puis… rien"
    assert cleaned("Et puis . . . rien") == "Et puis… rien"
    assert "CL-ELLIPSIS" not in rules(run("Attendez....."))  # not an ellipsis we can name


def test_the_oe_ligature_of_french_words() -> None:
    # Corpus 15 writes "choeur" and "oeuvre" in its title and body: the keyphrase "chœur" then
    # never matches its title.
    assert cleaned("Le choeur, mis en oeuvre à contrecoeur.") == (
        "Le chœur, mis en œuvre à contrecœur."
    )
    assert cleaned("OEuvres et Coeur") == "Œuvres et Cœur"
    assert cleaned("les voeux, un chef-d'oeuvre") == "les vœux, un chef-d’œuvre"
    # Words spelled "oe" by French itself, and names, stay.
    for word in ("la moelle", "un coefficient", "coexister", "Boeing", "Joe", "poêle"):
        assert "CL-LIGATURE" not in rules(run(f"Voici {word} ici.")), word
    # Text written in English keeps its spelling.
    assert "CL-LIGATURE" not in rules(run("They sang in the choeur of the old town church."))


def test_english_quotes_become_french_guillemets() -> None:
    # seed 002 uses “…”, seed 003 "…"
    assert cleaned("“Satya et ma priorité absolue”, a écrit Altman.") == (
        f"«{NNBSP}Satya et ma priorité absolue{NNBSP}», a écrit Altman."
    )
    assert cleaned('les grandes entreprises, les "BigTech", et la recherche') == (
        f"les grandes entreprises, les «{NNBSP}BigTech{NNBSP}», et la recherche"
    )


def test_glued_quotes_get_their_outer_spaces() -> None:
    # corpus 01: 'Qualifié de "gourou de la majorité"par un dirigeant'
    assert cleaned('Qualifié de "gourou de la majorité"par un dirigeant') == (
        f"Qualifié de «{NNBSP}gourou de la majorité{NNBSP}» par un dirigeant"
    )


def test_quotes_that_do_not_pair_are_left_for_the_editor() -> None:
    result = run('Il a dit "oui puis il est parti.')
    assert '"' in result.document.text
    assert "CL-QUOTES" not in rules(result)
    assert [f.code for f in result.findings] == ["CL-UNBALANCED-QUOTES"]


def test_english_blocks_keep_english_typography() -> None:
    # corpus 07: an embedded tweet
    tweet = "Maybe worth considering chloroquine for C19! What do you think?"
    assert cleaned(tweet) == tweet


def test_typography_can_be_switched_off() -> None:
    raw = 'Il a dit "oui"... Vraiment ! Note : fin.'
    result = run(raw, settings=Settings(fix_typography=False))
    assert result.document.text == raw
    assert {s.step.number for s in result.steps} == set(range(1, 11)) | {15}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Une baisse de 23,1% en 2018.", f"Une baisse de 23,1{NNBSP}% en 2018."),
        ("Soit 10 % des voix", f"Soit 10{NNBSP}% des voix"),
        ("Il paie 5€, pas plus.", f"Il paie 5{NNBSP}€, pas plus."),
        # Not a percentage: a URL's escape, a sign with no number before it.
        ("Voir https://x.fr/?q=50%25 ici.", "Voir https://x.fr/?q=50%25 ici."),
        ("Le signe % seul.", "Le signe % seul."),
    ],
)
def test_a_narrow_no_break_space_before_percent_and_euro(raw: str, expected: str) -> None:
    assert cleaned(raw) == expected
