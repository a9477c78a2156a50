"""``plume.pipeline.optimise``, the one conductor: a request in each mode, and the dispatch —
which backend is built for which mode, a lent backend used and left open, the model named in
the report, the requests refused."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

import plume.pipeline as pipeline
from plume.backends import LOCAL_MODEL_NAME, ScriptedBackend
from plume.backends.base import Backend
from plume.document import EditorFields
from plume.errors import ConfigError, EmptyInput
from plume.ingest import read_path, read_text
from plume.pipeline import Mode, OptimiseRequest, optimise
from plume.settings import BackendSettings, Settings
from tests.conftest import EXAMPLE
from tests.support.openai_server import OpenAIServer
from tests.support.rewrite_model import Model

WHEN = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
SETTINGS = Settings()


def _request(**changes: Any) -> OptimiseRequest:
    base: dict[str, Any] = {
        "sources": (read_path(EXAMPLE, SETTINGS),),
        "settings": SETTINGS,
        "use_model": False,
        "published": WHEN,
        "check_entities": False,
    }
    return OptimiseRequest(**(base | changes))


def test_faithful_without_a_model_is_the_deterministic_article() -> None:
    report = optimise(_request(fields=EditorFields(keyphrase="vélo en ville", min_words=500)))
    assert report.mode == "faithful" and report.model is None and report.generated == []
    assert (report.keyphrase, report.keyphrase_source) == ("vélo en ville", "flag")
    # The flag's target replaces the brief's 600 words.
    assert report.min_words == 500 and report.words_missing == max(0, 500 - report.words)
    assert report.article.date_published == WHEN
    assert report.fact_check.ok
    assert report.after.seo.value > report.before.seo.value
    # Same request, same article: the conductor reads no clock and no global.
    assert optimise(_request(fields=EditorFields(keyphrase="vélo en ville", min_words=500))) == (
        report
    )


def test_faithful_with_a_lent_backend_uses_it_names_it_and_leaves_it_open() -> None:
    lent = ScriptedBackend([])  # every proposal empty: rejected, the fallback headings stay
    report = optimise(_request(use_model=True), backend=lent)
    assert lent.calls and not lent.closed
    assert report.model == LOCAL_MODEL_NAME
    assert report.generated and not any(g.accepted for g in report.generated)
    plain = optimise(_request())
    assert report.article == plain.article and report.model != plain.model


def test_the_model_name_is_the_callers_when_given() -> None:
    report = optimise(
        _request(use_model=True, model_name="mon-modèle"), backend=ScriptedBackend([])
    )
    assert report.model == "mon-modèle"


def test_the_backend_is_built_for_the_mode_and_closed_after(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    built: list[tuple[str, Mode, bool, ScriptedBackend]] = []

    def fake_backend_for(
        settings: BackendSettings, mode: Mode, *, use_model: bool
    ) -> Backend | None:
        backend = ScriptedBackend([]) if use_model else None
        if backend is not None:
            built.append((settings.name, mode, use_model, backend))
        return backend

    monkeypatch.setattr(pipeline, "backend_for", fake_backend_for)
    optimise(_request())
    assert built == []  # --no-model: nothing built
    optimise(_request(use_model=True, mode="faithful"))
    ((name, mode, use_model, backend),) = built
    assert (name, mode, use_model) == ("local", Mode.FAITHFUL, True)
    assert backend.calls and backend.closed


def test_rewrite_through_the_configured_endpoint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLUME_API_KEY", "sk-test-secret")
    with OpenAIServer(responder=Model()) as srv:
        backend = BackendSettings(name="openai", base_url=srv.base_url, model="plume-test")
        report = optimise(
            _request(
                settings=Settings(backend=backend),
                mode=Mode.REWRITE,
                use_model=True,
                fields=EditorFields(min_words=300),
            )
        )
    assert report.mode == "rewrite" and report.model == "openai:plume-test"
    assert report.rewrite is not None and report.rewrite.passed
    assert report.sources == [report.source]
    assert report.min_words == 300 and report.keyphrase == "vélo en ville"
    assert srv.requests  # the pipeline built the OpenAI client and used it


def test_requests_it_refuses() -> None:
    one = read_text("Le vélo en ville progresse. Les pistes relient les quartiers.", SETTINGS)
    with pytest.raises(ConfigError, match="--rewrite"):
        optimise(_request(sources=(one, one)))
    with pytest.raises(ConfigError, match="demande un modèle"):
        optimise(_request(mode=Mode.REWRITE))
    with pytest.raises(EmptyInput):
        optimise(_request(sources=()))
    with pytest.raises(ValueError):
        _request(mode="résumé")


def test_a_text_without_keyphrase_is_refused_with_the_flag_to_use() -> None:
    with pytest.raises(EmptyInput, match="--keyphrase"):
        optimise(_request(sources=(read_text("Il est là. Elle est ici.", SETTINGS),)))


CORPUS = EXAMPLE.resolve().parents[1] / ".." / "shared" / "corpus" / "fr-articles"


@pytest.mark.parametrize(
    ("name", "withdrawn"),
    [
        # Today's writer produces an unsupported heading on this one (it drops the source's
        # "s'il devait être mis en œuvre"); the check on the finished article catches it.
        ("15-mesopinions-choeur-radio-france.txt", True),
        ("10-aoc-retraite-neoliberalisme.txt", False),
    ],
)
def test_no_unsupported_statement_is_published(name: str, withdrawn: bool) -> None:
    """Faithful mode withdraws what the support check rejects and verifies the article again."""
    report = optimise(_request(sources=(read_path(CORPUS / name, SETTINGS),)))
    assert any(u.withdrawn for u in report.unsupported) is withdrawn
    assert not [u for u in report.unsupported if not u.withdrawn]
    published = {report.article.title, report.article.seo_title, report.article.meta_description}
    published |= {s.heading for s in report.article.sections}
    assert not {u.text for u in report.unsupported} & published


# A page without headline: the title, the description and the headings are the model's to
# propose (faithful mode keeps an author's headline).
LYON = [
    "La mairie de Lyon ouvre trois nouvelles pistes cyclables dans le centre dès lundi. Les "
    "travaux ont duré six mois et ont coûté quatre millions d’euros, selon l’adjoint aux "
    "mobilités.",
    "Les nouvelles pistes cyclables relient la gare de la Part-Dieu à la place Bellecour. Elles "
    "sont séparées des voitures par des bordures en béton et éclairées la nuit. Les riverains "
    "ont été consultés pendant l’hiver, et la plupart ont soutenu le projet malgré la perte de "
    "places de stationnement. Les commerçants de la rue de la République restent inquiets pour "
    "leurs livraisons, qui devront se faire avant dix heures du matin.",
    "Le nombre de cyclistes a doublé à Lyon depuis 2019, d’après les compteurs de la métropole. "
    "Les associations d’usagers saluent l’ouverture mais réclament un réseau continu jusqu’aux "
    "communes voisines, où les pistes cyclables s’arrêtent encore au milieu des carrefours. La "
    "métropole promet dix kilomètres de plus avant la fin de l’année prochaine, sans donner de "
    "calendrier précis pour chaque quartier.",
    "Les pistes cyclables du centre seront inaugurées lundi matin par le maire, en présence des "
    "associations. Une fête du vélo est prévue sur la place Bellecour l’après-midi, avec des "
    "ateliers de réparation gratuits et des balades encadrées pour les familles.",
]
TRUE_TITLE = "Lyon ouvre trois nouvelles pistes cyclables dans le centre"
FALSE_TITLE = "Lyon n’ouvre pas de nouvelles pistes cyclables dans le centre"
TRUE_META = (
    "La mairie de Lyon ouvre trois nouvelles pistes cyclables dans le centre dès lundi. Les "
    "travaux ont duré six mois, selon l’adjoint aux mobilités."
)


def _fields_model(body: dict[str, Any]) -> str:
    """An OpenAI-compatible endpoint proposing faithful-mode fields: titles and headings, one
    of two false (a negation flipped), and a description made of the lead's words."""
    prompt = body["prompt"]
    seed = body.get("seed", 0)
    if prompt.endswith("Titre :"):
        return f" {FALSE_TITLE if seed % 2 else TRUE_TITLE}\n"
    if prompt.endswith("Description :"):
        return f" {TRUE_META}\n"
    if seed % 2:
        return " Les pistes cyclables ne relient pas la Part-Dieu à Bellecour\n"
    return " Les pistes cyclables relient la Part-Dieu à Bellecour\n"


