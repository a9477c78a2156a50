"""JSON answers from language models: tolerant parsing, validation, one re-ask on failure.

Structured output (a JSON schema enforced by the endpoint) is the first line; many endpoints do
not offer it, and small models wrap their JSON in prose or code fences. :func:`parse_json_tolerant`
repairs only what is unambiguous — fences, prose around the value, trailing commas, single-quoted
strings, Python literals — and refuses everything else. In particular a *truncated* value (the
model hit ``max_tokens``) is an error, never completed: ``json-repair`` would close the brackets
and hand back a section cut mid-sentence as valid JSON, which is why plume does not use it.
:func:`chat_json` then validates against a pydantic model and, on failure, asks again once with
the parse or validation error in the conversation (instructor's "validate, re-ask, bounded retry").
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from plume.backends.base import Backend, Completion, Message
from plume.errors import BackendError
from plume.text import french_spacing

__all__ = [
    "ChatJsonResult",
    "JSONParseError",
    "MalformedAnswerError",
    "chat_json",
    "parse_json_tolerant",
    "schema_instructions",
]

T = TypeVar("T", bound=BaseModel)


class JSONParseError(ValueError):
    """No JSON value could be read from a model's answer, even tolerantly.

    ``str()`` is the French message (it goes back to the model in the re-ask);
    ``message_en`` the English one, for reports in English."""

    def __init__(self, message_fr: str, message_en: str | None = None) -> None:
        super().__init__(message_fr)
        self.message_fr = message_fr
        self.message_en = message_en or message_fr


class MalformedAnswerError(BackendError):
    """The model's answers stayed unparsable or invalid after the re-asks (exit 12).

    ``completions`` are every answer received, the last one kept for inspection.
    """

    def __init__(self, message_fr: str, message_en: str, completions: list[Completion]) -> None:
        super().__init__(message_fr, message_en)
        self.completions = completions


_FENCE = re.compile(r"```[A-Za-z0-9_-]*[ \t]*\n?(.*?)```", re.DOTALL)
_PY_LITERALS = {"True": "true", "False": "false", "None": "null"}


def _extract_value(text: str) -> str | None:
    """The first balanced ``{…}`` or ``[…]`` in ``text`` (strings of either quote respected)."""
    start = next((i for i, ch in enumerate(text) if ch in "{["), None)
    if start is None:
        return None
    depth = 0
    quote: str | None = None
    escaped = False
    for i in range(start, len(text)):
        ch = text[i]
        if quote:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == quote and (quote == '"' or _closes_single(text, i)):
                quote = None
            continue
        if ch == '"' or (ch == "'" and _opens_single(text, i)):
            quote = ch
        elif ch in "{[":
            depth += 1
        elif ch in "}]":
            depth -= 1
            if depth == 0:
                return text[start : i + 1]
    return None  # unbalanced: truncated, not repairable


def _prev_significant(text: str, i: int) -> str:
    j = i - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    return text[j] if j >= 0 else ""


def _next_significant(text: str, i: int) -> str:
    j = i + 1
    while j < len(text) and text[j].isspace():
        j += 1
    return text[j] if j < len(text) else ""


def _opens_single(text: str, i: int) -> bool:
    # A single quote opens a string only where a value or key can start; elsewhere it is an
    # apostrophe (French: l'article), left alone.
    return _prev_significant(text, i) in ("{", "[", ",", ":", "")


def _closes_single(text: str, i: int) -> bool:
    # …and closes it only before what can follow a value or key, so 'l'article' stays one string.
    return _next_significant(text, i) in (",", ":", "}", "]", "")


def _normalise(value: str) -> str:
    """Rewrite single-quoted strings as JSON strings, drop trailing commas, map Python literals;
    everything inside double-quoted strings is left untouched."""
    out: list[str] = []
    i = 0
    n = len(value)
    while i < n:
        ch = value[i]
        if ch == '"':
            j = i + 1
            while j < n and value[j] != '"':
                j += 2 if value[j] == "\\" else 1
            out.append(value[i : j + 1])
            i = j + 1
        elif ch == "'" and _opens_single(value, i):
            j = i + 1
            buf: list[str] = []
            while j < n and not (value[j] == "'" and _closes_single(value, j)):
                if value[j] == "\\" and j + 1 < n:
                    buf.append(value[j + 1] if value[j + 1] == "'" else value[j : j + 2])
                    j += 2
                    continue
                # A bare double quote inside a single-quoted string must be escaped in JSON.
                buf.append('\\"' if value[j] == '"' else value[j])
                j += 1
            out.append('"' + "".join(buf) + '"')
            i = j + 1
        elif ch == "," and _next_significant(value, i) in ("}", "]"):
            i += 1
        elif ch.isalpha():
            j = i
            while j < n and (value[j].isalnum() or value[j] == "_"):
                j += 1
            word = value[i:j]
            out.append(_PY_LITERALS.get(word, word))
            i = j
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def parse_json_tolerant(text: str) -> Any:
    """The JSON value in a model's answer, read leniently; :class:`JSONParseError` if none.

    Tried in order, the first that parses wins: the text as is; the content of the first code
    fence (```` ```json … ``` ````); the first balanced object or array, prose before and after
    dropped; that value with single-quoted strings requoted, trailing commas removed and
    ``True``/``False``/``None`` mapped to JSON. A truncated value is refused, not completed.
    """
    stripped = text.strip().lstrip("\ufeff")
    candidates = [stripped]
    fence = _FENCE.search(stripped)
    if fence:
        candidates.append(fence.group(1).strip())
    for source in list(candidates):
        value = _extract_value(source)
        if value is not None:
            candidates.append(value)
            candidates.append(_normalise(value))
    first_error: json.JSONDecodeError | None = None
    for candidate in candidates:
        try:
            return json.loads(candidate)
        except json.JSONDecodeError as e:
            first_error = first_error or e
    if not any(ch in stripped for ch in "{["):
        raise JSONParseError("aucun objet JSON dans la réponse", "no JSON object in the answer")
    if _extract_value(fence.group(1) if fence else stripped) is None:
        raise JSONParseError(
            "JSON incomplet : accolades ou crochets non refermés, réponse sans doute tronquée",
            "truncated JSON: unbalanced brackets, the answer was probably cut short",
        )
    raise JSONParseError(f"JSON invalide : {first_error}", f"invalid JSON: {first_error}")


def schema_instructions(schema: dict[str, Any], lang: str = "fr") -> str:
    """The instruction that replaces structured output when the endpoint has none."""
    dumped = json.dumps(schema, ensure_ascii=False)
    if lang == "en":
        return (
            "Answer with one JSON object only, valid against this JSON schema, with no text "
            f"before or after and no code fence:\n{dumped}"
        )
    return (
        "Réponds uniquement par un objet JSON valide selon ce schéma JSON, sans texte avant ni "
        f"après et sans bloc de code :\n{dumped}"
    )


@dataclass
class ChatJsonResult(Generic[T]):
    """The validated value and every completion it took (for usage and reports)."""

    value: T
    completions: list[Completion] = field(default_factory=list)

    @property
    def reasked(self) -> bool:
        return len(self.completions) > 1


def _first_error(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors()[:3]:
        where = ".".join(str(p) for p in err["loc"]) or "(racine)"
        parts.append(f"{where} : {err['msg']}")
    return " ; ".join(parts)


def chat_json(
    backend: Backend,
    messages: Sequence[Message],
    schema: dict[str, Any] | None,
    model: type[T],
    *,
    attempts: int = 2,
    max_tokens: int = 1024,
    temperature: float = 0.2,
    seed: int = 42,
) -> ChatJsonResult[T]:
    """Ask for JSON matching ``model``; on an unparsable or invalid answer, ask again.

    ``schema`` defaults to ``model.model_json_schema()``. Each re-ask appends the bad answer
    (as the assistant's turn) and a user turn naming the error, so the model corrects itself
    rather than starting over. After ``attempts`` answers, :class:`MalformedAnswerError`
    (a :class:`~plume.errors.BackendError`, exit 12) with every completion received.
    """
    if attempts < 1:
        raise ValueError("attempts must be ≥ 1")
    schema = schema if schema is not None else model.model_json_schema()
    conversation = list(messages)
    completions: list[Completion] = []
    error = error_en = ""
    for attempt in range(attempts):
        completion = backend.chat(
            conversation,
            max_tokens=max_tokens,
            temperature=temperature,
            # Another seed for the re-ask: with the same one a local model may answer the same
            # bytes again, and the re-ask would cost without helping.
            seed=seed + attempt,
            json_schema=schema,
        )
        completions.append(completion)
        try:
            data = parse_json_tolerant(completion.text)
            return ChatJsonResult(model.model_validate(data), completions)
        except JSONParseError as e:
            error, error_en = e.message_fr, e.message_en
        except ValidationError as e:
            error = f"JSON non conforme au schéma : {_first_error(e)}"
            error_en = f"JSON not valid against the schema: {_first_error(e)}"
        if completion.finish_reason == "length":
            error += " (réponse coupée par la limite de longueur : sois plus bref)"
            error_en += " (answer cut by the length limit)"
        conversation += [
            Message("assistant", completion.text),
            Message(
                "user",
                f"Ta réponse est inutilisable : {error}. Réponds de nouveau, uniquement par "
                "l’objet JSON corrigé, conforme au schéma, sans texte autour.",
            ),
        ]
    raise MalformedAnswerError(
        french_spacing(f"Le modèle n’a pas donné de JSON valide en {attempts} essais : {error}."),
        f"The model gave no valid JSON in {attempts} attempts: {error_en}.",
        completions,
    )
