"""Long sentences split at their seams, verified, or left as the author wrote them."""

from __future__ import annotations

import pytest

from plume.document import Block, BlockKind, Document, Source
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


def test_ce_qui_restarts_on_cela() -> None:
    split = split_sentence(
        "Le maire a fermé trois écoles du centre-ville pendant les travaux de rénovation, ce qui "
        "a obligé plus de 600 élèves à changer d’établissement."
    )
    assert split is not None and split.kind == "relative"
    assert split.after == (
        "Le maire a fermé trois écoles du centre-ville pendant les travaux de rénovation.",
        "Cela a obligé plus de 600 élèves à changer d’établissement.",
    )


def test_a_relative_inside_the_sentence_follows_the_main_clause() -> None:
    split = split_sentence(
        "La ministre de la Culture, qui a présenté le projet de loi, a rencontré mardi les "
        "représentants des syndicats du spectacle."
    )
    assert split is not None and split.kind == "relative"
    assert split.after == (
        "La ministre de la Culture a rencontré mardi les représentants des syndicats du spectacle.",
        "Elle a présenté le projet de loi.",
    )


def test_an_apposition_to_the_opening_subject_becomes_its_own_sentence() -> None:
    split = split_sentence(
        "Jean Dupont, ancien ministre de l’Économie et des Finances du gouvernement, a annoncé "
        "lundi sa candidature à la mairie de Lyon."
    )
    assert split is not None and split.kind == "apposition"
    assert split.after == (
        "Jean Dupont est ancien ministre de l’Économie et des Finances du gouvernement.",
        "Il a annoncé lundi sa candidature à la mairie de Lyon.",
    )


def test_a_participle_of_consequence_restarts_on_cela_in_the_main_verbs_tense() -> None:
    split = split_sentence(
        "La région a investi 40 millions d’euros dans le réseau de bus électriques, permettant "
        "ainsi de réduire les émissions de la ville de moitié."
    )
    assert split is not None and split.kind == "participle"
    assert split.after[1] == "Cela a ainsi permis de réduire les émissions de la ville de moitié."
    present = split_sentence(
        "La nouvelle ligne relie la gare au campus universitaire en moins de dix minutes, "
        "permettant aux étudiants de laisser leur voiture au parking."
    )
    assert present is not None
    assert present.after[1] == "Cela permet aux étudiants de laisser leur voiture au parking."


@pytest.mark.parametrize(
    "sentence",
    [
        # "la part de Microsoft, qui": the pronoun would depend on the parse's antecedent.
        "OpenAI a reçu plus de 13 milliards de dollars depuis 2019 de la part de Microsoft, qui "
        "aurait acquis une participation de 49 % dans la société.",
        # An attribution closes the sentence: the relative clause would lose it.
        "Les prix de l’électricité, qui ont doublé en deux ans, vont encore augmenter de 10 % en "
        "janvier, a affirmé le ministre.",
        # Inside a quotation.
        "« Le chantier, qui a pris trois mois de retard, coûtera plus cher que prévu », a reconnu "
        "le maire lors du conseil municipal.",
        # A participle that is not a consequence of the whole clause (its subject is another).
        "Selon leur étude, la popularité du sujet a explosé suite à ce tweet le 14 mars, passant "
        "de près de 0 à 60.000 tweets en langue française en une journée.",
    ],
)
def test_restarted_clauses_left_as_written(sentence: str) -> None:
    assert split_sentence(sentence) is None


def test_the_editor_pass_turns_a_verified_passive_active_and_logs_it() -> None:
    text, done = split_long_sentences(
        "Le vote a eu lieu lundi. La loi a été adoptée par le Parlement. Rien n’est joué."
    )
    assert text == "Le vote a eu lieu lundi. Le Parlement a adopté la loi. Rien n’est joué."
    assert [(d.kind, d.applied, d.after) for d in done] == [
        ("active", True, ("Le Parlement a adopté la loi.",))
    ]


def test_an_active_sentence_not_verified_is_offered_not_applied() -> None:
    # The small parse does not read "Des milliers de Montréalais utilisaient les trottinettes"
    # as subject–verb–object: the active sentence is only a suggestion.
    paragraph = "Les trottinettes étaient utilisées par des milliers de Montréalais."
    text, done = split_long_sentences(paragraph)
    assert text == paragraph
    assert [(d.kind, d.applied) for d in done] == [("active", False)]
    assert done[0].after == ("Des milliers de Montréalais utilisaient les trottinettes.",)


