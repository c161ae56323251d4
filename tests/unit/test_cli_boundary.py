"""The terminal stays at the edge: only ``dxkit.cli`` imports Typer, Click or Rich, and nothing imports the CLI."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "dxkit"
TERMINAL = {"typer", "click", "rich"}


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _outside_cli() -> list[Path]:
    return [p for p in PACKAGE.rglob("*.py") if "cli" not in p.relative_to(PACKAGE).parts[:1]]


def test_only_the_cli_imports_typer_click_or_rich():
    found = {
        str(path.relative_to(PACKAGE)): sorted(n for n in _imports(path) if n.split(".")[0] in TERMINAL)
        for path in _outside_cli()
    }
    assert {k: v for k, v in found.items() if v} == {}


def test_nothing_outside_the_cli_imports_it():
    # ``_entry`` starts the command line; ``docs`` hands its command tree to the reference pages.
    allowed = {"_entry.py", "docs.py"}
    found = {
        str(path.relative_to(PACKAGE)): sorted(
            n for n in _imports(path) if n == "dxkit.cli" or n.startswith("dxkit.cli.")
        )
        for path in _outside_cli()
        if path.name not in allowed or path.parent != PACKAGE
    }
    assert {k: v for k, v in found.items() if v} == {}
