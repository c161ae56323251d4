"""A report's table drawn exactly as Rich's ``Table`` draws it, with each cell measured once.

Rich's ``Table`` measures every cell at least twice (to find the column widths, and again
when a column must shrink) and renders every cell through its padding, line-splitting and
cropping machinery: at 10,000 tasks that is most of ``dxkit status``'s time. Here each cell's
widths are taken once, Rich's own ``Table`` shares out the width between the columns from
them (so a narrow terminal collapses the same columns by the same amounts), and each body
line is put together as one string: cells broken by :func:`~dxkit.cli._wrap.wrap`, fitted
to their column by :func:`rich.cells.set_cell_size` and joined with the box Rich would pick
for this terminal (ASCII where the terminal cannot show the box characters). The title and
the header row, a few lines, are still drawn by Rich, so their styles are Rich's.
:func:`rich_table` is that table as Rich draws it, and :class:`Wrapped` the text of its cells.

Every character is the one Rich would print; ``tests/cli/test_fast_table.py`` compares the
two on hostile and Japanese tables at several widths. A terminal too narrow for a cell to
hold one character falls back to Rich's ``Table`` itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from rich.box import HEAVY_HEAD
from rich.cells import cell_len, set_cell_size
from rich.measure import Measurement
from rich.padding import Padding
from rich.segment import Segment
from rich.table import Column
from rich.table import Table as RichTable
from rich.text import Text

from dxkit.cli._wrap import widest_unit, wrap
from dxkit.escape import terminal_text

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult

    from dxkit.reporters.blocks import Table


class Wrapped:
    """Text that Rich draws broken where Japanese and English text may break (:mod:`._wrap`).

    It tells Rich how narrow it can be (its widest unit) and how wide it wants to be (its
    longest line), then draws itself as lines it broke itself, so Rich never splits a name.
    """

    def __init__(self, text: str, kind: str = "text") -> None:
        self.text = text
        self.kind = kind

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(*_measure(self.text, self.kind)).with_maximum(options.max_width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text("\n".join(wrap(self.text, options.max_width, self.kind)), no_wrap=True, overflow="fold")


def rich_table(table: Table) -> RichTable:
    """The table as Rich's own ``Table`` draws it (what :class:`FastTable` draws faster)."""
    # Cells are text, never markup: "[link=…]" or "[bold]" in a title stays as written,
    # and no control character reaches the terminal (terminal_text shows it as an escape).
    out = RichTable(title=Text(terminal_text(table.title)), title_justify="left", show_lines=False)
    for column, kind in zip(table.columns, table.column_kinds, strict=True):
        out.add_column(Wrapped(terminal_text(column), "name"), no_wrap=kind == "code")
    for row in table.rows:
        out.add_row(
            *(
                Wrapped(terminal_text(cell, newlines=True), kind)
                for cell, kind in zip(row, table.column_kinds, strict=True)
            )
        )
    return out


#: Rich's default cell padding: one space on the left and one on the right.
_PAD = 2


class _Widths(RichTable):
    """A Rich table with no rows that shares out the width from widths measured beforehand.

    Rich measures each cell through its :class:`~rich.padding.Padding` as
    ``min(measure + 2, width)`` (or the whole ``width`` when not even one character fits
    between the paddings); the largest of a column's cells is therefore the measure of the
    cell with the largest measure, which is what ``_measure_column`` returns here.
    """

    def __init__(self, measures: list[tuple[int, int]], no_wrap: list[bool]) -> None:
        super().__init__(*(Column(no_wrap=flag) for flag in no_wrap))
        self._measures = measures

    def _measure_column(self, console: Console, options: ConsoleOptions, column: Column) -> Measurement:
        width = options.max_width
        if width < 1:
            return Measurement(0, 0)
        if width - _PAD < 1:
            return Measurement(width, width)
        least, most = self._measures[column._index]
        return Measurement(min(least + _PAD, width), min(most + _PAD, width))

    def widths(self, console: Console, options: ConsoleOptions) -> list[int]:
        return self._calculate_column_widths(console, options.update_width(options.max_width - self._extra_width))


