"""Writing files without ever leaving half of one: the only module that puts bytes on disk.

Every write goes to a synced temporary file in the target's own folder first and is then
renamed over the target in one step (``os.replace``, atomic on POSIX and on Windows for files
on one volume), so an interrupted run, a full disk or a crash never leaves a truncated file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from dxkit.errors import UsageError


def write_temp(path: Path, content: bytes) -> str:
    """Write ``content`` to a synced temporary file beside ``path`` and return its name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
    except BaseException:
        os.unlink(tmp)
        raise
    return tmp


def write_atomic(path: Path, content: bytes) -> None:
    """Replace (or create) ``path`` with ``content`` in one step."""
    tmp = write_temp(path, content)
    try:
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def create_new(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` only if nothing is there, atomically (temp file + link)."""
    tmp = write_temp(path, content)
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise UsageError("new.exists", path=str(path)) from None
    finally:
        os.unlink(tmp)
