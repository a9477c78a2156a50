"""Long sentences split at their seams, verified, or left as the author wrote them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from plume.document import Block, BlockKind, Document, Source
from plume.grammar.server import GrammarServer, find_command
from plume.settings import GrammarSettings
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
        "Le rapporteur a rendu son rapport à la ministre, qui l’a transmis au Parlement le jour "
        "même avec une lettre de recommandation."
    )
    assert noun is not None
    assert noun.after == (
        "Le rapporteur a rendu son rapport à la ministre.",
        "Elle l’a transmis au Parlement le jour même avec une lettre de recommandation.",
    )
    # A main subject the pronoun would agree with ("la commission … Elle"): the noun is said
    # again; an indefinite one ("une ministre") cannot be, and the sentence stays.
    rival = split_sentence(
        "La commission a rendu son rapport à la ministre, qui l’a transmis au Parlement le jour "
        "même avec une lettre de recommandation."
    )
    assert rival is not None
    assert rival.after[1] == (
        "La ministre l’a transmis au Parlement le jour même avec une lettre de recommandation."
    )
    assert (
        split_sentence(
            "La commission a rendu son rapport à une ministre, qui l’a transmis au Parlement le "
            "jour même avec une lettre de recommandation."
        )
        is None
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
        # A cause opening the sentence gives the reason of both clauses.
        "Car le peintre connaissait bien les avant-gardes de son temps, ses lettres le montrent, "
        "et son refus de l’abstraction était un choix délibéré.",
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
        # "car" restarts on « En effet » only before a clause.
        "Le chantier a pris trois mois de retard sur le calendrier prévu par la mairie cette "
        "année, car trop cher pour les entreprises du quartier et leurs fournisseurs.",
        # « mais » without a comma that coordinates less than clauses.
        "Le club n’a pas seulement recruté des joueurs expérimentés pendant le mercato d’été "
        "mais aussi plusieurs jeunes du centre de formation.",
        "La ville ne veut pas interdire les trottinettes électriques dans toutes les rues du "
        "centre mais seulement sur les trottoirs et dans les parcs.",
        # A completive « que » still holds the second clause in its scope.
        "Le ministre a affirmé hier que les prix de l’énergie allaient baisser dès l’hiver "
        "prochain mais les syndicats restent sceptiques sur ce point.",
        # A detached participle opening the sentence states an event: its tense is unsure.
        "Qualifié de « gourou de la majorité » par un dirigeant de LREM dans un portrait du "
        "Parisien, le haut-commissaire sait entretenir ses rapports avec les élus.",
        # « Sur » opens a place, not an attribute (though the lexicon knows « sur », sour).
        "Sur un long une-deux entre Wissa et Hamel, le premier termine l’action en marquant "
        "un but que l’arbitre-assistant refuse pour un hors-jeu.",
        # A name alone: its pronoun's gender is not known.
        "Proche d’Emmanuel Macron dès sa campagne présidentielle, Jean-Paul Delevoye s’est mis "
        "dans la poche le chef de l’État grâce à son expérience politique.",
        # A coordinated subject.
        "Membres du conseil depuis sa création en 2015, le maire et la présidente ont annoncé "
        "hier leur départ à la fin de l’année prochaine.",
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


def test_car_restarts_on_en_effet() -> None:
    split = split_sentence(
        "Le chantier a pris trois mois de retard sur le calendrier prévu par la mairie, car les "
        "fournisseurs n’ont pas livré les poutres à temps."
    )
    assert split is not None and split.kind == "clauses"
    assert split.after == (
        "Le chantier a pris trois mois de retard sur le calendrier prévu par la mairie.",
        "En effet, les fournisseurs n’ont pas livré les poutres à temps.",
    )


def test_car_without_a_comma_restarts_on_en_effet_but_not_the_coach() -> None:
    split = split_sentence(
        "La Tunisie est classée à la 67e position au niveau mondial car leur participation aux "
        "portefeuilles ministériels a baissé de 23 % en 2018 à 10 % en 2019."
    )
    assert split is not None
    assert split.after == (
        "La Tunisie est classée à la 67e position au niveau mondial.",
        "En effet, leur participation aux portefeuilles ministériels a baissé de 23 % en 2018 à "
        "10 % en 2019.",
    )
    coach = split_sentence(
        "Les élèves de l’école du village prennent chaque matin le car pour rejoindre le collège "
        "de la ville voisine, à une trentaine de kilomètres."
    )
    assert coach is None or "En effet" not in " ".join(coach.after)


def test_mais_without_a_comma_opens_the_second_clause() -> None:
    split = split_sentence(
        "Bruno cherche à porter le danger sur le but de Nardi mais sa frappe est trop écrasée "
        "pour surprendre le portier breton."
    )
    assert split is not None and split.kind == "clauses"
    assert split.after == (
        "Bruno cherche à porter le danger sur le but de Nardi.",
        "Mais sa frappe est trop écrasée pour surprendre le portier breton.",
    )


def test_a_comparative_or_causal_que_frames_nothing() -> None:
    colon = split_sentence(
        "Au-delà des craintes existentielles, les événements de ce week-end représentent bien "
        "plus que de simples bêtises d’entreprise : le sort de ChatGPT est sur la ligne."
    )
    assert colon is not None
    assert colon.after[1] == "Le sort de ChatGPT est sur la ligne."
    because = split_sentence(
        "Les immigrés cotisent moins parce qu’ils sont plus pauvres que la moyenne, mais ils se "
        "concentrent davantage dans les âges actifs."
    )
    assert because is not None
    assert because.after[1] == "Mais ils se concentrent davantage dans les âges actifs."


def test_an_elided_negation_is_read_as_a_clause() -> None:
    split = split_sentence(
        "Malgré les critiques sur la gestion du conseil d’administration d’OpenAI, celui-ci agit "
        "conformément à sa charte, qui n’est pas axée sur la génération de profits."
    )
    assert split is not None and split.kind == "relative"
    assert split.after[1] == "Elle n’est pas axée sur la génération de profits."


def test_a_detached_attribute_opening_the_sentence_becomes_its_own() -> None:
    pronoun = split_sentence(
        "Sélective et engagée en faveur de l’égalité des chances, elle forme au plus près de la "
        "recherche des chercheurs, des artistes et des entrepreneurs."
    )
    assert pronoun is not None and pronoun.kind == "apposition"
    assert pronoun.after == (
        "Elle est sélective et engagée en faveur de l’égalité des chances.",
        "Elle forme au plus près de la recherche des chercheurs, des artistes et des "
        "entrepreneurs.",
    )
    noun = split_sentence(
        "Membre du conseil municipal depuis 2015, la présidente de l’association avait annoncé "
        "son départ lors de la dernière assemblée générale de mars."
    )
    assert noun is not None
    assert noun.after == (
        "La présidente de l’association était membre du conseil municipal depuis 2015.",
        "Elle avait annoncé son départ lors de la dernière assemblée générale de mars.",
    )


def test_a_sentence_inside_a_quotation_of_several_is_left_as_said() -> None:
    paragraph = (
        "Le président déclare : « La parution du décret est une avancée majeure. La réforme du "
        "paysage porte ses fruits, et les quatre grandes institutions structureront bientôt le "
        "paysage francilien de la recherche. Nous en sommes fiers. »"
    )
    text, done = split_long_sentences(paragraph)
    assert text == paragraph and done == []


@pytest.fixture(scope="module")
def grammar() -> Iterator[GrammarSettings]:
    executable = find_command("grammalecte-server")
    if executable is None:
        pytest.fail("grammalecte-server is not installed: run bash scripts/setup.sh (as root)")
    with GrammarServer(executable) as server:
        yield GrammarSettings(url=server.url)


def test_the_pass_checks_its_candidates_with_grammalecte_in_one_request(
    grammar: GrammarSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from plume.grammar.client import GrammarChecker
    from plume.write.split import split_document

    paragraphs = (
        "Le chantier du pont a pris trois mois de retard sur le calendrier prévu par la mairie, "
        "car les fournisseurs n’ont pas livré les poutres à temps.",
        "Le conseil municipal a voté le budget de la ville pour l’année prochaine, et la maire "
        "a reporté la décision sur la piscine au mois de mars.",
    )
    doc = Document(tuple(Block(BlockKind.PARAGRAPH, p) for p in paragraphs), Source("<t>", "txt"))
    requests: list[int] = []
    ask = GrammarChecker._ask

    def counted(self: GrammarChecker, lines: list[str]) -> None:
        requests.append(len(lines))
        ask(self, lines)

    monkeypatch.setattr(GrammarChecker, "_ask", counted)
    written, done = split_document(doc, grammar)
    assert [e.kind for e in done] == ["clauses", "clauses"] and all(e.applied for e in done)
    assert written.blocks[1].text == (
        "Le conseil municipal a voté le budget de la ville pour l’année prochaine. La maire a "
        "reporté la décision sur la piscine au mois de mars."
    )
    assert len(requests) == 1 and requests[0] >= 4  # each sentence and its two parts, together


def test_the_last_of_three_coordinated_verbs_is_not_cut_off() -> None:
    split = split_sentence(
        "Microsoft a investi 1 milliard de dollars cette année-là, a émis un autre chèque en 2021 "
        "et a augmenté la mise cette année en engageant 10 milliards de dollars dans OpenAI."
    )
    assert split is None or not split.after[0].endswith("en 2021.")


def test_a_name_the_parse_misreads_still_restarts_a_participle() -> None:
    # The small parse takes "Spencer" for a verb: the lexicon reads a name and its verb.
    split = split_sentence(
        "Spencer exprime des préoccupations quant à l’avenir de l’IA générative, affirmant que "
        "si les contenus générés par l’IA inondent Internet, cela pourrait compromettre "
        "l’avenir des modèles."
    )
    assert split is not None and split.kind == "participle"
    assert split.after == (
        "Spencer exprime des préoccupations quant à l’avenir de l’IA générative.",
        "Spencer affirme que si les contenus générés par l’IA inondent Internet, cela pourrait "
        "compromettre l’avenir des modèles.",
    )
    seam = split_sentence(
        "Delaplace cherche Wissa au centre mais le buteur breton est trop court pour porter le "
        "danger avec sa tentative de la tête."
    )
    assert seam is not None
    assert seam.after[0] == "Delaplace cherche Wissa au centre."
    # "Selon X, …" opens a source, not a subject: no name restarts the participle.
    assert (
        split_sentence(
            "Selon Spencer, le marché se consolide rapidement autour des grandes entreprises "
            "technologiques, affirmant sa domination sur les startups du secteur."
        )
        is None
    )


def test_a_closing_dont_relative_restarts_on_the_agreeing_possessive() -> None:
    split = split_sentence(
        "Le groupe a racheté l’an dernier la société lyonnaise Dupont, dont le siège est "
        "installé à Lyon depuis sa création en 1950."
    )
    assert split is not None and split.kind == "relative"
    assert split.after == (
        "Le groupe a racheté l’an dernier la société lyonnaise Dupont.",
        "Son siège est installé à Lyon depuis sa création en 1950.",
    )
    plural = split_sentence(
        "Le conseil municipal a écouté hier soir les représentants des salariés, dont les "
        "revendications portent sur les salaires et les horaires."
    )
    assert plural is not None
    assert plural.after[1] == "Leurs revendications portent sur les salaires et les horaires."
    elided = split_sentence(
        "Le groupe a racheté l’an dernier une petite entreprise familiale de la région, dont "
        "l’usine emploie deux cents salariés à Roanne."
    )
    assert elided is not None
    assert elided.after[1] == "Son usine emploie deux cents salariés à Roanne."


@pytest.mark.parametrize(
    "sentence",
    [
        # « dont » completes the verb (parler de), not the noun: « Son maire parle » is false.
        "Il a présenté aux élus le projet de la nouvelle ligne de tramway, dont le maire parle "
        "depuis le début de son mandat en 2020.",
        # …or the definite object (l’histoire de la ligne).
        "Il a présenté aux élus la nouvelle ligne de tramway du quartier nord, dont les "
        "habitants connaissent l’histoire depuis des années.",
        # …or an adjective or a noun after « être » (fier de, membre de).
        "Il a présenté aux élus le projet de la nouvelle ligne de tramway, dont le maire est "
        "particulièrement fier depuis son élection.",
        "Il a présenté aux élus le projet de la nouvelle ligne de tramway, dont le maire est "
        "membre depuis le début de son mandat.",
        # Whose members, the president's or the associations'? « son » or « leurs »: unsure.
        "Le ministre a reçu hier le président des associations de quartier, dont les membres "
        "réclament depuis des mois une aide de l’État.",
        # Inside the sentence: the first part is no clause.
        "La société Dupont, dont le siège est à Lyon depuis sa création en 1950, a annoncé hier "
        "la fermeture de son usine de Villeurbanne.",
        # No clause after « dont ».
        "Les entreprises ont enregistré 365 000 déplacements entre le 21 juin et le 15 novembre "
        "2019, dont 61 % en trottinettes électriques.",
    ],
)
def test_dont_relatives_left_as_written(sentence: str) -> None:
    assert split_sentence(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        # A comment on the whole clause, not on its subject: the lie is grave, not the minister.
        "Plus grave encore pour le gouvernement, le ministre de la Santé a menti aux députés sur "
        "le nombre de lits disponibles.",
        # An adverb here, though the lexicon knows « juste » as an adjective.
        "Juste avant le coup d’envoi du match, le capitaine de l’équipe a rappelé ses coéquipiers "
        "dans le vestiaire.",
        # A discourse word.
        "Bref, le ministre de la Santé a refusé de répondre aux questions des journalistes "
        "pendant toute la conférence de presse.",
    ],
)
def test_openings_that_are_no_attribute_of_the_subject(sentence: str) -> None:
    assert split_sentence(sentence) is None


def test_the_seam_finders_give_the_words_dropped_and_added_and_skip_quotations() -> None:
    from plume.write.seams import ce_qui_split, seam_splits

    # What split.py verifies comes from here: the word a seam drops, the words it adds.
    sentence = "Le chantier a pris du retard, car les fournisseurs n’ont pas livré les poutres."
    assert seam_splits(sentence) == [
        (
            "Le chantier a pris du retard",
            "En effet, les fournisseurs n’ont pas livré les poutres.",
            "car",
            "en effet",
        )
    ]
    # A seam inside « » belongs to the quotation: none is offered.
    assert seam_splits("Le maire a dit « nous avons voté, et le budget est adopté » hier.") == []
    assert ce_qui_split("Le prix a doublé, ce qui rend le projet coûteux.") == (
        "Le prix a doublé",
        "Cela rend le projet coûteux.",
        "ce qui",
        "cela",
    )


def test_splits_that_would_change_what_a_part_says_are_refused() -> None:
    # Read blind (unseen2), three splits changed the text: a clause cut from the scope that
    # opened its sentence ("Pour les huit autres, …"), a pronoun read after a main clause
    # holding another noun it agrees with ("Elle court…": the liquidation?).
    assert (
        split_sentence(
            "Pour les huit autres, dont le japonais, l’arabe et l’allemand, les écouteurs ont "
            "besoin d’un smartphone connecté, et la traduction est réalisée sur les serveurs."
        )
        is None
    )
    assert (
        split_sentence(
            "En cas de rejet des deux propositions, le tribunal pourrait prolonger la période "
            "d’observation, qui court jusqu’au 2 avril 2027, ou prononcer la liquidation de "
            "l’entreprise."
        )
        is None
    )


def test_an_agent_of_two_par_phrases_is_not_turned_active() -> None:
    from plume.write.active import active_voice

    # "Un emprunt de 4 millions d’euros et par l’autofinancement financerait le reste."
    assert (
        active_voice(
            "Le reste serait financé par un emprunt de 4 millions d’euros et par l’autofinancement."
        )
        is None
    )
