"""The writer with a base model (the embedded Gemma 270M has no chat template): each passage
is rewritten by few-shot completion, stopped at the end of the line, and each answer is vetted
at once — a sentence with a fact no source supports is dropped and reported, a repeated one is
dropped, a sentence whose content words are not the passage's is dropped and reported, an answer that
copies the passage gets a second sample. A backend that cannot plan gets the faithful outline,
without a call."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from plume.backends.base import ScriptedBackend, Usage
from plume.clean import clean
from plume.document import Block, BlockKind, Document, Meta, Source
from plume.ingest import read_path, read_text
from plume.lang.fr import rewrite_prompts
from plume.settings import Settings
from plume.write.rewrite import Plan, PlanSection, Writer, passages_of
from tests.conftest import CORPUS, EXAMPLE

P1 = (
    "La mairie de Quimper a fermé la piscine Aquarive le 3 mars pour des travaux de toiture. "
    "Les nageurs des clubs iront à Concarneau pendant six semaines."
)
P2 = (
    "Le chantier coûte 850 000 euros, financés par la ville et la région. La réouverture est "
    "prévue à la fin du mois d’avril, selon l’adjoint aux sports."
)
GOOD_1 = "Depuis le 3 mars, des travaux de toiture ferment la piscine Aquarive, à Quimper."
INVENTED = "Elle accueillait 12 000 visiteurs par an."
#: No number or name to catch, but nothing of it in the passage (grounded share 0).
MADE_UP = "Le maire a décidé de repeindre la gare en bleu."
GOOD_2 = (
    "La ville et la région financent les travaux, qui coûtent 850 000 euros. Selon l’adjoint "
    "aux sports, la réouverture est attendue à la fin du mois d’avril."
)


def _writer(backend: ScriptedBackend) -> Writer:
    settings = Settings()
    doc = clean(read_text(f"{P1}\n\n{P2}\n", settings), settings).document
    w = Writer(backend, settings, [doc], passages_of([doc]), "piscine", (), Usage(), 7)
    w.instruct = False
    return w


def test_each_passage_is_completed_few_shot_and_vetted_at_once() -> None:
    backend = ScriptedBackend(
        [
            f" {GOOD_1} {INVENTED} {MADE_UP} {GOOD_1}",  # P1: invented number and statement, a loop
            f" {P2}",  # P2: copied word for word → a second sample
            f" {GOOD_2}",
        ]
    )
    w = _writer(backend)
    out = w.paraphrase([1, 2], words=400, part="sections[0]")

    assert out == [GOOD_1, GOOD_2]
    assert len(w.removed) == 2
    assert INVENTED in w.removed[0] and w.removed[0].endswith("— 12 000")
    assert MADE_UP in w.removed[1] and "0\u00a0% de ses mots pleins" in w.removed[1]
    # Completions, never chat turns; each ends its document at "Réécrit :" and the line.
    assert [set(c) for c in backend.calls] == [
        {"prompt", "max_tokens", "temperature", "seed", "stop"}
    ] * 3
    assert all(c["stop"] == ["\n"] for c in backend.calls)
    assert backend.calls[0]["prompt"].endswith(f"Original : {P1}\nRéécrit :")
    assert backend.calls[2]["prompt"].endswith(f"Original : {P2}\nRéécrit :")
    assert rewrite_prompts()["paraphrase"].split("{")[0] in backend.calls[0]["prompt"]
    # 1.5 × the passage's tokens (+16): a run-on answer costs little.
    assert backend.calls[0]["max_tokens"] <= int(len(P1) / 3.5 * 1.5) + 17
    assert len({c["seed"] for c in backend.calls}) == 3


def test_a_quotation_left_open_is_dropped() -> None:
    """An answer cut before its quotation closes (the stop at the end of the line, or
    max_tokens): the sentence holding the opening mark goes, reported, so no paragraph is left
    with a quotation never closed (the quotes guard would fail the article: corpus 07 and 09
    on the bench of 2026-12-06)."""
    opened = "L’adjoint aux sports l’assure : « La réouverture est prévue à la fin du mois d’avril."
    backend = ScriptedBackend([f" {GOOD_2} {opened}"])
    w = _writer(backend)
    assert w.paraphrase([2], words=400, part="sections[1]") == [GOOD_2]
    assert w.removed == [f"« {opened} » — guillemet sans son pendant"]


def test_a_good_first_answer_gets_no_second_sample() -> None:
    backend = ScriptedBackend([f" {GOOD_2}"])
    w = _writer(backend)
    assert w.paraphrase([2], words=400, part="sections[1]") == [GOOD_2]
    assert len(backend.calls) == 1 and w.removed == []


def test_a_part_written_again_may_repeat_itself_but_not_another_part() -> None:
    """A repair is a new sample of the same passages: saying the same thing again is fine (the
    old text is replaced), repeating another part is not."""
    backend = ScriptedBackend([f" {GOOD_2}"] * 3)
    w = _writer(backend)
    assert w.paraphrase([2], words=400, part="sections[1]") == [GOOD_2]
    assert w.paraphrase([2], words=400, part="sections[1]") == [GOOD_2]
    assert w.paraphrase([2], words=400, part="sections[2]") == []
    assert w.removed == []  # a repeat is dropped silently


def test_a_backend_that_cannot_plan_gets_the_faithful_outline_without_a_call() -> None:
    settings = Settings()
    doc = read_path(EXAMPLE, settings)
    backend = ScriptedBackend([])
    backend.plans = False  # type: ignore[attr-defined]
    w = Writer(backend, settings, [doc], passages_of([doc]), "vélo", (), Usage(None, None), 42)
    plan, source, problem = w.plan(700, datetime.now(UTC))
    assert source == "deterministic" and problem and problem.startswith("modèle embarqué")
    assert backend.calls == [] and len(plan.sections) >= 3


def test_the_faithful_outline_of_a_long_live_blog_is_accepted() -> None:
    """Corpus 13 (a live blog): one of its sections covers 45 passages, more than the 40 a model
    may cite in its JSON; the fallback outline must not be refused for it."""
    settings = Settings()
    live = next(p for p in CORPUS if p.name.startswith("13-"))
    doc = read_path(live, settings)
    backend = ScriptedBackend([])
    backend.plans = False  # type: ignore[attr-defined]
    w = Writer(backend, settings, [doc], passages_of([doc]), "Lorient", (), Usage(None, None), 42)
    plan, source, _ = w.plan(700, datetime.now(UTC))
    assert source == "deterministic" and max(len(s.passages) for s in plan.sections) > 40


# -- what an instruction model is given (issue 19) -----------------------------------------------

LEAD_P = (
    "La mairie de Quimper a fermé la piscine Aquarive le 3 mars pour des travaux de toiture, "
    "a annoncé l’adjoint aux sports, Marc Le Du."
)
WORKS_P = (
    "Le chantier coûte 850 000 euros, financés par la ville et la région. Il doit remplacer la "
    "charpente de 1975, dont deux poutres ont cédé pendant les tempêtes de l’hiver. Les "
    "entreprises retenues travailleront de nuit pour tenir le calendrier fixé par la mairie, "
    "qui espère rouvrir le bassin avant les vacances de printemps, à la fin du mois d’avril. "
    "Les clubs ont déjà annulé leurs compétitions."
)
THEN_P = "Cette dépense inquiète l’opposition. Selon l’élue Anne Riou, elle pèse sur le budget."
LATER_P = "Les nageurs des clubs iront à Concarneau pendant six semaines."


def _instruct_writer(backend: ScriptedBackend, *, meta: Meta | None = None) -> Writer:
    settings = Settings()
    paragraphs = (LEAD_P, WORKS_P, THEN_P, LATER_P)
    doc = Document(
        blocks=tuple(Block(BlockKind.PARAGRAPH, p) for p in paragraphs),
        source=Source("/tmp/000_4017132598e4fe82.txt", "txt"),
        meta=meta or Meta(),
    )
    return Writer(backend, settings, [doc], passages_of([doc]), "piscine", (), Usage(), 7)


def _plan() -> Plan:
    return Plan(
        title="Piscine de Quimper : des travaux de toiture",
        seo_title="Piscine de Quimper : travaux de toiture",
        meta_description="La piscine Aquarive de Quimper ferme pour des travaux de toiture "
        "financés par la ville et la région.",
        sections=[
            PlanSection(heading="Des travaux de toiture", passages=[1, 2]),
            PlanSection(heading="Une dépense contestée", passages=[3]),
            PlanSection(heading="Les nageurs à Concarneau", passages=[4]),
        ],
    )


def _user(call: dict[str, Any]) -> str:
    return str(call["messages"][-1][1])


def test_the_lead_is_written_first_and_every_section_is_told_what_it_says() -> None:
    lead = (
        "La mairie de Quimper a fermé le 3 mars la piscine Aquarive pour des travaux de toiture, "
        "selon l’adjoint aux sports, Marc Le Du."
    )
    backend = ScriptedBackend([lead, "Texte de la partie."])
    w = _instruct_writer(backend)
    plan = _plan()
    ids = w.lead_ids(plan)
    assert ids == [1]  # the passage with the keyphrase; the next would pass LEAD_WORDS
    w.intro(plan, ids)
    w.standfirst = lead
    w.section(plan, 0, 120, with_keyphrase=True)
    section = _user(backend.calls[1])
    # The lead's passage is not given to the first section again (the lead says all of it);
    # the lead's text is.
    assert "[P1]" not in section and f"[P2] {WORKS_P}" in section
    assert f"Le chapô de l’article dit déjà : « {lead} » Ne répète rien" in section
    # Requirements of the one table, the keyphrase line among them, "paragraphe" agreed.
    assert "Consignes de rédaction :" in section and "voix active" in section
    assert "- emploie une fois, naturellement, l’expression « piscine »." in section
    assert "en 2 paragraphes séparés par une ligne vide" in section
    assert "1 paragraphes" not in section


def test_prompts_carry_the_whos_who_the_metadata_and_the_sentences_a_passage_leans_on() -> None:
    meta = Meta(
        site_name="Le Télégramme",
        headline="La piscine Aquarive ferme",
        author="Anne Le Goff",
        published=datetime(2025, 3, 3, 7, 0, tzinfo=UTC),
    )
    backend = ScriptedBackend(["Chapô.", "Partie."])
    w = _instruct_writer(backend, meta=meta)
    plan = _plan()
    w.intro(plan, w.lead_ids(plan))
    w.section(plan, 1, 100, with_keyphrase=False)
    intro, section = _user(backend.calls[0]), _user(backend.calls[1])
    for prompt in (intro, section):
        assert "- Marc Le Du, adjoint aux sports" in prompt and "- Anne Riou, élue" in prompt
        assert (
            "Source 1 : média Le Télégramme, article « La piscine Aquarive ferme », par Anne Le "
            "Goff, publié le 3 mars 2025." in prompt
        )
        assert "les sources datent du 3 mars 2025" in prompt
        assert "000_4017132598e4fe82" not in prompt
    # "Cette dépense…" leans on the passage before it: given as context, marked.
    assert f"[contexte, avant P3] {WORKS_P}" in section and f"[P3] {THEN_P}" in section


def test_a_remote_endpoint_is_not_held_to_the_embedded_models_window() -> None:
    """A 2048-token window cut every passage of a capable model's plan to its first words."""

    class Remote(ScriptedBackend):
        remote = True

    w = _instruct_writer(Remote([]))
    assert w.window == 8192
    w.settings = Settings.model_validate({"backend": {"n_ctx": 4096}})  # set by the user: kept
    assert w.window == 4096
    assert _instruct_writer(ScriptedBackend([])).window == Settings().backend.n_ctx


def test_a_lead_passage_gives_the_first_section_what_the_lead_did_not_say() -> None:
    lead = "Depuis le 3 mars, des travaux de toiture ferment la piscine Aquarive de Quimper."
    backend = ScriptedBackend([lead, "Texte."])
    w = _instruct_writer(backend)
    plan = _plan()
    w.intro(plan, w.lead_ids(plan))
    w.standfirst = lead
    w.section(plan, 0, 120, with_keyphrase=True)
    # One sentence, told in half: the lead leaves out who announced it, so it stays.
    assert f"[P1] {LEAD_P}" in _user(backend.calls[1])
