"""Rewrite mode against a misbehaving endpoint, and with a source in English (issue 4).

Every run goes through ``plume optimise --rewrite`` and the real HTTP client (httpx) against the
loopback OpenAI-compatible server, the scripted model of ``tests/support/rewrite_model.py``
answering. Each test injects one bad answer — a plan cut mid-JSON, a 429 with ``Retry-After``, a
reply that never comes, a connection dropped mid-body, a server that keeps failing — and checks
what the run did about it: re-asked, retried (after the wait the server asked for), or ended
truthfully (exit 13, the draft kept and marked failing, ``report.json`` naming what failed).
The last tests translate: an English news text, a French article from it whose figures and
dates are written the French way, and the fact check accepting them — but not an invented one.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from plume.verify.guards import languages_of
from tests.support.openai_server import Drop, Error, Hang, RecordedRequest, Reply, ReplyLike
from tests.support.rewrite_model import (
    HEADINGS,
    META,
    SECTIONS,
    Model,
    first_user,
    plan_for,
    run_rewrite,
)

#: Short waits so the whole file stays fast: a hung reply ends after TIMEOUT_S, and a
#: failing part is given up after 1 + MAX_RETRIES attempts.
TIMEOUT_S = "0.4"
MAX_RETRIES = 1
FAST_FAILURE = {
    "PLUME_BACKEND__TIMEOUT_S": TIMEOUT_S,
    "PLUME_BACKEND__MAX_RETRIES": str(MAX_RETRIES),
    "PLUME_BACKEND__MAX_BACKOFF_S": "0.1",
}


def _for_part(requests: list[RecordedRequest], marker: str) -> list[RecordedRequest]:
    """The generation requests whose task (first user message) contains ``marker``."""
    return [r for r in requests if r.body is not None and marker in first_user(r.body)]


def _section(heading: str) -> str:
    return f"partie « {heading} »"


def _cut_plan(request: dict[str, Any]) -> str:
    whole = json.dumps(plan_for(request), ensure_ascii=False)
    return whole[: len(whole) // 2]


def _truncated_plan(request: dict[str, Any]) -> ReplyLike:
    """The plan's JSON cut in the middle, as a model stopped by ``max_tokens`` writes it."""
    return Reply(_cut_plan(request), finish_reason="length")


def _assert_failed_truthfully(res: Any, out: Path) -> None:
    """Exit 13, no traceback, the French failure line, no article presented as passing."""
    assert res.exit_code == 13, res.output
    assert isinstance(res.exception, SystemExit) and "Traceback" not in res.output
    assert "Article en échec" in res.output and "moteur en échec" in res.output
    assert not (out / "article.md").exists() and not (out / "article.html").exists()
    draft = (out / "article.draft.md").read_text(encoding="utf-8")
    assert draft.startswith('---\nplume_status: "échec"\nplume_failures:\n')


# -- truncated JSON -------------------------------------------------------------------------


def test_a_plan_cut_mid_json_is_reasked_and_the_models_plan_used(tmp_path: Path) -> None:
    model = Model({"plan": _truncated_plan})
    res, report, srv = run_rewrite(tmp_path, model)
    assert res.exit_code == 0, res.output
    rw = report["rewrite"]
    assert rw["passed"] and rw["plan_source"] == "model" and rw["plan_problem"] is None
    assert [s["heading"] for s in report["article"]["sections"]] == HEADINGS
    # The re-ask continues the conversation: the cut answer, then the complaint naming it.
    plans = _for_part(srv.generation_requests, "Prépare le plan")
    assert len(plans) == 2
    assert plans[0].body is not None and plans[1].body is not None
    reask = plans[1].body["messages"]
    assert [m["role"] for m in reask] == ["system", "user", "assistant", "user"]
    assert reask[2]["content"] == _cut_plan(plans[0].body)
    assert "tronquée" in reask[3]["content"]
    # Usage counts the extra call: two for the plan, the lead, three sections.
    assert rw["usage"]["calls"] == 6 == len(srv.generation_requests)


