"""The architecture rule from STYLE.md, enforced: a pure core inside a thin Faust shell."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def offenders(folder: str, forbidden: tuple[str, ...]) -> list[str]:
    bad = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        for mod in imported_modules(path):
            if mod.split(".")[0] in forbidden or any(mod.startswith(f + ".") or mod == f for f in forbidden):
                bad.append(f"{path.relative_to(ROOT)} imports {mod}")
    return bad


def test_core_imports_no_io_framework() -> None:
    assert offenders("agents/core", ("faust", "aiokafka", "httpx", "streams", "mode", "aiohttp")) == []


def test_notifiers_import_neither_faust_nor_streams() -> None:
    assert offenders("agents/notifiers", ("faust", "aiokafka", "streams", "mode")) == []


def test_the_checker_sees_a_violation(tmp_path: Path) -> None:
    p = tmp_path / "x.py"
    p.write_text("import faust\nfrom streams.app import create_app\n")
    assert imported_modules(p) == {"faust", "streams.app"}
