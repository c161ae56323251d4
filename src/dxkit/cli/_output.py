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
        out.print(terminal_text(block.text, newlines=True) if isinstance(block, Line) else rich_table(block))
