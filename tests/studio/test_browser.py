"""The studio in a real browser: Debian's Chromium driven by Playwright, against uvicorn.

Scenarios of issue 5 (and issue 4's rewrite verdict): paste the first seed, optimise it (without the model, for speed), see the
scores change, click a check and see its passages highlighted, download the Markdown and compare
it with the CLI's; an article carrying script runs nothing; an upload over the limit is refused
with a French message. The results page is photographed (``PLUME_UPDATE_SCREENSHOT=1`` writes
``docs/studio.png``; ``scripts/studio_screenshot.py`` does that).
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect
from typer.testing import CliRunner

from plume.cli.app import app as cli
from plume.settings import load_settings
from tests.conftest import EXAMPLE, ROOT
from tests.studio.conftest import SEED, LiveServer
from tests.support.edited_article import EDITED, EDITED_LONG
from tests.support.openai_server import OpenAIServer
from tests.support.rewrite_model import HEADINGS, Model

pytestmark = pytest.mark.slow

#: The one line that differs between two runs of the same input: the publication time (now).
_DATE_LINE = re.compile(r"^date: .*$", re.MULTILINE)


@pytest.fixture
def page(browser: Any, live: LiveServer) -> Iterator[Any]:
    context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live.url)
    p = context.new_page()
    p.set_default_timeout(60_000)  # the first optimisation loads spaCy (several seconds)
    dialogs: list[str] = []

    def on_dialog(dialog: Any) -> None:
        # Recorded for the XSS test; the history's deletion asks for a confirmation.
        dialogs.append(dialog.message)
        if dialog.type == "confirm":
            dialog.accept()
        else:
            dialog.dismiss()

    p.on("dialog", on_dialog)
    p.dialogs = dialogs  # type: ignore[attr-defined]
    yield p
    context.close()


def test_optimise_the_seed_scores_highlight_download(
    page: Any, live: LiveServer, tmp_path: Path
) -> None:
    page.goto(live.url + "/")
    assert page.locator("h1").first.inner_text() == "Votre article"
    page.fill("#text", SEED.read_text(encoding="utf-8"))
    # The brief on the first line ("create at least 700 words") fills the word target.
    # (expect() polls from Python: the page's CSP forbids the eval wait_for_function needs.)
    expect(page.locator("#min_words")).to_have_value("700")
    assert "Consigne comprise" in page.inner_text("#brief")
    assert page.is_enabled("input[value=rewrite]")  # rewrite mode is offered (issue 4)
    page.check("#no_model")
    page.click("#btn-optimise")
    page.wait_for_url(re.compile(r"/runs/[0-9a-f]+$"))

    seo_before = int(page.inner_text("#score-seo .before b"))
    seo_after = int(page.inner_text("#score-seo .after b"))
    assert seo_after > seo_before
    assert page.locator("#text-before").inner_text().startswith("La mise en scène")
    assert page.locator(".serp.desktop .serp-title").inner_text()

    # Click a check that points at passages: they light up, and only they.
    assert page.locator(".seg.hl").count() == 0
    button = page.locator(".check-btn:not([data-empty])").first
    code = button.get_attribute("data-k")
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    lit = page.locator(".seg.hl")
    assert lit.count() > 0
    assert all(
        code in (k or "").split() for k in lit.evaluate_all("els => els.map(e => e.dataset.k)")
    )
    color = lit.first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert color not in ("rgba(0, 0, 0, 0)", "transparent")
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(tmp_path / "studio.png"), full_page=False)
    if os.environ.get("PLUME_UPDATE_SCREENSHOT") == "1":
        shutil.copyfile(tmp_path / "studio.png", ROOT / "docs" / "studio.png")

    page.click("#copy-html")
    expect(page.locator("#copy-status")).to_have_text("HTML copié.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("<!DOCTYPE html>") and "<h1>" in copied

    with page.expect_download() as info:
        page.click("#dl-article-md")
    studio_md = Path(info.value.path()).read_text(encoding="utf-8")

    out = tmp_path / "cli"
    res = CliRunner().invoke(cli, ["optimise", str(SEED), "-o", str(out), "--no-model"])
    assert res.exit_code == 0, res.output
    cli_md = (out / "article.md").read_text(encoding="utf-8")
    # Same input, same options: identical but for the publication time each run stamps.
    assert _DATE_LINE.search(cli_md) and _DATE_LINE.search(studio_md)
    assert _DATE_LINE.sub("date: X", studio_md) == _DATE_LINE.sub("date: X", cli_md)
    assert page.dialogs == []  # type: ignore[attr-defined]


def test_verify_buttons_say_whether_the_source_supports_a_field(
    page: Any, live: LiveServer
) -> None:
    page.goto(live.url + "/")
    page.fill("#text", SEED.read_text(encoding="utf-8"))
    page.check("#no_model")
    page.click("#btn-optimise")
    page.wait_for_url(re.compile(r"/runs/[0-9a-f]+$"))
    for name in ("title", "seo_title", "meta_description"):
        field = page.locator(f"#field-{name}")
        assert field.locator(".field-text").inner_text()
        field.locator(".verify-btn").click()
        verdict = field.locator(".verdict p").first
        # « étayé », or « non étayé : raison », with the source sentence under it.
        expect(verdict).to_have_text(re.compile(r"^(✓|✗) .*(étayé$|non étayé : .+)"))
        expect(field.locator(".verify-btn")).to_be_enabled()
        if "✓" in verdict.inner_text():
            assert field.locator(".evidence").first.inner_text().startswith("Source")
    assert page.dialogs == []  # type: ignore[attr-defined]


def test_undo_an_edit_and_see_the_article_change(page: Any, live: LiveServer) -> None:
    page.goto(live.url + "/")
    page.fill("#text", EDITED)
    page.fill("#keyphrase", "pistes cyclables")
    page.check("#no_model")
    page.click("#btn-optimise")
    page.wait_for_url(re.compile(r"/runs/[0-9a-f]+$"))
    after = page.locator("#text-after")
    split, joined = "2025. La région financera", "2025, et la région financera"
    assert split in after.inner_text() and joined not in after.inner_text()
    edit = page.locator("li.edit", has=page.locator(".del", has_text=joined))
    assert edit.locator(".edit-kind").inner_text() == "Phrase coupée (deux propositions)"
    assert split in edit.locator(".ins").inner_text()

    edit.get_by_role("button", name="Annuler").click()
    # The page comes back with the article produced again, without the split.
    expect(edit).to_have_class(re.compile(r"\brefused\b"))
    expect(after).to_contain_text(joined)
    assert split not in after.inner_text()
    with page.expect_download() as info:
        page.click("#dl-article-md")
    assert EDITED_LONG in Path(info.value.path()).read_text(encoding="utf-8")

    edit.get_by_role("button", name="Rétablir").click()
    expect(edit).to_have_class(re.compile(r"\bapplied\b"))
    expect(after).to_contain_text(split)
    assert page.dialogs == []  # type: ignore[attr-defined]


XSS = (
    "Le vélo en ville <script>alert('script')</script> progresse chaque année.\n\n"
    'Une image <img src="x" onerror="alert(\'onerror\')"> et un lien '
    "<a href=\"javascript:alert('lien')\">cliquez</a>, puis [encore](javascript:alert('md')).\n\n"
    "Les cyclistes réclament des pistes sûres <svg onload=\"alert('svg')\"></svg> partout."
)


def test_an_article_with_script_runs_nothing(page: Any, live: LiveServer) -> None:
    page.goto(live.url + "/")
    page.fill("#text", XSS)
    page.click("#btn-analyse")
    page.wait_for_url(re.compile(r"/runs/[0-9a-f]+$"))
    # Click every check: the highlighting path must not turn text into markup either.
    for button in page.locator(".check-btn").all():
        button.click()
    page.wait_for_timeout(200)  # let any (wrongly) injected handler fire
    assert page.dialogs == []  # type: ignore[attr-defined]
    scripts = page.evaluate("Array.from(document.scripts).map(s => s.getAttribute('src'))")
    assert scripts == ["/static/studio.js"]
    assert page.locator("#text-after img, #text-after svg, #text-after a").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    assert page.locator("[onerror], [onload]").count() == 0
    # The article is shown as the text it is.
    assert "<script>alert('script')</script>" in page.inner_text("#text-after")


def test_an_upload_over_the_limit_is_refused_in_french(page: Any, live: LiveServer) -> None:
    limit = live.app.state.settings.studio.max_upload_bytes
    page.goto(live.url + "/")
    page.fill("#text", "Texte gardé après l’échec.")
    page.set_input_files(
        "#file",
        files=[{"name": "gros.txt", "mimeType": "text/plain", "buffer": b"a" * (limit + 10)}],
    )
    page.click("#btn-analyse")
    error = page.locator("#error")
    error.wait_for(state="visible")
    assert "trop volumineux" in error.inner_text()
    assert "pour une limite de 300\u00a0ko" in error.inner_text()
    # The input is kept and the buttons are usable again.
    assert page.input_value("#text") == "Texte gardé après l’échec."
    assert page.is_enabled("#btn-analyse")


def test_history_compare_and_delete(page: Any, live: LiveServer) -> None:
    ids = []
    for text in ("Le vélo en ville progresse. Les pistes se multiplient.", XSS):
        page.goto(live.url + "/")
        page.fill("#text", text)
        page.click("#btn-analyse")
        page.wait_for_url(re.compile(r"/runs/[0-9a-f]+$"))
        ids.append(page.url.rsplit("/", 1)[1])
    page.goto(live.url + "/history")
    page.click("#compare")  # nothing ticked yet
    expect(page.locator("#error")).to_have_text("Cochez exactement deux passages.")
    for run_id in ids:
        page.check(f"#run-{run_id} .pick")
    page.click("#compare")
    page.wait_for_url(re.compile(r"/compare\?"))
    assert page.locator("table.compare tbody tr").count() > 2
    page.goto(live.url + "/history")
    page.click(f"#run-{ids[0]} button.delete")
    expect(page.locator(f"#run-{ids[0]}")).to_have_count(0)
    page.reload()
    assert page.locator(f"#run-{ids[0]}").count() == 0
    assert page.locator(f"#run-{ids[1]}").count() == 1


def test_a_rewrite_shows_its_verdict_in_the_browser(
    browser: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rewrite mode picked in the form, through the loopback OpenAI-compatible server the
    studio is configured with: a model stuck in English gives a page that says the article
    fails and why, offers the draft marked as failing and no HTML to copy; the history marks
    the run. Then a good model: the verdict says every constraint holds and the HTML is copied."""
    english = "Here is your article. Cycling is growing in many cities since 2020."
    models = [Model({h: english for h in HEADINGS}, stubborn=True), Model()]
    monkeypatch.setenv("PLUME_API_KEY", "sk-browser-secret")

    def rewrite(page: Any, url: str) -> str:
        page.goto(url + "/")
        page.fill("#text", EXAMPLE.read_text(encoding="utf-8"))
        page.fill("#min_words", "300")
        page.check("input[name=mode][value=rewrite]")
        page.select_option("#backend", "openai")
        page.click("#btn-optimise")
        page.wait_for_url(re.compile(r"/runs/[0-9a-f]+$"))
        return str(page.url.rsplit("/", 1)[1])

    with OpenAIServer(responder=lambda request: models[0](request)) as srv:
        settings = load_settings(
            {
                "studio": {"db_path": tmp_path / "studio.sqlite3"},
                "backend": {"base_url": srv.base_url, "model": "plume-test"},
            },
            env={},
        )
        with LiveServer(settings) as live:
            context = browser.new_context(accept_downloads=True)
            context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live.url)
            page = context.new_page()
            page.set_default_timeout(60_000)
            failing = rewrite(page, live.url)
            card = page.locator("#rewrite")
            expect(card).to_be_visible()
            expect(page.locator("#rw-verdict")).to_contain_text("Article en échec")
            # Red, not the passing card's colour.
            bad = page.locator("#rw-verdict").evaluate("e => getComputedStyle(e).color")
            report = page.request.get(f"{live.url}/api/runs/{failing}/report").json()
            assert report["rewrite"]["passed"] is False
            shown = page.locator("#rw-failures li").all_inner_texts()
            assert shown == report["rewrite"]["failures"] and shown
            assert page.locator("#copy-html").count() == 0
            assert page.locator("#dl-article-html").count() == 0
            with page.expect_download() as info:
                page.click("#dl-article-draft-md")
            draft = Path(info.value.path()).read_text(encoding="utf-8")
            assert draft.startswith('---\nplume_status: "échec"')
            page.goto(f"{live.url}/history")
            expect(page.locator(f"#run-{failing}")).to_contain_text("en échec")

            models.pop(0)  # the endpoint now answers like a good instruction model
            passing = rewrite(page, live.url)
            expect(page.locator("#rw-verdict")).to_contain_text(
                "Toutes les contraintes sont tenues"
            )
            good = page.locator("#rw-verdict").evaluate("e => getComputedStyle(e).color")
            assert good != bad
            assert page.locator("#rw-failures").count() == 0
            page.click("#copy-html")
            expect(page.locator("#copy-status")).to_have_text("HTML copié.")
            copied = page.evaluate("navigator.clipboard.readText()")
            assert copied.startswith("<!DOCTYPE html>") and "<h1>" in copied
            page.goto(f"{live.url}/history")
            expect(page.locator(f"#run-{passing}")).not_to_contain_text("en échec")
            # The key is the server's: never in a page the browser received.
            assert "sk-browser-secret" not in page.content()
            context.close()
