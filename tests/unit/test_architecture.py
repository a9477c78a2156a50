"""The layering of ``src/plume`` (docs/architecture.md): no module imports a layer above its own,
no import cycle — imports inside functions included, since that is where cycles hide — and no
source file past the size where it stops having one concern."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "plume"

#: Lowest first; a module may import its own layer and those below. Top-level modules are named
#: by file, packages by folder. Kept in step with docs/architecture.md.
LAYERS: list[set[str]] = [
    {"errors", "document", "settings", "report", "lang", "text", "article", "verification"},
    {"optimisation"},
    {"ingest", "clean", "backends", "grammar"},
    {"analyse"},
    {"verify"},
    {"write"},
    {"render"},
    {"pipeline"},
    {"cli", "studio", "batch", "__init__", "__main__"},
]
LEVEL = {name: i for i, layer in enumerate(LAYERS) for name in layer}
#: Past this many lines a source file holds several concerns (issue 15); data modules aside.
MAX_LINES = 900
DATA_MODULES: set[str] = set()


def _module(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path, mod: str, known: set[str]) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    base = mod.split(".") if path.name == "__init__.py" else mod.split(".")[:-1]
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                target = ".".join([*base[: len(base) - node.level + 1], node.module or ""])
                target = target.rstrip(".")
            else:
                target = node.module or ""
            subs = {f"{target}.{a.name}" for a in node.names} & known
            if len(subs) < len(node.names):
                out.add(target)
            out |= subs
    return out


def _graph() -> dict[str, set[str]]:
    files = {_module(p): p for p in SRC.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for mod, path in files.items():
        edges = set()
        for t in _imports(path, mod, set(files)):
            while t and t not in files:
                t = t.rpartition(".")[0]
            # A module's own parent packages are imported first by Python: not an edge.
            if t and t != mod and t != "plume" and not mod.startswith(t + "."):
                edges.add(t)
        graph[mod] = edges
    return graph


def _part(mod: str) -> str:
    bits = mod.split(".")
    return bits[1] if len(bits) > 1 else "__init__"


def test_every_package_is_placed_in_a_layer() -> None:
    assert {_part(m) for m in _graph()} - set(LEVEL) == set()


def test_no_import_against_the_order() -> None:
    upward = [
        f"{a} -> {b}"
        for a, targets in sorted(_graph().items())
        for b in sorted(targets)
        if _part(a) in LEVEL and _part(b) in LEVEL and LEVEL[_part(b)] > LEVEL[_part(a)]
    ]
    assert upward == []


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on.add(root)
        while work:
            v, it = work[-1]
            w = next(it, None)
            if w is not None:
                if w not in index:
                    index[w] = low[w] = len(index)
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(sorted(graph[w]))))
                elif w in on:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                # A package re-exporting its own submodules is not a cycle worth reporting.
                if len(comp) > 1 and not all(m.startswith(min(comp)) for m in comp):
                    out.append(sorted(comp))
    return out


def test_no_import_cycle() -> None:
    assert _cycles(_graph()) == []


def test_the_cycle_finder_finds_cycles() -> None:
    graph = {"a.x": {"a.y"}, "a.y": {"a.z"}, "a.z": {"a.x"}, "b": {"a.x"}}
    assert _cycles(graph) == [["a.x", "a.y", "a.z"]]
    assert _cycles({"p": {"p.q"}, "p.q": {"p"}}) == []


@pytest.mark.parametrize("path", sorted(SRC.rglob("*.py")), ids=lambda p: _module(p))
def test_source_files_stay_small(path: Path) -> None:
    if _module(path) in DATA_MODULES:
        return
    lines = sum(1 for _ in path.open(encoding="utf-8"))
    assert lines <= MAX_LINES, f"{_module(path)}: {lines} lines — split it by concern"


ROOT = SRC.parents[1]


def _private_imports(path: Path) -> list[str]:
    """``from plume.x import _name`` and ``module._name`` on an imported plume module."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    modules: set[str] = set()
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("plume"):
            for a in node.names:
                if a.name.startswith("_") and not a.name.startswith("__"):
                    found.append(f"{node.module}.{a.name}")
                modules.add(a.asname or a.name)
        elif isinstance(node, ast.Import):
            modules.update(a.asname or a.name for a in node.names if a.name.startswith("plume"))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
            and isinstance(node.value, ast.Name)
            and node.value.id in modules
            and node.value.id[:1].islower()
        ):
            found.append(f"{node.value.id}.{node.attr}")
    return found


@pytest.mark.parametrize(
    "path",
    sorted(p for d in ("src", "tests", "bench", "scripts") for p in (ROOT / d).rglob("*.py")),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_no_private_name_used_outside_its_module(path: Path) -> None:
    assert _private_imports(path) == []
