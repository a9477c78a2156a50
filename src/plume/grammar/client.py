"""Ask Grammalecte about a text over HTTP: ``POST /gc_text/fr`` (grammar and spelling errors),
``POST /suggest/fr`` (a misspelt word's suggestions).

:func:`checker_for` gives the process's one checker per configuration: it starts the server
the first time a French text needs it (or uses ``[grammar] url``) and stops it when plume
exits. A checker that cannot run answers with a notice instead of errors, never silently and
never with a traceback.
"""

from __future__ import annotations

import atexit
import json
import threading
from collections import OrderedDict
from dataclasses import dataclass

import httpx

from plume.grammar.fixes import worth_flagging
from plume.grammar.model import ErrorKind, GrammarError, GrammarResult
from plume.grammar.names import name_like
from plume.grammar.server import GrammarServer, ServerUnavailable, find_command
from plume.report import Msg
from plume.settings import GrammarSettings

__all__ = [
    "GrammarChecker",
    "check_grammar",
    "checker_for",
    "unavailable_notice",
    "warm_up",
]

#: Grammalecte's option groups plume turns off: the typography plume's own cleaner fixes and
#: its TY-* checks judge (spaces, apostrophes, signs, large numbers, units), and épicène
#: writing, a house style rather than an error ("Dall-E" read as "Dall·E").
OPTIONS_OFF = ("typo", "apos", "esp", "tab", "nbsp", "unit", "num", "eepi")

#: Grammalecte rules left out for the same reason: spaces in large numbers ("400 000") and
#: the ellipsis in brackets, typography the cleaner and TY-NBSP handle.
RULES_OFF = ("num_grand_nombre", "g0__purge_mot_nombre_parenthèses")

#: Paragraphs remembered per checker: the pipeline checks the source, then the article made
#: of the same paragraphs (and again after a withdrawal); a long article has ~100 lines.
CACHE_LINES = 5000


@dataclass(frozen=True, slots=True)
class RawError:
    """One error as Grammalecte gives it, offsets inside its line; filtered per text."""

    kind: ErrorKind
    start: int
    end: int
    rule: str
    group: str = "spelling"
    message: str = ""
    suggestions: tuple[str, ...] = ()


def unavailable_notice(reason: Msg) -> Msg:
    """The report's and the terminal's sentence when the checker did not run."""
    return Msg(
        f"Correcteur grammatical (Grammalecte) non utilisé : {reason.fr} "
        "Les contrôles COR-GRAMMAR et COR-SPELLING n’ont pas été faits.",
        f"Grammar checker (Grammalecte) not used: {reason.en} "
        "The COR-GRAMMAR and COR-SPELLING checks did not run.",
    )


def not_installed(command: str) -> Msg:
    return Msg(
        f"« {command} » est introuvable. Installez-le (Debian, Ubuntu : "
        "apt-get install grammalecte-cli ; bash scripts/setup.sh le fait en root) ou donnez "
        "l’adresse d’un serveur Grammalecte (réglage grammar.url).",
        f"'{command}' was not found. Install it (Debian, Ubuntu: apt-get install "
        "grammalecte-cli; bash scripts/setup.sh does it as root) or give the address of a "
        "Grammalecte server (setting grammar.url).",
    )


