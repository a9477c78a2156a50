"""Folded forms of the fact check (plume.verify.facts.folding): the quotation form."""

from __future__ import annotations

from plume.verify.facts.folding import fold_quotation, same_letter


def test_spaces_only_separate_words() -> None:
    forms = {
        fold_quotation(t).text
        for t in (
            "À qui profite le crime ?",
            "à qui profite le crime?",
            "À qui profite le crime\u202f?",
            "À  qui\u00a0profite\nle crime ?",
        )
    }
    assert forms == {"a qui profite le crime?"}


def test_apostrophes_quotation_marks_dashes_and_ellipsis_are_one_each() -> None:
    a = fold_quotation("l’État — c’est « nous »…").text
    b = fold_quotation("l'État – c'est \"nous\"...").text
    c = fold_quotation("l’ État —c’est “nous”…").text
    assert a == b == c == "l'etat—c'est\"nous\"..."


def test_punctuation_between_words_stays() -> None:
    assert fold_quotation("vite, cassez").text != fold_quotation("vite cassez").text


def test_offsets_point_back_into_the_text() -> None:
    text = "Il a dit : « Nous irons… »"
    folded = fold_quotation(text)
    i = folded.text.index("nous")
    span = folded.span(i, len(folded.text) - 1)
    assert text[span.start : span.end] == "Nous irons…"


def test_same_letter() -> None:
    assert same_letter("à", "À") and same_letter("A", "à") and same_letter("À", "a")
    assert same_letter("O", "o") and same_letter("…", ".") and same_letter("œ", "o")
    assert not same_letter("a", "à") and not same_letter("u", "û")
