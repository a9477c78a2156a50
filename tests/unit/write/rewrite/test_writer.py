"""The writer with a base model (the embedded Gemma 270M has no chat template): each passage
is rewritten by few-shot completion, stopped at the end of the line, and each answer is vetted
at once — a sentence with a fact no source supports is dropped and reported, a repeated one is
dropped, a sentence whose content words are not the passage's is dropped and reported, an answer that
copies the passage gets a second sample. A backend that cannot plan gets the faithful outline,
without a call."""

from __future__ import annotations

from datetime import UTC, datetime

from plume.backends.base import ScriptedBackend, Usage
from plume.clean import clean
from plume.ingest import read_path, read_text
from plume.lang.fr import rewrite_prompts
from plume.settings import Settings
from plume.write.rewrite import Writer, passages_of
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
