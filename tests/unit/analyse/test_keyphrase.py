"""Keyphrase matching with French word forms and keyphrase suggestion (plume.analyse.keyphrase)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from plume.analyse.keyphrase import KeyphraseMatcher, suggest_keyphrases, transliterate
from plume.analyse.researches import Research
from plume.document import Block, BlockKind, Document, Meta, Source

SEEDS = Path(__file__).resolve().parents[3] / "../shared/seeds"


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


# -- suggestion -------------------------------------------------------------------------------


def _seed(prefix: str) -> str:
    (path,) = SEEDS.glob(prefix + "*.txt")
    return path.read_text(encoding="utf-8")


def _doc(text: str, title: str | None = None) -> Document:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if lines and lines[0].startswith("Make this article"):  # seed 000's English brief
        lines = lines[1:]
    blocks = tuple(Block(BlockKind.PARAGRAPH, line) for line in lines)
    return Document(blocks, Source("seed", "txt"), meta=Meta(title=title))


def test_suggestions_on_a_seed() -> None:
    got = suggest_keyphrases(Research(_doc(_seed("003_"))), 5)
    phrases = [s.phrase for s in got]
    assert phrases[:2] == ["OpenAI", "Microsoft"]
    assert "Sam Altman" in phrases
    assert any(p.replace("'", "’") == "conseil d’administration" for p in phrases)
    sam = next(s for s in got if s.phrase == "Sam Altman")
    assert sam.lemma == "sam altman" and sam.count >= 10
    assert all(a.score >= b.score for a, b in itertools.pairwise(got))


def test_suggestions_on_all_seeds() -> None:
    text = "\n".join(_seed(p) for p in ("000_", "001_", "002_", "003_", "004_"))
    phrases = [s.phrase.replace("'", "’") for s in suggest_keyphrases(Research(_doc(text)), 8)]
    for expected in ("OpenAI", "Microsoft", "conseil d’administration"):
        assert expected in phrases[:6], phrases
    assert "Sam Altman" in phrases or "Altman" in phrases, phrases


def test_suggestions_weigh_titles_and_skip_function_words() -> None:
    text = "Le vélo électrique séduit.\nLes villes aiment le vélo électrique.\nUn chat dort."
    plain = suggest_keyphrases(Research(_doc(text)), 3)
    assert plain[0].phrase == "vélo électrique" and plain[0].count == 2
    titled = suggest_keyphrases(Research(_doc(text, title="Un chat, un chat, un chat")), 3)
    assert titled[0].phrase == "chat"
    for s in plain + titled:
        first, last = s.phrase.split()[0], s.phrase.split()[-1]
        assert first not in {"le", "les", "un", "de"} and last not in {"le", "les", "un", "de"}


# --- the suggestion plume adopts, and the synonyms the text establishes -------------------------


def test_adopted_suggestion_is_the_best_one_the_lead_uses() -> None:
    from plume.analyse.keyphrase import adopt_suggestion
    from plume.report import KeyphraseSuggestion as S

    a = S(phrase="IA", lemma="ia", count=17, score=17.0, in_intro=False)
    b = S(phrase="Microsoft", lemma="microsoft", count=14, score=14.5, in_intro=True)
    assert adopt_suggestion([a, b]) == b
    weak = S(phrase="économique mondial", lemma="x", count=3, score=5.6, in_intro=True)
    top = S(phrase="Tunisie", lemma="tunisie", count=8, score=10.0, in_intro=False)
    assert adopt_suggestion([top, weak]) == top  # 56 % of the top: not a close second
    assert adopt_suggestion([a]) == a
    assert adopt_suggestion([]) is None


def test_seed_000_keyphrase_is_in_its_lead(seeds: list[Path]) -> None:
    from plume.pipeline import analyse

    report = analyse(seeds[0])
    assert report.keyphrase == "Microsoft"  # "IA" ranks first but the lead never says it
    assert report.suggestions[0].phrase == "IA" and not report.suggestions[0].in_intro
    assert next(c for c in report.checks if c.code == "SEO-KP-INTRO").rating.value == "good"


def test_synonyms_only_from_definitions_and_short_names() -> None:
    from plume.analyse.keyphrase import suggest_synonyms

    text = (
        "Les vélos à assistance électrique (VAE) séduisent. Sam Altman revient ; Altman a gagné. "
        "Selon Altman, l’implosion apparente est finie."
    )
    assert suggest_synonyms(text, "VAE") == ["vélos à assistance électrique"]
    assert suggest_synonyms(text, "vélos à assistance électrique") == ["VAE"]
    assert suggest_synonyms(text, "Sam Altman") == ["Altman"]
    # Initials that merely match ("implosion apparente" for IA) are not a definition.
    assert suggest_synonyms(text, "IA") == []
    assert suggest_synonyms("Le PDG (président-directeur général) parle.", "PDG") == []
    assert suggest_synonyms(text, "vélo") == []
