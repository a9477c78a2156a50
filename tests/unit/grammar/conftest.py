"""The real Grammalecte server, started once for these tests on 127.0.0.1 and stopped after."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from plume.grammar.server import GrammarServer, find_command
from plume.settings import GrammarSettings, Settings


@pytest.fixture(scope="session")
def grammar_url() -> Iterator[str]:
    executable = find_command("grammalecte-server")
    if executable is None:
        pytest.fail("grammalecte-server is not installed: run bash scripts/setup.sh (as root)")
    with GrammarServer(executable) as server:
        yield server.url


@pytest.fixture(scope="session")
def grammar_settings(grammar_url: str) -> GrammarSettings:
    """Settings that use the fixture's server (never a second one)."""
    return GrammarSettings(url=grammar_url)


@pytest.fixture(scope="session")
def settings(grammar_settings: GrammarSettings) -> Settings:
    return Settings(grammar=grammar_settings)
