"""The meta description says the story's main event (issue 16, point 3): the lead's sentence that
states the headline's event, compressed by deletion, before a later detail holding the keyphrase;
never a sentence misleading out of its article."""

from __future__ import annotations

from plume.write.meta import MAX_CHARS, MIN_CHARS, build_meta_description
from plume.write.trim import trims

#: A wire story: the event in a long first sentence, the keyphrase's words in a later detail.
WIRE = [
    "Lons-le-Saunier, 7 déc 2026 (AFP) - La préfecture du Jura a recommandé lundi aux femmes "
    "enceintes ou allaitantes et aux parents de nourrissons de moins de six mois de ne plus "
    "consommer l’eau du robinet dans neuf communes du département, après la détection de "
    "« polluants éternels » (PFAS) au-delà de la limite réglementaire.",
    "Les analyses ont été réalisées en novembre par l’agence régionale de santé dans 23 communes.",
    "Depuis le 1er janvier 2026, la directive européenne sur l’eau potable impose aux "
    "distributeurs de contrôler la présence de vingt PFAS.",
]
WIRE_HEADLINE = (
    "PFAS dans l’eau potable : restrictions pour les femmes enceintes et les nourrissons dans "
    "neuf communes du Jura"
)


def _words_in_order(short: str, long: str) -> bool:
    """Deletion only: the words of ``short`` appear in ``long`` in the same order."""
    words = iter(w.strip(".,;:").lower() for w in long.split())
    return all(any(w.strip(".,;:").lower() == x for x in words) for w in short.split())


def test_the_leads_event_is_never_narrowed_to_fit() -> None:
    """The lead's event names who is concerned: "aux femmes enceintes" alone, without the
    nursing mothers and the infants' parents, was read blind as misleading. It cannot fit whole
    by deletion: the description is another whole sentence, never a narrowed list."""
    meta = build_meta_description(WIRE, "PFAS eau", headline=WIRE_HEADLINE)
    assert "aux femmes enceintes de ne plus" not in meta
    assert MIN_CHARS <= len(meta) <= MAX_CHARS
    # The agency's dateline is no part of it.
    assert "AFP" not in meta and "Lons" not in meta


def test_without_a_headline_the_keyphrase_ranks_first_as_before() -> None:
    meta = build_meta_description(WIRE, "PFAS eau")
    assert "PFAS" in meta and "eau" in meta


#: A review: the standfirst names the painter only as "une artiste"; a later detail holds her
#: surname (the keyphrase).
REVIEW = [
    "À la Halle aux grains de Vernoux-sur-Claise, une rétrospective rend enfin justice à une "
    "artiste longtemps reléguée au rang de « peintre régionale ». Une exposition généreuse.",
    "Il aura fallu attendre près de quarante ans après sa mort pour qu’Odile Ferrand (1921-1988) "
    "ait droit à une rétrospective digne de ce nom. Jusqu’ici, on ne croisait ses toiles qu’au "
    "détour d’un accrochage collectif ou dans les réserves de quelques musées du Centre-Ouest.",
    "Ferrand a peint presque exclusivement des intérieurs : des cuisines, des ateliers, des "
    "chambres d’hôtel, toujours saisis face à une fenêtre.",
]


def test_the_retrospective_not_a_detail_and_never_an_unnamed_artist() -> None:
    meta = build_meta_description(
        REVIEW, "Ferrand", headline="Odile Ferrand, la peintre qui regardait la lumière de dos"
    )
    assert meta.startswith("Il aura fallu attendre")
    assert "Odile Ferrand" in meta
    assert "une artiste" not in meta


def test_two_shared_words_are_no_event_when_the_headline_says_who() -> None:
    """ "Le drame qui se déroule…" shares two words of the headline, not that Microsoft played a
    part: the sentence naming Microsoft's part stays."""
    paragraphs = [
        "Le drame qui se déroule devrait mettre en lumière la tyrannie des titans de la "
        "technologie qui contrôlent des aspects critiques de l’écosystème de l’IA.",
        "Microsoft est intervenu pour récupérer les dirigeants évincés et créer une nouvelle "
        "division de recherche en IA dirigée par Altman.",
    ]
    meta = build_meta_description(
        paragraphs,
        "Microsoft",
        headline="Microsoft a joué un rôle de premier plan dans le drame qui se déroule",
    )
    assert meta.startswith("Microsoft est intervenu")


