"""Keyphrase matching with French word forms (plume.analyse.keyphrase)."""

from __future__ import annotations

import pytest

from plume.analyse.keyphrase import KeyphraseMatcher, transliterate


def found(phrase: str, text: str, synonyms: tuple[str, ...] = ()) -> list[str]:
    m = KeyphraseMatcher(phrase, synonyms)
    return [text[s.start : s.end] for s in m.find(text, synonyms=bool(synonyms))]


# -- which words match ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "text", "expected"),
    [
        ("dirigeant", "Les dirigeants sont partis.", ["dirigeants"]),
        ("dirigeants", "Le dirigeant reste.", ["dirigeant"]),
        (
            "intelligence artificielle",
            "Les intelligences artificielles progressent.",
            ["intelligences artificielles"],
        ),
        ("OpenAI", "Le PDG de l’OpenAI.", ["OpenAI"]),
        ("OpenAI", "Le PDG de l'OpenAI.", ["OpenAI"]),
        ("OpenAI", "Le retour d’OpenAI.", ["OpenAI"]),
        ("openai", "OPENAI recrute.", ["OPENAI"]),  # case-insensitive
        ("licencier", "Il a été licencié hier.", ["licencié"]),
        ("licencier", "Ils licencient cent salariés.", ["licencient"]),
        ("licencier", "Le licenciement est contesté.", []),  # another word
        ("dirigeant", "Il dirige l’entreprise.", []),  # a verb form of diriger, not the noun
        ("marché", "Il marche vite.", []),
        ("voiture électrique", "Une voiture electrique.", []),  # accents must match
        ("chatbot", "Les chatbots arrivent.", ["chatbots"]),  # unknown word: plural -s
        ("Paris", "Il a fait des paris.", ["paris"]),  # case-insensitive, like Yoast
        ("été", "Il a été élu.", ["été"]),  # homograph: unavoidable, documented
    ],
)
def test_word_forms(phrase: str, text: str, expected: list[str]) -> None:
    assert found(phrase, text) == expected


def test_content_words_drop_function_words() -> None:
    assert KeyphraseMatcher("conseil d’administration").content_words == [
        "conseil",
        "administration",
    ]
    assert KeyphraseMatcher("le PDG d'OpenAI").content_words == ["PDG", "OpenAI"]
    # Nothing but function words: no content word, but every word is looked for (Yoast).
    m = KeyphraseMatcher("avec nous")
    assert m.content_words == []
    assert m.count_in("Venez avec nous. Avec vous.") == 1


# -- what an occurrence is (yoastseo's keyphraseCount) ----------------------------------------


def test_all_content_words_in_one_sentence_in_any_order() -> None:
    m = KeyphraseMatcher("conseil d’administration")
    text = "L’administration a réuni le conseil. Le conseil a parlé. L’administration aussi."
    assert m.count_in(text) == 1
    assert [text[s.start : s.end] for s in m.find(text)] == ["administration", "conseil"]


def test_count_is_the_minimum_per_sentence() -> None:
    m = KeyphraseMatcher("voiture électrique")
    text = (
        "La voiture électrique est une voiture. Une voiture électrique, deux voitures électriques."
    )
    assert m.count_in(text) == 1 + 2
    assert m.in_text(text)
    assert not m.in_text("Une voiture rouge.")


def test_matched_words_are_merged_into_one_span_when_adjacent() -> None:
    text = "Le conseil d'administration d’OpenAI a tranché."
    assert found("conseil d’administration", text) == ["conseil d'administration"]
    # Punctuation between the words: two spans.
    assert found("Sam Altman", "Sam, Altman.") == ["Sam", "Altman"]


def test_offsets_are_shifted() -> None:
    m = KeyphraseMatcher("dirigeant")
    (span,) = m.find("Les dirigeants.", offset=100)
    assert (span.start, span.end) == (104, 114)


def test_exact_match_between_double_quotes() -> None:
    text = "La voiture électrique. L’électrique voiture. Les voitures électriques."
    assert KeyphraseMatcher('"voiture électrique"').count_in(text) == 1
    assert KeyphraseMatcher("« voiture électrique »").count_in(text) == 1
    assert KeyphraseMatcher("voiture électrique").count_in(text) == 3


def test_synonyms_do_not_count_the_same_words_twice() -> None:
    m = KeyphraseMatcher("voiture électrique", ("voiture",))
    text = "La voiture électrique est une voiture."
    assert m.count_in(text) == 1
    assert m.count_in(text, synonyms=True) == 2  # the second "voiture" only
    assert found("voiture électrique", text, ("voiture",)) == ["voiture électrique", "voiture"]
    assert not KeyphraseMatcher("trottinette", ("vélo",)).in_text("Un vélo.")
    assert KeyphraseMatcher("trottinette", ("vélo",)).in_text("Un vélo.", synonyms=True)


def test_position_in_title() -> None:
    m = KeyphraseMatcher("Sam Altman")
    assert m.position_in("Sam Altman revient chez OpenAI") == 0
    assert m.position_in("Le retour de Sam Altman") == 13
    assert m.position_in("Le retour d’OpenAI") is None
    assert KeyphraseMatcher("OpenAI").position_in("L’OpenAI de demain") == 2


# -- slugs ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "slug", "matches"),
    [
        ("voiture électrique", "voiture-electrique", True),
        ("dirigeant OpenAI", "dirigeants-openai", True),
        ("intelligence artificielle", "/2023/11/intelligences-artificielles/", True),
        ("étudiant", "etudiantes-paris", True),
        ("Dall-E", "openai-dall-e-3", True),
        ("conseil d’administration", "conseil-d-administration", True),
        ("voiture électrique", "voiture", False),
        ("licenciement", "licencie", False),
    ],
)
def test_slug_match(phrase: str, slug: str, matches: bool) -> None:
    assert KeyphraseMatcher(phrase).slug_match(slug) is matches


def test_slug_coverage_and_transliteration() -> None:
    assert KeyphraseMatcher("voiture électrique rouge").slug_coverage("voiture-rouge") == 2 / 3
    assert transliterate("Œuvre électrique d’été") == "oeuvre electrique dete"
