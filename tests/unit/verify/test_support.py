"""The claim support check: hand-written French cases, the two real failures that motivated it,
and a regression guard on the dev split of the labelled claims."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from plume.verify.support import SupportVerdict, check_support

SHARED = Path(__file__).parents[3] / ".." / "shared"
CORPUS = SHARED / "corpus" / "fr-articles"

SOURCE = (
    "La mairie de Lyon a annoncé mardi la fermeture de la piscine du Rhône pour travaux. "
    "Le chantier coûtera 4 millions d'euros et durera dix-huit mois. "
    "Selon l'adjoint aux sports, Paul Martin, la piscine pourrait rouvrir en juin 2026. "
    "Le club de natation a critiqué la décision de la mairie. "
    "Les nageurs ne pourront pas s'entraîner dans le bassin olympique pendant l'été. "
    "Le préfet a félicité la présidente du club, Claire Dubois, pour son engagement."
)


def _one(claim: str, source: str = SOURCE) -> SupportVerdict:
    (verdict,) = check_support([claim], source)
    return verdict


def test_paraphrase_is_accepted() -> None:
    v = _one("La mairie de Lyon annonce la fermeture de la piscine du Rhône pour travaux")
    assert v.supported, v.reason
    assert v.evidence is not None and "piscine du Rhône" in v.evidence


def test_negation_flip_is_rejected() -> None:
    v = _one("Les nageurs pourront s'entraîner dans le bassin olympique pendant l'été")
    assert not v.supported
    assert "négation" in v.reason.fr


def test_role_swap_is_rejected() -> None:
    v = _one("La mairie a critiqué la décision du club de natation")
    assert not v.supported


def test_a_topic_label_in_front_is_no_actor() -> None:
    # An SEO title "Name : clause" (unseen u2): the label says what the clause is about; a
    # parse that makes it the agent saw "roles swapped" in a true title.
    source = "La start-up bordelaise Sylvéa lève 18 millions d’euros pour surveiller les forêts."
    v = _one("Sylvéa : la start-up bordelaise lève 18 millions d’euros", source)
    assert v.supported, v.reason
    # The clause itself is still checked: another actor in it is still caught.
    assert not _one("Sylvéa : Ardent Capital lève 18 millions d’euros", source).supported
    assert not _one(
        "Sylvéa : la start-up bordelaise ne lève pas 18 millions d’euros", source
    ).supported


def test_number_moved_to_another_noun_is_rejected() -> None:
    assert _one("Le chantier coûtera 4 millions d'euros").supported
    v = _one("Le chantier durera 4 mois")
    assert not v.supported


def test_dropped_hedge_is_rejected() -> None:
    assert _one("Selon Paul Martin, la piscine pourrait rouvrir en juin 2026").supported
    v = _one("La piscine va rouvrir en juin 2026")
    assert not v.supported
    assert "modalité" in v.reason.fr


def test_invented_event_is_rejected() -> None:
    v = _one("La mairie de Lyon a vendu la piscine du Rhône au club de natation")
    assert not v.supported


def test_wrong_attribution_is_rejected() -> None:
    v = _one("Selon le préfet, la piscine pourrait rouvrir en juin 2026")
    assert not v.supported


def test_negation_is_read_in_the_sentence_that_says_it() -> None:
    source = "Le ministre ne travaille plus au gouvernement. Il travaille plus que les autres."
    assert _one("Le ministre ne travaille plus au gouvernement", source).supported
    assert not _one("Le ministre travaille au gouvernement", source).supported


def test_evidence_is_quoted_as_the_source_writes_it() -> None:
    source = "Le club a réuni 1\u202f200 « supporters » samedi."
    v = _one("Le club a réuni 1 200 supporters samedi", source)
    assert v.supported, v.reason
    assert v.evidence == source


def test_unrelated_claim_is_rejected_with_a_reason() -> None:
    v = _one("Le musée des Beaux-Arts accueille une exposition sur Picasso")
    assert not v.supported
    assert v.reason.fr and v.reason.en


OPINION = (
    "Le gouvernement présente la réforme comme une nécessité comptable. "
    "Pourtant, selon l'économiste Michaël Zemmour, le système n'est pas en danger. "
    "Elle repousse l'âge légal de 62 à 64 ans. "
    "La direction envisage de réduire l'effectif du chœur de moitié. "
    "Le plan national pour l'emploi des femmes sera présenté en juin. "
    "Les femmes sont toujours moins payées que les hommes, selon l'Insee. "
    "La ministre de la Femme, Amel Belhaj Moussa, a reconnu que le chemin était long. "
    "« Les lois ne sont pas appliquées », déplore Yosra Frawes, présidente d'une association. "
    "Non seulement les salaires stagnent, mais les prix augmentent. "
    "Une alimentation riche en fibres favorise la diversité des bactéries. "
    "Le problème n'est pas économique mais politique."
)


@pytest.mark.parametrize(
    ("claim", "supported"),
    [
        ("Selon Michaël Zemmour, le système n'est pas en danger", True),
        ("Selon Michaël Zemmour, le système est en danger", False),
        ("L'âge légal repoussé de 62 à 64 ans", True),
        ("L'âge légal repoussé de 62 à 66 ans", False),
        ("La direction envisage de réduire l'effectif du chœur de moitié", True),
        ("La direction a réduit l'effectif du chœur de moitié", False),
        ("Un plan national pour l'emploi des femmes présenté en juin", True),
        ("Le plan national pour l'emploi des femmes a été présenté en juin", False),
        ("Selon l'Insee, les femmes sont moins payées que les hommes", True),
        ("Selon l'Insee, les hommes sont moins payés que les femmes", False),
        ("Yosra Frawes : « Les lois ne sont pas appliquées »", True),
        ("Amel Belhaj Moussa : « Les lois ne sont pas appliquées »", False),
        (
            "Yosra Frawes, ministre de la Femme, déplore que les lois ne soient pas appliquées",
            False,
        ),
        ("Les salaires stagnent", True),
        ("Une alimentation riche en fibres réduit la diversité des bactéries", False),
        ("Le problème est politique", True),
        ("Le problème est économique", False),
    ],
)
def test_opinion_text(claim: str, supported: bool) -> None:
    v = _one(claim, OPINION)
    assert v.supported is supported, v.reason


def _source_text(path: Path) -> str:
    from plume.clean import clean
    from plume.ingest import read_path
    from plume.settings import Settings

    settings = Settings()
    return clean(read_path(path, settings), settings).document.text


def test_real_failure_elected_when_he_lost() -> None:
    text = _source_text(CORPUS / "01-gala-delevoye-surnom-chirac.txt")
    v = _one("Un chiraquien a été élu président de la RPR", text)
    assert not v.supported


def test_real_failure_prime_minister_resigned() -> None:
    text = _source_text(CORPUS / "12-radio-prague-ministre-sante-demission.txt")
    v = _one(
        "Le premier ministre n'a pas hésité à démissionner, mais il a rejeté toute faute.", text
    )
    assert not v.supported


#: Figures reached on the dev split when the check was calibrated (see docs/calibration.md);
#: the guard fails if a change makes either worse.
DEV_ACCEPTED = 80 / 90
DEV_REJECTED = 90 / 92


def test_dev_split_does_not_regress() -> None:
    by_source: dict[str, list[tuple[str, bool]]] = {}
    for line in (SHARED / "claims" / "claims.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        if hashlib.sha256(d["source"].encode()).hexdigest()[0] in "0123":
            continue  # the test split is never used here
        folder = SHARED / ("seeds" if d["set"] == "seeds" else "corpus/fr-articles")
        key = str(folder / d["source"])
        by_source.setdefault(key, []).append((d["claim"], d["label"] == "supported"))
    accepted = rejected = n_sup = n_uns = 0
    for path, items in by_source.items():
        verdicts = check_support([c for c, _ in items], _source_text(Path(path)))
        for (_, label), v in zip(items, verdicts, strict=True):
            if label:
                n_sup += 1
                accepted += v.supported
            else:
                n_uns += 1
                rejected += not v.supported
    assert accepted / n_sup >= DEV_ACCEPTED
    assert rejected / n_uns >= DEV_REJECTED


FRAMED = (
    "Pour le néolibéralisme, la retraite ne peut être qu'un archaïsme, une sorte de déviance. "
    "Ce projet, s'il devait être mis en œuvre, signerait la fin certaine de l'orchestre. "
    "Quant à la présence des femmes au Parlement, le pays est classé à la 67e position."
)


@pytest.mark.parametrize(
    ("claim", "supported", "reason"),
    [
        ("La retraite ne peut être qu'un archaïsme", False, "cadre omis"),
        ("Pour le néolibéralisme, la retraite est un archaïsme", True, ""),
        ("La fin certaine de l'orchestre", False, "condition omise"),
        ("Le pays est classé à la 67e position", False, "cadre omis"),
        ("Femmes au Parlement : le pays est classé 67e", True, ""),
    ],
)
def test_a_view_a_topic_or_a_condition_is_not_dropped(
    claim: str, supported: bool, reason: str
) -> None:
    verdict = check_support([claim], FRAMED)[0]
    assert verdict.supported is supported, verdict.reason.fr
    assert reason in verdict.reason.fr


# -- kinds of error, each on its own (issue 16: generalise beyond the labelled claims) ----------

SCIENCE = (
    "La chercheuse Marie Curie a découvert le polonium en 1898 avec son mari Pierre. "
    "Elle est devenue la première femme à recevoir le prix Nobel. "
    "Pierre Curie est mort en 1906, renversé par une voiture à cheval à Paris. "
    "Ses carnets de laboratoire sont encore radioactifs aujourd'hui. "
    "Les chercheurs qui veulent les consulter doivent signer une décharge. "
    "Le musée Curie, situé à Paris, n'expose pas ces carnets au public."
)
CITY = (
    "La mairie de Bordeaux a voté mardi l'interdiction des trottinettes en libre-service. "
    "Le maire, Pierre Hurmic, estime que ces engins encombrent les trottoirs et mettent en "
    "danger les piétons. "
    "L'opérateur Lime, qui exploite 800 trottinettes dans la ville, a dénoncé une décision "
    "« injuste ». "
    "Il envisage de contester la délibération devant le tribunal administratif. "
    "Les usagers pourront encore utiliser les vélos en libre-service."
)
FACTORY = (
    "Le constructeur automobile Renault a annoncé jeudi la suppression de 1 500 postes en "
    "France d'ici 2027. "
    "Les syndicats ont dénoncé un plan « brutal » et appellent à la grève le 12 mars. "
    "Le ministre de l'Économie, Bruno Le Maire, n'a pas exclu une aide de l'État."
)
BEES = (
    "Une étude publiée lundi montre que les abeilles sauvages ont décliné de 30 % en Europe "
    "depuis 1990. "
    "Les chercheurs ont analysé les données de 4 000 sites. "
    "L'étude ne porte pas sur les abeilles domestiques, dont les populations sont restées "
    "stables. "
    "Les auteurs appellent l'Union européenne à renforcer les restrictions sur les pesticides."
)
FOOTBALL = (
    "Le PSG reste en tête, avec quatre points d'avance sur Monaco. "
    "Le match avait été reporté d'une semaine."
)
SENATE = (
    "La ministre de la Santé, Catherine Vautrin, a regretté ce vote. "
    "Les associations de soins palliatifs, elles, se félicitent du rejet."
)


@pytest.mark.parametrize(
    ("source", "claim", "supported"),
    [
        # a name is the whole name: "Marie Curie" is not the "Curie" of "Pierre Curie"
        (SCIENCE, "Marie Curie a découvert le polonium en 1898", True),
        (SCIENCE, "Pierre Curie est mort en 1906", True),
        (SCIENCE, "Les carnets de Marie Curie sont toujours radioactifs", True),
        # a predicate must be there ("radioactifs"), not only the nouns around it
        (SCIENCE, "Le musée Curie n'expose pas les carnets au public", True),
        (SCIENCE, "Le musée Curie expose les carnets au public", False),
        # a frame verb with a noun object is an event of its own
        (SCIENCE, "Marie Curie a refusé le prix Nobel", False),
        # a purpose is not asserted ("pour consulter"), so "veulent" does not hedge it
        (SCIENCE, "Pour consulter les carnets, les chercheurs signent une décharge", True),
        # a verb met as its noun: "interdit" / "l'interdiction", the noun's object its own
        (CITY, "Bordeaux interdit les trottinettes en libre-service", True),
        (CITY, "Bordeaux interdit les vélos en libre-service", False),
        # an opinion ("estime que") is someone's: the claim must say whose
        (CITY, "Pour Pierre Hurmic, les trottinettes mettent en danger les piétons", True),
        (CITY, "Les trottinettes mettent en danger les piétons", False),
        (CITY, "Lime a contesté la délibération devant le tribunal administratif", False),
        # opposites through word families ("création" / "suppression")
        (FACTORY, "Renault annonce la suppression de 1 500 emplois en France", True),
        (FACTORY, "Renault a annoncé la création de 1 500 postes en France", False),
        # a reworded verb keeps the source's polarity ("promis" is not "n'a pas exclu")
        (FACTORY, "Bruno Le Maire n'écarte pas une aide de l'État", True),
        (FACTORY, "Bruno Le Maire a promis une aide de l'État à Renault", False),
        # two adjacent sentences do not lend one's actor to the other's event
        (FACTORY, "Bruno Le Maire appelle à la grève le 12 mars", False),
        # an adjective that picks another kind of the thing ("domestiques" / "sauvages")
        (BEES, "Les abeilles sauvages ont reculé de 30 % en Europe depuis 1990", True),
        (BEES, "Les abeilles domestiques ont décliné de 30 % en Europe", False),
        # "les auteurs" of a study are not the writer: their role counts
        (BEES, "L'Union européenne appelle les chercheurs à renforcer les restrictions", False),
        # subjects swapped around a verb with no content of its own
        (FOOTBALL, "Le PSG reste en tête avec quatre points d'avance sur Monaco", True),
        (FOOTBALL, "Monaco reste en tête avec quatre points d'avance sur le PSG", False),
        # a pronoun stands for a name of its number: "elles" is not Catherine Vautrin
        (SENATE, "Catherine Vautrin a regretté le vote", True),
        (SENATE, "Catherine Vautrin se félicite du rejet du texte", False),
    ],
)
def test_kinds_of_error(source: str, claim: str, supported: bool) -> None:
    v = _one(claim, source)
    assert v.supported is supported, v.reason.fr


def test_a_purpose_opening_a_sentence_is_not_a_view() -> None:
    source = "Pour sauvegarder : Microsoft a investi 1 milliard de dollars dans OpenAI."
    assert _one("Microsoft a investi 1 milliard de dollars dans OpenAI", source).supported


def test_a_headline_prefix_keeps_the_sources_non() -> None:
    # The small model parses "Non à X" with "Non" as the head of X, and "Pétition : non à X"
    # with "non" as X's modifier: both negate X.
    source = (
        "Non à la mutilation du choeur de Radio France, unique choeur professionnel à vocation "
        "symphonique en France.\n\nLe choeur est menacé par un plan d’économies."
    )
    (verdict,) = check_support(["Pétition : non à la mutilation du choeur de Radio France"], source)
    assert verdict.supported, verdict.reason


# -- general mechanisms (issue 16, point 1: paraphrase, references, numbers, quotes) -----------

CABINET = (
    "La mairie de Lyon a annoncé mardi la fermeture de trois piscines municipales pour raisons "
    "budgétaires. Selon l'adjoint aux sports, Paul Martin, cette mesure pourrait permettre "
    "d'économiser 2 millions d'euros par an. Les syndicats dénoncent une décision brutale et "
    "appellent à la grève le 12 mars. Le Premier ministre Jean Dupont a réuni le gouvernement "
    "lundi. Mardi, le Premier ministre a limogé le ministre de la Santé, Roman Prymula. Le "
    "ministre avait été photographié sans masque. Le sociologue Marc Henry, spécialiste du vote, "
    "a commenté l'affaire."
)


@pytest.mark.parametrize(
    ("claim", "supported"),
    [
        # paraphrase vocabulary: a listed synonym of the source's verb
        ("Les syndicats fustigent une décision brutale", True),
        ("Jean Dupont a évincé Roman Prymula", True),
        # a definite title the source gives one person stands for that person...
        ("Jean Dupont a limogé Roman Prymula", True),
        ("Roman Prymula a été photographié sans masque", True),
        # ...and a title the source gives someone else does not
        ("Jean Dupont a été photographié sans masque", False),
        # a headline verb the small model reads as part of the name ("Paul Martin dénonce")
        ("Paul Martin dénonce une décision brutale", False),
        # a title in apposition must be this person's in the source
        ("Marc Henry, sociologue spécialiste du vote", True),
        ("Paul Martin, sociologue spécialiste du vote", False),
        # a number right before a noun the source counts with another number
        ("Lyon ferme trois piscines municipales", True),
        ("Lyon ferme deux piscines municipales", False),
    ],
)
def test_titles_synonyms_and_counts(claim: str, supported: bool) -> None:
    v = _one(claim, CABINET)
    assert v.supported is supported, v.reason.fr


RANKS = (
    "Le rapport annuel a été publié lundi. La Tunisie occupait la deuxième place de la région en "
    "2018, avant de reculer à la quatrième place en 2019. Le taux de chômage des femmes atteint "
    "22 %, contre 12,2 % pour les hommes. En 2016, le chœur avait déjà perdu 21 % de son "
    "effectif, pour n'être plus que 90 chanteurs."
)


@pytest.mark.parametrize(
    ("claim", "supported"),
    [
        # a rank written in figures is the rank spelled out, not a count
        ("La Tunisie recule à la 4e place en 2019", True),
        ("La Tunisie recule à la 3e place en 2019", False),
        # what a number counts is said on its unit, never on a headline's topic label
        ("Chômage : 22 % chez les femmes, 12,2 % chez les hommes", True),
        ("Chômage : 12,2 % chez les femmes, 22 % chez les hommes", False),
        # a verb's counted object: the source's verb counts it with another number
        ("Le chœur a perdu 21 % de son effectif en 2016", True),
        ("Le chœur a perdu 90 chanteurs en 2016", False),
    ],
)
def test_numbers_stay_with_what_they_count(claim: str, supported: bool) -> None:
    v = _one(claim, RANKS)
    assert v.supported is supported, v.reason.fr


@pytest.mark.parametrize(
    ("source", "claim", "supported"),
    [
        # "aucun" as a subject negates its verb
        (
            "Je donne de la chloroquine à mes clients. Aucun n'a récidivé. Vive la science.",
            "Plusieurs clients ont récidivé",
            False,
        ),
        # an impersonal "on" acting on X does not make X the agent
        (
            "Les avocats sont fatigués. On traite les juges de voleurs, ce qui est exagéré.",
            "Les juges traitent les avocats de voleurs",
            False,
        ),
        # "peut-être" (cut in three by the tokenizer) hedges a noun predicate, and "selon X"
        # does not hedge the claim that drops it
        (
            "Les avocats protestent. Ces prolongations de détention sont peut-être hors la loi.",
            "Selon les avocats, les prolongations de détention sont hors la loi",
            False,
        ),
        # saying that something is absent needs it in the source, said to be absent
        (
            "Les fibres sont bonnes pour la santé, moins pour les intestins fragiles, qu'elles "
            "peuvent agresser.",
            "Fibres : aucun risque pour les intestins fragiles",
            False,
        ),
        (
            "Le médecin ne voit aucun danger pour les enfants. Il conseille les fibres.",
            "Aucun danger pour les enfants, selon le médecin",
            True,
        ),
        # a noun and its complement met in two sentences of the window are two facts merged
        (
            "Les fibres sont bonnes pour la santé, moins pour les intestins fragiles, qu'elles "
            "peuvent agresser. Le médecin ne voit aucun danger pour les enfants.",
            "Fibres : aucun danger pour les intestins fragiles",
            False,
        ),
        # "ne … que" asserts: neither a negation nor a hedge
        (
            "Selon le rapport publié mardi, la réforme ne peut être qu'un échec.",
            "La réforme est un échec, selon le rapport",
            True,
        ),
        # a noun predicate carries the clause's negation
        (
            "Selon le rapport publié mardi, la réforme ne peut être qu'un échec.",
            "La réforme n'est pas un échec, selon le rapport",
            False,
        ),
    ],
)
def test_polarity_roles_and_hedges(source: str, claim: str, supported: bool) -> None:
    v = _one(claim, source)
    assert v.supported is supported, v.reason.fr


NOVEL = (
    "Son dernier roman traduit en français, « Au soleil couchant », paraît chez Picquier. Un "
    "roman, noir de pessimisme, où malgré tout l'amitié et l'entraide occupent une grande place."
)


def test_a_quoted_title_is_a_name_and_a_quotation_must_be_verbatim() -> None:
    ok = _one("« Au soleil couchant », roman pessimiste où l'amitié a sa place", NOVEL)
    assert ok.supported, ok.reason.fr
    bad = _one("« Au soleil levant », roman pessimiste où l'amitié a sa place", NOVEL)
    assert not bad.supported
    assert "citation absente" in bad.reason.fr


@pytest.mark.parametrize("source", [CABINET, RANKS, NOVEL, FRAMED, SOURCE])
def test_every_source_sentence_supports_itself(source: str) -> None:
    # Faithful mode publishes the author's own sentences: a rule that rejects one of them is
    # wrong whatever it catches (a restrictive "ne … que" read as a negation did).
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", source) if s]
    for v in check_support(sentences, source):
        assert v.supported, (v.claim, v.reason.fr)


def test_a_sentence_of_the_source_word_for_word_is_supported() -> None:
    # Unseen u6: the parser cut "À Porz-Meur, petite commune…" at its hyphen and judged the
    # author's own sentence unsupported.
    source = (
        "Chaque automne, le même spectacle se répète. À Porz-Meur, petite commune du Finistère "
        "où je mène des enquêtes depuis six ans, 62 % des logements sont aujourd’hui des "
        "résidences secondaires. En novembre, les rues se vident."
    )
    claim = (
        "À Porz-Meur, petite commune du Finistère où je mène des enquêtes depuis six ans, 62 % "
        "des logements sont aujourd'hui des résidences secondaires."
    )
    v = _one(claim, source)
    assert v.supported and v.evidence is not None and "Porz-Meur" in v.evidence
    # Part of a sentence is judged as any claim: the number moved is still caught.
    assert not _one(
        "À Porz-Meur, 62 % des habitants sont des résidents secondaires.", source
    ).supported
