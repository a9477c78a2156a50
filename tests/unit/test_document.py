"""``plume.document.place_marks``: the source's bold, italics and links found again, as phrases,
in an article whose sentences were reworked (issue 17)."""

from __future__ import annotations

from plume.document import Link, Mark, MarkKind, place_marks, placed_links

BOLD = MarkKind.STRONG
LINK = MarkKind.LINK


def _found(marks: list[Mark], texts: list[str]) -> list[tuple[int, str, MarkKind]]:
    return [
        (p.index, texts[p.index][p.start : p.end], p.mark.kind) for p in place_marks(marks, texts)
    ]


def test_a_phrase_is_found_in_a_split_sentence() -> None:
    marks = [Mark(BOLD, "trois cents bornes", before="installera", after="d’ici à 2027")]
    texts = [
        "La ville de Nantes installera trois cents bornes de recharge.",
        "Elles seront en service d’ici à 2027.",
    ]
    assert _found(marks, texts) == [(0, "trois cents bornes", BOLD)]


def test_a_phrase_no_longer_in_the_article_is_dropped() -> None:
    assert place_marks([Mark(BOLD, "hausse historique")], ["Les prix ont fortement monté."]) == ()


def test_whole_words_only() -> None:
    texts = ["La partie de l’art contemporain."]
    assert _found([Mark(BOLD, "art")], texts) == [(0, "art", BOLD)]
    placed = place_marks([Mark(BOLD, "art")], texts)
    assert texts[0][placed[0].start - 2 : placed[0].start] == "l’"  # not the "art" of "partie"


def test_the_context_chooses_between_two_occurrences() -> None:
    texts = [
        "Le maire de Lyon a présenté le budget lundi.",
        "Selon le rapport de la Cour des comptes, le budget dérape depuis deux ans.",
    ]
    mark = Mark(
        LINK,
        "le budget",
        "https://ccomptes.fr/rapport",
        before="Cour des comptes,",
        after="dérape depuis",
    )
    assert _found([mark], texts) == [(1, "le budget", LINK)]


def test_typography_retouched_by_the_cleaner_still_matches() -> None:
    mark = Mark(BOLD, "l'hôpital public")
    text = "Il défend l’hôpital\u00a0public depuis vingt ans."
    [p] = place_marks([mark], [text])
    assert text[p.start : p.end] == "l’hôpital\u00a0public"


def test_marks_nest_but_never_cross() -> None:
    text = "Le rapport annuel de la Cour des comptes est sévère."
    marks = [
        Mark(LINK, "rapport annuel de la Cour des comptes", "https://ccomptes.fr"),
        Mark(BOLD, "Cour des comptes"),  # inside the link: kept
        Mark(MarkKind.EM, "comptes est sévère"),  # crosses the link: dropped
    ]
    assert [p.mark.text for p in place_marks(marks, [text])] == [
        "rapport annuel de la Cour des comptes",
        "Cour des comptes",
    ]


def test_an_emphasis_glued_to_a_letter_by_punctuation_is_not_placed() -> None:
    # "**Attention :**suite" would leave its "**" literal in Markdown (flanking rules).
    assert place_marks([Mark(BOLD, "Attention :")], ["Attention :suite du texte"]) == ()


def test_placed_links_are_the_links_written() -> None:
    marks = [
        Mark(LINK, "le communiqué", "https://nantes.fr/communique"),
        Mark(BOLD, "trois cents"),
        Mark(LINK, "notre dossier", "/energie/bornes"),  # its anchor text was rewritten
    ]
    texts = ["Selon le communiqué, trois cents bornes seront posées."]
    assert placed_links(marks, texts) == (Link("https://nantes.fr/communique", "le communiqué"),)
