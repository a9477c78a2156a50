"""Fact check of the verify stage: numbers, dates, names and quotations must come from a source.

The seeds (``/work/main/../shared/seeds``) are read, never copied: the key property is that an
output identical to its source has no violation, on every seed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from plume.verify.facts import FactCheck, FactKind, check_facts, extract_facts
from tests.conftest import SEEDS

SOURCE = (
    "OpenAI a reçu plus de 13 milliards de dollars d’investissement depuis 2019 de la part de "
    "Microsoft, qui aurait acquis une participation de 49 % dans la société. Parmi eux figurent "
    "deux membres de la Silicon Valley et Larry Summers. Sam Altman a été licencié le vendredi "
    "17 novembre 2023. Les nouveaux membres semblent alignés sur le mantra « Avancez vite, "
    "cassez les choses ». L'entreprise a levé 1,3 milliard d'euros."
)


def violations(check: FactCheck) -> list[tuple[FactKind, str]]:
    return [(v.fact.kind, v.fact.text) for v in check.violations]


def test_the_seeds_are_there() -> None:
    assert len(SEEDS) == 5


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_an_output_identical_to_its_source_has_no_violation(seed: Path) -> None:
    text = seed.read_text(encoding="utf-8")
    check = check_facts(text, text)
    assert violations(check) == []
    kinds = {f.kind for f in check.facts}
    assert FactKind.ENTITY in kinds and FactKind.NUMBER in kinds | {FactKind.DATE}
    assert all(f.supported and f.found is not None for f in check.facts)


def test_invented_year_percentage_name_and_quotation_are_exactly_the_violations() -> None:
    source = SEEDS[3].read_text(encoding="utf-8")  # mentions neither 2019, 37, nor Elon Musk
    output = (
        source + "\nSelon nos informations, Elon Musk aurait pris en 2019 une part de 37 % du "
        "capital et aurait déclaré : « une citation inventée »."
    )
    check = check_facts(output, source)
    assert sorted(violations(check)) == sorted(
        [
            (FactKind.ENTITY, "Elon Musk"),
            (FactKind.DATE, "2019"),
            (FactKind.NUMBER, "37 %"),
            (FactKind.QUOTE, "une citation inventée"),
        ]
    )
    quote = next(v for v in check.violations if v.fact.kind is FactKind.QUOTE)
    assert "citation" in quote.reason("fr") and "quotation" in quote.reason("en")
    span = quote.fact.span
    assert output[span.start : span.end] == "une citation inventée"


def test_a_paraphrase_keeping_the_facts_is_supported() -> None:
    output = (
        "Depuis 2019, Microsoft a investi plus de 13 000 millions de dollars dans OpenAI et "
        "détiendrait 49 pour cent de l’entreprise. Le conseil compte 2 membres venus de la "
        "Silicon Valley, ainsi que l’ancien secrétaire Summers. En novembre 2023, le PDG "
        "d’OpenAI, Altman, a été écarté un vendredi : c’était le 17 novembre."
    )
    check = check_facts(output, SOURCE)
    assert violations(check) == []
    assert len(check.facts) >= 10


def test_number_forms_match() -> None:
    for form in (
        "1,3 milliard d’euros",
        "1.3 milliard €",
        "1 300 millions d’euros",
        "1\u202f300 millions",
    ):
        assert check_facts(f"Elle a levé {form}.", SOURCE, entities=False).ok, form
    wrong = check_facts("Elle a levé 1,4 milliard d’euros.", SOURCE, entities=False)
    assert violations(wrong) == [(FactKind.NUMBER, "1,4 milliard d’euros")]


def test_a_unit_must_match_but_a_bare_number_need_not() -> None:
    assert check_facts("Une part de 49 €.", SOURCE, entities=False).ok is False
    assert check_facts("Une part de 13 milliards.", SOURCE, entities=False).ok
    assert check_facts("Une part de 49.", SOURCE, entities=False).ok
    assert check_facts("Une part de 49 %.", SOURCE, entities=False).ok


def test_ordinals_and_spelled_numbers() -> None:
    source = "C’est la troisième saison ; 3 membres ont démissionné."
    assert check_facts("La 3e saison : trois membres sont partis.", source, entities=False).ok
    check = check_facts("La 4e saison : quatre membres sont partis.", source, entities=False)
    assert violations(check) == [(FactKind.NUMBER, "4e"), (FactKind.NUMBER, "quatre")]
    # A spelled number not followed by a noun is no fact ("les deux", "deux et trois").
    assert extract_facts("Les deux sont partis, et deux et trois font cinq.", entities=False) == []
    # Digits glued to a name belong to the name.
    assert extract_facts("GPT-4 et Web3 progressent.", entities=False) == []


def test_dates() -> None:
    ok = ["en novembre 2023", "le 17 novembre", "vendredi", "vendredi matin", "en 2023"]
    for text in ok:
        assert check_facts(f"Il est parti {text}.", SOURCE, entities=False).ok, text
    check = check_facts(
        "Il est parti le 18 novembre 2023, un lundi, en 2021.", SOURCE, entities=False
    )
    assert violations(check) == [
        (FactKind.DATE, "18 novembre 2023"),
        (FactKind.DATE, "lundi"),
        (FactKind.DATE, "2021"),
    ]
    for text in ("le 17 novembre 2023", "le 17/11/2023", "le 2023-11-17"):
        facts = extract_facts(text, entities=False)
        assert [f.value for f in facts] == ["2023-11-17"], text
    assert check_facts("Le 17/11/2023.", SOURCE, entities=False).ok
    assert violations(check_facts("Le 16/11/2023.", SOURCE, entities=False)) == [
        (FactKind.DATE, "16/11/2023")
    ]


def test_entities_are_elision_case_and_accent_insensitive() -> None:
    source = "Le conseil d'administration d’OpenAI a licencié Sam Altman. Emmanuel Macron s’étonne."
    output = "Le départ d’Altman ébranle l’équipe d'Openai ; Open AI et Emmanuel MACRON se taisent."
    check = check_facts(output, source)
    assert violations(check) == []
    assert {f.value for f in check.facts if f.kind is FactKind.ENTITY} >= {"altman", "openai"}
    found = next(f for f in check.facts if f.value == "altman").found
    assert found is not None and source[found.span.start : found.span.end] == "Altman"


def test_sentence_initial_words_and_titles_are_not_names() -> None:
    facts = extract_facts("Vendredi, le PDG est parti. Sinon, Les actions montent. Introduction")
    assert [f for f in facts if f.kind is FactKind.ENTITY] == []


def test_quotations_match_modulo_typography() -> None:
    output = "Ils répètent «\u202fAvancez vite, cassez les choses\u00a0» et “L’entreprise a levé”."
    check = check_facts(output, SOURCE, entities=False)
    assert violations(check) == []
    altered = check_facts("Ils répètent « Avancez vite, cassez tout ».", SOURCE, entities=False)
    assert violations(altered) == [(FactKind.QUOTE, "Avancez vite, cassez tout")]


def test_several_sources_and_where_found() -> None:
    check = check_facts("En 2019, 49 % et 2023.", ["Rien ici.", "Depuis 2019 : 49 %.", "En 2023."])
    assert check.ok
    assert [f.found.source for f in check.facts if f.found] == [1, 1, 2]


def test_without_sources_every_fact_is_a_violation() -> None:
    assert check_facts("", []) == FactCheck()
    check = check_facts("En 2019, 3,5 Md€ et « rien ».", [], entities=False)
    assert [v.fact.value for v in check.violations] == ["2019", "3500000000 EUR", "rien"]
    assert check.violations[0].reason("en") == "The date “2019” appears in no source."
    assert check_facts("Il a levé 3,5 Md€.", "3 500 millions d’euros", entities=False).ok


# --- Quotations read as a French editor reads them (issue 19, point 6) ----------------------

DEBATE = (
    "Au conseil municipal, l’opposante a lancé : « À qui profite le crime ? » Le maire a "
    "répondu : « Openai n’a jamais demandé la moindre subvention, ni à la ville ni à "
    "l’État. »\n"
    "Le lendemain, il a promis : « Nous irons jusqu’au bout. »\n"
    "A Grenoble, un élu a dit : « A mon avis, c’est une erreur. »"
)


@pytest.mark.parametrize(
    "output",
    [
        # Embedded in a sentence: lower-case initial, final question mark dropped.
        "Elle se demande « à qui profite le crime » depuis des mois.",
        # Quoted whole, as the source has it, or with straight quotation marks.
        "Elle a demandé : « À qui profite le crime ? »",
        'Elle a demandé : "À qui profite le crime ?"',
        "Elle a demandé : “À qui profite le crime ?”",
        # Case of a name inside: "OpenAI" for the source's "Openai".
        "Selon le maire, « OpenAI n’a jamais demandé la moindre subvention ».",
        # Straight apostrophes, narrow no-break spaces, a no-break space before the colon.
        "Il jure n'avoir «\u202fjamais demandé la moindre subvention, ni à la ville ni à "
        "l'État\u202f».",
        # A space after the elision ("l’ État"), as some editors' tools leave it.
        "Il cite « ni à la ville ni à l’ État ».",
        # The final point of a quoted sentence dropped, and an ellipsis added at its end.
        "Il promet « nous irons jusqu’au bout » et « nous irons… »",
        # A cut marked "[…]", both pieces in the same paragraph of the source.
        "Selon lui, OpenAI n’a « jamais demandé […] ni à la ville ni à l’État ».",
        # An unaccented capital in the source ("A mon avis") quoted with its accent.
        "L’élu le dit : « à mon avis, c’est une erreur ».",
        # And the other way round: "A qui" for the source's "À qui".
        "« A qui profite le crime ? », demande-t-elle.",
    ],
)
def test_a_quotation_differing_only_in_typography_is_verbatim(output: str) -> None:
    check = check_facts(output, DEBATE, entities=False)
    quotes = [f for f in check.facts if f.kind is FactKind.QUOTE]
    assert quotes and violations(check) == [], output
    assert all(f.found is not None and f.found.source == 0 for f in quotes)


@pytest.mark.parametrize(
    ("output", "quote"),
    [
        # A changed word.
        ("Elle se demande « à qui profite ce crime ».", "à qui profite ce crime"),
        # An added word.
        ("Elle se demande « à qui profite donc le crime ».", "à qui profite donc le crime"),
        # A dropped word inside the quotation.
        ("Il n’a « jamais demandé de subvention ».", "jamais demandé de subvention"),
        # An accent changes the word: "a" is not "à", even in lower case.
        ("Il n’a rien demandé, « ni a la ville ».", "ni a la ville"),
        # Cut inside a word.
        ("Elle se demande « à qui profite le cri ».", "à qui profite le cri"),
        # A changed comma is a changed quotation: only its edges are free.
        (
            "Il jure : « jamais demandé la moindre subvention ni à la ville ».",
            "jamais demandé la moindre subvention ni à la ville",
        ),
        # The pieces of a cut quotation must be in one paragraph of one source.
        (
            "Il a dit « jamais demandé […] nous irons jusqu’au bout ».",
            "jamais demandé […] nous irons jusqu’au bout",
        ),
        # ... and in the source's order.
        ("Il a dit « ni à la ville […] jamais demandé ».", "ni à la ville […] jamais demandé"),
    ],
)
def test_a_changed_added_or_dropped_word_is_still_not_verbatim(output: str, quote: str) -> None:
    check = check_facts(output, DEBATE, entities=False)
    assert violations(check) == [(FactKind.QUOTE, quote)]


def test_where_an_embedded_quotation_was_found() -> None:
    output = "Elle se demande « à qui profite le crime » depuis des mois."
    (fact,) = check_facts(output, DEBATE, entities=False).facts
    assert fact.found is not None
    span = fact.found.span
    assert DEBATE[span.start : span.end] == fact.found.text == "À qui profite le crime"
