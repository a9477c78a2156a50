"""Title widths in Arial 20 px, checked against Arial's metrics and a real browser.

The reference widths below were measured in headless Chromium 156 (Debian ``chromium-headless-shell``
with ``fonts-liberation``), with Yoast's own measuring element: a hidden ``<div>`` in
``arial, sans-serif`` 20 px weight 400 (yoastseo ``helpers/createMeasurementElement.js``), reading
``getBoundingClientRect().width``. Chromium lays text out in 1/64 px units, hence the tolerance.
"""

from __future__ import annotations

import json
from importlib import resources

import pytest

from plume.analyse import pixels

UPM = 2048
#: Arial's published advance widths (font units, 2048 per em), which Liberation Sans reproduces.
ARIAL = {"W": 1933, "a": 1139, " ": 569, "T": 1251, "e": 1139, "i": 455}

CHROMIUM_20PX = [
    ("Trottinettes électriques : Paris dit stop", 333.859375),
    ("Logement étudiant : les loyers flambent à la rentrée à Paris et Lyon", 594.046875),
    ("Trottinettes électriques : pourquoi Paris tourne la page de la location", 604.0625),
    (
        "Réforme des retraites : ce que prévoit le texte adopté par l’Assemblée nationale cette nuit",
        792.671875,
    ),
    ("Te Té AV L’été", 127.140625),  # kerning pairs Te, AV, L’
    ("P. T. Y. F. V.", 102.328125),  # kerning against full stops and spaces
    ("a\u202fa", 25.03125),  # narrow no-break space: half a space (HarfBuzz fallback)
    ("a\u00a0A", 28.921875),  # no-break space kerns like a space
    ("Réforme des retraites\u202f: « ce qui change »", 364.09375),
    ("Œuvre, cœur, façon — l’été…", 263.421875),
]


def test_data_file_holds_arial_metrics() -> None:
    data = json.loads(
        resources.files("plume.analyse")
        .joinpath("data/liberation_sans_widths.json")
        .read_text(encoding="utf-8")
    )
    assert data["units_per_em"] == UPM
    for ch, adv in ARIAL.items():
        assert data["advances"][ch] == adv, ch
    # French letters and punctuation are all in the table, not estimated.
    for ch in "àâçéèêëîïôùûüÿœŒÉÀÇ«»’–—…€\u00a0\u202f":
        assert ch in data["advances"] or ch in data["synthesized"], ch


def test_ten_w_is_ten_advances() -> None:
    assert pixels.text_width("W" * 10) == pytest.approx(10 * ARIAL["W"] * 20 / UPM)
    assert pixels.text_width("W" * 10, font_px=14) == pytest.approx(10 * ARIAL["W"] * 14 / UPM)


def test_kerning_applies_and_can_be_disabled() -> None:
    plain = (ARIAL["T"] + ARIAL["e"]) * 20 / UPM
    assert pixels.text_width("Te", kerning=False) == pytest.approx(plain)
    assert pixels.text_width("Te") == pytest.approx(plain - 227 * 20 / UPM)  # Arial's "Te" pair


@pytest.mark.parametrize(("text", "width"), CHROMIUM_20PX)
def test_width_matches_chromium(text: str, width: float) -> None:
    assert pixels.text_width(text) == pytest.approx(width, abs=0.05)


def test_exact_600_px() -> None:
    # 10 × "a" + 110 × "i" = 10 × 1139 + 110 × 455 = 61,440 units = 600 px at 20 px (Chromium: 600).
    assert pixels.text_width("a" * 10 + "i" * 110) == pytest.approx(600.0)


def test_white_space_collapses_like_css_and_text_is_nfc() -> None:
    assert pixels.text_width("  Paris \n\t dit   stop ") == pytest.approx(
        pixels.text_width("Paris dit stop")
    )
    assert pixels.text_width("e\u0301te\u0301") == pytest.approx(pixels.text_width("été"))
    # No-break spaces are not collapsed.
    assert pixels.text_width("a\u00a0\u00a0a") > pixels.text_width("a\u00a0a")


def test_invisible_characters_are_zero_width() -> None:
    assert pixels.text_width("ab\u200bc\u00ad") == pytest.approx(pixels.text_width("abc"))


def test_unknown_characters_use_the_average_and_are_reported() -> None:
    m = pixels.measure("Paris 🚲")
    assert m.unknown == ("🚲",)
    fallback = pixels.measure("🚲").width
    assert 9 < fallback < 13  # mean of A–Z, a–z, 0–9 at 20 px (about 11.6 px)
    assert m.width == pytest.approx(pixels.text_width("Paris ") + fallback)
    assert pixels.measure("Paris").unknown == ()


def test_fit_keeps_whole_words_within_the_limit() -> None:
    long = "Trottinettes électriques : pourquoi Paris tourne la page de la location"
    visible = pixels.fit(long, 600)
    assert visible == "Trottinettes électriques : pourquoi Paris tourne la page de la"
    assert pixels.text_width(visible) <= 600
    short = "Trottinettes électriques : Paris dit stop"
    assert pixels.fit(short, 600) == short
