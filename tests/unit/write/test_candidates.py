"""Model headings: cleaning, every rejection reason, ranking and fallback, with a scripted model."""

from __future__ import annotations

import pytest

from plume.backends import LocalBackend, ScriptedBackend, get_backend
from plume.backends.base import UnknownBackendError
from plume.write.candidates import (
    MAX_TOKENS,
    HeadingChoice,
    build_prompt,
    check_candidate,
    clean_candidate,
    model_heading,
)
from plume.write.headings import section_heading

KEYPHRASE = "vélo en ville"
SECTION = [
    "À Lyon, le vélo en ville a gagné du terrain depuis 2020 : les pistes cyclables séparées de "
    "la circulation rassurent les débutants et les parents.",
    "Le trafic cycliste a augmenté de 15 % en cinq ans selon les compteurs de la métropole. "
    "Les commerçants constatent que les clients venus à vélo reviennent souvent.",
]
TEXT = "\n".join(SECTION)


def _choose(texts: list[str], *, prefer: bool = True, used: tuple[str, ...] = ()) -> HeadingChoice:
    # One candidate asked per scripted text (the default, CANDIDATES, is tested elsewhere).
    return model_heading(
        ScriptedBackend(texts),
        SECTION,
        used=used,
        keyphrase=KEYPHRASE,
        prefer_keyphrase=prefer,
        n=max(1, len(texts)),
    )


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        (" « Des pistes sûres. »", "Des pistes sûres"),
        ("Titre : Des pistes sûres", "Des pistes sûres"),
        ("Intertitre : 2. **Des pistes sûres**\nParagraphe : suite", "Des pistes sûres"),
        ("- Pourquoi le vélo ?", "Pourquoi le vélo ?"),
        ('"Le vélo en ville progresse…"', "Le vélo en ville progresse"),
    ],
)
def test_clean_candidate(raw: str, cleaned: str) -> None:
    assert clean_candidate(raw) == cleaned


@pytest.mark.parametrize(
    ("candidate", "reason"),
    [
        ("", "empty"),
        ("(suite)", "bad_start"),
        ("Lo", "too_short"),
        (
            "Le vélo en ville gagne du terrain à Lyon grâce aux pistes cyclables séparées",
            "too_long",
        ),
        ("The bike lanes are getting safer for every cyclist", "not_french"),
        ("Un musée agrandi après deux ans de travaux", "copies_example"),
        ("Le vélo en ville et les pistes de", "truncated"),
        ("Le vélo en ville (depuis 2020", "truncated"),
        ("Le vélo en ville à Marseille", "unsupported:Marseille"),
        ("Le vélo en ville progresse de 40 %", "unsupported:40 %"),
        ("Le vélo en ville et le stationnement avant-couvertech", "unknown_word:avant-couvertech"),
        ("Des pistes cyclables à Lyon", "no_keyphrase"),
        ("Le vélo en ville", "only_keyphrase"),
        ("Les villes à vélo", "only_keyphrase"),
    ],
)
def test_each_check_rejects(candidate: str, reason: str) -> None:
    _, reasons = check_candidate(candidate, TEXT, keyphrase=KEYPHRASE, prefer_keyphrase=True)
    assert reason in reasons


def test_repeat_is_case_and_accent_insensitive() -> None:
    used = ["Le vélo en ville à Lyon"]
    _, reasons = check_candidate("le velo en VILLE a Lyon", TEXT, used=used)
    assert reasons == ["repeat"]


def test_token_limit_means_truncated() -> None:
    heading = "Le vélo en ville à Lyon"
    assert check_candidate(heading, TEXT)[1] == []
    assert check_candidate(heading, TEXT, hit_token_limit=True)[1] == ["truncated"]


def test_valid_candidate_passes_and_is_put_in_sentence_case() -> None:
    heading, reasons = check_candidate(
        "le Vélo En Ville Depuis 2020 à Lyon", TEXT, keyphrase=KEYPHRASE, prefer_keyphrase=True
    )
    assert reasons == []
    assert heading == "Le vélo en ville depuis 2020 à Lyon"


def test_ranking_keyphrase_then_length_then_overlap() -> None:
    choice = _choose(
        [
            "Des pistes cyclables séparées à Lyon",  # no keyphrase: rejected when preferred
            "Le vélo en ville et les parents",  # two noun groups: a label
            "Le vélo en ville gagne du terrain",  # keyphrase, 20–60, overlap 3
            "Le vélo en ville a gagné du terrain à Lyon",  # keyphrase, 20–60, overlap 4
        ]
    )
    assert choice.source == "model"
    assert choice.heading == "Le vélo en ville a gagné du terrain à Lyon"
    assert choice.accepted == [
        "Le vélo en ville a gagné du terrain à Lyon",
        "Le vélo en ville gagne du terrain",
    ]
    assert choice.rejected == [
        ("Des pistes cyclables séparées à Lyon", ["no_keyphrase"]),
        ("Le vélo en ville et les parents", ["label"]),
    ]


