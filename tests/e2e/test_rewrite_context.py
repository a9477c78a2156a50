"""Rewrite mode as a capable model sees it (issue 19), through the real HTTP client and the
loopback OpenAI-compatible server: what the prompts carry (whole sentences, the who's-who, the
sources' metadata, the standfirst), and the repairs of what real models do anyway — restate the
standfirst in the first section, write long sentences (the scripted model's ``realistic`` mode).
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import EXAMPLE
from tests.support.rewrite_model import (
    HEADINGS,
    RESTATED,
    SHORT_SECTIONS,
    Model,
    first_user,
    run_rewrite,
)

PAGE = """<!doctype html>
<html lang="fr"><head>
<meta charset="utf-8">
<title>À Lyon, le vélo en ville gagne les quartiers - Le Journal du Vélo</title>
<meta property="og:site_name" content="Le Journal du Vélo">
<meta property="og:title" content="À Lyon, le vélo en ville gagne les quartiers">
<meta name="author" content="Anne Roy">
<meta property="article:published_time" content="2024-03-03T08:00:00+01:00">
</head><body><article>
<h1>À Lyon, le vélo en ville gagne les quartiers</h1>
<p>Claire Dubois, urbaniste à la métropole de Lyon, observe que les habitants ont pris
l’habitude de pédaler pour aller au travail depuis 2020. Selon elle, les pistes séparées de la
circulation rassurent les débutants et les parents.</p>
<p>Elle estime que les aides à l’achat d’un vélo à assistance électrique ont accéléré le
mouvement chez les actifs qui habitent en périphérie.</p>
<p>Le vice-président chargé des mobilités, Paul Martin, veut maintenant des itinéraires
continus et du stationnement sécurisé près des gares.</p>
</article></body></html>
"""
#: What ends a whole sentence in a passage line.
_SENTENCE_END = re.compile(r"[.!?…»)]$")


def _page(tmp_path: Path) -> Path:
    path = tmp_path / "velo-lyon-4017132598e4fe82.html"
    path.write_text(PAGE, encoding="utf-8")
    return path


def _writing(model: Model) -> list[str]:
    """The prompts of the lead and the sections (not the plan, not the fields)."""
    return [
        first_user(r)
        for r in model.requests
        if model.part(r) not in ("plan", "meta_description", "seo_title", "heading")
    ]


def test_prompts_carry_whole_sentences_the_whos_who_and_the_metadata(tmp_path: Path) -> None:
    """A small window (set by the user) shrinks the passages: to whole sentences, never cut
    inside one. Every writing prompt names the people with their roles and each source by its
    outlet, title, author and date — or as "Source 2", never by its file name."""
    model = Model()
    res, report, _ = run_rewrite(
        tmp_path,
        model,
        "-k",
        "vélo en ville",
        sources=[_page(tmp_path), EXAMPLE],
        env={"PLUME_BACKEND__N_CTX": "1400"},
    )
    assert res.exit_code == 0, res.output
    assert report["rewrite"]["passed"]
    prompts = [first_user(r) for r in model.requests]
    for prompt in prompts:
        lines = [line for line in prompt.splitlines() if line.startswith(("[P", "[contexte"))]
        assert lines and all(_SENTENCE_END.search(line) for line in lines), lines
        # Each source opens on its line: metadata, or "Source 2" — never a file's name.
        for k in re.findall(r'<source id="(\d)">\n', prompt):
            assert f'<source id="{k}">\nSource {k} ' in prompt
        assert "4017132598e4fe82" not in prompt and "article-brief" not in prompt
    plan = prompts[0].replace("\u202f", " ").replace("\u00a0", " ")
    assert (
        "Source 1 : média Le Journal du Vélo, article « À Lyon, le vélo en ville gagne les "
        "quartiers », par Anne Roy, publié le 3 mars 2024." in plan
    )
    assert "Source 2 (texte sans auteur ni média connus" in plan
    # The window cut the plan's passages down to their first whole sentences.
    assert "] Pourquoi ce changement ? Les raisons sont nombreuses.\n" in plan
    assert "D’abord, le prix des carburants" not in plan
    for prompt in _writing(model):
        assert "- Claire Dubois, urbaniste à la métropole de Lyon" in prompt
        assert "- Paul Martin, vice-président chargé des mobilités" in prompt
        assert "les sources datent du 3 mars 2024" in prompt
        assert "jamais par son prénom seul" in prompt and "selon des analystes" in prompt


def test_a_section_restating_the_standfirst_is_repaired(tmp_path: Path) -> None:
    """The first section opens on the standfirst said again in other words (as in every real
    run of issue 19): the overlap check names it, only that section is asked again, with the
    sentence quoted, and the article keeps the section without it."""
    model = Model({HEADINGS[0]: f"{RESTATED} {SHORT_SECTIONS[HEADINGS[0]]}"})
    res, report, _ = run_rewrite(tmp_path, model)
    assert res.exit_code == 0, res.output
    rw = report["rewrite"]
    assert rw["passed"] and rw["rounds"] == 1
    assert [(r["field"], r["codes"]) for r in rw["repairs"]] == [("sections[0]", ["overlap"])]
    assert model.calls[HEADINGS[0]] == 2 and sum(model.calls.values()) == 6
    repair = [first_user(r) for r in model.requests if model.part(r) == HEADINGS[0]][1]
    assert "redit ce que dit déjà le chapô" in repair and RESTATED.split(" :")[0] in repair
    first = " ".join(report["article"]["sections"][0]["paragraphs"])
    assert "ne sont plus seulement des militants" not in first
    # Every section prompt carried the standfirst as written, with the order not to repeat it.
    lead = " ".join(report["article"]["intro"])
    for prompt in _writing(model)[1:]:
        assert "Le chapô de l’article dit déjà : « " in prompt and "Ne répète rien" in prompt
        assert lead.split("\u00a0")[0][:40] in prompt.replace("\u00a0", " ")


def test_long_sentences_are_repaired_within_the_round_budget(tmp_path: Path) -> None:
    """The realistic model writes 40 % of its sentences over 20 words (Yoast's red) and restates
    the standfirst, whatever the prompt's requirements say; one round of repairs, each quoting
    the part's long sentences, brings the article to green in nine calls."""
    model = Model(realistic=True)
    res, report, _ = run_rewrite(tmp_path, model)
    assert res.exit_code == 0, res.output
    rw = report["rewrite"]
    assert rw["passed"] and rw["rounds"] == 1 and rw["usage"]["calls"] == 9
    codes = {r["field"]: set(r["codes"]) for r in rw["repairs"]}
    assert codes["sections[0]"] == {"RD-SENTENCE-LENGTH", "overlap"}
    assert all("RD-SENTENCE-LENGTH" in codes[f"sections[{i}]"] for i in range(3))
    repair = [first_user(r) for r in model.requests if model.part(r) == HEADINGS[1]][1]
    assert "Ces phrases dépassent 20 mots" in repair and "Coupe chacune" in repair
    # The first prompt already asked for it: a repair is never the first time a rule is heard.
    asked = next(first_user(r) for r in model.requests if model.part(r) == HEADINGS[1])
    assert "au plus 20 mots pour la plupart" in asked
    checks = {c["code"]: c for c in report["after"]["checks"]}
    assert checks["RD-SENTENCE-LENGTH"]["rating"] == "good"
    assert report["words"] >= 300
