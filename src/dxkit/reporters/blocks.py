"""What a reporter hands the command line: neutral blocks, never terminal objects.

A report for people is a sequence of blocks. The command line decides how a block looks on a
terminal (it draws a :class:`Table` with Rich); nothing here knows about Rich, Typer or Click,
and nothing here decides an exit code.
"""

from __future__ import annotations

from dataclasses import dataclass

#: How the cells of a column may break on a narrow terminal: ``text`` between words (and
#: between Japanese characters), ``name`` only at a name's own boundaries and only when it does
#: not fit, ``code`` (ids, dates, numbers) never.
COLUMN_KINDS = ("text", "name", "code")


@dataclass(frozen=True)
class Table:
    """A titled table of text cells; every row has one cell per column.

    ``kinds`` gives each column one of :data:`COLUMN_KINDS` (all ``text`` when empty).
    """

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    kinds: tuple[str, ...] = ()

    @property
    def column_kinds(self) -> tuple[str, ...]:
        return self.kinds or ("text",) * len(self.columns)

    def __post_init__(self) -> None:
        if self.kinds and (len(self.kinds) != len(self.columns) or set(self.kinds) - set(COLUMN_KINDS)):
            raise TypeError(f"table {self.title!r}: kinds {self.kinds!r} for {len(self.columns)} columns")
        for row in self.rows:
            if len(row) != len(self.columns):
                raise TypeError(f"table {self.title!r}: a row has {len(row)} cells for {len(self.columns)} columns")


@dataclass(frozen=True)
class Line:
    """One line of text for people, shown the way the terminal shows every other line."""

    text: str


@dataclass(frozen=True)
class Verbatim:
    """Text written exactly as it is, newlines included (JSON, a Markdown page, a mermaid block)."""

    text: str


Block = Table | Line | Verbatim
Document = tuple[Block, ...]
