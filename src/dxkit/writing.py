"""Writing files without ever leaving half of one: the only module that puts bytes on disk.

Every write goes to a synced temporary file in the target's own folder first and is then
renamed over the target in one step (``os.replace``, atomic on POSIX and on Windows for files
on one volume), so an interrupted run, a full disk or a crash never leaves a truncated file.

A command that changes a file a person keeps (``roles.yaml``, ``issues.yaml``) holds that
file's lock for its whole read, edit and write (:func:`locked`), and replaces the file only if
it still holds the bytes that were read (:func:`replace_if_unchanged`). The lock is the
``filelock`` package's (``flock`` on Linux and macOS, ``msvcrt.locking`` on Windows), on a
file beside the target: ``.roles.yaml.lock``. The operating system lets go of it when the
process ends, however it ends, so a crashed command never blocks the next one. Windows removes
the lock file on release; on Linux and macOS it stays (an empty file), because removing it
would let two commands lock two different files of the same name.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dxkit.errors import EditConflict, UsageError, write_error

#: How long a command waits for another dxkit command to finish with a file, in seconds.
LOCK_TIMEOUT = 5.0

#: The locks this thread holds, by lock file, with how often each was taken (they nest).
_held = threading.local()


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


def lock_path(path: Path) -> Path:
    """The lock file of ``path``: ``.NAME.lock`` in the same (resolved) folder."""
    return Path(os.path.realpath(path.parent)) / f".{path.name}.lock"


def _counts() -> dict[str, int]:
    counts: dict[str, int] | None = getattr(_held, "counts", None)
    if counts is None:
        counts = _held.counts = {}
    return counts


def is_locked(path: Path) -> bool:
    """Whether this thread holds the lock of ``path``."""
    return str(lock_path(path)) in _counts()


@contextmanager
def locked(path: Path, *, timeout: float | None = None) -> Iterator[None]:
    """Hold the lock of ``path`` while the block runs; it nests within one thread.

    A second dxkit command that wants the same file waits up to ``timeout`` seconds
    (:data:`LOCK_TIMEOUT` by default) and then stops with "is being changed by another dxkit
    command; run again" (an :class:`~dxkit.errors.EditConflict`, exit code 2). A folder where
    the lock file cannot be made gives the same message as a refused write.
    """
    from filelock import FileLock, Timeout

    key = str(lock_path(path))
    counts = _counts()
    if key in counts:
        counts[key] += 1
        try:
            yield
        finally:
            counts[key] -= 1
        return
    lock = FileLock(key, timeout=LOCK_TIMEOUT if timeout is None else timeout)
    try:
        lock.acquire()
    except Timeout:
        raise EditConflict("write.locked", file=str(path)) from None
    except OSError as exc:
        raise write_error(exc, str(path)) from None
    counts[key] = 1
    try:
        yield
    finally:
        del counts[key]
        lock.release()


def replace_if_unchanged(path: Path, expected: bytes | None, content: bytes) -> bool:
    """Replace ``path`` with ``content`` only if it still holds ``expected``; ``False`` if not.

    ``expected`` is ``None`` for a file that was not there. The comparison and the replacement
    happen under the file's lock (taken here unless the caller holds it already), so no other
    dxkit command can change the file between the two.
    """
    with locked(path):
        try:
            current: bytes | None = path.read_bytes()
        except FileNotFoundError:
            current = None
        if current != expected:
            return False
        write_atomic(path, content)
        return True
