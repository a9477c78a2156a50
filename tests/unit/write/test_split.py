"""Long sentences split at their seams, verified, or left as the author wrote them."""

from __future__ import annotations

import pytest

from plume.text import count_words
from plume.write.split import LONG_SENTENCE_WORDS, split_long_sentences, split_sentence


def test_two_main_clauses_joined_by_et_become_two_sentences() -> None:
    s = (
        "Microsoft a investi 13 milliards de dollars dans OpenAI depuis 2019, et la société "
        "contrôle désormais une grande partie de ses serveurs de calcul."
    )
    split = split_sentence(s)
    assert split is not None and split.kind == "clauses"
    assert split.after == (
        "Microsoft a investi 13 milliards de dollars dans OpenAI depuis 2019.",
        "La société contrôle désormais une grande partie de ses serveurs de calcul.",
    )


def test_mais_opens_the_second_sentence() -> None:
    s = (
        "Le ministre a démissionné vendredi soir après la publication des photos, mais le "
        "Premier ministre refuse pour l’instant de commenter la nouvelle."
    )
    split = split_sentence(s)
    assert split is not None
    assert (
        split.after[1] == "Mais le Premier ministre refuse pour l’instant de commenter la nouvelle."
    )


def test_a_closing_relative_clause_restarts_on_the_name_or_an_agreeing_pronoun() -> None:
    named = split_sentence(
        "Le chantier du nouveau pont a été confié à Vinci, qui a remporté l’appel d’offres en "
        "mars dernier face à deux concurrents européens."
    )
    assert named is not None and named.kind == "relative"
    assert named.after[1].startswith("Vinci a remporté l’appel d’offres")
    # "ministre" is masculine by default: the determiner says feminine.
    noun = split_sentence(
        "La commission a rendu son rapport à la ministre, qui l’a transmis au Parlement le jour "
        "même avec une lettre de recommandation."
    )
    assert noun is not None
    assert noun.after == (
        "La commission a rendu son rapport à la ministre.",
        "Elle l’a transmis au Parlement le jour même avec une lettre de recommandation.",
    )


@pytest.mark.parametrize(
    "sentence",
    [
        # A source, a condition or a completive may hold both clauses: never split.
        "Selon le ministre, les prix de l’énergie vont baisser dès l’hiver prochain, et les "
        "salaires des fonctionnaires augmenteront de 2 % en janvier.",
        "Les prix de l’énergie vont baisser dès l’hiver prochain, et les salaires des "
        "fonctionnaires augmenteront en janvier, a affirmé le ministre.",
        "Si le projet est adopté par les députés avant l’été, les travaux commenceront en "
        "septembre, et la ligne ouvrira deux ans plus tard.",
        "Il est faux que Microsoft a racheté OpenAI en 2023, et la société américaine ne détient "
        "aujourd’hui qu’une part minoritaire du capital.",
        # Inside a quotation.
        "« Nous allons investir dans les pistes cyclables, et la ville va doubler le budget », "
        "a déclaré le maire lors du conseil municipal de lundi soir.",
        # The second part opens on a relative pronoun: no sentence.
        "La retraite serait devenue pour certains économistes une sorte d’archaïsme coûteux : "
        "dont l’État lui-même doit programmer la disparition progressive.",
        # A colon that opens a quotation.
        "En revanche, l’affaire prend une tournure différente chez nous, détaille la chercheuse "
        "qui développe : « Lutter contre les fausses informations est très difficile. »",
        # "car" cannot open a sentence.
        "Le chantier a pris trois mois de retard sur le calendrier prévu par la mairie, car les "
        "fournisseurs n’ont pas livré les poutres à temps.",
        # The second part has no subject of its own.
        "Le conseil municipal a voté le budget de la ville pour l’année prochaine, et a reporté "
        "la décision sur la piscine au mois de mars.",
        # Short: nothing to do.
        "Le maire a signé, et la ville paiera.",
    ],
)
def test_sentences_left_as_written(sentence: str) -> None:
    assert split_sentence(sentence) is None


def test_a_pronoun_that_does_not_agree_with_the_verb_is_refused() -> None:
    s = (
        "L’Europe est composée de pays insulaires éloignés des zones de conflits, mais aussi de "
        "petite taille, qui sont très exposés comme Chypre ou Malte."
    )
    split = split_sentence(s)
    assert split is None or not split.after[1].startswith("Elle sont")


def test_a_paragraph_keeps_its_short_sentences_and_splits_its_long_ones() -> None:
    paragraph = (
        "Le vote a eu lieu lundi. Microsoft a investi 13 milliards de dollars dans OpenAI depuis "
        "2019, et la société contrôle désormais une grande partie de ses serveurs de calcul. "
        "Rien n’est joué."
    )
    text, done = split_long_sentences(paragraph)
    assert text == (
        "Le vote a eu lieu lundi. Microsoft a investi 13 milliards de dollars dans OpenAI depuis "
        "2019. La société contrôle désormais une grande partie de ses serveurs de calcul. "
        "Rien n’est joué."
    )
    assert len(done) == 1 and all(count_words(p) <= LONG_SENTENCE_WORDS for p in done[0].after)
