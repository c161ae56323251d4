"""Reading a file a command works on, and writing an edit of it back.

A person's file is written only when the edited text is valid for its schema and nobody changed
the file since it was read; the write is atomic and keeps the byte-order mark the file had.
"""

from __future__ import annotations

from pathlib import Path

from dxkit.errors import EditConflict, UsageError, write_error
from dxkit.loading import Document, LoadError, load_file

_BOM = b"\xef\xbb\xbf"


def load_checked(path: Path, kinds: tuple[str, ...], lang: str) -> Document:
    """Load a file a command works on; any problem becomes a usage error with file:line:col."""
    from dxkit.schema_check import check_schema

    try:
        doc = load_file(path)
    except LoadError as err:
        raise UsageError(
            "agenda.unreadable",
            file=str(path),
            line=err.position.line,
            column=err.position.column,
            detail=err.message(lang),
        ) from None
    if doc.kind not in kinds:
        raise UsageError("command.wrong_kind", file=str(path), kinds=", ".join(kinds))
    problems = check_schema(doc, lang)
    if problems:
        first = problems[0]
        raise UsageError("agenda.invalid", file=first.file, line=first.line, column=first.column, detail=first.message)
    return doc


def write_edit(path: Path, original: bytes, text: str, lang: str) -> None:
    """Write an edited file: only if the result is valid and the file still holds ``original``."""
    from dxkit.scaffold import write_atomic
    from dxkit.schema_check import require_valid

    require_valid(text, str(path), lang)
    try:
        current = path.read_bytes()
    except OSError:
        current = None
    if current != original:
        raise EditConflict("promote.changed", file=str(path))
    bom = _BOM if original.startswith(_BOM) else b""
    body = text[1:] if text.startswith("\ufeff") else text
    try:
        write_atomic(path, bom + body.encode("utf-8"))
    except OSError as exc:
        raise write_error(exc, str(path)) from None
