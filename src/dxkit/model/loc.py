"""Where a value of the model came from: its document and its path inside it.

Every record of the model carries one, so a rule or a report can point a person at the
file, line and column of any value without keeping positions for values nobody asks about.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from dxkit.loading import Document, Position

PathPart = str | int


@dataclass(frozen=True, slots=True)
class Loc:
    """A path inside one loaded document."""

    doc: Document
    path: tuple[PathPart, ...] = ()

    def __truediv__(self, part: PathPart) -> Loc:
        # Every record of the model makes one or more of these (200,000 for 1,000 consortia):
        # filling the two slots directly costs two thirds of going through the frozen __init__.
        child = _new(Loc)
        _set_doc(child, self.doc)
        _set_path(child, (*self.path, part))
        return child

    def join(self, parts: Sequence[PathPart]) -> Loc:
        return Loc(self.doc, (*self.path, *parts))

    @property
    def file(self) -> str:
        return self.doc.path

    def position(self, *, key: bool = False) -> Position:
        """The line and column of the value (of its key when ``key`` is true)."""
        return self.doc.locate(self.path, key=key)

    def raw(self) -> Any:
        """The value as the file wrote it (before the model normalised it), or ``None``."""
        node: Any = self.doc.data
        for part in self.path:
            if isinstance(node, dict) and isinstance(part, str):
                node = node.get(part)
            elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
                node = node[part]
            else:
                return None
        return node

    def member(self, index: int) -> Loc:
        """Where the ``index``-th id of a one-or-many field stands.

        A field written as one id (``accountable: city``) has no item to point at; the
        field itself is the place.
        """
        return self / index if isinstance(self.raw(), list) else self


_new = object.__new__
_set_doc = Loc.__dict__["doc"].__set__  # the slots' own descriptors
_set_path = Loc.__dict__["path"].__set__
