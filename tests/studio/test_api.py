"""The studio's JSON API through an ASGI client: same JSON as the CLI, history, limits, security."""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from lxml import html as lxml_html
from typer.testing import CliRunner

from plume.backends import LOCAL_MODEL_NAME
from plume.backends.base import ScriptedBackend
from plume.cli.app import app as cli
from plume.settings import Settings, load_settings
from plume.studio import create_app
from tests.conftest import EXAMPLE
from tests.studio.conftest import BASE_URL, SEED, studio_settings
from tests.support.edited_article import EDITED, EDITED_LONG
from tests.support.openai_server import OpenAIServer

PUBLISHED = "2026-03-01T08:00:00Z"
_DATE_LINE = re.compile(r"^date: .*$", re.MULTILINE)


def wait(client: TestClient, run_id: str) -> dict[str, Any]:
    """Poll a run like the page does until it is done or failed."""
    for _ in range(600):
        status = client.get(f"/api/runs/{run_id}").json()
        if status["status"] in ("done", "failed"):
            return dict(status)
        time.sleep(0.05)
    raise AssertionError(f"run {run_id} never finished")


def test_analyse_returns_the_cli_json_byte_for_byte(client: TestClient) -> None:
    cli_out = CliRunner().invoke(cli, ["analyse", str(EXAMPLE), "--format", "json"])
    assert cli_out.exit_code == 0, cli_out.output
    res = client.post(
        "/api/analyse", json={"text": EXAMPLE.read_text(encoding="utf-8"), "name": str(EXAMPLE)}
    )
    assert res.status_code == 200
    assert res.text == cli_out.stdout
    run_id = res.headers["x-plume-run"]
    assert res.headers["location"] == f"/api/runs/{run_id}"
    assert client.get(f"/api/runs/{run_id}/report").text == cli_out.stdout