def test_et_without_a_comma_splits_only_before_a_subject_pronoun() -> None:
    split = split_sentence(
        "Le nouveau directeur a réorganisé les trois services du journal dès son arrivée en mars "
        "et il prévoit déjà de recruter une dizaine de journalistes."
    )
    assert split is not None
    assert split.after == (
        "Le nouveau directeur a réorganisé les trois services du journal dès son arrivée en mars.",
        "Il prévoit déjà de recruter une dizaine de journalistes.",
    )
    # Nouns coordinated by « et »: never a seam.
    assert (
        split_sentence(
            "Leur contrôle sur le pipeline donne à ces entreprises la possibilité de dicter les "
            "conditions et les frais et de se protéger contre les concurrents, comme Microsoft "
            "l’a fait."
        )
        is None
    )


def test_a_detached_participle_restarts_on_the_main_subject() -> None:
    split = split_sentence(
        "Les auteurs ont répertorié tous les tweets avec le mot ibuprofène en plusieurs langues "
        "européennes, trouvant plus de 800.000 messages sur le sujet entre le 11 et le 28 mars."
    )
    assert split is not None and split.kind == "participle"
    assert (
        split.after[1]
        == "Ils ont trouvé plus de 800.000 messages sur le sujet entre le 11 et le 28 mars."
    )
    # « passer » takes être in its compound tenses: left as written.
    assert (
        split_sentence(
            "La popularité du sujet a explosé suite à ce tweet le 14 mars, passant de près de 0 à "
            "60.000 tweets en langue française en une journée."
        )
        is None
    )


def test_a_verb_sharing_the_main_subject_restarts_on_it() -> None:
    split = split_sentence(
        "Le conseil municipal a voté le budget de la ville pour l’année prochaine, et a reporté "
        "la décision sur la piscine au mois de mars."
    )
    assert split is not None and split.kind == "clauses"
    assert split.after == (
        "Le conseil municipal a voté le budget de la ville pour l’année prochaine.",
        "Il a reporté la décision sur la piscine au mois de mars.",
    )
    named = split_sentence(
        "Microsoft a investi des milliards de dollars dans la société OpenAI depuis 2019 et a "
        "obtenu en échange un accès exclusif à ses modèles."
    )
    assert named is not None
    assert named.after[1] == "Microsoft a obtenu en échange un accès exclusif à ses modèles."
    # The coordinated verb belongs to the relative clause: its subject is the mayor's pronoun,
    # never the main subject.
    relative = split_sentence(
        "Le nouveau directeur a rencontré le maire, qui a signé la convention de partenariat avec "
        "le journal et a promis une subvention de 20 000 euros."
    )
    assert relative is None or not any(
        p.startswith("Le nouveau directeur a promis") for p in relative.after
    )


def test_a_split_keeps_the_no_break_spaces_of_french_typography() -> None:
    from plume.write.split import split_document

    text = (
        "Le gouvernement a versé 1,3\u00a0milliard de gourdes aux compagnies pétrolières au cours "
        "des derniers jours de la crise\u202f; il promet un autre paiement «\u202fsous peu\u202f» "
        "pour éviter la pénurie de 20\u00a0% des stations."
    )
    doc = Document((Block(BlockKind.PARAGRAPH, text),), Source("<t>", "txt"))
    written, (edit,) = split_document(doc)
    out = written.blocks[0].text
    assert edit.applied and out != text
    for kept in ("1,3\u00a0milliard", "«\u202fsous peu\u202f»", "20\u00a0%"):
        assert kept in out


def test_a_refused_split_is_reported_and_not_made() -> None:
    from plume.write.split import split_document

    text = (
        "Le gouvernement a versé 1,3 milliard de gourdes aux compagnies pétrolières au cours des "
        "derniers jours de la crise ; il promet un autre paiement pour éviter la pénurie."
    )
    doc = Document((Block(BlockKind.PARAGRAPH, text),), Source("<t>", "txt"))
    _, (edit,) = split_document(doc)
    kept, (refused,) = split_document(doc, refused={edit.id})
    assert kept is doc and refused.refused and not refused.applied
    assert refused.id == edit.id
