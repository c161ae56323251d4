"""The package's layers hold: no import circle, and the contracts in pyproject.toml are kept.

Imports inside functions count like any other: a deferred import is still a dependency.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import grimp
import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("dxkit", include_external_packages=True, cache_dir=None)


def _internal(graph: grimp.ImportGraph) -> nx.DiGraph:
    edges = nx.DiGraph()
    for module in graph.modules:
        if not module.startswith("dxkit"):
            continue
        edges.add_node(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported.startswith("dxkit"):
                edges.add_edge(module, imported)
    return edges


def test_dxkit_has_no_import_circle(graph: grimp.ImportGraph) -> None:
    circles = [sorted(c) for c in nx.strongly_connected_components(_internal(graph)) if len(c) > 1]
    assert circles == []


def test_only_the_cli_imports_typer_click_or_rich(graph: grimp.ImportGraph) -> None:
    offenders = {
        module: sorted(found)
        for module in graph.modules
        if module.startswith("dxkit") and not module.startswith("dxkit.cli")
        if (found := {m for m in graph.find_modules_directly_imported_by(module) if m in ("typer", "click", "rich")})
    }
    assert offenders == {}


def test_import_contracts_are_kept() -> None:
    # The contracts live in pyproject.toml ([tool.importlinter]); the run must find them all kept.
    code = "import sys; from importlinter.cli import lint_imports; sys.exit(lint_imports(no_cache=True, no_logo=True))"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout, result.stdout[-2000:]


def test_i18n_imports_no_other_part_of_dxkit(graph: grimp.ImportGraph) -> None:
    # Every module shows messages, so the catalogue must sit below them all: enum labels, which
    # need the schemas, are dxkit.labels' business, never translate()'s.
    inside = {m for m in graph.modules if m == "dxkit.i18n" or m.startswith("dxkit.i18n.")}
    imported = {
        found
        for module in inside
        for found in graph.find_modules_directly_imported_by(module)
        if found.startswith("dxkit") and found not in inside
    }
    assert imported == set()
