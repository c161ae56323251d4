"""Reading a file a command works on, and writing an edit of it back.

A person's file is written only when the edited text is valid for its schema and nobody changed
the file since it was read; the write is atomic and keeps the byte-order mark the file had.
"""

from __future__ import annotations

from pathlib import Path

from dxkit.editing.tree import no_gc
from dxkit.errors import EditConflict, UsageError, write_error
from dxkit.loading import Document, LoadError, load_file

_BOM = b"\xef\xbb\xbf"


def load_checked(path: Path, kinds: tuple[str, ...], lang: str) -> Document:
    """Load a file a command works on; any problem becomes a usage error with file:line:col."""
    from dxkit.schema_check import check_schema

    try:
        with no_gc():
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


def write_edit(path: Path, original: bytes, text: str, lang: str, *, document: Document | None = None) -> None:
    """Write an edited file: only if the result is valid and the file still holds ``original``.

    ``document`` is the result as the edit layer proved it (:attr:`Edited.document`); when it is
    the document of ``text``, the schema check uses it instead of reading the text once more.
    """
    from dxkit.schema_check import check_schema, require_valid
    from dxkit.writing import write_atomic

    body = text[1:] if text.startswith("\ufeff") else text
    if document is not None and document.text == body:
        problems = check_schema(document, lang)
        if problems:
            raise UsageError("edit.broken", file=str(path), detail=problems[0].message)
    else:
        with no_gc():
            require_valid(body, str(path), lang)
    try:
        current = path.read_bytes()
    except OSError:
        current = None
    if current != original:
        raise EditConflict("promote.changed", file=str(path))
    bom = _BOM if original.startswith(_BOM) else b""
    try:
        write_atomic(path, bom + body.encode("utf-8"))
    except OSError as exc:
        raise write_error(exc, str(path)) from None