def test_faithful_fields_from_an_openai_compatible_endpoint(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 16, point 6: the configured endpoint proposes, through the real HTTP client; only
    what the checks and the support check accept is published, the rest is reported."""
    monkeypatch.setenv("PLUME_API_KEY", "sk-test-secret")
    source = read_text("\n\n".join(LYON), SETTINGS)
    with OpenAIServer(responder=_fields_model) as srv:
        backend = BackendSettings(name="openai", base_url=srv.base_url, model="plume-test")
        report = optimise(
            _request(
                sources=(source,),
                settings=Settings(backend=backend),
                use_model=True,
                fields=EditorFields(keyphrase="pistes cyclables"),
            )
        )
    assert report.model == "openai:plume-test"
    assert {r.path for r in srv.generation_requests} == {"/v1/completions"}
    article = report.article
    assert article.title == TRUE_TITLE
    assert article.meta_description == TRUE_META
    rejected = {g.text: g.reasons for g in report.generated if not g.accepted}
    assert "unsupported_claim" in rejected[FALSE_TITLE]
    false_heading = "Les pistes cyclables ne relient pas la Part-Dieu à Bellecour"
    assert "unsupported_claim" in rejected[false_heading]
    headings = [s.heading for s in article.sections]
    assert "Les pistes cyclables relient la Part-Dieu à Bellecour" in headings
    assert false_heading not in headings
    assert not report.unsupported


def test_faithful_mode_splits_long_sentences_unless_kept() -> None:
    long = (
        "Microsoft a investi 13 milliards de dollars dans OpenAI depuis 2019, et la société "
        "contrôle désormais une grande partie de ses serveurs de calcul."
    )
    source = read_text("\n\n".join([long, *LYON]), SETTINGS)
    fields = EditorFields(keyphrase="pistes cyclables")
    report = optimise(_request(sources=(source,), fields=fields))
    (edit,) = [e for e in report.edits if e.before == long]
    assert edit.kind == "clauses" and len(edit.after) == 2
    body = "\n".join(
        [*report.article.intro, *(p for s in report.article.sections for p in s.paragraphs)]
    )
    assert edit.after[1] in body and long not in body
    kept = optimise(_request(sources=(source,), fields=fields, keep_sentences=True))
    assert kept.edits == []
    assert long in "\n".join(
        [*kept.article.intro, *(p for s in kept.article.sections for p in s.paragraphs)]
    )


def _body(report: Any) -> str:
    article = report.article
    return "\n".join([*article.intro, *(p for s in article.sections for p in s.paragraphs)])


def test_refused_edits_are_skipped_exactly_and_reported() -> None:
    long = (
        "Microsoft a investi 13 milliards de dollars dans OpenAI depuis 2019, et la société "
        "contrôle désormais une grande partie de ses serveurs de calcul."
    )
    typo = "Le maire a confirmé lundi que la piste déja promise ouvrira en juin."
    source = read_text("\n\n".join([long, typo, *LYON]), SETTINGS)
    fields = EditorFields(keyphrase="pistes cyclables")
    report = optimise(_request(sources=(source,), fields=fields))
    (split,) = [e for e in report.edits if e.before == long]
    (fix,) = [c for c in report.corrections if c.before == "déja"]
    assert (fix.rule, fix.after) == ("COR-SPELLING", "déjà") and split.applied
    assert "déjà promise" in _body(report) and report.refused_edits == []

    settings = SETTINGS.model_copy(update={"refused_edits": frozenset({split.id, fix.id})})
    refused = optimise(_request(sources=(source,), fields=fields, settings=settings))
    assert refused.refused_edits == sorted([split.id, fix.id])
    (undone,) = [e for e in refused.edits if e.id == split.id]
    assert undone.refused and not undone.applied
    body = _body(refused)
    assert long in body and split.after[1] not in body and "déja promise" in body
    assert fix.id not in {c.id for c in refused.corrections}
    # Exactly those: every other edit is still made.
    others = [e for e in report.edits if e.id != split.id]
    assert [e for e in refused.edits if e.id != split.id] == others
    assert all(e.after[-1] in body for e in others if e.applied)


def test_refusing_every_sentence_edit_is_keeping_the_sentences() -> None:
    source = read_path(EXAMPLE, SETTINGS)
    report = optimise(_request(sources=(source,)))
    applied = [e.id for e in report.edits if e.applied]
    assert applied
    settings = SETTINGS.model_copy(update={"refused_edits": frozenset(applied)})
    refused = optimise(_request(sources=(source,), settings=settings))
    kept = optimise(_request(sources=(source,), keep_sentences=True))
    assert [e.id for e in refused.edits if e.refused] == applied
    assert refused.article == kept.article


def test_a_refused_active_sentence_stays_passive() -> None:
    passive = "La piste a été inaugurée mardi par le maire."
    source = read_text("\n\n".join([passive, *LYON]), SETTINGS)
    fields = EditorFields(keyphrase="pistes cyclables")
    report = optimise(_request(sources=(source,), fields=fields))
    (active,) = [e for e in report.edits if e.before == passive]
    assert active.kind == "active" and active.applied and passive not in _body(report)
    settings = SETTINGS.model_copy(update={"refused_edits": frozenset({active.id})})
    refused = optimise(_request(sources=(source,), fields=fields, settings=settings))
    assert passive in _body(refused) and active.after[0] not in _body(refused)
    assert [e.refused for e in refused.edits if e.id == active.id] == [True]
