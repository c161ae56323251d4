"""How reporters' blocks look on a terminal: the only place that builds Rich objects."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import typer

from dxkit.escape import terminal_text
from dxkit.reporters.blocks import Block, Line, Table, Verbatim

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table as RichTable


def console() -> Console:
    """A Rich console for people; plain (no colour codes) when not writing to a terminal."""
    from rich.console import Console

    # Consortium files are written by many hands: no text from them may act as Rich markup.
    return Console(highlight=False, soft_wrap=False, markup=False, emoji=False)


def rich_table(table: Table) -> RichTable:
    from rich.table import Table as RichTable
    from rich.text import Text

    # Cells are Text, never markup: "[link=…]" or "[bold]" in a title stays as written.
    # and no control character reaches the terminal (terminal_text shows it as an escape).
    out = RichTable(title=Text(terminal_text(table.title)), title_justify="left", show_lines=False)
    for column in table.columns:
        out.add_column(Text(terminal_text(column)), overflow="fold")
    for row in table.rows:
        out.add_row(*(Text(terminal_text(cell, newlines=True)) for cell in row))
    return out


def emit(blocks: Iterable[Block]) -> None:
    """Write a report to standard output: tables and lines through Rich, verbatim text as it is."""
    out: Console | None = None
    for block in blocks:
        if isinstance(block, Verbatim):
            typer.echo(block.text, nl=False)
            continue
        out = out or console()
        out.print(terminal_text(block.text, newlines=True) if isinstance(block, Line) else rich_table(block))
