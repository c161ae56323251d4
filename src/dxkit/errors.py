"""The one hierarchy of expected failures, and the one table of exit codes.

Every error carries a message id and parameters so that it can be shown in either
language; ``str(err)`` gives the Japanese text, ``err.message("en")`` the English.
What a run ends with is decided here and nowhere else:

* ``0`` clean (or ``--exit-zero``);
* ``1`` findings at error severity, and cells ``dxkit import`` left alone because the
  workbook and the file both changed them since the export (conflicts; the rest is written);
* ``2`` the command could not run: a usage error, a file it cannot use, a tool that is
  missing, a write the system refused, a file changed by someone else meanwhile or being
  changed by another dxkit command (nothing was written).

Anything that is not a :class:`DxkitError` is a bug; the command line turns it into a
short "internal error, please report" message in one place (:func:`dxkit.cli.main`).
"""

from __future__ import annotations

import errno
import os
from typing import Any

from dxkit.i18n import DEFAULT_LANG, translate

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_COULD_NOT_RUN = 2


class DxkitError(Exception):
    """An expected failure with a message for the user."""

    def __init__(self, msg_id: str, **params: Any) -> None:
        super().__init__(msg_id)
        self.msg_id = msg_id
        self.params = params

    def message(self, lang: str = DEFAULT_LANG) -> str:
        return translate(self.msg_id, lang, **self.params)

    def __str__(self) -> str:
        return self.message(DEFAULT_LANG)


class UsageError(DxkitError):
    """The command was asked for something it cannot do."""


class InputError(DxkitError):
    """A file or folder given to dxkit cannot be used as it is."""


class ScaffoldConflict(DxkitError):
    """Writing would destroy something; nothing was written."""


class TemplateError(DxkitError):
    """A toolkit template or its metadata is broken (a bug in dxkit or in a custom toolkit)."""


class MissingTool(DxkitError):
    """A program or an optional part dxkit needs is not installed (npm, the site extra)."""


class EditConflict(DxkitError):
    """A file changed between reading and writing it, or another dxkit command holds its lock; nothing was written."""


class EditError(DxkitError):
    """An edit that the edit layer cannot make in this file's layout; nothing was written."""


class WriteError(DxkitError):
    """The system refused a write (permission, read-only file system, disk full)."""


#: Exit code by error class; a class not listed takes the code of its nearest listed base.
EXIT_CODES: dict[type[DxkitError], int] = {
    DxkitError: EXIT_COULD_NOT_RUN,
}


def exit_code_for(error: DxkitError) -> int:
    """The exit code a run ends with when ``error`` stopped it."""
    for cls in type(error).__mro__:
        if cls in EXIT_CODES:
            return EXIT_CODES[cls]
    return EXIT_COULD_NOT_RUN


def exit_code_for_findings(errors: int, *, exit_zero: bool = False, incomplete: bool = False) -> int:
    """The exit code of a check: findings at error severity fail unless ``--exit-zero``."""
    if incomplete:
        return EXIT_COULD_NOT_RUN
    if errors and not exit_zero:
        return EXIT_FINDINGS
    return EXIT_CLEAN


#: Error numbers that mean "no room left": a full disk, or a user's quota used up.
_NO_SPACE = frozenset(code for code in (errno.ENOSPC, getattr(errno, "EDQUOT", None)) if code is not None)
_NO_PERMISSION = frozenset((errno.EACCES, errno.EPERM))


def write_error(exc: OSError, path: str) -> WriteError:
    """The message for an operating-system error while writing ``path``: what happened, what to do."""
    code = exc.errno
    if code in _NO_SPACE:
        return WriteError("write.disk_full", path=path)
    if code == errno.EROFS:
        return WriteError("write.read_only", path=path)
    if code in _NO_PERMISSION:
        return WriteError("write.permission", path=path)
    if code == errno.ENOENT:
        return WriteError("write.folder_missing", path=path)
    if code == errno.EISDIR:
        return WriteError("write.is_folder", path=path)
    if code == errno.ENOTDIR:
        return WriteError("write.not_a_folder", path=path)
    if code == errno.ENAMETOOLONG:
        return WriteError("write.name_too_long", path=path)
    return WriteError("write.failed", path=path, detail=_reason(exc))


def read_error(exc: OSError, path: str) -> InputError:
    """The message for an operating-system error while reading ``path``: what happened, what to do."""
    code = exc.errno
    if code == errno.ENOENT:
        return InputError("read.missing", path=path)
    if code in _NO_PERMISSION:
        return InputError("read.permission", path=path)
    if code == errno.EISDIR:
        return InputError("read.is_folder", path=path)
    if code == errno.ENOTDIR:
        return InputError("read.not_a_folder", path=path)
    if code == errno.ENAMETOOLONG:
        return InputError("read.name_too_long", path=path)
    return InputError("read.failed", path=path, detail=_reason(exc))


def os_error(exc: OSError) -> DxkitError:
    """The message for an operating-system error that reached the command line unexplained.

    Writes go through :mod:`dxkit.writing`, which names its own failures; what arrives here is
    nearly always a read (a file removed or locked while a command ran). Errors that can only come
    from writing (a full disk, a read-only file system) keep their write message.
    """
    path = exc.filename
    if path is None:
        return DxkitError("os.failed", detail=_reason(exc))
    shown = os.fsdecode(path) if isinstance(path, bytes) else str(path)
    if exc.errno in _NO_SPACE or exc.errno == errno.EROFS:
        return write_error(exc, shown)
    return read_error(exc, shown)


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__
