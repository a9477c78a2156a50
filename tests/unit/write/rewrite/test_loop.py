"""The rewrite loop with a base model: only completions are asked, the drops are reported, an
article left empty never passes, and a round that fixes nothing ends the repairs."""

from __future__ import annotations

from datetime import UTC, datetime

from plume.backends.base import Completion, Message
from plume.clean import clean
from plume.document import EditorFields
from plume.ingest import read_text
from plume.settings import Settings
from plume.write.rewrite import RewriteResult, rewrite_article
from tests.unit.write.rewrite.test_writer import P1, P2


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
        fields=EditorFields(keyphrase="piscine"),
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