def test_a_plan_cut_twice_falls_back_to_the_deterministic_plan(tmp_path: Path) -> None:
    model = Model({"plan": _truncated_plan}, stubborn=True)
    res, report, _ = run_rewrite(tmp_path, model)
    rw = report["rewrite"]
    assert rw["plan_source"] == "deterministic"
    # Why, in French: the JSON was cut (and by the length limit).
    problem = rw["plan_problem"]
    assert "2 essais" in problem and "tronquée" in problem and "limite de longueur" in problem
    assert "truncated" not in problem and "answer" not in problem
    assert model.calls["plan"] == 2 and rw["usage"]["calls"] == 6
    # The faithful planner's outline holds at least three sections (the floor a model's plan
    # is held to), with headings of its own; on it the article passes.
    headings = [s["heading"] for s in report["article"]["sections"]]
    assert len(headings) >= 3 and not set(headings) & set(HEADINGS)
    assert res.exit_code == 0 and rw["passed"], res.output


# -- placeholders ------------------------------------------------------------------------------


def test_placeholders_in_a_section_and_in_the_plans_meta_are_repaired(tmp_path: Path) -> None:
    def plan_with_placeholder(request: dict[str, Any]) -> ReplyLike:
        return {**plan_for(request), "meta_description": META[:-1] + " [Insérer le lien]."}

    with_placeholder = SECTIONS[HEADINGS[0]].replace(
        "Plusieurs motifs", "Selon [Nom de la source], plusieurs motifs"
    )
    model = Model({"plan": plan_with_placeholder, HEADINGS[0]: with_placeholder})
    res, report, _ = run_rewrite(tmp_path, model)
    assert res.exit_code == 0, res.output
    rw = report["rewrite"]
    assert rw["passed"] and rw["rounds"] == 1
    codes = {r["field"]: set(r["codes"]) for r in rw["repairs"]}
    assert "leftover" in codes["sections[0]"] and "leftover" in codes["meta_description"]
    # Only those two parts asked again: the section, and the meta as a field of its own.
    assert model.calls[HEADINGS[0]] == 2 and model.calls["meta_description"] == 1
    assert model.calls["plan"] == 1 and model.calls["intro"] == 1
    art = report["article"]
    body = " ".join(p for s in art["sections"] for p in s["paragraphs"])
    assert "[" not in art["meta_description"] and "[" not in body
    # The field's prompt names the keyphrase the description must hold (SEO-KP-META), even
    # though the failing check here was another one.
    (field_prompt,) = [r for r in model.requests if model.part(r) == "meta_description"]
    assert "dont l’expression clé est « vélo en ville »" in first_user(field_prompt)


# -- 429, timeout, dropped connection: retried, the run passes -------------------------------


def test_429_then_success_waits_the_retry_after_and_passes(tmp_path: Path) -> None:
    retry_after = 0.4
    model = Model({HEADINGS[1]: Error(429, retry_after=retry_after, type="rate_limit_error")})
    res, report, srv = run_rewrite(tmp_path, model)
    assert res.exit_code == 0, res.output
    assert report["rewrite"]["passed"] and report["rewrite"]["rounds"] == 0
    first, second = _for_part(srv.generation_requests, _section(HEADINGS[1]))
    assert (first.reply, second.reply) == ("error:429", "text")
    # The same request sent again, only after the wait the server asked for (causality, not
    # speed: the second request cannot arrive earlier than Retry-After allows).
    assert first.raw == second.raw
    assert second.at - first.at >= retry_after
    # The 429 is no completion: usage counts the five answers.
    assert report["rewrite"]["usage"]["calls"] == 5


