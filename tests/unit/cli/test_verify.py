"""``plume verify``'s parts: the claims file, the pipeline's ``check_claims``, and the lines
``plume optimise`` prints for the statements no source supports."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from rich.console import Console

from plume.clean import clean
from plume.cli.verify import parse_claims, verdicts_json
from plume.cli.view import print_unsupported
from plume.errors import EmptyInput, UnsupportedInput
from plume.ingest import read_path, read_text
from plume.optimisation import Unsupported
from plume.pipeline import OptimiseRequest, check_claims, check_field, optimise
from plume.settings import Settings
from plume.verify.stage import check_statements
from tests.conftest import EXAMPLE

SETTINGS = Settings()


def test_a_claims_file_is_one_claim_a_line_or_jsonl() -> None:
    assert parse_claims(
        "Le maire a démissionné.\n\n  La préfète a interdit la marche. \n", "f"
    ) == [
        "Le maire a démissionné.",
        "La préfète a interdit la marche.",
    ]
    jsonl = '{"claim": "Le maire a démissionné.", "label": "supported"}\n\n{"claim": " Non. "}\n'
    assert parse_claims(jsonl, "f") == ["Le maire a démissionné.", "Non."]
    assert parse_claims("", "f") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"claim": "a"}\n{"claim": "b"', "claims.jsonl, ligne 2 : JSON illisible"),
        ('{"claim": "a"}\n["b"]', "claims.jsonl, ligne 2 : pas de clé « claim »"),
        ('{"claim": ""}', "claims.jsonl, ligne 1 : pas de clé « claim »"),
        ('{"claim": 3}', "claims.jsonl, ligne 1 : pas de clé « claim »"),
    ],
)
def test_a_bad_jsonl_line_is_named_with_its_number(text: str, expected: str) -> None:
    with pytest.raises(UnsupportedInput) as info:
        parse_claims(text, "claims.jsonl")
    assert info.value.message_fr.startswith(expected)
    assert info.value.exit_code == 4


def test_check_claims_cleans_the_sources_and_refuses_nothing_to_check() -> None:
    # Glued sentences and doubled spaces: the cleaner's work, as in every run.
    doc = read_text(
        "La mairie  de Lyon ouvre une piste cyclable.Les travaux ont coûté 4 millions d’euros.",
        SETTINGS,
        name="lyon.txt",
    )
    (verdict,) = check_claims([doc], ["  Les travaux ont coûté 4 millions d’euros  "], SETTINGS)
    assert verdict.supported and verdict.claim == "Les travaux ont coûté 4 millions d’euros"
    assert verdict.evidence == "Les travaux ont coûté 4 millions d’euros."
    with pytest.raises(EmptyInput):
        check_claims([doc], ["  ", ""], SETTINGS)
    with pytest.raises(EmptyInput):
        check_claims([], ["Les travaux ont coûté 4 millions d’euros"], SETTINGS)
    with pytest.raises(EmptyInput):
        check_field([doc], " ", SETTINGS)
    assert '"supported": true' in verdicts_json([verdict], "fr")


def test_the_optimise_report_lists_what_the_verify_stage_found_unsupported() -> None:
    doc = read_path(EXAMPLE, SETTINGS)
    report = optimise(
        OptimiseRequest(
            sources=(doc,),
            settings=SETTINGS,
            use_model=False,
            published=datetime(2026, 3, 1, tzinfo=UTC),
            check_entities=False,
        )
    )
    source = clean(doc, SETTINGS).document.text
    expected = [
        (where, v.claim)
        for where, v in check_statements(report.article, [source])
        if not v.supported
    ]
    assert [(u.field, u.text) for u in report.unsupported] == expected
    assert "unsupported" in report.model_dump(mode="json")


def test_optimise_prints_the_unsupported_statements_in_red() -> None:
    items = [
        Unsupported(
            field="meta_description",
            text="Le premier ministre n’a pas hésité à démissionner.",
            reason="négation inversée : « démissionner »",
            reason_en="negation flipped: “démissionner”",
            evidence="Le principal intéressé a fait savoir qu’il ne démissionnerait pas.",
        ),
        Unsupported(field="title", text="Microsoft et l’IA", reason="r", reason_en="r"),
    ]
    console = Console(record=True, force_terminal=True, color_system="standard", width=200)
    print_unsupported(items, console, "fr")
    styled = console.export_text(styles=True, clear=False)
    plain = console.export_text()
    assert "Affirmations non étayées\u00a0: 2" in plain
    assert (
        "✗ meta_description\u00a0: «\u202fLe premier ministre n’a pas hésité à démissionner.\u202f»"
        " — négation inversée : « démissionner »" in plain
    )
    assert "→ phrase de la source\u00a0: Le principal intéressé" in plain
    assert plain.count("→") == 1  # no evidence, no line
    assert "\x1b[1;31mAffirmations non étayées" in styled  # bold red
    console = Console(record=True, width=200)
    print_unsupported(items, console, "en")
    assert "Unsupported statements: 2" in console.export_text()
    console = Console(record=True)
    print_unsupported([], console, "fr")
    assert console.export_text() == ""
