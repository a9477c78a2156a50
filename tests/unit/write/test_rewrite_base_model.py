"""Rewrite mode with a base model (the embedded Gemma 270M has no chat template): each passage
is rewritten by few-shot completion, stopped at the end of the line, and each answer is vetted
at once — a sentence with a fact no source supports is dropped and reported, a repeated one is
dropped, a sentence whose content words are not the passage's is dropped and reported, an answer that
copies the passage gets a second sample."""

from __future__ import annotations

from datetime import UTC, datetime

from plume.backends.base import Completion, Message, ScriptedBackend, Usage
from plume.clean import clean
from plume.ingest import read_text
from plume.lang.fr import rewrite_prompts
from plume.settings import Settings
from plume.write.rewrite import RewriteResult, _Writer, passages_of, rewrite_article

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


def _writer(backend: ScriptedBackend) -> _Writer:
    settings = Settings()
    doc = clean(read_text(f"{P1}\n\n{P2}\n", settings), settings).document
    w = _Writer(backend, settings, [doc], passages_of([doc]), "piscine", (), Usage(), 7)
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
    out = w._paraphrase([1, 2], words=400, part="sections[0]")

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
    assert w._paraphrase([2], words=400, part="sections[1]") == [GOOD_2]
    assert w.removed == [f"« {opened} » — guillemet sans son pendant"]


def test_a_good_first_answer_gets_no_second_sample() -> None:
    backend = ScriptedBackend([f" {GOOD_2}"])
    w = _writer(backend)
    assert w._paraphrase([2], words=400, part="sections[1]") == [GOOD_2]
    assert len(backend.calls) == 1 and w.removed == []


def test_a_part_written_again_may_repeat_itself_but_not_another_part() -> None:
    """A repair is a new sample of the same passages: saying the same thing again is fine (the
    old text is replaced), repeating another part is not."""
    backend = ScriptedBackend([f" {GOOD_2}"] * 3)
    w = _writer(backend)
    assert w._paraphrase([2], words=400, part="sections[1]") == [GOOD_2]
    assert w._paraphrase([2], words=400, part="sections[1]") == [GOOD_2]
    assert w._paraphrase([2], words=400, part="sections[2]") == []
    assert w.removed == []  # a repeat is dropped silently


class _Paraphraser:
    """A base model stand-in that answers every completion from its passage: the passage's
    sentences in reverse order, plus one invented figure. Chat is refused."""

    instruct = False

    def __init__(self) -> None:
        self.completions: list[str] = []

    def complete(
        self, prompt: str, *, max_tokens: int, temperature: float, seed: int, stop: list[str]
    ) -> Completion:
        assert stop == ["\n"] and prompt.endswith("\nRéécrit :")
        self.completions.append(prompt)
        passage = prompt.rsplit("Original : ", 1)[1].removesuffix("\nRéécrit :")
        parts = [p.strip() for p in passage.split(". ") if p.strip()]
        text = ". ".join(reversed(parts)).rstrip(".") + ". Le projet a coûté 99 millions."
        return Completion(" " + text, len(prompt) // 4, len(text) // 4)

    def chat(
        self,
        messages: list[Message],
        *,
        max_tokens: int,
        temperature: float,
        seed: int,
        json_schema: object = None,
    ) -> Completion:
        raise AssertionError("a base model is never given chat turns")

    def close(self) -> None:
        pass


def _rewrite(text: str, backend: _Paraphraser, max_rounds: int = 1) -> RewriteResult:
    """``text`` rewritten with ``backend`` as a base model, no word target."""
    settings = Settings()
    doc = clean(read_text(text, settings), settings).document
    return rewrite_article(
        [doc],
        settings,
        backend=backend,  # type: ignore[arg-type]
        keyphrase="piscine",
        min_words=None,
        published=datetime(2026, 1, 15, tzinfo=UTC),
        max_rounds=max_rounds,
    )


def test_a_whole_rewrite_with_a_base_model_asks_only_completions_and_reports_drops() -> None:
    text = "\n\n".join([P1, P2] * 2 + [P1.replace("Quimper", "Brest"), P2.replace("850", "600")])
    backend = _Paraphraser()
    result = _rewrite(text, backend)
    assert backend.completions and result.outcome.plan_source == "deterministic"
    body = " ".join(result.article.body_paragraphs())
    assert "99 millions" not in body
    assert any("99 millions" in line for line in result.outcome.removed)
    assert result.facts.violations == []
    assert not result.outcome.passed or not result.guards.violations


class _Inventor(_Paraphraser):
    """Every answer made up: nothing of it survives the vetting."""

    def complete(
        self, prompt: str, *, max_tokens: int, temperature: float, seed: int, stop: list[str]
    ) -> Completion:
        self.completions.append(prompt)
        return Completion(" Le maire a décidé de repeindre la gare en bleu.", 10, 12)


def test_an_article_left_empty_never_passes() -> None:
    """Corpus 01 with the embedded model: every sentence dropped, no body left — and, with no
    word target, no check had anything to fail on, so it passed. Every planned part must be
    written, and a body under 250 words (Yoast's red) fails."""
    backend = _Inventor()
    result = _rewrite("\n\n".join([P1, P2] * 3), backend)
    assert result.article.word_count < 30 and not result.outcome.passed
    failures = result.outcome.failures
    assert "intro — partie vide\u00a0: rien d’utilisable n’a été écrit" in failures
    assert any(f.startswith("sections[0] — partie vide") for f in failures)
    assert any(f.startswith("SEO-TEXT-LENGTH") for f in failures)
    # The repair round asked again for the empty parts.
    repaired = {r.field for r in result.outcome.repairs if "empty" in r.codes}
    assert {"intro", "sections[0]"} <= repaired


def test_a_base_model_stops_repairing_when_a_round_fixes_nothing() -> None:
    """Each of a base model's repairs is a new sample: after a round that left as many
    failures, asking again only spends tokens (an instruction model gets every round)."""
    backend = _Inventor()
    result = _rewrite("\n\n".join([P1, P2] * 3), backend, max_rounds=3)
    assert result.outcome.rounds == 1 and not result.outcome.passed
    assert {r.round for r in result.outcome.repairs} == {1}
