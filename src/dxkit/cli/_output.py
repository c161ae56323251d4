"""What the command line writes: the only place that prints, and (with :mod:`._table`) builds Rich objects.

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

    from dxkit.cli._table import FastTable


def console() -> Console:
    """A Rich console for people; plain (no colour codes) when not writing to a terminal."""
    from rich.console import Console

    # Consortium files are written by many hands: no text from them may act as Rich markup.
    return Console(highlight=False, soft_wrap=False, markup=False, emoji=False)


def _drawn(table: Table) -> FastTable:
    """A table as :func:`rich_table` draws it, measured and drawn without Rich's per-cell cost."""
    from dxkit.cli._table import FastTable

    return FastTable(table)


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
            from dxkit.cli._table import Wrapped

            out.print(Wrapped(terminal_text(block.text, newlines=True)))
        else:
            out.print(_drawn(block))


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
        out.print(terminal_text(block.text, newlines=True) if isinstance(block, Line) else _drawn(block))
        parts.append(buffer.getvalue())
    return "".join(parts)
