"""Titles the source gives people beside their names, and whom a title may stand for."""

from __future__ import annotations

from plume.verify.support.names import titles
from plume.verify.support.parse import analyse_source

SOURCE = (
    "Le Premier ministre Jean Dupont a réuni le gouvernement lundi. Mardi, le Premier ministre a "
    "limogé le ministre de la Santé, Roman Prymula. Le ministre avait été photographié sans "
    "masque."
)


def test_titles_are_read_beside_the_name() -> None:
    src = analyse_source(SOURCE)
    found = titles(src)
    assert "premier ministre" in found.of_name["dupont"]
    assert "ministre" in found.of_name["prymula"]
    assert found.holders["premier ministre"] == frozenset({"dupont"})


def test_a_title_stands_for_its_holder_only() -> None:
    src = analyse_source(SOURCE)
    found = titles(src)
    # "le Premier ministre" of the second sentence, "Le ministre" of the third
    premier = next(t for t in src.toks if t.text == "ministre" and t.sent == 1)
    minister = next(t for t in src.toks if t.text == "ministre" and t.sent == 2)
    dupont = next(t for t in src.toks if t.text == "Dupont")
    prymula = next(t for t in src.toks if t.text == "Prymula")
    assert found.stands_for(premier, dupont)
    assert not found.stands_for(premier, prymula)
    assert found.someone_else(minister, dupont)
    assert not found.someone_else(minister, prymula)
