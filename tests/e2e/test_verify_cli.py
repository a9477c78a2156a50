"""``plume verify`` end to end: claims from options and files, text and JSON, several sources,
and bad input as a French message with the input-error exit codes, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from plume.cli.app import app
from tests.conftest import SHARED

runner = CliRunner()

SOURCE = (
    "La mairie de Lyon ouvre une piste cyclable de 12 kilomètres le long du Rhône.\n\n"
    "Les travaux ont coûté 4 millions d’euros, selon l’adjointe aux mobilités.\n\n"
    "Les associations de cyclistes saluent une piste protégée du trafic motorisé."
)
SUPPORTED = "Lyon ouvre une piste cyclable le long du Rhône"
REVERSED = "La mairie de Lyon ferme la piste cyclable du Rhône"
CORPUS = SHARED / "corpus" / "fr-articles"


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    res = runner.invoke(app, list(args), input=input)
    if res.exception and not isinstance(res.exception, SystemExit):
        raise res.exception
    return res.exit_code, res.stdout, res.stderr


def _source(tmp_path: Path, text: str = SOURCE, name: str = "lyon.txt") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_claims_in_text_say_supported_or_why_not(tmp_path: Path) -> None:
    code, out, err = run("verify", _source(tmp_path), "--claim", SUPPORTED, "--claim", REVERSED)
    assert code == 0, err
    assert f"✓ étayée\u00a0: «\u202f{SUPPORTED}\u202f»" in out
    assert f"✗ non étayée\u00a0: «\u202f{REVERSED}\u202f» — sens inversé" in out
    assert "source\u00a0: La mairie de Lyon ouvre une piste cyclable de 12 kilomètres" in out
    assert "1 affirmation(s) étayée(s) sur 2." in out


def test_json_is_a_list_of_verdicts_and_english_reasons(tmp_path: Path) -> None:
    code, out, _ = run(
        "verify", _source(tmp_path), "--claim", SUPPORTED, "--claim", REVERSED, "--format", "json"
    )
    assert code == 0
    rows = json.loads(out)
    assert [set(r) for r in rows] == [{"claim", "supported", "evidence", "reason"}] * 2
    assert rows[0] == {
        "claim": SUPPORTED,
        "supported": True,
        "evidence": "La mairie de Lyon ouvre une piste cyclable de 12 kilomètres le long du Rhône.",
        "reason": "la source le dit",
    }
    assert rows[1]["supported"] is False and rows[1]["reason"].startswith("sens inversé")
    _, out_en, _ = run(
        "verify", _source(tmp_path), "--claim", REVERSED, "--format", "json", "--lang", "en"
    )
    assert json.loads(out_en)[0]["reason"].startswith("opposite meaning")


def test_claims_files_plain_and_jsonl_and_several_sources(tmp_path: Path) -> None:
    plain = tmp_path / "claims.txt"
    plain.write_text(f"{SUPPORTED}\n\n{REVERSED}\n", encoding="utf-8")
    jsonl = tmp_path / "claims.jsonl"
    rows = [{"claim": SUPPORTED, "label": "supported"}, {"claim": "Le préfet a signé l’arrêté"}]
    jsonl.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    other = _source(tmp_path, "Le préfet du Rhône a signé l’arrêté mardi.", "prefet.txt")
    code, out, _ = run(
        "verify", _source(tmp_path), other, "--claims", str(plain), "--claims", str(jsonl),
        "--format", "json",
    )  # fmt: skip
    assert code == 0
    got = json.loads(out)
    assert [r["claim"] for r in got] == [SUPPORTED, REVERSED, SUPPORTED, rows[1]["claim"]]
    assert [r["supported"] for r in got] == [True, False, True, True]
    # Supported by the second source: its sentence is the evidence.
    assert got[3]["evidence"] == "Le préfet du Rhône a signé l’arrêté mardi."


def test_claims_from_stdin(tmp_path: Path) -> None:
    code, out, _ = run(
        "verify", _source(tmp_path), "--claims", "-", "--format", "json", input=SUPPORTED + "\n"
    )
    assert code == 0 and json.loads(out)[0]["supported"] is True


def test_bad_input_is_a_french_line_and_an_input_exit_code(tmp_path: Path) -> None:
    src = _source(tmp_path)
    code, out, err = run("verify", src)
    assert code == 5 and "Aucune affirmation à vérifier" in err and "Traceback" not in err
    assert out == ""
    code, _, err = run("verify", src, "--claims", str(tmp_path / "absent.txt"))
    assert code == 3 and "introuvable" in err
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"claim": "Lyon ouvre une piste"}\nune ligne qui n’est pas du JSON\n')
    code, _, err = run("verify", src, "--claims", str(bad))
    assert code == 4 and "ligne 2" in err and "JSON illisible" in err
    bad.write_text('{"claim": "Lyon ouvre une piste"}\n{"texte": "sans clé"}\n')
    code, _, err = run("verify", src, "--claims", str(bad))
    assert code == 4 and "ligne 2" in err and "« claim »" in err
    binary = tmp_path / "claims.bin"
    binary.write_bytes(b"\x00\x01\x02" * 50)
    code, _, err = run("verify", src, "--claims", str(binary))
    assert code == 4 and "binaire" in err
    code, _, err = run("verify", str(tmp_path / "absent.txt"), "--claim", SUPPORTED)
    assert code == 3 and "introuvable" in err
    code, _, _ = run("verify", src, "--claim", SUPPORTED, "--format", "xml")
    assert code == 2


def test_the_two_false_fields_of_issue_16_are_rejected() -> None:
    # Corpus 01's heading (Delevoye lost that race) and corpus 12's meta description (never
    # said): both were published by plume and passed the fact check.
    code, out, _ = run(
        "verify", str(CORPUS / "01-gala-delevoye-surnom-chirac.txt"),
        "--claim", "Un chiraquien a été élu président de la RPR", "--format", "json",
    )  # fmt: skip
    assert code == 0 and json.loads(out)[0]["supported"] is False
    code, out, _ = run(
        "verify", str(CORPUS / "12-radio-prague-ministre-sante-demission.txt"),
        "--claim", "Le premier ministre n’a pas hésité à démissionner, mais il a rejeté toute "
        "faute.",
        "--format", "json",
    )  # fmt: skip
    assert code == 0 and json.loads(out)[0]["supported"] is False


def test_rules_document_the_support_check() -> None:
    listed = runner.invoke(app, ["rules"])
    assert listed.exit_code == 0 and "SUPPORT" in listed.stdout
    res = runner.invoke(app, ["rules", "SUPPORT"])
    assert res.exit_code == 0
    text = " ".join(res.stdout.split())
    assert "au-delà de Yoast" in text and "66,7" in text and "88,9" in text
    assert "88,9" in text and "97,8" in text
