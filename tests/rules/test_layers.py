"""The rules read the typed model only: no raw document data, no analyses."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import dxkit.rules

RULE_MODULES = sorted(Path(dxkit.rules.__file__).parent.rglob("*.py"))


def _imports(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


@pytest.mark.parametrize("path", RULE_MODULES, ids=lambda p: p.name)
def test_rules_do_not_import_analyses_or_documents(path: Path) -> None:
    imported = _imports(ast.parse(path.read_text(encoding="utf-8")))
    assert not [name for name in imported if name.startswith("dxkit.analyses")], path.name
    assert "dxkit.loading" not in imported and "dxkit.loading.Document" not in imported, path.name


@pytest.mark.parametrize("path", RULE_MODULES, ids=lambda p: p.name)
def test_rules_never_read_raw_document_data(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    raw = [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Attribute) and node.attr in ("data", "raw")]
    assert raw == [], f"{path.name}: lines {raw} read a document's raw data; read the model's records"
