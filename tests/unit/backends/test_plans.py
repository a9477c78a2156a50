"""Which backends rewrite mode asks for a JSON outline: not the embedded 270M (a base model,
see docs/calibration.md), any other model yes — and the batch's and the studio's wrappers
answer as the backend they wrap. The writer's outline for a backend that cannot plan is
tested in tests/unit/write/rewrite/test_writer.py."""

from __future__ import annotations

from pathlib import Path

from plume.backends.base import BackendWrapper, ScriptedBackend
from plume.backends.local import LocalBackend


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
