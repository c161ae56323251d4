"""Find the governance files under the paths a person names.

A file named on the command line is always checked. Inside a folder, dxkit checks the YAML
files that are its own: the standard names (``roles.yaml`` …), anything in ``workshops/`` or
``retrospectives/``, and any YAML file that declares a known ``kind``. Other YAML (a CI
configuration, ``mkdocs.yml``) is left alone. Hidden folders, ``site/`` and
``node_modules/`` are not entered.

A command about one consortium (``status``, ``export``, ``site build`` …) finds it the way git
finds a repository (:func:`locate_consortium`): from the folder it is given it walks up to the
nearest folder that holds a charter (``consortium.yaml``) or the standard files, and reads only
that consortium's files, never those of a consortium nested below it. When neither that folder
nor any above it is a consortium, it looks a few levels down, within a bounded number of
folders, only to name the consortia it finds there, and asks which one was meant: it never
guesses, and it never reads an unrelated tree.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from dxkit.errors import UsageError
from dxkit.loading import LoadError, read_regular
from dxkit.schemas import FOLDER_KINDS, KINDS

STANDARD_NAMES = frozenset(f"{k}.{ext}" for k in KINDS for ext in ("yaml", "yml"))
ARTIFACT_FOLDERS = frozenset(FOLDER_KINDS.values())
SKIPPED_FOLDERS = frozenset({"site", "node_modules", "__pycache__", "venv", "dist", "build"})
CHARTER_NAMES = frozenset({"consortium.yaml", "consortium.yml"})
#: How far below the starting folder :func:`locate_consortium` looks for consortia to name.
SEARCH_DEPTH = 3
#: How many folders it looks at, at most, before it stops and says so.
SEARCH_FOLDERS = 2_000
#: How many of the consortia found below are named in the message.
NAMED_CONSORTIA = 10
#: The most governance files one consortium may hold; more means a wrong folder was given.
MAX_FILES = 5_000
_KIND_LINE = re.compile(rb"^kind:[ \t]*['\"]?(" + "|".join(KINDS).encode() + rb")['\"]?[ \t]*(#.*)?$", re.M)
_SNIFF_BYTES = 4096


@dataclass(frozen=True)
class Target:
    """A file to check, with the name to show for it and the consortium folder it belongs to."""

    path: Path
    display: str
    root: str


def consortium_root(display: str) -> str:
    """The consortium folder a file belongs to: its folder, or the parent of an artifact folder."""
    return _folder_root(os.path.dirname(display))


def _folder_root(folder: str) -> str:
    """The consortium folder the files of ``folder`` (as shown) belong to."""
    if os.path.basename(folder) in ARTIFACT_FOLDERS:
        folder = os.path.dirname(folder)
    return folder or "."


def _is_yaml(name: str) -> bool:
    return name.endswith((".yaml", ".yml"))


def _looks_like_ours(path: Path, display: str) -> bool:
    if path.name in STANDARD_NAMES:
        return True
    if os.path.basename(os.path.dirname(display)) in ARTIFACT_FOLDERS:
        return True
    try:
        head = read_regular(path, display, limit=_SNIFF_BYTES, head=True)
    except LoadError:
        return True  # a pipe, a device, a folder…: let the loader say precisely what is wrong
    return _KIND_LINE.search(head) is not None


def _entered(parent: str, name: str) -> bool:
    """Whether a walk goes into the folder ``name``: not hidden, not built output, not a virtual environment."""
    if name.startswith(".") or name in SKIPPED_FOLDERS:
        return False
    return not os.path.exists(os.path.join(parent, name, "pyvenv.cfg"))


def _listing(folder: str) -> tuple[list[os.DirEntry[str]], list[os.DirEntry[str]]]:
    """The folders and the other entries of ``folder``, each sorted by name (nothing when it cannot be listed).

    As in :func:`os.walk`, a link to a folder counts as a folder, and an unreadable folder as empty.
    """
    dirs: list[os.DirEntry[str]] = []
    files: list[os.DirEntry[str]] = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                (dirs if is_dir else files).append(entry)
    except OSError:
        return [], []
    dirs.sort(key=lambda e: e.name)
    files.sort(key=lambda e: e.name)
    return dirs, files


def _with_separator(folder: str) -> str:
    """``folder`` ready for a name to be appended: ``os.path.join(folder, name) == _with_separator(folder) + name``."""
    return os.path.join(folder, "")


def _walk_keyed(
    folder: Path, shown: str, *, nested: bool = True, within: Path | None = None
) -> Iterator[tuple[Target, str]]:
    """Our files below ``folder``, each with its resolved path (see :func:`_walk`).

    One ``scandir`` a folder: whether an entry is a link comes with the listing, so a file that
    is not a link is resolved as its folder's resolved path and its name, without a system call.
    Folders are entered in name order, each folder's files before its subfolders (as
    ``os.walk`` goes); a link to a folder is not entered.
    """
    pending: list[tuple[str, str]] = [(os.fspath(folder), os.path.normpath(shown))]
    while pending:
        current, display_dir = pending.pop()
        dirs, files = _listing(current)
        # What every file of this folder shares, worked out once: its shown folder, its resolved
        # folder, its consortium, whether it is in an artifact folder. A file name holds no
        # separator, so it is joined to its folder by concatenation.
        shown_prefix = "" if display_dir == "." else _with_separator(display_dir)
        resolved_prefix = _with_separator(os.path.realpath(current))
        here = Path(current)
        root = _folder_root(display_dir)
        artifact = os.path.basename(display_dir) in ARTIFACT_FOLDERS
        for entry in files:
            name = entry.name
            if not _is_yaml(name):
                continue
            display = shown_prefix + name
            path = here / name
            key = os.path.realpath(path) if entry.is_symlink() else resolved_prefix + name
            if within is not None and not Path(key).is_relative_to(within):
                continue
            if name in STANDARD_NAMES or artifact or _looks_like_ours(path, display):
                yield Target(path, display, root), key
        below = [
            (entry.path, entry.name if display_dir == "." else os.path.join(display_dir, entry.name))
            for entry in dirs
            if not entry.is_symlink()
            and _entered(current, entry.name)
            and (nested or not _holds_charter(Path(entry.path)))
        ]
        pending.extend(reversed(below))


def _walk(folder: Path, shown: str, *, nested: bool = True, within: Path | None = None) -> Iterator[Target]:
    """Our files below ``folder``; with ``nested=False``, not those of a consortium inside it;
    with ``within`` (a resolved folder), not a file whose link leads out of it (nor is it read)."""
    for target, _key in _walk_keyed(folder, shown, nested=nested, within=within):
        yield target


def _real(path: Path, folders: dict[str, str]) -> str:
    """``os.path.realpath(path)``, each folder resolved once for all the files in it.

    A folder's files share its resolved path; only a file that is itself a link is resolved
    on its own.
    """
    parent, name = os.path.split(path)
    if name in ("", ".", ".."):
        return os.path.realpath(path)
    resolved = folders.get(parent)
    if resolved is None:
        resolved = folders[parent] = os.path.realpath(parent or ".")
    joined = os.path.join(resolved, name)
    return os.path.realpath(joined) if os.path.islink(joined) else joined


def iter_targets(paths: Iterable[str]) -> Iterator[Target | LoadError]:
    """Yield each file to check, or a :class:`LoadError` for a path that cannot be used."""
    seen: set[str] = set()
    folders: dict[str, str] = {}
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            items: Iterable[tuple[Target, str]] = _walk_keyed(path, raw)
        elif path.exists():
            display = os.path.normpath(raw)
            items = [(Target(path, display, consortium_root(display)), _real(path, folders))]
        else:
            msg_id = "load.broken_link" if path.is_symlink() else "load.missing"
            yield LoadError("DX001", msg_id, raw)
            continue
        for target, key in items:
            if key not in seen:
                seen.add(key)
                yield target


def group_by_root(targets: Iterable[Target]) -> dict[str, list[Target]]:
    groups: dict[str, list[Target]] = {}
    for target in targets:
        groups.setdefault(target.root, []).append(target)
    return groups


def reading_order(targets: Iterable[Target]) -> list[Target]:
    """The files of one consortium in the order they are read: standard names first.

    When a kind has several files (``roles.yaml`` and ``roles-2027.yaml``), the file with the
    standard name is read first, so it is the one a duplicate id in another file points back
    to, and the charter the model uses when there are several.
    """
    return sorted(targets, key=lambda target: target.path.name not in STANDARD_NAMES)


def _holds_charter(folder: Path) -> bool:
    return any((folder / name).is_file() for name in CHARTER_NAMES)


def _is_consortium(folder: Path) -> bool:
    """A folder with a charter, or with any of the standard files (a consortium without a charter yet)."""
    try:
        with os.scandir(folder) as entries:
            return any(entry.name in STANDARD_NAMES and entry.is_file() for entry in entries)
    except OSError:
        return False


def _consortia_below(start: Path) -> tuple[list[Path], bool]:
    """Consortium folders a few levels below ``start`` (breadth first), and whether the search stopped early."""
    found: list[Path] = []
    level = [start]
    looked = 0
    for _depth in range(SEARCH_DEPTH):
        deeper: list[Path] = []
        for folder in level:
            try:
                with os.scandir(folder) as entries:
                    names = sorted(e.name for e in entries if e.is_dir(follow_symlinks=False))
            except OSError:
                continue
            for name in names:
                if not _entered(str(folder), name):
                    continue
                looked += 1
                if looked > SEARCH_FOLDERS:
                    return found, True
                child = folder / name
                if _is_consortium(child):
                    found.append(child)
                else:
                    deeper.append(child)
        level = deeper
    return found, False


def locate_consortium(start: str) -> str:
    """The consortium folder a one-consortium command works on, as a path to show (see the module doc).

    ``start`` is the folder the person gave (or the current one). Raises :class:`UsageError` when
    it does not exist, and when neither it nor a folder above it is a consortium: naming the
    consortia found below it, if any, so the person can choose.
    """
    path = Path(start)
    if path.is_file():
        path, start = path.parent, os.path.dirname(start) or "."
    if not path.is_dir():
        raise UsageError("analysis.no_folder", folder=start)
    resolved = path.resolve()
    for up, folder in enumerate((resolved, *resolved.parents)):
        if _is_consortium(folder):
            return os.path.normpath(os.path.join(start, *[os.pardir] * up))
    found, stopped = _consortia_below(resolved)
    if not found:
        raise UsageError("analysis.no_consortium", folder=start)
    shown = [os.path.normpath(os.path.join(start, os.path.relpath(f, resolved))) + os.sep for f in found]
    if stopped or len(shown) > NAMED_CONSORTIA:
        raise UsageError(
            "analysis.which_consortium_many",
            folder=start,
            count=len(shown),
            consortia=", ".join(shown[:NAMED_CONSORTIA]),
        )
    raise UsageError("analysis.which_consortium", folder=start, count=len(shown), consortia=", ".join(shown))


def consortium_targets(root: str, *, within: Path | None = None) -> list[Target]:
    """The files of the consortium in ``root``, without those of consortia nested below it
    (and, with ``within``, without a file whose link leads out of that resolved folder)."""
    targets: list[Target] = []
    for target in _walk(Path(root), root, nested=False, within=within):
        targets.append(Target(target.path, target.display, root))
        if len(targets) > MAX_FILES:
            raise UsageError("analysis.too_many_files", folder=root, limit=MAX_FILES)
    return targets


#: How deep and how wide ``dxkit lessons --all`` looks for consortia below the folder it is given
#: (a national collection: prefecture / municipality / consortium; Japan has 1,741 municipalities).
GATHER_DEPTH = 4
GATHER_FOLDERS = 20_000


def consortia_under(root: str) -> list[str]:
    """Every consortium folder at or below ``root`` (as paths to show), for a command that gathers many.

    Nothing above ``root`` is read, symbolic links to folders are not followed, and a
    consortium's own subfolders are not searched for more. Raises :class:`UsageError` when
    ``root`` is not a folder, when no consortium is there, and when the search would pass
    :data:`GATHER_FOLDERS` folders.
    """
    start = Path(root)
    if not start.is_dir():
        raise UsageError("analysis.no_folder", folder=root)
    found: list[str] = []
    level = [root]
    looked = 0
    for _depth in range(GATHER_DEPTH + 1):
        deeper: list[str] = []
        for folder in level:
            if _is_consortium(Path(folder)):
                found.append(folder)
                continue
            try:
                with os.scandir(folder) as entries:
                    names = sorted(e.name for e in entries if e.is_dir(follow_symlinks=False))
            except OSError:
                continue
            for name in names:
                if _entered(folder, name):
                    looked += 1
                    if looked > GATHER_FOLDERS:
                        raise UsageError("feed.too_many", folder=root, limit=GATHER_FOLDERS)
                    deeper.append(os.path.join(folder, name))
        level = deeper
    if not found:
        raise UsageError("feed.none", folder=root)
    return found


def consortium_folders(root: str) -> list[str]:
    """Every consortium folder at or below ``root``, each found by its charter, as paths to show.

    A consortium inside another one is found too. Hidden folders, built output and virtual
    environments are not entered, and no link to a folder is followed, so the walk stays in ``root``.
    """
    found: list[str] = []
    for current, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if _entered(current, d))
        if CHARTER_NAMES.intersection(files):
            found.append(os.path.normpath(current))
    return found