def _measure(text: str, kind: str) -> tuple[int, int]:
    """How narrow a cell of ``text`` can be (its widest unit) and how wide it wants to be (its longest line)."""
    longest = max((cell_len(line) for line in text.split("\n")), default=0)
    return min(widest_unit(text, kind), longest), longest


class FastTable:
    """One report table for a Rich console; text is escaped for the terminal here, once."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.kinds = table.column_kinds
        self.title = terminal_text(table.title)
        self.header = [terminal_text(column) for column in table.columns]
        self.rows = [[terminal_text(cell, newlines=True) for cell in row] for row in table.rows]
        measures = [_measure(name, "name") for name in self.header]
        for row in self.rows:
            for index, (cell, kind) in enumerate(zip(row, self.kinds, strict=True)):
                least, most = _measure(cell, kind)
                if least > measures[index][0] or most > measures[index][1]:
                    measures[index] = (max(least, measures[index][0]), max(most, measures[index][1]))
        self.sizer = _Widths(measures, [kind == "code" for kind in self.kinds])

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        widths = self.sizer.widths(console, options)
        if not widths or min(widths) <= _PAD:
            yield rich_table(self.table)
            return
        table_options = options.update(width=sum(widths) + self.sizer._extra_width, highlight=False, height=None)
        if self.title:
            yield from console.render(Text(self.title), table_options.update(justify="left"))
        box = HEAVY_HEAD.substitute(table_options, safe=console.safe_box)
        yield Segment(box.get_top(widths))
        yield Segment.line()
        yield from self._header(console, table_options, widths, box.head_left, box.head_vertical, box.head_right)
        yield Segment(box.get_row(widths, "head", edge=True))
        yield Segment.line()
        last = len(self.rows) - 1
        for index, row in enumerate(self.rows):
            if index == last:
                left, divider, right = box.foot_left, box.foot_vertical, box.foot_right
            else:
                left, divider, right = box.mid_left, box.mid_vertical, box.mid_right
            for line in self._row_lines(row, widths):
                yield Segment(left + divider.join(line) + right)
                yield Segment.line()
        yield Segment(box.get_bottom(widths))
        yield Segment.line()

    def _header(
        self, console: Console, options: ConsoleOptions, widths: list[int], left: str, divider: str, right: str
    ) -> Iterator[Segment]:
        """The header row as Rich draws it: bold cells (on a terminal), each aligned to the bottom."""
        style = console.get_style("table.header")
        cells = []
        for name, width, kind in zip(self.header, widths, self.kinds, strict=True):
            cell_options = options.update(
                width=width, justify="left", no_wrap=kind == "code", overflow="ellipsis", height=None, highlight=False
            )
            cells.append(console.render_lines(Padding(Wrapped(name, "name"), (0, 1)), cell_options, style=style))
        height = max(len(cell) for cell in cells)
        shaped = [
            Segment.set_shape(Segment.align_bottom(cell, width, height, style), width, height)
            for cell, width in zip(cells, widths, strict=True)
        ]
        for line in range(height):
            yield Segment(left)
            for index, cell in enumerate(shaped):
                if index:
                    yield Segment(divider)
                yield from cell[line]
            yield Segment(right)
            yield Segment.line()

    def _row_lines(self, row: list[str], widths: list[int]) -> list[list[str]]:
        """A body row as lines of cells: each cell broken to its column, then padded to it."""
        cells: list[list[str]] = []
        for text, width, kind in zip(row, widths, self.kinds, strict=True):
            inner = width - _PAD
            cells.append([" " + set_cell_size(line, inner) + " " for line in wrap(text, inner, kind)])
        height = max(len(lines) for lines in cells)
        for lines, width in zip(cells, widths, strict=True):
            lines.extend([" " * width] * (height - len(lines)))
        return [list(line) for line in zip(*cells, strict=True)]
