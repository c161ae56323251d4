"""The edits, and what they mean as plain Python operations on the loaded data.

Every path names a place in the file as it was read, before any edit: ``("tasks", 3, "due")``.
Edits collected together never depend on each other's order, which is what lets the text be
changed in one pass. In data terms they are applied as: values set, keys added and removed,
then list items removed (by their original index) and finally new items appended.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from dxkit.editing.render import InvalidEdit, check_value
from dxkit.editing.tree import Key, Path


class Kind(Enum):
    SET = "set"
    ADD_KEY = "add_key"
    DELETE_KEY = "delete_key"
    APPEND = "append"
    DELETE_ITEM = "delete_item"


@dataclass(frozen=True)
class Op:
    kind: Kind
    #: The mapping or list the edit works in.
    container: Path
    #: The key or index it works on (``None`` for an append).
    key: Key | None = None
    value: Any = None

    @property
    def target(self) -> Path:
        return self.container if self.key is None else (*self.container, self.key)

    @property
    def replaces(self) -> bool:
        """Whether the edit replaces or removes what stands at its target."""
        return self.kind in (Kind.SET, Kind.DELETE_KEY, Kind.DELETE_ITEM)


def _show(path: Path) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path) or "(root)"


def resolve(data: Any, path: Path) -> Any:
    node = data
    for part in path:
        in_dict = isinstance(node, dict) and isinstance(part, str) and part in node
        in_list = isinstance(node, list) and type(part) is int and 0 <= part < len(node)
        if not (in_dict or in_list):
            raise InvalidEdit(f"no value at {_show(path)}")
        node = node[part]
    return node


def check(ops: Iterable[Op], base: Any) -> None:
    """Refuse edits that name nothing, or that step on each other (a bug in the caller)."""
    replaced: set[Path] = set()
    added: set[Path] = set()
    ops = list(ops)
    for op in ops:
        check_value(op.value)
        container = resolve(base, op.container)
        if op.kind in (Kind.ADD_KEY, Kind.DELETE_KEY):
            if not isinstance(container, dict) or not isinstance(op.key, str):
                raise InvalidEdit(f"{_show(op.container)} is not a mapping")
            if (op.key in container) != (op.kind is Kind.DELETE_KEY):
                word = "already has" if op.kind is Kind.ADD_KEY else "has no"
                raise InvalidEdit(f"{_show(op.container)} {word} key {op.key!r}")
        elif op.kind in (Kind.APPEND, Kind.DELETE_ITEM):
            if not isinstance(container, list):
                raise InvalidEdit(f"{_show(op.container)} is not a list")
            if op.kind is Kind.DELETE_ITEM:
                if type(op.key) is not int:
                    raise InvalidEdit(f"list index {op.key!r} is not a whole number")
                resolve(container, (op.key,))
        else:
            if op.key is None:
                raise InvalidEdit("the whole document cannot be set")
            resolve(container, (op.key,))
        if op.replaces:
            if op.target in replaced:
                raise InvalidEdit(f"two edits of {_show(op.target)}")
            replaced.add(op.target)
        elif op.kind is Kind.ADD_KEY:
            if op.target in added:
                raise InvalidEdit(f"key {_show(op.target)} added twice")
            added.add(op.target)
    for op in ops:
        inside = op.target if not op.replaces else op.container
        for depth in range(len(inside) + 1):
            if inside[:depth] in replaced:
                raise InvalidEdit(f"an edit inside {_show(inside[:depth])}, which is replaced or removed")


def intended(base: Any, ops: Iterable[Op]) -> Any:
    """The data the edited file must read back as: ``base`` with the edits applied, copied on write."""
    root: Any = _copy(base)
    copies: dict[Path, Any] = {(): root}

    def container(path: Path) -> Any:
        if path not in copies:
            parent = container(path[:-1])
            parent[path[-1]] = copies[path] = _copy(parent[path[-1]])
        return copies[path]

    ops = list(ops)
    for op in ops:
        if op.kind in (Kind.SET, Kind.ADD_KEY):
            container(op.container)[op.key] = as_loaded(op.value)
        elif op.kind is Kind.DELETE_KEY:
            del container(op.container)[op.key]
    lists = {op.container: container(op.container) for op in ops if op.kind in (Kind.APPEND, Kind.DELETE_ITEM)}
    for path, items in lists.items():
        gone = [op.key for op in ops if op.kind is Kind.DELETE_ITEM and op.container == path]
        for index in sorted((i for i in gone if isinstance(i, int)), reverse=True):
            del items[index]
        items.extend(as_loaded(op.value) for op in ops if op.kind is Kind.APPEND and op.container == path)
    return root


def _copy(value: Any) -> Any:
    return value.copy() if isinstance(value, dict | list) else value


def as_loaded(value: Any) -> Any:
    """A new value in the shape the loader gives: dicts, lists, plain scalars."""
    if isinstance(value, dict):
        return {k: as_loaded(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [as_loaded(v) for v in value]
    return value


def first_difference(a: Any, b: Any, path: Path = ()) -> Path | None:
    """The first place where two loaded values differ, telling ``1``, ``1.0`` and ``true`` apart."""
    if type(a) is not type(b):
        return path
    if isinstance(a, dict):
        if list(a) != list(b):
            for key in a:
                if key not in b:
                    return (*path, key)
            return path
        for key in a:
            found = first_difference(a[key], b[key], (*path, key))
            if found is not None:
                return found
        return None
    if isinstance(a, list):
        for index, (x, y) in enumerate(zip(a, b, strict=False)):
            found = first_difference(x, y, (*path, index))
            if found is not None:
                return found
        return None if len(a) == len(b) else path
    same = repr(a) == repr(b) if isinstance(a, float) else a == b
    return None if same else path


def show_path(path: Path) -> str:
    return _show(path).lstrip(".")