def test_a_reply_that_never_comes_times_out_and_is_retried(tmp_path: Path) -> None:
    model = Model({HEADINGS[1]: Hang()})
    res, report, srv = run_rewrite(tmp_path, model, env={"PLUME_BACKEND__TIMEOUT_S": TIMEOUT_S})
    assert res.exit_code == 0, res.output
    assert report["rewrite"]["passed"]
    first, second = _for_part(srv.generation_requests, _section(HEADINGS[1]))
    assert (first.reply, second.reply) == ("hang", "text")
    assert second.at - first.at >= float(TIMEOUT_S)  # the read timeout ended the first
    body = report["article"]["sections"][1]["paragraphs"]
    assert body and "Les élus l’ont compris" in body[0]


def test_a_connection_dropped_mid_reply_is_retried(tmp_path: Path) -> None:
    model = Model({HEADINGS[2]: Drop(after_bytes=40)})
    res, report, srv = run_rewrite(tmp_path, model)
    assert res.exit_code == 0, res.output
    assert report["rewrite"]["passed"]
    replies = [r.reply for r in _for_part(srv.generation_requests, _section(HEADINGS[2]))]
    assert replies == ["drop", "text"]
    assert report["rewrite"]["usage"]["calls"] == 5


# -- failures that outlast the retries: a truthful outcome ----------------------------------


def test_a_section_that_always_hangs_ends_in_a_truthful_failure(tmp_path: Path) -> None:
    model = Model({HEADINGS[1]: Hang()}, stubborn=True)
    res, report, srv = run_rewrite(tmp_path, model, env=FAST_FAILURE)
    _assert_failed_truthfully(res, tmp_path / "out")
    # Bounded: 1 + MAX_RETRIES attempts on that section, and nothing asked after it.
    hung = _for_part(srv.generation_requests, _section(HEADINGS[1]))
    assert [r.reply for r in hung] == ["hang"] * (1 + MAX_RETRIES)
    assert not _for_part(srv.generation_requests, _section(HEADINGS[2]))
    rw = report["rewrite"]
    assert not rw["passed"] and rw["rounds"] == 0
    first = rw["failures"][0]
    assert first.startswith("sections[1] — moteur en échec, génération arrêtée\u00a0:")
    assert f"{1 + MAX_RETRIES} tentatives" in first and "pas de réponse en" in first
    assert "Parties non écrites\u00a0: sections[1], sections[2]." in first
    # The draft keeps what was written, and only that.
    assert [s["heading"] for s in report["article"]["sections"]] == HEADINGS[:1]


def test_a_server_that_never_answers_is_a_backend_failure_exit_12(tmp_path: Path) -> None:
    """503 from the first request on: the backend is unavailable (exit 12, its own message),
    not a draft to report on — nothing is written."""

    def unavailable(request: dict[str, Any]) -> ReplyLike:
        return Error(503, "The engine is currently overloaded.")

    res, report, srv = run_rewrite(tmp_path, unavailable, env=FAST_FAILURE)
    assert res.exit_code == 12, res.output
    assert "Traceback" not in res.output and report == {}
    assert "HTTP 503" in res.output and "/v1/chat/completions" in res.output
    assert not (tmp_path / "out" / "article.md").exists()
    assert not (tmp_path / "out" / "article.draft.md").exists()
    # Bounded: the plan (then its deterministic fallback), the lead, and nothing more.
    assert [r.reply for r in srv.generation_requests] == ["error:503"] * 2 * (1 + MAX_RETRIES)
    # The message names the endpoint, never the key.
    assert "sk-test-secret" not in res.output


# -- a source in English, translated ----------------------------------------------------------

WIND_SOURCE = """\
Northwind Energy bets on offshore wind

Northwind Energy will invest $40 billion in offshore wind farms over the next decade, chief \
executive Maria Lopez announced on March 3, 2025. The company says the new turbines should \
supply electricity to 2.5 million homes by 2030.

The plan is the largest in the company's history. It includes 1,250 turbines, two new assembly \
plants and a fleet of installation vessels. Northwind expects the programme to create 12,000 \
jobs, most of them in construction and maintenance.

Investors welcomed the announcement: the company's shares rose 4.5% on Monday. Analysts noted \
that the group had already spent €3.2 billion on wind projects last year, and that its order \
book doubled in October 2024.

Maria Lopez said the board approved the investment on Feb. 14 after a year of talks with \
suppliers and local authorities. Fishing groups and coastal residents remain worried about the \
impact of the turbines on marine life and on the landscape. The company has promised to publish \
environmental studies before construction starts.

Critics also point to rising interest rates, which make large energy projects more expensive \
to finance. Northwind answers that long-term contracts with utilities will secure its revenue \
for twenty years.
"""