def test_optimise_files_match_the_cli(client: TestClient, tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    res = client.post(
        "/api/optimise", json={"text": text, "no_model": True, "published": PUBLISHED}
    )
    assert res.status_code == 200, res.text
    report = res.json()
    assert report["after"]["seo"]["value"] > report["before"]["seo"]["value"]
    assert report["model"] is None
    assert report["article"]["date_published"].startswith("2026-03-01T08:00:00")
    run_id = res.headers["x-plume-run"]
    files = {
        n: client.get(f"/api/runs/{run_id}/files/{n}")
        for n in ("article.md", "article.html", "report.json")
    }
    assert files["report.json"].content == res.content
    assert files["article.md"].headers["content-disposition"] == 'attachment; filename="article.md"'
    assert files["article.html"].headers["content-type"].startswith("text/html")
    # The CLI stamps "now"; the studio took the given date: the rest is identical.
    out = tmp_path / "cli"
    cli_out = CliRunner().invoke(cli, ["optimise", str(SEED), "-o", str(out), "--no-model"])
    assert cli_out.exit_code == 0, cli_out.output
    cli_md = (out / "article.md").read_text(encoding="utf-8")
    assert "date: 2026-03-01T08:00:00+00:00" in files["article.md"].text
    assert _DATE_LINE.sub("", files["article.md"].text) == _DATE_LINE.sub("", cli_md)
    # A second run with the same published date is byte-identical.
    again = client.post(
        "/api/optimise", json={"text": text, "no_model": True, "published": PUBLISHED}
    )
    md2 = client.get(f"/api/runs/{again.headers['x-plume-run']}/files/article.md")
    assert md2.content == files["article.md"].content
    assert client.get(f"/api/runs/{run_id}/files/secret.txt").status_code == 404


def test_two_concurrent_runs_keep_their_own_results(settings: Settings) -> None:
    """Two optimisations at once through the ASGI app: each gets its own article back."""
    app = create_app(settings)
    texts = {
        "seed": SEED.read_text(encoding="utf-8"),
        "velo": EXAMPLE.read_text(encoding="utf-8"),
    }

    async def both() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as ac:
            return await asyncio.gather(
                *(
                    ac.post(
                        "/api/optimise",
                        json={"text": t, "name": name, "no_model": True},
                        timeout=120,
                    )
                    for name, t in texts.items()
                )
            )

    seed_res, velo_res = asyncio.run(both())
    assert seed_res.status_code == velo_res.status_code == 200
    seed, velo = seed_res.json(), velo_res.json()
    assert seed["source"] == "seed" and velo["source"] == "velo"
    assert "OpenAI" in seed["after"]["text"] and "OpenAI" not in velo["after"]["text"]
    assert "vélo" in velo["keyphrase"] and seed["before"]["brief"]["min_words"] == 700
    assert seed_res.headers["x-plume-run"] != velo_res.headers["x-plume-run"]

    # And through the page's path: two runs queued back to back, polled independently.
    with TestClient(app, base_url=BASE_URL) as client:
        ids = {
            name: client.post("/api/runs", data={"action": "analyse", "text": t}).json()["id"]
            for name, t in texts.items()
        }
        for name, run_id in ids.items():
            assert wait(client, run_id)["status"] == "done"
            text = client.get(f"/api/runs/{run_id}/report").json()["text"]
            assert ("OpenAI" in text) == (name == "seed")


def test_history_lists_reopens_compares_and_deletes(client: TestClient) -> None:
    a = client.post("/api/runs", data={"action": "analyse", "text": EXAMPLE.read_text()}).json()
    b = client.post(
        "/api/runs",
        data={"action": "optimise", "text": EXAMPLE.read_text(), "no_model": "on"},
    ).json()
    assert wait(client, a["id"])["status"] == "done"
    assert wait(client, b["id"])["status"] == "done"
    history = client.get("/api/history").json()
    assert [r["id"] for r in history] == [b["id"], a["id"]]  # newest first
    assert history[0]["seo_after"] > history[0]["seo_before"]
    assert history[1]["action"] == "analyse" and history[1]["seo_after"] is None

    page = client.get("/history")
    assert page.status_code == 200 and b["id"] in page.text
    assert client.get(f"/runs/{a['id']}").status_code == 200
    assert client.get(f"/runs/{b['id']}").status_code == 200
    reopened = client.get(f"/?from={b['id']}")
    assert "Le vélo en ville" in reopened.text

    cmp = client.get(f"/api/compare?a={a['id']}&b={b['id']}").json()
    assert cmp["a"]["seo"]["value"] == history[1]["seo_before"]
    assert cmp["b"]["seo"]["value"] == history[0]["seo_after"]
    assert "SEO-KP-DENSITY" in cmp["codes"]
    cmp_page = client.get(f"/compare?a={a['id']}&b={b['id']}")
    assert cmp_page.status_code == 200 and "SEO-KP-DENSITY" in cmp_page.text

    store = client.app.state.store  # type: ignore[attr-defined]
    assert store.counts(b["id"]) == {"runs": 1, "inputs": 1, "files": 3, "refused_edits": 0}
    assert client.delete(f"/api/runs/{b['id']}").status_code == 204
    assert store.counts(b["id"]) == {"runs": 0, "inputs": 0, "files": 0, "refused_edits": 0}
    assert client.get(f"/api/runs/{b['id']}/report").status_code == 404
    assert client.get(f"/runs/{b['id']}").status_code == 404
    assert client.delete(f"/api/runs/{b['id']}").status_code == 404
    assert [r["id"] for r in client.get("/api/history").json()] == [a["id"]]


def test_upload_limit_is_413_with_a_french_message(tmp_path: Path) -> None:
    settings = studio_settings(tmp_path, max_upload_bytes=2000)
    with TestClient(create_app(settings), base_url=BASE_URL) as client:
        files = {"file": ("gros.txt", b"Le chat dort. " * 200, "text/plain")}
        res = client.post("/api/runs", data={"action": "analyse"}, files=files)
        assert res.status_code == 413
        err = res.json()["error"]
        assert err["type"] == "InputTooLarge" and err["exit_code"] == 6
        assert err["message"].startswith("Fichier trop volumineux\u00a0: 2,8\u00a0ko")
        # Far over the limit: refused from Content-Length, before the body is read.
        big = {"file": ("gros.txt", b"a" * 200_000, "text/plain")}
        res = client.post("/api/runs", data={"action": "analyse"}, files=big)
        assert res.status_code == 413 and "trop volumineux" in res.json()["error"]["message"]
        # Pasted text and the JSON API have the same limit.
        res = client.post("/api/runs", data={"action": "analyse", "text": "mot " * 600})
        assert res.status_code == 413
        assert client.post("/api/analyse", json={"text": "mot " * 600}).status_code == 413
        en = client.post("/api/runs?lang=en", data={"action": "analyse"}, files=files)
        assert en.json()["error"]["message"].startswith("File too large: 2.8\u00a0kB")


def test_unsupported_and_empty_inputs_are_refused(client: TestClient) -> None:
    pdf = {"file": ("article.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 4, "application/pdf")}
    res = client.post("/api/runs", data={"action": "analyse"}, files=pdf)
    status = wait(client, res.json()["id"])
    assert status["status"] == "failed"
    assert status["error"]["type"] == "UnsupportedInput" and status["error"]["exit_code"] == 4
    assert "PDF" in status["error"]["message"]
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    res = client.post("/api/brief", files={"file": ("image.txt", png, "text/plain")})
    assert res.status_code == 415 and res.json()["error"]["type"] == "UnsupportedInput"
    res = client.post("/api/runs", data={"action": "analyse", "text": "   "})
    assert res.status_code == 422 and "Collez un texte" in res.json()["error"]["message"]
    res = client.post("/api/optimise", json={"text": "\n\n"})
    assert res.status_code == 422 and res.json()["error"]["type"] == "EmptyInput"
    assert client.get("/api/runs/0000").status_code == 404


@contextmanager
def rewrite_studio(
    tmp_path: Path, model: Callable[[dict[str, Any]], Any]
) -> Iterator[tuple[TestClient, OpenAIServer]]:
    """A studio whose server-side backend is the loopback OpenAI-compatible server answering
    with ``model`` (the key is read from PLUME_API_KEY where the backend is built)."""
    with OpenAIServer(responder=model) as srv:
        settings = load_settings(
            {
                "studio": {"db_path": tmp_path / "studio.sqlite3"},
                "backend": {"base_url": srv.base_url, "model": "plume-test"},
            },
            env={},
        )
        with TestClient(create_app(settings), base_url=BASE_URL) as client:
            yield client, srv


def post_rewrite(client: TestClient) -> httpx.Response:
    """The example rewritten through the configured "openai" backend, 300 words asked."""
    res = client.post(
        "/api/optimise",
        json={
            "text": EXAMPLE.read_text(encoding="utf-8"),
            "mode": "rewrite",
            "backend": "openai",
            "min_words": 300,
        },
    )
    assert res.status_code == 200, res.text
    return res


def test_rewrite_mode_through_the_configured_openai_endpoint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The browser picks rewrite + "openai"; the endpoint and key live in the server's
    settings, and neither reaches the page, the report or the history."""
    from tests.support.rewrite_model import Model

    monkeypatch.setenv("PLUME_API_KEY", "sk-studio-secret")  # read where the backend is built
    with rewrite_studio(tmp_path, Model()) as (client, srv):
        page = client.get("/").text
        assert 'value="rewrite"' in page and 'value="rewrite" disabled' not in page
        res = post_rewrite(client)
        report = res.json()
        assert report["mode"] == "rewrite" and report["rewrite"]["passed"]
        assert report["rewrite"]["usage"]["calls"] == 5
        # The result page gives the verdict, usage and originality, and offers the files.
        doc = lxml_html.fromstring(client.get(f"/runs/{res.headers['x-plume-run']}").text)
        verdict = doc.get_element_by_id("rw-verdict").text_content()
        assert "Toutes les contraintes sont tenues" in verdict
        assert "5 appels" in doc.get_element_by_id("rw-usage").text_content()
        originality = doc.get_element_by_id("rw-originality").text_content()
        assert re.search(r"Originalité\u00a0: \d+\u202f% de suites", originality)
        assert doc.get_element_by_id("copy-html") is not None
        assert doc.get_element_by_id("dl-article-html") is not None
        (line,) = client.get("/api/history").json()
        assert line["failing"] is False
        history = client.get("/api/history").text
        for text in (res.text, page, history):
            assert "sk-studio-secret" not in text and srv.base_url not in text
        # No model, no rewrite: a clear refusal.
        res = client.post(
            "/api/optimise",
            json={"text": EXAMPLE.read_text(), "mode": "rewrite", "no_model": True},
        )
        assert res.status_code == 422 and "modèle" in res.json()["error"]["message"]
    assert srv.requests[0].headers["authorization"] == "Bearer sk-studio-secret"


def test_a_failing_rewrite_is_shown_failing_with_its_draft(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A model that keeps answering in English: the page says the article fails and why,
    offers the draft marked as failing (never article.html), in French and in English."""
    from tests.support.rewrite_model import HEADINGS, Model

    bad = "Here is your article. Cycling is growing in many cities since 2020."
    monkeypatch.setenv("PLUME_API_KEY", "sk-studio-secret")
    stubborn = Model({h: bad for h in HEADINGS}, stubborn=True)
    with rewrite_studio(tmp_path, stubborn) as (client, _):
        res = post_rewrite(client)
        assert res.json()["rewrite"]["passed"] is False
        run_id = res.headers["x-plume-run"]
        doc = lxml_html.fromstring(client.get(f"/runs/{run_id}").text)
        assert "Article en échec" in doc.get_element_by_id("rw-verdict").text_content()
        failures = [li.text_content() for li in doc.get_element_by_id("rw-failures")]
        assert failures == res.json()["rewrite"]["failures"] and failures
        assert doc.get_element_by_id("rewrite").get("class") == "card rewrite failing"
        # The draft is offered and downloadable; no article.html, so no "copy the HTML".
        assert doc.get_element_by_id("dl-article-draft-md") is not None
        assert doc.get_element_by_id("copy-html", None) is None
        assert doc.get_element_by_id("dl-article-html", None) is None
        draft = client.get(f"/api/runs/{run_id}/files/article.draft.md")
        assert draft.status_code == 200
        assert draft.text.startswith('---\nplume_status: "échec"')
        assert client.get(f"/api/runs/{run_id}/files/article.html").status_code == 404
        en = lxml_html.fromstring(client.get(f"/runs/{run_id}?lang=en").text)
        assert "Failing article" in en.get_element_by_id("rw-verdict").text_content()
        # The history marks it too (read from its files, the same in the JSON).
        (line,) = [r for r in client.get("/api/history").json() if r["id"] == run_id]
        assert line["failing"] is True and line["mode"] == "rewrite"
        row = lxml_html.fromstring(client.get("/history").text).get_element_by_id(f"run-{run_id}")
        assert "optimisation (réécriture) en échec" in " ".join(row.text_content().split())


def test_a_statement_to_check_is_listed_on_a_passing_rewrite(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A statement no source makes, kept by a model that repeats it after the repair: the
    article passes (the finding is soft) and the page lists the sentence to check."""
    from tests.e2e.test_rewrite import INVENTED
    from tests.support.rewrite_model import HEADINGS, SECTIONS, Model

    monkeypatch.setenv("PLUME_API_KEY", "sk-studio-secret")
    stubborn = Model({HEADINGS[1]: SECTIONS[HEADINGS[1]] + " " + INVENTED}, stubborn=True)
    with rewrite_studio(tmp_path, stubborn) as (client, _):
        res = post_rewrite(client)
        assert res.json()["rewrite"]["passed"]
        doc = lxml_html.fromstring(client.get(f"/runs/{res.headers['x-plume-run']}").text)
        assert "Toutes les contraintes" in doc.get_element_by_id("rw-verdict").text_content()
        (item,) = [
            " ".join(li.text_content().split()) for li in doc.get_element_by_id("rw-to-check")
        ]
        assert item.startswith("Phrase peu appuyée sur les sources (le paragraphe")
        assert "Les pêcheurs du port réclament" in item


def test_quotations_left_out_of_originality_are_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A section quoting the pasted source word for word: the page says how many sequences
    were left out of the originality share, and why."""
    from tests.e2e.test_rewrite import QUOTE
    from tests.support.rewrite_model import HEADINGS, SECTIONS, Model

    monkeypatch.setenv("PLUME_API_KEY", "sk-studio-secret")
    model = Model({HEADINGS[0]: SECTIONS[HEADINGS[0]] + " " + QUOTE})
    with rewrite_studio(tmp_path, model) as (client, _):
        text = EXAMPLE.read_text(encoding="utf-8") + "\n" + QUOTE + "\n"
        res = client.post(
            "/api/optimise",
            json={"text": text, "mode": "rewrite", "backend": "openai", "min_words": 300},
        )
        assert res.status_code == 200, res.text
        quoted = res.json()["guards"]["originality"]["quoted"]
        assert quoted > 0
        doc = lxml_html.fromstring(client.get(f"/runs/{res.headers['x-plume-run']}").text)
        line = " ".join(doc.get_element_by_id("rw-originality").text_content().split())
        assert f"{quoted} suites dans des citations des sources, non comptées" in line


def test_the_model_is_one_warm_instance_lent_to_one_run_at_a_time(tmp_path: Path) -> None:
    made: list[ScriptedBackend] = []

    def factory() -> ScriptedBackend:
        made.append(ScriptedBackend([]))  # empty proposals: plume falls back, as with a bad model
        return made[-1]

    app = create_app(studio_settings(tmp_path), backend_factory=factory)
    with TestClient(app, base_url=BASE_URL) as client:
        ids = [
            client.post(
                "/api/runs", data={"action": "optimise", "text": EXAMPLE.read_text()}
            ).json()["id"]
            for _ in range(2)
        ]
        statuses = [wait(client, i) for i in ids]
        assert [s["status"] for s in statuses] == ["done", "done"]
        assert all(s["model_calls"] >= 1 for s in statuses)  # the progress line counts calls
        reports = [client.get(f"/api/runs/{i}/report").json() for i in ids]
        assert len(made) == 1  # one backend for the process, reused
        assert made[0].closed is False  # runs never close the shared model
        assert len(made[0].calls) == sum(s["model_calls"] for s in statuses)
    assert made[0].closed is True  # the server closes it when it stops
    assert all(r["model"] == LOCAL_MODEL_NAME for r in reports)


def test_token_is_required_on_every_request(tmp_path: Path) -> None:
    settings = studio_settings(tmp_path, token="s3cret-jeton", host="0.0.0.0")
    with TestClient(create_app(settings), base_url="http://192.0.2.10") as client:
        for path in ("/", "/api/history", "/openapi.json", "/static/studio.js"):
            res = client.get(path)
            assert res.status_code == 401, path
        assert "jeton" in client.get("/api/history").json()["error"]["message"]
        assert (
            client.get("/api/history", headers={"Authorization": "Bearer faux"}).status_code == 401
        )
        ok = client.get("/api/history", headers={"Authorization": "Bearer s3cret-jeton"})
        assert ok.status_code == 200
        # ?token= once: a cookie, and a redirect that drops the token from the address.
        res = client.get("/history?token=s3cret-jeton&lang=en", follow_redirects=False)
        assert res.status_code == 303 and res.headers["location"] == "/history?lang=en"
        cookie = res.headers["set-cookie"]
        assert "HttpOnly" in cookie and "SameSite=strict" in cookie
        assert client.get("/history?lang=en").status_code == 200  # the cookie is sent now


def test_loopback_guard_headers_and_origin(client: TestClient) -> None:
    res = client.get("/")
    csp = res.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert res.headers["x-content-type-options"] == "nosniff"
    assert res.headers["x-frame-options"] == "DENY"
    # DNS rebinding: a foreign Host name is refused on a loopback-bound studio.
    assert client.get("/", headers={"host": "evil.example"}).status_code == 403
    assert client.get("/", headers={"host": "localhost:8765"}).status_code == 200
    # Cross-site form posts are refused.
    res = client.post(
        "/api/runs",
        data={"action": "analyse", "text": "Bonjour."},
        headers={"origin": "https://evil.example"},
    )
    assert res.status_code == 403


def test_article_content_is_escaped_in_the_results_page(client: TestClient) -> None:
    from tests.studio.test_browser import XSS

    res = client.post("/api/analyse", json={"text": XSS, "name": "xss.txt"})
    assert res.status_code == 200
    page = client.get(f"/runs/{res.headers['x-plume-run']}").text
    assert "<script>alert" not in page and "<img" not in page and "<svg" not in page
    assert 'href="javascript' not in page
    assert page.count("<script") == 1  # the studio's own file
    # Parsed as a browser would: the article is text inside the pane, never elements.
    pane = lxml_html.fromstring(page).get_element_by_id("text-after")
    assert "<script>alert('script')</script>" in pane.text_content()
    assert {e.tag for e in pane.iter()} <= {"div", "span"}


def test_openapi_document_declares_the_report_models(client: TestClient) -> None:
    doc = client.get("/openapi.json").json()
    paths = doc["paths"]
    schemas = doc["components"]["schemas"]

    def ref(path: str, method: str, status: str = "200") -> Any:
        return paths[path][method]["responses"][status]["content"]["application/json"]["schema"]

    assert ref("/api/analyse", "post") == {"$ref": "#/components/schemas/Report"}
    assert ref("/api/optimise", "post") == {"$ref": "#/components/schemas/OptimiseReport"}
    either = ref("/api/runs/{run_id}/report", "get")["anyOf"]
    assert {"$ref": "#/components/schemas/Report"} in either
    assert ref("/api/runs", "post", "202") == {"$ref": "#/components/schemas/RunStatus"}
    assert ref("/api/analyse", "post", "413") == {"$ref": "#/components/schemas/ErrorBody"}
    assert "multipart/form-data" in paths["/api/runs"]["post"]["requestBody"]["content"]
    assert "delete" in paths["/api/runs/{run_id}"]
    for name in ("/api/history", "/api/compare", "/api/brief", "/api/runs/{run_id}/files/{name}"):
        assert name in paths
    # Every $ref resolves, and the Report schema is the one the CLI documents.
    text = json.dumps(doc)
    for target in set(re.findall(r'"#/components/schemas/([^"]+)"', text)):
        assert target in schemas, target
    assert "checks" in schemas["Report"]["properties"]
    assert "/docs" not in paths and client.get("/docs").status_code == 404


def test_backend_keys_never_reach_the_browser_or_the_history(
    monkeypatch: pytest.MonkeyPatch, settings: Settings
) -> None:
    secret = "sk-plume-test-0123456789abcdef"
    monkeypatch.setenv(settings.backend.api_key_env, secret)
    with TestClient(create_app(settings), base_url=BASE_URL) as client:
        bodies = [
            client.post("/api/optimise", json={"text": EXAMPLE.read_text(), "no_model": True}),
            client.get("/"),
            client.get("/history"),
            client.get("/openapi.json"),
        ]
        run_id = bodies[0].headers["x-plume-run"]
        bodies.append(client.get(f"/runs/{run_id}"))
        assert all(secret not in r.text for r in bodies)
    db = settings.studio.db_path
    assert db is not None
    for f in db.parent.glob(db.name + "*"):
        assert secret.encode() not in f.read_bytes()


def test_english_pages_and_reports(client: TestClient) -> None:
    res = client.post("/api/analyse?lang=en", json={"text": EXAMPLE.read_text()})
    assert res.json()["lang"] == "en"
    page = client.get(f"/runs/{res.headers['x-plume-run']}?lang=en").text
    assert "Checks" in page and "Contrôles" not in page
    assert 'lang="en"' in client.get("/?lang=en").text


def test_brief_endpoint_reads_the_first_line(client: TestClient) -> None:
    res = client.post("/api/brief", data={"text": EXAMPLE.read_text()})
    brief = res.json()["brief"]
    assert brief["keyphrase"] == "vélo en ville" and brief["min_words"] == 600
    assert client.post("/api/brief", data={"text": "Le chat dort.\n\nIl fait beau."}).json() == {
        "brief": None
    }


def test_pasted_text_format_is_chosen_or_sniffed(client: TestClient) -> None:
    text = "# Le vélo en ville\n\nLes pistes se multiplient. Les cyclistes aussi.\n"
    ids = {
        fmt: client.post(
            "/api/runs", data={"action": "analyse", "text": text, "format": fmt}
        ).json()["id"]
        for fmt in ("md", "txt")
    }
    reports = {}
    for fmt, run_id in ids.items():
        assert wait(client, run_id)["status"] == "done"
        reports[fmt] = client.get(f"/api/runs/{run_id}/report").json()
    assert reports["md"]["format"] == "md" and reports["md"]["title"] == "Le vélo en ville"
    # Markdown pasted as text is still read as Markdown (issue 17: sniffed, whatever the label).
    assert reports["txt"]["format"] == "md" and reports["txt"]["source"] == "texte collé"
    assert reports["txt"]["title"] == "Le vélo en ville"


def test_a_body_without_length_is_counted_as_it_comes(tmp_path: Path) -> None:
    settings = studio_settings(tmp_path, max_upload_bytes=2000)

    def chunks() -> Any:
        for _ in range(40):  # 40 × 4 KiB: past the limit and its 64 KiB room for form fields
            yield b'{"text": "' + b"a" * 4096 if _ == 0 else b"a" * 4096

    with TestClient(create_app(settings), base_url=BASE_URL) as client:
        res = client.post(
            "/api/analyse", content=chunks(), headers={"content-type": "application/json"}
        )
        assert res.status_code == 413
        assert "trop volumineux" in res.json()["error"]["message"]
        assert client.get("/api/history").json() == []


def test_verify_checks_a_field_of_an_optimisation_against_its_source(
    client: TestClient,
) -> None:
    text = SEED.read_text(encoding="utf-8")
    res = client.post(
        "/api/optimise", json={"text": text, "no_model": True, "published": PUBLISHED}
    )
    assert res.status_code == 200, res.text
    run_id, article = res.headers["x-plume-run"], res.json()["article"]
    # The field plume wrote, checked as the verify stage checks it.
    got = client.post("/api/verify", json={"run": run_id, "field": "meta_description"})
    assert got.status_code == 200, got.text
    body = got.json()
    assert body["text"] == article["meta_description"]
    assert body["verdicts"] and all(v["claim"] in body["text"] for v in body["verdicts"])
    assert body["supported"] == all(v["supported"] for v in body["verdicts"])
    # An edited title that turns the source's statement around is refused, with the sentence
    # to reword it from.
    edited = "Microsoft n’a joué aucun rôle dans le drame"
    got = client.post("/api/verify", json={"run": run_id, "field": "title", "text": edited})
    assert got.status_code == 200, got.text
    body = got.json()
    assert body["supported"] is False and body["text"] == edited
    (verdict,) = body["verdicts"]
    assert verdict["reason"] and verdict["reason"] != "la source le dit"
    assert "Microsoft a joué un rôle de premier plan" in verdict["evidence"]
    # The source's own words are supported as they stand.
    own = "Microsoft a joué un rôle de premier plan dans le drame qui se déroule"
    got = client.post("/api/verify", json={"run": run_id, "field": "seo_title", "text": own})
    assert got.json()["supported"] is True
    # The results page has a « Vérifier » button beside each of the three fields.
    page = lxml_html.fromstring(client.get(f"/runs/{run_id}").text)
    buttons = [b for b in page.iter("button") if "verify-btn" in b.get("class", "")]
    assert [b.get("data-field") for b in buttons] == ["title", "seo_title", "meta_description"]
    assert all(b.text_content().strip() == "Vérifier" for b in buttons)


def test_verify_refuses_unknown_runs_analyses_and_bad_fields(client: TestClient) -> None:
    missing = client.post("/api/verify", json={"run": "nope", "field": "title"})
    assert missing.status_code == 404
    assert missing.json()["error"]["type"] == "RunNotFound"
    res = client.post("/api/analyse", json={"text": EXAMPLE.read_text(encoding="utf-8")})
    run_id = res.headers["x-plume-run"]
    analysed = client.post("/api/verify", json={"run": run_id, "field": "title"})
    assert analysed.status_code == 422
    assert "analyse" in analysed.json()["error"]["message"]
    bad = client.post("/api/verify", json={"run": run_id, "field": "slug"})
    assert bad.status_code == 422 and bad.json()["error"]["exit_code"] == 2


def test_undoing_an_edit_produces_the_article_without_it(
    client: TestClient, tmp_path: Path
) -> None:
    body = {"text": EDITED, "no_model": True, "keyphrase": "pistes cyclables"}
    res = client.post("/api/optimise", json=body)
    assert res.status_code == 200, res.text
    run = res.headers["x-plume-run"]
    original = {
        n: client.get(f"/api/runs/{run}/files/{n}").text for n in ("article.md", "report.json")
    }
    lines = client.get(f"/api/runs/{run}/edits").json()
    (split,) = [e for e in lines if e["before"] == EDITED_LONG]
    (fix,) = [e for e in lines if e["kind"] == "COR-SPELLING"]
    assert split["state"] == fix["state"] == "applied"
    # A correction is shown with the words around it.
    assert (fix["before"], fix["after"]) == (
        "Le chantier déja engagé sur la",
        "Le chantier déjà engagé sur la",
    )

    undo = client.put(f"/api/runs/{run}/edits/{split['id']}", json={"refused": True})
    assert undo.status_code == 200, undo.text
    assert undo.json()["refused_edits"] == [split["id"]]
    md = client.get(f"/api/runs/{run}/files/article.md").text
    assert EDITED_LONG in md and "déjà engagé" in md
    assert client.get(f"/api/runs/{run}/files/report.json").text == undo.text
    # The same article as the CLI's with --refuse-edit (the run's date apart).
    out = tmp_path / "cli"
    source = tmp_path / "lyon.txt"
    source.write_text(EDITED, encoding="utf-8")
    args = [
        "optimise",
        str(source),
        "-o",
        str(out),
        "--no-model",
        "--keyphrase",
        "pistes cyclables",
    ]
    cli_out = CliRunner().invoke(cli, [*args, "--refuse-edit", split["id"]])
    assert cli_out.exit_code == 0, cli_out.output
    cli_md = (out / "article.md").read_text(encoding="utf-8")
    assert _DATE_LINE.sub("", md) == _DATE_LINE.sub("", cli_md)

    # A correction too; the page lists both as undone, with a button to restore each.
    client.put(f"/api/runs/{run}/edits/{fix['id']}", json={"refused": True})
    assert "déja engagé" in client.get(f"/api/runs/{run}/files/article.md").text
    states = {e["id"]: e["state"] for e in client.get(f"/api/runs/{run}/edits").json()}
    assert states[split["id"]] == states[fix["id"]] == "refused"
    page = lxml_html.fromstring(client.get(f"/runs/{run}").text)
    restore = page.xpath(f'//li[@id="edit-{fix["id"]}"]//button[@data-refused="false"]')
    assert restore and restore[0].text_content() == "Rétablir"

    # Restored, both: the run's files are the original ones again, byte for byte.
    for edit in (fix, split):
        restored = client.put(f"/api/runs/{run}/edits/{edit['id']}", json={"refused": False})
        assert restored.is_success, restored.text
    again = {
        n: client.get(f"/api/runs/{run}/files/{n}").text for n in ("article.md", "report.json")
    }
    assert again == original
    assert client.get("/api/history").json()[0]["id"] == run  # one run, revised in place


def test_edit_decisions_are_refused_where_they_make_no_sense(client: TestClient) -> None:
    body = {"text": EDITED, "no_model": True, "keyphrase": "pistes cyclables"}
    run = client.post("/api/optimise", json=body).headers["x-plume-run"]
    unknown = client.put(f"/api/runs/{run}/edits/000000000000", json={"refused": True})
    assert unknown.status_code == 404 and unknown.json()["error"]["type"] == "EditNotFound"
    assert (
        client.put("/api/runs/nope/edits/000000000000", json={"refused": True}).status_code == 404
    )
    bad = client.put(f"/api/runs/{run}/edits/000000000000", json={"refused": "peut-être"})
    assert bad.status_code == 422
    analysis = client.post("/api/analyse", json={"text": EDITED}).headers["x-plume-run"]
    refused = client.get(f"/api/runs/{analysis}/edits")
    assert (
        refused.status_code == 422 and "optimisation fidèle" in refused.json()["error"]["message"]
    )