def test_the_authors_first_person_aside_goes_and_a_byline_never_serves() -> None:
    paragraphs = [
        "Par Marion Kerhervé, sociologue, maîtresse de conférences à l’université de Bretagne "
        "occidentale, autrice d’une enquête sur les résidences secondaires du littoral.",
        "Chaque automne, le même spectacle se répète dans des dizaines de communes du littoral. "
        "À Porz-Meur, petite commune du Finistère où je mène des enquêtes depuis six ans, 62 % "
        "des logements sont aujourd’hui des résidences secondaires. En novembre, sur certaines "
        "rues entières, on ne compte pas une fenêtre allumée.",
    ]
    meta = build_meta_description(paragraphs, "résidences secondaires")
    assert not meta.startswith("Par ")
    assert " je " not in f" {meta} "
    assert meta.startswith("À Porz-Meur, 62 % des logements")
    assert MIN_CHARS <= len(meta) <= MAX_CHARS


def test_a_question_is_no_description() -> None:
    paragraphs = [
        "Combien de temps allons-nous accepter que des communes entières du littoral breton "
        "deviennent des décors de carte postale, déserts l’hiver ? Les volets se ferment.",
        "Dans la communauté de communes étudiée, le nombre de logements proposés en location de "
        "courte durée a été multiplié par trois entre 2016 et 2024 sur le littoral breton.",
    ]
    meta = build_meta_description(paragraphs, "littoral breton")
    assert "?" not in meta
    assert "le nombre de logements" in meta.lower()


def test_deletions_for_a_description() -> None:
    """A trailing "après…", "aux côtés de…" may go; the claim's subject, verb and negation
    stay, and so does every complement of a list (who is concerned is part of the claim)."""
    sentence = (
        "La préfecture a recommandé aux femmes enceintes ou allaitantes et aux parents de "
        "nourrissons de moins de six mois de ne plus consommer l’eau du robinet, après la "
        "détection de polluants."
    )
    forms = {t.text for t in trims(sentence, description=True)}
    assert (
        "La préfecture a recommandé aux femmes enceintes ou allaitantes et aux parents de "
        "nourrissons de moins de six mois de ne plus consommer l’eau du robinet." in forms
    )
    assert not any("enceintes de ne" in t for t in forms)
    assert not any("enceintes de ne" in t.text for t in trims(sentence))
    tour = (
        "Le tour de table est mené par le fonds parisien Ardent Capital, aux côtés de Bpifrance "
        "et du fonds régional Aquitaine Transition."
    )
    assert "Le tour de table est mené par le fonds parisien Ardent Capital." in {
        t.text for t in trims(tour, description=True)
    }


def test_a_name_ending_a_shortened_sentence_is_no_verb() -> None:
    """ "…ses premiers écouteurs, appelés Parla": "parla" is a verb form, the name is not."""
    sentence = (
        "La startup Lumaj a annoncé mardi ses premiers écouteurs, appelés Parla, qui promettent de "
        "traduire les conversations en temps réel dans 12 langues."
    )
    assert "La startup Lumaj a annoncé mardi ses premiers écouteurs, appelés Parla." in {
        t.text for t in trims(sentence, description=True)
    }


def test_a_company_named_by_its_role_alone_comes_after_one_named() -> None:
    paragraphs = [
        "La société a annoncé mardi une levée de fonds de 18 millions d’euros pour surveiller "
        "les forêts françaises par satellite et par drone.",
        "Fondée en 2022 à Bordeaux par deux ingénieurs, la start-up Sylvéa surveille les forêts "
        "du Sud-Ouest et vise désormais le marché européen.",
    ]
    meta = build_meta_description(paragraphs, "forêts")
    assert "Sylvéa" in meta
    assert not meta.startswith("La société")


def test_the_headlines_event_and_its_sequel_in_n_etait_form() -> None:
    """ "Il n’était pourtant pas…" is a sentence (the lexicon has no "n’était"; the auxiliary is
    certain): the headline's event and its sequel make the description."""
    paragraphs = [
        "Chargé de porter la réforme des retraites, Jean-Paul Delevoye a su gagner la confiance "
        "d’Emmanuel Macron. Ancien chiraquien nommé ministre, il n’était pourtant pas porté dans "
        "l’estime de Jacques Chirac. Jean-Paul Delevoye est haut-commissaire aux retraites. Face "
        "à la forte mobilisation contre la réforme des retraites, il porte ce projet coûte que "
        "coûte."
    ]
    meta = build_meta_description(
        paragraphs,
        "Delevoye réforme des retraites",
        headline="Jean-Paul Delevoye a su gagner la confiance d’Emmanuel Macron",
    )
    assert meta.startswith("Jean-Paul Delevoye a su gagner la confiance d’Emmanuel Macron.")
    assert MIN_CHARS <= len(meta) <= MAX_CHARS
