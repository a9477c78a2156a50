"""Which backends rewrite mode asks for a JSON outline: not the embedded 270M (measured on the
corpus: no usable plan, ≈ 39 % of its generated tokens spent trying), any other model yes —
and the batch's and the studio's wrappers say what the backend they wrap says."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from plume.backends.base import BackendWrapper, ScriptedBackend, Usage
from plume.backends.local import LocalBackend
from plume.ingest import read_path
from plume.settings import Settings
from plume.write.rewrite import Writer, passages_of
from tests.conftest import EXAMPLE


def test_only_instruction_models_are_asked_for_a_plan() -> None:
    """The embedded 270M is a base model: no plan asked. A GGUF given by path is asked when
    its metadata has a chat template (tests/unit/backends/test_local_gguf.py); one that cannot
    be read counts as an instruction model, and loading it reports the error."""
    assert LocalBackend().plans is False  # nothing loaded: the model starts on first use
    assert LocalBackend().instruct is False
    assert LocalBackend(model_path=Path("autre-modele.gguf")).plans is True
    assert BackendWrapper(LocalBackend()).plans is False
    assert BackendWrapper(LocalBackend()).instruct is False
    assert BackendWrapper(BackendWrapper(LocalBackend(model_path=Path("m.gguf")))).plans is True
    assert BackendWrapper(ScriptedBackend([])).plans is True  # no attribute: asked
    assert BackendWrapper(ScriptedBackend([])).instruct is True


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
    from tests.conftest import CORPUS

    settings = Settings()
    live = next(p for p in CORPUS if p.name.startswith("13-"))
    doc = read_path(live, settings)
    backend = ScriptedBackend([])
    backend.plans = False  # type: ignore[attr-defined]
    w = Writer(backend, settings, [doc], passages_of([doc]), "Lorient", (), Usage(None, None), 42)
    plan, source, _ = w.plan(700, datetime.now(UTC))
    assert source == "deterministic" and max(len(s.passages) for s in plan.sections) > 40
