"""True rewordings the support check accepts (issue 16, point 1), each beside the look-alike
false claim it must still reject: a list's second name, a pronoun standing for the name said
before, a fronted participle, "va pouvoir", a title standing for its holder, an object pronoun,
and sentences the parser cut inside a name or after a quote."""

from __future__ import annotations

from plume.verify.support import check_support
from plume.verify.support.links import conjuncts_up
from plume.verify.support.parse import analyse_source


def _ok(claim: str, source: str) -> bool:
    return check_support([claim], source)[0].supported


# -- a list's second name is tied to the verb as its first is ---------------------------------


def test_a_second_conjunct_climbs_to_the_first() -> None:
    src = analyse_source("Lundi, la banque a recruté Clara Ferrand et Hugo Vasseur.")
    hugo = next(t.i for t in src.toks if t.text == "Hugo")
    clara = next(t.i for t in src.toks if t.text == "Clara")
    assert clara in conjuncts_up(src, hugo)
    assert conjuncts_up(src, clara) == [clara]


# -- a pronoun stands for a name said before it, not after ------------------------------------

PRIZE = (
    "Le romancier Lucas Ferrier est un homme comblé. Son dernier livre, « Les Quais du soir », "
    "raconte la vie de deux dockers. À Lyon, il vient de recevoir le prix des Lecteurs.\n\n"
    "par Martine Roussel,"
)


def test_a_pronoun_stands_for_the_name_said_before() -> None:
    assert _ok("Lucas Ferrier reçoit le prix des Lecteurs", PRIZE)


def test_a_pronoun_does_not_stand_for_a_name_said_after_it() -> None:
    # the byline after the sentence is not who "il" is
    assert not _ok("Martine Roussel reçoit le prix des Lecteurs", PRIZE)


# -- a fronted participle is said of its clause's subject -------------------------------------

JAILED = (
    "La poétesse Ana Ortiz vit aujourd'hui à Madrid. Arrêtée en 1977 par la police du général "
    "Bermúdez, elle a passé quatre ans en prison. Libérée en 1981, elle a fondé une revue."
)


def test_a_fronted_participle_is_said_of_the_subject_pronoun() -> None:
    assert _ok("Ana Ortiz a été libérée en 1981", JAILED)


def test_a_fronted_participle_does_not_swap_its_roles() -> None:
    # the poet was arrested, she arrested no one
    assert not _ok("Ana Ortiz a arrêté le général Bermúdez en 1977", JAILED)


# -- "va pouvoir" announces, it does not hedge ------------------------------------------------

CAMPUS = (
    "Le nouveau bâtiment est achevé. L'université de Brest va pouvoir désormais accueillir ses "
    "étudiants de master sur un seul site."
)


def test_va_pouvoir_is_no_hedge() -> None:
    assert _ok(
        "L'université de Brest va accueillir ses étudiants de master sur un seul site", CAMPUS
    )


def test_va_pouvoir_is_still_a_future() -> None:
    assert not _ok(
        "L'université de Brest accueille ses étudiants de master sur un seul site", CAMPUS
    )


# -- a title stands for the one person the source gives it ------------------------------------

DISMISSAL = (
    "Le Premier ministre Karel Novák a reçu les syndicats jeudi. Le ministre des Transports, "
    "Petr Dvořák, a été vu sans masque.\n\n"
    "Si le Premier ministre slovaque décide de révoquer son ministre des Transports, la "
    "présidente Jana Horvátová aura le dernier mot."
)


def test_a_title_with_an_adjective_more_stands_for_its_holder() -> None:
    claim = (
        "Si Karel Novák révoque son ministre des Transports, la présidente Jana Horvátová aura "
        "le dernier mot"
    )
    assert _ok(claim, DISMISSAL)


def test_a_title_does_not_stand_for_another_holder() -> None:
    # "le Premier ministre" is not "le ministre des Transports"
    claim = (
        "Si Petr Dvořák révoque son ministre des Transports, la présidente Jana Horvátová aura "
        "le dernier mot"
    )
    assert not _ok(claim, DISMISSAL)


# -- an object pronoun may stand for the name the sentence gives ------------------------------

BACKED = (
    "« Malgré le peu d'estime qu'il lui portait, Mercier l'a tout de même soutenu en 2004 pour "
    "la course à la mairie de Brest − qu'il a perdue face à Hélène Brun − et l'a nommé adjoint "
    "», a ajouté un élu sur l'influence qu'a pu obtenir Paul Garnier."
)


def test_an_object_pronoun_may_stand_for_the_name_in_its_sentence() -> None:
    assert _ok("Mercier a soutenu Paul Garnier en 2004", BACKED)


def test_the_subject_is_still_checked_around_an_object_pronoun() -> None:
    assert not _ok("Paul Garnier a soutenu Mercier en 2004", BACKED)


# -- the relevant clause's actors only --------------------------------------------------------

LETTER = (
    "Ce matin, presque tous les salariés de Norlis ont signé une lettre disant qu'ils "
    "partiraient si Anne Roy et Marc Petit ne revenaient pas."
)


def test_a_noun_of_another_clause_is_no_swapped_actor() -> None:
    claim = (
        "Presque tous les salariés de Norlis ont signé une lettre : ils partiraient si Anne Roy "
        "et Marc Petit ne revenaient pas."
    )
    assert _ok(claim, LETTER)


