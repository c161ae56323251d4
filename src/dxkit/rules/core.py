"""Core checks: reading a file and checking it against its schema.

These have no rule function; the loader and the schema validator report them. They are
registered so that every code a user can see has a documentation page.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from dxkit.findings import Severity
from dxkit.i18n import LANGS, translate
from dxkit.rules import Consortium, Hit, Rule, register, rule


def _core(code: str, name: str, severity: Severity) -> None:
    register(Rule(code, name, severity, guide="start/quickstart.md"))


_core("DX001", "invalid-yaml", Severity.ERROR)
_core("DX002", "unreadable-encoding", Severity.ERROR)
_core("DX003", "duplicate-key", Severity.ERROR)
_core("DX004", "unsafe-tag", Severity.ERROR)
_core("DX005", "input-too-large", Severity.ERROR)
_core("DX006", "unknown-kind", Severity.ERROR)
_core("DX007", "byte-order-mark", Severity.WARNING)
_core("DX010", "schema-violation", Severity.ERROR)


def _iter_strings(node: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _iter_strings(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _iter_strings(value, (*path, index))


@rule("DX008", "unfilled-placeholder", Severity.WARNING, guide="start/quickstart.md")
def check_unfilled_placeholder(c: Consortium) -> Iterator[Hit]:
    markers = [translate("placeholder", lang) for lang in LANGS]
    for doc in c.documents():
        if doc.text and not any(marker in doc.text for marker in markers):
            continue  # the marker is not in the file at all: no need to walk its values
        for path, text in _iter_strings(doc.data):
            for marker in markers:
                if marker in text:
                    yield Hit(doc, path, {"marker": marker})
                    break
