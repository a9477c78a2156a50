"""Grammalecte's HTTP server as a child process of plume, on 127.0.0.1 and a free port.

Grammalecte is GPL-3 and plume MIT: plume never imports it, it starts Debian's
``grammalecte-server`` (its own Python process, with its own interpreter) and talks to it over
HTTP only. The server loads its dictionary before it listens, so "answers on /" means "ready".
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import time
from types import TracebackType

import httpx

from plume.errors import PlumeError

__all__ = ["GrammarServer", "ServerUnavailable", "find_command", "free_port"]

#: Worker processes the server may use for checks: one, as the reference machine has 2 cores
#: and plume's own work runs beside it (Grammalecte's default is every core but one).
WORKERS = 1


class ServerUnavailable(PlumeError):
    """The checker could not be started or reached: plume goes on without it and says so."""


def find_command(command: str, path: str | None = None) -> str | None:
    """The server program's full path (``path``: a ``PATH`` to search instead of the process's)."""
    return shutil.which(command, path=path)


def free_port() -> int:
    """A TCP port nobody listens on at 127.0.0.1 (the system's choice)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _signal_group(proc: subprocess.Popen[bytes], sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, sig)


class GrammarServer:
    """One ``grammalecte-server`` process: :meth:`start` waits until it answers, :meth:`stop`
    ends it. Also a context manager."""

    def __init__(self, executable: str, *, start_timeout_s: float = 20.0) -> None:
        self.executable = executable
        self.start_timeout_s = start_timeout_s
        self.port: int | None = None
        self._proc: subprocess.Popen[bytes] | None = None
        self._ready = False

    @property
    def url(self) -> str:
        if self.port is None:
            raise RuntimeError("server not started")
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int | None:
        """The server's process id (also its process group's), while it runs."""
        return self._proc.pid if self._proc is not None else None

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def launch(self) -> None:
        """Start the process without waiting for it (it loads its dictionary meanwhile:
        :func:`plume.grammar.warm_up` overlaps that with plume's own start-up)."""
        if self._proc is not None and self._proc.poll() is None:
            return
        self.port = free_port()
        args = [self.executable, "-ht", "127.0.0.1", "-p", str(self.port), "-mp", str(WORKERS)]
        try:
            self._proc = subprocess.Popen(
                args,
                stdin=subprocess.DEVNULL,
                # Not a pipe: the server logs every request, and a pipe nobody reads would fill
                # up and block it after a few hundred checks (a studio's or a batch's life).
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,  # a Ctrl-C in plume's terminal is plume's to handle
            )
        except OSError as exc:
            raise ServerUnavailable(
                f"Le correcteur « {self.executable} » n’a pas pu être lancé : {exc}.",
                f"The checker '{self.executable}' could not be started: {exc}.",
            ) from exc
        self._ready = False

    def start(self) -> str:
        """Start the server (unless :meth:`launch` did) and wait until it answers; its URL.
        Raises :class:`ServerUnavailable` when it exits or stays silent past
        ``start_timeout_s``."""
        if self.running and self._ready:
            return self.url
        self.launch()
        proc = self._proc
        assert proc is not None
        deadline = time.monotonic() + self.start_timeout_s
        with httpx.Client(timeout=1.0) as client:
            while time.monotonic() < deadline:
                code = proc.poll()
                if code is not None:
                    self._proc = None
                    raise ServerUnavailable(
                        f"Le correcteur s’est arrêté au démarrage (code {code}) ; lancez "
                        f"« {self.executable} -p 8080 » pour voir pourquoi.",
                        f"The checker stopped while starting (code {code}); run "
                        f"'{self.executable} -p 8080' to see why.",
                    )
                try:
                    client.get(self.url + "/")
                    self._ready = True
                    return self.url
                except httpx.TransportError:
                    time.sleep(0.05)
        self.stop()
        raise ServerUnavailable(
            f"Le correcteur n’a pas répondu en {self.start_timeout_s:g} s.",
            f"The checker did not answer within {self.start_timeout_s:g} s.",
        )

    def stop(self) -> None:
        """End the server (politely, then by force after 5 s); idempotent."""
        proc, self._proc = self._proc, None
        if proc is None:
            return
        if proc.poll() is None:
            # The whole process group: the server forks a worker (its process pool) that would
            # outlive it otherwise. The group is the server's own (start_new_session).
            _signal_group(proc, signal.SIGTERM)
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                _signal_group(proc, signal.SIGKILL)
                proc.wait()

    def __enter__(self) -> GrammarServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
