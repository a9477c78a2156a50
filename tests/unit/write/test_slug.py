"""Slugs: keyphrase first, accents transliterated, elisions and function words dropped, ≤ 75."""

from __future__ import annotations

import re

import pytest

from plume.analyse.keyphrase import KeyphraseMatcher
from plume.write.slug import MAX_SLUG_CHARS, make_slug


def test_accents_and_ligatures_are_transliterated() -> None:
    assert make_slug("Œuvre à Noël, ça déçoit") == "oeuvre-noel-decoit"


def test_an_elided_form_is_not_taken_for_a_function_word() -> None:
    """In "quelqu’un" the "quelqu" stays: only the listed elisions ("l’") go."""
    assert make_slug("Quelqu’un a vu l’œuvre") == "quelqu-vu-oeuvre"


@pytest.mark.parametrize(
    ("title", "keyphrase", "slug"),
    [
        (
            "Le vélo en ville, une révolution tranquille",
            "vélo en ville",
            "velo-ville-revolution-tranquille",
        ),
        (
            "Consolidation de l’IA générative",
            "conseil d’administration",
            "conseil-administration-consolidation-ia-generative",
        ),
        ("L’Épisode 3 : OpenAI", None, "episode-3-openai"),
        ("Et après ?", None, "et-apres"),
    ],
)
def test_make_slug(title: str, keyphrase: str | None, slug: str) -> None:
    assert make_slug(title, keyphrase) == slug


def test_long_titles_are_cut_on_a_word_and_stay_valid() -> None:
    title = "L’Épisode 3 de la Télénovela de l’IA : Sam Altman retourne à la maison chez OpenAI mais avec Microsoft, encore une fois, et pour longtemps"
    slug = make_slug(title, "OpenAI")
    assert len(slug) <= MAX_SLUG_CHARS
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug)
    assert slug.startswith("openai-")


def test_the_slug_satisfies_the_slug_check() -> None:
    for kp in ["conseil d’administration", "vélo en ville", "dirigeants d’OpenAI"]:
        assert KeyphraseMatcher(kp).slug_match(make_slug("Un titre quelconque", kp)), kp


def test_a_slug_keeps_the_negation() -> None:
    # Read blind: "…-informations-verifiees" said the opposite of "informations non vérifiées".
    slug = make_slug("Un terrain fertile pour les informations non vérifiées", "infox")
    assert "informations-non-verifiees" in slug
    assert "sans-filtre" in make_slug("Une réforme sans filtre")


def test_ne_plus_keeps_its_plus() -> None:
    """Read blind: "…n’existe déjà plus" gave "…-existe", the quotation's opposite."""
    title = "Léa Fournier : « La montagne que j’ai connue enfant n’existe déjà plus »"
    assert make_slug(title, "Léa Fournier").endswith("existe-plus")
    assert make_slug("Il y a plus de vélos en ville", "vélos") == "velos-ville"