def test_a_negation_dropped_in_that_clause_is_still_rejected() -> None:
    claim = "Presque tous les salariés de Norlis partiraient si Anne Roy et Marc Petit revenaient"
    assert not _ok(claim, LETTER)


# -- sentences the parser cut where none can start --------------------------------------------


def test_no_sentence_starts_inside_a_hyphenated_name_or_after_an_opening_quote() -> None:
    src = analyse_source(
        "Inscrit sur une liste par la présidente Park Geun-Hye, il a vu cette dernière tomber. "
        'Son roman, " Au soleil couchant ", parle de Séoul.'
    )
    texts = [t for t in src.sent_text]
    assert any("Geun-Hye, il a vu" in t for t in texts)
    assert any('" Au soleil couchant "' in t and t.startswith("Son roman") for t in texts)
    assert len(texts) == 2


# -- a verb the parser gave two subjects shows no swap ----------------------------------------

SHOCK = (
    "Le maire Paul Lenoir s'est exprimé sur l'affaire lors d'une conférence de presse organisée "
    "ce lundi. « Un choc », c'est ainsi qu'il a qualifié les révélations concernant la réunion "
    "de son adjoint, estimant que ce qui s'était produit était « impardonnable »."
)


def test_a_dislocated_subject_is_no_swap() -> None:
    assert _ok("Paul Lenoir qualifie de « choc » la réunion de son adjoint", SHOCK)


def test_the_speaker_is_still_checked_on_a_dislocated_subject() -> None:
    assert not _ok("La réunion de son adjoint qualifie de « choc » Paul Lenoir", SHOCK)


# -- "cette année-là" dates a verb with the year of the sentence before -----------------------

TRUCKS = (
    "Depuis 2016, Valmont et Norlis travaillent ensemble. Valmont a acheté 300 camions cette "
    "année-là, puis 40 bus en 2018."
)


def test_cette_annee_la_takes_the_year_before() -> None:
    assert _ok("En 2016, Valmont a acheté 300 camions", TRUCKS)


def test_cette_annee_is_the_year_of_writing() -> None:
    assert not _ok("En 2016, Valmont a acheté 300 camions", TRUCKS.replace("année-là", "année"))


def test_the_year_before_does_not_date_another_count() -> None:
    assert not _ok("En 2016, Valmont a acheté 40 bus", TRUCKS)


# -- "le sujet" stands for the topic its sentence just named ----------------------------------

RUMOUR = (
    "Pour comprendre comment cette rumeur sur la dangerosité du paracétamol est devenue virale "
    "en Europe (notamment en France), les auteurs ont répertorié tous les tweets avec le mot "
    "paracétamol (en plusieurs langues), trouvant plus de 500.000 messages sur le sujet entre le "
    "3 et le 9 avril."
)


def test_le_sujet_stands_for_the_topic_named_before() -> None:
    assert _ok("Plus de 500 000 messages sur le paracétamol entre le 3 et le 9 avril", RUMOUR)


def test_le_sujet_does_not_change_the_count() -> None:
    assert not _ok("Plus de 900 000 messages sur le paracétamol entre le 3 et le 9 avril", RUMOUR)


# -- "tout en" opens a gerund, it quantifies nothing ------------------------------------------

HOUSING = (
    "Leur seul but : vendre plus de logements tout en relogeant la plupart des locataires en "
    "banlieue, au prix d'un long trajet."
)


def test_tout_en_is_no_universal() -> None:
    assert not _ok("Tous les locataires relogés en banlieue", HOUSING)


def test_the_source_s_own_universal_still_counts() -> None:
    assert _ok("La plupart des locataires relogés en banlieue", HOUSING)
    assert _ok(
        "Tous les locataires relogés en banlieue",
        HOUSING.replace("la plupart des locataires", "tous les locataires"),
    )


# -- a light main verb says what its complements say, hedges included ------------------------

BUYOUT = (
    "Les élus ont voté le projet lundi. Ce rachat semble se faire sans frais pour la commune de "
    "Vannes, qui évite aussi un long procès."
)


def test_a_hedge_on_a_light_verb_is_not_dropped() -> None:
    assert not _ok("Le rachat se fait sans frais pour la commune de Vannes", BUYOUT)


def test_the_hedge_kept_is_accepted() -> None:
    assert _ok("Le rachat semble se faire sans frais pour la commune de Vannes", BUYOUT)


# -- a cause ("étant donné …") is given as a fact, whatever hedges what it explains -----------

GIVEN = (
    "Ce partenariat est susceptible de se renforcer encore plus étant donné le nouveau groupe de "
    "dirigeants amené à remplacer le conseil de surveillance qui a licencié Paul Morin."
)


def test_a_cause_is_not_hedged_by_what_it_explains() -> None:
    assert _ok("Un nouveau groupe remplace le conseil qui a licencié Paul Morin", GIVEN)


def test_what_the_cause_explains_stays_hedged() -> None:
    assert not _ok("Le partenariat se renforce encore plus", GIVEN)
    assert not _ok("Un nouveau groupe ne remplace pas le conseil qui a licencié Paul Morin", GIVEN)
