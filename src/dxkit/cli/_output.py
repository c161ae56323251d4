"""What the command line writes: the only place that prints, and that builds Rich objects.

Every message goes through :func:`show`, which shows control characters as visible escapes
(:func:`~dxkit.escape.terminal_text`): a message carries names, titles and values from
people's files, and on a terminal (or through a pipe into one) an escape sequence in them
would set the window title, write the clipboard or clear the screen. :func:`write` is for a
document (JSON, XML, CSV, Markdown, an agenda) whose writer in :mod:`dxkit.escape` already
keeps it free of control characters; it is printed as it is, so it stays exact data.
A test holds the command line to this: no other module calls ``typer.echo`` or ``print``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import typer

from dxkit.escape import terminal_text
from dxkit.reporters.blocks import Block, Line, Table, Verbatim

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult
    from rich.measure import Measurement
    from rich.table import Table as RichTable


def console() -> Console:
    """A Rich console for people; plain (no colour codes) when not writing to a terminal."""
    from rich.console import Console

    # Consortium files are written by many hands: no text from them may act as Rich markup.
    return Console(highlight=False, soft_wrap=False, markup=False, emoji=False)


class Wrapped:
    """Text that Rich draws broken where Japanese and English text may break (:mod:`._wrap`).

    It tells Rich how narrow it can be (its widest unit) and how wide it wants to be (its
    longest line), then draws itself as lines it broke itself, so Rich never splits a name.
    """

    def __init__(self, text: str, kind: str = "text") -> None:
        self.text = text
        self.kind = kind

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        from rich.cells import cell_len
        from rich.measure import Measurement

        from dxkit.cli._wrap import widest_unit

        longest = max((cell_len(line) for line in self.text.split("\n")), default=0)
        return Measurement(min(widest_unit(self.text, self.kind), longest), longest).with_maximum(options.max_width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.text import Text

        from dxkit.cli._wrap import wrap

        yield Text("\n".join(wrap(self.text, options.max_width, self.kind)), no_wrap=True, overflow="fold")


def rich_table(table: Table) -> RichTable:
    from rich.table import Table as RichTable
    from rich.text import Text

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


def show(text: str, *, err: bool = False) -> None:
    """One message for people (standard output, or standard error with ``err``), then a newline."""
    typer.echo(terminal_text(text, newlines=True, tabs=True), err=err)


def write(document: str) -> None:
    """A document on standard output exactly as its writer made it (no newline is added)."""
    typer.echo(document, nl=False)


def emit(blocks: Iterable[Block]) -> None:
    """Write a report to standard output: tables and lines through Rich, verbatim text as it is."""
    out: Console | None = None
    for block in blocks:
        if isinstance(block, Verbatim):
            write(block.text)
            continue
        out = out or console()
        if isinstance(block, Line):
            out.print(Wrapped(terminal_text(block.text, newlines=True)))
        else:
            out.print(rich_table(block))


def as_text(blocks: Iterable[Block], *, width: int = 200) -> str:
    """A report as a file holds it: verbatim text as it is, lines and tables drawn as on a wide terminal."""
    import io

    from rich.console import Console

    parts: list[str] = []
    for block in blocks:
        if isinstance(block, Verbatim):
            parts.append(block.text)
            continue
        buffer = io.StringIO()
        out = Console(file=buffer, width=width, highlight=False, markup=False, emoji=False, color_system=None)
        out.print(terminal_text(block.text, newlines=True) if isinstance(block, Line) else rich_table(block))
        parts.append(buffer.getvalue())
    return "".join(parts)
