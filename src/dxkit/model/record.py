"""What every generated record of the model shares: value equality, a short repr, ``replace``.

The records of :mod:`dxkit.model.records` are written out as plain classes with slots rather
than made by :func:`dataclasses.dataclass` when the module is imported: the decorator compiles
four to six methods of each of the 61 classes at every start of the command line, which was a
fifth of a cold ``dxkit validate``. A generated class holds its ``__init__`` and, in
``FIELDS``, the names of its fields in order; this base holds the rest, once.

Records are never changed after loading: every field is ``Final``, which the type checker
enforces on every assignment; :meth:`Record.replace` makes a changed copy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Self

if TYPE_CHECKING:
    from dxkit.model.loc import Loc


class Record:
    """A record read from a governance file: its fields, and ``at``, where it stands in the file.

    Two records are equal when they are of one class and their fields are equal; ``at`` takes
    no part in equality, hashing or the repr (the same task read from two copies of a file is
    the same task).
    """

    __slots__ = ()

    #: The names of the fields, in the order of ``__init__``, without ``at``.
    FIELDS: ClassVar[tuple[str, ...]] = ()

    if TYPE_CHECKING:

        @property
        def at(self) -> Loc:
            """Where the record stands in its file (a read-only field of every record)."""
            ...

    def values(self) -> tuple[Any, ...]:
        """The value of every field, in the order of ``FIELDS``."""
        return tuple(getattr(self, name) for name in self.FIELDS)

    def replace(self, **changes: Any) -> Self:
        """A copy of the record with the fields named in ``changes`` set to new values."""
        unknown = changes.keys() - set(self.FIELDS) - {"at"}
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field {', '.join(sorted(unknown))}")
        values = {name: getattr(self, name) for name in ("at", *self.FIELDS)} | changes
        return type(self)(**values)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Record) or type(other) is not type(self):
            return NotImplemented
        return self.values() == other.values()

    def __hash__(self) -> int:
        return hash(self.values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.FIELDS)
        return f"{type(self).__qualname__}({fields})"
