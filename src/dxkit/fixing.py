"""``dxkit validate --fix``: write what a person typed in the form dxkit writes.

A file may say ``status: 完了`` (a label, which dxkit reads as ``done``) or ``start: 2026/4/1``
(a date the schema refuses, with the message naming ``2026-04-01``). For people who want
canonical files, ``--fix`` rewrites both: each label as its code, each date that
:func:`dxkit.dates.parse_date` reads as its ISO form. Nothing else changes.

The rewrite goes through the edit layer (:mod:`dxkit.editing`): only the changed values are
replaced, comments, blank lines, quoting and line ends stay, the result is re-read and compared
with the intended data, and it is written atomically while the command holds the file's lock
(:func:`dxkit.writing.locked`), only if the file still holds what was read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dxkit.dates import parse_date
from dxkit.discovery import Target
from dxkit.editing import Editor, write_edit
from dxkit.loading import Document, decode, load_text, read_regular
from dxkit.schema_check import place_label
from dxkit.schemas import KINDS, label_codes, load_schema, resolve

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


@dataclass(frozen=True)
class Fix:
    """One value rewritten: where it stood (1-based, before the rewrite), what it was, what it is now."""

    path: tuple[str | int, ...]
    old: str
    new: str
    line: int
    column: int
    #: Where the value is, as a person names it (``T-002 の期限（due）``, not ``tasks[1].due``).
    where: str = ""


def find_fixes(doc: Document, lang: str = "ja") -> list[Fix]:
    """The values of ``doc`` written as a label or as a date in a form other than ISO, in file order."""
    kind = doc.kind
    if kind not in KINDS:
        return []
    root = load_schema(kind)
    found: list[tuple[tuple[str | int, ...], str, str]] = []
    _walk(doc.data, root, root, (), found)
    fixes = []
    for path, old, new in found:
        pos = doc.locate(path)
        fixes.append(Fix(path, old, new, pos.line, pos.column, place_label(kind, doc.data, path, lang)))
    fixes.sort(key=lambda f: (f.line, f.column))
    return fixes


def _walk(
    value: Any,
    node: dict[str, Any],
    root: dict[str, Any],
    path: tuple[str | int, ...],
    found: list[tuple[tuple[str | int, ...], str, str]],
) -> None:
    node = resolve(node, root)
    for variant in node.get("anyOf", ()) or node.get("oneOf", ()):
        if _fits(value, resolve(variant, root)):
            _walk(value, variant, root, path, found)
            return
    if isinstance(value, str):
        new = _canonical(value, node)
        if new is not None:
            found.append((path, value, new))
    elif isinstance(value, dict):
        properties = node.get("properties", {})
        for key, item in value.items():
            if key in properties:
                _walk(item, properties[key], root, (*path, key), found)
    elif isinstance(value, list) and isinstance(node.get("items"), dict):
        for index, item in enumerate(value):
            _walk(item, node["items"], root, (*path, index), found)


def _fits(value: Any, node: dict[str, Any]) -> bool:
    wanted = node.get("type")
    if wanted == "array":
        return isinstance(value, list)
    if wanted == "object":
        return isinstance(value, dict)
    return isinstance(value, str) if wanted == "string" or "enum" in node else False


def _canonical(value: str, node: dict[str, Any]) -> str | None:
    """The code of a label, the ISO form of a date written otherwise, or ``None``."""
    if "enum" in node:
        return label_codes(node).get(value)
    if node.get("pattern") == _DATE_PATTERN and not _ISO_DATE.fullmatch(value):
        date = parse_date(value)
        return date.isoformat() if date is not None else None
    return None


@dataclass(frozen=True)
class FileFixes:
    """The values rewritten in one file (none when it was already canonical or could not be read)."""

    display: str
    fixes: Sequence[Fix]


def fix_file(path: Path, display: str, lang: str) -> FileFixes:
    """Rewrite the labels and non-ISO dates of one file; a file that cannot be read is left alone.

    Validation, run afterwards, reports a file that does not load. Raises
    :class:`~dxkit.errors.EditConflict` when another dxkit command holds the file's lock or the
    file changed while it was being fixed, and :class:`~dxkit.errors.EditError` when the edit
    layer cannot change its layout safely; in every case the file is unchanged.
    """
    from dxkit.loading import LoadError
    from dxkit.writing import locked

    def read() -> tuple[bytes, str, Document] | None:
        try:
            raw = read_regular(path, display)
            text, bom = decode(raw, display)
            return raw, text, load_text(text, display, bom=bom)
        except LoadError:
            return None

    # A canonical file is read once and never locked: the lock is taken (and its lock file made)
    # only for a file that has something to rewrite, which is then read again under the lock.
    first = read()
    if first is None or not find_fixes(first[2]):
        return FileFixes(display, ())
    with locked(path):
        again = read()
        if again is None:
            return FileFixes(display, ())
        raw, text, doc = again
        fixes = find_fixes(doc, lang)
        if not fixes:
            return FileFixes(display, ())
        editor = Editor(text, display, base=doc.data)
        for fix in fixes:
            editor.set(fix.path, fix.new)
        edited = editor.apply()
        write_edit(path, raw, edited.text, lang, document=edited.document, changed="fix.changed", checked=False)
    return FileFixes(display, fixes)


def fix_paths(paths: Sequence[str], lang: str) -> Iterator[FileFixes]:
    """Fix every file ``dxkit validate`` would check under ``paths``, one file at a time."""
    from dxkit.discovery import iter_targets

    for target in iter_targets(paths):
        if isinstance(target, Target):
            yield fix_file(target.path, target.display, lang)
