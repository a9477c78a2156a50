"""The ``plume`` command end to end: reports, formats, rules, and bad input without tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from plume.cli.app import app
from tests.conftest import EXAMPLE, ROOT

runner = CliRunner()


def run(*args: str, input: str | bytes | None = None) -> tuple[int, str, str]:
    res = runner.invoke(app, list(args), input=input)
    if res.exception and not isinstance(res.exception, SystemExit):
        raise res.exception
    return res.exit_code, res.stdout, res.stderr


def test_analyse_example_text_report() -> None:
    code, out, _ = run("analyse", str(EXAMPLE))
    assert code == 0
    assert "Score SEO" in out and "Lisibilité" in out
    assert "vélo en ville" in out  # the brief's keyphrase was understood
    assert "Nettoyage" in out


def test_analyse_json_is_stable_schema_and_spans_point_into_text() -> None:
    code, out, _ = run("analyse", str(EXAMPLE), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["schema_version"] == "1.0"
    assert data["brief"]["min_words"] == 600
    assert data["keyphrase"] == "vélo en ville" and data["keyphrase_source"] == "brief"
    text = data["text"]
    codes = {c["code"] for c in data["checks"]}
    assert {"SEO-KP-DENSITY", "RD-PASSIVE", "RD-SENTENCE-LENGTH", "TY-NBSP"} <= codes
    for c in data["checks"]:
        assert c["rating"] in {"good", "ok", "bad", "na"}
        for s in c["spans"]:
            assert 0 <= s["start"] < s["end"] <= len(text)
    # the example's artefacts were cleaned and logged
    rules = {ch["rule"] for ch in data["cleaning"]}
    assert "CL-STRAY-CAPITAL" in rules and "CL-GLUED-SENTENCE" in rules
    assert "LLe vélo" not in text and "Le vélo en ville n’est plus" in text


def test_keyphrase_flag_overrides_brief() -> None:
    code, out, _ = run("analyse", str(EXAMPLE), "--format", "json", "-k", "pistes cyclables")
    assert code == 0
    data = json.loads(out)
    assert data["keyphrase"] == "pistes cyclables" and data["keyphrase_source"] == "flag"


def test_english_messages_on_request() -> None:
    code, out, _ = run("analyse", str(EXAMPLE), "--lang", "en")
    assert code == 0
    assert "SEO score" in out and "Readability" in out


def test_stdin() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    code, out, _ = run("analyse", "-", "--format", "json", input=text)
    assert code == 0
    assert json.loads(out)["source"] == "<stdin>"


def test_rules_list_and_detail() -> None:
    code, out, _ = run("rules")
    assert code == 0 and "SEO-KP-DENSITY" in out and "RD-PASSIVE" in out
    code, out, _ = run("rules", "SEO-META-LENGTH")
    assert code == 0 and "156" in out and "Yoast" in out
    code, _, err = run("rules", "NOPE-1")
    assert code == 8 and "inconnu" in err


@pytest.mark.parametrize(
    ("content", "expected_code", "word"),
    [
        (b"", 5, "vide"),
        (b"   \n\t\n  ", 5, "vide"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", 4, "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 4, ""),
        (b"\x00\x01\x02binary\x00\x00data", 4, ""),
    ],
)
def test_bad_input_exit_codes(
    tmp_path: Path, content: bytes, expected_code: int, word: str
) -> None:
    f = tmp_path / "input.txt"
    f.write_bytes(content)
    code, out, err = run("analyse", str(f))
    assert code == expected_code
    assert "Traceback" not in out + err
    assert word in err
    assert len(err.strip().splitlines()) == 1  # one line


def test_missing_file(tmp_path: Path) -> None:
    code, _, err = run("analyse", str(tmp_path / "absent.txt"))
    assert code == 3 and "introuvable" in err


def test_too_large(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_bytes(("Le chat dort sur le canapé. " * 800_000).encode())  # ~22 MB
    code, _, err = run("analyse", str(f))
    assert code == 6 and "volumineu" in err


def test_not_french_runs_partial_analysis(tmp_path: Path) -> None:
    f = tmp_path / "en.txt"
    f.write_text(
        "The board of the company met on Friday and decided to replace its chief executive. "
        "Employees were surprised by the decision, and many of them threatened to resign. "
        "Investors asked for explanations, but the board gave very few details.",
        encoding="utf-8",
    )
    code, out, err = run("analyse", str(f), "--format", "json")
    assert code == 10
    assert "pas en français" in err and len(err.strip().splitlines()) == 1
    data = json.loads(out)
    assert data["full_analysis"] is False and data["detected_language"] == "en"
    by_code = {c["code"]: c for c in data["checks"]}
    assert by_code["RD-PASSIVE"]["rating"] == "na"
    assert by_code["SEO-H1-SINGLE"]["rating"] != "na"  # language-independent checks still run


def test_html_full_of_scripts_runs_nothing_and_keeps_text(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    body = " ".join(
        ["<p>Le conseil municipal a voté le budget de la ville pour l’année prochaine.</p>"] * 5
    )
    f.write_text(
        "<html><head><title>Budget</title><script>alert('x');document.write('PIRATE')</script></head>"
        f"<body><script>var a = 'PIRATE';</script><article><h1>Le budget</h1>{body}</article>"
        "<script src='x.js'></script><img src=x onerror=\"alert('PIRATE')\"></body></html>",
        encoding="utf-8",
    )
    code, out, _ = run("analyse", str(f), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert "PIRATE" not in data["text"] and "alert" not in data["text"]
    assert "budget" in data["text"]


def test_no_traceback_in_a_real_process(tmp_path: Path) -> None:
    """Run the installed entry point for real: a bad input gives one French line, exit code 3."""
    res = subprocess.run(
        [sys.executable, "-m", "plume", "analyse", str(tmp_path / "nope.md")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert res.returncode == 3
    assert "Traceback" not in res.stderr and "introuvable" in res.stderr
