"""The ``dxkit`` command line: thin wrappers that parse arguments, call the core, print.

Help texts follow ``DXKIT_LANG`` (Japanese by default); messages follow ``--lang``.
An expected failure becomes its message and exit code in :class:`~dxkit.cli._common.DxkitGroup`;
anything else is a bug, which :func:`main` reports briefly.
"""

from __future__ import annotations

import sys
import traceback
from typing import Annotated

import typer

from dxkit import __version__
from dxkit.cli import agenda as _agenda
from dxkit.cli import analyses as _analyses
from dxkit.cli import assess as _assess
from dxkit.cli import exchange as _exchange
from dxkit.cli import init as _init
from dxkit.cli import new as _new
from dxkit.cli import overview as _overview
from dxkit.cli import promote as _promote
from dxkit.cli import schema as _schema
from dxkit.cli import site as _site
from dxkit.cli import validate as _validate
from dxkit.cli._common import DxkitCommand, DxkitGroup, help_text
from dxkit.cli._output import show
from dxkit.errors import EXIT_COULD_NOT_RUN
from dxkit.i18n import resolve_lang, t

app = typer.Typer(
    name="dxkit",
    cls=DxkitGroup,
    help=help_text("help.app"),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.command("init", cls=DxkitCommand, help=help_text("help.init"))(_init.init)
app.command("validate", cls=DxkitCommand, help=help_text("help.validate"))(_validate.validate)
app.add_typer(_new.app, name="new")
_new.app.command("assessment", cls=DxkitCommand, help=help_text("help.new.assessment"))(_assess.new_assessment)
app.command("agenda", cls=DxkitCommand, help=help_text("help.agenda"))(_agenda.agenda)
app.command("promote", cls=DxkitCommand, help=help_text("help.promote"))(_promote.promote)
app.command("status", cls=DxkitCommand, help=help_text("help.status"))(_analyses.status)
app.command("gate", cls=DxkitCommand, help=help_text("help.gate"))(_analyses.gate)
app.command("keyperson", cls=DxkitCommand, help=help_text("help.keyperson"))(_analyses.keyperson)
app.command("lessons", cls=DxkitCommand, help=help_text("help.lessons"))(_analyses.lessons)
app.command("assess", cls=DxkitCommand, help=help_text("help.assess"))(_assess.assess)
app.command("overview", cls=DxkitCommand, help=help_text("help.overview"))(_overview.overview)
app.command("export", cls=DxkitCommand, help=help_text("help.export"))(_exchange.export)
app.command("import", cls=DxkitCommand, help=help_text("help.import"))(_exchange.import_sheet)
app.add_typer(_schema.app, name="schema")
app.add_typer(_site.app, name="site")


def _version(value: bool) -> None:
    if value:
        show(f"dxkit {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=help_text("help.version")),
    ] = False,
) -> None:
    """dxkit."""


def _asked_lang(argv: list[str]) -> str | None:
    """The ``--lang`` a person gave on the command line, read without the parser that failed."""
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg.startswith("--lang="):
            return arg.removeprefix("--lang=")
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
    return None


def _report_bug(exc: BaseException) -> None:
    lang = resolve_lang(_asked_lang(sys.argv[1:]))
    where = traceback.extract_tb(exc.__traceback__)[-1:] if exc.__traceback__ else []
    place = f" ({where[0].filename.rsplit('/', 1)[-1]}:{where[0].lineno})" if where else ""
    show(t("cli.bug", lang, version=__version__, error=f"{type(exc).__name__}{place}"), err=True)


def main() -> None:
    """Console entry point: no traceback ever reaches a person."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)  # the shell's convention for a run stopped by Ctrl+C
    except Exception as exc:  # a bug: say so briefly, never dump a traceback on a person
        _report_bug(exc)
        sys.exit(EXIT_COULD_NOT_RUN)
