"""Find the governance files under the paths a person names.

A file named on the command line is always checked. Inside a folder, dxkit checks the YAML
files that are its own: the standard names (``roles.yaml`` …), anything in ``workshops/`` or
``retrospectives/``, and any YAML file that declares a known ``kind``. Other YAML (a CI
configuration, ``mkdocs.yml``) is left alone. Hidden folders, ``site/`` and
``node_modules/`` are not entered.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from dxkit.loading import LoadError
from dxkit.schemas import KINDS

STANDARD_NAMES = frozenset(f"{k}.{ext}" for k in KINDS for ext in ("yaml", "yml"))
ARTIFACT_FOLDERS = frozenset({"workshops", "retrospectives"})
SKIPPED_FOLDERS = frozenset({"site", "node_modules", "__pycache__", "venv", "dist", "build"})
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
    parent = os.path.dirname(display)
    if os.path.basename(parent) in ARTIFACT_FOLDERS:
        parent = os.path.dirname(parent)
    return parent or "."


def _is_yaml(name: str) -> bool:
    return name.endswith((".yaml", ".yml"))


def _looks_like_ours(path: Path, display: str) -> bool:
    if path.name in STANDARD_NAMES:
        return True
    if os.path.basename(os.path.dirname(display)) in ARTIFACT_FOLDERS:
        return True
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError:
        return True  # let the loader say precisely what is wrong
    return _KIND_LINE.search(head) is not None


def _walk(folder: Path, shown: str) -> Iterator[Target]:
    for current, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_FOLDERS)
        rel = os.path.relpath(current, folder)
        for name in sorted(files):
            if not _is_yaml(name):
                continue
            display = os.path.normpath(os.path.join(shown, rel, name))
            path = Path(current) / name
            if _looks_like_ours(path, display):
                yield Target(path, display, consortium_root(display))


def iter_targets(paths: Iterable[str]) -> Iterator[Target | LoadError]:
    """Yield each file to check, or a :class:`LoadError` for a path that cannot be used."""
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            items: Iterable[Target] = _walk(path, raw)
        elif path.exists():
            display = os.path.normpath(raw)
            items = [Target(path, display, consortium_root(display))]
        else:
            msg_id = "load.broken_link" if path.is_symlink() else "load.missing"
            yield LoadError("DX001", msg_id, raw)
            continue
        for target in items:
            key = os.path.realpath(target.path)
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
