"""Sections cut at topic shifts (≤ 300 words each) and paragraphs cut between sentences (≤ 150)."""

from __future__ import annotations

from plume.clean import clean
from plume.ingest import read_path
from plume.settings import Settings
from plume.text import count_words
from plume.write.sections import plan_sections, split_long_paragraph
from tests.conftest import SEEDS

BIKE = (
    "Les pistes cyclables de la ville s’allongent chaque année et les cyclistes y circulent "
    "plus nombreux. Le vélo devient un moyen de transport quotidien pour aller au travail, "
    "et les parkings à vélos près des gares sont pleins dès le matin. "
)
KITCHEN = (
    "La cuisine provençale aime l’huile d’olive, l’ail et les herbes du jardin. Une bonne "
    "ratatouille demande des légumes mûrs, une poêle bien chaude et beaucoup de patience "
    "pour que chaque légume garde son goût. "
)


def test_the_cut_falls_where_the_topic_changes() -> None:
    paragraphs = [BIKE * 2] * 3 + [KITCHEN * 2] * 3  # ~6 × 80 words, two topics
    groups = plan_sections(paragraphs)
    assert [i for g in groups for i in g] == list(range(6))
    assert [0, 1, 2] in groups and [3, 4, 5] in groups


def test_short_texts_stay_one_section() -> None:
    assert plan_sections([BIKE, KITCHEN]) == [[0, 1]]
    assert plan_sections([]) == []


def test_seeds_sections_fit_and_keep_order() -> None:
    s = Settings()
    for path in SEEDS:
        doc = clean(read_path(path, s), s).document
        paras = [p for b in doc.blocks if not b.is_heading for p in split_long_paragraph(b.text)]
        groups = plan_sections(paras)
        assert [i for g in groups for i in g] == list(range(len(paras))), path.name
        for g in groups:
            size = sum(count_words(paras[i]) for i in g)
            assert size <= 300 or len(g) == 1, (path.name, size)


def test_long_paragraph_split_between_sentences() -> None:
    paragraph = (BIKE + KITCHEN) * 3  # ~250 words, 12 sentences
    pieces = split_long_paragraph(paragraph)
    assert len(pieces) == 2
    assert all(count_words(p) <= 150 for p in pieces)
    assert " ".join(pieces).split() == paragraph.split()  # same words, same order
    assert all(p.rstrip().endswith(".") for p in pieces)


def test_short_paragraph_untouched() -> None:
    assert split_long_paragraph(BIKE) == [BIKE]


def test_a_demonstrative_noun_phrase_points_back_but_not_one_of_time() -> None:
    # Read blind (corpus 07): a heading "L’ibuprofène" above "À cause de ces soutiens…, ce
    # traitement…", a sentence about the treatment of the section before.
    from plume.write.sections import points_back

    assert points_back("À cause de ces soutiens considérés comme fiables, ce traitement dure.")
    assert points_back("Cette décision a surpris les syndicats.")
    assert not points_back("Cette semaine, le gouvernement a présenté son plan.")
    assert not points_back("Ce qui frappe, c’est le silence des élus.")
    assert not points_back("Le ministre a annoncé, mardi, que ce plan serait retiré.")
