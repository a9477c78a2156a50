"""Contradictions and shared facts across sources (plume.verify.sources).

Hand-made pairs show each rule firing and holding back; the five seeds (five articles on one
story) are checked as they are, and with one figure of a seed changed.
"""

from __future__ import annotations

import pytest

from plume.verify.sources import Contradiction, find_contradictions, shared_facts
from tests.conftest import SEEDS

EMPLOYEES_A = "Selon la lettre, plus de 700 employés d’OpenAI menacent de démissionner."
EMPLOYEES_B = (
    "Près de 500 employés d’OpenAI menacent de démissionner si le conseil ne revient pas sur "
    "sa décision."
)
FIRED_A = "Le conseil d’administration d’OpenAI a limogé Sam Altman le 17 novembre 2023."
FIRED_B = "Sam Altman a été limogé par le conseil d’administration le 18 novembre."


def seeds() -> list[tuple[str, str]]:
    return [(p.name[:3], p.read_text(encoding="utf-8")) for p in SEEDS]


def test_a_count_stated_differently_is_a_contradiction() -> None:
    (c,) = find_contradictions([("a", EMPLOYEES_A), ("b", EMPLOYEES_B)])
    assert isinstance(c, Contradiction)
    assert (c.kind, c.subject) == ("number", "employé")
    assert [(v.source, v.text, v.value) for v in c.values] == [
        ("a", "plus de 700 employés", "700"),
        ("b", "Près de 500 employés", "500"),
    ]
    assert all("démissionner" in v.excerpt for v in c.values)
    assert c.message_fr == (
        "Les sources se contredisent sur «\u202femployé\u202f»\u00a0: "
        "«\u202fplus de 700 employés\u202f» (a)\u202f; «\u202fPrès de 500 employés\u202f» (b)."
    )
    assert c.message("en").startswith("The sources disagree on “employé”")


def test_an_event_dated_differently_is_a_contradiction() -> None:
    (c,) = find_contradictions([("c", FIRED_A), ("d", FIRED_B)])
    assert c.kind == "date"
    assert [v.value for v in c.values] == ["2023-11-17", "--11-18"]
    assert {"altman", "limoger"} <= set(c.subject.split())


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Compatible values: a lower bound and a figure above it; rounding; approximations.
        (EMPLOYEES_A, "Au total, 770 employés d’OpenAI menacent de démissionner."),
        (
            "OpenAI a reçu 13 milliards de dollars d’investissement de Microsoft.",
            "OpenAI a reçu 13,2 milliards de dollars d’investissement de Microsoft.",
        ),
        (EMPLOYEES_B, "Environ 520 employés d’OpenAI menacent de démissionner."),
        # The same noun in unrelated clauses: nothing shared around it.
        (EMPLOYEES_A, "La banque a supprimé 500 employés à Londres l’an dernier."),
        # Different units: a share is not a count.
        (
            "Microsoft détient 49 % de la filiale d’OpenAI.",
            "Microsoft détient 49 actions de la filiale d’OpenAI.",
        ),
        # Two different events of one story: only Altman in common.
        (FIRED_A, "Sam Altman est revenu chez OpenAI le 22 novembre."),
        # Durations are not facts to compare.
        (
            "OpenAI travaille avec Microsoft depuis cinq ans.",
            "OpenAI travaille avec Microsoft depuis quatre ans.",
        ),
    ],
)
def test_no_false_contradiction(a: str, b: str) -> None:
    assert find_contradictions([("a", a), ("b", b)]) == []


def test_a_source_telling_a_time_line_is_not_used_against_another() -> None:
    timeline = (
        "Lundi matin, 500 employés d’OpenAI menacent de démissionner. Le soir, 700 employés "
        "d’OpenAI menacent de démissionner."
    )
    assert (
        find_contradictions(
            [("t", timeline), ("b", "600 employés d’OpenAI menacent de démissionner.")]
        )
        == []
    )


def test_the_seeds_do_not_contradict_each_other() -> None:
    """Checked by eye: the five seeds never give two values for the same quantity of the same
    thing (see the module docstring of plume.verify.sources)."""
    assert find_contradictions(seeds()) == []


def test_a_changed_figure_in_a_seed_is_caught() -> None:
    sources = seeds()
    _, text = sources[3]
    assert "Environ 500 employés menacent de partir" in text
    changed = text.replace("Environ 500 employés", "Plus de 900 employés")
    (c,) = find_contradictions([*sources, ("003bis", changed)])
    assert c.subject == "employé"
    assert [(v.source, v.text) for v in c.values] == [
        ("003", "Environ 500 employés"),
        ("003bis", "Plus de 900 employés"),
    ]


def test_shared_facts() -> None:
    a = "OpenAI a reçu plus de 13 milliards de dollars d’investissement de Microsoft depuis 2019."
    b = "Depuis 2019, Microsoft a apporté 13 milliards de dollars d’investissement à OpenAI."
    facts = shared_facts([("a", a), ("b", b), ("c", EMPLOYEES_A)])
    assert [(f.kind, f.subject, f.value, f.sources) for f in facts] == [
        ("number", "investissement", "13000000000 USD", ["a", "b"]),
        ("date", "", "2019", ["a", "b"]),
    ]
    quote = "« Nous n’avons pas confiance dans la direction actuelle », a écrit le personnel."
    (q,) = shared_facts([("x", quote), ("y", "Le personnel a écrit : " + quote)])
    assert q.kind == "quote" and q.sources == ["x", "y"]


def test_shared_facts_of_the_seeds() -> None:
    # Under these rules nothing is stated by two seeds (closest: "depuis 2019" in 000 and 002,
    # whose clauses share only "Microsoft"); a seed against itself shares all its facts.
    assert shared_facts(seeds()) == []
    name, text = seeds()[0]
    again = shared_facts([(name, text), ("copie", text)], quotes=False)
    assert {f.value for f in again} >= {"13000000000 USD", "49 %", "2019"}
