"""Fact check with a source in English: a French translation's figures and dates are supported
by their English form (``12,000`` = ``12 000``, ``billion`` = ``milliard``, ``March 3, 2025`` =
``3 mars 2025``), and what the English says differently is not (``12,000`` is not twelve)."""

from __future__ import annotations

import pytest

from plume.verify.facts import FactKind, check_facts, extract_facts, reading_of

#: Long enough for lingua to tell the language (the English reading needs it).
EN = (
    "The company said this week that its results were strong and that it would keep "
    "investing in the years to come. {fact} Analysts had expected a weaker quarter."
)
FR = "L’entreprise a annoncé ses résultats, jugés solides par les analystes : {fact}."


def _supported(english_fact: str, french_fact: str) -> bool:
    """Whether the fact in ``french_fact`` (its first word or number when the rest is a noun)
    is supported by ``english_fact``."""
    check = check_facts(FR.format(fact=french_fact), EN.format(fact=english_fact), entities=False)
    facts = [f for f in check.facts if french_fact.startswith(f.text)]
    assert facts, [f.text for f in check.facts]
    return all(f.supported for f in facts)


@pytest.mark.parametrize(
    ("english", "french"),
    [
        ("It has 12,000 employees.", "12 000"),
        ("It runs 1,250 turbines.", "1 250"),
        ("It will supply 2.5 million homes.", "2,5 millions"),
        ("It will invest $40 billion.", "40 milliards de dollars"),
        ("It will invest 40 billion dollars.", "40 milliards de dollars"),
        ("It spent €3.2 billion last year.", "3,2 milliards d’euros"),
        ("It paid £1.5 billion for the deal.", "1,5 milliard de livres sterling"),
        ("The debt reached $1.2 trillion.", "1 200 milliards de dollars"),
        ("Sales rose to 7 bn euros.", "7 milliards d’euros"),
        ("Shares rose 4.5% in early trading.", "4,5 %"),
        ("Shares rose 4.5 percent in early trading.", "4,5 %"),
        ("It came 3rd in the ranking.", "3e"),
        ("It hired twelve engineers.", "douze ingénieurs"),
        ("The deal was signed on March 3, 2025, in the morning.", "3 mars 2025"),
        ("The deal was signed on 3 March 2025 in the morning.", "3 mars 2025"),
        ("The board approved it on Feb. 14 after long talks.", "14 février"),
        ("Its order book doubled in October 2024 as expected.", "octobre 2024"),
        ("Orders picked up in September as expected.", "septembre"),
        ("The shares fell on Monday as expected.", "lundi"),
        ("The report is dated 2025-03-03 as expected.", "3 mars 2025"),
    ],
)
def test_a_translated_fact_is_supported_by_its_english_form(english: str, french: str) -> None:
    assert _supported(english, french)


@pytest.mark.parametrize(
    ("english", "french"),
    [
        # English thousands: "12,000" is not twelve, "1,250" not one and a quarter.
        ("It has 12,000 employees.", "12 employés"),
        ("It runs 1,250 turbines.", "1,25 éolienne"),
        # An English billion is a French milliard, not a French billion or a million.
        ("It will invest $40 billion.", "40 millions de dollars"),
        ("It will supply 2.5 million homes.", "2,5 milliards"),
        # The unit and the date must agree too.
        ("It will invest $40 billion.", "40 milliards d’euros"),
        ("The deal was signed on March 3, 2025, in the morning.", "4 mars 2025"),
        ("The deal was signed on March 3, 2025, in the morning.", "3 mai 2025"),
        ("The shares fell on Monday as expected.", "mardi"),
    ],
)
def test_a_mistranslated_or_invented_fact_is_not_supported(english: str, french: str) -> None:
    assert not _supported(english, french)


def test_english_reading_applies_to_english_texts_only() -> None:
    english = EN.format(fact="It raised 1,250 million euros.")
    french = (
        "La société a levé 1,250 million d’euros auprès de ses actionnaires historiques, "
        "selon le communiqué publié mardi."
    )
    assert reading_of(english) == "en" and reading_of(french) == "fr"
    # The same digits, two values: 1 250 million in English, 1,25 million in French.
    (en_value,) = [f.value for f in extract_facts(english, entities=False) if "euros" in f.text]
    (fr_value,) = [f.value for f in extract_facts(french, entities=False) if "euros" in f.text]
    assert en_value == "1250000000 EUR" and fr_value == "1250000 EUR"
    # Too short to tell, or nothing English rules would read differently: French rules.
    assert reading_of("1,250 turbines") == "fr"
    no_signal = (
        "The company said it would keep investing in new plants and in new people for many "
        "years, whatever the markets may think of it today."
    )
    assert reading_of(no_signal) == "fr"


def test_may_the_name_and_march_the_verb_are_not_dates() -> None:
    text = (
        "Theresa May said the workers may march to the city hall, and the mayor agreed "
        "to meet them in May 2024."
    )
    dates = [f.text for f in extract_facts(text, entities=False, reading="en")]
    assert dates == ["May 2024"]


def test_an_english_text_checked_against_itself_has_no_violation() -> None:
    text = EN.format(
        fact=(
            "On March 3, 2025, chief executive Maria Lopez announced a $40 billion plan: "
            "1,250 turbines, 12,000 jobs and power for 2.5 million homes by 2030; shares rose "
            "4.5% on Monday, two weeks after the board approved it on Feb. 14."
        )
    )
    check = check_facts(text, text, entities=False)
    assert check.violations == []
    kinds = {f.kind for f in check.facts}
    assert kinds == {FactKind.NUMBER, FactKind.DATE}
    values = {f.value for f in check.facts}
    assert {"40000000000 USD", "1250", "12000", "2500000", "4.5 %", "2025-03-03"} <= values