WIND_KEYPHRASE = "éolien en mer"
WIND_TITLE = "Éolien en mer : Northwind Energy investit 40 milliards de dollars"
WIND_SEO_TITLE = "Éolien en mer : le pari de Northwind Energy"
WIND_META = (
    "Éolien en mer : Northwind Energy va investir 40 milliards de dollars pour alimenter "
    "2,5 millions de foyers d’ici 2030 et créer 12 000 emplois."
)
# Sentences of 20 words at most, one heading of three holding the keyphrase: the readability
# and subheading requirements every prompt states, so a clean run needs no repair.
WIND_INTRO = (
    "L’éolien en mer change d’échelle. Northwind Energy va investir 40 milliards de dollars "
    "dans de nouveaux parcs au cours de la prochaine décennie. Sa directrice générale, Maria "
    "Lopez, l’a annoncé le 3 mars 2025. Selon l’entreprise, ces turbines devraient fournir "
    "de l’électricité à 2,5 millions de foyers d’ici 2030."
)
WIND_HEADINGS = [
    "Éolien en mer : le plus grand projet du groupe",
    "Des investisseurs séduits par l’annonce",
    "Des inquiétudes sur le littoral",
]
WIND_SECTIONS = {
    WIND_HEADINGS[0]: (
        "Ce programme est le plus ambitieux jamais lancé par l’entreprise. Il prévoit 1 250 "
        "éoliennes et deux nouvelles usines d’assemblage. Une flotte de navires sera chargée "
        "de les installer au large. Pour l’éolien en mer, c’est donc un changement de "
        "dimension. L’industriel ne se contente plus de quelques parcs isolés.\n\n"
        "Northwind compte aussi sur ce chantier pour recruter. L’entreprise prévoit de créer "
        "12 000 emplois, pour la plupart dans la construction des machines. Viendront ensuite "
        "les métiers de la maintenance. Ils demandent des techniciens qualifiés, capables "
        "d’intervenir en mer par tous les temps."
    ),
    WIND_HEADINGS[1]: (
        "Les marchés ont bien accueilli la nouvelle : l’action de l’entreprise a gagné 4,5 % "
        "lundi. Les analystes rappellent que le groupe avait déjà consacré 3,2 milliards "
        "d’euros à des projets éoliens l’an dernier. Ce virage ne date donc pas d’hier."
        "\n\n"
        "Ils soulignent également que son carnet de commandes avait doublé en octobre 2024. "
        "Cette dynamique rassure les actionnaires. Ils voient dans ce plan la suite logique "
        "d’une stratégie engagée depuis plusieurs années, plutôt qu’un pari improvisé."
    ),
    WIND_HEADINGS[2]: (
        "Maria Lopez a précisé que le conseil d’administration avait validé l’investissement "
        "le 14 février. Il a pris sa décision après un an de discussions avec les fournisseurs "
        "et les autorités locales. Les pêcheurs et les habitants du littoral restent pourtant "
        "inquiets. Ils craignent les effets des éoliennes sur la faune marine et sur le "
        "paysage. L’entreprise s’est engagée à publier des études environnementales avant le "
        "début des travaux.\n\n"
        "Les critiques pointent aussi la hausse des taux d’intérêt. Elle renchérit le "
        "financement des grands projets énergétiques. Northwind répond que des contrats de "
        "long terme avec les fournisseurs d’électricité garantiront ses revenus pendant vingt "
        "ans."
    ),
}


