"""Writing files without ever leaving half of one: the only module that puts bytes on disk.

Every write goes to a synced temporary file in the target's own folder first and is then
renamed over the target in one step (``os.replace``, atomic on POSIX and on Windows for files
on one volume), so an interrupted run, a full disk or a crash never leaves a truncated file.

What the operating system refuses (permission, a read-only file system, a full disk, a folder
removed meanwhile, a name too long) leaves this module as a :class:`~dxkit.errors.WriteError`
that names the file a person asked for, never as a raw :class:`OSError`, and only after every
temporary file of the attempt is gone again. Callers need no ``try`` of their own.

:func:`write_all` is the multi-file form (``dxkit init``, ``dxkit schema export``): it writes
every file to a temporary file first and renames them into place only when all of them are
written, so a full disk leaves either all the files or none of them.
:func:`replace_folder` does the same for a whole folder (``dxkit site build``).

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

import contextlib
import errno
import os
import shutil
import stat
import tempfile
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from dxkit.errors import EditConflict, UsageError, write_error

#: The permission bits of a file dxkit creates (an existing file keeps its own on replace).
NEW_FILE_MODE = 0o644

#: How long a command waits for another dxkit command to finish with a file, in seconds.
LOCK_TIMEOUT = 5.0

#: The locks this thread holds, by lock file, with how often each was taken (they nest).
_held = threading.local()

#: How much of a file name the temporary file's name repeats, so it stays within name limits.
_NAME_IN_TEMP = 64


@contextlib.contextmanager
def _refused(path: Path) -> Iterator[None]:
    """Turn what the operating system refuses while writing ``path`` into its message."""
    try:
        yield
    except OSError as exc:
        raise write_error(exc, str(path)) from None


def _discard(name: str | Path) -> None:
    """Remove a temporary file of ours; a failure here must not hide the error that got us here."""
    with contextlib.suppress(OSError):
        os.unlink(name)


def _put(fd: int, content: bytes) -> None:
    """Write all of ``content`` to ``fd`` (``os.write`` may write less than it was given)."""
    view = memoryview(content)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _mode_for(path: Path) -> int:
    """The permission bits the new file at ``path`` gets: those of the file it replaces, if any."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return NEW_FILE_MODE


def make_folders(folder: Path, *, writing: Path | None = None) -> list[Path]:
    """Create ``folder`` and its missing parents; return those it created, outermost first.

    A refusal names ``writing`` (the file the folder is made for), else ``folder``.
    """
    missing: list[Path] = []
    current = folder
    while not current.is_dir():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    created: list[Path] = []
    try:
        for item in reversed(missing):
            try:
                item.mkdir()
            except FileExistsError:
                if not item.is_dir():  # a file where a folder must be
                    raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(item)) from None
                continue  # made by someone else meanwhile: not ours to remove
            created.append(item)
    except OSError as exc:
        remove_folders(created)
        raise write_error(exc, str(writing or folder)) from None
    return created


def remove_folders(created: Sequence[Path]) -> None:
    """Remove folders :func:`make_folders` created, innermost first, where they are still empty."""
    for item in reversed(created):
        with contextlib.suppress(OSError):
            item.rmdir()


def write_temp(path: Path, content: bytes) -> str:
    """Write ``content`` to a synced temporary file beside ``path`` and return its name.

    The temporary file gets the permission bits of the file at ``path`` (or
    :data:`NEW_FILE_MODE`), so replacing a file keeps who may read and change it. Where the file
    system has no permission bits (FAT, some network shares) ``chmod`` is refused and skipped.
    Missing folders on the way are made (and stay: see :func:`write_atomic` for a write that
    removes them again when it fails).
    """
    make_folders(path.parent, writing=path)
    return _write_temp(path, content)


def _write_temp(path: Path, content: bytes) -> str:
    with _refused(path):
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name[:_NAME_IN_TEMP]}.", suffix=".tmp", dir=path.parent)
    with contextlib.suppress(OSError):
        os.chmod(tmp, _mode_for(path))
    _fill(fd, tmp, path, content)
    return tmp


