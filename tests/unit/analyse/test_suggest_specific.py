"""Keyphrases a reader would type: never a quantity ("millions d’euros"), a name paired with its
noun in the text's own order ("école Jules-Ferry")."""

from __future__ import annotations

from plume.analyse.researches import Research
from plume.analyse.suggest import (
    adopt_suggestion,
    is_generic_keyphrase,
    search_keyphrases,
)
from plume.document import Block, BlockKind, Document, Source
from plume.report import KeyphraseSuggestion


def test_a_quantity_is_no_keyphrase() -> None:
    for unit in ("millions d’euros", "milliards de dollars", "heures", "kilomètres"):
        assert is_generic_keyphrase(unit), unit
    for subject in ("école Jules-Ferry", "réforme des retraites", "Euro 2024", "points de vente"):
        assert not is_generic_keyphrase(subject), subject


def _titled(lines: list[str]) -> Document:
    heading = Block(BlockKind.HEADING, lines[0], 1)
    blocks = (heading, *(Block(BlockKind.PARAGRAPH, line) for line in lines[1:]))
    return Document(blocks, Source("test", "md"))


# An unseen-style local news story: the budget's amounts recur more than the school's name.
COUNCIL = [
    "Bréval-sur-Orne : le conseil municipal acte la fermeture de l’école Jules-Ferry",
    "Après quatre heures de débats, la majorité a fait voter un budget de 14,2 millions d’euros "
    "et la fermeture, à la rentrée, de la plus petite école de la commune.",
    "Les dépenses de fonctionnement s’élèvent à 10,4 millions d’euros, et l’investissement à "
    "3,8 millions d’euros, dont 1,2 million d’euros pour la voirie.",
    "L’école Jules-Ferry accueille aujourd’hui 64 élèves dans trois classes. Ses élèves iront à "
    "l’école Pasteur, à un kilomètre, dès septembre.",
    "Les parents de l’école Jules-Ferry ont lancé une pétition, signée par 1 200 personnes, et "
    "demandent un rendez-vous à l’inspection académique, qui n’a pas répondu.",
    "Pour la maire, garder l’école Jules-Ferry coûterait 180 000 euros par an à la commune, une "
    "somme que le budget de 2,1 millions d’euros d’économies ne permet pas.",
    "Les élus d’opposition estiment que la fermeture de l’école Jules-Ferry a été décidée trop "
    "vite, sans étude sur les effectifs des prochaines années.",
]


def test_the_amounts_are_never_adopted_and_a_pair_reads_as_written() -> None:
    got = search_keyphrases(Research(_titled(COUNCIL)), 8)
    adopted = adopt_suggestion(got)
    assert adopted is not None and adopted.phrase != "millions d’euros"
    assert all(s.phrase != "millions d’euros" or s.generic for s in got)
    phrases = [s.phrase for s in got]
    assert "école Jules-Ferry" in phrases and "Jules-Ferry école" not in phrases


FIRE = [
    "Incendie à Lyon : un enfant sauvé par un voisin",
    "Un garçon de neuf ans a été secouru par un voisin lors d’un incendie à Lyon, dans la nuit "
    "de samedi à dimanche.",
    "L’incendie s’est déclaré vers 2 h 30 au troisième étage. Les pompiers ont évacué quarante "
    "habitants. L’incendie a été maîtrisé vers 4 h 15.",
    "Trois personnes ont été légèrement blessées. L’origine de l’incendie reste inconnue, "
    "selon les pompiers, qui n’écartent aucune piste.",
    "Le voisin, un ancien pompier volontaire, a escaladé le balcon. Cet incendie rappelle celui "
    "de l’an dernier dans le même quartier.",
]


def test_the_headline_pair_is_adopted_on_a_short_fire_story() -> None:
    adopted = adopt_suggestion(search_keyphrases(Research(_titled(FIRE)), 8))
    assert adopted is not None and adopted.phrase == "incendie Lyon"


def _suggestion(phrase: str, lemma: str, kind: str, count: int, fits: bool) -> KeyphraseSuggestion:
    return KeyphraseSuggestion(
        phrase=phrase,
        lemma=lemma,
        count=count,
        score=1.0,
        in_intro=True,
        in_title=True,
        kind=kind,
        generic=False,
        fits_density=fits,
        placeable=True,
        topic="",
        reason="",
        reason_en="",
    )


def test_a_lone_dictionary_noun_gives_way_to_the_headline_phrase_holding_it() -> None:
    """Unseen science story: "instrument" (6 uses) was adopted over "instrument de musique"
    (2 uses, in the headline and the lead): no reader searches "instrument"."""
    noun = _suggestion("instrument", "instrument", "noun", 6, True)
    phrase = _suggestion("instrument de musique", "instrument musique", "phrase", 2, False)
    adopted = adopt_suggestion([noun, phrase])
    assert adopted is not None and adopted.phrase == "instrument de musique"
    once = _suggestion("bulletins blancs", "bulletin blanc", "phrase", 1, False)
    ballots = _suggestion("bulletins", "bulletin", "noun", 4, True)
    adopted = adopt_suggestion([ballots, once])
    assert adopted is not None and adopted.phrase == "bulletins"  # an aside said once


CHOIR = [
    "Le chœur de Radio France menacé de perdre vingt postes",
    "Le chœur de Radio France pourrait perdre vingt chanteurs, a annoncé la direction mardi.",
    "Le chœur de Radio France chante depuis trois générations avec l’Orchestre national.",
    "Les chanteurs du chœur de Radio France appellent le public à soutenir le chœur.",
    "Radio France n’a pas répondu à nos questions sur l’avenir du chœur.",
]


def test_a_pair_keeps_the_function_words_the_text_writes_between_its_halves() -> None:
    # Corpus 15: "Radio France chœur" was no phrase of the text; "chœur de Radio France" is,
    # and the title holds it word for word (Yoast's exact match in the SEO title).
    got = search_keyphrases(Research(_titled(CHOIR)), 8)
    phrases = [s.phrase for s in got]
    assert "Radio France chœur" not in phrases
    assert any(p == "chœur de Radio France" for p in phrases), phrases
