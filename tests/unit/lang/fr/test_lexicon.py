"""The French lexicon derived from Lefff 3.4 (plume.lang.fr.lexicon) and the passive-voice and
keyphrase data files that rely on it."""

from __future__ import annotations

import gzip
import unicodedata
from importlib.resources import files

import pytest

from plume.lang.fr import read_list
from plume.lang.fr.lexicon import Lexicon, load_lexicon, normalise

DATA = files("plume.lang.fr").joinpath("data")


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return load_lexicon()


@pytest.mark.parametrize(
    ("word", "lemma", "pos"),
    [
        ("abandonnées", "abandonné", {"ADJ", "NOUN", "VERB"}),
        ("dirigeants", "dirigeant", {"ADJ", "NOUN"}),
        ("est", "être", {"AUX", "VERB", "NOUN", "ADJ"}),
        ("a", "avoir", {"AUX", "VERB"}),
        ("chevaux", "cheval", {"NOUN"}),
        ("travaux", "travail", {"NOUN"}),
        ("Paris", "paris", {"PROPN", "NOUN"}),  # capitalised: the proper noun first
        ("L’", "le", {"DET", "PRON"}),
        ("aujourd'hui", "aujourd'hui", {"ADV"}),
    ],
)
def test_lemma_and_pos(lex: Lexicon, word: str, lemma: str, pos: set[str]) -> None:
    assert lex.lemma(word) == lemma
    assert lex.pos(word) == pos
    assert not lex.entry(word).guessed


def test_lemmas_lists_every_reading(lex: Lexicon) -> None:
    assert lex.lemmas("est") == {"être", "est"}
    assert lex.lemmas("paris") == {"pari", "paris"}
    assert lex.lemmas("licencié") == {"licencier", "licencié"}
    assert "licencier" not in lex.lemmas("licenciement")


@pytest.mark.parametrize(
    ("word", "infinitive", "features"),
    [
        ("abandonnées", "abandonner", "fp"),
        ("allé", "aller", "ms"),
        ("prises", "prendre", "fp"),
        ("connues", "connaître", "fp"),  # an adjectival participle in Lefff: still a participle
        ("été", "être", ""),
        ("mis", "mettre", "m"),  # same form in the singular and the plural: number unmarked
    ],
)
def test_past_participles(lex: Lexicon, word: str, infinitive: str, features: str) -> None:
    assert lex.is_past_participle(word)
    assert lex.participle_infinitive(word) == infinitive
    assert lex.participles(word)[0].features == features


@pytest.mark.parametrize("word", ["grand", "censé", "âgé", "café", "société", "dirigeant", "été"])
def test_not_past_participles(lex: Lexicon, word: str) -> None:
    # "été" is one (of être); the others are adjectives or nouns ending like participles.
    assert lex.is_past_participle(word) == (word == "été")


def test_apostrophes_and_case_are_folded(lex: Lexicon) -> None:
    assert normalise("Aujourd’hui") == normalise("aujourdʼhui") == "aujourd'hui"
    assert lex.entry("AUJOURD’HUI") is lex.entry("aujourd'hui")
    assert lex.lemmas("D’") == lex.lemmas("d'") == {"un", "de"}


def test_unknown_words_are_guessed_and_flagged(lex: Lexicon) -> None:
    openai = lex.entry("OpenAI")
    assert openai.guessed and openai.pos == {"PROPN"} and lex.lemma("OpenAI") == "openai"
    chatbots = lex.entry("chatbots")
    assert chatbots.guessed and lex.lemma("chatbots") == "chatbot"
    # Inflection of a known word missing from Lefff: the known stem's readings.
    assert lex.entry("ubérisées").guessed and lex.lemma("ubérisées") == "ubérisée"
    assert not lex.known("zorglubs") and lex.known("maison")
    assert lex.participle_infinitive("OpenAI") is None


def test_every_form_of_the_data_file_is_found() -> None:
    raw = gzip.decompress(DATA.joinpath("lexicon.tsv.gz").read_bytes()).decode("utf-8")
    lines = [line for line in raw.splitlines() if not line.startswith("#")]
    assert len(lines) > 400_000
    assert lines == sorted(lines), "binary search needs the lines sorted by code point"
    fresh = Lexicon.from_package()
    sample = lines[:: len(lines) // 3000] + lines[-5:]
    missing = [line for line in sample if fresh.entry(line.split("\t")[0]).guessed]
    assert missing == []


def test_size_and_cached_load() -> None:
    assert DATA.joinpath("lexicon.tsv.gz").read_bytes().__len__() < 4_000_000
    assert load_lexicon() is load_lexicon()


def test_licence_and_provenance_are_shipped() -> None:
    notice = DATA.joinpath("LEFFF-LICENSE.txt").read_text(encoding="utf-8")
    assert "Lesser General Public License for Linguistic Resources" in notice
    assert "scripts/build_lexicon.py" in notice and "Lefff" in notice
    header = gzip.decompress(DATA.joinpath("lexicon.tsv.gz").read_bytes())[:400].decode()
    assert "derived from Lefff 3.4" in header and "LGPL-LR" in header


# -- the data files of the passive detector and of keyphrase suggestion ----------------------

VERB_LISTS = [
    "etre_verbs.txt",
    "passive_exceptions.txt",
]
ALL_LISTS = [*VERB_LISTS, "passive_gap_phrases.txt", "lexicon_generic_nouns.txt"]


@pytest.mark.parametrize("name", ALL_LISTS)
def test_data_file_conventions(name: str) -> None:
    entries = read_list(name)
    assert entries, name
    assert len(entries) == len(set(entries)), f"duplicates in {name}"
    for e in entries:
        assert e == unicodedata.normalize("NFC", e) and e == e.strip() and e == e.lower(), e
        assert "'" not in e, f"{name}: apostrophes are written ’ ({e!r})"


@pytest.mark.parametrize("name", VERB_LISTS)
def test_verb_lists_hold_infinitives_known_to_lefff(lex: Lexicon, name: str) -> None:
    bad = [v for v in read_list(name) if not any(a.is_infinitive for a in lex.entry(v).analyses)]
    assert bad == []


def test_generic_nouns_are_nouns(lex: Lexicon) -> None:
    bad = [w for w in read_list("lexicon_generic_nouns.txt") if "NOUN" not in lex.pos(w)]
    assert bad == []


def test_passive_exceptions_do_not_overlap_the_etre_verbs() -> None:
    assert not set(read_list("etre_verbs.txt")) & set(read_list("passive_exceptions.txt"))


def test_a_guess_follows_the_capital_whatever_was_asked_first() -> None:
    """An unknown word first met in lower case was then guessed a noun with its capital too
    ("Delaplace cherche Wissa…" lost its subject, and a split, after another test had run)."""
    from plume.lang.fr.lexicon import load_lexicon

    lex = load_lexicon()
    word = "Zorglubien"
    assert lex.entry(word.lower()).pos != lex.entry(word).pos
    assert lex.entry(word).pos == {"PROPN"}
