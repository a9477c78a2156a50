from __future__ import annotations

from plume.grammar import (
    ErrorKind,
    GrammarError,
    GrammarResult,
    apply_corrections,
    check_grammar,
    plan_corrections,
    spelling_choice,
)
from plume.settings import GrammarSettings


def test_accents_only() -> None:
    assert spelling_choice("déja", ("déjà", "déjà-vu", "déjante", "déjanta")) == "déjà"
    assert spelling_choice("oeil", ("œil", "oaï", "œils")) == "œil"
    # A French word more frequent than its accented suggestion is not "corrected".
    assert spelling_choice("real", ("réal", "ria")) is None


def test_one_closest_suggestion() -> None:
    sugg = ("développement", "développements", "développèrent")
    assert spelling_choice("dévellopement", sugg) == "développement"
    assert spelling_choice("consitutionnel", ("constitutionnel", "constitutionnels")) == (
        "constitutionnel"
    )


def test_no_choice_when_it_is_the_editors() -> None:
    # Two suggestions as close: the choice is the editor's.
    assert spelling_choice("chiens", ("chien", "chient")) is None
    # A word French uses (a loanword) is not turned into a rarer one.
    assert spelling_choice("chatbot", ("Chabaud", "chabots", "chabot")) is None
    assert spelling_choice("chaebols", ("chabrols", "chabrol")) is None
    # An English word left in a translation is the editor's to translate ("des earbuds" once
    # became "des barbus"); an English misspelling of a French word is still a typo.
    assert spelling_choice("earbuds", ("barbus", "barbu")) is None
    assert spelling_choice("developement", ("développement",)) == "développement"
    # Too far, too short, a capital, or no suggestion.
    assert spelling_choice("xyzzyq", ("azur",)) is None
    assert spelling_choice("tv", ("TV",)) is None
    assert spelling_choice("covid", ("Covid",)) is None
    assert spelling_choice("clorpyrifos", ()) is None
    # A token with a digit is a code or a reference, not a slip (found by the idempotence
    # property: "at00" became "atm", and the quotes before it then changed on a second pass).
    assert spelling_choice("at00", ("atm", "ato")) is None
    assert spelling_choice("covid19", ("covid",)) is None


def _error(text: str, word: str, group: str, suggestions: tuple[str, ...]) -> GrammarError:
    start = text.index(word)
    return GrammarError(
        ErrorKind.GRAMMAR, start, start + len(word), word, "r", group, "m", suggestions
    )


def test_grammar_suggestions_only_when_alone_in_their_sentence() -> None:
    text = "D’un coté, la ville. Il est question de sécurité exprimées par tous."
    found = GrammarResult(
        errors=(
            _error(text, "coté", "conf", ("côté",)),
            _error(text, "sécurité", "gn", ("sécurités",)),
            _error(text, "exprimées", "gn", ("exprimée",)),
        )
    )
    corrections = plan_corrections(text, found)
    assert [(c.rule, c.before, c.after) for c in corrections] == [("COR-GRAMMAR", "coté", "côté")]


def test_a_capital_or_a_mood_is_not_applied() -> None:
    text = "Le chef de l’Etat parle."
    found = GrammarResult(errors=(_error(text, "Etat", "maj", ("État",)),))
    assert plan_corrections(text, found) == []


def test_the_real_checker_and_plumes_rules_together(grammar_settings: GrammarSettings) -> None:
    text = (
        "Enfant déja, il rêvait du dévellopement de la ville.\n\n"
        "Le club dit il était prêt. La mairie a également a voté le budget.\n\n"
        "Le maire a du renoncer à son chatbot."
    )
    corrections = plan_corrections(text, check_grammar(text, grammar_settings))
    assert [c.rule for c in corrections] == [
        "COR-SPELLING",
        "COR-SPELLING",
        "COR-DECLARATIVE-QUE",
        "COR-DOUBLED-AUX",
        "COR-GRAMMAR",
    ]
    assert apply_corrections(text, corrections) == (
        "Enfant déjà, il rêvait du développement de la ville.\n\n"
        "Le club dit qu’il était prêt. La mairie a également voté le budget.\n\n"
        "Le maire a dû renoncer à son chatbot."
    )
    straight = plan_corrections("Le club dit il était prêt.", GrammarResult(), apostrophe="'")
    assert straight[0].after == "qu'"


def test_agreement_and_hedged_suggestions_are_not_applied(
    grammar_settings: GrammarSettings,
) -> None:
    """Read blind on unseen articles, every agreement the checker "corrected" was wrong: the noun
    an adjective or participle agrees with is an attachment it guesses; and "Si … est bien le
    COD" says it is not sure."""
    text = (
        "Mathieu Ferrand, docteur en télédétection passé par le CNES, a fondé la société.\n\n"
        "Prenez une pâte brisée maison ou une pâte pur beurre du commerce.\n\n"
        "Les facteurs que les modèles statistiques ont cherché à neutraliser sont nombreux.\n\n"
        "C’est le dernier match de l’année civile."
    )
    found = check_grammar(text, grammar_settings)
    assert any(e.group in ("gn", "ppas") for e in found.errors)  # the checker does flag them
    assert plan_corrections(text, found) == []