def _fill(fd: int, name: str | Path, path: Path, content: bytes) -> None:
    """Write ``content`` to the new file ``name`` open as ``fd``, sync and close it.

    On failure the file is removed (it is ours: it was just made) and the refusal names ``path``.
    """
    try:
        with _refused(path):
            try:
                _put(fd, content)
                os.fsync(fd)
            finally:
                os.close(fd)
    except BaseException:
        _discard(name)
        raise


def write_atomic(path: Path, content: bytes) -> None:
    """Replace (or create) ``path`` with ``content`` in one step; on failure nothing is left."""
    created = make_folders(path.parent, writing=path)
    try:
        tmp = _write_temp(path, content)
        try:
            with _refused(path):
                os.replace(tmp, path)
        except BaseException:
            _discard(tmp)
            raise
    except BaseException:
        remove_folders(created)
        raise


#: What ``os.link`` says on a file system without hard links (exFAT, FAT, some network shares).
_NO_LINKS = frozenset(
    code
    for code in (errno.EPERM, errno.EINVAL, getattr(errno, "EOPNOTSUPP", None), getattr(errno, "ENOTSUP", None))
    if code is not None
)


def create_new(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` only if nothing is there, atomically (temp file + link).

    Where the file system has no hard links (a USB stick formatted exFAT), the file is created
    exclusively instead and removed again if writing it fails, so nothing half-written stays.
    """
    created = make_folders(path.parent, writing=path)
    try:
        _link_new(path, content)
    except BaseException:
        remove_folders(created)
        raise


def _link_new(path: Path, content: bytes) -> None:
    tmp = _write_temp(path, content)
    try:
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise UsageError("new.exists", path=str(path)) from None
        except OSError as exc:
            if exc.errno not in _NO_LINKS:
                raise write_error(exc, str(path)) from None
            _create_exclusive(path, content)
    finally:
        _discard(tmp)


def _create_exclusive(path: Path, content: bytes) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags, NEW_FILE_MODE)
    except FileExistsError:
        raise UsageError("new.exists", path=str(path)) from None
    except OSError as exc:
        raise write_error(exc, str(path)) from None
    _fill(fd, path, path, content)  # ours to remove on failure: O_EXCL made it


# -- several files at once ---------------------------------------------------------------


@dataclass
class _Pending:
    target: Path
    temp: str
    #: A second name for the file ``target`` held before, to put it back if a later rename fails.
    backup: str | None = None
    done: bool = False


def write_all(files: Sequence[tuple[Path, bytes]]) -> None:
    """Write every file of ``files``, or none of them.

    First every missing folder is made and every file is written to a synced temporary file
    beside its target; a file about to be replaced gets a second name (a hard link, else a copy)
    so it can be put back. Only when all of that succeeded are the temporary files renamed into
    place. On any failure, every rename already done is undone, the temporary files and the
    folders this call made are removed, and a :class:`~dxkit.errors.WriteError` names the file
    that could not be written: the folder is as it was before.

    A file that is already there is replaced only under its lock (:func:`locked`), taken for
    every such file before anything is written, so ``dxkit init --overwrite`` never replaces a
    file while another dxkit command is changing it.
    """
    with contextlib.ExitStack() as held:
        for target in sorted({target for target, _ in files if target.is_file()}):
            held.enter_context(locked(target))
        _write_all(files)


def _write_all(files: Sequence[tuple[Path, bytes]]) -> None:
    created: list[Path] = []
    pending: list[_Pending] = []
    try:
        for target, _ in files:
            created.extend(make_folders(target.parent, writing=target))
        for target, content in files:
            pending.append(_Pending(target, _write_temp(target, content)))
        for item in pending:
            item.backup = _keep_copy(item.target)
        for item in pending:
            with _refused(item.target):
                os.replace(item.temp, item.target)
            item.done = True
    except BaseException:
        _undo(pending)
        remove_folders(created)
        raise
    for item in pending:
        if item.backup is not None:
            _discard(item.backup)


def _keep_copy(target: Path) -> str | None:
    """A second name for the file at ``target`` (``None`` when there is none yet)."""
    if not target.is_file():
        return None
    with _refused(target):
        fd, name = tempfile.mkstemp(prefix=f".{target.name[:_NAME_IN_TEMP]}.", suffix=".old", dir=target.parent)
        os.close(fd)
        os.unlink(name)
    try:
        with _refused(target):
            try:
                os.link(target, name)
            except OSError as exc:
                if exc.errno not in _NO_LINKS:
                    raise
                shutil.copy2(target, name)
    except BaseException:
        _discard(name)
        raise
    return name


def _undo(pending: Sequence[_Pending]) -> None:
    """Put back what :func:`write_all` changed before it failed (best effort, nothing raised).

    A file that cannot be put back keeps its second name (``.NAME.….old`` beside it) rather
    than being lost.
    """
    for item in reversed(pending):
        if item.done:
            try:
                if item.backup is not None:
                    os.replace(item.backup, item.target)
                    item.backup = None
                else:
                    os.unlink(item.target)
            except OSError:
                item.backup = None  # the old content stays under its second name
        _discard(item.temp)
        if item.backup is not None:
            _discard(item.backup)


# -- a whole folder ----------------------------------------------------------------------


def replace_folder(source: Path, target: Path) -> None:
    """Make ``target`` a copy of the folder ``source``, in one step where the system allows it.

    The copy is made in a hidden folder beside ``target`` first; only when it is complete is the
    old ``target`` renamed away, the copy renamed into its place and the old one removed. A full
    disk during the copy leaves ``target`` as it was. Where that cannot be done (``target`` is a
    mount point in a folder dxkit may not write, or open in another program on Windows), its
    content is replaced in place instead, as the last resort.
    """
    created = make_folders(target.parent, writing=target)
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name[:_NAME_IN_TEMP]}.", suffix=".tmp", dir=target.parent))
    except OSError as exc:
        if not target.is_dir():
            raise write_error(exc, str(target)) from None
        _fill_in_place(source, target)
        return
    try:
        with _refused(target):
            _copy_tree(source, staging)
            if target.is_dir():
                with contextlib.suppress(OSError):
                    shutil.copymode(target, staging)
        _swap(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        remove_folders(created)
        raise


def _swap(staging: Path, target: Path) -> None:
    if not target.exists():
        with _refused(target):
            os.replace(staging, target)
        return
    old = staging.with_name(staging.name[: -len(".tmp")] + ".old")
    try:
        os.replace(target, old)
    except OSError:
        _fill_in_place(staging, target)
        shutil.rmtree(staging, ignore_errors=True)
        return
    try:
        with _refused(target):
            os.replace(staging, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.replace(old, target)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _fill_in_place(source: Path, target: Path) -> None:
    """Empty ``target`` and copy ``source`` into it (the fallback when it cannot be swapped)."""
    with _refused(target):
        for child in target.iterdir():
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
        _copy_tree(source, target)


def _copy_tree(source: Path, target: Path) -> None:
    """``shutil.copytree``, but failing with the first :class:`OSError` itself, errno and all.

    ``copytree`` collects the errors of single files into one :class:`shutil.Error` of strings;
    the message for a full disk needs the error number, so the copy function keeps the first one.
    """
    first: list[OSError] = []

    def copy(src: str, dst: str) -> object:
        try:
            return shutil.copy2(src, dst)
        except OSError as exc:
            first.append(exc)
            raise

    try:
        shutil.copytree(source, target, copy_function=copy, dirs_exist_ok=True)
    except shutil.Error as exc:
        if first:
            raise first[0] from None
        raise OSError(errno.EIO, str(exc)) from None


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


@contextlib.contextmanager
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
