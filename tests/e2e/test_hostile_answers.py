"""Whatever a model answers, plume ends with an article or an honest failure (issue 20).

Hypothesis draws hostile answers — empty, blank, ~300 KB, truncated JSON, JSON of the wrong shape
or types, a field far over its length, English, Markdown, HTML with ``</script>``, control
characters, the prompt echoed, a refusal, another language in each field — and the loopback
OpenAI-compatible server (``tests/support/openai_server.py``) sends them through the real HTTP
client at one place where plume asks a model something, every time it asks there:

* rewrite mode (``plume optimise --rewrite``): the plan, the lead, a section, and the repairs of
  the title, the SEO title, the meta description and a heading (the plan carries a placeholder
  in that field, so the field is sent back to the model);
* faithful mode (``plume optimise --backend openai``): the heading, title and description
  candidates.

Rewrite mode ends with exit 0 and a passing article, or exit 13, the draft marked failing and
``report.json`` naming each failing part and why; faithful mode ends with exit 0, the
deterministic field standing in for a rejected answer. Never a traceback, never a file left
half-written (only the expected files in the output folder), never a control character in them.
Few examples per kind and a fixed seed (``derandomize``): the whole file takes about a minute.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from plume.cli.app import app
from tests.conftest import EXAMPLE
from tests.support.openai_server import OpenAIServer, ReplyLike, echo
from tests.support.rewrite_model import HEADINGS, META, SEO_TITLE, TITLE, Model, first_user

runner = CliRunner()

FRENCH = "Le vélo en ville progresse depuis 2020 et les élus multiplient les voies réservées. "
ENGLISH = (
    "The city council met on Tuesday to discuss the new bicycle lanes, and most members "
    "agreed that the budget should grow next year. "
)
REFUSALS = (
    "Je ne peux pas répondre à cette demande.",
    "Désolé, je ne peux pas vous aider à réécrire cet article.",
    "En tant qu’assistant, je ne suis pas en mesure de produire ce contenu.",
    "I'm sorry, but I can't help with that.",
)
OTHER_LANGUAGES = (
    "Cycling in the city keeps growing since 2020",
    "Radfahren in der Stadt wächst seit 2020 stark",
    "El ciclismo urbano crece mucho desde 2020 en las ciudades",
    "Il ciclismo in città cresce dal 2020 in tutte le regioni",
)
#: JSON leaves and containers of any type, for answers of the wrong shape.
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner),
    max_leaves=12,
)
#: Control and format characters (C0, C1, zero-width, BOM, bidi overrides), never surrogates.
CONTROL = st.characters(categories=["Cc", "Cf"])


def _good_text(good: Any) -> str:
    return json.dumps(good, ensure_ascii=False) if isinstance(good, dict) else str(good)


def _constant(request: dict[str, Any], good: Any, text: str) -> ReplyLike:
    return text


def _huge(request: dict[str, Any], good: Any, spec: tuple[str, int]) -> ReplyLike:
    return spec[0] * spec[1]  # 250–370 KB


def _truncated(request: dict[str, Any], good: Any, share: float) -> ReplyLike:
    whole = json.dumps(good if isinstance(good, dict) else {"text": good}, ensure_ascii=False)
    return whole[: max(1, int(len(whole) * share))]


def _json(request: dict[str, Any], good: Any, value: Any) -> ReplyLike:
    return json.dumps(value)


def _over_length(request: dict[str, Any], good: Any, spec: tuple[str, int]) -> ReplyLike:
    field, times = spec
    if isinstance(good, dict):
        plan: dict[str, Any] = json.loads(json.dumps(good))
        if field == "heading":
            plan["sections"][0]["heading"] *= times
        else:
            plan[field] *= times
        return plan
    return str(good) * times


def _english(request: dict[str, Any], good: Any, times: int) -> ReplyLike:
    return ENGLISH * times


def _markdown(request: dict[str, Any], good: Any, fence: bool) -> ReplyLike:
    body = f"# {TITLE}\n\n**{_good_text(good)}**\n\n- premier point\n- *second* point\n\n> citée"
    return body + ('\n\n```json\n{"title": 1}\n```' if fence else "")


def _html(request: dict[str, Any], good: Any, end: str) -> ReplyLike:
    return (
        f"<html><head><script>alert('plume')</script>{end}</script></head><body>"
        f"<h1>{TITLE}</h1><p>{_good_text(good)}</p><!-- --></body></html>"
    )


def _control(request: dict[str, Any], good: Any, spec: tuple[str, float]) -> ReplyLike:
    chars, at = spec
    text = _good_text(good)
    cut = int(len(text) * at)
    return text[:cut] + chars + text[cut:]


def _echo(request: dict[str, Any], good: Any, value: None) -> ReplyLike:
    return echo(request)


def _languages(request: dict[str, Any], good: Any, shift: int) -> ReplyLike:
    """Another language in each field (the plan) or each paragraph (a text)."""
    langs = OTHER_LANGUAGES[shift:] + OTHER_LANGUAGES[:shift]
    if isinstance(good, dict):
        return {
            "title": langs[0],
            "seo_title": langs[1],
            "meta_description": f"{langs[2]}. {langs[3]}.",
            "sections": [
                {"heading": langs[k % 4], "passages": s["passages"]}
                for k, s in enumerate(good["sections"])
            ],
        }
    return "\n\n".join(f"{x}." for x in langs)


#: Each kind: how the answer is built (from the request, the good answer — a plan as a dict,
#: a text as a str — and the drawn value), and what hypothesis draws.
KINDS: dict[str, tuple[Callable[[dict[str, Any], Any, Any], ReplyLike], st.SearchStrategy[Any]]] = {
    "empty": (_constant, st.sampled_from(["", " ", "\n\n", "\t \r\n", "\u00a0\u2009"])),
    "huge": (
        _huge,
        st.tuples(
            st.sampled_from([FRENCH, ENGLISH, '{"title": "Vélo", ']), st.integers(3_000, 3_600)
        ),
    ),
    "truncated_json": (_truncated, st.floats(0.05, 0.95)),
    "wrong_shape": (
        _json,
        st.one_of(
            JSON_VALUES,
            st.fixed_dictionaries(
                {
                    "title": JSON_VALUES,
                    "seo_title": JSON_VALUES,
                    "meta_description": JSON_VALUES,
                    "sections": st.lists(
                        st.fixed_dictionaries({"heading": JSON_VALUES, "passages": JSON_VALUES}),
                        max_size=4,
                    )
                    | JSON_VALUES,
                }
            ),
        ),
    ),
    "over_length": (
        _over_length,
        st.tuples(
            st.sampled_from(["title", "seo_title", "meta_description", "heading"]),
            st.integers(30, 400),
        ),
    ),
    "english": (_english, st.integers(1, 30)),
    "markdown": (_markdown, st.booleans()),
    "html_script": (_html, st.sampled_from(["</script>", "</SCRIPT >", "<!--</script>-->"])),
    "control": (_control, st.tuples(st.text(CONTROL, min_size=1, max_size=12), st.floats(0, 1))),
    "echo": (_echo, st.none()),
    "refusal": (_constant, st.sampled_from(REFUSALS)),
    "languages": (_languages, st.integers(0, 3)),
}


@dataclass(frozen=True)
class Hostile:
    """One hostile answer: its kind and the value drawn for it."""

    kind: str
    value: Any

    def build(self, request: dict[str, Any], good: Any) -> ReplyLike:
        return KINDS[self.kind][0](request, good, self.value)


def _hostile(kind: str, data: st.DataObject) -> Hostile:
    value = data.draw(KINDS[kind][1], label=kind)
    return Hostile(kind, value)


# -- rewrite mode ------------------------------------------------------------------------------

#: Where rewrite mode asks the model: the plan, the lead, a section, and four repairs.
REWRITE_SITES = ("plan", "intro", "section", "title", "seo_title", "meta_description", "heading")
#: A placeholder the leftover guard refuses: it sends the field it is in to a repair.
PLACEHOLDER = " [Insérer le lien]"


def _site(model: Model, request: dict[str, Any]) -> str:
    """Which call site a request is."""
    user = first_user(request)
    if "Réécris l’intertitre" in user:
        return "heading"
    if re.search(r"Réécris le titre de l’article", user):
        return "title"
    part = model.part(request)
    return "section" if part == HEADINGS[0] else part


class HostileModel(Model):
    """Good answers, except ``hostile`` at ``site`` every time it is asked there (repairs and
    re-asks included). For a repair site, the plan holds a placeholder in that field."""

    def __init__(self, site: str, hostile: Hostile) -> None:
        super().__init__()
        self.site = site
        self.hostile = hostile
        self.served = 0

    def answer(self, part: str, request: dict[str, Any]) -> ReplyLike:
        good = super().answer(part, request)
        if part == "plan" and isinstance(good, dict):
            if self.site in ("title", "seo_title", "meta_description"):
                good[self.site] = good[self.site].rstrip(".") + PLACEHOLDER
            if self.site == "heading":
                good["sections"][1]["heading"] += PLACEHOLDER
        return good

    def __call__(self, request: dict[str, Any]) -> ReplyLike:
        if _site(self, request) != self.site:
            return super().__call__(request)
        self.requests.append(request)
        self.served += 1
        part = self.part(request)
        good: Any = {
            "title": TITLE,
            "seo_title": SEO_TITLE,
            "meta_description": META,
            "heading": HEADINGS[1],
        }.get(self.site) or self.answer(part, request)
        return self.hostile.build(request, good)


def _no_control_characters(folder: Path) -> None:
    for path in folder.iterdir():
        text = path.read_text(encoding="utf-8")
        bad = {c for c in text if unicodedata.category(c) == "Cc" and c not in "\n\t"}
        assert not bad, (path.name, bad)


def _run(args: list[str], responder: Callable[[dict[str, Any]], ReplyLike]) -> tuple[Any, Path]:
    out = Path(tempfile.mkdtemp(prefix="plume-hostile-")) / "out"
    with OpenAIServer(responder=responder) as srv:
        res = runner.invoke(
            app,
            [
                *args,
                "-o",
                str(out),
                "--backend",
                "openai",
                "--base-url",
                srv.base_url,
                "--model",
                "plume-test",
            ],
            env={"PLUME_API_KEY": "sk-test", "PLUME_BACKEND__MAX_RETRIES": "0"},
        )
    assert not srv.errors, srv.errors
    return res, out


def _no_traceback(res: Any) -> None:
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
    assert "Traceback" not in res.output, res.output[-2000:]


@pytest.mark.parametrize("site", REWRITE_SITES)
@pytest.mark.parametrize("kind", sorted(KINDS))
@settings(
    derandomize=True,
    max_examples=1,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(data=st.data())
def test_rewrite_mode_survives_every_answer(kind: str, site: str, data: st.DataObject) -> None:
    hostile = _hostile(kind, data)
    model = HostileModel(site, hostile)
    res, out = _run(["optimise", "--rewrite", str(EXAMPLE), "--min-words", "300"], model)
    assert model.served >= 1, f"the {site} was never asked"
    _no_traceback(res)
    assert res.exit_code in (0, 13), res.output[-2000:]
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    rw = report["rewrite"]
    names = sorted(p.name for p in out.iterdir())
    if res.exit_code == 0:
        assert rw["passed"] and names == ["article.html", "article.md", "report.json"]
    else:
        # The draft is marked failing; each failure names its part and the reason.
        assert not rw["passed"] and rw["failures"]
        assert names == ["article.draft.md", "report.json"]
        assert all(re.match(r"^\S+ — \S", line) for line in rw["failures"]), rw["failures"]
        assert "Article en échec" in res.output
    if site == "plan" and rw["plan_source"] == "deterministic":
        assert rw["plan_problem"]  # why the model's plan was not used
    _no_control_characters(out)


# -- faithful mode -----------------------------------------------------------------------------

FAITHFUL_SITES = ("heading", "title", "meta_description")


def _faithful_site(request: dict[str, Any]) -> str:
    prompt = str(request.get("prompt", ""))
    if prompt.startswith("Titres d’articles"):
        return "title"
    if prompt.startswith("Descriptions pour les moteurs"):
        return "meta_description"
    if prompt.startswith("Intertitres d’articles"):
        return "heading"
    return "other"


def _headless_source() -> Path:
    """The example without its headline and its first subheading: faithful mode then asks the
    model for a title and for the heading of the section that lost its own."""
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    path = Path(tempfile.mkdtemp(prefix="plume-hostile-src-")) / "article.txt"
    kept = [lines[0], *(x for x in lines[2:] if x != "Des aménagements qui changent tout")]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("site", FAITHFUL_SITES)
@pytest.mark.parametrize("kind", sorted(KINDS))
@settings(
    derandomize=True,
    max_examples=1,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(data=st.data())
def test_faithful_mode_falls_back_on_every_answer(
    kind: str, site: str, data: st.DataObject
) -> None:
    hostile = _hostile(kind, data)
    served: list[str] = []
    good = {
        "title": "Vélo en ville : les pistes cyclables se multiplient",
        "meta_description": META,
        "heading": HEADINGS[1],
    }[site]

    def responder(request: dict[str, Any]) -> ReplyLike:
        if _faithful_site(request) != site:
            return ""  # no candidate: the deterministic field
        served.append(site)
        return hostile.build(request, good)

    res, out = _run(["optimise", str(_headless_source()), "--min-words", "300"], responder)
    assert served, f"the {site} was never asked"
    _no_traceback(res)
    assert res.exit_code == 0, res.output[-2000:]
    assert sorted(p.name for p in out.iterdir()) == ["article.html", "article.md", "report.json"]
    article = json.loads((out / "report.json").read_text(encoding="utf-8"))["article"]
    # Whatever was proposed, the published fields keep their bounds.
    assert 3 <= len(article["title"]) <= 120
    assert len(article["meta_description"]) <= 156
    assert all(3 <= len(s["heading"]) <= 70 for s in article["sections"])
    _no_control_characters(out)


# -- the case, as a user runs it --------------------------------------------------------


def test_long_english_prose_ends_in_exit_13_as_a_real_subprocess(tmp_path: Path) -> None:
    """Issue 20's traceback: every request answered with ~3,000 characters of English prose
    (a heading repair got a paragraph, and pydantic raised). Now: exit 13, the report naming
    the parts and why, no traceback."""
    prose = ENGLISH * 25
    out = tmp_path / "out"
    with OpenAIServer(responder=lambda request: prose) as srv:
        res = subprocess.run(
            [
                sys.executable,
                "-m",
                "plume",
                "optimise",
                "--rewrite",
                str(EXAMPLE),
                "-o",
                str(out),
                "--backend",
                "openai",
                "--base-url",
                srv.base_url,
                "--model",
                "x",
            ],
            capture_output=True,
            text=True,
            timeout=300,
            env={**os.environ, "PLUME_API_KEY": "sk-test", "PLUME_LANG": "fr"},
        )
    assert res.returncode == 13, res.stderr[-2000:]
    assert "Traceback" not in res.stdout + res.stderr
    assert len(srv.generation_requests) >= 2
    assert sorted(p.name for p in out.iterdir()) == ["article.draft.md", "report.json"]
    rw = json.loads((out / "report.json").read_text(encoding="utf-8"))["rewrite"]
    assert not rw["passed"] and rw["plan_source"] == "deterministic"
    assert "JSON" in rw["plan_problem"]  # why the model's plan was not used
    assert rw["failures"] and all(re.match(r"^\S+ — \S", line) for line in rw["failures"])
