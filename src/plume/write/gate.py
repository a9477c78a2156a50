"""The gate every generated field passes before it is published (issue 16): the author's words
as they stand, or a candidate the support check accepts against the source."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from plume.text import sentences

__all__ = ["SUPPORT_BATCH", "Supported", "first_supported", "support_judge"]


#: A judge of generated statements: the subset of ``claims`` the source supports.
Supported = Callable[[Sequence[str]], set[str]]


def support_judge(source: str) -> Supported:
    """:func:`plume.verify.support.check_support` against ``source`` as a :data:`Supported`."""

    def judge(claims: Sequence[str]) -> set[str]:
        from plume.verify.support import check_support  # spaCy's parser: loaded on first use

        # Every sentence of a claim must be supported (a description may hold two).
        parts = {c: [s.text for s in sentences(c)] or [c] for c in claims}
        verdicts = check_support([p for ps in parts.values() for p in ps], source)
        ok = {v.claim for v in verdicts if v.supported}
        return {c for c, ps in parts.items() if all(p in ok for p in ps)}

    return judge


#: Compressed candidates checked for support at a time, best first.
SUPPORT_BATCH = 6


def first_supported(
    ranked: Sequence[str],
    verbatim: str,
    supported: Supported | None,
    usable: Callable[[str], bool] | None = None,
) -> str | None:
    """The first of ``ranked`` that is the author's text as it stands (in ``verbatim``) or that
    ``supported`` accepts; ``None`` when none is. ``usable``: a further test, run only on the
    candidates reached (it may cost a parse)."""
    reached = (t for t in ranked if usable is None or usable(t))
    if supported is None:
        return next(reached, None)
    pending: list[str] = []
    for text in reached:
        if text in verbatim:
            if not pending:
                return text
            ok = supported(pending)
            return next((p for p in pending if p in ok), text)
        pending.append(text)
        if len(pending) == SUPPORT_BATCH:
            ok = supported(pending)
            if found := next((p for p in pending if p in ok), None):
                return found
            pending = []
    if pending:
        ok = supported(pending)
        return next((p for p in pending if p in ok), None)
    return None