def test_a_claim_the_section_does_not_make_is_rejected() -> None:
    # Every word is the section's, but the section says the opposite.
    choice = _choose(["Le trafic cycliste n’a pas augmenté"], prefer=False)
    assert choice.rejected == [("Le trafic cycliste n’a pas augmenté", ["unsupported_claim"])]
    assert choice.source == "deterministic"


def test_overlap_with_frequent_words_breaks_ties() -> None:
    # Both 20–60 characters, no keyphrase wanted: the one using the section's words wins.
    choice = _choose(
        ["Une ambiance nouvelle dans la rue", "Les pistes cyclables rassurent les débutants"],
        prefer=False,
    )
    assert choice.heading == "Les pistes cyclables rassurent les débutants"


def test_short_french_heading_is_french() -> None:
    _, reasons = check_candidate("Un vélo en ville en plein essor", TEXT)
    assert "not_french" not in reasons


def test_length_preference() -> None:
    # Same keyphrase presence and overlap: 20–60 characters beats a shorter one.
    choice = _choose(["Le vélo en ville à Lyon", "Le vélo à Lyon"], prefer=False)
    assert choice.accepted == ["Le vélo en ville à Lyon", "Le vélo à Lyon"]


def test_without_preference_keyphrase_is_optional() -> None:
    choice = _choose(["Des pistes cyclables séparées à Lyon"], prefer=False)
    assert choice.heading == "Des pistes cyclables séparées à Lyon"


def test_fallback_when_nothing_passes() -> None:
    used = ("Le vélo en ville à Lyon",)
    choice = _choose(
        ["Un musée agrandi après deux ans de travaux", "", "Le vélo à Paris"], used=used
    )
    assert choice.source == "deterministic"
    assert choice.accepted == []
    reasons = [r for _, r in choice.rejected]
    assert "copies_example" in reasons[0]
    assert reasons[1] == ["empty"]
    assert "unsupported:Paris" in reasons[2]
    expected = section_heading(SECTION, used, keyphrase=KEYPHRASE, want_keyphrase=True)
    assert choice.heading == expected
    assert expected


def test_calls_use_successive_seeds_and_stop_at_newline_or_full_stop() -> None:
    backend = ScriptedBackend(["Le vélo en ville à Lyon"] * 3)
    model_heading(backend, SECTION, keyphrase=KEYPHRASE, prefer_keyphrase=True, n=3, seed=7)
    assert [c["seed"] for c in backend.calls] == [7, 8, 9]
    assert all(c["stop"] == ["\n", ". "] and c["max_tokens"] == MAX_TOKENS for c in backend.calls)
    assert "Mot-clé : vélo en ville\nIntertitre :" in backend.calls[0]["prompt"]
    assert backend.calls[0]["prompt"].endswith("Intertitre :")


def test_duplicates_are_judged_once() -> None:
    choice = _choose(["Le vélo en ville à Lyon", "« Le vélo en ville à Lyon. »"])
    assert choice.accepted == ["Le vélo en ville à Lyon"]
    assert choice.rejected == []  # the second seed's identical text was not judged again


def test_same_input_same_output() -> None:
    texts = ["Le vélo en ville à Lyon", "Le vélo en ville rassure les parents", "Lo"]
    assert _choose(texts) == _choose(texts)


def test_prompt_truncates_long_sections_and_omits_keyphrase_when_not_wanted() -> None:
    long_text = " ".join(["Le vélo en ville progresse à Lyon."] * 120)  # 720 words
    prompt = build_prompt(long_text)
    section_part = prompt.rsplit("Paragraphe : ", 1)[1]
    assert len(section_part.split()) <= 252  # 250 words + "Intertitre :"
    assert "Mot-clé" not in prompt


def test_registry() -> None:
    backend = get_backend("scripted", texts=["a"])
    assert backend.complete("p", max_tokens=1, temperature=0.0, seed=1, stop=[]).text == "a"
    local = get_backend("local", threads=1)
    assert isinstance(local, LocalBackend)
    assert not local.loaded  # lazy: nothing loaded before the first completion
    with pytest.raises(UnknownBackendError):
        get_backend("nope")


def test_default_number_of_candidates_is_two() -> None:
    from plume.write.candidates import CANDIDATES

    backend = ScriptedBackend(["Le vélo en ville à Lyon", "Les pistes de Lyon", "Trois"])
    model_heading(backend, SECTION, keyphrase=KEYPHRASE, prefer_keyphrase=True)
    assert CANDIDATES == 2 and len(backend.calls) == CANDIDATES


def test_a_model_heading_adds_no_word_of_its_own_but_a_framing_noun() -> None:
    """Read blind on an unseen science story: "Un spectacle amateur de musique" and
    "L’instrument de musique, un refuge des seniors" (no show, no refuge in the source) were
    accepted with one word of their own allowed."""
    from plume.write.candidates import check_candidate

    section = (
        "Les musiciens amateurs de plus de 65 ans ont un déclin cognitif plus lent de 23 %, selon "
        "l’étude, qui n’a pas montré de différence sur le risque de démence."
    )
    invented = check_candidate("Un spectacle amateur de musique", section)[1]
    assert any(r.startswith("own_words:") for r in invented)
    framed = check_candidate("Les enjeux du déclin cognitif", section)[1]
    assert not any(r.startswith("own_words:") for r in framed)
