from __future__ import annotations

import socket
from pathlib import Path

import httpx
import pytest

from plume.grammar.server import GrammarServer, ServerUnavailable, find_command, free_port


def _group(proc_dir: Path) -> int | None:
    """The process group of a live /proc/<pid> entry (None once it is gone or a zombie: a
    container's init may never reap an orphan's exit status)."""
    try:
        fields = (proc_dir / "stat").read_text().rpartition(")")[2].split()
    except OSError:
        return None
    return None if fields[0] == "Z" else int(fields[2])


def test_free_port_is_free() -> None:
    port = free_port()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", port))  # would raise if something listened there


def test_the_server_answers_on_loopback_and_stops() -> None:
    executable = find_command("grammalecte-server")
    assert executable is not None
    server = GrammarServer(executable)
    url = server.start()
    assert url.startswith("http://127.0.0.1:")
    assert server.running
    answer = httpx.post(url + "/gc_text/fr", data={"text": "Il a du partir."}, timeout=10)
    assert answer.json()["program"] == "grammalecte-fr"
    group = server.pid
    assert group is not None
    server.stop()
    assert not server.running
    with pytest.raises(httpx.TransportError):
        httpx.get(url + "/", timeout=2)
    # Its worker process (Grammalecte's process pool) went with it: nothing left in its group.
    assert not [p for p in Path("/proc").iterdir() if p.name.isdigit() and _group(p) == group]
    server.stop()  # idempotent


def test_a_program_that_is_not_a_server_is_reported() -> None:
    server = GrammarServer("/bin/false", start_timeout_s=5)
    with pytest.raises(ServerUnavailable) as err:
        server.start()
    assert "arrêté au démarrage" in err.value.message_fr
    assert not server.running


def test_a_missing_program_is_reported() -> None:
    with pytest.raises(ServerUnavailable) as err:
        GrammarServer("/nonexistent/grammalecte-server").start()
    assert "n’a pas pu être lancé" in err.value.message_fr


def test_launch_does_not_wait_and_start_then_does() -> None:
    executable = find_command("grammalecte-server")
    assert executable is not None
    server = GrammarServer(executable)
    try:
        server.launch()
        assert server.running
        url = server.start()
        assert httpx.get(url + "/", timeout=5).status_code == 200
        assert server.start() == url  # already up: same server
    finally:
        server.stop()
