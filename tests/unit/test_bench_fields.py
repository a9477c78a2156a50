"""The judgements of ``bench/fields.py`` (issue 16's measure), on French examples of our own."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

_PATH = Path(__file__).resolve().parents[2] / "bench" / "field_checks.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_field_checks", _PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


fc = _load()


@pytest.mark.parametrize(
    ("meta", "whole"),
    [
        (
            "Le conseil municipal a voté la fermeture de la piscine après trois ans de travaux.",
            True,
        ),
        ("Faut-il fermer la piscine ?", True),
        ("« Nous n’avons pas le choix », a expliqué la maire. « La piscine fermera. »", True),
        ("Le conseil municipal a voté la fermeture de la piscine après…", False),
        ("Le conseil municipal a voté la fermeture de la piscine après...", False),
        ("Le conseil municipal a voté la fermeture de la piscine", False),
        ("La maire a dit « non. »…", False),
        ("", False),
    ],
)
def test_meta_whole_or_cut(meta: str, whole: bool) -> None:
    assert fc.meta_is_whole(meta) is whole


@pytest.mark.parametrize(
    ("title", "label"),
    [
        ("Renault et la voiture électrique", True),
        ("L’Europe et OpenAI", True),  # the small model tags "OpenAI" NUM
        ("Google et ChatGPT", True),  # and "ChatGPT" VERB
        ("Le soleil levant et les bateaux de pêche", True),  # a present participle, no verb
        ("Le maire réélu et sa liste l’emportent", False),  # "emportent" tagged NOUN
        ("Le maire et son équipe gagnent", False),  # "gagnent" tagged ADV
        ("La pêche et Marie St Pierre", True),  # "St" is a name, not Lefff's verb "st"
        ("Crise du lait : les éleveurs et la grande distribution", True),
        ("Renault rappelle 300 000 voitures et suspend ses ventes en Europe", False),
        ("Les éleveurs bloquent les routes et réclament de meilleurs prix", False),
        ("Pourquoi le prix du lait baisse", False),
        ("Crise du lait : les éleveurs, grands perdants de la guerre des prix", False),
    ],
)
def test_et_label(title: str, label: bool) -> None:
    assert fc.is_et_label(title, fc.spacy_tagger()) is label


@pytest.mark.parametrize(
    ("keyphrase", "generic"),
    [
        ("retraite", True),
        ("information", True),
        ("Airbus", False),  # a name Lefff lacks
        ("Paris", False),  # a proper noun in Lefff
        ("réforme des retraites", False),
        ("prix du lait", False),
    ],
)
def test_generic_keyphrase(keyphrase: str, generic: bool) -> None:
    assert fc.is_generic_keyphrase(keyphrase) is generic


def test_keyphrase_words_counts_elisions() -> None:
    assert fc.keyphrase_words("l’éleveur laitier") == ["l’", "éleveur", "laitier"]


def test_created_headings_allow_case_and_cut() -> None:
    source = [
        "LE RETOUR DU LOUP DANS LES ALPES",
        "Les éleveurs face aux attaques répétées de la meute pendant l’été",
    ]
    headings = [
        "Le retour du loup dans les Alpes",
        "Les éleveurs face aux attaques répétées",  # plume's cut at a word boundary
        "Les éleveurs et le loup",
        "Le retour",  # shorter but not plume's cut of a heading: still a prefix, so taken as the author's
    ]
    assert fc.created_headings(headings, source) == [False, False, True, False]


def test_duplicate_headings_ignore_case_and_punctuation() -> None:
    headings = ["Le loup et les bergers", "Les brebis", "Le loup et les bergers !", "LES BREBIS"]
    assert fc.duplicate_headings(headings) == ["Le loup et les bergers !", "LES BREBIS"]


@pytest.mark.parametrize(
    ("article_id", "group"),
    [("06-dalloz", "heldout"), ("15-mesopinions", "heldout"), ("seed-000", "dev"), ("16-x", "dev")],
)
def test_groups(article_id: str, group: str) -> None:
    assert fc.group_of(article_id) == group


def test_ranges_are_inclusive() -> None:
    assert fc.in_range(400.0, fc.SEO_TITLE_PX) and fc.in_range(600.0, fc.SEO_TITLE_PX)
    assert not fc.in_range(119, fc.META_CHARS) and fc.in_range(156, fc.META_CHARS)
