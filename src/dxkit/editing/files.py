"""Reading a file a command works on, and writing an edit of it back.

A person's file is written only when the edited text is valid for its schema and nobody changed
the file since it was read; the write is atomic and keeps the byte-order mark the file had.
"""

from __future__ import annotations

from pathlib import Path

from dxkit.editing.tree import no_gc
from dxkit.errors import EditConflict, UsageError, read_error, write_error
from dxkit.loading import Document, LoadError, load_file, read_regular

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


def read_for_edit(path: Path, kinds: tuple[str, ...], lang: str, *, changed: str) -> tuple[Document, bytes]:
    """The checked document of a file a command is about to edit, and the exact bytes it came from.

    Call it while holding the file's lock (:func:`dxkit.writing.locked`). Should the file change
    between the check and the read of its bytes (an editor saving it), the run stops with the
    ``changed`` message instead of editing one version with the other's positions.
    """
    from dxkit.loading import decode

    try:
        path.stat()
    except OSError as exc:  # gone, or not ours to read: say so by name before anything else
        raise read_error(exc, str(path)) from None
    doc = load_checked(path, kinds, lang)
    try:
        raw = read_regular(path)  # as the loader read it: a regular file, within the size limit
        text, _ = decode(raw, str(path))
    except (OSError, LoadError):
        raise EditConflict(changed, file=str(path)) from None
    if text != doc.text:
        raise EditConflict(changed, file=str(path))
    return doc, raw


def write_edit(
    path: Path,
    original: bytes,
    text: str,
    lang: str,
    *,
    document: Document | None = None,
    changed: str = "write.changed",
    checked: bool = True,
) -> None:
    """Write an edited file: only if the result is valid and the file still holds ``original``.

    With ``checked`` false the result is not checked against its schema: an edit that only
    rewrites values in their canonical form (``validate --fix``) may leave a file's other errors
    as they were, for validation to report.

    ``document`` is the result as the edit layer proved it (:attr:`Edited.document`); when it is
    the document of ``text``, the schema check uses it instead of reading the text once more.
    The comparison with ``original`` and the replacement happen under the file's lock, so no
    other dxkit command can slip in between; a file that changed gives the ``changed`` message
    (it names the file) and nothing is written.
    """
    from dxkit.schema_check import check_schema, require_valid
    from dxkit.writing import replace_if_unchanged

    body = text[1:] if text.startswith("\ufeff") else text
    if not checked:
        pass
    elif document is not None and document.text == body:
        problems = check_schema(document, lang)
        if problems:
            raise UsageError("edit.broken", file=str(path), detail=problems[0].message)
    else:
        with no_gc():
            require_valid(body, str(path), lang)
    bom = _BOM if original.startswith(_BOM) else b""
    try:
        replaced = replace_if_unchanged(path, original, bom + body.encode("utf-8"))
    except OSError as exc:
        raise write_error(exc, str(path)) from None
    if not replaced:
        raise EditConflict(changed, file=str(path))