class WindModel(Model):
    """The scripted model writing the French article from the English source."""

    def answer(self, part: str, request: dict[str, Any]) -> ReplyLike:
        if part == "plan":
            plan = plan_for(request)
            return {
                **plan,
                "title": WIND_TITLE,
                "seo_title": WIND_SEO_TITLE,
                "meta_description": WIND_META,
                "sections": [
                    {"heading": h, "passages": s["passages"]}
                    for h, s in zip(WIND_HEADINGS, plan["sections"], strict=True)
                ],
            }
        fixed = {"intro": WIND_INTRO, "meta_description": WIND_META, "seo_title": WIND_SEO_TITLE}
        return fixed.get(part) or WIND_SECTIONS.get(part, WIND_INTRO)


def _wind(tmp_path: Path) -> Path:
    source = tmp_path / "northwind-en.txt"
    source.write_text(WIND_SOURCE, encoding="utf-8")
    return source


def test_an_english_source_is_translated_and_its_facts_recognised(tmp_path: Path) -> None:
    source = _wind(tmp_path)
    model = WindModel()
    res, report, _ = run_rewrite(tmp_path, model, "-k", WIND_KEYPHRASE, sources=[source])
    assert res.exit_code == 0, res.output
    rw = report["rewrite"]
    assert rw["passed"] and rw["rounds"] == 0 and rw["translated"] == [str(source)]
    assert any("traduite" in n and source.name in n for n in report["notes"])
    # Every field of the article is French.
    art = report["article"]
    fields = [art["title"], art["seo_title"], art["meta_description"], *art["intro"]]
    for s in art["sections"]:
        fields += [s["heading"], *s["paragraphs"]]
    assert all(french for french, _ in languages_of(fields)), fields
    assert not [v for v in report["guards"]["violations"] if v["guard"] == "language"]
    # The translated figures and dates are supported by their English form in the source.
    assert report["fact_check"]["violations"] == []
    found = {f["text"]: f["found"]["text"] for f in report["fact_check"]["facts"]}
    assert found["40 milliards de dollars"] == "40 billion"
    assert found["2,5 millions"] == "2.5 million"
    assert found["3 mars 2025"] == "March 3, 2025"
    assert found["12 000"] == "12,000"
    assert found["1 250"] == "1,250"
    assert found["3,2 milliards d’euros"] == "3.2 billion"
    assert found["14 février"] == "Feb. 14"
    assert found["lundi"] == "Monday"
    assert found["Maria Lopez"] == "Maria Lopez"


def test_an_invented_number_is_still_caught_with_an_english_source(tmp_path: Path) -> None:
    source = _wind(tmp_path)
    # An invented figure, and "12,000" misread the French way (twelve).
    invented = (
        WIND_SECTIONS[WIND_HEADINGS[0]]
        .replace("1 250 éoliennes", "1 500 éoliennes")
        .replace("12 000 emplois", "12 emplois")
    )
    # "2,5 milliards de foyers": the source's million read as a milliard.
    misread = WIND_INTRO.replace("2,5 millions de foyers", "2,5 milliards de foyers")
    model = WindModel({WIND_HEADINGS[0]: invented, "intro": misread})
    res, report, _ = run_rewrite(tmp_path, model, "-k", WIND_KEYPHRASE, sources=[source])
    assert res.exit_code == 0, res.output
    rw = report["rewrite"]
    assert rw["passed"] and rw["rounds"] == 1
    codes = {r["field"]: set(r["codes"]) for r in rw["repairs"]}
    assert "facts" in codes["sections[0]"] and "facts" in codes["intro"]
    reasons = " ".join(r for rep in rw["repairs"] for r in rep["reasons"])
    for fact in ("1 500", "12", "2,5 milliards"):
        assert f"«\u202f{fact}\u202f»" in reasons
    assert model.calls[WIND_HEADINGS[0]] == 2 and model.calls["intro"] == 2
    assert report["fact_check"]["violations"] == []
