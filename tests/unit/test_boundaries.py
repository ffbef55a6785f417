"""The architecture rule from STYLE.md, enforced: a pure core inside a thin Faust shell, and no
import cycle among the project's modules (streams/runtime.py is the leaf agents import)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("agents", "streams", "bench")


def imported_modules(path: Path) -> set[str]:
    """Every absolute import in the file, lazy (inside functions) ones included; for
    `from a.b import c` both `a.b` and `a.b.c` (which may be a module)."""
    tree = ast.parse(path.read_text())
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{a.name}" for a in node.names)
    return names


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def import_graph() -> dict[str, set[str]]:
    files = {module_name(p): p for pkg in PACKAGES for p in sorted((ROOT / pkg).rglob("*.py"))}
    return {
        mod: {m for m in imported_modules(path) if m in files and m != mod} for mod, path in files.items()
    }


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def offenders(folder: str, forbidden: tuple[str, ...]) -> list[str]:
    bad = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        for mod in imported_modules(path):
            if any(mod == f or mod.startswith(f + ".") for f in forbidden):
                bad.append(f"{path.relative_to(ROOT)} imports {mod}")
    return bad


def test_core_imports_no_io_framework() -> None:
    assert offenders("agents/core", ("faust", "aiokafka", "httpx", "streams", "mode", "aiohttp")) == []


def test_core_imports_neither_agents_nor_notifiers() -> None:
    shell = tuple(m for m in import_graph() if m.startswith("agents.") and not m.startswith("agents.core"))
    assert "agents.notifiers" in shell and "agents.classify" in shell
    assert offenders("agents/core", shell) == []


def test_notifiers_import_neither_faust_nor_streams() -> None:
    assert offenders("agents/notifiers", ("faust", "aiokafka", "streams", "mode")) == []


def test_runtime_is_a_leaf_for_the_agents() -> None:
    graph = import_graph()
    assert not {m for m in graph["streams.runtime"] if m.startswith("agents.") or m == "streams.app"}


def test_no_import_cycle() -> None:
    assert cycles(import_graph()) == []


def test_the_cycle_check_sees_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_checker_sees_a_violation(tmp_path: Path) -> None:
    p = tmp_path / "x.py"
    p.write_text("import faust\nfrom streams.app import create_app\n")
    assert imported_modules(p) == {"faust", "streams.app", "streams.app.create_app"}
