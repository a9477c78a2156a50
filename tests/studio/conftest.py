"""Studio fixtures: isolated settings (a history file per test), an ASGI client, a real uvicorn
server on a free loopback port, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from plume.settings import Settings, load_settings
from plume.studio import create_app
from tests.conftest import ROOT, SHARED

#: The first seed (the lead copied it into examples/; the shared copy until then).
SEED = next(
    p
    for p in (ROOT / "examples" / "seed-openai.txt", SHARED / "seeds" / "000_4017132598e4fe82.txt")
    if p.is_file()
)

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

#: What the studio binds in tests; TestClient's default "testserver" host would be refused by
#: the DNS-rebinding guard, as it should.
BASE_URL = "http://127.0.0.1"


def studio_settings(tmp: Path, **studio: Any) -> Settings:
    return load_settings({"studio": {"db_path": tmp / "studio.sqlite3", **studio}}, env={})


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return studio_settings(tmp_path)


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings), base_url=BASE_URL) as c:
        yield c


class LiveServer:
    """uvicorn serving the studio in a thread, on a free port picked by the OS (port 0)."""

    def __init__(self, settings: Settings) -> None:
        import uvicorn

        self.app = create_app(settings)
        config = uvicorn.Config(
            self.app, host="127.0.0.1", port=0, log_level="warning", access_log=False
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("le serveur uvicorn du test n’a pas démarré")
            time.sleep(0.02)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    # A 300 kB upload limit (the seed is 7 kB): the over-limit test then sends 300 kB, not 5 MB.
    settings = studio_settings(tmp_path_factory.mktemp("live"), max_upload_bytes=300_000)
    with LiveServer(settings) as server:
        yield server


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    # Never skipped: a missing browser is a broken test setup (scripts/test.sh installs it).
    assert CHROMIUM.is_file(), (
        f"{CHROMIUM} introuvable : installez le paquet Debian « chromium » "
        "(scripts/test.sh le fait) pour les tests navigateur du studio."
    )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()
