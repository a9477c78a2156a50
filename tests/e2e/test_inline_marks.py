"""``plume optimise --no-model`` on a plain text that uses Markdown (issue 17): its bold and links
reach ``article.md`` and ``article.html``, and the audit of the article counts its links."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from lxml import html as lxml_html
from typer.testing import CliRunner

from plume.cli.app import app

runner = CliRunner()

PASTED = """\
Trottinettes électriques : Montréal serre la vis

La ville de Montréal impose **de nouvelles règles** aux trottinettes électriques en libre-service, selon [le communiqué de la Ville](https://montreal.ca/actualites/trottinettes). Les opérateurs devront respecter des zones de stationnement précises dans chaque arrondissement.

Les élus veulent éviter le chaos observé l’été dernier sur les trottoirs du centre-ville, quand des centaines d’engins encombraient les passages. Le bilan de la saison est publié dans [notre dossier transport](/transport/bilan-trottinettes) et reste provisoire.

Les trottinettes électriques resteront autorisées sur les pistes cyclables, mais la vitesse sera limitée à 20 km/h dans les zones piétonnes, a précisé la mairie.
"""

PLAIN = """\
Le budget participatif de Grenoble

Le calcul est simple : 5 * 3 = 15 projets retenus par quartier, selon la mairie [1]. Le budget participatif de Grenoble finance chaque année des projets proposés par les habitants eux-mêmes.

Les habitants votent en ligne ou dans les mairies annexes, et le budget participatif réserve une part aux projets des écoles [sic].
"""


def _run(tmp_path: Path, text: str) -> tuple[str, Any, dict[str, Any]]:
    source = tmp_path / "article.txt"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    res = runner.invoke(app, ["optimise", str(source), "-o", str(out), "--no-model"])
    assert res.exit_code in (0, 11), res.output
    md = (out / "article.md").read_text(encoding="utf-8")
    page = lxml_html.fromstring((out / "article.html").read_text(encoding="utf-8"))
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return md, page, report


def _check(report: dict[str, Any], code: str) -> dict[str, Any]:
    return next(c for c in report["after"]["checks"] if c["code"] == code)


def test_markdown_in_a_txt_reaches_both_files_and_the_link_checks(tmp_path: Path) -> None:
    md, page, report = _run(tmp_path, PASTED)
    assert "impose **de nouvelles règles** aux" in md
    assert "[le communiqué de la Ville](https://montreal.ca/actualites/trottinettes)" in md
    assert "[notre dossier transport](/transport/bilan-trottinettes)" in md
    assert "\\*" not in md and "\\[" not in md
    body = page.find(".//article")
    assert [s.text for s in body.iter("strong")] == ["de nouvelles règles"]
    assert [(a.get("href"), a.text) for a in body.iter("a")][:2] == [
        ("https://montreal.ca/actualites/trottinettes", "le communiqué de la Ville"),
        ("/transport/bilan-trottinettes", "notre dossier transport"),
    ]
    assert "**" not in page.text_content() and "](" not in page.text_content()
    outbound = _check(report, "SEO-LINKS-OUTBOUND")
    assert outbound["value"]["outbound"] == 1 and outbound["score"] == 9
    assert _check(report, "SEO-LINKS-INTERNAL")["value"]["internal"] == 1
    assert report["inline"]["kept"] == 3 and report["inline"]["dropped"] == []


def test_stars_and_brackets_of_a_plain_text_come_out_intact(tmp_path: Path) -> None:
    md, page, report = _run(tmp_path, PLAIN)
    text = page.find(".//article").text_content()
    assert "5 * 3 = 15 projets" in text and "la mairie [1]" in text and "[sic]" in text
    assert "5 \\* 3 = 15 projets" in md and "la mairie \\[1\\]" in md  # escaped once: literal
    assert page.find(".//article//strong") is None and page.find(".//article//p/a") is None
    assert report["inline"] is None
