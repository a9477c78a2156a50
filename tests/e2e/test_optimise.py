"""``plume optimise --no-model`` end to end: the three files, the exit codes, nothing invented."""

from __future__ import annotations

import json
from pathlib import Path

from lxml import html as lxml_html
from typer.testing import CliRunner

from plume.cli.app import app
from tests.conftest import EXAMPLE, SEEDS

runner = CliRunner()


def test_example_short_of_its_target_writes_everything_and_exits_11(tmp_path: Path) -> None:
    res = runner.invoke(app, ["optimise", str(EXAMPLE), "-o", str(tmp_path), "--no-model"])
    assert res.exit_code == 11, res.output  # 456 words for the brief's 600: documented code
    assert "il en manque" in res.stdout
    md = (tmp_path / "article.md").read_text(encoding="utf-8")
    assert md.startswith("---\n") and '\nkeyphrase: "vélo en ville"\n' in md
    # The author's subheadings are kept.
    assert "\n## Des aménagements qui changent tout\n" in md
    assert "\n## Quelles limites pour le vélo en ville\u202f?\n" in md  # cleaned typography
    page = lxml_html.fromstring((tmp_path / "article.html").read_text(encoding="utf-8"))
    assert len(page.findall(".//h1")) == 1
    ld = [json.loads(s.text) for s in page.findall(".//script[@type='application/ld+json']")]
    assert [d["@type"] for d in ld] == ["NewsArticle"]
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["words_missing"] == 600 - report["words"] > 0
    assert report["fact_check"]["violations"] == []
    assert report["after"]["seo"]["value"] > report["before"]["seo"]["value"]
    assert report["before"]["brief"]["min_words"] == 600


def test_seed_with_brief_reaches_its_target_and_exits_0(tmp_path: Path) -> None:
    seed = SEEDS[0]  # the brief asks for 700 words; the article has about 1,070
    res = runner.invoke(
        app, ["optimise", str(seed), "-o", str(tmp_path), "--no-model", "-k", "OpenAI"]
    )
    assert res.exit_code == 0, res.output
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["words"] >= 700 and report["words_missing"] == 0
    assert report["fact_check"]["violations"] == []
    md = (tmp_path / "article.md").read_text(encoding="utf-8")
    assert "TLa mise" not in md and "La mise en scène" in md  # artefacts fixed
    assert md.count("\n## ") >= 3  # a subheading at least every 300 words


def test_bad_input_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    res = runner.invoke(app, ["optimise", str(tmp_path / "absent.txt"), "-o", str(out)])
    assert res.exit_code == 3
    assert not out.exists()


def test_shipped_example_summary_opens_with_the_article(tmp_path: Path) -> None:
    """The quick start's example (the first seed, brief and all) with the keyphrase plume
    chooses: the summary opens with the article's fields, then the audit before → after."""
    example = Path(__file__).resolve().parents[2] / "examples" / "seed-openai.txt"
    assert example.read_bytes() == SEEDS[0].read_bytes()
    res = runner.invoke(app, ["optimise", str(example), "-o", str(tmp_path), "--no-model"])
    assert res.exit_code == 0, res.output
    out = res.stdout
    order = [
        out.index("Article optimisé"),
        out.index("Titre (H1)"),
        out.index("Titre SEO"),
        out.index("Méta-description"),
        out.index("Expression clé\u00a0: Microsoft (choisie par plume)"),
        out.index("Longueur"),
        out.index("Score SEO"),
    ]
    assert order == sorted(order)
    assert "Vérification des faits" in out
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["keyphrase"] == "Microsoft" and report["keyphrase_source"] == "suggested"


def test_rewrite_without_a_model_is_refused_as_in_batch_and_the_studio(tmp_path: Path) -> None:
    out = tmp_path / "out"
    res = runner.invoke(app, ["optimise", "--rewrite", "--no-model", str(EXAMPLE), "-o", str(out)])
    assert res.exit_code == 8
    assert "Le mode réécriture demande un modèle" in res.output and "--no-model" in res.output
    assert not out.exists()