class GrammarChecker:
    """Grammalecte behind one URL: a running server (``url``) or one this checker starts
    (``executable``) on first use. Thread-safe; :meth:`close` stops a started server."""

    def __init__(
        self,
        *,
        url: str | None = None,
        executable: str | None = None,
        timeout_s: float = 30.0,
        start_timeout_s: float = 20.0,
    ) -> None:
        if (url is None) == (executable is None):
            raise ValueError("give url or executable")
        self._url = url.rstrip("/") if url else None
        self._server = (
            GrammarServer(executable, start_timeout_s=start_timeout_s) if executable else None
        )
        self._timeout = timeout_s
        self._lock = threading.Lock()
        self._client: httpx.Client | None = None
        #: Grammalecte's raw errors per line of text (its unit of work).
        self._lines: OrderedDict[str, tuple[RawError, ...]] = OrderedDict()
        self._version = "?"
        self._suggestions: dict[str, tuple[str, ...]] = {}
        #: Set once the server failed to start: not retried for every text.
        self._failure: Msg | None = None

    def _base(self) -> str:
        if self._url is not None:
            return self._url
        assert self._server is not None
        return self._server.start()

    def warm_up(self) -> None:
        """Launch the server now without waiting for it (no-op for a configured URL)."""
        with self._lock:
            if self._server is not None and self._failure is None:
                try:
                    self._server.launch()
                except ServerUnavailable as exc:
                    self._failure = Msg(exc.message_fr, exc.message_en)

    def _http(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(timeout=self._timeout)
        return self._client

    def check(self, text: str) -> GrammarResult:
        """The grammar and spelling errors of ``text`` (offsets into ``text``), names left out
        (:func:`plume.grammar.names.name_like`), each misspelling with its suggestions."""
        with self._lock:
            if self._failure is not None:
                return GrammarResult(notice=unavailable_notice(self._failure))
            try:
                errors = self._check(text)
            except ServerUnavailable as exc:
                self._failure = Msg(exc.message_fr, exc.message_en)
                return GrammarResult(notice=unavailable_notice(self._failure))
            except (httpx.HTTPError, ValueError, KeyError, TypeError) as exc:
                # One failed request (a timeout on a huge text): this text goes unchecked.
                where = self._url or "127.0.0.1"
                reason = Msg(
                    f"pas de réponse valable de {where} ({type(exc).__name__} : {exc}).",
                    f"no valid answer from {where} ({type(exc).__name__}: {exc}).",
                )
                return GrammarResult(notice=unavailable_notice(reason))
            return GrammarResult(errors=errors, checker=f"Grammalecte {self._version}")

    def _ask(self, lines: list[str]) -> None:
        """Grammalecte's raw errors for ``lines`` (one request), into the line cache."""
        options = json.dumps({name: False for name in OPTIONS_OFF})
        resp = self._http().post(
            self._base() + "/gc_text/fr", data={"text": "\n".join(lines), "options": options}
        )
        resp.raise_for_status()
        answer = resp.json()
        if "data" not in answer:
            raise ValueError(answer.get("error") or "no data")
        self._version = str(answer.get("version", "?"))
        found: dict[int, list[RawError]] = {}
        for para in answer["data"]:
            raw = found.setdefault(int(para["iParagraph"]) - 1, [])
            for e in para.get("lGrammarErrors", ()):
                raw.append(
                    RawError(
                        ErrorKind.GRAMMAR,
                        int(e["nStart"]),
                        int(e["nEnd"]),
                        str(e.get("sRuleId", "")),
                        str(e.get("sType", "")),
                        str(e.get("sMessage", "")),
                        tuple(str(x) for x in e.get("aSuggestions", ())),
                    )
                )
            for e in para.get("lSpellingErrors", ()):
                raw.append(
                    RawError(ErrorKind.SPELLING, int(e["nStart"]), int(e["nEnd"]), "spelling")
                )
        for i, line in enumerate(lines):
            self._lines[line] = tuple(found.get(i, ()))
        while len(self._lines) > CACHE_LINES:
            self._lines.popitem(last=False)

    def _check(self, text: str) -> tuple[GrammarError, ...]:
        # Grammalecte checks each line ("\n") on its own and counts offsets inside it: lines
        # already seen (the article keeps most of its source's paragraphs) are not sent again.
        lines = text.split("\n")
        missing = list(dict.fromkeys(x for x in lines if x.strip() and x not in self._lines))
        if missing:
            self._ask(missing)
        out: list[GrammarError] = []
        offset = 0
        for line in lines:
            for raw in self._lines.get(line, ()):
                start, end = offset + raw.start, offset + raw.end
                error = self._keep(text, raw, start, end)
                if error is not None:
                    out.append(error)
            offset += len(line) + 1
        out.sort(key=lambda e: (e.start, e.end, e.kind))
        return tuple(out)

    def _keep(self, text: str, raw: RawError, start: int, end: int) -> GrammarError | None:
        """The error as plume reports it, or None: a rule plume leaves to its own checks, a
        name, a word French commonly writes."""
        flagged = text[start:end]
        if raw.kind is ErrorKind.GRAMMAR:
            if raw.rule.startswith(RULES_OFF):
                return None
            # Capitalisation errors ("maj") are about the capital itself: not a name question.
            if raw.group != "maj" and name_like(text, start, end):
                return None
            # A brand written in lower case with an inner capital ("xAI", "iPhone", "eBay")
            # opens a sentence as its owner spells it.
            if raw.group == "maj" and _inner_capital(flagged):
                return None
            return GrammarError(
                ErrorKind.GRAMMAR,
                start,
                end,
                flagged,
                raw.rule,
                raw.group,
                raw.message,
                raw.suggestions,
            )
        if name_like(text, start, end):
            return None
        suggestions = self._suggest(flagged)
        if not worth_flagging(flagged, suggestions):
            return None
        return GrammarError(
            kind=ErrorKind.SPELLING,
            start=start,
            end=end,
            text=flagged,
            rule="spelling",
            group="spelling",
            message=f"Mot inconnu du dictionnaire : « {flagged} ».",
            suggestions=suggestions,
        )

    def _suggest(self, word: str) -> tuple[str, ...]:
        if word not in self._suggestions:
            resp = self._http().post(self._base() + "/suggest/fr", data={"token": word})
            resp.raise_for_status()
            found = resp.json().get("suggestions", [])
            self._suggestions[word] = tuple(str(s) for s in found)
        return self._suggestions[word]

    def close(self) -> None:
        """Stop the server this checker started (if any) and its HTTP connections."""
        with self._lock:
            if self._client is not None:
                self._client.close()
                self._client = None
            if self._server is not None:
                self._server.stop()


def _make(settings: GrammarSettings) -> GrammarChecker | Msg:
    """A checker for ``settings``, or why there is none."""
    if settings.url:
        return GrammarChecker(url=settings.url, timeout_s=settings.timeout_s)
    executable = find_command(settings.command)
    if executable is None:
        return not_installed(settings.command)
    return GrammarChecker(
        executable=executable,
        timeout_s=settings.timeout_s,
        start_timeout_s=settings.start_timeout_s,
    )


_CHECKERS: dict[GrammarSettings, GrammarChecker] = {}
_CHECKERS_LOCK = threading.Lock()


def checker_for(settings: GrammarSettings) -> GrammarChecker | Msg:
    """The process's one checker for ``settings`` (its server started on first use and stopped
    when the process exits), or the reason there is none (not installed: looked up again next
    time, so installing it mid-session works)."""
    with _CHECKERS_LOCK:
        if settings in _CHECKERS:
            return _CHECKERS[settings]
        made = _make(settings)
        if isinstance(made, GrammarChecker):
            _CHECKERS[settings] = made
            atexit.register(made.close)
        return made


DISABLED = Msg(
    "désactivé par le réglage grammar.enabled = false.",
    "disabled by the setting grammar.enabled = false.",
)


def warm_up(settings: GrammarSettings) -> None:
    """Launch the checker's server in the background, so that its start-up (about 0.6 s: it
    loads its dictionary) overlaps plume's reading and cleaning; the first check waits for it.
    Nothing happens when it is disabled, configured by URL or not installed."""
    if settings.enabled:
        checker = checker_for(settings)
        if isinstance(checker, GrammarChecker):
            checker.warm_up()


def check_grammar(text: str, settings: GrammarSettings) -> GrammarResult:
    """Grammalecte's errors in ``text``, or a result whose notice says why it did not run."""
    if not settings.enabled:
        return GrammarResult(notice=unavailable_notice(DISABLED))
    checker = checker_for(settings)
    if isinstance(checker, Msg):
        return GrammarResult(notice=unavailable_notice(checker))
    return checker.check(text)


def _inner_capital(word: str) -> bool:
    return word[:1].islower() and any(c.isupper() for c in word[1:])
